import { createDatabase } from "../src/db/client";
import type { DomainEventMessage, Env } from "../src/env";
import { dispatchEvent } from "../src/events/dispatch";
import { eventsById } from "../src/events/event-log";
import type { Reactor } from "../src/events/reactor";
import { REACTORS } from "../src/events/reactors";
import { backoffSeconds } from "./retry";

const eventIdOf = (body: unknown): string | undefined => {
  const id = (body as Partial<DomainEventMessage> | null)?.eventId;
  return typeof id === "string" && id.length <= 64 ? id : undefined;
};

/**
 * Consumer of the domain-events queue: each message names an event in the log; it is dispatched
 * to its reactors. A message naming no logged event is acknowledged (nothing to do); a reactor's
 * failure retries the message with backoff, and after the last retry it goes to the dead-letter queue.
 */
export async function consumeDomainEvents(
  batch: MessageBatch<DomainEventMessage>,
  env: Env,
  reactors: readonly Reactor[] = REACTORS,
): Promise<void> {
  const db = createDatabase(env.DB);
  const ids = [...new Set(batch.messages.map((m) => eventIdOf(m.body)).filter((id): id is string => !!id))];
  const events = new Map((await eventsById(db, ids)).map((event) => [event.id, event]));
  for (const message of batch.messages) {
    const event = events.get(eventIdOf(message.body) ?? "");
    if (!event) {
      console.warn(JSON.stringify({ level: "warn", message: "no such event in the log", body: message.body }));
      message.ack();
      continue;
    }
    try {
      await dispatchEvent(env, db, event, reactors);
      message.ack();
    } catch (error) {
      console.error(
        JSON.stringify({
          level: "error",
          message: "dispatching an event failed; retrying",
          event_id: event.id,
          detail_type: event["detail-type"],
          attempts: message.attempts,
          error: error instanceof Error ? error.message : String(error),
        }),
      );
      message.retry({ delaySeconds: backoffSeconds(message.attempts) });
    }
  }
}
