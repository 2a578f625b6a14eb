import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { api, createUser, expectError, json, type TestUser } from "../helpers";
import { claimCount, freshMember, healthClaim, remainingBenefitCents, loadDemoData } from "./health-fixtures";

let hospital: TestUser;

beforeAll(async () => {
  await loadDemoData();
  hospital = await createUser("provider", { providerId: "H456" });
});

const post = (body: unknown, key: string, user = hospital) =>
  api("/api/v1/claims", { method: "POST", token: user.token, body, headers: { "idempotency-key": key } });

describe("Idempotency-Key on POST /claims", () => {
  it("replays the first response for the same key and body, deducting once", async () => {
    const member = await freshMember(50_000);
    const key = crypto.randomUUID();
    const first = await post(healthClaim({ member_id: member }), key);
    const firstBody = await first.text();
    // Same body with keys in another order is the same request.
    const { notes, ...rest } = healthClaim({ member_id: member });
    const replay = await post({ notes, ...rest }, key);
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.text()).toBe(firstBody);
    expect(await claimCount(member)).toBe(1);
    expect(await remainingBenefitCents(member)).toBe(3_500_000);
  });

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
    const stored = await env.DB.prepare("SELECT count(*) AS n FROM idempotency_keys WHERE key = ?").bind(key).first<{ n: number }>();
    expect(stored!.n).toBe(0);
    expect((await post(healthClaim({ member_id: member }), key)).status).toBe(201);
  });

  it("keeps keys apart per caller", async () => {
    const other = await createUser("provider", { providerId: "H456" });
    const member = await freshMember(50_000);
    const key = crypto.randomUUID();
    const a = await json(await post(healthClaim({ member_id: member }), key));
    const b = await json(await post(healthClaim({ member_id: member, claim_amount: 10 }), key, other));
    expect(a.claim_id).not.toBe(b.claim_id);
  });

  it("concurrent requests with one key create one claim", async () => {
    const member = await freshMember(50_000);
    const key = crypto.randomUUID();
    const responses = await Promise.all(Array.from({ length: 10 }, () => post(healthClaim({ member_id: member }), key)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(await claimCount(member)).toBe(1);
    expect(await remainingBenefitCents(member)).toBe(3_500_000);
  });

  it("refuses a malformed key", async () => {
    await expectError(await post(healthClaim(), "has spaces in it"), 400, "VALIDATION_ERROR");
  });
});
