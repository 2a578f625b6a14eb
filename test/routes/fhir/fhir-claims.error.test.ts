import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EXAMPLES, type ExampleClaim, exampleCopy, reasonCodes } from "../../fhir/fhir-examples";
import { api, createUser, expectError, type TestUser } from "../../helpers";
import { remainingBenefitCents } from "../claims/health-fixtures";
import { exampleReferenceData, expectOutcome, expressions, fhirBody, postFhirClaim } from "./fhir-fixtures";

let hospital: TestUser;

beforeAll(async () => {
  hospital = await createUser("provider", { providerId: "1" });
});

beforeEach(() => exampleReferenceData({ remaining: 50_000 }));

const claimsOfMember = async () =>
  (await env.DB.prepare("SELECT count(*) AS n FROM claims WHERE member_id = '1'").first<{ n: number }>())!.n;

describe("POST /api/v1/fhir/Claim refuses what is not a valid R4 Claim with a 400 OperationOutcome", () => {
  it.each<[string, (claim: ExampleClaim) => unknown, string[]]>([
    ["another resource type", (c) => ({ ...c, resourceType: "Patient" }), ["Claim.resourceType"]],
    ["no patient", (c) => ({ ...c, patient: undefined }), ["Claim.patient"]],
    ["a status outside R4's codes", (c) => ({ ...c, status: "approved" }), ["Claim.status"]],
    ["a created date that is not a dateTime", (c) => ({ ...c, created: "16/08/2014" }), ["Claim.created"]],
    [
      "an amount given as a string",
      (c) => ({ ...c, item: [{ ...c.item[0], net: { value: "135.57", currency: "USD" } }] }),
      ["Claim.item[0].net.value"],
    ],
    [
      "a currency that is not ISO 4217",
      (c) => ({ ...c, item: [{ ...c.item[0], net: { value: 10, currency: "dollars" } }] }),
      ["Claim.item[0].net.currency"],
    ],
    ["an item sequence of 0", (c) => ({ ...c, item: [{ ...c.item[0], sequence: 0 }] }), ["Claim.item[0].sequence"]],
    [
      "an item without productOrService",
      (c) => ({ ...c, item: [{ ...c.item[0], productOrService: undefined }] }),
      ["Claim.item[0].productOrService"],
    ],
    ["an empty item array", (c) => ({ ...c, item: [] }), ["Claim.item"]],
    ["a null where an element should be", (c) => ({ ...c, provider: null }), ["Claim.provider"]],
    [
      "a diagnosis with both a code and a reference",
      (c) => ({ ...c, diagnosis: [{ ...c.diagnosis[0], diagnosisReference: { reference: "Condition/1" } }] }),
      ["Claim.diagnosis[0]"],
    ],
    ["several problems at once", (c) => ({ ...c, status: "approved", use: "bill" }), ["Claim.status", "Claim.use"]],
  ])("%s", async (_, change, expected) => {
    const body = JSON.parse(JSON.stringify(change(exampleCopy("oral"))));
    const outcome = await expectOutcome(await postFhirClaim(body, hospital.token), 400);
    expect(expressions(outcome)).toEqual(expect.arrayContaining(expected));
    expect(outcome.issue.every((i) => i.severity === "error" && i.diagnostics)).toBe(true);
    expect(outcome.issue[0]?.details?.coding[0]?.code).toBe("VALIDATION_ERROR");
    expect(await claimsOfMember()).toBe(0);
  });

  it.each([
    ["malformed JSON", '{"resourceType": "Claim", ', "application/fhir+json", 400],
    ["a JSON array", "[]", "application/fhir+json", 400],
    ["JSON null", "null", "application/fhir+json", 400],
    ["XML", "<Claim xmlns='http://hl7.org/fhir'/>", "application/fhir+xml", 415],
    ["form data", "resourceType=Claim", "application/x-www-form-urlencoded", 415],
  ])("refuses %s", async (_, body, contentType, status) => {
    await expectOutcome(await postFhirClaim(body, hospital.token, { "content-type": contentType }), status);
  });

  it("refuses a body over the size limit as an OperationOutcome", async () => {
    const huge = {
      ...exampleCopy("oral"),
      text: { status: "generated", div: `<div xmlns="http://www.w3.org/1999/xhtml">${"x".repeat(1_100_000)}</div>` },
    };
    await expectOutcome(await postFhirClaim(huge, hospital.token), 413, "too-long");
  });
});

