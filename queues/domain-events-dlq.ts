import { eq } from "drizzle-orm";
import { createDatabase } from "../src/db/client";
import { deadLetters, eventDeliveries } from "../src/db/schema";
import type { DomainEventMessage, Env } from "../src/env";
import { runBatch } from "../src/events/batch";

/**
 * Consumer of the domain-events dead-letter queue: every message that failed its last retry is
 * recorded in D1 (admins list and replay them) and its event marked, so the relay stops re-sending it.
 */
export async function consumeDomainEventDeadLetters(batch: MessageBatch<DomainEventMessage>, env: Env): Promise<void> {
  const db = createDatabase(env.DB);
  for (const message of batch.messages) {
    const eventId = typeof message.body?.eventId === "string" ? message.body.eventId.slice(0, 64) : null;
    await runBatch(db, [
      db
        .insert(deadLetters)
        .values({
          queue: batch.queue,
          messageId: message.id,
          eventId,
          body: message.body ?? null,
          attempts: message.attempts,
          recordedAt: new Date().toISOString(),
        })
        .onConflictDoNothing(),
      ...(eventId
        ? [db.update(eventDeliveries).set({ status: "DEAD_LETTERED" }).where(eq(eventDeliveries.eventId, eventId))]
        : []),
    ]);
    message.ack();
  }
}
