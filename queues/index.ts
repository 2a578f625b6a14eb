import type { ClaimDocumentMessage, Env } from "../src/env";
import { consumeClaimDocuments } from "./claim-documents";
import { consumeDeadLetters } from "./dead-letters";

export const CLAIM_DOCUMENTS_QUEUE = "claim-documents";
export const CLAIM_DOCUMENTS_DLQ = "claim-documents-dlq";

/** The Worker's queue entry point: one consumer per queue. */
export async function handleQueueBatch(batch: MessageBatch<ClaimDocumentMessage>, env: Env): Promise<void> {
  switch (batch.queue) {
    case CLAIM_DOCUMENTS_QUEUE:
      return consumeClaimDocuments(batch, env);
    case CLAIM_DOCUMENTS_DLQ:
      return consumeDeadLetters(batch, env);
    default:
      console.error(JSON.stringify({ level: "error", message: "message from an unknown queue", queue: batch.queue }));
      batch.retryAll();
  }
}
