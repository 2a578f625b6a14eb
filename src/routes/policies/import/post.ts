import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { auditInsert } from "../../../audit";
import { authenticate, requireRole } from "../../../auth/middleware";
import { policies } from "../../../db/schema";
import { normalizePolicyNumber, parsePolicyCsv } from "../../../domain/policies";
import { CsvError } from "../../../csv";
import type { HonoEnv } from "../../../env";
import { ApiError } from "../../../errors/api-error";
import { upsertPolicies } from "../../../reference/policy-store";
import { authErrors, bearerSecurity, errorResponse } from "../../shared/responses";

const policySchema = z
  .object({ policy_number: z.string(), attributes: z.record(z.string(), z.string()), updated_at: z.string() })
  .openapi("Policy");

const importRoute = createRoute({
  method: "post",
  path: "/policies/import",
  tags: ["reference data"],
  summary: "Bulk import policies from CSV (admin)",
  description: "Columns: policy_number plus any of the insurance_claims policy and insured columns (policy_bind_date, policy_annual_premium, umbrella_limit, insured_hobbies, …).",
  security: bearerSecurity,
  middleware: [authenticate, requireRole("admin")] as const,
  request: { body: { required: true, content: { "text/csv": { schema: z.string() } } } },
  responses: {
    200: { description: "Imported", content: { "application/json": { schema: z.object({ imported: z.number() }) } } },
    400: errorResponse("Unreadable CSV or invalid rows; nothing was imported"),
    ...authErrors,
    415: errorResponse("Body is not text/csv"),
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/policies/{number}",
  tags: ["reference data"],
  summary: "One policy (insurer, admin)",
  security: bearerSecurity,
  middleware: [authenticate, requireRole("insurer", "admin")] as const,
  request: { params: z.object({ number: z.string().min(1).max(40) }) },
  responses: {
    200: { description: "The policy", content: { "application/json": { schema: policySchema } } },
    ...authErrors,
    404: errorResponse("No such policy"),
  },
});

export function registerPolicyRoutes(app: OpenAPIHono<HonoEnv>): void {
  app.openapi(importRoute, async (c) => {
    if (!/^(text\/csv|text\/plain|application\/csv)\b/i.test(c.req.header("content-type") ?? "")) {
      throw new ApiError("UNSUPPORTED_MEDIA_TYPE", "Send the CSV as text/csv");
    }
    let parsed;
    try {
      parsed = parsePolicyCsv(await c.req.text());
    } catch (err) {
      if (err instanceof CsvError) throw new ApiError("VALIDATION_ERROR", `Unreadable CSV: ${err.message}`);
      throw err;
    }
    if (parsed.problems.length > 0 || parsed.policies.length === 0) {
      throw new ApiError("VALIDATION_ERROR", parsed.policies.length === 0 && parsed.problems.length === 0 ? "CSV has no rows" : "CSV has invalid rows; nothing was imported", {
        details: { problems: parsed.problems.slice(0, 50) },
      });
    }
    await upsertPolicies(c.env.DB, parsed.policies, new Date().toISOString());
    const db = c.get("db");
    await auditInsert(db, { entityType: "policies", entityId: "bulk", action: "policies.imported", actor: c.get("user"), after: { imported: parsed.policies.length }, requestId: c.get("requestId") });
    return c.json({ imported: parsed.policies.length }, 200);
  });

  app.openapi(getRoute, async (c) => {
    const number = normalizePolicyNumber(c.req.valid("param").number);
    const row = await c.get("db").query.policies.findFirst({ where: eq(policies.policyNumber, number) });
    if (!row) throw new ApiError("NOT_FOUND", `Policy ${number} not found`);
    return c.json({ policy_number: row.policyNumber, attributes: row.attributes, updated_at: row.updatedAt }, 200);
  });
}
