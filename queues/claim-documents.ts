import { z } from "zod";
import { auditInsert } from "../src/audit";
import { createDatabase } from "../src/db/client";
import type { ClaimDocumentMessage, Env } from "../src/env";
import { backoffSeconds } from "./retry";

export const claimDocumentMessageSchema = z.object({ claimId: z.string().min(1), documentKey: z.string().min(1) });

/**
 * Consumer of the claim-documents queue. A malformed message is dropped (logged), a
 * failure retries with backoff and, after the last retry, lands on the dead-letter queue.
 */
export async function consumeClaimDocuments(batch: MessageBatch<ClaimDocumentMessage>, env: Env): Promise<void> {
  const db = createDatabase(env.DB);
  for (const message of batch.messages) {
    const parsed = claimDocumentMessageSchema.safeParse(message.body);
    if (!parsed.success) {
      console.error(JSON.stringify({ level: "error", message: "malformed claim-documents message", id: message.id }));
      message.ack();
      continue;
    }
    try {
      await auditInsert(db, {
        entityType: "claim",
        entityId: parsed.data.claimId,
        action: "claim.document_received",
        actor: null,
        after: { document_key: parsed.data.documentKey, message_id: message.id, attempts: message.attempts },
      });
      message.ack();
    } catch (err) {
      console.error(JSON.stringify({ level: "error", message: "claim document failed", id: message.id, error: String(err) }));
      message.retry({ delaySeconds: backoffSeconds(message.attempts) });
    }
  }
}
