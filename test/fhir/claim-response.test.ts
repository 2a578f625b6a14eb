import { describe, expect, it } from "vitest";
import type { ClaimLine, ClaimReason } from "../../src/db/schema";
import { capabilityStatement } from "../../src/domain/fhir/capability-statement";
import { fhirClaimSchema } from "../../src/domain/fhir/claim-resource";
import { buildClaimResponse, type RecordedFhirClaim } from "../../src/domain/fhir/claim-response";
import { fhirPath, issueTypeForStatus, operationOutcome } from "../../src/domain/fhir/operation-outcome";
import { EXAMPLES, expectValidFhir, itemAmounts, totals } from "./fhir-examples";

const claim = fhirClaimSchema.parse(EXAMPLES.oralMultiItem);

const line = (
  sequence: number,
  amount: number,
  approved: number,
  status: ClaimLine["status"],
  reasons: ClaimReason[] = [],
): ClaimLine => ({
  sequence,
  procedure_code: `P${sequence}`,
  diagnosis_codes: ["123456"],
  service_date: "2014-08-16",
  claim_amount_cents: amount,
  approved_amount_cents: approved,
  status,
  reasons,
  fraud_flag: reasons.some((r) => r.code === "COST_ANOMALY"),
});

const recorded = (
  status: RecordedFhirClaim["status"],
  approved: number,
  lines: ClaimLine[],
  reasons: ClaimReason[] = [],
): RecordedFhirClaim => ({
  id: "claim-1",
  memberId: "1",
  providerId: "1",
  status,
  approvedAmountCents: approved,
  reasons,
  lines,
  processedAt: "2026-11-28T10:00:00.000Z",
});

const cap = (message: string): ClaimReason => ({ code: "BENEFIT_CAP_APPLIED", message });
/** As a client receives it: undefined members dropped. */
const plain = <T>(resource: T): T => JSON.parse(JSON.stringify(resource));

