// Claim PDFs never stay PENDING or PROCESSING: each attempt holds a lease and is counted; the
// Cron Trigger's recovery job queues again (or, attempts spent, fails) a claim whose attempt died;
// an administrator may re-run or fail a stuck claim. Everything runs through the real Worker
// entry points (queue, scheduled, fetch) against real D1, R2 and Queues.

import { createExecutionContext, createMessageBatch, createScheduledController, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { processDocumentClaim } from "../../src/claims/documents/process";
import { takeLease } from "../../src/claims/documents/processing-state";
import { MAX_PROCESSING_ATTEMPTS, STALE_PENDING_MS } from "../../src/domain/documents/processing-attempts";
import type { ClaimDocumentMessage } from "../../src/env";
import worker from "../../src/index";
import { handleScheduled } from "../../src/scheduled";
import typedForm from "../fixtures/documents/typed-form.pdf";
import { api, createUser, expectError, type TestUser } from "../helpers";
import { prepareDocumentClaims } from "../routes/claims/document-fixtures";

let admin: TestUser;
let insurer: TestUser;

beforeAll(async () => {
  admin = await createUser("admin");
  insurer = await createUser("insurer");
  await prepareDocumentClaims(admin);
});

const secondsFromNow = (s: number) => new Date(Date.now() + s * 1000).toISOString();

/** A claim PDF in storage, in the processing state given (as a crash or restart would leave it). */
async function storedClaim(
  state: { status?: string; attempts?: number; leaseExpiresAt?: string | null; updatedAt?: string } = {},
): Promise<string> {
  const id = crypto.randomUUID();
  const key = `claims/${id}/document.pdf`;
  await env.DOCUMENTS.put(key, typedForm);
  await env.DB.prepare(
    `INSERT INTO claims (id, channel, status, owner_user_id, document_key, processing_attempts, lease_expires_at, updated_at)
     VALUES (?, 'document', ?, ?, ?, ?, ?, ?)`,
  )
    .bind(
      id,
      state.status ?? "PENDING",
      insurer.id,
      key,
      state.attempts ?? 0,
      state.leaseExpiresAt ?? null,
      state.updatedAt ?? new Date().toISOString(),
    )
    .run();
  return id;
}

const row = (id: string) =>
  env.DB.prepare("SELECT status, processing_attempts, lease_expires_at, failure_reason FROM claims WHERE id = ?")
    .bind(id)
    .first<{
      status: string;
      processing_attempts: number;
      lease_expires_at: string | null;
      failure_reason: string | null;
    }>();

const trail = async (id: string) =>
  (
    (await (await api(`/api/v1/claims/${id}`, { token: admin.token })).json()) as {
      audit_trail: { action: string; actor_id: string | null; after: Record<string, unknown> }[];
    }
  ).audit_trail;

const deliver = async (id: string, attempts = 1) => {
  const batch = createMessageBatch<ClaimDocumentMessage>("claim-documents", [
    {
      id: `m-${crypto.randomUUID()}`,
      timestamp: new Date(),
      attempts,
      body: { claimId: id, documentKey: `claims/${id}/document.pdf` },
    },
  ]);
  await worker.queue(batch, env);
  return getQueueResult(batch, createExecutionContext());
};

const sweep = (at = Date.now()) =>
  worker.scheduled(createScheduledController({ cron: "* * * * *", scheduledTime: at }), env);

async function waitForFinal(id: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const current = await row(id);
    if (current && !["PENDING", "PROCESSING"].includes(current.status)) return current;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`claim ${id} still in process after ${timeoutMs} ms`);
}

