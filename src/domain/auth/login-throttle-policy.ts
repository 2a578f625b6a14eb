/**
 * Login throttling as pure rules. Failures are counted per (account, address) pair and per account;
 * the pair is slowed down progressively and then locked — that pair only, so a hospital behind one
 * NAT keeps logging in while one of its accounts is attacked — and the account as a whole is only
 * ever slowed down, for addresses it never logged in from: a stranger cannot lock its owner out.
 */

/** Failures of one pair or one account are counted within this window from the first. */
export const FAILURE_WINDOW_MS = 15 * 60_000;
/** Failures of a pair answered without delay. */
export const FREE_FAILURES = 3;
/** The longest wait between two attempts of a slowed pair. */
export const MAX_DELAY_MS = 60_000;
/** Failures after which a pair from an address the account never logged in from is locked. */
export const LOCK_FAILURES = 10;
export const LOCK_MS = 15 * 60_000;
/** Failures across all addresses after which the account is slowed for unknown addresses. */
export const ACCOUNT_SLOWDOWN_FAILURES = 20;

export interface FailureCount {
  failures: number;
  windowStartedAt: number;
  lastFailureAt: number | null;
  lockedUntil: number | null;
}

const inWindow = (count: FailureCount, now: number) => count.windowStartedAt >= now - FAILURE_WINDOW_MS;

/** The wait after `failures` failures: none for the first FREE_FAILURES, then 1 s, 2 s, 4 s … up to MAX_DELAY_MS. */
export function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - FREE_FAILURES));
}

/** Whether one more failure locks the pair: only for an address the account never logged in from. */
export const locksPair = (failuresAfter: number, knownAddress: boolean): boolean =>
  !knownAddress && failuresAfter >= LOCK_FAILURES;

/** Seconds the pair must wait before its next attempt (0: it may try now). */
export function pairWaitSeconds(count: FailureCount | undefined, now: number): number {
  if (!count) return 0;
  if (count.lockedUntil !== null && count.lockedUntil > now) return Math.ceil((count.lockedUntil - now) / 1000);
  if (!inWindow(count, now) || count.lastFailureAt === null) return 0;
  const readyAt = count.lastFailureAt + delayAfter(count.failures);
  return readyAt > now ? Math.ceil((readyAt - now) / 1000) : 0;
}

/** Whether the account is being guessed at from many places: then unknown addresses are rate limited. */
export const accountUnderAttack = (count: FailureCount | undefined, now: number): boolean =>
  count !== undefined && inWindow(count, now) && count.failures >= ACCOUNT_SLOWDOWN_FAILURES;

/** Whether the per-account rate limiter must be asked: the account is under attack and the address unknown. */
export const asksAccountLimiter = (account: FailureCount | undefined, knownAddress: boolean, now: number): boolean =>
  !knownAddress && accountUnderAttack(account, now);

export type LoginGate =
  | { allowed: true }
  | { allowed: false; retryAfterSeconds: number; reason: "address_ceiling" | "pair_slowed" | "account_slowed" };

/** Whether an attempt may check its password, given the counters and the rate limiters' answers. */
export function loginGate(input: {
  now: number;
  addressWithinCeiling: boolean;
  pair: FailureCount | undefined;
  /** The per-account limiter's answer (true when it was not asked). */
  accountWithinLimit: boolean;
}): LoginGate {
  if (!input.addressWithinCeiling) return { allowed: false, retryAfterSeconds: 60, reason: "address_ceiling" };
  const wait = pairWaitSeconds(input.pair, input.now);
  if (wait > 0) return { allowed: false, retryAfterSeconds: wait, reason: "pair_slowed" };
  if (!input.accountWithinLimit) return { allowed: false, retryAfterSeconds: 60, reason: "account_slowed" };
  return { allowed: true };
}
