import { describe, expect, it } from "vitest";
import { adjudicateHealthClaim, type HealthClaimFacts } from "../../src/domain/health/adjudicate";
import type { ProcedureRule } from "../../src/domain/health/codes";
import { DEFAULT_COST_ANOMALY_RULE, type ProcedurePrice } from "../../src/domain/health/cost-anomaly";

const claim = {
  memberId: "M123",
  providerId: "H456",
  diagnosisCode: "D001",
  procedureCode: "P001",
  amountCents: 1_500_000,
};

/** The facts of a one-line claim, as the JSON channel has. */
interface OneLineFacts {
  member: HealthClaimFacts["member"];
  provider: HealthClaimFacts["provider"];
  diagnosis: { billable: boolean } | null;
  procedure: ProcedurePrice | null;
  rules: ProcedureRule[];
  duplicateOfClaimId: string | null;
}

const facts: OneLineFacts = {
  member: { status: "ACTIVE", remainingBenefitCents: 5_000_000 },
  provider: { status: "ACTIVE" },
  diagnosis: { billable: true },
  procedure: { averageCostCents: 1_000_000, costStdDevCents: 250_000 },
  rules: [{ diagnosisPattern: "D001", procedurePattern: "P001" }],
  duplicateOfClaimId: null,
};

/** A one-line claim through the line-by-line adjudication, flattened the way the JSON channel reports it. */
function adjudicateOneLine(c: typeof claim, f: OneLineFacts, rule = DEFAULT_COST_ANOMALY_RULE) {
  const decision = adjudicateHealthClaim(
    { memberId: c.memberId, providerId: c.providerId, diagnosisCodes: [c.diagnosisCode] },
    [
      {
        sequence: 1,
        procedureCode: c.procedureCode,
        diagnosisCodes: [c.diagnosisCode],
        amountCents: c.amountCents,
        serviceDate: "2026-02-23",
      },
    ],
    {
      member: f.member,
      provider: f.provider,
      diagnoses: { [c.diagnosisCode]: f.diagnosis },
      procedures: { [c.procedureCode]: f.procedure },
      rulesByDiagnosis: { [c.diagnosisCode]: f.rules },
      duplicateOfClaimIdByLine: { 1: f.duplicateOfClaimId },
    },
    rule,
  );
  const reasons = [...decision.claimReasons, ...decision.lines.flatMap((line) => line.reasons)];
  if (decision.lines.every((line) => line.payable)) return { payable: true as const };
  return { payable: false as const, reasons, fraudFlag: decision.fraudFlag, fraudReason: decision.fraudReason };
}

describe("adjudicateHealthClaim", () => {
  it("passes a clean claim on to the benefit cap", () => {
    expect(adjudicateOneLine(claim, facts)).toEqual({ payable: true });
  });

  it.each<[string, Partial<OneLineFacts>, Partial<typeof claim>, string[], boolean]>([
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
    const decision = adjudicateOneLine({ ...claim, ...claimChanges }, { ...facts, ...factChanges });
    if (decision.payable) throw new Error("expected a rejection");
    expect(decision.reasons.map((r) => r.code)).toEqual(codes);
    expect(decision.fraudFlag).toBe(fraudFlag);
    expect(decision.fraudReason !== null).toBe(fraudFlag);
  });

  it("names the numbers in the cost-anomaly reason", () => {
    const decision = adjudicateOneLine({ ...claim, amountCents: 15_000_000 }, facts);
    expect(decision.payable).toBe(false);
    if (!decision.payable)
      expect(decision.fraudReason).toBe("Claim amount (150000.00) exceeds 2.0x average procedure cost (10000.00)");
  });

  it("allows any procedure for a diagnosis that no rule governs", () => {
    expect(
      adjudicateOneLine({ ...claim, diagnosisCode: "J45909", procedureCode: "99213" }, { ...facts, rules: [] }),
    ).toEqual({ payable: true });
  });
});

