import { and, eq, inArray, sql } from "drizzle-orm";
import { piiHash } from "../customers/pii-hash";
import type { Database } from "../db/client";
import { loginKnownAddresses, loginThrottles } from "../db/schema";
import {
  asksAccountLimiter,
  FAILURE_WINDOW_MS,
  type FailureCount,
  LOCK_FAILURES,
  LOCK_MS,
  type LoginGate,
  loginGate,
} from "../domain/auth/login-throttle-policy";
import type { Env } from "../env";

/** One login attempt's throttle keys: the (account, address) pair and the account. */
export interface LoginAttempt {
  email: string;
  /** The client address from Cloudflare's edge; absent only outside it (then not limited per address). */
  address: string | null;
  addressHash: string;
  pairKey: string;
  accountKey: string;
}

export async function loginAttempt(env: Env, email: string, address: string | undefined): Promise<LoginAttempt> {
  const addressHash = await piiHash(env.PII_HASH_KEY, "address", address ?? "unknown");
  return {
    email,
    address: address ?? null,
    addressHash,
    pairKey: `pair:${email} ${addressHash}`,
    accountKey: `account:${email}`,
  };
}

const toCount = (row: typeof loginThrottles.$inferSelect | undefined): FailureCount | undefined =>
  row && {
    failures: row.failures,
    windowStartedAt: row.windowStartedAt,
    lastFailureAt: row.lastFailureAt,
    lockedUntil: row.lockedUntil,
  };

/** Reads the counters and asks the Rate Limiting bindings whether this attempt may check its password. */
export async function gateLogin(
  env: Env,
  db: Database,
  attempt: LoginAttempt,
  userId: string | undefined,
  now = Date.now(),
): Promise<{ gate: LoginGate; knownAddress: boolean }> {
  const addressWithinCeiling = attempt.address
    ? (await env.LOGIN_ADDRESS_LIMITER.limit({ key: attempt.address })).success
    : true;
  const [counters, known] = await db.batch([
    db
      .select()
      .from(loginThrottles)
      .where(inArray(loginThrottles.key, [attempt.pairKey, attempt.accountKey])),
    db
      .select({ userId: loginKnownAddresses.userId })
      .from(loginKnownAddresses)
      .where(
        and(eq(loginKnownAddresses.userId, userId ?? ""), eq(loginKnownAddresses.addressHash, attempt.addressHash)),
      ),
  ]);
  const pair = toCount(counters.find((row) => row.key === attempt.pairKey));
  const account = toCount(counters.find((row) => row.key === attempt.accountKey));
  const knownAddress = known.length > 0;
  const accountWithinLimit = asksAccountLimiter(account, knownAddress, now)
    ? (await env.LOGIN_ACCOUNT_LIMITER.limit({ key: attempt.email })).success
    : true;
  return { gate: loginGate({ now, addressWithinCeiling, pair, accountWithinLimit }), knownAddress };
}

/** Counts one failure on the pair and on the account atomically (upserts); locks the pair when the policy says so. */
export async function recordFailure(
  db: Database,
  attempt: LoginAttempt,
  knownAddress: boolean,
  now = Date.now(),
): Promise<void> {
  const windowStart = now - FAILURE_WINDOW_MS;
  const upsert = (key: string, mayLock: boolean) =>
    db
      .insert(loginThrottles)
      .values({ key, failures: 1, windowStartedAt: now, lastFailureAt: now, lockedUntil: null })
      .onConflictDoUpdate({
        target: loginThrottles.key,
        set: {
          failures: sql`CASE WHEN ${loginThrottles.windowStartedAt} < ${windowStart} THEN 1 ELSE ${loginThrottles.failures} + 1 END`,
          windowStartedAt: sql`CASE WHEN ${loginThrottles.windowStartedAt} < ${windowStart} THEN ${now} ELSE ${loginThrottles.windowStartedAt} END`,
          lastFailureAt: now,
          lockedUntil: mayLock
            ? sql`CASE WHEN ${loginThrottles.windowStartedAt} >= ${windowStart} AND ${loginThrottles.failures} + 1 >= ${LOCK_FAILURES} THEN ${now + LOCK_MS} ELSE ${loginThrottles.lockedUntil} END`
            : sql`${loginThrottles.lockedUntil}`,
        },
      });
  // Mirrors `locksPair`: a pair from an address the account logged in from is slowed, never locked.
  await db.batch([upsert(attempt.pairKey, !knownAddress), upsert(attempt.accountKey, false)]);
}

/** A successful login clears its pair and remembers the address; the account's counter keeps running. */
export async function recordSuccess(db: Database, attempt: LoginAttempt, userId: string, now = Date.now()) {
  await db.batch([
    db.delete(loginThrottles).where(eq(loginThrottles.key, attempt.pairKey)),
    db
      .insert(loginKnownAddresses)
      .values({ userId, addressHash: attempt.addressHash, lastSuccessAt: now })
      .onConflictDoUpdate({
        target: [loginKnownAddresses.userId, loginKnownAddresses.addressHash],
        set: { lastSuccessAt: now },
      }),
  ]);
}
