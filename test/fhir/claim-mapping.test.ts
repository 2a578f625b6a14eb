import { describe, expect, it } from "vitest";
import { type MappedHealthClaim, mapFhirClaim } from "../../src/domain/fhir/claim-mapping";
import { referencedId } from "../../src/domain/fhir/claim-parties";
import { type FhirClaim, fhirClaimSchema } from "../../src/domain/fhir/claim-resource";
import { EXAMPLES, exampleCopy } from "./fhir-examples";

const TODAY = "2026-11-28";

const parse = (resource: unknown): FhirClaim => fhirClaimSchema.parse(resource);
const mapped = (resource: unknown): MappedHealthClaim => {
  const result = mapFhirClaim(parse(resource), TODAY);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.claim;
};

describe("every official R4 example Claim parses against the Claim subset schema", () => {
  it.each(Object.entries(EXAMPLES))("%s", (_, example) => {
    expect(fhirClaimSchema.safeParse(example).success).toBe(true);
  });
});

describe("mapFhirClaim: the official examples", () => {
  it.each<[keyof typeof EXAMPLES, Partial<MappedHealthClaim>, [number, string, number, string, string[]][]]>([
    [
      "oral",
      { memberId: "1", providerId: "1", diagnosisCodes: ["123456"], currency: "USD" },
      [[1, "1200", 13_557, "2014-08-16", ["123456"]]],
    ],
    [
      "oralMultiItem",
      { memberId: "1", providerId: "1" },
      [
        [1, "1200", 13_557, "2014-08-16", ["123456"]],
        [2, "21211", 10_500, "2014-08-16", ["123456"]],
        [3, "27211", 110_000, "2014-08-16", ["123456"]],
      ],
    ],
    ["oralContained", { memberId: "12345", providerId: "3456" }, [[1, "1200", 13_557, "2014-08-16", ["123456"]]]],
    [
      "oralByIdentifier",
      { memberId: "123AB345", providerId: "HOSP12345" },
      [[1, "1200", 13_557, "2014-08-16", ["123456"]]],
    ],
    [
      "institutional",
      { memberId: "1", providerId: "1", diagnosisCodes: ["654456"] },
      [[1, "EXAM", 12_500, "2014-08-16", ["654456"]]],
    ],
    ["pharmacyRxNorm", { memberId: "1" }, [[1, "562721", 9_000, "2014-08-16", ["654456"]]]],
    [
      "institutionalIcd10",
      { memberId: "10138556", providerId: "1", diagnosisCodes: ["M961", "G894", "M5388", "M47816"] },
      [[1, "62264", 1_250_000, "2015-10-13", ["G894", "M47816"]]],
    ],
  ])("%s", (name, claim, lines) => {
    const result = mapped(EXAMPLES[name]);
    expect(result).toMatchObject(claim);
    expect(
      result.lines.map((l) => [l.sequence, l.procedureCode, l.amountCents, l.serviceDate, l.diagnosisCodes]),
    ).toEqual(lines);
  });
});

describe("mapFhirClaim: who the member and provider are", () => {
  const withPatient = (patient: unknown, extra: Record<string, unknown> = {}) => ({
    ...exampleCopy("oral"),
    patient,
    ...extra,
  });
  it.each<[string, unknown, Record<string, unknown>, string]>([
    ["a relative reference", { reference: "Patient/M-77" }, {}, "M-77"],
    [
      "an absolute reference with a version",
      { reference: "https://his.example.org/fhir/Patient/M-77/_history/3" },
      {},
      "M-77",
    ],
    ["an identifier", { identifier: { system: "urn:oid:1.2.3", value: "INS-9" } }, {}, "INS-9"],
    [
      "a contained Patient's member number before its record number",
      { reference: "#p" },
      {
        contained: [
          {
            resourceType: "Patient",
            id: "p",
            identifier: [
              {
                type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0203", code: "MR" }] },
                value: "MRN-1",
              },
              {
                type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0203", code: "MB" }] },
                value: "MB-2",
              },
            ],
          },
        ],
      },
      "MB-2",
    ],
    [
      "a contained Patient's only identifier",
      { reference: "#p" },
      { contained: [{ resourceType: "Patient", id: "p", identifier: [{ value: "ONLY-1" }] }] },
      "ONLY-1",
    ],
    [
      "the subscriber id on the focal contained Coverage",
      { reference: "#p" },
      {
        contained: [
          { resourceType: "Patient", id: "p" },
          { resourceType: "Coverage", id: "c", subscriberId: "SUB-5" },
        ],
        insurance: [{ sequence: 1, focal: true, coverage: { reference: "#c" } }],
      },
      "SUB-5",
    ],
  ])("member from %s", (_, patient, extra, memberId) => {
    expect(mapped(withPatient(patient, extra)).memberId).toBe(memberId);
  });

  it.each<[string, unknown, Record<string, unknown>, string]>([
    ["a reference", { reference: "Organization/H456" }, {}, "H456"],
    ["an identifier", { identifier: { system: "http://npid.org/providerid", value: "NJ12345" } }, {}, "NJ12345"],
    [
      "a contained Organization",
      { reference: "#o" },
      { contained: [{ resourceType: "Organization", id: "o", identifier: [{ value: "H9" }] }] },
      "H9",
    ],
  ])("provider from %s", (_, provider, extra, providerId) => {
    expect(mapped({ ...exampleCopy("oral"), provider, ...extra }).providerId).toBe(providerId);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["a Practitioner provider", { provider: { reference: "Practitioner/example" } }, "Claim.provider"],
    ["a contained Patient with nothing to go by", { patient: { reference: "#nobody" } }, "Claim.patient"],
    ["a member id longer than any member's", { patient: { identifier: { value: "X".repeat(65) } } }, "Claim.patient"],
  ])("refuses %s", (_, change, expression) => {
    const result = mapFhirClaim(parse({ ...exampleCopy("oral"), ...change }), TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.flatMap((i) => i.expression)).toContain(expression);
  });

  it("reads literal references only for the type asked", () => {
    expect(referencedId("Patient/1", "Patient")).toBe("1");
    expect(referencedId("Practitioner/1", "Patient")).toBeNull();
    expect(referencedId("NotPatient/1", "Patient")).toBeNull();
    expect(referencedId("Patient/a b", "Patient")).toBeNull();
  });
});

