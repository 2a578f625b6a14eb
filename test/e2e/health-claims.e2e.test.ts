import { describe, expect, it } from "vitest";
import { adminToken, call, registeredUser } from "./http";

describe("a partner hospital's day (over HTTP against wrangler dev)", () => {
  it("reproduces the health-claims engine's examples on the demo reference data, with real code sets loaded", async () => {
    const admin = await adminToken();
    const hospital = await registeredUser(admin, "provider", { provider_id: "H456" });
    const memberId = `E2E-${Date.now()}`;
    expect((await call("/api/v1/members", { method: "POST", token: admin, body: { member_id: memberId, benefit_limit: 20000 } })).status).toBe(201);

    const eligibility = await call(`/api/v1/members/${memberId}`, { token: hospital });
    expect(eligibility.body).toMatchObject({ eligible: true, remaining_benefit: 20000 });

    const approved = await call("/api/v1/claims", {
      method: "POST",
      token: hospital,
      headers: { "idempotency-key": `e2e-${memberId}-1` },
      body: { member_id: memberId, provider_id: "H456", diagnosis_code: "D001", procedure_code: "P001", claim_amount: 15000, notes: "Appendectomy" },
    });
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({ status: "APPROVED", approved_amount: 15000, fraud_flag: false });

    const partial = await call("/api/v1/claims", {
      method: "POST",
      token: hospital,
      body: { member_id: memberId, provider_id: "H456", diagnosis_code: "D001", procedure_code: "P001", claim_amount: 12000 },
    });
    expect(partial.body).toMatchObject({ status: "PARTIAL", approved_amount: 5000, reason_codes: ["BENEFIT_CAP_APPLIED"] });

    const fraud = await call("/api/v1/claims", {
      method: "POST",
      token: hospital,
      body: { member_id: "M123", provider_id: "H456", diagnosis_code: "D001", procedure_code: "P001", claim_amount: 150000 },
    });
    expect(fraud.body.fraud_reason).toBe("Claim amount (150000.00) exceeds 2.0x average procedure cost (10000.00)");

    // A real ICD-10-CM diagnosis with a real CPT code priced from the Medicare statistics, when the data set is present.
    const codes = await call("/api/v1/codes/procedures?q=99213", { token: admin });
    if (codes.body.total > 0 && codes.body.codes[0].average_cost) {
      const real = await call("/api/v1/claims", {
        method: "POST",
        token: hospital,
        body: { member_id: "M123", provider_id: "H456", diagnosis_code: "J45.909", procedure_code: "99213", claim_amount: 50 },
      });
      expect(real.body.status).toBe("APPROVED");
    }

    const replay = await call("/api/v1/claims", {
      method: "POST",
      token: hospital,
      headers: { "idempotency-key": `e2e-${memberId}-1` },
      body: { member_id: memberId, provider_id: "H456", diagnosis_code: "D001", procedure_code: "P001", claim_amount: 15000, notes: "Appendectomy" },
    });
    expect(replay.body.claim_id).toBe(approved.body.claim_id);

    const list = await call(`/api/v1/claims?member_id=${memberId}&status=partial`, { token: hospital });
    expect(list.body.total).toBe(1);
    const detail = await call(`/api/v1/claims/${approved.body.claim_id}`, { token: hospital });
    expect(detail.body.audit_trail[0].action).toBe("claim.adjudicated");
  });
});
