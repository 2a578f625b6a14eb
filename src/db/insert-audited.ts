import type { BatchItem } from "drizzle-orm/batch";
import { type AuditEntry, auditInsert } from "../audit";
import { ApiError } from "../errors/api-error";
import type { Database } from "./client";
import { isUniqueViolation } from "./errors";

/** Inserts a row and its audit entry in one batch (all or nothing); a duplicate key is a 409 CONFLICT. */
export async function insertAudited(
  db: Database,
  insert: BatchItem<"sqlite">,
  entry: AuditEntry,
  conflict: { message: string; details?: unknown },
): Promise<void> {
  try {
    await db.batch([insert, auditInsert(db, entry)]);
  } catch (err) {
    if (isUniqueViolation(err)) throw new ApiError("CONFLICT", conflict.message, { details: conflict.details });
    throw err;
  }
}
