import { and, asc, eq, inArray, lt } from "drizzle-orm";
import { createDatabase, type Database } from "../db/client";
import { customerDocuments, fnolClaims, streamTickets } from "../db/schema";
import type { Env } from "../env";
import { documentInstanceId, sendDamagePhoto } from "../uploads/receive-upload";
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

/**
 * Damage photos stored while their claim waits, whose notice to the claim's Workflow was lost:
 * sent again (the Workflow skips a photo it has already handled).
 */
export async function resendStalledDamagePhotos(env: Env, db: Database, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - STALLED_DOCUMENT_SECONDS * 1000).toISOString();
  const stalled = await db
    .select({ id: customerDocuments.id, claimId: customerDocuments.claimId })
    .from(customerDocuments)
    .innerJoin(fnolClaims, eq(fnolClaims.claimId, customerDocuments.claimId))
    .where(
      and(
        eq(customerDocuments.status, "UPLOADED"),
        eq(customerDocuments.documentType, "DAMAGE"),
        eq(fnolClaims.stage, "AWAITING_PHOTO"),
        lt(customerDocuments.uploadedAt, cutoff),
      ),
    )
    .orderBy(asc(customerDocuments.uploadedAt))
    .limit(50);
  let sent = 0;
  for (const { id, claimId } of stalled) {
    try {
      await sendDamagePhoto(env, claimId!, id);
      sent++;
    } catch (error) {
      console.error(
        JSON.stringify({ level: "error", message: "re-sending a damage photo failed", claimId, error: String(error) }),
      );
    }
  }
  return sent;
}

/** The Cron Trigger's work, every minute: the outbox relay, stalled documents, spent stream tickets. */
export async function runScheduledMaintenance(env: Env, now = new Date()) {
  const db = createDatabase(env.DB);
  const relayed = await relayUndeliveredEvents(env, db, now);
  const documentsResumed = await resumeStalledDocuments(env, db, now);
  const damagePhotosResent = await resendStalledDamagePhotos(env, db, now);
  await db.delete(streamTickets).where(lt(streamTickets.expiresAt, new Date(now.getTime() - 3_600_000).toISOString()));
  return { relayed, documentsResumed, damagePhotosResent };
}
