import { z } from "zod";
import {
  awaitDocumentRetry,
  failDocumentClaim,
  PermanentDocumentError,
  processDocumentClaim,
} from "../src/claims/documents/process";
import type { ClaimDocumentMessage, Env } from "../src/env";
import { backoffSeconds } from "./retry";

export const claimDocumentMessageSchema = z.object({ claimId: z.string().min(1), documentKey: z.string().min(1) });

// wrangler.toml: max_retries = 3, so a message is delivered at most 4 times.
export const MAX_DELIVERIES = 4;

/**
 * Consumer of the claim-documents queue. A malformed message is dropped (logged). A failure
 * that retrying cannot fix (a file beyond the reading limits, unreadable, or one that stopped
 * the runtime on an earlier delivery) makes the claim FAILED at once, with the reason, and is
 * acknowledged; any other failure retries with exponential backoff, and on the last delivery
 * the claim becomes FAILED, so it is never stuck PENDING.
 */
export async function consumeClaimDocuments(batch: MessageBatch<ClaimDocumentMessage>, env: Env): Promise<void> {
  for (const message of batch.messages) {
    const parsed = claimDocumentMessageSchema.safeParse(message.body);
    if (!parsed.success) {
      console.error(JSON.stringify({ level: "error", message: "malformed claim-documents message", id: message.id }));
      message.ack();
      continue;
    }
    const { claimId } = parsed.data;
    try {
      await processDocumentClaim(env, claimId, message.attempts);
      message.ack();
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      console.error(
        JSON.stringify({
          level: "error",
          message: "claim document failed",
          claim_id: claimId,
          attempts: message.attempts,
          error: reason,
        }),
      );
      if (err instanceof PermanentDocumentError || message.attempts >= MAX_DELIVERIES) {
        await failDocumentClaim(env, claimId, reason);
        if (err instanceof PermanentDocumentError) {
          message.ack();
          continue;
        }
      }
      await awaitDocumentRetry(env, claimId);
      message.retry({ delaySeconds: backoffSeconds(message.attempts) });
    }
  }
}
