import { auditInsert } from "../audit";
import type { Database } from "../db/client";
import type { FnolStage } from "../db/schema";
import { domainEvent } from "../domain/events/catalog";
import { eventIdFor } from "../domain/events/event-id";
import { CLAIM_MESSAGES } from "../domain/fnol/claim-checks";
import type { Env } from "../env";
import { runBatch } from "../events/batch";
import { appendEvents } from "../events/event-log";
import { publishEvents } from "../events/publish";
import { UnknownClaimError } from "./claim-decision";
import { expireUploadUrls, findFnolClaim, moveClaimTo } from "./claim-records";

interface Closure {
  stage: "ABANDONED" | "FAILED";
  reason: "ABANDONED" | "PROCESSING_FAILED";
  /** Only from these stages: a claim that has moved on meanwhile is left as it is. */
  from: readonly FnolStage[];
  action: string;
}

/**
 * Closes an open claim without a decision on its merits: Claim.Rejected with the reason, its
 * unused upload URLs expired, an audit entry; replay-safe (the event id is the claim's, and the
 * stage only moves from `from`).
 */
async function closeClaim(env: Env, db: Database, claimId: string, closure: Closure): Promise<boolean> {
  const found = await findFnolClaim(db, claimId);
  if (!found) throw new UnknownClaimError(`no first notice of loss ${claimId}`);
  if (!closure.from.includes(found.fnol.stage)) return false;
  const at = new Date().toISOString();
  const event = domainEvent(
    "Claim.Rejected",
    await eventIdFor(claimId, "Claim.Rejected"),
    { customerId: found.fnol.customerId, claimId, message: CLAIM_MESSAGES[closure.reason], reason: closure.reason },
    at,
  );
  await runBatch(db, [
    ...moveClaimTo(db, claimId, { stage: closure.stage, reason: closure.reason, from: closure.from, at }),
    expireUploadUrls(db, claimId, at),
    auditInsert(db, {
      entityType: "claim",
      entityId: claimId,
      action: closure.action,
      actor: null,
      before: { stage: found.fnol.stage },
      after: { stage: closure.stage, reason: closure.reason },
    }),
    ...appendEvents(db, [event]),
  ]);
  await publishEvents(env, [event]);
  return true;
}

/** No damage photo within the timeout: the claim is closed as abandoned, with Claim.Rejected. */
export async function closeAbandonedClaim(env: Env, db: Database, claimId: string): Promise<void> {
  await closeClaim(env, db, claimId, {
    stage: "ABANDONED",
    reason: "ABANDONED",
    from: ["AWAITING_PHOTO"],
    action: "claim.fnol_abandoned",
  });
}

/** A claim whose Workflow died more often than recovery restarts it: FAILED, with Claim.Rejected. */
export const closeFailedClaim = (env: Env, db: Database, claimId: string, stage: FnolStage): Promise<boolean> =>
  closeClaim(env, db, claimId, {
    stage: "FAILED",
    reason: "PROCESSING_FAILED",
    from: [stage],
    action: "claim.fnol_failed",
  });
