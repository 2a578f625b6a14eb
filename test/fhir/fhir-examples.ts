import { env } from "cloudflare:workers";
import type { ClaimResponse } from "../../src/domain/fhir/claim-response";
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

type Json = Record<string, unknown>;

/** An example Claim as JSON to change freely: tests send what HL7 published, and variations of it. */
export type ExampleClaim = Json & { item: Json[]; diagnosis: Json[] };

/** A deep copy to change a field of, leaving the published example alone. */
export const exampleCopy = (name: keyof typeof EXAMPLES): ExampleClaim =>
  // Every example has items and diagnoses; the copy is plain JSON.
  structuredClone(EXAMPLES[name]) as unknown as ExampleClaim;

/** Asserts a resource against HL7's official R4 JSON schema (run in Node behind the FHIR_SCHEMA binding). */
export async function expectValidFhir(resource: unknown): Promise<void> {
  const verdict = await (
    await env.FHIR_SCHEMA.fetch("http://fhir-schema/", { method: "POST", body: JSON.stringify(resource) })
  ).json<{ valid: boolean; errors: string[] }>();
  if (!verdict.valid) {
    const resourceType = (resource as { resourceType?: string } | null)?.resourceType;
    throw new Error(
      `not a valid FHIR R4 ${resourceType}: ${verdict.errors.slice(0, 10).join("; ")}\n${JSON.stringify(resource).slice(0, 2000)}`,
    );
  }
}

type Category = "submitted" | "eligible" | "benefit";
const categoryOf = (entry: { category: { coding?: { code?: string }[] } }) => entry.category.coding?.[0]?.code;

/** One item's adjudication of a category (submitted, eligible, benefit). */
export function itemAdjudication(response: ClaimResponse, itemSequence: number, category: Category) {
  const found = response.item
    .find((item) => item.itemSequence === itemSequence)
    ?.adjudication.find((entry) => categoryOf(entry) === category);
  if (!found) throw new Error(`item ${itemSequence} has no ${category} adjudication`);
  return found;
}

/** Each item's [sequence, submitted, eligible, benefit] from a ClaimResponse. */
export const itemAmounts = (response: ClaimResponse): number[][] =>
  response.item.map((item) => [
    item.itemSequence,
    ...(["submitted", "eligible", "benefit"] as const).map(
      (category) => itemAdjudication(response, item.itemSequence, category).amount.value,
    ),
  ]);

export const totals = (response: ClaimResponse): Record<string, number> =>
  Object.fromEntries(response.total.map((total) => [categoryOf(total), total.amount.value]));

/** The reason codes of ClaimResponse.error entries or adjudication reasons. */
export const reasonCodes = (concepts: { code: { coding?: { code?: string }[] } }[] = []) =>
  concepts.map((concept) => concept.code.coding?.[0]?.code);
