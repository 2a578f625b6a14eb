import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { postHealthClaimRoute } from "../../../src/routes/claims/post";
import { api, createUser, readAs, type TestUser } from "../../helpers";
import { freshMember, healthClaim, loadDemoData, remainingBenefitCents } from "./health-fixtures";

let hospital: TestUser;

beforeAll(async () => {
  await loadDemoData();
  hospital = await createUser("provider", { providerId: "H456" });
});

describe("benefit caps under concurrency", () => {
  it("100 concurrent claims against one member never approve more than the benefit held", async () => {
    const member = await freshMember(50_000);
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        api("/api/v1/claims", {
          method: "POST",
          token: hospital.token,
          // Distinct amounts, so none is a duplicate of another.
          body: healthClaim({ member_id: member, claim_amount: 1000 + i * 7.25 }),
        }),
      ),
    );
    expect(responses.every((res) => res.status === 201)).toBe(true);
    const claims = await Promise.all(responses.map((res) => readAs(res, postHealthClaimRoute, 201)));
    const approvedCents = claims.reduce((sum, claim) => sum + Math.round(claim.approved_amount * 100), 0);

    expect(approvedCents).toBe(5_000_000);
    expect(await remainingBenefitCents(member)).toBe(0);
    const byStatus = (status: string) => claims.filter((claim) => claim.status === status).length;
    expect(byStatus("PARTIAL")).toBe(1);
    expect(byStatus("APPROVED") + byStatus("PARTIAL") + byStatus("REJECTED")).toBe(100);
    for (const claim of claims.filter((c) => c.status === "REJECTED"))
      expect(claim.reason_codes).toEqual(["BENEFIT_EXHAUSTED"]);

    const ledger = await env.DB.prepare(
      "SELECT sum(approved_amount_cents) AS approved, count(*) AS n FROM claims WHERE member_id = ?",
    )
      .bind(member)
      .first<{ approved: number; n: number }>();
    expect(ledger).toEqual({ approved: 5_000_000, n: 100 });
    const deductions = await env.DB.prepare(
      "SELECT sum(json_extract(after, '$.deducted_cents')) AS total FROM audit_events WHERE entity_type = 'member' AND entity_id = ?",
    )
      .bind(member)
      .first<{ total: number }>();
    expect(deductions!.total).toBe(5_000_000);
  });
});
