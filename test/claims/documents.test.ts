import { env } from "cloudflare:workers";
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import traineddata from "../../node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz";
import bomb from "../fixtures/documents/bomb.pdf";
import empty from "../fixtures/documents/empty.pdf";
import encrypted from "../fixtures/documents/encrypted.pdf";
import jpegRenamed from "../fixtures/documents/jpeg-renamed.pdf";
import scannedForm from "../fixtures/documents/scanned-form.pdf";
import truncated from "../fixtures/documents/truncated.pdf";
import typedForm from "../fixtures/documents/typed-form.pdf";
import { OCR_TRAINEDDATA_KEY, processDocumentClaim } from "../../src/claims/documents/process";
import type { ClaimDocumentMessage } from "../../src/env";
import worker from "../../src/index";
import { forgetActive } from "../../src/models/loader";
import { installCommittedModels } from "../models/install-fixtures";
import { api, createUser, expectError, json, type TestUser } from "../helpers";

let insurer: TestUser;
let admin: TestUser;

beforeAll(async () => {
  await installCommittedModels();
  await env.MODELS.put(OCR_TRAINEDDATA_KEY, traineddata);
  insurer = await createUser("insurer");
  admin = await createUser("admin");
  const policies = "policy_number,policy_bind_date,policy_annual_premium,umbrella_limit,insured_hobbies,months_as_customer,age\nPOL-2025-521585,17/10/2014,1406.91,0,chess,328,48\n";
  await api("/api/v1/policies/import", { method: "POST", token: admin.token, body: policies, headers: { "content-type": "text/csv" } });
});

const upload = (bytes: ArrayBuffer, filename = "claim.pdf", token = insurer.token, type = "application/pdf") => {
  const form = new FormData();
  form.append("file", new File([bytes], filename, { type }));
  return api("/api/v1/claims/upload", { method: "POST", token, body: form });
};

async function waitUntilFinished(id: string, token = insurer.token, timeoutMs = 60_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const claim = await json(await api(`/api/v1/claims/${id}`, { token }));
    if (!["PENDING", "PROCESSING"].includes(claim.status)) return claim;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`claim ${id} still processing`);
}

const counts = async () => ({
  claims: (await env.DB.prepare("SELECT count(*) AS n FROM claims WHERE channel = 'document'").first<{ n: number }>())!.n,
  objects: (await env.DOCUMENTS.list({ prefix: "claims/" })).objects.length,
});

describe("POST /api/v1/claims/upload → queue → PROCESSED", () => {
  it("reads a typed claim form, joins its policy, scores fraud with an explanation and estimates the reserve", async () => {
    const res = await upload(typedForm, "typed form.pdf");
    expect(res.status).toBe(202);
    const accepted = await json(res);
    expect(accepted).toMatchObject({ status: "PENDING", pdf_filename: "typed form.pdf", pages: 1 });

    const claim = await waitUntilFinished(accepted.claim_id);
    expect(claim.status).toBe("PROCESSED");
    expect(claim.extracted_data).toMatchObject({
      claimant_name: "Maria Garcia-Lopez",
      policy_number: "POL-2025-521585",
      incident_date: "2025-03-14",
      amount_claimed: 4250,
      incident_severity: "Minor Damage",
      policy_found: true,
    });
    expect(claim.extracted_data.confidence.claimant_name).toBeGreaterThan(0.5);
    expect(claim.fraud_score).toBeGreaterThanOrEqual(0);
    expect(claim.fraud_score).toBeLessThanOrEqual(1);
    expect(claim.is_fraudulent).toBe(claim.fraud_score >= claim.fraud_threshold);
    expect(claim.fraud_explanation.length).toBeGreaterThan(0);
    expect(claim.reserve_estimate).toBeGreaterThan(0);
    expect(claim.audit_trail.map((e: { action: string }) => e.action)).toEqual(["claim.document_uploaded", "claim.document_processed"]);

    const download = await api(`/api/v1/claims/${accepted.claim_id}/document`, { token: insurer.token });
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(new Uint8Array(typedForm));
  });

  it("OCRs a scanned, image-only claim form", async () => {
    const accepted = await json(await upload(scannedForm));
    const claim = await waitUntilFinished(accepted.claim_id, insurer.token, 120_000);
    expect(claim.status).toBe("PROCESSED");
    expect(claim.extracted_data.pages).toEqual([{ number: 1, source: "ocr" }]);
    expect(claim.extracted_data.incident_date).toBe("2025-03-14");
    expect(claim.extracted_data.amount_claimed).toBe(4250);
  });

  it.each([
    ["an empty file", empty, 400, "VALIDATION_ERROR"],
    ["a JPEG renamed .pdf", jpegRenamed, 415, "UNSUPPORTED_MEDIA_TYPE"],
    ["a truncated PDF", truncated, 422, "INVALID_DOCUMENT"],
    ["an encrypted PDF", encrypted, 422, "INVALID_DOCUMENT"],
    ["a PDF bomb with thousands of pages", bomb, 422, "INVALID_DOCUMENT"],
  ])("refuses %s and keeps nothing", async (_, bytes, status, code) => {
    const before = await counts();
    await expectError(await upload(bytes as ArrayBuffer), status as number, code as string);
    expect(await counts()).toEqual(before);
  });

  it("refuses a request without a file, a non-multipart body, and callers that are not staff", async () => {
    const form = new FormData();
    form.append("other", "x");
    await expectError(await api("/api/v1/claims/upload", { method: "POST", token: insurer.token, body: form }), 400, "VALIDATION_ERROR");
    await expectError(await api("/api/v1/claims/upload", { method: "POST", token: insurer.token, body: typedForm, headers: { "content-type": "application/pdf" } }), 415, "UNSUPPORTED_MEDIA_TYPE");
    const provider = await createUser("provider");
    await expectError(await upload(typedForm, "x.pdf", provider.token), 403, "FORBIDDEN");
  });
});

