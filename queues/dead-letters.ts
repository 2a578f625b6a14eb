import { auditInsert } from "../src/audit";
import { failDocumentClaim } from "../src/claims/documents/process";
import { createDatabase } from "../src/db/client";
import type { ClaimDocumentMessage, Env } from "../src/env";

/** Consumer of the dead-letter queue: the claim is FAILED (if not already) and the message recorded. */
export async function consumeDeadLetters(batch: MessageBatch<ClaimDocumentMessage>, env: Env): Promise<void> {
  const db = createDatabase(env.DB);
  for (const message of batch.messages) {
    const claimId = typeof message.body?.claimId === "string" ? message.body.claimId : "unknown";
    await failDocumentClaim(env, claimId, "processing failed after every retry");
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
