import { and, asc, eq, inArray, lt } from "drizzle-orm";
import { createDatabase, type Database } from "../db/client";
import { customerDocuments, streamTickets } from "../db/schema";
import type { Env } from "../env";
import { documentInstanceId } from "../uploads/receive-upload";
import { startWorkflowOnce } from "../workflows/start-once";
import { relayUndeliveredEvents } from "./relay";

/** A stored document whose Workflow has not recorded anything after this long is started again. */
export const STALLED_DOCUMENT_SECONDS = 120;

/** Documents stored but never handed to their Workflow (the upload's Worker died in between). */
export async function resumeStalledDocuments(env: Env, db: Database, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - STALLED_DOCUMENT_SECONDS * 1000).toISOString();
  const stalled = await db
    .select({ id: customerDocuments.id })
    .from(customerDocuments)
    .where(
      and(
        eq(customerDocuments.status, "UPLOADED"),
        inArray(customerDocuments.documentType, ["DRIVERS_LICENSE", "CAR"]),
        lt(customerDocuments.uploadedAt, cutoff),
      ),
    )
    .orderBy(asc(customerDocuments.uploadedAt))
    .limit(50);
  let started = 0;
  for (const { id } of stalled) {
    if (await startWorkflowOnce(env.DOCUMENT_WORKFLOW, documentInstanceId(id), { documentId: id })) started++;
  }
  return started;
}

/** The Cron Trigger's work, every minute: the outbox relay, stalled documents, spent stream tickets. */
export async function runScheduledMaintenance(env: Env, now = new Date()) {
  const db = createDatabase(env.DB);
  const relayed = await relayUndeliveredEvents(env, db, now);
  const documentsResumed = await resumeStalledDocuments(env, db, now);
  await db.delete(streamTickets).where(lt(streamTickets.expiresAt, new Date(now.getTime() - 3_600_000).toISOString()));
  return { relayed, documentsResumed };
}