describe("POST /api/v1/fhir/Claim refuses a valid Claim it cannot adjudicate with a 422 OperationOutcome", () => {
  it.each<[string, (claim: ExampleClaim) => unknown, string, string]>([
    ["the official preauthorization example", () => EXAMPLES.oralPreauthorization, "Claim.use", "not-supported"],
    ["a draft claim", (c) => ({ ...c, status: "draft" }), "Claim.status", "business-rule"],
    [
      "a modifier extension",
      (c) => ({
        ...c,
        modifierExtension: [{ url: "http://example.org/fhir/StructureDefinition/void", valueBoolean: true }],
      }),
      "Claim.modifierExtension",
      "not-supported",
    ],
    [
      "a Practitioner as provider",
      (c) => ({ ...c, provider: { reference: "Practitioner/example" } }),
      "Claim.provider",
      "business-rule",
    ],
    [
      "a patient known only by a reference to another server's Group",
      (c) => ({ ...c, patient: { reference: "Group/7" } }),
      "Claim.patient",
      "business-rule",
    ],
    ["no diagnosis", (c) => ({ ...c, diagnosis: undefined }), "Claim.diagnosis", "business-rule"],
    [
      "a diagnosis coded only in SNOMED CT",
      (c) => ({
        ...c,
        diagnosis: [
          {
            sequence: 1,
            diagnosisCodeableConcept: { coding: [{ system: "http://snomed.info/sct", code: "80146002" }] },
          },
        ],
      }),
      "Claim.diagnosis[0].diagnosisCodeableConcept",
      "not-supported",
    ],
    [
      "a diagnosis given as a Condition reference",
      (c) => ({ ...c, diagnosis: [{ sequence: 1, diagnosisReference: { reference: "Condition/1" } }] }),
      "Claim.diagnosis[0].diagnosisReference",
      "not-supported",
    ],
    ["no item", (c) => ({ ...c, item: undefined }), "Claim.item", "business-rule"],
    [
      "an item without an amount",
      (c) => ({ ...c, item: [{ ...c.item[0], net: undefined, unitPrice: undefined }] }),
      "Claim.item[0]",
      "business-rule",
    ],
    [
      "an amount with three decimals",
      (c) => ({ ...c, item: [{ ...c.item[0], net: { value: 135.575, currency: "USD" } }] }),
      "Claim.item[0].net.value",
      "business-rule",
    ],
    [
      "a negative amount",
      (c) => ({ ...c, item: [{ ...c.item[0], net: { value: -5, currency: "USD" } }] }),
      "Claim.item[0].net",
      "business-rule",
    ],
    [
      "a service in the future",
      (c) => ({ ...c, item: [{ ...c.item[0], servicedDate: "2999-01-01" }] }),
      "Claim.item[0].servicedDate",
      "business-rule",
    ],
    [
      "a service before 1900",
      (c) => ({ ...c, item: [{ ...c.item[0], servicedDate: "0001-01-01" }] }),
      "Claim.item[0].servicedDate",
      "business-rule",
    ],
    [
      "a service date of a month only",
      (c) => ({ ...c, item: [{ ...c.item[0], servicedDate: "2014-08" }] }),
      "Claim.item[0].servicedDate",
      "business-rule",
    ],
    [
      "two items with one sequence",
      (c) => ({ ...c, item: [c.item[0], c.item[0]] }),
      "Claim.item[1].sequence",
      "business-rule",
    ],
    [
      "an item linked to a missing diagnosis",
      (c) => ({ ...c, item: [{ ...c.item[0], diagnosisSequence: [9] }] }),
      "Claim.item[0].diagnosisSequence",
      "business-rule",
    ],
    [
      "two currencies",
      (c) => ({
        ...c,
        item: [c.item[0], { ...c.item[0], sequence: 2, net: { value: 5, currency: "EUR" }, unitPrice: undefined }],
      }),
      "Claim.item",
      "business-rule",
    ],
    [
      "a total that is not the sum of the items",
      (c) => ({ ...c, total: { value: 999, currency: "USD" } }),
      "Claim.total",
      "business-rule",
    ],
    [
      "too many items",
      (c) => ({ ...c, item: Array.from({ length: 101 }, (_, i) => ({ ...c.item[0], sequence: i + 1 })) }),
      "Claim.item",
      "business-rule",
    ],
    [
      "too many diagnoses",
      (c) => ({
        ...c,
        diagnosis: Array.from({ length: 26 }, (_, i) => ({
          sequence: i + 1,
          diagnosisCodeableConcept: { coding: [{ code: `D${i}` }] },
        })),
      }),
      "Claim.diagnosis",
      "business-rule",
    ],
    [
      "a procedure code longer than any code set's",
      (c) => ({ ...c, item: [{ ...c.item[0], productOrService: { coding: [{ code: "X".repeat(200) }] } }] }),
      "Claim.item[0].productOrService",
      "business-rule",
    ],
    [
      "a diagnosis code longer than any code set's",
      (c) => ({
        ...c,
        diagnosis: [{ sequence: 1, diagnosisCodeableConcept: { coding: [{ code: "A".repeat(200) }] } }],
      }),
      "Claim.diagnosis[0].diagnosisCodeableConcept",
      "business-rule",
    ],
  ])("%s", async (_, change, expression, code) => {
    const outcome = await expectOutcome(await postFhirClaim(change(exampleCopy("oral")), hospital.token), 422, code);
    expect(expressions(outcome)).toContain(expression);
    expect(outcome.issue[0]?.details?.coding[0]?.code).toBe("UNPROCESSABLE_CLAIM");
    expect(await claimsOfMember()).toBe(0);
    expect(await remainingBenefitCents("1")).toBe(5_000_000);
  });
});

