import type { DomainEvent } from "../domain/events/catalog";
import type { Env } from "../env";
import { customerOf } from "./event-log";
import { eventStream } from "./streams";

/**
 * After the batch that wrote them has committed: the events go on the domain-events queue (to the
 * reactors) and each customer's stream is told to read its log. A failure here loses nothing: the
 * relay re-sends what no consumer has acknowledged, and the consumer pokes the streams again.
 */
export async function publishEvents(env: Env, events: readonly DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  const results = await Promise.allSettled([
    env.DOMAIN_EVENTS_QUEUE.sendBatch(events.map((event) => ({ body: { eventId: event.id }, contentType: "json" }))),
    notifyStreams(
      env,
      events.map((event) => customerOf(event)),
    ),
  ]);
  for (const result of results) {
    if (result.status === "rejected") {
      console.error(
        JSON.stringify({
          level: "error",
          message: "publishing events failed; the relay will re-send them",
          event_ids: events.map((e) => e.id),
          error: String(result.reason),
        }),
      );
    }
  }
}

/** Tells each customer's stream (once per customer) that its log has grown. */
export async function notifyStreams(env: Env, customerIds: readonly (string | null)[]): Promise<void> {
  const unique = [...new Set(customerIds.filter((id): id is string => !!id))];
  await Promise.all(unique.map((customerId) => eventStream(env, customerId).logGrew()));
}
