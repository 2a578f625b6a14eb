import { beforeAll, describe, expect, it } from "vitest";
import { postHealthClaimRoute } from "../../../src/routes/claims/post";
import { api, createUser, readAs, type TestUser } from "../../helpers";
import { claimCount, freshMember, healthClaim, loadDemoData, remainingBenefitCents } from "./health-fixtures";

let hospital: TestUser;

beforeAll(async () => {
  await loadDemoData();
  hospital = await createUser("provider", { providerId: "H456" });
});

const post = (body: unknown, key: string, user = hospital) =>
  api("/api/v1/claims", { method: "POST", token: user.token, body, headers: { "idempotency-key": key } });

describe("POST /api/v1/claims with an Idempotency-Key", () => {
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

  it("keeps keys apart per caller", async () => {
    const other = await createUser("provider", { providerId: "H456" });
    const member = await freshMember(50_000);
    const key = crypto.randomUUID();
    const a = await readAs(await post(healthClaim({ member_id: member }), key), postHealthClaimRoute, 201);
    const b = await readAs(
      await post(healthClaim({ member_id: member, claim_amount: 10 }), key, other),
      postHealthClaimRoute,
      201,
    );
    expect(a.claim_id).not.toBe(b.claim_id);
  });

  it("concurrent requests with one key create one claim", async () => {
    const member = await freshMember(50_000);
    const key = crypto.randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => post(healthClaim({ member_id: member }), key)),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(await claimCount(member)).toBe(1);
    expect(await remainingBenefitCents(member)).toBe(3_500_000);
  });
});
