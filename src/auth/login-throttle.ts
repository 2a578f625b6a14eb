import { eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { loginThrottles } from "../db/schema";

// After MAX_FAILURES failed logins within WINDOW_MS for one email or one client, further
// attempts are refused for LOCK_MS, even with the right password.
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

export const throttleKeys = (email: string, client: string): string[] => [`email:${email}`, `client:${client}`];

/** Seconds until the caller may try again, or 0 when no key is locked. */
export async function secondsLocked(db: Database, keys: string[], now = Date.now()): Promise<number> {
  const rows = await db.select().from(loginThrottles).where(inArray(loginThrottles.key, keys));
  const lockedUntil = Math.max(0, ...rows.map((row) => row.lockedUntil ?? 0));
  return lockedUntil > now ? Math.ceil((lockedUntil - now) / 1000) : 0;
}

/** Counts one failure per key atomically (an upsert), locking a key that reaches the limit. */
export async function recordFailure(db: Database, keys: string[], now = Date.now()): Promise<void> {
  const windowStart = now - WINDOW_MS;
  const [first, ...rest] = keys.map((key) =>
    db
      .insert(loginThrottles)
      .values({ key, failures: 1, windowStartedAt: now, lockedUntil: null })
      .onConflictDoUpdate({
        target: loginThrottles.key,
        set: {
          failures: sql`CASE WHEN ${loginThrottles.windowStartedAt} < ${windowStart} THEN 1 ELSE ${loginThrottles.failures} + 1 END`,
          windowStartedAt: sql`CASE WHEN ${loginThrottles.windowStartedAt} < ${windowStart} THEN ${now} ELSE ${loginThrottles.windowStartedAt} END`,
          lockedUntil: sql`CASE WHEN ${loginThrottles.windowStartedAt} >= ${windowStart} AND ${loginThrottles.failures} + 1 >= ${MAX_FAILURES} THEN ${now + LOCK_MS} ELSE ${loginThrottles.lockedUntil} END`,
        },
      }),
  );
  if (first) await db.batch([first, ...rest]);
}

/** A successful login clears the email's counter; the client's counter keeps running. */
export async function clearFailures(db: Database, email: string): Promise<void> {
  await db.delete(loginThrottles).where(eq(loginThrottles.key, `email:${email}`));
}
