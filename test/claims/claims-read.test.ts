import { beforeAll, describe, expect, it } from "vitest";
import { api, createUser, expectError, json, type TestUser } from "../helpers";
import { freshMember, healthClaim, loadDemoData } from "./health-fixtures";

let hospitalA: TestUser;
let hospitalB: TestUser;
let admin: TestUser;
let member: string;
const claimIds: { a: string[]; b: string[] } = { a: [], b: [] };

beforeAll(async () => {
  await loadDemoData();
  admin = await createUser("admin");
  const providerB = `HB-${crypto.randomUUID().slice(0, 6)}`;
  await api("/api/v1/providers", { method: "POST", token: admin.token, body: { provider_id: providerB, name: "Second Hospital" } });
  hospitalA = await createUser("provider", { providerId: "H456" });
  hospitalB = await createUser("provider", { providerId: providerB });
  member = await freshMember(1_000_000);
  for (let i = 0; i < 3; i++) {
    const res = await api("/api/v1/claims", { method: "POST", token: hospitalA.token, body: healthClaim({ member_id: member, claim_amount: 100 + i }) });
    claimIds.a.push((await json(res)).claim_id);
  }
  const rejected = await api("/api/v1/claims", { method: "POST", token: hospitalA.token, body: healthClaim({ member_id: member, claim_amount: 90000 }) });
  claimIds.a.push((await json(rejected)).claim_id);
  const res = await api("/api/v1/claims", { method: "POST", token: hospitalB.token, body: healthClaim({ member_id: member, provider_id: providerB, claim_amount: 50 }) });
  claimIds.b.push((await json(res)).claim_id);
});

describe("GET /api/v1/claims", () => {
  it("filters by member and by status in any case, newest first, with both paging names (page_size and limit)", async () => {
    const res = await json(await api(`/api/v1/claims?member_id=${member}&status=approved&page=1&page_size=2`, { token: admin.token }));
    expect(res.total).toBe(4);
    expect(res.page_size).toBe(2);
    expect(res.limit).toBe(2);
    expect(res.claims).toHaveLength(2);
    expect(res.claims.every((c: { status: string }) => c.status === "APPROVED")).toBe(true);
    expect(res.claims[0].created_at >= res.claims[1].created_at).toBe(true);

    const page2 = await json(await api(`/api/v1/claims?member_id=${member}&status=APPROVED&page=2&limit=2`, { token: admin.token }));
    expect(page2.claims).toHaveLength(2);
    const rejected = await json(await api(`/api/v1/claims?member_id=${member}&status=Rejected`, { token: admin.token }));
    expect(rejected.claims.map((c: { claim_id: string }) => c.claim_id)).toEqual([claimIds.a[3]]);
  });

  it("scopes a provider to its own provider's claims, whatever it asks for", async () => {
    const own = await json(await api(`/api/v1/claims?member_id=${member}`, { token: hospitalB.token }));
    expect(own.claims.map((c: { claim_id: string }) => c.claim_id)).toEqual(claimIds.b);
    const other = await json(await api(`/api/v1/claims?provider_id=H456&member_id=${member}`, { token: hospitalB.token }));
    expect(other.total).toBe(0);
  });

  it("filters by date range", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const inRange = await json(await api(`/api/v1/claims?member_id=${member}&start_date=${today}&end_date=${today}`, { token: admin.token }));
    expect(inRange.total).toBe(5);
    const before = await json(await api(`/api/v1/claims?member_id=${member}&end_date=2000-01-01`, { token: admin.token }));
    expect(before.total).toBe(0);
  });

  it.each([
    ["an unknown status", "status=paid"],
    ["a page below 1", "page=0"],
    ["a page size above the maximum", "page_size=1000"],
    ["a malformed date", "start_date=yesterday"],
    ["an inverted range", "start_date=2026-02-01&end_date=2026-01-01"],
  ])("refuses %s with 400", async (_, query) => {
    await expectError(await api(`/api/v1/claims?${query}`, { token: admin.token }), 400, "VALIDATION_ERROR");
  });
});

describe("GET /api/v1/claims/{id}", () => {
  it("returns the claim with its audit trail to its provider and to staff", async () => {
    const mine = await json(await api(`/api/v1/claims/${claimIds.a[0]}`, { token: hospitalA.token }));
    expect(mine).toMatchObject({ claim_id: claimIds.a[0], status: "APPROVED" });
    expect(mine.audit_trail[0].action).toBe("claim.adjudicated");
    expect((await api(`/api/v1/claims/${claimIds.a[0]}`, { token: admin.token })).status).toBe(200);
  });

  it("answers 404, not 403, for another provider's claim and for a missing one", async () => {
    const foreign = await expectError(await api(`/api/v1/claims/${claimIds.a[0]}`, { token: hospitalB.token }), 404, "CLAIM_NOT_FOUND");
    const missing = await expectError(await api(`/api/v1/claims/${crypto.randomUUID()}`, { token: hospitalB.token }), 404, "CLAIM_NOT_FOUND");
    expect(foreign.error.message.replace(claimIds.a[0]!, "X")).toBe(missing.error.message.replace(/[0-9a-f-]{36}/, "X"));
  });

  it("hides health claims from a customer and from an unassigned insurer", async () => {
    for (const role of ["customer", "insurer"] as const) {
      const user = await createUser(role);
      await expectError(await api(`/api/v1/claims/${claimIds.a[0]}`, { token: user.token }), 404, "CLAIM_NOT_FOUND");
      expect((await json(await api(`/api/v1/claims?member_id=${member}`, { token: user.token }))).total).toBe(0);
    }
  });
});
