import { z } from "zod";
import { parseCsvRows } from "../csv";
import { insuranceClaimInputSchema } from "./fraud/score-input";
import { printableLine } from "./input-rules";
import { csvNumber, IMPORT_CSV_LIMITS, type RowProblem, validateRows } from "./reference/csv-rows";

/** The insurance_claims columns that describe the policy and the insured (not the incident). */
export const POLICY_COLUMNS = [
  "policy_number",
  "policy_bind_date",
  "policy_state",
  "policy_csl",
  "policy_deductable",
  "policy_annual_premium",
  "umbrella_limit",
  "months_as_customer",
  "age",
  "insured_zip",
  "insured_sex",
  "insured_education_level",
  "insured_occupation",
  "insured_hobbies",
  "insured_relationship",
  "capital-gains",
  "capital-loss",
  "auto_make",
  "auto_model",
  "auto_year",
] as const;

/** The policy columns that are numbers (the others are text, the bind date a date). */
const NUMERIC_COLUMNS = new Set<string>([
  "policy_deductable",
  "policy_annual_premium",
  "umbrella_limit",
  "months_as_customer",
  "age",
  "capital-gains",
  "capital-loss",
  "auto_year",
]);

export interface PolicyRecord {
  policyNumber: string;
  attributes: Record<string, string>;
}

export const normalizePolicyNumber = (value: string): string => value.trim().toUpperCase().replace(/\s+/g, "");

export const policyNumberSchema = z
  .string()
  .transform(normalizePolicyNumber)
  .pipe(z.string().regex(/^[A-Z0-9-]{3,40}$/, "must be 3-40 letters, digits or '-'"));

/**
 * A policy row: the facts it feeds fraud scoring are checked with POST /fraud/score's own rules
 * (no NaN, no negative premium or limit, real dates, ages and years in range), the rest as printable text.
 */
export const policyRecordSchema = insuranceClaimInputSchema
  .pick({
    policy_bind_date: true,
    policy_state: true,
    policy_csl: true,
    policy_deductable: true,
    policy_annual_premium: true,
    umbrella_limit: true,
    months_as_customer: true,
    age: true,
    insured_sex: true,
    insured_education_level: true,
    insured_occupation: true,
    insured_hobbies: true,
    insured_relationship: true,
    "capital-gains": true,
    "capital-loss": true,
    auto_make: true,
    auto_year: true,
  })
  .extend({
    policy_number: policyNumberSchema,
    insured_zip: printableLine(1, 20).nullish(),
    auto_model: printableLine(1, 100).nullish(),
  });

/** "" and "?" (the data set's missing value) are absent. */
const present = (text: string | undefined): string | undefined =>
  text === undefined || text === "" || text === "?" ? undefined : text;

/**
 * Policies from a CSV with a policy_number column; other known columns are kept, the rest dropped.
 * Every row is checked (problems by line); a policy number given twice is a problem on its second line.
 */
export function parsePolicyCsv(text: string): { policies: PolicyRecord[]; problems: RowProblem[] } {
  const [header, ...rows] = parseCsvRows(text, IMPORT_CSV_LIMITS);
  const columns = (header?.fields ?? []).map((h) => h.trim().toLowerCase());
  if (!columns.includes("policy_number"))
    return { policies: [], problems: [{ line: 1, message: "missing column: policy_number" }] };
  const kept = columns
    .map((name, i) => ({ name, i }))
    .filter(({ name }) => (POLICY_COLUMNS as readonly string[]).includes(name));
  const candidates = rows.map(({ line, fields }) => {
    const text: Record<string, string> = {};
    const candidate: Record<string, unknown> = {};
    for (const { name, i } of kept) {
      const value = present(fields[i]?.trim());
      if (value === undefined) continue;
      text[name] = value;
      candidate[name] = NUMERIC_COLUMNS.has(name) ? csvNumber(value) : value;
    }
    candidate.policy_number ??= "";
    return { line, candidate, text };
  });
  const { entries, problems } = validateRows(candidates, policyRecordSchema, (valid, row) => ({
    policyNumber: valid.policy_number,
    line: row.line,
    text: row.text,
  }));
  const policies: PolicyRecord[] = [];
  const firstLine = new Map<string, number>();
  for (const { policyNumber, line, text } of entries) {
    const seen = firstLine.get(policyNumber);
    if (seen !== undefined) {
      problems.push({ line, field: "policy_number", message: `policy ${policyNumber} is already on line ${seen}` });
      continue;
    }
    firstLine.set(policyNumber, line);
    const { policy_number: _number, ...attributes } = text;
    policies.push({ policyNumber, attributes });
  }
  problems.sort((a, b) => a.line - b.line);
  return { policies, problems };
}
