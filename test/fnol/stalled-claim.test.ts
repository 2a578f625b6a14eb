import { describe, expect, it } from "vitest";
import { MAX_CLAIM_RECOVERIES, STALLED_CLAIM_MS, stalledClaimAction } from "../../src/domain/fnol/stalled-claim";

const now = new Date("2026-11-28T12:00:00.000Z");
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const stalled = ago(STALLED_CLAIM_MS + 1);

describe("what the recovery sweep does with an open first notice of loss", () => {
  it.each([
    ["a recent claim whose Workflow errored", { updatedAt: ago(60_000), workflow: "errored" }, "leave"],
    ["a stalled claim waiting for its photo", { workflow: "waiting" }, "leave"],
    ["a stalled claim whose Workflow is running (a step retrying)", { workflow: "running" }, "leave"],
    ["a stalled claim whose Workflow an operator paused", { workflow: "paused" }, "leave"],
    ["a status this code does not know yet", { workflow: "rollingBack" }, "leave"],
    ["a final claim whose Workflow errored afterwards", { stage: "SETTLED", workflow: "errored" }, "leave"],
    ["a FAILED claim", { stage: "FAILED", workflow: "errored" }, "leave"],
    ["an errored Workflow", { workflow: "errored" }, "restart"],
    ["a terminated Workflow", { workflow: "terminated" }, "restart"],
    ["a Workflow that completed without closing the claim", { workflow: "complete" }, "restart"],
    ["a claim whose Workflow was never created", { stage: "REQUESTED", workflow: "missing" }, "start"],
    ["the last recovery left", { workflow: "errored", recoveries: MAX_CLAIM_RECOVERIES - 1 }, "restart"],
    ["recoveries spent", { workflow: "errored", recoveries: MAX_CLAIM_RECOVERIES }, "fail"],
    ["recoveries spent, never created", { workflow: "missing", recoveries: MAX_CLAIM_RECOVERIES }, "fail"],
    ["exactly one stall period", { updatedAt: ago(STALLED_CLAIM_MS), workflow: "errored" }, "restart"],
  ] as const)("%s → %s", (_name, facts, action) => {
    expect(stalledClaimAction({ stage: "AWAITING_PHOTO", updatedAt: stalled, recoveries: 0, ...facts }, now)).toBe(
      action,
    );
  });
});
