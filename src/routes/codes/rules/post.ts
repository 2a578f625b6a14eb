import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { asc } from "drizzle-orm";
import { auditInsert } from "../../../audit";
import { authenticate, requireRole } from "../../../auth/middleware";
import { isUniqueViolation } from "../../../db/errors";
import { procedureRules } from "../../../db/schema";
import type { HonoEnv } from "../../../env";
import { ApiError } from "../../../errors/api-error";
import { authErrors, bearerSecurity, errorResponse, validationErrors } from "../../shared/responses";

const pattern = z
  .string()
  .trim()
  .transform((value) => value.replace(/[\s.]/g, "").toUpperCase())
  .pipe(z.string().regex(/^(\*|[A-Z0-9]{1,10}\*?)$/, "must be a code, a code prefix ending in '*', or '*'"));

const ruleSchema = z.object({ diagnosis_pattern: z.string(), procedure_pattern: z.string(), created_at: z.string() }).openapi("ProcedureRule");

const createRuleRequest = z
  .object({ diagnosis_pattern: pattern.openapi({ example: "D001" }), procedure_pattern: pattern.openapi({ example: "P001" }) })
  .strict()
  .openapi("CreateProcedureRuleRequest");

const createRouteDef = createRoute({
  method: "post",
  path: "/codes/rules",
  tags: ["reference data"],
  summary: "Allow a procedure (pattern) for a diagnosis (pattern) (admin)",
  description:
    "A diagnosis named by any rule is restricted to the procedures its rules allow; a diagnosis no rule names is unrestricted. Patterns are exact codes or prefixes ending in '*'.",
  security: bearerSecurity,
  middleware: [authenticate, requireRole("admin")] as const,
  request: { body: { required: true, content: { "application/json": { schema: createRuleRequest } } } },
  responses: {
    201: { description: "The rule", content: { "application/json": { schema: ruleSchema } } },
    ...validationErrors,
    ...authErrors,
    409: errorResponse("Rule already exists"),
  },
});

const listRouteDef = createRoute({
  method: "get",
  path: "/codes/rules",
  tags: ["reference data"],
  summary: "List allowed diagnosis → procedure rules (admin)",
  security: bearerSecurity,
  middleware: [authenticate, requireRole("admin")] as const,
  responses: {
    200: { description: "Every rule", content: { "application/json": { schema: z.object({ rules: z.array(ruleSchema) }) } } },
    ...authErrors,
  },
});

export function registerRuleRoutes(app: OpenAPIHono<HonoEnv>): void {
  app.openapi(createRouteDef, async (c) => {
    const body = c.req.valid("json");
    const db = c.get("db");
    const row = { diagnosisPattern: body.diagnosis_pattern, procedurePattern: body.procedure_pattern, createdAt: new Date().toISOString() };
    try {
      await db.batch([
        db.insert(procedureRules).values(row),
        auditInsert(db, {
          entityType: "procedure_rule",
          entityId: `${row.diagnosisPattern}->${row.procedurePattern}`,
          action: "procedure_rule.created",
          actor: c.get("user"),
          after: row,
          requestId: c.get("requestId"),
        }),
      ]);
    } catch (err) {
      if (isUniqueViolation(err)) throw new ApiError("CONFLICT", "Rule already exists");
      throw err;
    }
    return c.json({ diagnosis_pattern: row.diagnosisPattern, procedure_pattern: row.procedurePattern, created_at: row.createdAt }, 201);
  });

  app.openapi(listRouteDef, async (c) => {
    const rows = await c.get("db").select().from(procedureRules).orderBy(asc(procedureRules.diagnosisPattern), asc(procedureRules.procedurePattern));
    return c.json({ rules: rows.map((r) => ({ diagnosis_pattern: r.diagnosisPattern, procedure_pattern: r.procedurePattern, created_at: r.createdAt })) }, 200);
  });
}
