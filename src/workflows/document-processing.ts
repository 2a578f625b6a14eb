import { WorkflowEntrypoint, type WorkflowEvent, type WorkflowStep } from "cloudflare:workers";
import { NonRetryableError } from "cloudflare:workflows";
import { findDocument } from "../customers/customer-records";
import { analyseDocument, UnreadableDocumentError } from "../customers/documents/analyse-document";
import {
  recordDocumentFailure,
  recordDocumentProcessed,
  UnknownDocumentError,
} from "../customers/documents/record-processed";
import { createDatabase } from "../db/client";
import type { Env } from "../env";

export interface DocumentProcessingParams {
  documentId: string;
}

// Reading a licence front costs about a second of OCR; a cold isolate also loads the models.
const ANALYSE = { retries: { limit: 3, delay: "5 seconds", backoff: "exponential" }, timeout: "5 minutes" } as const;
const RECORD = { retries: { limit: 5, delay: "2 seconds", backoff: "exponential" }, timeout: "1 minute" } as const;

/**
 * An uploaded licence or car image (instance id: document-<document id>): read it, then record
 * the analysis with Document.Processed; the fraud checks react to that event. A document that can
 * never be read ends FAILED with its reason instead of being retried.
 */
export class DocumentProcessingWorkflow extends WorkflowEntrypoint<Env, DocumentProcessingParams> {
  override async run(event: Readonly<WorkflowEvent<DocumentProcessingParams>>, step: WorkflowStep) {
    const { documentId } = event.payload;
    const db = createDatabase(this.env.DB);
    let analysis: Awaited<ReturnType<typeof analyseDocument>>;
    try {
      analysis = await step.do("analyse document", ANALYSE, async () => {
        const document = await findDocument(db, documentId);
        if (!document?.objectKey || (document.documentType !== "DRIVERS_LICENSE" && document.documentType !== "CAR")) {
          throw new NonRetryableError(`no licence or car document ${documentId} to read`);
        }
        const object = await this.env.DOCUMENTS.get(document.objectKey);
        if (!object) throw new NonRetryableError(`document ${documentId} is missing from storage`);
        const bytes = new Uint8Array(await object.arrayBuffer());
        return analyseDocument(this.env, document.documentType, bytes).catch((error: unknown) => {
          if (error instanceof UnreadableDocumentError) throw new NonRetryableError(error.message);
          throw error;
        });
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await step.do("record document failure", RECORD, () => recordDocumentFailure(this.env, db, documentId, reason));
      return { status: "FAILED", reason };
    }
    return step.do("record document processed", RECORD, () =>
      recordDocumentProcessed(this.env, db, documentId, analysis).catch((error: unknown) => {
        if (error instanceof UnknownDocumentError) throw new NonRetryableError(error.message);
        throw error;
      }),
    );
  }
}
