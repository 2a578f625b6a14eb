import type { Role } from "../../db/schema";

/** What an administrator may change about a user. */
export interface UserAccess {
  role: Role;
  active: boolean;
  providerId: string | null;
  customerId: string | null;
}

export type UserChangeRequest = Partial<UserAccess>;

export type UserChangePlan = { ok: true; after: UserAccess; changed: boolean } | { ok: false; problems: string[] };

/**
 * The user's access after a change, or why it is refused: a provider user is bound to one provider,
 * a customer user to one customer, and no other role to either. Ids are checked to exist elsewhere.
 */
export function planUserChange(before: UserAccess, change: UserChangeRequest): UserChangePlan {
  const role = change.role ?? before.role;
  const roleChanged = role !== before.role;
  // A new role drops the binding of the old one unless the request names it.
  const providerId = change.providerId !== undefined ? change.providerId : roleChanged ? null : before.providerId;
  const customerId = change.customerId !== undefined ? change.customerId : roleChanged ? null : before.customerId;
  const after: UserAccess = { role, active: change.active ?? before.active, providerId, customerId };

  const problems = bindingProblems(after);
  if (problems.length > 0) return { ok: false, problems };
  const changed =
    after.role !== before.role ||
    after.active !== before.active ||
    after.providerId !== before.providerId ||
    after.customerId !== before.customerId;
  return { ok: true, after, changed };
}

/** The role's binding rules, shared with registration. */
export function bindingProblems(access: Pick<UserAccess, "role" | "providerId" | "customerId">): string[] {
  const problems: string[] = [];
  if (access.role === "provider" && !access.providerId) problems.push("provider_id is required for the provider role");
  if (access.role === "customer" && !access.customerId) problems.push("customer_id is required for the customer role");
  if (access.role !== "provider" && access.providerId)
    problems.push("provider_id is only allowed for the provider role");
  if (access.role !== "customer" && access.customerId)
    problems.push("customer_id is only allowed for the customer role");
  return problems;
}

/** Whether the change removes an active admin (then another active admin must remain). */
export const removesAnAdmin = (before: UserAccess, after: UserAccess): boolean =>
  before.role === "admin" && before.active && !(after.role === "admin" && after.active);
