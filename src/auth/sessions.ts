import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../db/client";
import { refreshTokens, sessions } from "../db/schema";
import type { AppConfig } from "../env";
import { randomSecret, sha256Hex } from "./secret-hash";
import { forgetSessions } from "./session-cache";

/** A refresh token is `<session id>.<secret>`; only its SHA-256 is stored. */
const REFRESH_TOKEN = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;

export interface IssuedSession {
  sessionId: string;
  refreshToken: string;
}

const newRefreshToken = (sessionId: string) => `${sessionId}.${randomSecret()}`;

/** Opens a session for a user who just proved who they are (login). */
export async function openSession(db: Database, userId: string, config: AppConfig, now = new Date()) {
  const sessionId = crypto.randomUUID();
  const refreshToken = newRefreshToken(sessionId);
  const at = now.toISOString();
  await db.batch([
    db.insert(sessions).values({
      id: sessionId,
      userId,
      createdAt: at,
      lastSeenAt: at,
      expiresAt: new Date(now.getTime() + config.SESSION_TTL_SECONDS * 1000).toISOString(),
    }),
    db.insert(refreshTokens).values({ tokenHash: await sha256Hex(refreshToken), sessionId, issuedAt: at }),
  ]);
  return { sessionId, refreshToken } satisfies IssuedSession;
}

export type RefreshOutcome =
  | { kind: "rotated"; sessionId: string; userId: string; refreshToken: string }
  | { kind: "invalid" }
  | { kind: "reused"; sessionId: string; userId: string };

/**
 * Exchanges the session's current refresh token for a new one (one conditional UPDATE, so of two
 * concurrent refreshes one wins). Presenting a token that was already replaced is the theft signal:
 * the whole session (the rotation family) is revoked.
 */
export async function rotateRefreshToken(
  db: Database,
  presented: string,
  config: AppConfig,
  now = new Date(),
): Promise<RefreshOutcome> {
  const match = REFRESH_TOKEN.exec(presented);
  if (!match) return { kind: "invalid" };
  const sessionId = match[1]!;
  const tokenHash = await sha256Hex(presented);
  const at = now.toISOString();
  const session = await db.select().from(sessions).where(eq(sessions.id, sessionId)).get();
  const stored = await db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash)).get();
  if (!session || !stored || stored.sessionId !== sessionId) return { kind: "invalid" };
  if (session.revokedAt || session.expiresAt <= at) return { kind: "invalid" };

  const [spent] = await db
    .update(refreshTokens)
    .set({ replacedAt: at })
    .where(and(eq(refreshTokens.tokenHash, tokenHash), isNull(refreshTokens.replacedAt)))
    .returning();
  if (!spent) {
    await revokeSession(db, sessionId, "refresh token reused", now);
    return { kind: "reused", sessionId, userId: session.userId };
  }
  const refreshToken = newRefreshToken(sessionId);
  await db.batch([
    db.insert(refreshTokens).values({ tokenHash: await sha256Hex(refreshToken), sessionId, issuedAt: at }),
    db
      .update(sessions)
      .set({
        lastSeenAt: at,
        expiresAt: new Date(now.getTime() + config.SESSION_TTL_SECONDS * 1000).toISOString(),
      })
      .where(eq(sessions.id, sessionId)),
  ]);
  return { kind: "rotated", sessionId, userId: session.userId, refreshToken };
}

/** Ends one session (logout, reuse); its access tokens stop working within the cache's few seconds. */
export async function revokeSession(db: Database, sessionId: string, reason: string, now = new Date()) {
  await db
    .update(sessions)
    .set({ revokedAt: now.toISOString(), revokedReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
  forgetSessions({ sessionId });
}

/** The statement that ends every session of a user (deactivation), to run inside the change's batch. */
export const revokeUserSessions = (db: Database, userId: string, reason: string, now = new Date()) =>
  db
    .update(sessions)
    .set({ revokedAt: now.toISOString(), revokedReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