describe("claim-documents consumer", () => {
  const message = (claimId: string, attempts = 1) => ({ id: `m-${crypto.randomUUID()}`, timestamp: new Date(), attempts, body: { claimId, documentKey: `claims/${claimId}/document.pdf` } });

  it("processes a redelivered message once: one prediction, one PROCESSED", async () => {
    const accepted = await json(await upload(typedForm));
    await waitUntilFinished(accepted.claim_id);
    const batch = createMessageBatch<ClaimDocumentMessage>("claim-documents", [message(accepted.claim_id), message(accepted.claim_id)]);
    await worker.queue(batch, env);
    expect((await getQueueResult(batch, createExecutionContext())).explicitAcks).toHaveLength(2);
    expect(await processDocumentClaim(env, accepted.claim_id)).toBe("skipped");
    const predictions = await env.DB.prepare("SELECT count(*) AS n FROM predictions WHERE claim_id = ?").bind(accepted.claim_id).first<{ n: number }>();
    expect(predictions!.n).toBe(1);
  });

  it("fails a claim whose document vanished at once, with the reason", async () => {
    const id = crypto.randomUUID();
    await env.DB.prepare("INSERT INTO claims (id, channel, status, owner_user_id, document_key, updated_at) VALUES (?, 'document', 'PENDING', ?, ?, ?)")
      .bind(id, insurer.id, `claims/${id}/document.pdf`, new Date().toISOString())
      .run();
    const batch = createMessageBatch<ClaimDocumentMessage>("claim-documents", [message(id)]);
    await worker.queue(batch, env);
    const claim = await json(await api(`/api/v1/claims/${id}`, { token: insurer.token }));
    expect(claim.status).toBe("FAILED");
    expect(claim.failure_reason).toMatch(/missing from storage/);
  });

  it("retries a transient failure with backoff and fails the claim on the last delivery; the dead-letter consumer records it", async () => {
    const id = crypto.randomUUID();
    await env.DOCUMENTS.put(`claims/${id}/document.pdf`, typedForm);
    // The reserve model is taken out of service while the claim is processed: a failure a retry may fix.
    await env.DB.prepare("INSERT INTO claims (id, channel, status, owner_user_id, document_key, updated_at) VALUES (?, 'document', 'PROCESSING', ?, ?, ?)")
      .bind(id, insurer.id, `claims/${id}/document.pdf`, new Date().toISOString())
      .run();
    await env.DB.prepare("UPDATE model_stats SET status = 'inactive' WHERE model_name = 'insurance_claims-reserve'").run();
    forgetActive("insurance_claims-reserve");
    try {
      const first = createMessageBatch<ClaimDocumentMessage>("claim-documents", [message(id, 1)]);
      await worker.queue(first, env);
      const firstResult = await getQueueResult(first, createExecutionContext());
      expect(firstResult.retryMessages.map((m: { msgId: string }) => m.msgId)).toEqual([first.messages[0]!.id]);
      // Back to PENDING while it waits for the retry (PROCESSING on a redelivery means the runtime killed the attempt).
      expect((await json(await api(`/api/v1/claims/${id}`, { token: insurer.token }))).status).toBe("PENDING");

      const last = createMessageBatch<ClaimDocumentMessage>("claim-documents", [message(id, 4)]);
      await worker.queue(last, env);
      const failed = await json(await api(`/api/v1/claims/${id}`, { token: insurer.token }));
      expect(failed.status).toBe("FAILED");
      expect(failed.failure_reason).toBe("no active model named insurance_claims-reserve");

      const dead = createMessageBatch<ClaimDocumentMessage>("claim-documents-dlq", [message(id, 4)]);
      await worker.queue(dead, env);
      const actions = (await json(await api(`/api/v1/claims/${id}`, { token: insurer.token }))).audit_trail.map((e: { action: string }) => e.action);
      expect(actions).toEqual(["claim.document_failed", "claim.document_dead_lettered"]);
    } finally {
      await env.DB.prepare("UPDATE model_stats SET status = 'active' WHERE model_name = 'insurance_claims-reserve'").run();
    }
  });
});

