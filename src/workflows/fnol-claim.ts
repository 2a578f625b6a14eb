import { WorkflowEntrypoint, type WorkflowEvent, type WorkflowStep } from "cloudflare:workers";
import { NonRetryableError } from "cloudflare:workflows";
import { createDatabase } from "../db/client";
import type { Env } from "../env";
import { checkFiledClaim, recordClaimDecision, UnknownClaimError } from "../fnol/claim-decision";
import { closeAbandonedClaim } from "../fnol/close-claim";
import { analyseDamagePhoto, type DamagePhotoAnalysis, UNASSESSABLE_PHOTO } from "../fnol/damage-photo";
import { DAMAGE_PHOTO_EVENT, type DamagePhotoReceived } from "../fnol/damage-photo-event";
import { damagePhotoBytes, recordDamageAssessment, recordUnusablePhoto } from "../fnol/record-damage-photo";
import { settleClaim, UnsettleableClaimError } from "../fnol/settle-claim";

export interface FnolClaimParams {
  claimId: string;
}

/** A claim whose damage photo has not come after this long is closed as abandoned. */
export const DAMAGE_PHOTO_TIMEOUT = "7 days";
/** Photos a customer may send before the claim is closed for want of a usable one. */
export const MAX_DAMAGE_PHOTOS = 3;
/** Events that are not a new photo (a re-sent notice of one already handled) are skipped, this many at most. */
const MAX_WAITS = MAX_DAMAGE_PHOTOS * 3;

const RECORD = { retries: { limit: 5, delay: "2 seconds", backoff: "exponential" }, timeout: "1 minute" } as const;
// Three photo models in a cold isolate load from R2 first.
const ANALYSE = { retries: { limit: 3, delay: "5 seconds", backoff: "exponential" }, timeout: "5 minutes" } as const;

const fatal = (error: unknown): never => {
  if (error instanceof UnknownClaimError || error instanceof UnsettleableClaimError) {
    throw new NonRetryableError(error.message);
  }
  throw error;
};

/**
 * A first notice of loss (instance id = claim id): check the claim against the policy and the
 * licence → Claim.Accepted or Claim.Rejected; wait for the damage photo (closed as abandoned after
 * the timeout); assess it (quality gate, damage, colour, severity) → Document.Processed and a
 * fraud verdict, or Document.Rejected and another wait; settle → Settlement.Finalized, which the
 * rental reactor answers with Vendor.Finalized. Every step writes under ids derived from the claim.
 */
export class FnolClaimWorkflow extends WorkflowEntrypoint<Env, FnolClaimParams> {
  override async run(event: Readonly<WorkflowEvent<FnolClaimParams>>, step: WorkflowStep) {
    const { claimId } = event.payload;
    const db = createDatabase(this.env.DB);
    const check = await step.do("check claim", RECORD, () => checkFiledClaim(db, claimId).catch(fatal));
    await step.do("record claim decision", RECORD, () =>
      recordClaimDecision(this.env, db, claimId, check).catch(fatal),
    );
    if (!check.accepted) return { stage: "REJECTED", reason: check.reason };

    let photos = 0;
    for (let wait = 1; wait <= MAX_WAITS; wait++) {
      let received: DamagePhotoReceived;
      try {
        const photoEvent = await step.waitForEvent<DamagePhotoReceived>(`wait for damage photo ${wait}`, {
          type: DAMAGE_PHOTO_EVENT,
          timeout: DAMAGE_PHOTO_TIMEOUT,
        });
        received = photoEvent.payload;
      } catch {
        await step.do("close abandoned claim", RECORD, () => closeAbandonedClaim(this.env, db, claimId).catch(fatal));
        return { stage: "ABANDONED" };
      }
      const documentId = received.documentId;
      let analysis: DamagePhotoAnalysis | { skipped: string };
      try {
        analysis = await step.do(`analyse damage photo ${wait}`, ANALYSE, async () => {
          const stored = await damagePhotoBytes(this.env, db, claimId, documentId);
          if (stored.status !== "READY") return { skipped: stored.status } as const;
          return analyseDamagePhoto(this.env, stored.bytes);
        });
      } catch {
        // A photo that fails every attempt (it breaks the decoder or a model) counts as one the customer retakes.
        analysis = UNASSESSABLE_PHOTO;
      }
      if ("skipped" in analysis) continue;
      photos++;
      if (!analysis.usable) {
        const { attemptsLeft } = await step.do(`record unusable damage photo ${wait}`, RECORD, () =>
          recordUnusablePhoto(this.env, db, claimId, documentId, analysis, photos, MAX_DAMAGE_PHOTOS).catch(fatal),
        );
        if (attemptsLeft === 0) return { stage: "REJECTED", reason: "NO_USABLE_PHOTO" };
        continue;
      }
      const verdict = await step.do("record damage assessment", RECORD, () =>
        recordDamageAssessment(this.env, db, claimId, documentId, analysis).catch(fatal),
      );
      if (verdict.fraud) return { stage: "FRAUD_DETECTED", reasons: verdict.reasons };
      const settled = await step.do("settle claim", RECORD, () => settleClaim(this.env, db, claimId).catch(fatal));
      return { stage: "SETTLED", settlementId: settled.settlementId };
    }
    // Only re-sent notices of photos already handled: nothing will come, the claim is closed.
    await step.do("close claim after repeated notices", RECORD, () =>
      closeAbandonedClaim(this.env, db, claimId).catch(fatal),
    );
    return { stage: "ABANDONED", note: "too many notices of photos already handled" };
  }
}
