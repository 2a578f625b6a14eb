import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ClaimCoordinator, claimCoordinator } from "../../src/durable/claim-coordinator";

describe("ClaimCoordinator", () => {
  it("serialises concurrent calls for one claim", async () => {
    const stub = claimCoordinator(env, `claim-${crypto.randomUUID()}`);
    const numbers = await Promise.all(Array.from({ length: 50 }, () => stub.sequence()));
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    await runInDurableObject(stub, async (instance, state) => {
      expect(instance).toBeInstanceOf(ClaimCoordinator);
      expect(await state.storage.get("sequence")).toBe(50);
    });
  });

  it("keeps claims apart", async () => {
    const a = claimCoordinator(env, "claim-a-separate");
    const b = claimCoordinator(env, "claim-b-separate");
    await a.sequence();
    await a.sequence();
    expect(await b.sequence()).toBe(1);
  });
});
