import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { getMemberRoute } from "../../../src/routes/members/get";
import { listMembersRoute } from "../../../src/routes/members/list";
import { patchMemberRoute } from "../../../src/routes/members/patch";
import { postMemberRoute } from "../../../src/routes/members/post";
import { api, createUser, readAs, type TestUser } from "../../helpers";

let admin: TestUser;
let hospital: TestUser;
const newId = () => `M-${crypto.randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  admin = await createUser("admin");
  hospital = await createUser("provider");
});

const enrol = async (body: Record<string, unknown>) =>
  readAs(await api("/api/v1/members", { method: "POST", token: admin.token, body }), postMemberRoute, 201);
const patch = async (id: string, body: Record<string, unknown>) =>
  readAs(await api(`/api/v1/members/${id}`, { method: "PATCH", token: admin.token, body }), patchMemberRoute, 200);

describe("members", () => {
  it("an admin enrols, reads, lists and updates a member; every change is audited", async () => {
    const id = newId();
    expect(await enrol({ member_id: id, first_name: "Ann", benefit_limit: 1000.5 })).toMatchObject({
      member_id: id,
      status: "ACTIVE",
      benefit_limit: 1000.5,
      remaining_benefit: 1000.5,
    });
    expect(await patch(id, { status: "SUSPENDED", benefit_adjustment: -200.5 })).toMatchObject({
      status: "SUSPENDED",
      remaining_benefit: 800,
    });
    expect(await patch(id, { benefit_limit: 2000 })).toMatchObject({ benefit_limit: 2000, remaining_benefit: 1799.5 });

    const audit = await env.DB.prepare(
      "SELECT action, before, after FROM audit_events WHERE entity_type = 'member' AND entity_id = ? ORDER BY id",
    )
      .bind(id)
      .all<{ action: string; before: string; after: string }>();
    expect(audit.results.map((r) => r.action)).toEqual(["member.created", "member.updated", "member.updated"]);
    const last = audit.results[2]!;
    expect(JSON.parse(last.before)).toMatchObject({ benefit_limit_cents: 100050, remaining_benefit_cents: 80000 });
    expect(JSON.parse(last.after)).toMatchObject({ benefit_limit_cents: 200000, remaining_benefit_cents: 179950 });

    const list = await readAs(
      await api("/api/v1/members?status=suspended&page_size=500", { token: admin.token }),
      listMembersRoute,
      200,
    );
    expect(list.members.some((m) => m.member_id === id)).toBe(true);
  });

  it("concurrent benefit adjustments are all applied (no lost update)", async () => {
    const id = newId();
    await enrol({ member_id: id, benefit_limit: 10000, remaining_benefit: 0 });
    await Promise.all(Array.from({ length: 20 }, () => patch(id, { benefit_adjustment: 10 })));
    const member = await readAs(await api(`/api/v1/members/${id}`, { token: admin.token }), getMemberRoute, 200);
    expect(member.remaining_benefit).toBe(200);
  });

  it("a provider sees only a member's eligibility", async () => {
    const id = newId();
    await enrol({ member_id: id, last_name: "Private", benefit_limit: 500 });
    const eligibility = await readAs(
      await api(`/api/v1/members/${id}`, { token: hospital.token }),
      getMemberRoute,
      200,
    );
    expect(eligibility).toEqual({ member_id: id, status: "ACTIVE", remaining_benefit: 500, eligible: true });
  });
});
