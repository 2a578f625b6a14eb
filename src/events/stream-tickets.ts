import { and, eq, gt, isNull } from "drizzle-orm";
import type { CurrentUser } from "../auth/current-user";
import type { Database } from "../db/client";
import { sessions, streamTickets, users } from "../db/schema";

/** A ticket opens one stream within this many seconds, once. */
export const STREAM_TICKET_TTL_SECONDS = 60;

const sha256Hex = async (text: string) =>
  [...new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)))]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");

/** A random ticket for the caller; only its hash is stored. */
export async function issueStreamTicket(db: Database, user: CurrentUser, now = new Date()) {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const ticket = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
  const expiresAt = new Date(now.getTime() + STREAM_TICKET_TTL_SECONDS * 1000).toISOString();
  await db.insert(streamTickets).values({
    ticketHash: await sha256Hex(ticket),
    userId: user.id,
    customerId: user.customerId ?? "",
    sessionId: user.sessionId ?? null,
    expiresAt,
  });
  return { ticket, expiresAt };
}

/**
 * Spends a ticket with one conditional UPDATE (unused and unexpired), so of two connections with
 * one ticket only one opens; returns the user it was issued to, as that user is now.
 */
export async function redeemStreamTicket(
  db: Database,
  ticket: string,
  now = new Date(),
): Promise<CurrentUser | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(ticket)) return undefined;
  const [spent] = await db
    .update(streamTickets)
    .set({ usedAt: now.toISOString() })
    .where(
      and(
        eq(streamTickets.ticketHash, await sha256Hex(ticket)),
        isNull(streamTickets.usedAt),
        gt(streamTickets.expiresAt, now.toISOString()),
      ),
    )
    .returning();
  if (!spent) return undefined;
  const user = await db.select().from(users).where(eq(users.id, spent.userId)).get();
  if (!user?.active || user.customerId !== spent.customerId) return undefined;
  if (spent.sessionId) {
    const session = await db.select().from(sessions).where(eq(sessions.id, spent.sessionId)).get();
    if (!session || session.revokedAt || session.expiresAt <= now.toISOString()) return undefined;
  }
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    providerId: user.providerId,
    customerId: user.customerId,
    ...(spent.sessionId ? { sessionId: spent.sessionId } : {}),
  };
}
