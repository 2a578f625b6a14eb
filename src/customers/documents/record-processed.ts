import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { customerDocuments } from "../../db/schema";
import { domainEvent } from "../../domain/events/catalog";
import { eventIdFor } from "../../domain/events/event-id";
import type { Env } from "../../env";
import { runBatch } from "../../events/batch";
import { appendEvents } from "../../events/event-log";
import { publishEvents } from "../../events/publish";
import { findDocument } from "../customer-records";
import { pseudonymiseCustomerEvents } from "../erase-customer";
import type { DocumentAnalysis } from "./analyse-document";

export class UnknownDocumentError extends Error {}

/**
 * Stores the analysis and emits Document.Processed in one batch. Replay-safe: the update is
 * conditional on the document still being UPLOADED and the event id is derived from the document.
 */
export async function recordDocumentProcessed(
  env: Env,
  db: Database,
  documentId: string,
  analysis: DocumentAnalysis,
): Promise<{ eventId: string } | { skipped: string }> {
  const document = await findDocument(db, documentId);
  if (!document) throw new UnknownDocumentError(`no document ${documentId}`);
  if (document.status === "ERASED") return { skipped: "the customer was erased" };
  const at = new Date().toISOString();
  const event = domainEvent(
    "Document.Processed",
    await eventIdFor(documentId, "Document.Processed"),
    analysis.documentType === "DRIVERS_LICENSE"
      ? {
          customerId: document.customerId,
          recordId: documentId,
          documentType: "DRIVERS_LICENSE",
          analyzedFieldAndValues: analysis.fields,
        }
      : {
          customerId: document.customerId,
          recordId: documentId,
          documentType: "CAR",
          analyzedFieldAndValues: { damage: analysis.damage, color: analysis.color, type: "signup" },
        },
    at,
  );
  await runBatch(db, [
    db
      .update(customerDocuments)
      .set({ status: "PROCESSED", analysis: analysis as unknown as Record<string, unknown>, processedAt: at })
      .where(and(eq(customerDocuments.id, documentId), eq(customerDocuments.status, "UPLOADED"))),
    ...appendEvents(db, [event]),
  ]);
  // An erasure that ran while the document was being read must not leave its fields in the log.
  if ((await findDocument(db, documentId))?.status === "ERASED") {
    await runBatch(db, await pseudonymiseCustomerEvents(db, document.customerId, new Date().toISOString()));
  }
  await publishEvents(env, [event]);
  return { eventId: event.id };
}

/** A document that could not be read at all: FAILED with the reason, visible to the customer. */
export async function recordDocumentFailure(db: Database, documentId: string, reason: string): Promise<void> {
  await db
    .update(customerDocuments)
    .set({ status: "FAILED", failureReason: reason.slice(0, 500), processedAt: new Date().toISOString() })
    .where(and(eq(customerDocuments.id, documentId), eq(customerDocuments.status, "UPLOADED")));
}
