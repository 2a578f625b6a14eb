import { z } from "zod";
import { processDocumentClaim } from "../src/claims/documents/process";
import type { ClaimDocumentMessage, Env } from "../src/env";
import { backoffSeconds } from "./retry";

export const claimDocumentMessageSchema = z.object({ claimId: z.string().min(1), documentKey: z.string().min(1) });

/**
 * Consumer of the claim-documents queue: each message is one attempt at its claim (see
 * processDocumentClaim). A malformed message is dropped (logged). The message is acknowledged
 * when the attempt ends the claim, finds nothing to do (finished, deleted, or held by a live
 * attempt: the recovery job watches that one's lease) or fails it; it is retried with backoff when
 * the attempt failed in a way a retry may fix. An error before any attempt started retries it too.
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
      const outcome = await processDocumentClaim(env, claimId);
      if (outcome.kind !== "processed" && outcome.kind !== "skipped")
        console.error(
          JSON.stringify({ level: "error", message: "claim document attempt failed", claim_id: claimId, ...outcome }),
        );
      if (outcome.kind === "retry") message.retry({ delaySeconds: backoffSeconds(outcome.attempt) });
      else message.ack();
    } catch (err) {
      console.error(
        JSON.stringify({
          level: "error",
          message: "claim document not attempted",
          claim_id: claimId,
          error: String(err),
        }),
      );
      message.retry({ delaySeconds: backoffSeconds(message.attempts) });
    }
  }
}