describe("adjudicateHealthClaim with several lines", () => {
  const parties = { memberId: "M123", providerId: "H456", diagnosisCodes: ["D001", "D002"] };
  const line = (sequence: number, procedureCode: string, amountCents: number, diagnosisCodes = ["D001", "D002"]) => ({
    sequence,
    procedureCode,
    diagnosisCodes,
    amountCents,
    serviceDate: "2026-02-23",
  });
  const manyFacts: HealthClaimFacts = {
    member: { status: "ACTIVE", remainingBenefitCents: 5_000_000 },
    provider: { status: "ACTIVE" },
    diagnoses: { D001: { billable: true }, D002: { billable: true } },
    procedures: {
      P001: { averageCostCents: 1_000_000, costStdDevCents: 250_000 },
      P002: { averageCostCents: 150_000, costStdDevCents: 40_000 },
    },
    rulesByDiagnosis: {
      D001: [{ diagnosisPattern: "D001", procedurePattern: "P001" }],
      D002: [{ diagnosisPattern: "D002", procedurePattern: "P002" }],
    },
    duplicateOfClaimIdByLine: {},
  };
  const decide = (lines: ReturnType<typeof line>[], changes: Partial<HealthClaimFacts> = {}) =>
    adjudicateHealthClaim(parties, lines, { ...manyFacts, ...changes }, DEFAULT_COST_ANOMALY_RULE);
  const summary = (decision: ReturnType<typeof decide>) => ({
    claim: decision.claimReasons.map((r) => r.code),
    lines: decision.lines.map((l) => [l.sequence, l.payable, l.reasons.map((r) => `${r.item_sequence}:${r.code}`)]),
    fraud: decision.fraudFlag,
  });

  it.each<[string, ReturnType<typeof line>[], Partial<HealthClaimFacts>, ReturnType<typeof summary>]>([
    [
      "every line clean",
      [line(1, "P001", 1_000_000), line(2, "P002", 100_000)],
      {},
      {
        claim: [],
        lines: [
          [1, true, []],
          [2, true, []],
        ],
        fraud: false,
      },
    ],
    [
      "a cost anomaly on one line of several",
      [line(1, "P001", 1_000_000), line(2, "P002", 900_000)],
      {},
      {
        claim: [],
        lines: [
          [1, true, []],
          [2, false, ["2:COST_ANOMALY"]],
        ],
        fraud: true,
      },
    ],
    [
      "an unknown procedure on one line",
      [line(1, "X999", 1_000), line(2, "P002", 100_000)],
      {},
      {
        claim: [],
        lines: [
          [1, false, ["1:PROCEDURE_UNKNOWN"]],
          [2, true, []],
        ],
        fraud: false,
      },
    ],
    [
      "a procedure allowed by neither of the line's diagnoses",
      [line(1, "P002", 100_000, ["D001"])],
      {},
      { claim: [], lines: [[1, false, ["undefined:PROCEDURE_NOT_ALLOWED"]]], fraud: false },
    ],
    [
      "an unknown member stops every line",
      [line(1, "P001", 1_000_000), line(2, "P002", 100_000)],
      { member: null },
      {
        claim: ["MEMBER_NOT_FOUND"],
        lines: [
          [1, false, []],
          [2, false, []],
        ],
        fraud: false,
      },
    ],
    [
      "one unknown diagnosis among several",
      [line(1, "P001", 1_000_000)],
      { diagnoses: { D001: { billable: true }, D002: null } },
      { claim: ["DIAGNOSIS_UNKNOWN"], lines: [[1, false, []]], fraud: false },
    ],
    [
      "a duplicate of an earlier claim",
      [line(1, "P001", 1_000_000), line(2, "P002", 100_000)],
      { duplicateOfClaimIdByLine: { 2: "c-9" } },
      {
        claim: [],
        lines: [
          [1, true, []],
          [2, false, ["2:DUPLICATE_CLAIM"]],
        ],
        fraud: true,
      },
    ],
    [
      "the same service twice in one claim",
      [line(1, "P002", 100_000), line(2, "P002", 100_000)],
      {},
      {
        claim: [],
        lines: [
          [1, true, []],
          [2, false, ["2:DUPLICATE_CLAIM"]],
        ],
        fraud: true,
      },
    ],
  ])("%s", (_, lines, changes, expected) => {
    expect(summary(decide(lines, changes))).toEqual(expected);
  });

  it("names the line in the fraud reason", () => {
    const decision = decide([line(1, "P001", 1_000_000), line(2, "P002", 900_000)]);
    expect(decision.fraudReason).toBe("Item 2: Claim amount (9000.00) exceeds 2.0x average procedure cost (1500.00)");
  });
});
