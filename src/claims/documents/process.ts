import { eq } from "drizzle-orm";
import { createDatabase } from "../../db/client";
import { policies } from "../../db/schema";
import { fraudInputFromDocument } from "../../domain/documents/fraud-input";
import { afterFailure, MAX_PROCESSING_ATTEMPTS, spentAttemptsReason } from "../../domain/documents/processing-attempts";
import { estimateReserve, fraudModelName, RESERVE_MODEL_NAME, scoreFraud } from "../../domain/fraud";
import { normalizePolicyNumber } from "../../domain/policies";
import { appConfig, type Env } from "../../env";
import { activeModelSet } from "../../model-registry/loader";
import { PdfRejectedError } from "../../pdf";
import { getPageOcr, resetPageOcr } from "../../pdf/ocr";
import { OcrFailedError } from "../../pdf/reader";
import { extractFieldsFromPdf } from "./extract-from-pdf";
import {
  failClaim,
  heldBy,
  type Lease,
  readProcessingState,
  requeueClaim,
  takeLease,
  unchangedSince,
} from "./processing-state";

export const OCR_TRAINEDDATA_KEY = "ocr/eng.traineddata.gz";
// The best held-out ROC-AUC on insurance_claims (models/fraud/insurance_claims.MODEL_CARD.md).
const DOCUMENT_FRAUD_MODEL = { model: "gbdt", calibrated: true } as const;
const FRAUD_MODEL_NAME = fraudModelName(
  "insurance_claims",
  DOCUMENT_FRAUD_MODEL.model,
  DOCUMENT_FRAUD_MODEL.calibrated,
);

/** A failure that retrying cannot fix (the claim goes straight to FAILED). */
export class PermanentDocumentError extends Error {}

/** How a failure of the reader is classified: the same file fails the same way every time. */
export function classifyReadFailure(err: unknown): unknown {
  if (err instanceof PdfRejectedError) return new PermanentDocumentError(`${err.code}: ${err.message}`);
  // An allocation the runtime refused (a decoder asked for more memory than exists).
  if (err instanceof RangeError)
    return new PermanentDocumentError(`BROKEN_PDF: reading the document failed (${err.message.slice(0, 120)})`);
  if (err instanceof OcrFailedError) resetPageOcr();
  return err;
}

const FINISHED = new Set(["PROCESSED", "FAILED", "APPROVED", "REJECTED", "PARTIAL"]);

export type DocumentOutcome =
  | { kind: "processed"; attempt: number }
  /** Nothing to do here: finished, deleted, held by a live attempt, or taken over while this one ran. */
  | { kind: "skipped"; why: "finished" | "missing" | "held" | "superseded" }
  | { kind: "failed"; reason: string }
  | { kind: "retry"; attempt: number };

/**
 * The claim-documents pipeline for one claim, as one attempt: take the claim's lease (counting the
 * attempt), read the PDF (text layer, form fields, OCR of image-only pages), extract fields, join
 * the policy, score fraud and reserve with the active models (with explanations), then write the
 * prediction and PROCESSED in one batch — only while the lease is still this attempt's. A
 * deterministic failure fails the claim at once; another is retried until the last attempt. An
 * attempt the runtime kills keeps its lease until it expires; the recovery job takes it from there.
 */
export async function processDocumentClaim(env: Env, claimId: string, now = new Date()): Promise<DocumentOutcome> {
  const lease = await takeLease(env.DB, claimId, now, appConfig(env).DOCUMENT_LEASE_SECONDS * 1000);
  if (!lease) return refusedLease(env, claimId);
  try {
    return (await readScoreAndRecord(env, lease))
      ? { kind: "processed", attempt: lease.attempt }
      : { kind: "skipped", why: "superseded" };
  } catch (err) {
    const deterministic = err instanceof PermanentDocumentError;
    const reason = err instanceof Error ? err.message : String(err);
    const outcome = afterFailure({ deterministic, reason }, lease.attempt);
    const who = { actor: null, requestId: null, now: new Date().toISOString() };
    if (outcome.kind === "fail") {
      await failClaim(env.DB, claimId, outcome.reason, heldBy(lease), who);
      return { kind: "failed", reason: outcome.reason };
    }
    await requeueClaim(
      env.DB,
      claimId,
      `attempt ${lease.attempt} of ${MAX_PROCESSING_ATTEMPTS} failed: ${reason.slice(0, 300)}`,
      heldBy(lease),
      who,
      "claim.processing_retry_scheduled",
    );
    return { kind: "retry", attempt: lease.attempt };
  }
}

