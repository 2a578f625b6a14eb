import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parsePolicyCsv } from "../../src/domain/policies";
import { parseDiagnosisCsv, parseProcedureCsv } from "../../src/domain/reference/code-sets";
import { DIAGNOSIS_UPSERT, PROCEDURE_UPSERT, upsertCodesSql } from "../../src/reference/code-store";
import { upsertPolicies } from "../../src/reference/policy-store";

export const SHARED_DATA = process.env.CLAIMSEDGE_DATA ?? "../shared/data";

const POLICIES_FILE = `${SHARED_DATA}/insurance_claims/insurance_claims.csv`;

/** Loads the insurance_claims policies (policy and insured columns) that document claims join to. */
export async function importSharedPolicies(db: D1Database): Promise<void> {
  if (!existsSync(POLICIES_FILE)) return;
  const { policies, problems } = parsePolicyCsv(readFileSync(POLICIES_FILE, "utf8"));
  await upsertPolicies(db, policies, new Date().toISOString());
  // The API refuses such a file whole; the local set-up loads the valid rows and names the others.
  const refused = problems.map((p) => `line ${p.line} ${p.field ?? ""}: ${p.message}`).join("; ");
  console.log(`reference data: ${policies.length} policies${refused ? ` (refused ${refused})` : ""}`);
}

const FILES = {
  diagnoses: `${SHARED_DATA}/medical_codes/icd10cm_codes.csv`,
  hcpcs: `${SHARED_DATA}/medical_codes/hcpcs_level2_2019.csv`,
  prices: `${SHARED_DATA}/medicare_costs/derived_hcpcs_payment_stats_VT2012.csv`,
};

const sqlString = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * Loads the real code sets (ICD-10-CM, HCPCS Level II) and the Medicare per-code payment
 * statistics (mean, std-dev) into local D1 when ../shared/data is present, as one SQL script
 * through `wrangler d1 execute --file` (far faster than statement-by-statement). Skipped when
 * the codes are already there, unless forced.
 */
export async function importSharedReferenceData(
  db: D1Database,
  options: { force?: boolean; persistTo?: string } = {},
): Promise<void> {
  if (!Object.values(FILES).every((file) => existsSync(file))) {
    console.log(`reference data: ${SHARED_DATA} not found, keeping the demo set only`);
    return;
  }
  const loaded = (await db.prepare("SELECT count(*) AS n FROM diagnosis_codes").first<{ n: number }>())!.n;
  if (!options.force && loaded > 1000) {
    console.log(`reference data: ${loaded} diagnosis codes already loaded`);
    return;
  }
  const started = Date.now();
  const now = new Date().toISOString();
  const diagnoses = parseDiagnosisCsv(readFileSync(FILES.diagnoses, "utf8"));
  const hcpcs = parseProcedureCsv(readFileSync(FILES.hcpcs, "utf8"));
  const prices = parseProcedureCsv(readFileSync(FILES.prices, "utf8"));
  const audit = (entity: string, summary: object) =>
    `INSERT INTO audit_events (entity_type, entity_id, action, after) VALUES ('${entity}', 'bulk', '${entity}.imported', ${sqlString(JSON.stringify(summary))});`;
  const script = [
    upsertCodesSql(DIAGNOSIS_UPSERT, diagnoses.entries, now),
    upsertCodesSql(PROCEDURE_UPSERT, hcpcs.entries, now),
    upsertCodesSql(PROCEDURE_UPSERT, prices.entries, now),
    audit("diagnosis_codes", {
      imported: diagnoses.entries.length,
      skipped: diagnoses.problems.length,
      source: FILES.diagnoses,
    }),
    audit("procedure_codes", {
      imported: hcpcs.entries.length + prices.entries.length,
      skipped: hcpcs.problems.length + prices.problems.length,
      sources: [FILES.hcpcs, FILES.prices],
    }),
  ].join("\n");

  const dir = mkdtempSync(join(tmpdir(), "claimsedge-"));
  try {
    const file = join(dir, "reference-data.sql");
    writeFileSync(file, script);
    execFileSync(
      "wrangler",
      [
        "d1",
        "execute",
        "DB",
        "--local",
        "--file",
        file,
        ...(options.persistTo ? ["--persist-to", options.persistTo] : []),
      ],
      {
        stdio: ["ignore", "ignore", "inherit"],
        env: { ...process.env, CI: "true" },
      },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `reference data: ${diagnoses.entries.length} ICD-10-CM codes, ${hcpcs.entries.length} HCPCS codes, ` +
      `${prices.entries.length} price statistics in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