describe("FHIR conventions on errors", () => {
  it("answers an unknown FHIR path with a 404 OperationOutcome and a wrong method with 405", async () => {
    await expectOutcome(await api("/api/v1/fhir/Patient/1", { token: hospital.token }), 404, "not-found");
    const res = await api("/api/v1/fhir/Claim", { method: "DELETE", token: hospital.token });
    expect(res.headers.get("allow")).toContain("POST");
    await expectOutcome(res, 405, "not-supported");
    await expectOutcome(
      await api("/api/v1/fhir/ClaimResponse/no-such-claim", { token: hospital.token }),
      404,
      "not-found",
    );
  });

  it("refuses a reused Idempotency-Key with another body as a 409 OperationOutcome", async () => {
    const key = { "idempotency-key": `fhir-${crypto.randomUUID()}` };
    expect((await postFhirClaim(EXAMPLES.oral, hospital.token, key)).status).toBe(201);
    await expectOutcome(await postFhirClaim(EXAMPLES.professional, hospital.token, key), 409, "conflict");
    expect(await claimsOfMember()).toBe(1);
  });

  it("adjudicates the largest claim it accepts (100 items, 25 diagnoses, every code distinct) without failing", async () => {
    const claim = exampleCopy("oral");
    claim.diagnosis = Array.from({ length: 25 }, (_, i) => ({
      sequence: i + 1,
      diagnosisCodeableConcept: { coding: [{ code: i === 0 ? "123456" : `Z${i}X` }] },
    }));
    claim.item = Array.from({ length: 100 }, (_, i) => ({
      sequence: i + 1,
      productOrService: { coding: [{ code: `PX${i}` }] },
      servicedDate: "2014-08-16",
      net: { value: 10 + i },
    }));
    const response = await fhirBody(await postFhirClaim(claim, hospital.token), 201, "ClaimResponse");
    expect(response.outcome).toBe("error");
    expect(response.item).toHaveLength(100);
    const errors = reasonCodes(response.error);
    expect(errors.filter((code) => code === "DIAGNOSIS_UNKNOWN")).toHaveLength(24);
    expect(errors.filter((code) => code === "PROCEDURE_UNKNOWN")).toHaveLength(100);
  });

  it("keeps the API's own error shape everywhere else", async () => {
    await expectError(await api("/api/v1/claims/nope", { token: hospital.token }), 404, "CLAIM_NOT_FOUND");
    await expectError(await api("/api/v1/fhirish", { token: hospital.token }), 404, "NOT_FOUND");
  });
});
