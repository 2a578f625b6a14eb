import { eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { sessions, users } from "../db/schema";
import { ApiError } from "../errors/api-error";
import type { CurrentUser } from "./current-user";
import { cachedSession, rememberSession, type SessionState } from "./session-cache";
import type { VerifiedToken } from "./tokens";

async function readSession(db: Database, sessionId: string): Promise<SessionState | null> {
  const row = await db
    .select({
      sessionId: sessions.id,
      userId: users.id,
      email: users.email,
      role: users.role,
      providerId: users.providerId,
      customerId: users.customerId,
      userActive: users.active,
      revokedAt: sessions.revokedAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sessionId))
    .get();
  if (!row) return null;
  const { revokedAt, ...state } = row;
  return { ...state, revoked: revokedAt !== null };
}

/**
 * The caller as the database says it is now: the token's session must be open and unexpired, its
 * user active and still holding the role the token was issued for (a changed role needs a new token).
 */
export async function checkSession(db: Database, token: VerifiedToken, now = new Date()): Promise<CurrentUser> {
  let state = cachedSession(token.sessionId, now.getTime());
  if (state === undefined) {
    state = await readSession(db, token.sessionId);
    rememberSession(token.sessionId, state, now.getTime());
  }
  if (!state || state.userId !== token.userId) throw new ApiError("UNAUTHORIZED", "The token's session does not exist");
  if (!state.userActive) throw new ApiError("UNAUTHORIZED", "The token's user is deactivated");
  if (state.revoked) throw new ApiError("UNAUTHORIZED", "The session has been revoked; log in again");
  if (state.expiresAt <= now.toISOString()) throw new ApiError("UNAUTHORIZED", "The session has expired; log in again");
  if (state.role !== token.role) throw new ApiError("UNAUTHORIZED", "The user's role has changed; refresh the token");
  return {
    id: state.userId,
    email: state.email,
    role: state.role,
    providerId: state.providerId,
    customerId: state.customerId,
    sessionId: state.sessionId,
  };
}
