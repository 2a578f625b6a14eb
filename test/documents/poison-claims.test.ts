// Hostile PDFs against the whole service: refused at upload with nothing kept; and, for a
// file already stored (uploaded before a check existed), FAILED by the consumer once, with
// the reason, without retries, while the service keeps answering.

import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import traineddata from "../../node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz";
import { OCR_TRAINEDDATA_KEY } from "../../src/claims/documents/process";
import { MAX_PROCESSING_ATTEMPTS } from "../../src/domain/documents/processing-attempts";
import type { ClaimDocumentMessage } from "../../src/env";
import worker from "../../src/index";
import { inspectPdf } from "../../src/pdf";
import { api, createUser, expectError, type TestUser } from "../helpers";
import { installCommittedModels } from "../routes/models/install-fixtures";
import { FIXTURE_FILES } from "./fixtures";
import { FAILS_ONLY_WHEN_READ, POISON_FILES, POISON_REASONS } from "./poison-fixtures";

let insurer: TestUser;

beforeAll(async () => {
  await installCommittedModels();
  await env.MODELS.put(OCR_TRAINEDDATA_KEY, traineddata);
  insurer = await createUser("insurer");
  // pdf.js's first load in an isolate takes seconds: pay it here, not inside the measurements.
  await inspectPdf(FIXTURE_FILES["typed-form.pdf"]!);
});

const upload = (bytes: ArrayBuffer, filename: string) => {
  const form = new FormData();
  form.append("file", new File([bytes], filename, { type: "application/pdf" }));
  return api("/api/v1/claims/upload", { method: "POST", token: insurer.token, body: form });
};

/** A claim whose file is already in storage, as if it had been accepted before a check existed. */
async function storedClaim(bytes: ArrayBuffer, status = "PENDING"): Promise<string> {
  const id = crypto.randomUUID();
  await env.DOCUMENTS.put(`claims/${id}/document.pdf`, bytes);
  await env.DB.prepare(
    "INSERT INTO claims (id, channel, status, owner_user_id, document_key, updated_at) VALUES (?, 'document', ?, ?, ?, ?)",
  )
    .bind(id, status, insurer.id, `claims/${id}/document.pdf`, new Date().toISOString())
    .run();
  return id;
}

const message = (claimId: string, attempts = 1) => ({
  id: `m-${crypto.randomUUID()}`,
  timestamp: new Date(),
  attempts,
  body: { claimId, documentKey: `claims/${claimId}/document.pdf` },
});
const claimOf = async (id: string) =>
  (await (await api(`/api/v1/claims/${id}`, { token: insurer.token })).json()) as {
    status: string;
    failure_reason: string | null;
    audit_trail: { action: string; after: unknown }[];
  };

describe("hostile PDFs at upload", () => {
  for (const [file, reason] of Object.entries(POISON_REASONS)) {
    if (FAILS_ONLY_WHEN_READ.has(file)) continue;
    it(`${file}: 422 ${reason}, nothing kept`, async () => {
      const before = (await env.DOCUMENTS.list({ prefix: "claims/" })).objects.length;
      const body = await expectError(await upload(POISON_FILES[file]!, file), 422, "INVALID_DOCUMENT");
      expect((body.error.details as { reason?: string }).reason).toBe(reason);
      expect((await env.DOCUMENTS.list({ prefix: "claims/" })).objects.length).toBe(before);
    });
  }
});

describe("hostile PDFs already stored: the consumer fails them once, with the reason", () => {
  for (const [file, reason] of Object.entries(POISON_REASONS)) {
    it(`${file} → FAILED (${reason}), acknowledged, not retried`, async () => {
      const id = await storedClaim(POISON_FILES[file]!);
      const batch = createMessageBatch<ClaimDocumentMessage>("claim-documents", [message(id)]);
      const started = Date.now();
      await worker.queue(batch, env);
      const result = await getQueueResult(batch, createExecutionContext());
      console.log(`${file}: FAILED after ${Date.now() - started} ms`);
      expect(result.retryMessages).toEqual([]);
      expect(result.explicitAcks).toEqual([batch.messages[0]!.id]);
      const claim = await claimOf(id);
      expect(claim.status).toBe("FAILED");
      expect(claim.failure_reason).toMatch(new RegExp(`^${reason}: `));
      expect(claim.audit_trail.filter((e: { action: string }) => e.action === "claim.document_failed")).toHaveLength(1);
    });
  }

  it("a redelivery finding the last allowed attempt stopped by the runtime (its lease expired) fails it, saying so", async () => {
    const id = await storedClaim(FIXTURE_FILES["typed-form.pdf"]!, "PROCESSING");
    await env.DB.prepare("UPDATE claims SET processing_attempts = ?, lease_expires_at = ? WHERE id = ?")
      .bind(MAX_PROCESSING_ATTEMPTS, new Date(Date.now() - 1000).toISOString(), id)
      .run();
    const batch = createMessageBatch<ClaimDocumentMessage>("claim-documents", [message(id, 2)]);
    await worker.queue(batch, env);
    expect((await getQueueResult(batch, createExecutionContext())).retryMessages).toEqual([]);
    const claim = await claimOf(id);
    expect(claim.status).toBe("FAILED");
    expect(claim.failure_reason).toMatch(
      /^RESOURCE_LIMIT: attempt 4 of 4 stopped before finishing .*CPU or memory limit/,
    );
  });

  it("through the real queue: every hostile file ends FAILED while the service keeps answering", async () => {
    const ids = new Map<string, string>();
    for (const [file, bytes] of Object.entries(POISON_FILES)) {
      const id = await storedClaim(bytes);
      ids.set(id, file);
      await env.CLAIM_DOCUMENTS_QUEUE.send({ claimId: id, documentKey: `claims/${id}/document.pdf` });
    }
    const started = Date.now();
    const health: Array<{ status: number; ms: number }> = [];
    let done = false;
    const pinging = (async () => {
      while (!done) {
        const t = Date.now();
        const res = await api("/api/v1/health");
        health.push({ status: res.status, ms: Date.now() - t });
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    const pending = new Set(ids.keys());
    while (pending.size > 0 && Date.now() - started < 60_000) {
      const placeholders = [...pending].map(() => "?").join(",");
      const { results } = await env.DB.prepare(
        `SELECT id, status, failure_reason FROM claims WHERE id IN (${placeholders})`,
      )
        .bind(...pending)
        .all<{ id: string; status: string; failure_reason: string }>();
      for (const row of results.filter((r) => r.status === "FAILED")) {
        console.log(`${ids.get(row.id)}: FAILED ${Date.now() - started} ms after queueing — ${row.failure_reason}`);
        pending.delete(row.id);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    done = true;
    await pinging;
    const ms = health.map((h) => h.ms).sort((a, b) => a - b);
    console.log(
      `health answered ${health.length} times meanwhile: median ${ms[Math.floor(ms.length / 2)]} ms, slowest ${ms.at(-1)} ms`,
    );
    expect([...pending].map((id) => ids.get(id))).toEqual([]);
    expect(health.length).toBeGreaterThan(1);
    expect(new Set(health.map((h) => h.status))).toEqual(new Set([200]));
  }, 90_000);
});
