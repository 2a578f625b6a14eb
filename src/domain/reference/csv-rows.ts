import type { z } from "zod";
import type { CsvLimits } from "../../csv";

/** What an import reads at most: no reference value is near this, and a 15 MB field stops at once. */
export const IMPORT_CSV_LIMITS: Required<CsvLimits> = { maxFieldChars: 4096, maxColumns: 200 };

/** A row that was refused: its line in the file, the field at fault when one is, and why. */
export interface RowProblem {
  line: number;
  field?: string;
  message: string;
}

/**
 * Checks each row's candidate (the CSV's text turned into the JSON route's shape) with the JSON
 * route's own schema: the rows that pass become entries, every other row is a problem with its line.
 */
export function validateRows<S extends z.ZodType, R extends { line: number; candidate: unknown }, T>(
  rows: R[],
  schema: S,
  toEntry: (valid: z.output<S>, row: R) => T,
): { entries: T[]; problems: RowProblem[] } {
  const entries: T[] = [];
  const problems: RowProblem[] = [];
  for (const row of rows) {
    const { line, candidate } = row;
    const parsed = schema.safeParse(candidate);
    if (parsed.success) entries.push(toEntry(parsed.data, row));
    else
      for (const issue of parsed.error.issues)
        problems.push({
          line,
          ...(issue.path.length > 0 ? { field: issue.path.join(".") } : {}),
          message: issue.message,
        });
  }
  return { entries, problems };
}

/** A number read from CSV text: "" is absent; "$1,234.50" reads as 1234.5; anything else is NaN (refused). */
export function csvNumber(text: string | undefined): number | undefined {
  if (text === undefined || text === "") return undefined;
  const cleaned = text.replace(/[$,\s]/g, "");
  return cleaned === "" ? Number.NaN : Number(cleaned);
}

/** A yes/no column: 1/0, true/false, y/n, yes/no; "" is absent; anything else stays text (refused). */
export function csvFlag(text: string | undefined): boolean | string | undefined {
  if (text === undefined || text === "") return undefined;
  if (/^(1|true|y|yes)$/i.test(text)) return true;
  if (/^(0|false|n|no)$/i.test(text)) return false;
  return text;
}
