import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_WORKFLOW_RECOVERIES, STALLED_WORKFLOW_MS } from "../../src/domain/workflows/stalled-workflow";
import { recoverStalledFnolClaims } from "../../src/fnol/recover-stalled-claims";
import { waitForEvent } from "../customers/journey";
import { claimBody } from "../fnol/claim-body";
import { claimReadyCustomer, claimStage, fileClaim, installOcrLanguageData } from "../fnol/claim-journey";

beforeAll(installOcrLanguageData);

const instanceStatus = async (claimId: string) => (await (await env.CLAIM_WORKFLOW.get(claimId)).status()).status;

async function waitForStatus(claimId: string, wanted: readonly string[], timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const status = await instanceStatus(claimId);
    if (wanted.includes(status)) return status;
    if (Date.now() > until) throw new Error(`instance ${claimId} stayed ${status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A sweep as the cron would run it once the claim has not moved for a stall period. */
async function sweepAfterStall(claimId: string) {
  const row = await env.DB.prepare("SELECT updated_at FROM fnol_claims WHERE claim_id = ?")
    .bind(claimId)
    .first<{ updated_at: string }>();
  return recoverStalledFnolClaims(env, new Date(Date.parse(row!.updated_at) + STALLED_WORKFLOW_MS + 1_000));
}

const auditActions = async (claimId: string) =>
  (
    await env.DB.prepare("SELECT action FROM audit_events WHERE entity_id = ? ORDER BY id")
      .bind(claimId)
      .all<{ action: string }>()
  ).results.map((r) => r.action);

describe("claims whose Workflow died are recovered by the sweep, or closed as FAILED", { timeout: 120_000 }, () => {
  it("restarts a terminated Workflow (the claim waits for its photo again); after the last recovery the claim is FAILED", async () => {
    const customer = await claimReadyCustomer();
    const claimId = await fileClaim(customer.token, claimBody(customer));
    await waitForEvent(customer.customerId, "Claim.Accepted");
    await waitForStatus(claimId, ["running", "waiting"]);

    // A recent claim or a live Workflow is left alone.
    expect((await recoverStalledFnolClaims(env, new Date())).restarted).not.toContain(claimId);
    expect((await sweepAfterStall(claimId)).restarted).not.toContain(claimId);

    for (let recovery = 1; recovery <= MAX_WORKFLOW_RECOVERIES; recovery++) {
      await (await env.CLAIM_WORKFLOW.get(claimId)).terminate();
      await waitForStatus(claimId, ["terminated"]);
      const report = await sweepAfterStall(claimId);
      expect(report.restarted).toContain(claimId);
      // A second sweep at the same moment finds the claim already taken.
      expect((await sweepAfterStall(claimId)).restarted).not.toContain(claimId);
      await waitForStatus(claimId, ["running", "waiting"]);
      expect(await claimStage(claimId)).toMatchObject({ stage: "AWAITING_PHOTO", status: "PENDING" });
    }
    // Every replayed step wrote nothing twice: one Claim.Accepted.
    const accepted = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM domain_events WHERE detail_type = 'Claim.Accepted' AND json_extract(detail, '$.claimId') = ?",
    )
      .bind(claimId)
      .first<{ n: number }>();
    expect(accepted?.n).toBe(1);

    await (await env.CLAIM_WORKFLOW.get(claimId)).terminate();
    await waitForStatus(claimId, ["terminated"]);
    expect((await sweepAfterStall(claimId)).failed).toContain(claimId);
    const rejected = await waitForEvent(customer.customerId, "Claim.Rejected");
    expect(rejected.detail).toMatchObject({ claimId, reason: "PROCESSING_FAILED" });
    expect(await claimStage(claimId)).toMatchObject({ stage: "FAILED", status: "FAILED" });
    const actions = await auditActions(claimId);
    expect(actions.filter((a) => a === "claim.fnol_recovered")).toHaveLength(MAX_WORKFLOW_RECOVERIES);
    expect(actions.at(-1)).toBe("claim.fnol_failed");
    // A final claim is never touched again.
    expect(await sweepAfterStall(claimId)).toEqual({ started: [], restarted: [], failed: [] });
  });
});