/** Why no lease: finished, gone, held by a live attempt — or nothing holds it and its attempts are spent. */
async function refusedLease(env: Env, claimId: string): Promise<DocumentOutcome> {
  const state = await readProcessingState(env.DB, claimId);
  if (!state) return { kind: "skipped", why: "missing" };
  if (FINISHED.has(state.status)) return { kind: "skipped", why: "finished" };
  const now = new Date();
  const held =
    state.status === "PROCESSING" && state.leaseExpiresAt !== null && Date.parse(state.leaseExpiresAt) > now.getTime();
  if (held || state.attempts < MAX_PROCESSING_ATTEMPTS) return { kind: "skipped", why: "held" };
  const reason = spentAttemptsReason(state);
  await failClaim(env.DB, claimId, reason, unchangedSince(state), {
    actor: null,
    requestId: null,
    now: now.toISOString(),
  });
  return { kind: "failed", reason };
}

/** One attempt's work; false when the lease was taken from it before it could record the result. */
async function readScoreAndRecord(env: Env, lease: Lease): Promise<boolean> {
  const db = createDatabase(env.DB);
  const claimId = lease.claimId;
  const claim = await env.DB.prepare("SELECT document_key FROM claims WHERE id = ?")
    .bind(claimId)
    .first<{ document_key: string | null }>();
  const object = await env.DOCUMENTS.get(claim?.document_key ?? "");
  if (!object) throw new PermanentDocumentError(`document ${claim?.document_key} is missing from storage`);
  const { extraction, document } = await extractFieldsFromPdf(await object.arrayBuffer(), {
    ocr: () =>
      getPageOcr(async () => {
        const traineddata = await env.MODELS.get(OCR_TRAINEDDATA_KEY);
        if (!traineddata) throw new Error(`OCR language data ${OCR_TRAINEDDATA_KEY} is missing from R2`);
        return traineddata.arrayBuffer();
      }),
  }).catch((err: unknown) => {
    throw classifyReadFailure(err);
  });

  const extracted = extraction.extracted_data;
  const policyNumber =
    typeof extracted.policy_number === "string" ? normalizePolicyNumber(extracted.policy_number) : null;
  const policy = policyNumber
    ? await db.query.policies.findFirst({ where: eq(policies.policyNumber, policyNumber) })
    : undefined;
  // A policy number found on file is confirmed by the policy record, whatever the reading's confidence.
  const needsReview = extraction.needs_review.filter((field) => !(field === "policy_number" && policy));
  // Facts an adjuster must still check are not given to the models as if certain.
  const facts = fraudInputFromDocument(extracted, policy?.attributes ?? null, needsReview);

  const models = await activeModelSet(env, [FRAUD_MODEL_NAME, RESERVE_MODEL_NAME]);
  const fraud = await scoreFraud(models, facts, { ...DOCUMENT_FRAUD_MODEL, explain: true });
  const reserve = await estimateReserve(models, facts, { explain: false });
  const amount = typeof extracted.amount_claimed === "number" ? Math.round(extracted.amount_claimed * 100) : null;
  const extractedData = {
    ...extracted,
    document_type: extraction.document_type,
    ...(extraction.form ? { form: extraction.form } : {}),
    confidence: extraction.confidence,
    sources: extraction.sources,
    needs_review: needsReview,
    policy_found: Boolean(policy),
    pages: document.pages.map((page) => ({ number: page.number, source: page.source })),
  };

  const at = new Date().toISOString();
  // Every statement holds only while this attempt holds the lease: a superseded attempt writes nothing.
  const held = "EXISTS (SELECT 1 FROM claims WHERE id = ? AND status = 'PROCESSING' AND processing_attempts = ?)";
  const [, , processed] = await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO predictions (claim_id, fraud_score, is_fraudulent, fraud_threshold, reserve_estimate_cents, model_version, reserve_model_version, explanation, created_at)
       SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE ${held} ON CONFLICT (claim_id) DO NOTHING`,
    ).bind(
      claimId,
      fraud.probability,
      fraud.probability >= fraud.threshold ? 1 : 0,
      fraud.threshold,
      Math.round(reserve.reserve_estimate * 100),
      fraud.model_version,
      reserve.model_version,
      JSON.stringify(fraud.explanation),
      at,
      claimId,
      lease.attempt,
    ),
    env.DB.prepare(
      `INSERT INTO audit_events (entity_type, entity_id, action, after, created_at)
       SELECT 'claim', ?, 'claim.document_processed', ?, ? WHERE ${held}`,
    ).bind(
      claimId,
      JSON.stringify({
        status: "PROCESSED",
        fraud_score: fraud.probability,
        reserve_estimate: reserve.reserve_estimate,
        model_version: fraud.model_version,
        pages: document.pageCount,
        ocr_pages: document.timings.ocrPages,
        attempt: lease.attempt,
      }),
      at,
      claimId,
      lease.attempt,
    ),
    env.DB.prepare(
      `UPDATE claims SET status = 'PROCESSED', extracted_data = ?, policy_number = ?, claim_amount_cents = ?, failure_reason = NULL,
         lease_expires_at = NULL, processed_at = ?, updated_at = ? WHERE id = ? AND status = 'PROCESSING' AND processing_attempts = ?`,
    ).bind(JSON.stringify(extractedData), policyNumber, amount, at, at, claimId, lease.attempt),
  ]);
  return (processed?.meta.changes ?? 0) > 0;
}
