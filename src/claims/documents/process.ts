import { eq } from "drizzle-orm";
import { createDatabase } from "../../db/client";
import { claims, policies } from "../../db/schema";
import { fraudInputFromDocument } from "../../domain/documents/fraud-input";
import { estimateReserve, fraudModelName, RESERVE_MODEL_NAME, scoreFraud } from "../../domain/fraud";
import { normalizePolicyNumber } from "../../domain/policies";
import type { Env } from "../../env";
import { activeModelSet } from "../../model-registry/loader";
import { PdfRejectedError } from "../../pdf";
import { getPageOcr, resetPageOcr } from "../../pdf/ocr";
import { OcrFailedError } from "../../pdf/reader";
import { extractFieldsFromPdf } from "./extract-from-pdf";

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
function classifyReadFailure(err: unknown): unknown {
  if (err instanceof PdfRejectedError) return new PermanentDocumentError(`${err.code}: ${err.message}`);
  // An allocation the runtime refused (a decoder asked for more memory than exists).
  if (err instanceof RangeError)
    return new PermanentDocumentError(`BROKEN_PDF: reading the document failed (${err.message.slice(0, 120)})`);
  if (err instanceof OcrFailedError) resetPageOcr();
  return err;
}

const FINISHED = new Set(["PROCESSED", "FAILED", "APPROVED", "REJECTED", "PARTIAL"]);

/**
 * The claim-documents pipeline for one claim: read the PDF (text layer, form fields, OCR of
 * image-only pages), extract fields, join the policy, score fraud and reserve with the active
 * models (with explanations), then write the prediction and mark the claim PROCESSED in one
 * batch. Safe to run twice: a finished claim is skipped and the prediction's primary key is
 * the claim id.
 */
export async function processDocumentClaim(env: Env, claimId: string, delivery = 1): Promise<"processed" | "skipped"> {
  const db = createDatabase(env.DB);
  const claim = await db.query.claims.findFirst({ where: eq(claims.id, claimId) });
  if (claim?.channel !== "document" || FINISHED.has(claim.status)) return "skipped";
  // A caught failure puts the claim back to PENDING before its retry; still PROCESSING on a
  // redelivery means the runtime stopped the last attempt (CPU or memory limit): it would again.
  if (claim.status === "PROCESSING" && delivery > 1) {
    throw new PermanentDocumentError(
      "RESOURCE_LIMIT: an earlier attempt to read the document was stopped by the runtime's CPU or memory limit",
    );
  }
  const now = () => new Date().toISOString();
  if (claim.status === "PENDING") {
    await env.DB.prepare("UPDATE claims SET status = 'PROCESSING', updated_at = ? WHERE id = ? AND status = 'PENDING'")
      .bind(now(), claimId)
      .run();
  }

  const object = await env.DOCUMENTS.get(claim.documentKey ?? "");
  if (!object) throw new PermanentDocumentError(`document ${claim.documentKey} is missing from storage`);
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

  const at = now();
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO predictions (claim_id, fraud_score, is_fraudulent, fraud_threshold, reserve_estimate_cents, model_version, reserve_model_version, explanation, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (claim_id) DO NOTHING`,
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
    ),
    env.DB.prepare(
      `UPDATE claims SET status = 'PROCESSED', extracted_data = ?, policy_number = ?, claim_amount_cents = ?, failure_reason = NULL,
         processed_at = ?, updated_at = ? WHERE id = ? AND status IN ('PENDING', 'PROCESSING')`,
    ).bind(JSON.stringify(extractedData), policyNumber, amount, at, at, claimId),
    env.DB.prepare(
      `INSERT INTO audit_events (entity_type, entity_id, action, after, created_at) VALUES ('claim', ?, 'claim.document_processed', ?, ?)`,
    ).bind(
      claimId,
      JSON.stringify({
        status: "PROCESSED",
        fraud_score: fraud.probability,
        reserve_estimate: reserve.reserve_estimate,
        model_version: fraud.model_version,
        pages: document.pageCount,
        ocr_pages: document.timings.ocrPages,
      }),
      at,
    ),
  ]);
  return "processed";
}

/** After a failure a retry may fix: the claim waits for its next delivery. */
export async function awaitDocumentRetry(env: Env, claimId: string): Promise<void> {
  await env.DB.prepare(
    "UPDATE claims SET status = 'PENDING', updated_at = ? WHERE id = ? AND channel = 'document' AND status = 'PROCESSING'",
  )
    .bind(new Date().toISOString(), claimId)
    .run();
}

/** Marks a claim FAILED with the reason, unless it already finished. */
export async function failDocumentClaim(env: Env, claimId: string, reason: string): Promise<void> {
  const at = new Date().toISOString();
  await env.DB.batch([
    env.DB.prepare(
      "UPDATE claims SET status = 'FAILED', failure_reason = ?, updated_at = ? WHERE id = ? AND channel = 'document' AND status IN ('PENDING', 'PROCESSING')",
    ).bind(reason.slice(0, 500), at, claimId),
    // Audited only if this call is the one that failed it.
    env.DB.prepare(
      `INSERT INTO audit_events (entity_type, entity_id, action, after, created_at)
       SELECT 'claim', id, 'claim.document_failed', json_object('reason', failure_reason), ? FROM claims
       WHERE id = ? AND status = 'FAILED' AND updated_at = ?`,
    ).bind(at, claimId, at),
  ]);
}
