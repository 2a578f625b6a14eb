import { and, eq } from "drizzle-orm";
import { auditInsert } from "../audit";
import { findCustomer, findDocument } from "../customers/customer-records";
import type { Database } from "../db/client";
import { autoPolicies, customerDocuments, fnolClaims } from "../db/schema";
import { type DomainEvent, domainEvent } from "../domain/events/catalog";
import { eventIdFor } from "../domain/events/event-id";
import { CLAIM_MESSAGES } from "../domain/fnol/claim-checks";
import { judgeDamagePhoto } from "../domain/fnol/damage-photo-verdict";
import type { Env } from "../env";
import { runBatch } from "../events/batch";
import { appendEvents, type Statement } from "../events/event-log";
import { publishEvents } from "../events/publish";
import { issueUploadUrl } from "../uploads/upload-grants";
import { damagePhotoGrantKey, UnknownClaimError } from "./claim-decision";
import { expireUploadUrls, findFnolClaim, moveClaimTo } from "./claim-records";
import type { DamagePhotoAssessment, UnusableDamagePhoto } from "./damage-photo";

async function commit(env: Env, db: Database, statements: Statement[], events: DomainEvent[]) {
  await runBatch(db, [...statements, ...appendEvents(db, events)]);
  await publishEvents(env, events);
}

/**
 * A damage photo that could not be assessed: the document FAILED with the reason, and
 * Document.Rejected with the guidance and, while attempts are left, a new upload URL; after the
 * last attempt the claim is closed with Claim.Rejected. Replay-safe (ids derived from the document
 * and the attempt; the stage only moves from AWAITING_PHOTO).
 */
export async function recordUnusablePhoto(
  env: Env,
  db: Database,
  claimId: string,
  documentId: string,
  photo: UnusableDamagePhoto,
  attempt: number,
  maxAttempts: number,
): Promise<{ attemptsLeft: number }> {
  const found = await findFnolClaim(db, claimId);
  if (!found) throw new UnknownClaimError(`no first notice of loss ${claimId}`);
  const { customerId } = found.fnol;
  const attemptsLeft = Math.max(0, maxAttempts - attempt);
  const at = new Date().toISOString();
  const customer = await findCustomer(db, customerId);
  const upload =
    attemptsLeft > 0
      ? await issueUploadUrl(db, env.JWT_SECRET, {
          customerId,
          purpose: "DAMAGE",
          claimId,
          origin: customer?.apiOrigin ?? "",
          now: new Date(),
          replayKey: damagePhotoGrantKey(claimId, attempt + 1),
        })
      : undefined;
  const events: DomainEvent[] = [
    domainEvent(
      "Document.Rejected",
      await eventIdFor(documentId, "Document.Rejected"),
      {
        customerId,
        recordId: documentId,
        claimId,
        documentType: "CAR",
        code: photo.code,
        message: photo.message,
        guidance: photo.guidance,
        attemptsLeft,
        uploadCarDamageUrl: upload?.url ?? null,
      },
      at,
    ),
  ];
  const statements: Statement[] = [
    db
      .update(customerDocuments)
      .set({ status: "FAILED", failureReason: `${photo.code}: ${photo.message}`.slice(0, 500), processedAt: at })
      .where(and(eq(customerDocuments.id, documentId), eq(customerDocuments.status, "UPLOADED"))),
    db
      .update(fnolClaims)
      .set({ photoAttempts: attempt, updatedAt: at })
      .where(and(eq(fnolClaims.claimId, claimId), eq(fnolClaims.stage, "AWAITING_PHOTO"))),
    ...(upload ? [upload.statement] : []),
  ];
  if (attemptsLeft === 0) {
    events.push(
      domainEvent(
        "Claim.Rejected",
        await eventIdFor(claimId, "Claim.Rejected"),
        { customerId, claimId, message: CLAIM_MESSAGES.NO_USABLE_PHOTO, reason: "NO_USABLE_PHOTO" },
        at,
      ),
    );
    statements.push(
      ...moveClaimTo(db, claimId, { stage: "REJECTED", reason: "NO_USABLE_PHOTO", from: ["AWAITING_PHOTO"], at }),
      auditInsert(db, {
        entityType: "claim",
        entityId: claimId,
        action: "claim.fnol_closed",
        actor: null,
        after: { stage: "REJECTED", reason: "NO_USABLE_PHOTO", photo_attempts: attempt },
      }),
    );
  }
  await commit(env, db, statements, events);
  return { attemptsLeft };
}

