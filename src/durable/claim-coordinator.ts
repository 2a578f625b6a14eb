import { DurableObject } from "cloudflare:workers";
import type { CurrentUser } from "../auth/current-user";
import { deleteClaimObjects, deleteClaimRecords } from "../claims/delete-claim";
import { isDuplicateClaimId, type PhotoSubmission, recordOverride, recordPhotoSubmission } from "../claims/photo/store";
import type { Env } from "../env";

/**
 * One instance per claim (named by claim id). Every change to a claim that must not race —
 * overrides, resubmissions — runs inside its instance, one call at a time: the runtime
 * delivers calls to a Durable Object serially, and `blockConcurrencyWhile` keeps a call's
 * awaits from interleaving with the next call's.
 */
export class ClaimCoordinator extends DurableObject<Env> {
  /** The next number in this claim's history; concurrent callers each get a distinct one. */
  async sequence(): Promise<number> {
    return this.ctx.blockConcurrencyWhile(async () => {
      const next = ((await this.ctx.storage.get<number>("sequence")) ?? 0) + 1;
      await this.ctx.storage.put("sequence", next);
      return next;
    });
  }

  /**
   * Records a photo (re)submission for this claim; serialised with overrides of the same claim.
   * A first submission written beside this object (recordFirstPhotoSubmission) can land between
   * the lookup and an INSERT here: then the claim exists, and the retry replaces its result.
   */
  async submitPhoto(submission: PhotoSubmission) {
    return this.ctx.blockConcurrencyWhile(() =>
      recordPhotoSubmission(this.env.DB, this.env.DOCUMENTS, submission).catch((err: unknown) => {
        if (!isDuplicateClaimId(err)) throw err;
        return recordPhotoSubmission(this.env.DB, this.env.DOCUMENTS, submission);
      }),
    );
  }

  /**
   * Deletes the claim, its records and every photo it was submitted with, then this instance's own
   * state; serialised with submissions, so none can record a photo the deletion removed.
   */
  async deletePhotoClaim(claimId: string, actor: Pick<CurrentUser, "id" | "role">, requestId: string) {
    return this.ctx.blockConcurrencyWhile(async () => {
      const deleted = await deleteClaimRecords(this.env.DB, claimId, actor, requestId);
      if (!deleted) return false;
      await deleteClaimObjects(this.env.DOCUMENTS, deleted);
      await this.ctx.storage.deleteAll();
      return true;
    });
  }

  /** Applies an override to this claim; serialised with resubmissions of the same claim. */
  async overridePhoto(
    claimId: string,
    reason: string,
    actor: Pick<CurrentUser, "id" | "role">,
    requestId: string,
    versions?: number[],
  ) {
    return this.ctx.blockConcurrencyWhile(() =>
      recordOverride(this.env.DB, claimId, reason, actor, requestId, new Date().toISOString(), versions),
    );
  }

  async ping(): Promise<{ ok: true; id: string }> {
    return { ok: true, id: this.ctx.id.toString() };
  }
}

export const claimCoordinator = (env: Env, name: string) =>
  env.CLAIM_COORDINATOR.get(env.CLAIM_COORDINATOR.idFromName(name));

/** A photo claim's coordinator is named by its owner and the client's claim id (unique per customer). */
export const photoClaimCoordinator = (env: Env, customerId: string, clientClaimId: string) =>
  claimCoordinator(env, `photo:${customerId}:${clientClaimId}`);
