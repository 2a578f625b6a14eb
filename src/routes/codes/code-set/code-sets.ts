import type { z } from "@hono/zod-openapi";
import { asc, count } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "../../../db/client";
import { diagnosisCodes, procedureCodes } from "../../../db/schema";
import { toCents } from "../../../domain/money";
import { type ParsedCodeSet, parseDiagnosisCsv, parseProcedureCsv } from "../../../domain/reference/code-sets";
import { type CodeUpsert, DIAGNOSIS_UPSERT, PROCEDURE_UPSERT } from "../../../reference/code-store";
import {
  codeSearch,
  createDiagnosisRequest,
  createProcedureRequest,
  diagnosisSchema,
  procedureSchema,
  toDiagnosisView,
  toProcedureView,
} from "./schema";

type CodeView = Record<string, unknown>;
type CodeTable = typeof diagnosisCodes | typeof procedureCodes;

/**
 * What differs between the diagnosis and the procedure code sets; the routes under
 * /codes/{diagnoses,procedures} are written once over it (./post.ts, ./list.ts, ./import/post.ts).
 */
export interface CodeSet {
  /** The URL segment: /codes/<path>. */
  path: "diagnoses" | "procedures";
  /** One code of the set, in messages and audit actions. */
  noun: "diagnosis" | "procedure";
  createSummary: string;
  createRequest: z.ZodType<{ code: string }>;
  viewSchema: z.ZodType<CodeView>;
  /** The insert for a new code (method syntax: each set takes its own request's output). */
  insert(
    db: Database,
    body: { code: string },
    now: string,
  ): { statement: BatchItem<"sqlite">; row: object; view: CodeView };
  page(
    db: Database,
    q: string | undefined,
    page: number,
    pageSize: number,
  ): Promise<{ codes: CodeView[]; total: number }>;
  importDescription: string;
  parseCsv(text: string): ParsedCodeSet<unknown>;
  upsert: CodeUpsert<unknown>;
  auditEntity: "diagnosis_codes" | "procedure_codes";
}

/** A page of a code table, searched by code prefix or description words. */
async function pageOf<T extends CodeTable>(
  db: Database,
  table: T,
  q: string | undefined,
  page: number,
  pageSize: number,
) {
  const where = codeSearch(table.code, table.description, q);
  const [rows, totals] = await db.batch([
    db
      .select()
      .from(table as CodeTable)
      .where(where)
      .orderBy(asc(table.code))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ total: count() })
      .from(table as CodeTable)
      .where(where),
  ]);
  return { rows: rows as T["$inferSelect"][], total: totals[0]?.total ?? 0 };
}

export const DIAGNOSIS_CODES: CodeSet = {
  path: "diagnoses",
  noun: "diagnosis",
  createSummary: "Add a diagnosis code",
  createRequest: createDiagnosisRequest,
  viewSchema: diagnosisSchema,
  insert(db, body: z.output<typeof createDiagnosisRequest>, now) {
    const row = { code: body.code, description: body.description, billable: body.billable, updatedAt: now };
    return { statement: db.insert(diagnosisCodes).values(row), row, view: toDiagnosisView(row) };
  },
  async page(db, q, page, pageSize) {
    const { rows, total } = await pageOf(db, diagnosisCodes, q, page, pageSize);
    return { codes: rows.map(toDiagnosisView), total };
  },
  importDescription: "Columns: code, description, optional billable (1/0). ICD-10-CM codes with or without dots.",
  parseCsv: parseDiagnosisCsv,
  upsert: DIAGNOSIS_UPSERT as CodeUpsert<unknown>,
  auditEntity: "diagnosis_codes",
};

export const PROCEDURE_CODES: CodeSet = {
  path: "procedures",
  noun: "procedure",
  createSummary: "Add a procedure code with its price statistics",
  createRequest: createProcedureRequest,
  viewSchema: procedureSchema,
  insert(db, body: z.output<typeof createProcedureRequest>, now) {
    const row = {
      code: body.code,
      description: body.description,
      averageCostCents: body.average_cost === undefined ? null : toCents(body.average_cost)!,
      costStdDevCents: body.cost_std_dev === undefined ? null : toCents(body.cost_std_dev)!,
      updatedAt: now,
    };
    return { statement: db.insert(procedureCodes).values(row), row, view: toProcedureView(row) };
  },
  async page(db, q, page, pageSize) {
    const { rows, total } = await pageOf(db, procedureCodes, q, page, pageSize);
    return { codes: rows.map(toProcedureView), total };
  },
  importDescription:
    "Columns: code, and description and/or average_cost (+ cost_std_dev). Also reads HCPCS files and Medicare " +
    "payment statistics by their own headers.",
  parseCsv: parseProcedureCsv,
  upsert: PROCEDURE_UPSERT as CodeUpsert<unknown>,
  auditEntity: "procedure_codes",
};

export const CODE_SETS = [DIAGNOSIS_CODES, PROCEDURE_CODES];
