import { and, asc, eq, inArray, lt } from "drizzle-orm";
import { recordDocumentFailure } from "../customers/documents/record-processed";
import { recoverStalledSignups } from "../customers/recover-stalled-signups";
import { createDatabase, type Database } from "../db/client";
import { customerDocuments, fnolClaims, streamTickets } from "../db/schema";
import { stalledWorkflowAction } from "../domain/workflows/stalled-workflow";
import type { Env } from "../env";
import { documentInstanceId, sendDamagePhoto } from "../uploads/receive-upload";
import { recoveriesOf, recoveryAudit, reviveWorkflow, workflowState } from "../workflows/recovery";
import { relayUndeliveredEvents } from "./relay";

/** A stored document whose Workflow has not recorded anything after this long is started again. */
export const STALLED_DOCUMENT_SECONDS = 120;
const DOCUMENT_RECOVERED = "document.recovered";

/**
 * Documents stored but never read: handed to their Workflow if it was never created (the upload's
 * Worker died in between), their Workflow restarted if it died; after the last recovery the
 * document is FAILED with a reason, as one that cannot be read.
 */
export async function resumeStalledDocuments(env: Env, db: Database, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - STALLED_DOCUMENT_SECONDS * 1000).toISOString();
  const stalled = await db
    .select({ id: customerDocuments.id, uploadedAt: customerDocuments.uploadedAt })
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
  let resumed = 0;
  for (const { id, uploadedAt } of stalled) {
    try {
      const instanceId = documentInstanceId(id);
      const workflow = await workflowState(env.DOCUMENT_WORKFLOW, instanceId);
      const recoveries = await recoveriesOf(
        db,
        { type: "customer_document", id, changedAt: uploadedAt },
        DOCUMENT_RECOVERED,
      );
      const action = stalledWorkflowAction(
        { open: true, updatedAt: recoveries.lastChange, workflow, recoveries: recoveries.count },
        now,
        STALLED_DOCUMENT_SECONDS * 1000,
      );
      if (action === "leave") continue;
      if (action === "fail") {
        await recordDocumentFailure(
          env,
          db,
          id,
          "the document could not be processed (its Workflow failed repeatedly)",
        );
        continue;
      }
      await recoveryAudit(db, { type: "customer_document", id }, DOCUMENT_RECOVERED, workflow, action);
      await reviveWorkflow(env.DOCUMENT_WORKFLOW, instanceId, { documentId: id }, action);
      resumed++;
    } catch (error) {
      // Looked at again on the next sweep; the other documents go on.
      console.error(
        JSON.stringify({
          level: "error",
          message: "recovering a document failed",
          documentId: id,
          error: String(error),
        }),
      );
    }
  }
  return resumed;
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

/** The Cron Trigger's work, every minute: the outbox relay, stalled signups and documents, spent stream tickets. */
export async function runScheduledMaintenance(env: Env, now = new Date()) {
  const db = createDatabase(env.DB);
  const relayed = await relayUndeliveredEvents(env, db, now);
  const signups = await recoverStalledSignups(env, now);
  const documentsResumed = await resumeStalledDocuments(env, db, now);
  const damagePhotosResent = await resendStalledDamagePhotos(env, db, now);
  await db.delete(streamTickets).where(lt(streamTickets.expiresAt, new Date(now.getTime() - 3_600_000).toISOString()));
  return { relayed, signups, documentsResumed, damagePhotosResent };
}
