import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { type HealthClaimRecord, recordHealthClaim } from "../../../src/claims/health/benefit-ledger";
import { loadHealthClaimFacts } from "../../../src/claims/health/facts";
import type { HealthClaimAdjudication } from "../../../src/domain/health/adjudicate";
import { postHealthClaimRoute } from "../../../src/routes/claims/post";
import { api, createUser, readAs, type TestUser } from "../../helpers";
import { freshMember, healthClaim, loadDemoData, remainingBenefitCents } from "./health-fixtures";

let hospital: TestUser;

beforeAll(async () => {
  await loadDemoData();
  hospital = await createUser("provider", { providerId: "H456" });
});

const record = (memberId: string): HealthClaimRecord => ({
  id: crypto.randomUUID(),
  memberId,
  providerId: "H456",
  diagnosisCode: "D001",
  lines: [
    { sequence: 1, procedureCode: "P001", diagnosisCodes: ["D001"], amountCents: 123_450, serviceDate: "2026-01-15" },
  ],
  storeLines: false,
  notes: null,
  now: new Date().toISOString(),
  actor: { id: hospital.id, email: hospital.email, role: "provider", providerId: "H456", customerId: null },
  requestId: "duplicate-race",
});

/** The adjudication of a claim that passed every check read before recording it. */
const payable: HealthClaimAdjudication = {
  claimReasons: [],
  lines: [{ sequence: 1, payable: true, reasons: [], fraudReasons: [] }],
  fraudFlag: false,
  fraudReason: null,
};
const recordPayableClaim = (db: D1Database, claim: HealthClaimRecord) => recordHealthClaim(db, claim, payable);
const factsOf = (claim: HealthClaimRecord) =>
  loadHealthClaimFacts(env.DB, { ...claim, diagnosisCodes: [claim.diagnosisCode] }, claim.lines);

describe("the duplicate check is atomic with the approval", () => {
  it("a copy approved after this claim's facts were read makes the claim a rejected duplicate; the benefit moves once", async () => {
    const member = await freshMember(100_000);
    const first = record(member);
    const second = record(member);
    // Both read their facts before either is recorded: neither sees the other.
    const [firstFacts, secondFacts] = [await factsOf(first), await factsOf(second)];
    expect([firstFacts.duplicateOfClaimIdByLine[1], secondFacts.duplicateOfClaimIdByLine[1]]).toEqual([null, null]);

    const paid = await recordPayableClaim(env.DB, first);
    const copy = await recordPayableClaim(env.DB, second);

    expect(paid).toMatchObject({ status: "APPROVED", approvedAmountCents: 123_450 });
    expect(copy).toMatchObject({ status: "REJECTED", approvedAmountCents: 0, fraudFlag: true });
    expect(copy.reasons.map((reason) => reason.code)).toEqual(["DUPLICATE_CLAIM"]);
    expect(copy.fraudReason).toContain(first.id);
    expect(await remainingBenefitCents(member)).toBe(10_000_000 - 123_450);
    const deductions = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_events WHERE entity_type = 'member' AND entity_id = ? AND action = 'member.benefit_deducted'",
    )
      .bind(member)
      .first<{ n: number }>();
    expect(deductions!.n).toBe(1);
    const stored = await env.DB.prepare("SELECT status, fraud_flag FROM claims WHERE id = ?")
      .bind(second.id)
      .first<{ status: string; fraud_flag: number }>();
    expect(stored).toEqual({ status: "REJECTED", fraud_flag: 1 });
  });

  it("a claim of several lines: an identical copy (lines in any order) is a rejected duplicate; the benefit moves once", async () => {
    const member = await freshMember(100_000);
    const lines = [
      { sequence: 1, procedureCode: "P001", diagnosisCodes: ["D001"], amountCents: 10_000, serviceDate: "2026-01-15" },
      { sequence: 2, procedureCode: "P002", diagnosisCodes: ["D001"], amountCents: 20_000, serviceDate: "2026-01-15" },
    ];
    const twoLines: HealthClaimAdjudication = {
      ...payable,
      lines: lines.map((line) => ({ sequence: line.sequence, payable: true, reasons: [], fraudReasons: [] })),
    };
    const first = { ...record(member), lines, storeLines: true };
    const copy = {
      ...record(member),
      lines: [...lines].reverse().map((line, i) => ({ ...line, sequence: i + 1 })),
      storeLines: true,
    };
    expect((await recordHealthClaim(env.DB, first, twoLines)).status).toBe("APPROVED");
    const refused = await recordHealthClaim(env.DB, copy, twoLines);
    expect(refused).toMatchObject({ status: "REJECTED", approvedAmountCents: 0, fraudFlag: true });
    expect(refused.fraudReason).toContain(first.id);
    expect(await remainingBenefitCents(member)).toBe(10_000_000 - 30_000);
  });

  it("a claim rejected for another reason holds no key: the next identical claim is paid", async () => {
    const member = await freshMember(0, 1000);
    const exhausted = await recordPayableClaim(env.DB, record(member));
    expect(exhausted.status).toBe("REJECTED");
    await env.DB.prepare("UPDATE members SET remaining_benefit_cents = 500000 WHERE member_id = ?").bind(member).run();
    expect((await recordPayableClaim(env.DB, record(member))).status).toBe("APPROVED");
  });

  it("50 identical claims sent together approve exactly one, in each of 5 bursts", async () => {
    for (let burst = 0; burst < 5; burst++) {
      const member = await freshMember(1_000_000);
      const responses = await Promise.all(
        Array.from({ length: 50 }, () =>
          api("/api/v1/claims", {
            method: "POST",
            token: hospital.token,
            body: healthClaim({ member_id: member, claim_amount: 1234.5, service_date: "2026-01-15" }),
          }),
        ),
      );
      const claims = await Promise.all(responses.map((res) => readAs(res, postHealthClaimRoute, 201)));
      const paid = claims.filter((claim) => claim.status !== "REJECTED");
      expect(paid, `burst ${burst}`).toHaveLength(1);
      for (const duplicate of claims.filter((claim) => claim.status === "REJECTED")) {
        expect(duplicate.reason_codes).toEqual(["DUPLICATE_CLAIM"]);
        expect(duplicate.fraud_reason).toContain(paid[0]!.claim_id);
      }
      expect(await remainingBenefitCents(member)).toBe(100_000_000 - 123_450);
    }
  });
});
