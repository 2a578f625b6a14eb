import type { PolicyRecord } from "../domain/policies";

const ROWS_PER_STATEMENT = 30;
const STATEMENTS_PER_BATCH = 50;

/** Upserts policies in D1 batches. */
export async function upsertPolicies(db: D1Database, policies: PolicyRecord[], now: string): Promise<void> {
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < policies.length; i += ROWS_PER_STATEMENT) {
    const chunk = policies.slice(i, i + ROWS_PER_STATEMENT);
    statements.push(
      db
        .prepare(
          `INSERT INTO policies (policy_number, attributes, updated_at) VALUES ${chunk.map(() => "(?, ?, ?)").join(", ")}
           ON CONFLICT (policy_number) DO UPDATE SET attributes = excluded.attributes, updated_at = excluded.updated_at`,
        )
        .bind(...chunk.flatMap((p) => [p.policyNumber, JSON.stringify(p.attributes), now])),
    );
  }
  for (let i = 0; i < statements.length; i += STATEMENTS_PER_BATCH)
    await db.batch(statements.slice(i, i + STATEMENTS_PER_BATCH));
}
