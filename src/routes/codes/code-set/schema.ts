import { z } from "@hono/zod-openapi";
import { like, or, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { diagnosisCodes, procedureCodes } from "../../../db/schema";
import { normalizeCode } from "../../../domain/health/codes";
import { moneyJson } from "../../../domain/money";
import { diagnosisCodeInput, procedureCodeInput } from "../../../domain/reference/code-inputs";

export const codeSearchQuery = z.object({
  q: z.string().trim().min(1).max(100).optional().openapi({ description: "Code prefix or words of the description" }),
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(500).default(50),
});

// The same field rules as the CSV imports (domain/reference/code-inputs.ts).
export const createDiagnosisRequest = diagnosisCodeInput
  .strict()
  .openapi("CreateDiagnosisRequest", { example: { code: "D001", description: "Acute appendicitis", billable: true } });

export const createProcedureRequest = procedureCodeInput.strict().openapi("CreateProcedureRequest", {
  example: { code: "P001", description: "Appendectomy", average_cost: 10000, cost_std_dev: 2500 },
});

export const diagnosisSchema = z
  .object({ code: z.string(), description: z.string(), billable: z.boolean(), updated_at: z.string() })
  .openapi("DiagnosisCode");

export const procedureSchema = z
  .object({
    code: z.string(),
    description: z.string(),
    average_cost: z.number().nullable(),
    cost_std_dev: z.number().nullable(),
    updated_at: z.string(),
  })
  .openapi("ProcedureCode");

export const codeImportSchema = z
  .object({ imported: z.number().int(), source_rows: z.number().int() })
  .openapi("CodeImportResult");

export const toDiagnosisView = (row: typeof diagnosisCodes.$inferSelect) => ({
  code: row.code,
  description: row.description,
  billable: row.billable,
  updated_at: row.updatedAt,
});

export const toProcedureView = (row: typeof procedureCodes.$inferSelect) => ({
  code: row.code,
  description: row.description,
  average_cost: row.averageCostCents === null ? null : moneyJson(row.averageCostCents),
  cost_std_dev: row.costStdDevCents === null ? null : moneyJson(row.costStdDevCents),
  updated_at: row.updatedAt,
});

/** `q` matches a code prefix (dots and case ignored) or words of the description. */
export const codeSearch = (code: SQLiteColumn, description: SQLiteColumn, q: string | undefined): SQL | undefined =>
  q ? or(like(code, `${normalizeCode(q)}%`), like(description, `%${q}%`)) : undefined;