describe("adjusting, reading and deleting document claims", () => {
  it("an adjuster approves a processed claim (audited), but not one still pending or with a bad status", async () => {
    const accepted = await json(await upload(typedForm));
    await waitUntilFinished(accepted.claim_id);
    const res = await api(`/api/v1/claims/${accepted.claim_id}/update`, { method: "PUT", token: insurer.token, body: { status: "approved", is_fraudulent: false } });
    expect(await json(res)).toMatchObject({ id: accepted.claim_id, status: "APPROVED" });
    const claim = await json(await api(`/api/v1/claims/${accepted.claim_id}`, { token: insurer.token }));
    expect(claim).toMatchObject({ status: "APPROVED", fraud_confirmed: false });
    expect(claim.audit_trail.at(-1)).toMatchObject({ action: "claim.status_updated", before: { status: "PROCESSED" }, after: { status: "APPROVED" } });

    await expectError(await api(`/api/v1/claims/${accepted.claim_id}/update`, { method: "PUT", token: insurer.token, body: { status: "paid" } }), 400, "VALIDATION_ERROR");
    const other = await createUser("insurer");
    await expectError(await api(`/api/v1/claims/${accepted.claim_id}/update`, { method: "PUT", token: other.token, body: { status: "rejected" } }), 404, "CLAIM_NOT_FOUND");
  });

  it("lists document claims in seed 000's shape, filtered by lower-case status", async () => {
    const list = await json(await api("/api/v1/claims?channel=document&status=processed&limit=50", { token: insurer.token }));
    expect(list.claims.length).toBeGreaterThan(0);
    for (const claim of list.claims) {
      expect(claim).toMatchObject({ channel: "document", status: "PROCESSED", user_id: insurer.id });
      expect(typeof claim.fraud_score).toBe("number");
    }
  });

  it("an admin deletes a claim and its stored document; the audit trail stays", async () => {
    const accepted = await json(await upload(typedForm));
    await waitUntilFinished(accepted.claim_id);
    await expectError(await api(`/api/v1/claims/${accepted.claim_id}`, { method: "DELETE", token: insurer.token }), 403, "FORBIDDEN");
    const res = await api(`/api/v1/claims/${accepted.claim_id}`, { method: "DELETE", token: admin.token });
    expect(res.status).toBe(204);
    await expectError(await api(`/api/v1/claims/${accepted.claim_id}`, { token: admin.token }), 404, "CLAIM_NOT_FOUND");
    expect(await env.DOCUMENTS.head(`claims/${accepted.claim_id}/document.pdf`)).toBeNull();
    const audit = await env.DB.prepare("SELECT action FROM audit_events WHERE entity_id = ? ORDER BY id DESC LIMIT 1").bind(accepted.claim_id).first();
    expect(audit).toEqual({ action: "claim.deleted" });
    await expectError(await api(`/api/v1/claims/${accepted.claim_id}`, { method: "DELETE", token: admin.token }), 404, "CLAIM_NOT_FOUND");
  });
});
