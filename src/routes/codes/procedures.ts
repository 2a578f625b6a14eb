import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { asc, count } from "drizzle-orm";
import { auditInsert } from "../../audit";
import { authenticate, requireRole } from "../../auth/middleware";
import { isUniqueViolation } from "../../db/errors";
import { procedureCodes } from "../../db/schema";
import { toCents } from "../../domain/money";
import type { HonoEnv } from "../../env";
import { ApiError } from "../../errors/api-error";
import { moneyInput } from "../members/schema";
import { authErrors, bearerSecurity, errorResponse, validationErrors } from "../shared/responses";
import { codeInput, codeSearch, codeSearchQuery, procedureSchema, toProcedureView } from "./code-set/schema";

const createProcedureRequest = z
  .object({
    code: codeInput.openapi({ example: "P001" }),
    description: z.string().trim().min(1).max(500),
    average_cost: moneyInput().optional().openapi({ example: 10000 }),
    cost_std_dev: moneyInput().optional().openapi({ example: 2500 }),
  })
  .strict()
  .openapi("CreateProcedureRequest");

const createRouteDef = createRoute({
  method: "post",
  path: "/codes/procedures",
  tags: ["reference data"],
  summary: "Add a procedure code with its price statistics (admin)",
  security: bearerSecurity,
  middleware: [authenticate, requireRole("admin")] as const,
  request: { body: { required: true, content: { "application/json": { schema: createProcedureRequest } } } },
  responses: {
    201: { description: "The code", content: { "application/json": { schema: procedureSchema } } },
    ...validationErrors,
    ...authErrors,
    409: errorResponse("Code already exists"),
  },
});

const listRouteDef = createRoute({
  method: "get",
  path: "/codes/procedures",
  tags: ["reference data"],
  summary: "Search procedure codes (admin)",
  security: bearerSecurity,
  middleware: [authenticate, requireRole("admin")] as const,
  request: { query: codeSearchQuery },
  responses: {
    200: {
      description: "A page of codes",
      content: { "application/json": { schema: z.object({ codes: z.array(procedureSchema), total: z.number(), page: z.number(), page_size: z.number() }) } },
    },
    ...validationErrors,
    ...authErrors,
  },
});

export function registerProcedureRoutes(app: OpenAPIHono<HonoEnv>): void {
  app.openapi(createRouteDef, async (c) => {
    const body = c.req.valid("json");
    const db = c.get("db");
    const row = {
      code: body.code,
      description: body.description,
      averageCostCents: body.average_cost === undefined ? null : toCents(body.average_cost)!,
      costStdDevCents: body.cost_std_dev === undefined ? null : toCents(body.cost_std_dev)!,
      updatedAt: new Date().toISOString(),
    };
    try {
      await db.batch([
        db.insert(procedureCodes).values(row),
        auditInsert(db, { entityType: "procedure_code", entityId: row.code, action: "procedure_code.created", actor: c.get("user"), after: row, requestId: c.get("requestId") }),
      ]);
    } catch (err) {
      if (isUniqueViolation(err)) throw new ApiError("CONFLICT", `Procedure code ${row.code} already exists`);
      throw err;
    }
    return c.json(toProcedureView(row), 201);
  });

  app.openapi(listRouteDef, async (c) => {
    const { q, page, page_size } = c.req.valid("query");
    const db = c.get("db");
    const where = codeSearch(procedureCodes.code, procedureCodes.description, q);
    const [rows, totals] = await db.batch([
      db.select().from(procedureCodes).where(where).orderBy(asc(procedureCodes.code)).limit(page_size).offset((page - 1) * page_size),
      db.select({ total: count() }).from(procedureCodes).where(where),
    ]);
    return c.json({ codes: rows.map(toProcedureView), total: totals[0]?.total ?? 0, page, page_size }, 200);
  });
}
