import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { asc, count } from "drizzle-orm";
import { auditInsert } from "../../../audit";
import { authenticate, requireRole } from "../../../auth/middleware";
import { isUniqueViolation } from "../../../db/errors";
import { diagnosisCodes } from "../../../db/schema";
import type { HonoEnv } from "../../../env";
import { ApiError } from "../../../errors/api-error";
import { authErrors, bearerSecurity, errorResponse, validationErrors } from "../../shared/responses";
import { codeInput, codeSearch, codeSearchQuery, diagnosisSchema, toDiagnosisView } from "./schema";

const createDiagnosisRequest = z
  .object({
    code: codeInput.openapi({ example: "D001" }),
    description: z.string().trim().min(1).max(500),
    billable: z.boolean().default(true),
  })
  .strict()
  .openapi("CreateDiagnosisRequest");

const createRouteDef = createRoute({
  method: "post",
  path: "/codes/diagnoses",
  tags: ["reference data"],
  summary: "Add a diagnosis code (admin)",
  security: bearerSecurity,
  middleware: [authenticate, requireRole("admin")] as const,
  request: { body: { required: true, content: { "application/json": { schema: createDiagnosisRequest } } } },
  responses: {
    201: { description: "The code", content: { "application/json": { schema: diagnosisSchema } } },
    ...validationErrors,
    ...authErrors,
    409: errorResponse("Code already exists"),
  },
});

const listRouteDef = createRoute({
  method: "get",
  path: "/codes/diagnoses",
  tags: ["reference data"],
  summary: "Search diagnosis codes (admin)",
  security: bearerSecurity,
  middleware: [authenticate, requireRole("admin")] as const,
  request: { query: codeSearchQuery },
  responses: {
    200: {
      description: "A page of codes",
      content: { "application/json": { schema: z.object({ codes: z.array(diagnosisSchema), total: z.number(), page: z.number(), page_size: z.number() }) } },
    },
    ...validationErrors,
    ...authErrors,
  },
});

export function registerDiagnosisRoutes(app: OpenAPIHono<HonoEnv>): void {
  app.openapi(createRouteDef, async (c) => {
    const body = c.req.valid("json");
    const db = c.get("db");
    const row = { code: body.code, description: body.description, billable: body.billable, updatedAt: new Date().toISOString() };
    try {
      await db.batch([
        db.insert(diagnosisCodes).values(row),
        auditInsert(db, { entityType: "diagnosis_code", entityId: row.code, action: "diagnosis_code.created", actor: c.get("user"), after: row, requestId: c.get("requestId") }),
      ]);
    } catch (err) {
      if (isUniqueViolation(err)) throw new ApiError("CONFLICT", `Diagnosis code ${row.code} already exists`);
      throw err;
    }
    return c.json(toDiagnosisView(row), 201);
  });

  app.openapi(listRouteDef, async (c) => {
    const { q, page, page_size } = c.req.valid("query");
    const db = c.get("db");
    const where = codeSearch(diagnosisCodes.code, diagnosisCodes.description, q);
    const [rows, totals] = await db.batch([
      db.select().from(diagnosisCodes).where(where).orderBy(asc(diagnosisCodes.code)).limit(page_size).offset((page - 1) * page_size),
      db.select({ total: count() }).from(diagnosisCodes).where(where),
    ]);
    return c.json({ codes: rows.map(toDiagnosisView), total: totals[0]?.total ?? 0, page, page_size }, 200);
  });
}
