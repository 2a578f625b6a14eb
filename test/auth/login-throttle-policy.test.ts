import { describe, expect, it } from "vitest";
import {
  ACCOUNT_SLOWDOWN_FAILURES,
  accountUnderAttack,
  asksAccountLimiter,
  delayAfter,
  type FailureCount,
  LOCK_FAILURES,
  locksPair,
  loginGate,
  pairWaitSeconds,
} from "../../src/domain/auth/login-throttle-policy";

const NOW = 1_800_000_000_000;
const count = (failures: number, overrides: Partial<FailureCount> = {}): FailureCount => ({
  failures,
  windowStartedAt: NOW - 60_000,
  lastFailureAt: NOW,
  lockedUntil: null,
  ...overrides,
});

describe("delayAfter", () => {
  it.each([
    [0, 0],
    [2, 0],
    [3, 1000],
    [4, 2000],
    [6, 8000],
    [9, 60_000],
    [50, 60_000],
  ])("%i failures → %i ms", (failures, ms) => {
    expect(delayAfter(failures)).toBe(ms);
  });
});

describe("pairWaitSeconds", () => {
  it.each([
    { name: "no failures", pair: undefined, wait: 0 },
    { name: "two failures, just now", pair: count(2), wait: 0 },
    { name: "three failures, just now", pair: count(3), wait: 1 },
    { name: "five failures, just now", pair: count(5), wait: 4 },
    { name: "five failures, 4 s ago", pair: count(5, { lastFailureAt: NOW - 4000 }), wait: 0 },
    { name: "locked for 10 more minutes", pair: count(10, { lockedUntil: NOW + 600_000 }), wait: 600 },
    {
      name: "a lock that has run out",
      pair: count(10, { lockedUntil: NOW - 1, lastFailureAt: NOW - 900_000 }),
      wait: 0,
    },
    {
      name: "many failures outside the window",
      pair: count(8, { windowStartedAt: NOW - 16 * 60_000, lastFailureAt: NOW - 1000 }),
      wait: 0,
    },
  ])("$name → $wait s", ({ pair, wait }) => {
    expect(pairWaitSeconds(pair, NOW)).toBe(wait);
  });
});

describe("locksPair", () => {
  it.each([
    [LOCK_FAILURES - 1, false, false],
    [LOCK_FAILURES, false, true],
    [LOCK_FAILURES + 5, false, true],
    // The owner's usual address (a NAT with a stranger behind it) is slowed, never locked.
    [LOCK_FAILURES + 5, true, false],
  ])("%i failures, known address %s → %s", (failures, known, locks) => {
    expect(locksPair(failures, known)).toBe(locks);
  });
});

describe("the account-wide slow-down", () => {
  it.each([
    { failures: ACCOUNT_SLOWDOWN_FAILURES - 1, known: false, asks: false },
    { failures: ACCOUNT_SLOWDOWN_FAILURES, known: false, asks: true },
    { failures: ACCOUNT_SLOWDOWN_FAILURES * 10, known: true, asks: false },
  ])("$failures failures, known address $known → asks the limiter: $asks", ({ failures, known, asks }) => {
    expect(asksAccountLimiter(count(failures), known, NOW)).toBe(asks);
  });

  it("forgets an attack older than the window", () => {
    expect(accountUnderAttack(count(100, { windowStartedAt: NOW - 16 * 60_000 }), NOW)).toBe(false);
  });
});

describe("loginGate", () => {
  it.each([
    { name: "a fresh attempt", input: {}, gate: { allowed: true } },
    {
      name: "an address over its ceiling",
      input: { addressWithinCeiling: false },
      gate: { allowed: false, retryAfterSeconds: 60, reason: "address_ceiling" },
    },
    {
      name: "a slowed pair",
      input: { pair: count(4) },
      gate: { allowed: false, retryAfterSeconds: 2, reason: "pair_slowed" },
    },
    {
      name: "an account over its limit for unknown addresses",
      input: { accountWithinLimit: false },
      gate: { allowed: false, retryAfterSeconds: 60, reason: "account_slowed" },
    },
  ])("$name", ({ input, gate }) => {
    expect(
      loginGate({ now: NOW, addressWithinCeiling: true, pair: undefined, accountWithinLimit: true, ...input }),
    ).toEqual(gate);
  });
});
