/** D1 reports constraint failures only as message text; `column` ("table.column") narrows it to one index. */
export function isUniqueViolation(err: unknown, column?: string): boolean {
  const text =
    err instanceof Error ? `${err.message} ${String((err as { cause?: unknown }).cause ?? "")}` : String(err);
  if (!/UNIQUE constraint failed|SQLITE_CONSTRAINT_PRIMARYKEY|SQLITE_CONSTRAINT_UNIQUE/i.test(text)) return false;
  return column === undefined || text.includes(column);
}

/** A NOT NULL constraint failure, optionally on one column ("table.column"). */
export function isNotNullViolation(err: unknown, column?: string): boolean {
  const text =
    err instanceof Error ? `${err.message} ${String((err as { cause?: unknown }).cause ?? "")}` : String(err);
  if (!/NOT NULL constraint failed|SQLITE_CONSTRAINT_NOTNULL/i.test(text)) return false;
  return column === undefined || text.includes(column);
}
