import { and, asc, eq, gt, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "../db/client";
import { domainEvents, eventDeliveries } from "../db/schema";
import { type DetailType, type DomainEvent, ENVELOPE_VERSION } from "../domain/events/catalog";

export type Statement = BatchItem<"sqlite">;

/** An event as the log holds it: the envelope plus its place in the log. */
export interface LoggedEvent extends DomainEvent {
  seq: number;
}

const detailString = (detail: object, key: string): string | null => {
  const value = (detail as Record<string, unknown>)[key];
  return typeof value === "string" ? value : null;
};

/** The customer an event is about (its stream, its scope). */
export const customerOf = (event: DomainEvent): string | null => detailString(event.detail, "customerId");

/**
 * The statements that append events to the log and mark them for delivery, to run in the same
 * `db.batch` as the change that caused them. An id already in the log inserts nothing (a replay).
 */
export function appendEvents(db: Database, events: readonly DomainEvent[]): Statement[] {
  return events.flatMap((event) => [
    db
      .insert(domainEvents)
      .values({
        id: event.id,
        detailType: event["detail-type"],
        source: event.source,
        time: event.time,
        version: event.version,
        customerId: customerOf(event),
        subjectId: detailString(event.detail, "recordId") ?? detailString(event.detail, "claimId"),
        detail: event.detail as Record<string, unknown>,
      })
      .onConflictDoNothing(),
    db
      .insert(eventDeliveries)
      .values({ eventId: event.id, status: "PENDING", lastSentAt: event.time })
      .onConflictDoNothing(),
  ]);
}

type EventRow = typeof domainEvents.$inferSelect;

export const toLoggedEvent = (row: EventRow): LoggedEvent => ({
  seq: row.seq,
  version: ENVELOPE_VERSION,
  id: row.id,
  "detail-type": row.detailType as DetailType,
  source: row.source,
  time: row.time,
  detail: row.detail as DomainEvent["detail"],
});

/** The client's view of a logged event: the envelope, without the log's bookkeeping. */
export const envelopeOf = ({ seq: _seq, ...event }: LoggedEvent): DomainEvent => event;

export async function eventsById(db: Database, ids: readonly string[]): Promise<LoggedEvent[]> {
  if (ids.length === 0) return [];
  const rows: EventRow[] = [];
  for (let i = 0; i < ids.length; i += 90) {
    const chunk = ids.slice(i, i + 90);
    rows.push(...(await db.query.domainEvents.findMany({ where: (t, { inArray }) => inArray(t.id, chunk) })));
  }
  return rows.sort((a, b) => a.seq - b.seq).map(toLoggedEvent);
}

/** A customer's events after a position in the log, in log order. */
export async function customerEventsAfter(
  db: Database,
  customerId: string,
  afterSeq: number,
  limit: number,
): Promise<LoggedEvent[]> {
  const rows = await db
    .select()
    .from(domainEvents)
    .where(and(eq(domainEvents.customerId, customerId), gt(domainEvents.seq, afterSeq)))
    .orderBy(asc(domainEvents.seq))
    .limit(limit);
  return rows.map(toLoggedEvent);
}

/** The position of an event in the log, when it exists and (if given) is the customer's. */
export async function seqOfEvent(db: Database, eventId: string, customerId?: string): Promise<number | undefined> {
  const conditions: SQL[] = [eq(domainEvents.id, eventId)];
  if (customerId !== undefined) conditions.push(eq(domainEvents.customerId, customerId));
  const row = await db
    .select({ seq: domainEvents.seq })
    .from(domainEvents)
    .where(and(...conditions))
    .get();
  return row?.seq;
}
