import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { operationOutcomeSchema } from "../../src/routes/fhir/schemas";
import type { FhirResources } from "../fhir/fhir-resources";
import { validateFhirResource } from "../fhir/schema-validator";
import { healthClaimDetail } from "../routes/claims/claim-details";
import { adminToken, as, call, type HttpResult, registeredUser } from "./http";

const example = (file: string) =>
  JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../fixtures/fhir", `${file}.json`), "utf8"));
const FHIR = { "content-type": "application/fhir+json" };

/** A FHIR answer: the status, FHIR's media type, and valid against HL7's R4 JSON schema; typed as the code builds it. */
function expectFhir<K extends keyof FhirResources>(
  result: HttpResult,
  status: number,
  resourceType: K,
): FhirResources[K] {
  const body = result.body as { resourceType?: string } | undefined;
  expect({ status: result.status, resourceType: body?.resourceType }).toEqual({ status, resourceType });
  expect(result.headers.get("content-type")).toMatch(/^application\/fhir\+json/);
  const verdict = validateFhirResource(result.body);
  expect(verdict.errors).toEqual([]);
  return result.body as FhirResources[K];
}

/** An OperationOutcome refusal, valid R4 and as the FHIR routes declare it. */
const expectOutcome = (result: HttpResult, status: number) =>
  as({ ...result, body: expectFhir(result, status, "OperationOutcome") }, operationOutcomeSchema, status);

const errorCodes = (response: FhirResources["ClaimResponse"]) =>
  (response.error ?? []).map((e) => e.code.coding?.[0]?.code);

describe("a hospital information system speaking HL7 FHIR R4 (over HTTP against wrangler dev)", () => {
  it("posts the official example Claims and reads back ClaimResponses, every resource valid R4", async () => {
    const admin = await adminToken();
    const setup = async (path: string, body: unknown) => {
      const res = await call(path, { method: "POST", token: admin, body });
      expect([201, 409]).toContain(res.status);
    };
    await setup("/api/v1/providers", { provider_id: "1", name: "Happy Valley Dental" });
    await setup("/api/v1/members", { member_id: "1", benefit_limit: 1200 });
    for (const code of ["123456", "654456"])
      await setup("/api/v1/codes/diagnoses", { code, description: `Example diagnosis ${code}` });
    for (const [code, average, stdDev] of [
      ["1200", 150, 50],
      ["21211", 120, 40],
      ["27211", 1200, 300],
    ] as const) {
      await setup("/api/v1/codes/procedures", {
        code,
        description: `Example procedure ${code}`,
        average_cost: average,
        cost_std_dev: stdDev,
      });
    }
    const hospital = await registeredUser(admin, "provider", { provider_id: "1" });

    const metadata = expectFhir(await call("/api/v1/fhir/metadata"), 200, "CapabilityStatement");
    expect(metadata.fhirVersion).toBe("4.0.1");

    const oral = expectFhir(
      await call("/api/v1/fhir/Claim", {
        method: "POST",
        token: hospital,
        headers: FHIR,
        body: example("Claim-100150"),
      }),
      201,
      "ClaimResponse",
    );
    expect(oral).toMatchObject({ outcome: "complete", payment: { amount: { value: 135.57, currency: "USD" } } });

    const multi = expectFhir(
      await call("/api/v1/fhir/Claim", {
        method: "POST",
        token: hospital,
        headers: { ...FHIR, "idempotency-key": "e2e-fhir-100151" },
        body: example("Claim-100151"),
      }),
      201,
      "ClaimResponse",
    );
    expect(multi.outcome).toBe("partial");
    expect(multi.total.find((t) => t.category.coding?.[0]?.code === "benefit")?.amount.value).toBe(1064.43);
    const replay = await call("/api/v1/fhir/Claim", {
      method: "POST",
      token: hospital,
      headers: { ...FHIR, "idempotency-key": "e2e-fhir-100151" },
      body: example("Claim-100151"),
    });
    expect(expectFhir(replay, 201, "ClaimResponse").id).toBe(multi.id);

    const unknownMember = expectFhir(
      await call("/api/v1/fhir/Claim", { method: "POST", token: admin, headers: FHIR, body: example("Claim-100154") }),
      201,
      "ClaimResponse",
    );
    expect(unknownMember.outcome).toBe("error");
    expect(errorCodes(unknownMember)).toContain("MEMBER_NOT_FOUND");

    const unknownProcedure = expectFhir(
      await call("/api/v1/fhir/Claim", {
        method: "POST",
        token: hospital,
        headers: FHIR,
        body: example("Claim-760151"),
      }),
      201,
      "ClaimResponse",
    );
    expect(unknownProcedure.error).toEqual([expect.objectContaining({ itemSequence: 1 })]);
    expect(errorCodes(unknownProcedure)).toEqual(["PROCEDURE_UNKNOWN"]);

    expectFhir(await call(`/api/v1/fhir/Claim/${multi.id}`, { token: hospital }), 200, "Claim");
    expect(
      expectFhir(await call(`/api/v1/fhir/ClaimResponse/${multi.id}`, { token: hospital }), 200, "ClaimResponse"),
    ).toEqual(multi);

    const listed = as(await call(`/api/v1/claims/${multi.id}`, { token: hospital }), healthClaimDetail);
    expect(listed).toMatchObject({ channel: "health", status: "PARTIAL", approved_amount: 1064.43 });
    expect(listed.lines).toHaveLength(3);

    const invalid = expectOutcome(
      await call("/api/v1/fhir/Claim", {
        method: "POST",
        token: hospital,
        headers: FHIR,
        body: { ...example("Claim-100150"), status: "approved" },
      }),
      400,
    );
    expect(invalid.issue[0]?.expression).toEqual(["Claim.status"]);
    expectFhir(
      await call("/api/v1/fhir/Claim", {
        method: "POST",
        token: hospital,
        headers: FHIR,
        body: example("Claim-100153"),
      }),
      422,
      "OperationOutcome",
    );
    expectFhir(
      await call("/api/v1/fhir/Claim", { method: "POST", headers: FHIR, body: example("Claim-100150") }),
      401,
      "OperationOutcome",
    );
    expectOutcome(await call("/api/v1/fhir/ClaimResponse/not-a-claim", { token: hospital }), 404);
    expectFhir(
      await call("/api/v1/fhir/Claim", { method: "POST", token: hospital, headers: FHIR, body: '{"resourceType":' }),
      400,
      "OperationOutcome",
    );
  });
});
