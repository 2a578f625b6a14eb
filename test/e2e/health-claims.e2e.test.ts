import { describe, expect, it } from "vitest";
import { z } from "zod";
import { healthClaimSchema } from "../../src/claims/views";
import { claimListSchema } from "../../src/routes/claims/list";
import { claimDetailSchema } from "../../src/routes/claims/schema";
import { eligibilitySchema, memberSchema } from "../../src/routes/members/schema";
import { adminToken, as, call, registeredUser } from "./http";

const procedurePage = z.object({
  total: z.number(),
  codes: z.array(z.object({ average_cost: z.number().nullable() })),
});

describe("a partner hospital's day (over HTTP against wrangler dev)", () => {
  it("reproduces the health-claims engine's examples on the demo reference data, with real code sets loaded", async () => {
    const admin = await adminToken();
    const hospital = await registeredUser(admin, "provider", { provider_id: "H456" });
    const memberId = `E2E-${Date.now()}`;
    as(
      await call("/api/v1/members", {
        method: "POST",
        token: admin,
        body: { member_id: memberId, benefit_limit: 20000 },
      }),
      memberSchema,
      201,
    );

    const eligibility = as(await call(`/api/v1/members/${memberId}`, { token: hospital }), eligibilitySchema);
    expect(eligibility).toMatchObject({ eligible: true, remaining_benefit: 20000 });

    const claim = (body: Record<string, unknown>, headers?: Record<string, string>) =>
      call("/api/v1/claims", {
        method: "POST",
        token: hospital,
        ...(headers ? { headers } : {}),
        body: { provider_id: "H456", diagnosis_code: "D001", procedure_code: "P001", ...body },
      });
    const adjudicated = async (body: Record<string, unknown>, headers?: Record<string, string>) =>
      as(await claim(body, headers), healthClaimSchema, 201);

    const approved = await adjudicated(
      { member_id: memberId, claim_amount: 15000, notes: "Appendectomy" },
      { "idempotency-key": `e2e-${memberId}-1` },
    );
    expect(approved).toMatchObject({ status: "APPROVED", approved_amount: 15000, fraud_flag: false });

    const partial = await adjudicated({ member_id: memberId, claim_amount: 12000 });
    expect(partial).toMatchObject({ status: "PARTIAL", approved_amount: 5000, reason_codes: ["BENEFIT_CAP_APPLIED"] });

    const fraud = await adjudicated({ member_id: "M123", claim_amount: 150000 });
    expect(fraud.fraud_reason).toBe("Claim amount (150000.00) exceeds 2.0x average procedure cost (10000.00)");

    // A real ICD-10-CM diagnosis with a real CPT code priced from the Medicare statistics, when the data set is present.
    const codes = as(await call("/api/v1/codes/procedures?q=99213", { token: admin }), procedurePage);
    if (codes.total > 0 && codes.codes[0]?.average_cost) {
      const real = await adjudicated({
        member_id: "M123",
        diagnosis_code: "J45.909",
        procedure_code: "99213",
        claim_amount: 50,
      });
      expect(real.status).toBe("APPROVED");
    }

    const replay = await adjudicated(
      { member_id: memberId, claim_amount: 15000, notes: "Appendectomy" },
      { "idempotency-key": `e2e-${memberId}-1` },
    );
    expect(replay.claim_id).toBe(approved.claim_id);

    const list = as(
      await call(`/api/v1/claims?member_id=${memberId}&status=partial`, { token: hospital }),
      claimListSchema,
    );
    expect(list.total).toBe(1);
    const detail = as(await call(`/api/v1/claims/${approved.claim_id}`, { token: hospital }), claimDetailSchema);
    expect(detail.audit_trail[0]?.action).toBe("claim.adjudicated");
  });
});
