import type { DiagnosisCodeEntry, ProcedureCodeEntry } from "../domain/reference/code-sets";

// D1 binds at most 100 parameters per statement; keep batches to a few dozen statements.
const MAX_PARAMS = 100;
const STATEMENTS_PER_BATCH = 50;

/** One upsert per code set: its columns, how an entry becomes a row, and what a re-import changes. */
export interface CodeUpsert<T> {
  insert: string;
  width: number;
  row: (entry: T, now: string) => (string | number | null)[];
  onConflict: string;
}

export const DIAGNOSIS_UPSERT: CodeUpsert<DiagnosisCodeEntry> = {
  insert: "INSERT INTO diagnosis_codes (code, description, billable, updated_at)",
  width: 4,
  row: (e, now) => [e.code, e.description, e.billable ? 1 : 0, now],
  onConflict:
    "ON CONFLICT (code) DO UPDATE SET description = excluded.description, billable = excluded.billable, updated_at = excluded.updated_at",
};

/** A price-list row without a description keeps the stored one (or the code, for a new code). */
export const PROCEDURE_UPSERT: CodeUpsert<ProcedureCodeEntry> = {
  insert: "INSERT INTO procedure_codes (code, description, average_cost_cents, cost_std_dev_cents, updated_at)",
  width: 5,
  row: (e, now) => [e.code, e.description ?? e.code, e.averageCostCents, e.costStdDevCents, now],
  onConflict: `ON CONFLICT (code) DO UPDATE SET
    description = CASE WHEN excluded.description = excluded.code THEN procedure_codes.description ELSE excluded.description END,
    average_cost_cents = COALESCE(excluded.average_cost_cents, procedure_codes.average_cost_cents),
    cost_std_dev_cents = COALESCE(excluded.cost_std_dev_cents, procedure_codes.cost_std_dev_cents),
    updated_at = excluded.updated_at`,
};

const valuesClause = (rows: number, width: number) =>
  `VALUES ${Array.from({ length: rows }, () => `(${Array.from({ length: width }, () => "?").join(", ")})`).join(", ")}`;

/** Upserts entries through bound statements, in D1 batches. */
export async function upsertCodes<T>(db: D1Database, upsert: CodeUpsert<T>, entries: T[], now: string): Promise<void> {
  const rowsPerStatement = Math.floor(MAX_PARAMS / upsert.width);
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < entries.length; i += rowsPerStatement) {
    const chunk = entries.slice(i, i + rowsPerStatement);
    statements.push(
      db
        .prepare(`${upsert.insert} ${valuesClause(chunk.length, upsert.width)} ${upsert.onConflict}`)
        .bind(...chunk.flatMap((e) => upsert.row(e, now))),
    );
  }
  for (let i = 0; i < statements.length; i += STATEMENTS_PER_BATCH) {
    await db.batch(statements.slice(i, i + STATEMENTS_PER_BATCH));
  }
}

const literal = (value: string | number | null) =>
  value === null ? "NULL" : typeof value === "number" ? String(value) : `'${value.replace(/'/g, "''")}'`;

/** The same upsert as an SQL script, for `wrangler d1 execute --file` on large code sets. */
export function upsertCodesSql<T>(upsert: CodeUpsert<T>, entries: T[], now: string, rowsPerStatement = 500): string {
  const statements: string[] = [];
  for (let i = 0; i < entries.length; i += rowsPerStatement) {
    const rows = entries.slice(i, i + rowsPerStatement).map((e) => `(${upsert.row(e, now).map(literal).join(", ")})`);
    statements.push(`${upsert.insert} VALUES ${rows.join(", ")} ${upsert.onConflict};`);
  }
  return statements.join("\n");
}

export async function auditImport(
  db: D1Database,
  entityType: "diagnosis_codes" | "procedure_codes",
  summary: Record<string, unknown>,
  actor: { id: string; role: string } | null,
  requestId: string | null,
): Promise<void> {
  await db
    .prepare(
      "INSERT INTO audit_events (entity_type, entity_id, action, actor_id, actor_role, after, request_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(
      entityType,
      "bulk",
      `${entityType}.imported`,
      actor?.id ?? null,
      actor?.role ?? null,
      JSON.stringify(summary),
      requestId,
    )
    .run();
}