describe("the consumer's lease", () => {
  it("a redelivery while a live attempt holds the claim is acknowledged and changes nothing", async () => {
    const id = await storedClaim({ status: "PROCESSING", attempts: 1, leaseExpiresAt: secondsFromNow(120) });
    const result = await deliver(id, 2);
    expect(result.retryMessages).toEqual([]);
    expect(result.explicitAcks).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: "PROCESSING", processing_attempts: 1 });
  });

  it("a redelivery after the last attempt's lease expired starts the next attempt, counted, and finishes", async () => {
    const id = await storedClaim({ status: "PROCESSING", attempts: 1, leaseExpiresAt: secondsFromNow(-1) });
    await deliver(id, 2);
    expect(await row(id)).toMatchObject({ status: "PROCESSED", processing_attempts: 2, lease_expires_at: null });
    const processed = (await trail(id)).find((e) => e.action === "claim.document_processed");
    expect(processed?.after.attempt).toBe(2);
  });

  it("a redelivery finding the last allowed attempt stopped by the runtime fails the claim, saying so", async () => {
    const id = await storedClaim({
      status: "PROCESSING",
      attempts: MAX_PROCESSING_ATTEMPTS,
      leaseExpiresAt: secondsFromNow(-1),
    });
    const result = await deliver(id, 2);
    expect(result.retryMessages).toEqual([]);
    const failed = await row(id);
    expect(failed?.status).toBe("FAILED");
    expect(failed?.failure_reason).toMatch(/^RESOURCE_LIMIT: attempt 4 of 4 stopped before finishing/);
  });

  it("two deliveries of one claim at once: one attempt, one prediction", async () => {
    const id = await storedClaim();
    const outcomes = await Promise.all([processDocumentClaim(env, id), processDocumentClaim(env, id)]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(["processed", "skipped"]);
    expect(await row(id)).toMatchObject({ status: "PROCESSED", processing_attempts: 1 });
    const n = await env.DB.prepare("SELECT count(*) AS n FROM predictions WHERE claim_id = ?")
      .bind(id)
      .first<{ n: number }>();
    expect(n?.n).toBe(1);
  });
});

describe("the recovery job (Cron Trigger)", () => {
  it("leaves a claim a live attempt holds alone", async () => {
    const id = await storedClaim({ status: "PROCESSING", attempts: 1, leaseExpiresAt: secondsFromNow(120) });
    await sweep();
    expect(await row(id)).toMatchObject({ status: "PROCESSING", processing_attempts: 1 });
  });

  it("fails a claim whose attempts are all spent and whose last lease expired, once, audited", async () => {
    const id = await storedClaim({
      status: "PROCESSING",
      attempts: MAX_PROCESSING_ATTEMPTS,
      leaseExpiresAt: secondsFromNow(-5),
    });
    await sweep();
    await sweep();
    const failed = await row(id);
    expect(failed?.status).toBe("FAILED");
    expect(failed?.failure_reason).toMatch(/^RESOURCE_LIMIT: attempt 4 of 4/);
    const failures = (await trail(id)).filter((e) => e.action === "claim.document_failed");
    expect(failures).toHaveLength(1);
    expect(failures[0]?.actor_id).toBeNull();
  });

  it("queues again a PENDING claim whose message was lost, and the queue finishes it", async () => {
    const id = await storedClaim({ updatedAt: new Date(Date.now() - STALE_PENDING_MS - 1000).toISOString() });
    await sweep();
    expect((await waitForFinal(id)).status).toBe("PROCESSED");
    expect((await trail(id)).map((e) => e.action)).toEqual(["claim.processing_requeued", "claim.document_processed"]);
  });

  it("runs every job of the cron that fired; one job's failure does not stop the others and is reported", async () => {
    const ran: string[] = [];
    const jobs = [
      { name: "broken", cron: "*/5 * * * *", run: async () => Promise.reject(new Error("relay down")) },
      { name: "works", cron: "*/5 * * * *", run: async () => ran.push("works") },
      { name: "other-cron", cron: "0 * * * *", run: async () => ran.push("other-cron") },
    ];
    await expect(handleScheduled({ cron: "*/5 * * * *", scheduledTime: Date.now() }, env, jobs)).rejects.toThrow(
      /1 scheduled job\(s\) failed/,
    );
    expect(ran).toEqual(["works"]);
  });
});

