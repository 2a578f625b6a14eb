import { auditInsert } from "../src/audit";
import { createDatabase } from "../src/db/client";
import type { ClaimDocumentMessage, Env } from "../src/env";

/** Consumer of the dead-letter queue: records every message that ran out of retries. */
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
