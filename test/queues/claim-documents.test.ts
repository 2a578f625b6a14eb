import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { processDocumentClaim } from "../../src/claims/documents/process";
import { MAX_PROCESSING_ATTEMPTS } from "../../src/domain/documents/processing-attempts";
import type { ClaimDocumentMessage } from "../../src/env";
import worker from "../../src/index";
import { forgetActive } from "../../src/model-registry/loader";
import typedForm from "../fixtures/documents/typed-form.pdf";
import { createUser, type TestUser } from "../helpers";
import {
  acceptedUpload,
  documentClaim,
  prepareDocumentClaims,
  waitUntilFinished,
} from "../routes/claims/document-fixtures";

let insurer: TestUser;

beforeAll(async () => {
  insurer = await createUser("insurer");
  await prepareDocumentClaims(await createUser("admin"));
});

describe("claim-documents consumer", () => {
  const message = (claimId: string, attempts = 1) => ({
    id: `m-${crypto.randomUUID()}`,
    timestamp: new Date(),
    attempts,
    body: { claimId, documentKey: `claims/${claimId}/document.pdf` },
  });

  it("processes a redelivered message once: one prediction, one PROCESSED", async () => {
    const accepted = await acceptedUpload(typedForm, insurer.token);
    await waitUntilFinished(accepted.claim_id, insurer.token);
    const batch = createMessageBatch<ClaimDocumentMessage>("claim-documents", [
      message(accepted.claim_id),
      message(accepted.claim_id),
    ]);
    await worker.queue(batch, env);
    expect((await getQueueResult(batch, createExecutionContext())).explicitAcks).toHaveLength(2);
    expect(await processDocumentClaim(env, accepted.claim_id)).toEqual({ kind: "skipped", why: "finished" });
    const predictions = await env.DB.prepare("SELECT count(*) AS n FROM predictions WHERE claim_id = ?")
      .bind(accepted.claim_id)
      .first<{ n: number }>();
    expect(predictions!.n).toBe(1);
  });

  it("fails a claim whose document vanished at once, with the reason", async () => {
    const id = crypto.randomUUID();
    await env.DB.prepare(
      "INSERT INTO claims (id, channel, status, owner_user_id, document_key, updated_at) VALUES (?, 'document', 'PENDING', ?, ?, ?)",
    )
      .bind(id, insurer.id, `claims/${id}/document.pdf`, new Date().toISOString())
      .run();
    const batch = createMessageBatch<ClaimDocumentMessage>("claim-documents", [message(id)]);
    await worker.queue(batch, env);
    const claim = await documentClaim(id, insurer.token);
    expect(claim.status).toBe("FAILED");
    expect(claim.failure_reason).toMatch(/missing from storage/);
  });

  it("retries a transient failure with backoff, counting attempts, and fails the claim after the last; the dead-letter consumer records it", async () => {
    const id = crypto.randomUUID();
    await env.DOCUMENTS.put(`claims/${id}/document.pdf`, typedForm);
    // The reserve model is taken out of service while the claim is processed: a failure a retry may fix.
    await env.DB.prepare(
      "INSERT INTO claims (id, channel, status, owner_user_id, document_key, updated_at) VALUES (?, 'document', 'PENDING', ?, ?, ?)",
    )
      .bind(id, insurer.id, `claims/${id}/document.pdf`, new Date().toISOString())
      .run();
    await env.DB.prepare(
      "UPDATE model_stats SET status = 'inactive' WHERE model_name = 'insurance_claims-reserve'",
    ).run();
    forgetActive("insurance_claims-reserve");
    try {
      for (let delivery = 1; delivery < MAX_PROCESSING_ATTEMPTS; delivery++) {
        const batch = createMessageBatch<ClaimDocumentMessage>("claim-documents", [message(id, delivery)]);
        await worker.queue(batch, env);
        const result = await getQueueResult(batch, createExecutionContext());
        expect(result.retryMessages.map((m: { msgId: string }) => m.msgId)).toEqual([batch.messages[0]!.id]);
        expect((await documentClaim(id, insurer.token)).status).toBe("PENDING");
      }

      const last = createMessageBatch<ClaimDocumentMessage>("claim-documents", [message(id, MAX_PROCESSING_ATTEMPTS)]);
      await worker.queue(last, env);
      expect((await getQueueResult(last, createExecutionContext())).retryMessages).toEqual([]);
      const failed = await documentClaim(id, insurer.token);
      expect(failed.status).toBe("FAILED");
      expect(failed.failure_reason).toBe("no active model named insurance_claims-reserve (attempt 4 of 4, the last)");

      const dead = createMessageBatch<ClaimDocumentMessage>("claim-documents-dlq", [message(id, 4)]);
      await worker.queue(dead, env);
      const actions = (await documentClaim(id, insurer.token)).audit_trail.map((e) => e.action);
      expect(actions).toEqual([
        ...Array(MAX_PROCESSING_ATTEMPTS - 1).fill("claim.processing_retry_scheduled"),
        "claim.document_failed",
        "claim.document_dead_lettered",
      ]);
    } finally {
      await env.DB.prepare(
        "UPDATE model_stats SET status = 'active' WHERE model_name = 'insurance_claims-reserve'",
      ).run();
    }
  });
});
