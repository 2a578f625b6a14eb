import type { Context } from "hono";
import { CsvError } from "../../csv";
import type { HonoEnv } from "../../env";
import { ApiError } from "../../errors/api-error";

/** What every CSV import accepts: the whole file as the body, at most 20 MB. */
export const MAX_CSV_BYTES = 20 * 1024 * 1024;

export const csvRequestBody = (example: string) => ({
  required: true,
  content: { "text/csv": { schema: { type: "string" as const, example } } },
});

export async function readCsvBody(c: Context<HonoEnv>): Promise<string> {
  if (!/^(text\/csv|text\/plain|application\/csv)\b/i.test(c.req.header("content-type") ?? "")) {
    throw new ApiError("UNSUPPORTED_MEDIA_TYPE", "Send the CSV as text/csv");
  }
  return c.req.text();
}

/**
 * Parses a CSV import; an unreadable file (a field or row beyond the limits included), any invalid
 * row or no row at all refuses the whole import, naming the lines: nothing is stored.
 */
export function parseCsvImport<T extends { problems: { line: number }[] }>(
  parse: () => T,
  rows: (parsed: T) => number,
): T {
  let parsed: T;
  try {
    parsed = parse();
  } catch (err) {
    if (err instanceof CsvError)
      throw new ApiError("VALIDATION_ERROR", `Unreadable CSV, nothing was imported: ${err.message}`, {
        details: { line: err.line ?? null },
      });
    throw err;
  }
  if (parsed.problems.length > 0) {
    const lines = new Set(parsed.problems.map((problem) => problem.line));
    throw new ApiError(
      "VALIDATION_ERROR",
      `CSV has ${lines.size} invalid row(s), the first on line ${parsed.problems[0]!.line}; nothing was imported`,
      { details: { problems: parsed.problems.slice(0, 50) } },
    );
  }
  if (rows(parsed) === 0) throw new ApiError("VALIDATION_ERROR", "CSV has no rows");
  return parsed;
}
