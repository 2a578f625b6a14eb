import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { customerDocuments } from "../../db/schema";
import { unreadableDocumentNotice } from "../../domain/customers/unreadable-document";
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

/**
 * A document that could not be read at all: FAILED with the reason (staff read it), and
 * Document.Rejected telling the customer to upload it again. Replay-safe like the above: a replay
 * after a crash finds the document FAILED and writes the event it may have missed, once.
 */
export async function recordDocumentFailure(env: Env, db: Database, documentId: string, reason: string): Promise<void> {
  const document = await findDocument(db, documentId);
  if (!document || (document.status !== "UPLOADED" && document.status !== "FAILED")) return;
  const at = new Date().toISOString();
  const statements = [
    db
      .update(customerDocuments)
      .set({ status: "FAILED", failureReason: reason.slice(0, 500), processedAt: at })
      .where(and(eq(customerDocuments.id, documentId), eq(customerDocuments.status, "UPLOADED"))),
  ];
  const documentType = document.documentType;
  if (documentType !== "DRIVERS_LICENSE" && documentType !== "CAR") return void (await runBatch(db, statements));
  const event = domainEvent(
    "Document.Rejected",
    await eventIdFor(documentId, "Document.Rejected"),
    { customerId: document.customerId, recordId: documentId, documentType, ...unreadableDocumentNotice(documentType) },
    at,
  );
  await runBatch(db, [...statements, ...appendEvents(db, [event])]);
  await publishEvents(env, [event]);
}
