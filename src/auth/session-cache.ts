import type { Role } from "../db/schema";

/** How long an isolate trusts what it read about a session: revocation elsewhere takes effect within this. */
export const SESSION_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

/** A session as the database holds it, joined with its user's current state. */
export interface SessionState {
  sessionId: string;
  userId: string;
  email: string;
  role: Role;
  providerId: string | null;
  customerId: string | null;
  userActive: boolean;
  revoked: boolean;
  expiresAt: string;
}

const entries = new Map<string, { state: SessionState | null; readAt: number }>();

/** The cached state of a session (null: known not to exist), or undefined when it must be read again. */
export function cachedSession(sessionId: string, now = Date.now()): SessionState | null | undefined {
  const entry = entries.get(sessionId);
  if (!entry) return undefined;
  if (now - entry.readAt >= SESSION_CACHE_TTL_MS) {
    entries.delete(sessionId);
    return undefined;
  }
  return entry.state;
}

export function rememberSession(sessionId: string, state: SessionState | null, now = Date.now()): void {
  // Bounded: a flood of distinct tokens must not grow the isolate's memory.
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(sessionId, { state, readAt: now });
}

/** A change made through this isolate takes effect here at once (other isolates: within the TTL). */
export function forgetSessions(which: { sessionId?: string; userId?: string }): void {
  if (which.sessionId) entries.delete(which.sessionId);
  if (which.userId) {
    for (const [id, entry] of entries) if (entry.state?.userId === which.userId) entries.delete(id);
  }
}
