import { describe, expect, it } from "vitest";
import { healthClaimSchema } from "../../src/claims/views";
import { memberSchema } from "../../src/routes/members/schema";
import { adminToken, as, call, registeredUser } from "./http";

const BURSTS = 13;
const CLAIMS_PER_BURST = 50;

describe("identical health claims sent together without an Idempotency-Key (over HTTP against wrangler dev)", () => {
  it(`approve exactly one claim in each of ${BURSTS} bursts of ${CLAIMS_PER_BURST}; every other names the original`, async () => {
    const admin = await adminToken();
    const hospital = await registeredUser(admin, "provider", { provider_id: "H456" });
    for (let burst = 0; burst < BURSTS; burst++) {
      const memberId = `DUP-${Date.now()}-${burst}`;
      as(
        await call("/api/v1/members", {
          method: "POST",
          token: admin,
          body: { member_id: memberId, benefit_limit: 100000 },
        }),
        memberSchema,
        201,
      );
      const body = {
        member_id: memberId,
        provider_id: "H456",
        diagnosis_code: "D001",
        procedure_code: "P001",
        claim_amount: 1234.5,
        service_date: "2026-01-15",
      };
      const results = await Promise.all(
        Array.from({ length: CLAIMS_PER_BURST }, () =>
          call("/api/v1/claims", { method: "POST", token: hospital, body }),
        ),
      );
      const claims = results.map((result) => as(result, healthClaimSchema, 201));
      const paid = claims.filter((claim) => claim.status !== "REJECTED");
      expect(
        paid.map((claim) => claim.status),
        `burst ${burst}`,
      ).toEqual(["APPROVED"]);
      for (const duplicate of claims.filter((claim) => claim.status === "REJECTED")) {
        expect(duplicate.reason_codes).toEqual(["DUPLICATE_CLAIM"]);
        expect(duplicate.fraud_reason).toContain(paid[0]!.claim_id);
      }
      const member = as(await call(`/api/v1/members/${memberId}`, { token: admin }), memberSchema);
      expect(member.remaining_benefit).toBe(100000 - 1234.5);
    }
  });
});
