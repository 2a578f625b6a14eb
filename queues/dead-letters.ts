import { auditInsert } from "../src/audit";
import { createDatabase } from "../src/db/client";
import type { ClaimDocumentMessage, Env } from "../src/env";

/**
 * Consumer of the dead-letter queue: the message is recorded on its claim's trail. The claim itself
 * is left to its attempts and lease: the recovery job queues it again or fails it once they are spent.
 */
export async function consumeDeadLetters(batch: MessageBatch<ClaimDocumentMessage>, env: Env): Promise<void> {
  const db = createDatabase(env.DB);
  for (const message of batch.messages) {
    const claimId = typeof message.body?.claimId === "string" ? message.body.claimId : "unknown";
    await auditInsert(db, {
      entityType: "claim",
      entityId: claimId,
      action: "claim.document_dead_lettered",
      actor: null,
      after: { message_id: message.id, body: message.body, attempts: message.attempts },
    });
    message.ack();
  }
}
