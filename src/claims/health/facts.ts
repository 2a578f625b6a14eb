import type { HealthClaimFacts, HealthClaimLineInput, HealthClaimParties } from "../../domain/health/adjudicate";
import type { ProcedureRule } from "../../domain/health/codes";
import type { ProcedurePrice } from "../../domain/health/cost-anomaly";
import { cachedReference, rememberReference } from "./reference-cache";

/** Every code prefix pattern that could govern `code`: "*", "S*", "S5*", … and the code itself. */
const candidatePatterns = (code: string): string[] => [
  code,
  "*",
  ...Array.from({ length: code.length - 1 }, (_, i) => `${code.slice(0, i + 1)}*`),
];

type Row = Record<string, unknown>;

/** One piece of reference data: how it is read and turned into a fact; cached under its key. */
interface ReferenceRead<T> {
  key: string;
  query: (db: D1Database) => D1PreparedStatement;
  fact: (rows: Row[]) => T;
}

/** A read whose fact, cached or loaded, is stored where adjudication looks for it. */
interface PendingRead {
  read: ReferenceRead<unknown>;
  store: (value: unknown) => void;
}

const pending = <T>(read: ReferenceRead<T>, store: (value: T) => void): PendingRead => ({
  read,
  store: (value) => store(value as T),
});

const providerRead = (providerId: string): ReferenceRead<HealthClaimFacts["provider"]> => ({
  key: `provider:${providerId}`,
  query: (db) => db.prepare("SELECT status FROM providers WHERE provider_id = ?").bind(providerId),
  fact: (rows) => (rows[0] ? { status: String(rows[0].status) } : null),
});

const diagnosisRead = (code: string): ReferenceRead<{ billable: boolean } | null> => ({
  key: `diagnosis:${code}`,
  query: (db) => db.prepare("SELECT billable FROM diagnosis_codes WHERE code = ?").bind(code),
  fact: (rows) => (rows[0] ? { billable: rows[0].billable === 1 } : null),
});

const procedureRead = (code: string): ReferenceRead<ProcedurePrice | null> => ({
  key: `procedure:${code}`,
  query: (db) =>
    db.prepare("SELECT average_cost_cents, cost_std_dev_cents FROM procedure_codes WHERE code = ?").bind(code),
  fact: (rows) =>
    rows[0]
      ? {
          averageCostCents: rows[0].average_cost_cents as number | null,
          costStdDevCents: rows[0].cost_std_dev_cents as number | null,
        }
      : null,
});

const rulesRead = (diagnosisCode: string): ReferenceRead<ProcedureRule[]> => ({
  key: `rules:${diagnosisCode}`,
  query: (db) => {
    const patterns = candidatePatterns(diagnosisCode);
    return db
      .prepare(
        `SELECT diagnosis_pattern, procedure_pattern FROM procedure_rules WHERE diagnosis_pattern IN (${patterns.map(() => "?").join(", ")})`,
      )
      .bind(...patterns);
  },
  fact: (rows) =>
    rows.map((r) => ({ diagnosisPattern: String(r.diagnosis_pattern), procedurePattern: String(r.procedure_pattern) })),
});

/**
 * Earlier claims of the same member and provider that were not rejected, with a line of the same
 * procedure, service date and amount as one of `lines`: one-line claims by their columns (the
 * duplicate index, each wanted line driving the search), claims with stored lines by each line
 * (the partial index on claims that have lines). CROSS JOIN fixes SQLite's join order.
 */
const duplicatesQuery = (db: D1Database, claim: HealthClaimParties, lines: HealthClaimLineInput[]) =>
  db
    .prepare(
      `SELECT w.value ->> '$.sequence' AS sequence, c.id AS claim_id
       FROM json_each(?3) w
       CROSS JOIN claims c ON c.member_id = ?1 AND c.provider_id = ?2 AND c.channel = 'health' AND c.lines IS NULL
        AND c.procedure_code = w.value ->> '$.procedure_code' AND c.service_date = w.value ->> '$.service_date'
        AND c.claim_amount_cents = w.value ->> '$.amount_cents' AND c.status != 'REJECTED'
       UNION ALL
       SELECT w.value ->> '$.sequence', c.id
       FROM claims c
       CROSS JOIN json_each(c.lines) l
       CROSS JOIN json_each(?3) w
       WHERE c.member_id = ?1 AND c.provider_id = ?2 AND c.channel = 'health' AND c.lines IS NOT NULL
        AND l.value ->> '$.procedure_code' = w.value ->> '$.procedure_code'
        AND l.value ->> '$.service_date' = w.value ->> '$.service_date'
        AND l.value ->> '$.claim_amount_cents' = w.value ->> '$.amount_cents' AND l.value ->> '$.status' != 'REJECTED'`,
    )
    .bind(
      claim.memberId,
      claim.providerId,
      JSON.stringify(
        lines.map((l) => ({
          sequence: l.sequence,
          procedure_code: l.procedureCode,
          service_date: l.serviceDate,
          amount_cents: l.amountCents,
        })),
      ),
    );

/**
 * Loads what adjudication needs in one round trip: the member and any likely duplicates always
 * fresh, and whatever reference data this isolate has not cached, in one D1 batch.
 */
export async function loadHealthClaimFacts(
  db: D1Database,
  claim: HealthClaimParties,
  lines: HealthClaimLineInput[],
): Promise<HealthClaimFacts> {
  const diagnosisCodes = [...new Set([...claim.diagnosisCodes, ...lines.flatMap((line) => line.diagnosisCodes)])];
  const procedureCodes = [...new Set(lines.map((line) => line.procedureCode))];
  const reads: PendingRead[] = [];
  const facts: HealthClaimFacts = {
    member: null,
    provider: null,
    diagnoses: {},
    procedures: {},
    rulesByDiagnosis: {},
    duplicateOfClaimIdByLine: Object.fromEntries(lines.map((line) => [line.sequence, null])),
  };
  reads.push(
    pending(providerRead(claim.providerId), (v) => {
      facts.provider = v;
    }),
  );
  for (const code of diagnosisCodes) {
    reads.push(
      pending(diagnosisRead(code), (v) => {
        facts.diagnoses[code] = v;
      }),
    );
    reads.push(
      pending(rulesRead(code), (v) => {
        facts.rulesByDiagnosis[code] = v;
      }),
    );
  }
  for (const code of procedureCodes) {
    reads.push(
      pending(procedureRead(code), (v) => {
        facts.procedures[code] = v;
      }),
    );
  }

  const missing = reads.filter(({ read, store }) => {
    const cached = cachedReference(read.key);
    if (cached.hit) store(cached.value);
    return !cached.hit;
  });
  const [member, duplicates, ...loaded] = await db.batch<Row>([
    db.prepare("SELECT status, remaining_benefit_cents FROM members WHERE member_id = ?").bind(claim.memberId),
    duplicatesQuery(db, claim, lines),
    ...missing.map(({ read }) => read.query(db)),
  ]);
  missing.forEach(({ read, store }, i) => {
    const fact = read.fact(loaded[i]?.results ?? []);
    rememberReference(read.key, fact);
    store(fact);
  });
  const m = member?.results[0];
  facts.member = m ? { status: String(m.status), remainingBenefitCents: Number(m.remaining_benefit_cents) } : null;
  for (const row of duplicates?.results ?? [])
    facts.duplicateOfClaimIdByLine[Number(row.sequence)] ??= String(row.claim_id);
  return facts;
}
