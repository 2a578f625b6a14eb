import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { eventDeliveries } from "../db/schema";
import type { Env } from "../env";

/** An event gets this long to be dispatched before the relay sends it again. */
export const RELAY_GRACE_SECONDS = 60;
const RELAY_BATCH = 100;

/**
 * Re-sends events that no consumer has acknowledged within the grace period: the producer may
 * have crashed between its commit and its publish, or the message may be stuck. Runs on the
 * Cron Trigger; consumers are idempotent, so a second send is harmless.
 */
export async function relayUndeliveredEvents(env: Env, db: Database, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - RELAY_GRACE_SECONDS * 1000).toISOString();
  const stale = await db
    .select({ eventId: eventDeliveries.eventId })
    .from(eventDeliveries)
    .where(and(eq(eventDeliveries.status, "PENDING"), lt(eventDeliveries.lastSentAt, cutoff)))
    .orderBy(asc(eventDeliveries.lastSentAt))
    .limit(RELAY_BATCH);
  if (stale.length === 0) return 0;
  await env.DOMAIN_EVENTS_QUEUE.sendBatch(stale.map(({ eventId }) => ({ body: { eventId }, contentType: "json" })));
  const at = now.toISOString();
  for (let i = 0; i < stale.length; i += 90) {
    const ids = stale.slice(i, i + 90).map((s) => s.eventId);
    await db
      .update(eventDeliveries)
      .set({ lastSentAt: at, sends: sql`${eventDeliveries.sends} + 1` })
      .where(and(eq(eventDeliveries.status, "PENDING"), inArray(eventDeliveries.eventId, ids)));
  }
  return stale.length;
}
