import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { forgetReferenceData } from "../../../src/claims/health/reference-cache";
import { REQUEST_ID_EXTENSION } from "../../../src/domain/fhir/code-systems";
import { type OperationOutcomeBody, operationOutcomeSchema } from "../../../src/routes/fhir/schemas";
import { expectValidFhir } from "../../fhir/fhir-examples";
import type { FhirResources } from "../../fhir/fhir-resources";
import { api } from "../../helpers";
import { checkedBody } from "../../typed-response";

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

/**
 * A FHIR answer, the FHIR routes' readAs: the status, FHIR's media type and the resource type, and
 * valid against HL7's official R4 JSON schema (stricter than the route's declared summary schema).
 */
export async function fhirBody<K extends keyof FhirResources>(
  response: Response,
  status: number,
  resourceType: K,
): Promise<FhirResources[K]> {
  const body: unknown = await response.json();
  const actualType = (body as { resourceType?: unknown } | null)?.resourceType;
  if (response.status !== status || actualType !== resourceType) {
    throw new Error(
      `expected ${status} ${resourceType}, got ${response.status} ${JSON.stringify(body).slice(0, 1500)}`,
    );
  }
  expect(response.headers.get("content-type")).toMatch(/^application\/fhir\+json/);
  await expectValidFhir(body);
  // Checked against HL7's schema above; typed by the code that builds it.
  return body as FhirResources[K];
}

/** An OperationOutcome error: the status, valid R4 and as the routes declare it, the request id, the issue type. */
export async function expectOutcome(response: Response, status: number, issueType?: string) {
  const requestId = response.headers.get("x-request-id");
  const outcome = checkedBody(
    await fhirBody(response, status, "OperationOutcome"),
    status,
    operationOutcomeSchema,
    status,
  );
  expect(outcome.extension).toEqual([{ url: REQUEST_ID_EXTENSION, valueString: requestId }]);
  if (issueType) expect(outcome.issue.map((issue) => issue.code)).toContain(issueType);
  return outcome;
}

/** The FHIRPath expressions an OperationOutcome names. */
export const expressions = (outcome: OperationOutcomeBody) => outcome.issue.flatMap((issue) => issue.expression ?? []);
