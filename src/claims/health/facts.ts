import type { HealthClaimFacts, HealthClaimInput } from "../../domain/health/adjudicate";
import type { ProcedureRule } from "../../domain/health/codes";
import { cachedReference, rememberReference } from "./reference-cache";

/** Every code prefix pattern that could govern `code`: "*", "S*", "S5*", … and the code itself. */
const candidatePatterns = (code: string): string[] => [
  code,
  "*",
  ...Array.from({ length: code.length - 1 }, (_, i) => `${code.slice(0, i + 1)}*`),
];

type Row = Record<string, unknown>;
type ReferenceFacts = Pick<HealthClaimFacts, "provider" | "diagnosis" | "procedure" | "rules">;
type Claim = HealthClaimInput & { serviceDate: string };

/** How each piece of reference data is read, and turned into a fact; cached by key. */
const REFERENCE: {
  [K in keyof ReferenceFacts]: {
    key: (c: Claim) => string;
    query: (db: D1Database, c: Claim) => D1PreparedStatement;
    fact: (rows: Row[]) => ReferenceFacts[K];
  };
} = {
  provider: {
    key: (c) => `provider:${c.providerId}`,
    query: (db, c) => db.prepare("SELECT status FROM providers WHERE provider_id = ?").bind(c.providerId),
    fact: (rows) => (rows[0] ? { status: String(rows[0].status) } : null),
  },
  diagnosis: {
    key: (c) => `diagnosis:${c.diagnosisCode}`,
    query: (db, c) => db.prepare("SELECT billable FROM diagnosis_codes WHERE code = ?").bind(c.diagnosisCode),
    fact: (rows) => (rows[0] ? { billable: rows[0].billable === 1 } : null),
  },
  procedure: {
    key: (c) => `procedure:${c.procedureCode}`,
    query: (db, c) =>
      db
        .prepare("SELECT average_cost_cents, cost_std_dev_cents FROM procedure_codes WHERE code = ?")
        .bind(c.procedureCode),
    fact: (rows) =>
      rows[0]
        ? {
            averageCostCents: rows[0].average_cost_cents as number | null,
            costStdDevCents: rows[0].cost_std_dev_cents as number | null,
          }
        : null,
  },
  rules: {
    key: (c) => `rules:${c.diagnosisCode}`,
    query: (db, c) => {
      const patterns = candidatePatterns(c.diagnosisCode);
      return db
        .prepare(
          `SELECT diagnosis_pattern, procedure_pattern FROM procedure_rules WHERE diagnosis_pattern IN (${patterns.map(() => "?").join(", ")})`,
        )
        .bind(...patterns);
    },
    fact: (rows): ProcedureRule[] =>
      rows.map((r) => ({
        diagnosisPattern: String(r.diagnosis_pattern),
        procedurePattern: String(r.procedure_pattern),
      })),
  },
};

/**
 * Loads what adjudication needs in one round trip: the member and any likely duplicate always
 * fresh, and whatever reference data this isolate has not cached, in one D1 batch.
 */
export async function loadHealthClaimFacts(db: D1Database, claim: Claim): Promise<HealthClaimFacts> {
  const names = Object.keys(REFERENCE) as (keyof ReferenceFacts)[];
  const reference: Partial<ReferenceFacts> = {};
  const missing: (keyof ReferenceFacts)[] = [];
  for (const name of names) {
    const cached = cachedReference<never>(REFERENCE[name].key(claim));
    if (cached.hit) reference[name] = cached.value;
    else missing.push(name);
  }
  const [member, duplicate, ...loaded] = await db.batch<Row>([
    db.prepare("SELECT status, remaining_benefit_cents FROM members WHERE member_id = ?").bind(claim.memberId),
    db
      .prepare(
        `SELECT id FROM claims WHERE channel = 'health' AND member_id = ? AND provider_id = ? AND procedure_code = ?
         AND service_date = ? AND claim_amount_cents = ? AND status != 'REJECTED' LIMIT 1`,
      )
      .bind(claim.memberId, claim.providerId, claim.procedureCode, claim.serviceDate, claim.amountCents),
    ...missing.map((name) => REFERENCE[name].query(db, claim)),
  ]);
  missing.forEach((name, i) => {
    const fact = REFERENCE[name].fact(loaded[i]?.results ?? []);
    rememberReference(REFERENCE[name].key(claim), fact);
    (reference as Record<string, unknown>)[name] = fact;
  });
  const m = member?.results[0];
  return {
    member: m ? { status: String(m.status), remainingBenefitCents: Number(m.remaining_benefit_cents) } : null,
    duplicateOfClaimId: (duplicate?.results[0]?.id as string | undefined) ?? null,
    ...(reference as ReferenceFacts),
  };
}