describe("buildClaimResponse", () => {
  it.each<[string, RecordedFhirClaim, string, [number, number, number, number][], string[], boolean]>([
    [
      "every item paid",
      recorded("APPROVED", 30_000, [line(1, 10_000, 10_000, "APPROVED"), line(2, 20_000, 20_000, "APPROVED")]),
      "complete",
      [
        [1, 100, 100, 100],
        [2, 200, 200, 200],
      ],
      [],
      true,
    ],
    [
      "the benefit runs out on the second item",
      recorded(
        "PARTIAL",
        15_000,
        [
          line(1, 10_000, 10_000, "APPROVED"),
          line(2, 20_000, 5_000, "PARTIAL", [cap("Approved 50.00 of 200.00: capped at the remaining benefit")]),
        ],
        [cap("Approved 150.00 of 300.00: capped at the remaining benefit")],
      ),
      "partial",
      [
        [1, 100, 100, 100],
        [2, 200, 200, 50],
      ],
      [],
      true,
    ],
    [
      "an unknown procedure on one item of two",
      recorded(
        "PARTIAL",
        10_000,
        [
          line(1, 10_000, 10_000, "APPROVED"),
          line(2, 20_000, 0, "REJECTED", [{ code: "PROCEDURE_UNKNOWN", message: "Unknown procedure code P2" }]),
        ],
        [{ code: "PROCEDURE_UNKNOWN", message: "Unknown procedure code P2", item_sequence: 2 }],
      ),
      "partial",
      [
        [1, 100, 100, 100],
        [2, 200, 0, 0],
      ],
      ["2:PROCEDURE_UNKNOWN"],
      true,
    ],
    [
      "an inactive provider",
      recorded(
        "REJECTED",
        0,
        [line(1, 10_000, 0, "REJECTED", [{ code: "PROVIDER_INACTIVE", message: "Provider 1 is SUSPENDED" }])],
        [{ code: "PROVIDER_INACTIVE", message: "Provider 1 is SUSPENDED" }],
      ),
      "error",
      [[1, 100, 0, 0]],
      ["-:PROVIDER_INACTIVE"],
      false,
    ],
    [
      "a benefit already exhausted: eligible, but nothing paid, and no error",
      recorded(
        "REJECTED",
        0,
        [line(1, 10_000, 0, "REJECTED", [{ code: "BENEFIT_EXHAUSTED", message: "Member 1 has no remaining benefit" }])],
        [{ code: "BENEFIT_EXHAUSTED", message: "Member 1 has no remaining benefit" }],
      ),
      "error",
      [[1, 100, 100, 0]],
      [],
      false,
    ],
  ])("%s", async (_, outcome, expectedOutcome, amounts, errors, paid) => {
    const response = plain(buildClaimResponse(claim, outcome, "USD"));
    await expectValidFhir(response);
    expect(response.outcome).toBe(expectedOutcome);
    expect(itemAmounts(response)).toEqual(amounts);
    expect((response.error ?? []).map((e) => `${e.itemSequence ?? "-"}:${e.code.coding?.[0]?.code}`)).toEqual(errors);
    expect(response.payment !== undefined).toBe(paid);
    const sum = (i: number) => amounts.reduce((s, a) => s + a[i]!, 0);
    expect(totals(response)).toEqual({
      submitted: sum(1),
      eligible: sum(2),
      benefit: outcome.approvedAmountCents / 100,
    });
  });

  it("writes money with two decimals and the claim's currency, and names the request", () => {
    const text = JSON.stringify(
      buildClaimResponse(claim, recorded("APPROVED", 13_557, [line(1, 13_557, 13_557, "APPROVED")]), "USD"),
    );
    expect(text).toContain('"amount":{"value":135.57,"currency":"USD"}');
    expect(text).toContain('{"value":135.57,"currency":"USD"}');
    expect(JSON.parse(text)).toMatchObject({
      request: { reference: "Claim/claim-1" },
      created: "2026-11-28T10:00:00.000Z",
      insurer: { reference: "Organization/2" },
    });
    const noCurrency = JSON.parse(
      JSON.stringify(buildClaimResponse(claim, recorded("APPROVED", 100, [line(1, 100, 100, "APPROVED")]), null)),
    );
    expect(noCurrency.total[0].amount).toEqual({ value: 1 });
  });
});

describe("operationOutcome", () => {
  it("reports each issue with its FHIRPath and the API's code", async () => {
    const outcome = operationOutcome([
      {
        severity: "error",
        code: "value",
        diagnostics: "bad amount",
        expression: [fhirPath("Claim", ["item", 0, "net", "value"])],
      },
      { severity: "error", code: "forbidden", diagnostics: "not yours", apiErrorCode: "FORBIDDEN" },
    ]);
    await expectValidFhir(outcome);
    expect(outcome.issue[0]!.expression).toEqual(["Claim.item[0].net.value"]);
    expect(outcome.issue[1]!.details).toEqual({
      coding: [{ system: expect.any(String), code: "FORBIDDEN" }],
      text: "not yours",
    });
  });

  it.each([
    [400, "invalid"],
    [401, "login"],
    [403, "forbidden"],
    [404, "not-found"],
    [405, "not-supported"],
    [409, "conflict"],
    [413, "too-long"],
    [415, "not-supported"],
    [422, "business-rule"],
    [429, "throttled"],
    [500, "exception"],
  ])("HTTP %i is issue type %s", (status, code) => {
    expect(issueTypeForStatus(status)).toBe(code);
  });
});

describe("capabilityStatement", () => {
  it("is a valid R4 CapabilityStatement naming Claim create/read and ClaimResponse read", async () => {
    const statement = capabilityStatement({
      baseUrl: "https://claims.example/api/v1/fhir",
      version: "1.2.3",
      date: "2026-11-28",
    });
    await expectValidFhir(statement);
    expect(statement.rest[0]!.resource.map((r) => [r.type, r.interaction.map((i) => i.code)])).toEqual([
      ["Claim", ["create", "read"]],
      ["ClaimResponse", ["read"]],
    ]);
  });
});
