import { describe, expect, it } from "vitest";
import { adjudicateHealthClaim, type HealthClaimFacts } from "../../src/domain/health/adjudicate";
import { DEFAULT_COST_ANOMALY_RULE } from "../../src/domain/health/cost-anomaly";

const claim = {
  memberId: "M123",
  providerId: "H456",
  diagnosisCode: "D001",
  procedureCode: "P001",
  amountCents: 1_500_000,
};
const facts: HealthClaimFacts = {
  member: { status: "ACTIVE", remainingBenefitCents: 5_000_000 },
  provider: { status: "ACTIVE" },
  diagnosis: { billable: true },
  procedure: { averageCostCents: 1_000_000, costStdDevCents: 250_000 },
  rules: [{ diagnosisPattern: "D001", procedurePattern: "P001" }],
  duplicateOfClaimId: null,
};

describe("adjudicateHealthClaim", () => {
  it("passes a clean claim on to the benefit cap", () => {
    expect(adjudicateHealthClaim(claim, facts, DEFAULT_COST_ANOMALY_RULE)).toEqual({ payable: true });
  });

  it.each<[string, Partial<HealthClaimFacts>, Partial<typeof claim>, string[], boolean]>([
    ["unknown member", { member: null }, {}, ["MEMBER_NOT_FOUND"], false],
    ["inactive member", { member: { status: "INACTIVE", remainingBenefitCents: 100 } }, {}, ["MEMBER_INACTIVE"], false],
    ["exhausted benefit", { member: { status: "ACTIVE", remainingBenefitCents: 0 } }, {}, ["BENEFIT_EXHAUSTED"], false],
    ["unknown provider", { provider: null }, {}, ["PROVIDER_NOT_FOUND"], false],
    ["suspended provider", { provider: { status: "SUSPENDED" } }, {}, ["PROVIDER_INACTIVE"], false],
    ["unknown diagnosis", { diagnosis: null }, {}, ["DIAGNOSIS_UNKNOWN"], false],
    ["category-only diagnosis", { diagnosis: { billable: false } }, {}, ["DIAGNOSIS_NOT_BILLABLE"], false],
    ["unknown procedure", { procedure: null }, {}, ["PROCEDURE_UNKNOWN"], false],
    [
      "procedure not allowed",
      { rules: [{ diagnosisPattern: "D001", procedurePattern: "P002" }] },
      {},
      ["PROCEDURE_NOT_ALLOWED"],
      false,
    ],
    ["cost anomaly", {}, { amountCents: 15_000_000 }, ["COST_ANOMALY"], true],
    ["duplicate", { duplicateOfClaimId: "c-1" }, {}, ["DUPLICATE_CLAIM"], true],
    [
      "several at once",
      { member: null, provider: null, procedure: null },
      {},
      ["MEMBER_NOT_FOUND", "PROVIDER_NOT_FOUND", "PROCEDURE_UNKNOWN"],
      false,
    ],
  ])("rejects: %s", (_, factChanges, claimChanges, codes, fraudFlag) => {
    const decision = adjudicateHealthClaim(
      { ...claim, ...claimChanges },
      { ...facts, ...factChanges },
      DEFAULT_COST_ANOMALY_RULE,
    );
    if (decision.payable) throw new Error("expected a rejection");
    expect(decision.reasons.map((r) => r.code)).toEqual(codes);
    expect(decision.fraudFlag).toBe(fraudFlag);
    expect(decision.fraudReason !== null).toBe(fraudFlag);
  });

  it("names the numbers in the cost-anomaly reason", () => {
    const decision = adjudicateHealthClaim({ ...claim, amountCents: 15_000_000 }, facts, DEFAULT_COST_ANOMALY_RULE);
    expect(decision.payable).toBe(false);
    if (!decision.payable)
      expect(decision.fraudReason).toBe("Claim amount (150000.00) exceeds 2.0x average procedure cost (10000.00)");
  });

  it("allows any procedure for a diagnosis that no rule governs", () => {
    expect(
      adjudicateHealthClaim(
        { ...claim, diagnosisCode: "J45909", procedureCode: "99213" },
        { ...facts, rules: [] },
        DEFAULT_COST_ANOMALY_RULE,
      ),
    ).toEqual({ payable: true });
  });
});
