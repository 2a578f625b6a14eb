import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { authenticate, requireRole } from "../../../../auth/middleware";
import { parseDiagnosisCsv, parseProcedureCsv, type ParsedCodeSet } from "../../../../domain/reference/code-sets";
import { CsvError } from "../../../../csv";
import type { HonoEnv } from "../../../../env";
import { ApiError } from "../../../../errors/api-error";
import { auditImport, DIAGNOSIS_UPSERT, PROCEDURE_UPSERT, upsertCodes } from "../../../../reference/code-store";
import { authErrors, bearerSecurity, errorResponse } from "../../../shared/responses";

export const MAX_CSV_BYTES = 20 * 1024 * 1024;

const importResult = z.object({ imported: z.number().int(), source_rows: z.number().int() }).openapi("CodeImportResult");

const csvBody = {
  required: true,
  content: { "text/csv": { schema: z.string().openapi({ example: "code,description,billable\nJ45909,Unspecified asthma,1" }) } },
} as const;

function importRoute(kind: "diagnoses" | "procedures", description: string) {
  return createRoute({
    method: "post",
    path: `/codes/${kind}/import`,
    tags: ["reference data"],
    summary: `Bulk import ${kind} from CSV (admin)`,
    description,
    security: bearerSecurity,
    middleware: [authenticate, requireRole("admin")] as const,
    request: { body: csvBody },
    responses: {
      200: { description: "Imported (inserted or updated) rows", content: { "application/json": { schema: importResult } } },
      400: errorResponse("Unreadable CSV or invalid rows; nothing was imported"),
      ...authErrors,
      413: errorResponse("CSV larger than 20 MB"),
      415: errorResponse("Body is not text/csv"),
    },
  });
}

async function readCsv(contentType: string | undefined, body: () => Promise<string>): Promise<string> {
  if (!contentType || !/^(text\/csv|text\/plain|application\/csv)\b/i.test(contentType)) {
    throw new ApiError("UNSUPPORTED_MEDIA_TYPE", "Send the CSV as text/csv");
  }
  return body();
}

function refuseProblems<T>(parsed: ParsedCodeSet<T>): void {
  if (parsed.problems.length > 0) {
    throw new ApiError("VALIDATION_ERROR", `CSV has ${parsed.problems.length} invalid row(s); nothing was imported`, {
      details: { problems: parsed.problems.slice(0, 50) },
    });
  }
  if (parsed.entries.length === 0) throw new ApiError("VALIDATION_ERROR", "CSV has no rows");
}

function parseOrRefuse<T>(parse: (text: string) => ParsedCodeSet<T>, text: string): ParsedCodeSet<T> {
  try {
    const parsed = parse(text);
    refuseProblems(parsed);
    return parsed;
  } catch (err) {
    if (err instanceof CsvError) throw new ApiError("VALIDATION_ERROR", `Unreadable CSV: ${err.message}`);
    throw err;
  }
}

export function registerCodeImports(app: OpenAPIHono<HonoEnv>): void {
  app.openapi(
    importRoute("diagnoses", "Columns: code, description, optional billable (1/0). ICD-10-CM codes with or without dots."),
    async (c) => {
      const parsed = parseOrRefuse(parseDiagnosisCsv, await readCsv(c.req.header("content-type"), () => c.req.text()));
      await upsertCodes(c.env.DB, DIAGNOSIS_UPSERT, parsed.entries, new Date().toISOString());
      const summary = { imported: parsed.entries.length, source_rows: parsed.entries.length };
      await auditImport(c.env.DB, "diagnosis_codes", summary, c.get("user"), c.get("requestId"));
      return c.json(summary, 200);
    },
  );
  app.openapi(
    importRoute(
      "procedures",
      "Columns: code, and description and/or average_cost (+ cost_std_dev). Also reads HCPCS files and Medicare payment statistics by their own headers.",
    ),
    async (c) => {
      const parsed = parseOrRefuse(parseProcedureCsv, await readCsv(c.req.header("content-type"), () => c.req.text()));
      await upsertCodes(c.env.DB, PROCEDURE_UPSERT, parsed.entries, new Date().toISOString());
      const summary = { imported: parsed.entries.length, source_rows: parsed.entries.length };
      await auditImport(c.env.DB, "procedure_codes", summary, c.get("user"), c.get("requestId"));
      return c.json(summary, 200);
    },
  );
}
