import type { ClaimDocumentMessage, DomainEventMessage, Env, ModelTrainingMessage } from "../src/env";
import { consumeClaimDocuments } from "./claim-documents";
import { consumeDeadLetters } from "./dead-letters";
import { consumeDomainEvents } from "./domain-events";
import { consumeDomainEventDeadLetters } from "./domain-events-dlq";
import { consumeModelTraining } from "./model-training";

export const CLAIM_DOCUMENTS_QUEUE = "claim-documents";
export const CLAIM_DOCUMENTS_DLQ = "claim-documents-dlq";
export const MODEL_TRAINING_QUEUE = "model-training";
export const DOMAIN_EVENTS_QUEUE = "domain-events";
export const DOMAIN_EVENTS_DLQ = "domain-events-dlq";

/** The Worker's queue entry point: one consumer per queue. */
export async function handleQueueBatch(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  switch (batch.queue) {
    case CLAIM_DOCUMENTS_QUEUE:
      return consumeClaimDocuments(batch as MessageBatch<ClaimDocumentMessage>, env);
    case CLAIM_DOCUMENTS_DLQ:
      return consumeDeadLetters(batch as MessageBatch<ClaimDocumentMessage>, env);
    case MODEL_TRAINING_QUEUE:
      return consumeModelTraining(batch as MessageBatch<ModelTrainingMessage>, env);
    case DOMAIN_EVENTS_QUEUE:
      return consumeDomainEvents(batch as MessageBatch<DomainEventMessage>, env);
    case DOMAIN_EVENTS_DLQ:
      return consumeDomainEventDeadLetters(batch as MessageBatch<DomainEventMessage>, env);
    default:
      console.error(JSON.stringify({ level: "error", message: "message from an unknown queue", queue: batch.queue }));
      batch.retryAll();
  }
}
