import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { forgetReferenceData } from "../../src/claims/health/reference-cache";
import oral from "../fixtures/fhir/Claim-100150.json";
import oralMultiItem from "../fixtures/fhir/Claim-100151.json";
import oralContained from "../fixtures/fhir/Claim-100152.json";
import oralPreauthorization from "../fixtures/fhir/Claim-100153.json";
import oralByIdentifier from "../fixtures/fhir/Claim-100154.json";
import pharmacy from "../fixtures/fhir/Claim-760150.json";
import pharmacyRxNorm from "../fixtures/fhir/Claim-760151.json";
import professional from "../fixtures/fhir/Claim-860150.json";
import institutional from "../fixtures/fhir/Claim-960150.json";
import institutionalIcd10 from "../fixtures/fhir/Claim-MED-00050.json";
import { api } from "../helpers";

/** The official HL7 R4 example Claims, as published (test/fixtures/fhir/README.md). */
export const EXAMPLES = {
  oral,
  oralMultiItem,
  oralContained,
  oralPreauthorization,
  oralByIdentifier,
  institutional,
  institutionalIcd10,
  professional,
  pharmacy,
  pharmacyRxNorm,
} as const;

/** A response's JSON body, untyped (FHIR resources are checked against HL7's schema instead). */
export const json = async (response: Response): Promise<any> => response.json();

/** A deep copy to change a field of, leaving the published example alone. */
export const exampleCopy = <K extends keyof typeof EXAMPLES>(name: K): any => structuredClone(EXAMPLES[name]);

/** The codes the examples name, with prices that make their amounts ordinary (averages in currency units). */
const EXAMPLE_PROCEDURES: [string, string, number, number][] = [
  ["1200", "Periodic oral evaluation", 150, 50],
  ["21211", "Amalgam restoration", 120, 40],
  ["27211", "Crown, porcelain fused to metal", 1_200, 300],
  ["EXAM", "Examination", 100, 40],
  ["SMOKECESS", "Smoking cessation", 80, 30],
  ["62264", "Percutaneous lysis of epidural adhesions", 10_000, 3_000],
];
const EXAMPLE_DIAGNOSES = ["123456", "654456", "M961", "G894", "M5388", "M47816"];

/**
 * The parties and codes the examples name: providers "1" (Organization/1) and "HOSP12345", the
 * members the examples name (1, 12345 on a Coverage, 10138556 on a Coverage) — each member reset
 * to `remaining` with no earlier claims — and the diagnosis and procedure codes, except RxNorm 562721.
 */
export async function exampleReferenceData(
  options: { remaining?: number; members?: string[]; averageCost?: Record<string, number> } = {},
) {
  const now = new Date().toISOString();
  const remaining = Math.round((options.remaining ?? 50_000) * 100);
  const members = options.members ?? ["1", "12345", "10138556"];
  await env.DB.batch([
    ...["1", "HOSP12345"].map((id) =>
      env.DB.prepare(
        "INSERT OR REPLACE INTO providers (provider_id, name, status, updated_at) VALUES (?, ?, 'ACTIVE', ?)",
      ).bind(id, `Example provider ${id}`, now),
    ),
    ...members.flatMap((id) => [
      env.DB.prepare("DELETE FROM claims WHERE member_id = ?").bind(id),
      env.DB.prepare(
        "INSERT OR REPLACE INTO members (member_id, status, benefit_limit_cents, remaining_benefit_cents, last_deduction_cents, updated_at) VALUES (?, 'ACTIVE', ?, ?, 0, ?)",
      ).bind(id, Math.max(remaining, 1), remaining, now),
    ]),
    ...EXAMPLE_DIAGNOSES.map((code) =>
      env.DB.prepare(
        "INSERT OR REPLACE INTO diagnosis_codes (code, description, billable, updated_at) VALUES (?, ?, 1, ?)",
      ).bind(code, `Example diagnosis ${code}`, now),
    ),
    ...EXAMPLE_PROCEDURES.map(([code, description, average, stdDev]) =>
      env.DB.prepare(
        "INSERT OR REPLACE INTO procedure_codes (code, description, average_cost_cents, cost_std_dev_cents, updated_at) VALUES (?, ?, ?, ?, ?)",
      ).bind(code, description, Math.round((options.averageCost?.[code] ?? average) * 100), stdDev * 100, now),
    ),
    env.DB.prepare("DELETE FROM procedure_codes WHERE code = '562721'"),
  ]);
  forgetReferenceData();
}

export const postFhirClaim = (body: unknown, token: string, headers: Record<string, string> = {}) =>
  api("/api/v1/fhir/Claim", {
    method: "POST",
    token,
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/fhir+json", ...headers },
  });

/** Asserts a resource against HL7's official R4 JSON schema (run in Node behind the FHIR_SCHEMA binding). */
export async function expectValidFhir(resource: unknown): Promise<void> {
  const verdict = await (
    await env.FHIR_SCHEMA.fetch("http://fhir-schema/", { method: "POST", body: JSON.stringify(resource) })
  ).json<{ valid: boolean; errors: string[] }>();
  if (!verdict.valid)
    throw new Error(
      `not a valid FHIR R4 ${(resource as any)?.resourceType}: ${verdict.errors.slice(0, 10).join("; ")}\n${JSON.stringify(resource).slice(0, 2000)}`,
    );
}

/** The body of a FHIR response, checked to be FHIR JSON and valid against the official schema. */
export async function fhirBody<T = any>(response: Response, status: number, resourceType: string): Promise<T> {
  const body = await json(response);
  if (response.status !== status || body?.resourceType !== resourceType) {
    throw new Error(
      `expected ${status} ${resourceType}, got ${response.status} ${JSON.stringify(body).slice(0, 1500)}`,
    );
  }
  expect(response.headers.get("content-type")).toMatch(/^application\/fhir\+json/);
  await expectValidFhir(body);
  return body as T;
}

/** An OperationOutcome error response: the status, valid against the schema, at least one issue; returns it. */
export async function expectOutcome(response: Response, status: number, issueCode?: string) {
  const outcome = await fhirBody(response, status, "OperationOutcome");
  expect(outcome.issue.length).toBeGreaterThan(0);
  if (issueCode) expect(outcome.issue.map((i: any) => i.code)).toContain(issueCode);
  return outcome;
}

/** Each item's [sequence, submitted, eligible, benefit] from a ClaimResponse. */
export const itemAmounts = (response: any) =>
  response.item.map((item: any) => [
    item.itemSequence,
    ...["submitted", "eligible", "benefit"].map(
      (category) => item.adjudication.find((a: any) => a.category.coding[0].code === category).amount.value,
    ),
  ]);

export const totals = (response: any) =>
  Object.fromEntries(response.total.map((t: any) => [t.category.coding[0].code, t.amount.value]));