describe("fault: the consumer dies mid-claim, and nobody steps in", () => {
  // A killed attempt leaves exactly this behind: its lease taken and counted, nothing else written
  // (its results are one batch at the end), and its message acknowledged by nobody.
  const killedAttempt = (id: string, startedSecondsAgo: number, leaseSeconds: number) =>
    takeLease(env.DB, id, new Date(Date.now() - startedSecondsAgo * 1000), leaseSeconds * 1000);

  it("an attempt killed once: the redelivery waits out its lease, the recovery job re-queues it, it ends PROCESSED", async () => {
    const id = await storedClaim();
    expect(await killedAttempt(id, 0, 2)).toMatchObject({ attempt: 1 });
    // The platform redelivers the unacknowledged message at once: the lease is still live.
    await deliver(id, 2);
    expect(await row(id)).toMatchObject({ status: "PROCESSING", processing_attempts: 1 });
    await new Promise((r) => setTimeout(r, 2_100));
    await sweep();
    const final = await waitForFinal(id);
    expect(final).toMatchObject({ status: "PROCESSED", processing_attempts: 2 });
    expect((await trail(id)).map((e) => e.action)).toEqual(["claim.processing_requeued", "claim.document_processed"]);
  });

  it("an attempt killed every time: after the last allowed attempt the recovery job fails it, with what happened", async () => {
    const id = await storedClaim();
    for (let attempt = 1; attempt <= MAX_PROCESSING_ATTEMPTS; attempt++)
      expect(await killedAttempt(id, 700 - attempt * 100, 60)).toMatchObject({ attempt });
    // A fifth lease is never given.
    expect(await killedAttempt(id, 0, 60)).toBeNull();
    await sweep();
    const final = await row(id);
    expect(final?.status).toBe("FAILED");
    expect(final?.failure_reason).toBe(
      "RESOURCE_LIMIT: attempt 4 of 4 stopped before finishing (the runtime ended it: CPU or memory limit, crash or restart)",
    );
  });
});

describe("an administrator resolves a stuck claim", () => {
  it("fails a claim a live attempt holds (audited with the actor); the attempt then writes nothing", async () => {
    const id = await storedClaim();
    const lease = await takeLease(env.DB, id, new Date(), 120_000);
    expect(lease).not.toBeNull();
    const res = await api(`/api/v1/claims/${id}/fail`, {
      method: "POST",
      token: admin.token,
      body: { reason: "The insured withdrew the claim" },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: "FAILED",
      failure_reason: "FAILED_BY_ADMINISTRATOR: The insured withdrew the claim",
    });
    const entry = (await trail(id)).find((e) => e.action === "claim.failed_by_administrator");
    expect(entry?.actor_id).toBe(admin.id);
    // The running attempt's late delivery finds the claim finished.
    expect(await processDocumentClaim(env, id)).toEqual({ kind: "skipped", why: "finished" });
    const n = await env.DB.prepare("SELECT count(*) AS n FROM predictions WHERE claim_id = ?")
      .bind(id)
      .first<{ n: number }>();
    expect(n?.n).toBe(0);
  });

  it("re-runs a FAILED claim with a fresh count of attempts; the queue finishes it", async () => {
    const id = await storedClaim({ status: "FAILED", attempts: MAX_PROCESSING_ATTEMPTS });
    const res = await api(`/api/v1/claims/${id}/rerun`, { method: "POST", token: admin.token });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ status: "PENDING", processing_attempts: 0 });
    expect(await waitForFinal(id)).toMatchObject({ status: "PROCESSED", processing_attempts: 1, failure_reason: null });
    const entry = (await trail(id)).find((e) => e.action === "claim.rerun_requested");
    expect(entry?.actor_id).toBe(admin.id);
  });

  it("refuses with 409 what it must not touch, naming the state: a live attempt, a finished claim", async () => {
    const held = await storedClaim({ status: "PROCESSING", attempts: 2, leaseExpiresAt: secondsFromNow(120) });
    const refused = await expectError(
      await api(`/api/v1/claims/${held}/rerun`, { method: "POST", token: admin.token }),
      409,
      "CONFLICT",
    );
    expect(refused.error.message).toMatch(/attempt 2 holds it until/);
    const done = await storedClaim({ status: "PROCESSED" });
    for (const path of ["rerun", "fail"])
      await expectError(
        await api(`/api/v1/claims/${done}/${path}`, {
          method: "POST",
          token: admin.token,
          body: { reason: "mistake" },
        }),
        409,
        "CONFLICT",
      );
    expect(await row(done)).toMatchObject({ status: "PROCESSED" });
  });

  it("404 for an unknown claim; only an administrator may call either route", async () => {
    await expectError(
      await api(`/api/v1/claims/${crypto.randomUUID()}/rerun`, { method: "POST", token: admin.token }),
      404,
      "CLAIM_NOT_FOUND",
    );
    const id = await storedClaim({ status: "FAILED" });
    expect((await api(`/api/v1/claims/${id}/rerun`, { method: "POST", token: insurer.token })).status).toBe(403);
    expect(
      (await api(`/api/v1/claims/${id}/fail`, { method: "POST", token: insurer.token, body: { reason: "nope" } }))
        .status,
    ).toBe(403);
    expect(await row(id)).toMatchObject({ status: "FAILED" });
  });
});
