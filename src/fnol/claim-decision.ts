import { and, desc, eq, isNull, ne, or } from "drizzle-orm";
import { auditInsert } from "../audit";
import { findCustomer } from "../customers/customer-records";
import type { Database } from "../db/client";
import { autoPolicies, customerDocuments } from "../db/schema";
import { domainEvent } from "../domain/events/catalog";
import { eventIdFor } from "../domain/events/event-id";
import { CLAIM_MESSAGES, type ClaimCheck, checkClaim } from "../domain/fnol/claim-checks";
import type { Env } from "../env";
import { runBatch } from "../events/batch";
import { appendEvents } from "../events/event-log";
import { publishEvents } from "../events/publish";
import { issueUploadUrl } from "../uploads/upload-grants";
import { findFnolClaim, moveClaimTo } from "./claim-records";

export class UnknownClaimError extends Error {}

/**
 * The licence number that counts: DOCUMENT_NUMBER of the customer's latest processed licence that
 * the fraud checks did not flag (a licence that failed them proves no identity).
 */
async function processedLicenceNumber(db: Database, customerId: string): Promise<string | undefined> {
  const licence = await db
    .select({ analysis: customerDocuments.analysis })
    .from(customerDocuments)
    .where(
      and(
        eq(customerDocuments.customerId, customerId),
        eq(customerDocuments.documentType, "DRIVERS_LICENSE"),
        eq(customerDocuments.status, "PROCESSED"),
        or(isNull(customerDocuments.fraudVerdict), ne(customerDocuments.fraudVerdict, "DETECTED")),
      ),
    )
    .orderBy(desc(customerDocuments.uploadedAt))
    .get();
  const fields = licence?.analysis?.fields as Record<string, string> | undefined;
  return fields?.DOCUMENT_NUMBER || undefined;
}

/** Runs the claim's checks against the policy and the processed licence; reads only. */
export async function checkFiledClaim(db: Database, claimId: string): Promise<ClaimCheck> {
  const found = await findFnolClaim(db, claimId);
  if (!found) throw new UnknownClaimError(`no first notice of loss ${claimId}`);
  const { fnol, claim } = found;
  const policy = await db.select().from(autoPolicies).where(eq(autoPolicies.id, fnol.policyId)).get();
  return checkClaim({
    customerId: fnol.customerId,
    policy: policy ?? undefined,
    occurrenceAt: fnol.occurrenceAt,
    filedAt: claim.createdAt,
    driversLicenseNumber: fnol.driversLicenseNumber,
    processedLicenceNumber: await processedLicenceNumber(db, fnol.customerId),
  });
}

export type ClaimDecisionOutcome =
  | { status: "AWAITING_PHOTO" | "REJECTED"; eventId: string }
  | { status: "UNCHANGED"; stage: string };

/** The damage-photo upload URL of a claim's nth photo: the same grant on every replay. */
export const damagePhotoGrantKey = (claimId: string, attempt: number) => `claim:${claimId}:photo:${attempt}`;

/**
 * Records the decision: Claim.Accepted with the damage-photo upload URL, or Claim.Rejected with
 * the reason; the claim's stage and status, the audit entry and the event in one batch. Replay-safe:
 * event and grant ids are derived from the claim, and the stage moves only from REQUESTED.
 */
export async function recordClaimDecision(
  env: Env,
  db: Database,
  claimId: string,
  check: ClaimCheck,
): Promise<ClaimDecisionOutcome> {
  const found = await findFnolClaim(db, claimId);
  if (!found) throw new UnknownClaimError(`no first notice of loss ${claimId}`);
  const { fnol } = found;
  const customerId = fnol.customerId;
  const existing = check.accepted ? "Claim.Accepted" : "Claim.Rejected";
  const eventId = await eventIdFor(claimId, existing);
  if (fnol.stage !== "REQUESTED") return { status: "UNCHANGED", stage: fnol.stage };
  const at = new Date().toISOString();
  if (!check.accepted) {
    const event = domainEvent(
      "Claim.Rejected",
      eventId,
      { customerId, claimId, message: check.message, reason: check.reason },
      at,
    );
    await runBatch(db, [
      ...moveClaimTo(db, claimId, { stage: "REJECTED", reason: check.reason, from: ["REQUESTED"], at }),
      auditInsert(db, {
        entityType: "claim",
        entityId: claimId,
        action: "claim.fnol_rejected",
        actor: null,
        after: { stage: "REJECTED", reason: check.reason },
      }),
      ...appendEvents(db, [event]),
    ]);
    await publishEvents(env, [event]);
    return { status: "REJECTED", eventId };
  }
  const customer = await findCustomer(db, customerId);
  const upload = await issueUploadUrl(db, env.JWT_SECRET, {
    customerId,
    purpose: "DAMAGE",
    claimId,
    origin: customer?.apiOrigin ?? "",
    now: new Date(),
    replayKey: damagePhotoGrantKey(claimId, 1),
  });
  const event = domainEvent(
    "Claim.Accepted",
    eventId,
    { customerId, claimId, uploadCarDamageUrl: upload.url, message: CLAIM_MESSAGES.accepted },
    at,
  );
  await runBatch(db, [
    ...moveClaimTo(db, claimId, { stage: "AWAITING_PHOTO", from: ["REQUESTED"], at }),
    upload.statement,
    auditInsert(db, {
      entityType: "claim",
      entityId: claimId,
      action: "claim.fnol_accepted",
      actor: null,
      after: { stage: "AWAITING_PHOTO", upload_grant_id: upload.grantId },
    }),
    ...appendEvents(db, [event]),
  ]);
  await publishEvents(env, [event]);
  return { status: "AWAITING_PHOTO", eventId };
}