describe("mapFhirClaim: amounts, dates and codes of an item", () => {
  const withItem = (item: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
    const claim = exampleCopy("oral");
    const { net: _, unitPrice: __, ...rest } = claim.item[0]!;
    return { ...claim, item: [{ ...rest, ...item }], ...extra };
  };
  it.each<[string, Record<string, unknown>, Record<string, unknown>, number, string]>([
    ["net", { net: { value: 99.99 } }, {}, 9_999, "2014-08-16"],
    [
      "unitPrice × quantity × factor",
      { unitPrice: { value: 12.5 }, quantity: { value: 3 }, factor: 0.8 },
      {},
      3_000,
      "2014-08-16",
    ],
    ["unitPrice alone", { unitPrice: { value: 40 } }, {}, 4_000, "2014-08-16"],
    ["net over unitPrice", { net: { value: 10 }, unitPrice: { value: 11 } }, {}, 1_000, "2014-08-16"],
    [
      "the start of a service period",
      { net: { value: 1 }, servicedDate: undefined, servicedPeriod: { start: "2014-08-10T09:00:00Z" } },
      {},
      100,
      "2014-08-10",
    ],
    [
      "the billable period when the item has no date",
      { net: { value: 1 }, servicedDate: undefined },
      { billablePeriod: { start: "2014-07-01" } },
      100,
      "2014-07-01",
    ],
    [
      "the day the claim was created, last",
      { net: { value: 1 }, servicedDate: undefined },
      { created: "2014-06-30T23:00:00+02:00" },
      100,
      "2014-06-30",
    ],
    [
      "tomorrow in UTC, for a hospital east of Greenwich",
      { net: { value: 1 }, servicedDate: "2026-11-29" },
      {},
      100,
      "2026-11-29",
    ],
  ])("%s", (_, item, extra, cents, date) => {
    const [line] = mapped(withItem(item, extra)).lines;
    expect([line!.amountCents, line!.serviceDate]).toEqual([cents, date]);
  });

  it.each<[string, unknown[], string]>([
    [
      "a CPT coding over a local one",
      [
        { system: "http://hospital.example/codes", code: "X-1" },
        { system: "http://www.ama-assn.org/go/cpt", code: "99213" },
      ],
      "99213",
    ],
    [
      "the first coded one otherwise",
      [{ display: "no code" }, { system: "http://hospital.example/codes", code: "lab.12" }],
      "LAB12",
    ],
  ])("procedure: %s", (_, coding, code) => {
    expect(mapped(withItem({ net: { value: 1 }, productOrService: { coding } })).lines[0]!.procedureCode).toBe(code);
  });

  it.each<[string, unknown[], string]>([
    [
      "an ICD-10-CM coding over a SNOMED one",
      [
        { system: "http://snomed.info/sct", code: "74400008" },
        { system: "http://hl7.org/fhir/sid/icd-10-cm", code: "K35.80" },
      ],
      "K3580",
    ],
    ["a coding without a system", [{ code: "d001" }], "D001"],
  ])("diagnosis: %s", (_, coding, code) => {
    expect(
      mapped({ ...exampleCopy("oral"), diagnosis: [{ sequence: 1, diagnosisCodeableConcept: { coding } }] })
        .diagnosisCodes,
    ).toEqual([code]);
  });

  it("orders lines by sequence whatever the order sent, and reports every problem at once", () => {
    const claim = exampleCopy("oralMultiItem");
    claim.item.reverse();
    expect(mapped(claim).lines.map((l) => l.sequence)).toEqual([1, 2, 3]);

    const broken = { ...exampleCopy("oral"), use: "predetermination", status: "cancelled", diagnosis: undefined };
    const result = mapFhirClaim(parse(broken), TODAY);
    expect(result.ok ? [] : result.issues.map((i) => [i.expression?.[0], i.code])).toEqual([
      ["Claim.use", "not-supported"],
      ["Claim.status", "business-rule"],
      ["Claim.diagnosis", "business-rule"],
    ]);
  });
});
