// The rules a claim PDF's attempts follow, as tables: what the recovery job does with a claim it
// reads, and what happens after an attempt fails in the open.

import { describe, expect, it } from "vitest";
import {
  afterFailure,
  MAX_PROCESSING_ATTEMPTS,
  type ProcessingState,
  recoveryAction,
  STALE_PENDING_MS,
} from "../../src/domain/documents/processing-attempts";

const now = new Date("2026-03-01T12:00:00.000Z");
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const ahead = (ms: number) => new Date(now.getTime() + ms).toISOString();
const state = (s: Partial<ProcessingState>): ProcessingState => ({
  status: "PROCESSING",
  attempts: 1,
  leaseExpiresAt: ahead(60_000),
  updatedAt: ago(1_000),
  ...s,
});

describe("recoveryAction", () => {
  const cases: Array<[string, ProcessingState, "none" | "requeue" | "fail", RegExp?]> = [
    ["a live lease is left alone", state({}), "none"],
    [
      "a lease ending right now has expired",
      state({ leaseExpiresAt: now.toISOString() }),
      "requeue",
      /lease of attempt 1 of/,
    ],
    ["an expired lease with attempts left is queued again", state({ leaseExpiresAt: ago(1) }), "requeue"],
    [
      "PROCESSING without a lease (an attempt from before leases) is queued again",
      state({ leaseExpiresAt: null }),
      "requeue",
    ],
    [
      "an expired lease on the last attempt fails: the runtime stopped it",
      state({ attempts: MAX_PROCESSING_ATTEMPTS, leaseExpiresAt: ago(1) }),
      "fail",
      /^RESOURCE_LIMIT: attempt 4 of 4 stopped before finishing/,
    ],
    ["a live lease on the last attempt is still left alone", state({ attempts: MAX_PROCESSING_ATTEMPTS }), "none"],
    ["a fresh PENDING claim waits for its message", state({ status: "PENDING", leaseExpiresAt: null }), "none"],
    [
      "a PENDING claim no attempt picked up in time lost its message: queued again",
      state({ status: "PENDING", leaseExpiresAt: null, updatedAt: ago(STALE_PENDING_MS) }),
      "requeue",
      /no attempt started/,
    ],
    [
      "a stale PENDING claim with its attempts spent fails",
      state({
        status: "PENDING",
        attempts: MAX_PROCESSING_ATTEMPTS,
        leaseExpiresAt: null,
        updatedAt: ago(STALE_PENDING_MS),
      }),
      "fail",
      /^ATTEMPTS_EXHAUSTED: 4 attempts made/,
    ],
    [
      "a PROCESSED claim is never touched",
      state({ status: "PROCESSED", leaseExpiresAt: null, updatedAt: ago(1e9) }),
      "none",
    ],
    [
      "a FAILED claim is never touched",
      state({ status: "FAILED", leaseExpiresAt: ago(1e9), updatedAt: ago(1e9) }),
      "none",
    ],
  ];
  for (const [name, input, kind, reason] of cases) {
    it(name, () => {
      const action = recoveryAction(input, now);
      expect(action.kind).toBe(kind);
      if (reason && action.kind !== "none") expect(action.reason).toMatch(reason);
    });
  }
});

describe("afterFailure", () => {
  const cases: Array<[string, { deterministic: boolean; reason: string }, number, "fail" | "retry", string?]> = [
    [
      "a deterministic failure fails at once, on the first attempt",
      { deterministic: true, reason: "ENCRYPTED: x" },
      1,
      "fail",
      "ENCRYPTED: x",
    ],
    ["a transient failure is retried", { deterministic: false, reason: "D1 busy" }, 1, "retry"],
    [
      "a transient failure before the last attempt is retried",
      { deterministic: false, reason: "D1 busy" },
      MAX_PROCESSING_ATTEMPTS - 1,
      "retry",
    ],
    [
      "a transient failure on the last attempt fails, saying so",
      { deterministic: false, reason: "D1 busy" },
      MAX_PROCESSING_ATTEMPTS,
      "fail",
      "D1 busy (attempt 4 of 4, the last)",
    ],
  ];
  for (const [name, failure, attempt, kind, reason] of cases) {
    it(name, () => {
      const outcome = afterFailure(failure, attempt);
      expect(outcome.kind).toBe(kind);
      if (reason && outcome.kind === "fail") expect(outcome.reason).toBe(reason);
    });
  }
});
