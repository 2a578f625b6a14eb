import { DurableObject } from "cloudflare:workers";
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

  async ping(): Promise<{ ok: true; id: string }> {
    return { ok: true, id: this.ctx.id.toString() };
  }
}

export const claimCoordinator = (env: Env, claimId: string) =>
  env.CLAIM_COORDINATOR.get(env.CLAIM_COORDINATOR.idFromName(claimId));
