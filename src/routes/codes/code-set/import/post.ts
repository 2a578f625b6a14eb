import { forgetsReferenceData } from "../../../../middleware/forget-reference-data";
import { auditImport, upsertCodes } from "../../../../reference/code-store";
import type { Api } from "../../../api";
import { jsonResponse } from "../../../shared/content";
import { csvRequestBody, MAX_CSV_BYTES, parseCsvImport, readCsvBody } from "../../../shared/csv-body";
import { protectedRoute } from "../../../shared/protected-route";
import type { CodeSet } from "../code-sets";
import { codeImportSchema } from "../schema";

export const postCodeImportRoute = (set: CodeSet) =>
  protectedRoute({
    method: "post",
    path: `/codes/${set.path}/import`,
    tags: ["reference data"],
    summary: `Bulk import ${set.path} from CSV`,
    description: set.importDescription,
    roles: ["admin"],
    bodyLimit: MAX_CSV_BYTES,
    middleware: [forgetsReferenceData],
    request: { body: csvRequestBody("code,description,billable\nJ45909,Unspecified asthma,1") },
    responses: { 200: jsonResponse(codeImportSchema, "Imported (inserted or updated) rows") },
    errors: {
      400: "Unreadable CSV or invalid rows; nothing was imported",
      413: "CSV larger than 20 MB",
      415: "Body is not text/csv",
    },
  });

export const registerPostCodeImport = (app: Api, set: CodeSet) =>
  app.openapi(postCodeImportRoute(set), async (c) => {
    const text = await readCsvBody(c);
    const parsed = parseCsvImport(
      () => set.parseCsv(text),
      (p) => p.entries.length,
    );
    await upsertCodes(c.env.DB, set.upsert, parsed.entries, new Date().toISOString());
    const summary = { imported: parsed.entries.length, source_rows: parsed.entries.length };
    await auditImport(c.env.DB, set.auditEntity, summary, c.get("user"), c.get("requestId"));
    return c.json(summary, 200);
  });
