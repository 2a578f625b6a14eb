import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { getClaimRoute } from "../../../src/routes/claims/get";
import { postHealthClaimRoute } from "../../../src/routes/claims/post";
import { api, createUser, readAs, type TestUser } from "../../helpers";
import { freshMember, healthClaim, loadDemoData, remainingBenefitCents } from "./health-fixtures";

let hospital: TestUser;
let admin: TestUser;

beforeAll(async () => {
  await loadDemoData();
  hospital = await createUser("provider", { providerId: "H456" });
  admin = await createUser("admin");
});

const submit = (body: Record<string, unknown>, user = hospital) =>
  api("/api/v1/claims", { method: "POST", token: user.token, body });
const adjudicated = (response: Response) => readAs(response, postHealthClaimRoute, 201);

describe("POST /api/v1/claims", () => {
  it("approves a claim in full with the health-claim response shape and two-decimal amounts", async () => {
    const member = await freshMember(50_000);
    const res = await submit(healthClaim({ member_id: member, service_date: "2026-02-23" }));
    const text = await res.clone().text();
    expect(text).toContain('"claim_amount":15000.00');
    expect(text).toContain('"approved_amount":15000.00');
    const body = await adjudicated(res);
    expect(body).toMatchObject({
      member_id: member,
      provider_id: "H456",
      diagnosis_code: "D001",
      procedure_code: "P001",
      claim_amount: 15000,
      approved_amount: 15000,
      status: "APPROVED",
      fraud_flag: false,
      fraud_reason: null,
      reason_codes: [],
      notes: "Emergency Outpatient Appendectomy",
      service_date: "2026-02-23",
    });
    expect(body.claim_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get("location")).toBe(`/api/v1/claims/${body.claim_id}`);
    expect(await remainingBenefitCents(member)).toBe(3_500_000);
  });

  it("approves PARTIAL up to the remaining benefit and says why", async () => {
    const member = await freshMember(5_000, 50_000);
    const body = await adjudicated(await submit(healthClaim({ member_id: member })));
    expect(body.status).toBe("PARTIAL");
    expect(body.approved_amount).toBe(5000);
    expect(body.reason_codes).toEqual(["BENEFIT_CAP_APPLIED"]);
    expect(body.reasons[0]?.message).toBe("Approved 5000.00 of 15000.00: capped at the remaining benefit");
    expect(await remainingBenefitCents(member)).toBe(0);

    const next = await adjudicated(await submit(healthClaim({ member_id: member, claim_amount: 100 })));
    expect(next).toMatchObject({ status: "REJECTED", approved_amount: 0, reason_codes: ["BENEFIT_EXHAUSTED"] });
  });

  it("rejects a cost anomaly with the cost-anomaly fraud reason and moves no money", async () => {
    const member = await freshMember(500_000);
    const body = await adjudicated(await submit(healthClaim({ member_id: member, claim_amount: 150000 })));
    expect(body).toMatchObject({
      status: "REJECTED",
      fraud_flag: true,
      fraud_reason: "Claim amount (150000.00) exceeds 2.0x average procedure cost (10000.00)",
      approved_amount: 0,
      reason_codes: ["COST_ANOMALY"],
    });
    expect(await remainingBenefitCents(member)).toBe(50_000_000);
  });

  it.each([
    ["an inactive member", { member_id: "M124" }, ["MEMBER_INACTIVE"]],
    ["an unknown member", { member_id: "M999" }, ["MEMBER_NOT_FOUND"]],
    ["an unknown diagnosis", { diagnosis_code: "Z999" }, ["DIAGNOSIS_UNKNOWN"]],
    ["an unknown procedure", { procedure_code: "X999" }, ["PROCEDURE_UNKNOWN"]],
    [
      "a procedure not allowed for the diagnosis",
      { procedure_code: "P002", claim_amount: 1000 },
      ["PROCEDURE_NOT_ALLOWED"],
    ],
  ])("rejects %s with a reason code", async (_, changes, codes) => {
    const body = await adjudicated(await submit(healthClaim(changes)));
    expect(body.status).toBe("REJECTED");
    expect(body.reason_codes).toEqual(codes);
    expect(body.approved_amount).toBe(0);
  });

  it("rejects claims from an inactive provider (admin may post for any provider)", async () => {
    const body = await adjudicated(await submit(healthClaim({ provider_id: "H457" }), admin));
    expect(body.reason_codes).toEqual(["PROVIDER_INACTIVE"]);
  });

  it("flags a likely duplicate (same member, provider, procedure, service date, amount)", async () => {
    const member = await freshMember(100_000);
    const first = await adjudicated(
      await submit(healthClaim({ member_id: member, service_date: "2026-03-01", claim_amount: 9000 })),
    );
    const second = await adjudicated(
      await submit(healthClaim({ member_id: member, service_date: "2026-03-01", claim_amount: 9000 })),
    );
    expect(first.status).toBe("APPROVED");
    expect(second).toMatchObject({ status: "REJECTED", fraud_flag: true, reason_codes: ["DUPLICATE_CLAIM"] });
    expect(second.fraud_reason).toContain(first.claim_id);
    expect(await remainingBenefitCents(member)).toBe(10_000_000 - 900_000);
  });

  it("accepts codes with dots and in lower case", async () => {
    const member = await freshMember(50_000);
    const body = await adjudicated(
      await submit(healthClaim({ member_id: member, diagnosis_code: "d.001", procedure_code: "p001" })),
    );
    expect(body).toMatchObject({ status: "APPROVED", diagnosis_code: "D001", procedure_code: "P001" });
  });

  it("writes every decision and benefit change to the audit trail", async () => {
    const member = await freshMember(50_000);
    const claim = await adjudicated(await submit(healthClaim({ member_id: member })));
    const detail = await readAs(
      await api(`/api/v1/claims/${claim.claim_id}`, { token: hospital.token }),
      getClaimRoute,
      200,
    );
    expect(detail.audit_trail).toHaveLength(1);
    expect(detail.audit_trail[0]).toMatchObject({
      action: "claim.adjudicated",
      actor_id: hospital.id,
      after: { status: "APPROVED", approved_amount_cents: 1_500_000 },
    });
    const memberAudit = await env.DB.prepare(
      "SELECT before, after FROM audit_events WHERE entity_type = 'member' AND entity_id = ?",
    )
      .bind(member)
      .first<{ before: string; after: string }>();
    expect(JSON.parse(memberAudit!.before)).toEqual({ remaining_benefit_cents: 5_000_000 });
    expect(JSON.parse(memberAudit!.after)).toMatchObject({
      remaining_benefit_cents: 3_500_000,
      deducted_cents: 1_500_000,
      claim_id: claim.claim_id,
    });
  });
});

describe("reference data changes reach adjudication", () => {
  it("a provider deactivated by an admin is refused on the next claim", async () => {
    const providerId = `HX-${crypto.randomUUID().slice(0, 6)}`;
    await api("/api/v1/providers", {
      method: "POST",
      token: admin.token,
      body: { provider_id: providerId, name: "Soon closed" },
    });
    const member = await freshMember(50_000);
    const before = await adjudicated(
      await submit(healthClaim({ member_id: member, provider_id: providerId, claim_amount: 10 }), admin),
    );
    expect(before.status).toBe("APPROVED");
    await api(`/api/v1/providers/${providerId}`, { method: "PATCH", token: admin.token, body: { status: "INACTIVE" } });
    const after = await adjudicated(
      await submit(healthClaim({ member_id: member, provider_id: providerId, claim_amount: 11 }), admin),
    );
    expect(after.reason_codes).toEqual(["PROVIDER_INACTIVE"]);
  });
});
