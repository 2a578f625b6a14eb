import type { Database } from "../db/client";
import type { Statement } from "./event-log";

/** Runs statements as one D1 batch (one transaction: all or nothing). */
export function runBatch(db: Database, statements: readonly Statement[]) {
  if (statements.length === 0) return Promise.resolve([]);
  return db.batch(statements as unknown as [Statement, ...Statement[]]);
}
