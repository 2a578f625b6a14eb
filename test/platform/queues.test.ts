import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { ClaimDocumentMessage } from "../../src/env";
import worker from "../../src/index";

describe("claim-documents queue consumers", () => {
  it("acknowledges a malformed message and one for a claim it does not know, writing nothing", async () => {
    const claimId = `claim-${crypto.randomUUID()}`;
    const batch = createMessageBatch<ClaimDocumentMessage>("claim-documents", [
      { id: "m-1", timestamp: new Date(), attempts: 1, body: { claimId, documentKey: `claims/${claimId}.pdf` } },
      { id: "m-2", timestamp: new Date(), attempts: 1, body: { nonsense: true } as never },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks.sort()).toEqual(["m-1", "m-2"]);
    const row = await env.DB.prepare("SELECT count(*) AS n FROM audit_events WHERE entity_id = ?")
      .bind(claimId)
      .first();
    expect(row).toEqual({ n: 0 });
  });

  it("records what reaches the dead-letter queue", async () => {
    const claimId = `claim-${crypto.randomUUID()}`;
    const batch = createMessageBatch<ClaimDocumentMessage>("claim-documents-dlq", [
      { id: "d-1", timestamp: new Date(), attempts: 4, body: { claimId, documentKey: "x" } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(["d-1"]);
    const row = await env.DB.prepare("SELECT action FROM audit_events WHERE entity_id = ?").bind(claimId).first();
    expect(row).toEqual({ action: "claim.document_dead_lettered" });
  });
});
