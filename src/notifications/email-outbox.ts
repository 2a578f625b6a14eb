import { desc, eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { emailOutbox } from "../db/schema";
import type { Statement } from "../events/event-log";

export interface OutgoingEmail {
  customerId: string | null;
  recipient: string;
  subject: string;
  body: string;
}

/**
 * An email to send, written in the batch of the change that calls for it (an outbox): it is sent
 * exactly when that change commits. Delivery is a separate concern (README: Email).
 */
export const queueEmail = (db: Database, email: OutgoingEmail, id: string = crypto.randomUUID()): Statement =>
  db
    .insert(emailOutbox)
    .values({ id, ...email })
    .onConflictDoNothing();

/** The newest emails first, optionally to one recipient (the local outbox route). */
export const outboxEmails = (db: Database, recipient: string | undefined, limit: number) =>
  db
    .select()
    .from(emailOutbox)
    .where(recipient ? eq(emailOutbox.recipient, recipient) : undefined)
    .orderBy(desc(emailOutbox.createdAt))
    .limit(limit);