/**
 * A usable damage photo: the analysis stored on the document and the claim, Document.Processed,
 * then the fraud verdict (the car's colour against the policy, damage present) as
 * Fraud.Detected (CLAIMS, the claim closed) or Fraud.Not.Detected (on to settlement).
 */
export async function recordDamageAssessment(
  env: Env,
  db: Database,
  claimId: string,
  documentId: string,
  assessment: DamagePhotoAssessment,
): Promise<{ fraud: boolean; reasons: string[] }> {
  const found = await findFnolClaim(db, claimId);
  if (!found) throw new UnknownClaimError(`no first notice of loss ${claimId}`);
  const { customerId, policyId } = found.fnol;
  const policy = await db.select().from(autoPolicies).where(eq(autoPolicies.id, policyId)).get();
  const verdict = judgeDamagePhoto({
    policyColour: policy?.color ?? "",
    colourProbabilities: assessment.colour.probabilities,
    damageProbability: assessment.damageProbability,
  });
  const at = new Date().toISOString();
  const base = { customerId, recordId: documentId, documentType: "CAR" as const, claimId };
  const processed = domainEvent(
    "Document.Processed",
    await eventIdFor(documentId, "Document.Processed"),
    {
      ...base,
      analyzedFieldAndValues: {
        damage: assessment.damage,
        color: { Name: assessment.colour.label, Confidence: Math.round(assessment.colour.confidence * 100_000) / 1000 },
        type: "claims",
      },
    },
    at,
  );
  const verdictId = await eventIdFor(documentId, "fraud-verdict");
  const verdictEvent = verdict.fraud
    ? domainEvent(
        "Fraud.Detected",
        verdictId,
        { ...base, fraudType: "CLAIMS", fraudReason: verdict.reasons[0], fraudReasons: verdict.reasons },
        at,
      )
    : domainEvent("Fraud.Not.Detected", verdictId, base, at);
  const stored = { ...assessment, documentId } as unknown as Record<string, unknown>;
  await commit(
    env,
    db,
    [
      db
        .update(customerDocuments)
        .set({
          status: "PROCESSED",
          analysis: stored,
          processedAt: at,
          ...(verdict.fraud
            ? { fraudVerdict: "DETECTED" as const, fraudType: "CLAIMS", fraudReason: verdict.reasons.join(" ") }
            : { fraudVerdict: "NOT_DETECTED" as const }),
        })
        .where(and(eq(customerDocuments.id, documentId), eq(customerDocuments.status, "UPLOADED"))),
      db
        .update(fnolClaims)
        .set({ damageDocumentId: documentId, damageAssessment: stored, updatedAt: at })
        .where(and(eq(fnolClaims.claimId, claimId), eq(fnolClaims.stage, "AWAITING_PHOTO"))),
      ...moveClaimTo(
        db,
        claimId,
        verdict.fraud
          ? {
              stage: "FRAUD_DETECTED",
              reason: verdict.reasons[0],
              fraudReason: verdict.reasons.join(" "),
              from: ["AWAITING_PHOTO"],
              at,
            }
          : { stage: "PHOTO_RECEIVED", from: ["AWAITING_PHOTO"], at },
      ),
      // No further photo can be sent to a claim that has its photo.
      expireUploadUrls(db, claimId, at),
      auditInsert(db, {
        entityType: "claim",
        entityId: claimId,
        action: verdict.fraud ? "claim.fnol_fraud_detected" : "claim.fnol_photo_assessed",
        actor: null,
        after: {
          damage_document_id: documentId,
          stage: verdict.fraud ? "FRAUD_DETECTED" : "PHOTO_RECEIVED",
          severity: assessment.severity.label,
        },
      }),
    ],
    [processed, verdictEvent],
  );
  return verdict.fraud ? { fraud: true, reasons: verdict.reasons } : { fraud: false, reasons: [] };
}

/** The stored damage photo of a claim, if it is one this claim is waiting for. */
export async function damagePhotoBytes(env: Env, db: Database, claimId: string, documentId: string) {
  const document = await findDocument(db, documentId);
  if (!document || document.claimId !== claimId || document.documentType !== "DAMAGE" || !document.objectKey) {
    return { status: "NOT_THIS_CLAIMS" as const };
  }
  if (document.status !== "UPLOADED") return { status: "ALREADY_HANDLED" as const };
  const object = await env.DOCUMENTS.get(document.objectKey);
  if (!object) return { status: "MISSING" as const };
  return { status: "READY" as const, bytes: new Uint8Array(await object.arrayBuffer()) };
}
