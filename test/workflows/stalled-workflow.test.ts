import { describe, expect, it } from "vitest";
import {
  MAX_WORKFLOW_RECOVERIES,
  STALLED_WORKFLOW_MS,
  stalledWorkflowAction,
} from "../../src/domain/workflows/stalled-workflow";

const now = new Date("2026-11-28T12:00:00.000Z");
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const stalled = ago(STALLED_WORKFLOW_MS + 1);

describe("what the recovery sweep does with something its Workflow left open", () => {
  it.each([
    ["recent, its Workflow errored", { updatedAt: ago(60_000), workflow: "errored" }, "leave"],
    ["stalled, waiting for an event (a damage photo)", { workflow: "waiting" }, "leave"],
    ["stalled, its Workflow running (a step retrying)", { workflow: "running" }, "leave"],
    ["stalled, its Workflow paused by an operator", { workflow: "paused" }, "leave"],
    ["a status this code does not know yet", { workflow: "rollingBack" }, "leave"],
    ["closed already, its Workflow errored afterwards", { open: false, workflow: "errored" }, "leave"],
    ["an errored Workflow", { workflow: "errored" }, "restart"],
    ["a terminated Workflow", { workflow: "terminated" }, "restart"],
    ["a Workflow that completed without closing it", { workflow: "complete" }, "restart"],
    ["a Workflow never created (its event was lost)", { workflow: "missing" }, "start"],
    ["the last recovery left", { workflow: "errored", recoveries: MAX_WORKFLOW_RECOVERIES - 1 }, "restart"],
    ["recoveries spent", { workflow: "errored", recoveries: MAX_WORKFLOW_RECOVERIES }, "fail"],
    ["recoveries spent, never created", { workflow: "missing", recoveries: MAX_WORKFLOW_RECOVERIES }, "fail"],
    ["exactly one stall period", { updatedAt: ago(STALLED_WORKFLOW_MS), workflow: "errored" }, "restart"],
  ] as const)("%s → %s", (_name, facts, action) => {
    expect(stalledWorkflowAction({ open: true, updatedAt: stalled, recoveries: 0, ...facts }, now)).toBe(action);
  });

  it("takes a shorter stall period where the caller knows better (a document read takes seconds)", () => {
    const facts = { open: true, updatedAt: ago(121_000), workflow: "missing", recoveries: 0 };
    expect(stalledWorkflowAction(facts, now)).toBe("leave");
    expect(stalledWorkflowAction(facts, now, 120_000)).toBe("start");
  });
});
