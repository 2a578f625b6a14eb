import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { api, createUser, expectError, type TestUser } from "../../helpers";
import { claimCount, freshMember, healthClaim, loadDemoData } from "./health-fixtures";

let hospital: TestUser;

beforeAll(async () => {
  await loadDemoData();
  hospital = await createUser("provider", { providerId: "H456" });
});

const post = (body: unknown, key: string, user = hospital) =>
  api("/api/v1/claims", { method: "POST", token: user.token, body, headers: { "idempotency-key": key } });

describe("POST /api/v1/claims with an Idempotency-Key", () => {
  it("refuses the same key with a different body with 409", async () => {
    const member = await freshMember(50_000);
    const key = crypto.randomUUID();
    expect((await post(healthClaim({ member_id: member }), key)).status).toBe(201);
    await expectError(await post(healthClaim({ member_id: member, claim_amount: 99 }), key), 409, "CONFLICT");
    expect(await claimCount(member)).toBe(1);
  });

  it("stores nothing for a request that failed validation, so the key can be used again", async () => {
    const member = await freshMember(50_000);
    const key = crypto.randomUUID();
    await expectError(await post(healthClaim({ member_id: member, claim_amount: -1 }), key), 400, "VALIDATION_ERROR");
    const stored = await env.DB.prepare("SELECT count(*) AS n FROM idempotency_keys WHERE key = ?")
      .bind(key)
      .first<{ n: number }>();
    expect(stored!.n).toBe(0);
    expect((await post(healthClaim({ member_id: member }), key)).status).toBe(201);
  });

  it("refuses a malformed key", async () => {
    await expectError(await post(healthClaim(), "has spaces in it"), 400, "VALIDATION_ERROR");
  });
});
