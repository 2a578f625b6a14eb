import { parseCsv } from "../csv";

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

export interface PolicyRecord {
  policyNumber: string;
  attributes: Record<string, string>;
}

export const normalizePolicyNumber = (value: string): string => value.trim().toUpperCase().replace(/\s+/g, "");

/** Policies from a CSV with a policy_number column; other known columns are kept, the rest dropped. */
export function parsePolicyCsv(text: string): {
  policies: PolicyRecord[];
  problems: { line: number; message: string }[];
} {
  const [header, ...rows] = parseCsv(text);
  const columns = (header ?? []).map((h) => h.trim().toLowerCase());
  const numberAt = columns.indexOf("policy_number");
  if (numberAt < 0) return { policies: [], problems: [{ line: 1, message: "missing column: policy_number" }] };
  const kept = columns
    .map((name, i) => ({ name, i }))
    .filter(({ name }) => (POLICY_COLUMNS as readonly string[]).includes(name) && name !== "policy_number");
  const policies: PolicyRecord[] = [];
  const problems: { line: number; message: string }[] = [];
  const seen = new Set<string>();
  for (const [index, row] of rows.entries()) {
    const policyNumber = normalizePolicyNumber(row[numberAt] ?? "");
    if (!/^[A-Z0-9-]{3,40}$/.test(policyNumber)) {
      problems.push({ line: index + 2, message: `invalid policy_number '${row[numberAt] ?? ""}'` });
      continue;
    }
    if (seen.has(policyNumber)) continue;
    seen.add(policyNumber);
    const attributes: Record<string, string> = {};
    for (const { name, i } of kept) {
      const value = row[i]?.trim();
      if (value !== undefined && value !== "" && value !== "?") attributes[name] = value;
    }
    policies.push({ policyNumber, attributes });
  }
  return { policies, problems };
}
