import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { eventDeliveries, reactorReceipts } from "../db/schema";
import type { Env } from "../env";
import { runBatch } from "./batch";
import { appendEvents, customerOf, type LoggedEvent } from "./event-log";
import { notifyStreams, publishEvents } from "./publish";
import type { Reactor } from "./reactor";

export interface DispatchReport {
  reacted: string[];
  alreadyDone: string[];
}

/**
 * Hands one event to every reactor subscribed to its detail-type. A reactor that has reacted
 * before (its receipt exists) is skipped; otherwise its effects, the events it emits and its
 * receipt are one batch. The receipt is a plain insert: of two concurrent deliveries, the second
 * batch fails on it and writes nothing. Throws when a reactor fails (the message is retried; the
 * reactors that succeeded keep their receipts). Then the delivery is marked and the stream poked.
 */
export async function dispatchEvent(
  env: Env,
  db: Database,
  event: LoggedEvent,
  reactors: readonly Reactor[],
): Promise<DispatchReport> {
  const subscribed = reactors.filter((reactor) => reactor.reactsTo.includes(event["detail-type"]));
  const receipts = await db
    .select({ reactor: reactorReceipts.reactor })
    .from(reactorReceipts)
    .where(eq(reactorReceipts.eventId, event.id));
  const done = new Set(receipts.map((r) => r.reactor));
  const report: DispatchReport = { reacted: [], alreadyDone: [] };
  for (const reactor of subscribed) {
    if (done.has(reactor.name)) {
      report.alreadyDone.push(reactor.name);
      continue;
    }
    const reaction = await reactor.react(env, db, event);
    const reactedAt = new Date().toISOString();
    try {
      await runBatch(db, [
        db.insert(reactorReceipts).values({ eventId: event.id, reactor: reactor.name, reactedAt }),
        ...reaction.statements,
        ...appendEvents(db, reaction.events),
      ]);
    } catch (error) {
      if (!isUniqueViolation(error) || !(await hasReceipt(db, event.id, reactor.name))) throw error;
      report.alreadyDone.push(reactor.name);
      continue;
    }
    report.reacted.push(reactor.name);
    await publishEvents(env, reaction.events);
  }
  await db
    .update(eventDeliveries)
    .set({ status: "DELIVERED", deliveredAt: new Date().toISOString() })
    .where(and(eq(eventDeliveries.eventId, event.id), eq(eventDeliveries.status, "PENDING")));
  await notifyStreams(env, [customerOf(event)]);
  return report;
}

const hasReceipt = async (db: Database, eventId: string, reactor: string) =>
  !!(await db
    .select({ reactor: reactorReceipts.reactor })
    .from(reactorReceipts)
    .where(and(eq(reactorReceipts.eventId, eventId), eq(reactorReceipts.reactor, reactor)))
    .get());
