import { eq } from "drizzle-orm";
import type { CurrentUser } from "../auth/current-user";
import type { Database } from "../db/client";
import { users } from "../db/schema";
import { planUserChange, type UserChangeRequest } from "../domain/users/user-change";
import type { Env } from "../env";
import { ApiError } from "../errors/api-error";
import { closeStreams } from "../events/streams";
import { requireBindingExists } from "./binding";
import { changeUserAccess } from "./change-access";

/** An administrator's change of a user's role, binding or active flag: validated, guarded, audited. */
export async function applyUserChange(
  db: Database,
  env: Env,
  userId: string,
  change: UserChangeRequest,
  meta: { action: string; actor: CurrentUser; requestId: string },
) {
  const before = await db.query.users.findFirst({ where: eq(users.id, userId) });
  if (!before) throw new ApiError("NOT_FOUND", `User ${userId} not found`);
  const plan = planUserChange(before, change);
  if (!plan.ok)
    throw new ApiError("VALIDATION_ERROR", plan.problems.join("; "), { details: { problems: plan.problems } });
  if (!plan.changed) return before;
  if (plan.after.providerId !== before.providerId || plan.after.customerId !== before.customerId)
    await requireBindingExists(db, plan.after);
  const applied = await changeUserAccess(env.DB, before, plan.after, { ...meta, now: new Date().toISOString() });
  if (!applied) {
    throw new ApiError("CONFLICT", "The change would leave no active admin, or the user changed meanwhile", {
      details: { user_id: userId },
    });
  }
  const after = (await db.query.users.findFirst({ where: eq(users.id, userId) }))!;
  // A customer's open streams end with the access that opened them.
  if (before.customerId && (!after.active || after.customerId !== before.customerId || after.role !== before.role)) {
    await closeStreams(env, before.customerId, { userId }, "access changed");
  }
  return after;
}
