import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { api, createUser, expectError, json, type TestUser } from "../../helpers";

let admin: TestUser;
let hospital: TestUser;
const newId = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  admin = await createUser("admin");
  hospital = await createUser("provider");
});

describe("members", () => {
  it("an admin enrols, reads, lists and updates a member; every change is audited", async () => {
    const id = newId("M");
    const created = await api("/api/v1/members", { method: "POST", token: admin.token, body: { member_id: id, first_name: "Ann", benefit_limit: 1000.5 } });
    expect(created.status).toBe(201);
    expect(await json(created)).toMatchObject({ member_id: id, status: "ACTIVE", benefit_limit: 1000.5, remaining_benefit: 1000.5 });

    const patched = await json(await api(`/api/v1/members/${id}`, { method: "PATCH", token: admin.token, body: { status: "SUSPENDED", benefit_adjustment: -200.5 } }));
    expect(patched).toMatchObject({ status: "SUSPENDED", remaining_benefit: 800 });

    const raised = await json(await api(`/api/v1/members/${id}`, { method: "PATCH", token: admin.token, body: { benefit_limit: 2000 } }));
    expect(raised).toMatchObject({ benefit_limit: 2000, remaining_benefit: 1799.5 });

    const audit = await env.DB.prepare("SELECT action, before, after FROM audit_events WHERE entity_type = 'member' AND entity_id = ? ORDER BY id").bind(id).all<{ action: string; before: string; after: string }>();
    expect(audit.results.map((r) => r.action)).toEqual(["member.created", "member.updated", "member.updated"]);
    const last = audit.results[2]!;
    expect(JSON.parse(last.before)).toMatchObject({ benefit_limit_cents: 100050, remaining_benefit_cents: 80000 });
    expect(JSON.parse(last.after)).toMatchObject({ benefit_limit_cents: 200000, remaining_benefit_cents: 179950 });

    const list = await json(await api("/api/v1/members?status=suspended&page_size=500", { token: admin.token }));
    expect(list.members.some((m: { member_id: string }) => m.member_id === id)).toBe(true);
  });

  it("concurrent benefit adjustments are all applied (no lost update)", async () => {
    const id = newId("M");
    await api("/api/v1/members", { method: "POST", token: admin.token, body: { member_id: id, benefit_limit: 10000, remaining_benefit: 0 } });
    await Promise.all(Array.from({ length: 20 }, () => api(`/api/v1/members/${id}`, { method: "PATCH", token: admin.token, body: { benefit_adjustment: 10 } })));
    expect((await json(await api(`/api/v1/members/${id}`, { token: admin.token }))).remaining_benefit).toBe(200);
  });

  it("a provider sees only a member's eligibility", async () => {
    const id = newId("M");
    await api("/api/v1/members", { method: "POST", token: admin.token, body: { member_id: id, last_name: "Private", benefit_limit: 500 } });
    const eligibility = await json(await api(`/api/v1/members/${id}`, { token: hospital.token }));
    expect(eligibility).toEqual({ member_id: id, status: "ACTIVE", remaining_benefit: 500, eligible: true });
    await expectError(await api("/api/v1/members", { token: hospital.token }), 403, "FORBIDDEN");
    await expectError(await api(`/api/v1/members/${id}`, { method: "PATCH", token: hospital.token, body: { status: "INACTIVE" } }), 403, "FORBIDDEN");
  });

  it.each([
    ["a duplicate id", (id: string) => ({ member_id: id, benefit_limit: 1 }), 409, "CONFLICT"],
    ["remaining above the limit", (id: string) => ({ member_id: `${id}x`, benefit_limit: 10, remaining_benefit: 11 }), 400, "VALIDATION_ERROR"],
    ["a negative limit", (id: string) => ({ member_id: `${id}y`, benefit_limit: -1 }), 400, "VALIDATION_ERROR"],
    ["an unknown status", (id: string) => ({ member_id: `${id}z`, benefit_limit: 1, status: "GOLD" }), 400, "VALIDATION_ERROR"],
  ])("refuses %s", async (_, body, status, code) => {
    const id = newId("M");
    await api("/api/v1/members", { method: "POST", token: admin.token, body: { member_id: id, benefit_limit: 1 } });
    await expectError(await api("/api/v1/members", { method: "POST", token: admin.token, body: body(id) }), status, code);
  });

  it("answers 404 for a missing member and refuses an empty or contradictory patch", async () => {
    await expectError(await api("/api/v1/members/NOPE", { token: admin.token }), 404, "NOT_FOUND");
    await expectError(await api("/api/v1/members/NOPE", { method: "PATCH", token: admin.token, body: { status: "ACTIVE" } }), 404, "NOT_FOUND");
    await expectError(await api("/api/v1/members/NOPE", { method: "PATCH", token: admin.token, body: {} }), 400, "VALIDATION_ERROR");
    await expectError(
      await api("/api/v1/members/NOPE", { method: "PATCH", token: admin.token, body: { remaining_benefit: 1, benefit_adjustment: 1 } }),
      400,
      "VALIDATION_ERROR",
    );
  });
});

describe("providers", () => {
  it("an admin registers, reads, lists and deactivates a provider", async () => {
    const id = newId("H");
    expect((await api("/api/v1/providers", { method: "POST", token: admin.token, body: { provider_id: id, name: "Clinic" } })).status).toBe(201);
    await expectError(await api("/api/v1/providers", { method: "POST", token: admin.token, body: { provider_id: id, name: "Again" } }), 409, "CONFLICT");
    const patched = await json(await api(`/api/v1/providers/${id}`, { method: "PATCH", token: admin.token, body: { status: "INACTIVE" } }));
    expect(patched).toMatchObject({ provider_id: id, name: "Clinic", status: "INACTIVE" });
    expect((await json(await api(`/api/v1/providers/${id}`, { token: admin.token }))).status).toBe("INACTIVE");
    const audit = await env.DB.prepare("SELECT count(*) AS n FROM audit_events WHERE entity_type = 'provider' AND entity_id = ?").bind(id).first<{ n: number }>();
    expect(audit!.n).toBe(2);
  });
});
