import { z } from "@hono/zod-openapi";
import { asc } from "drizzle-orm";
import { procedureRules } from "../../../db/schema";
import type { Api } from "../../api";
import { jsonResponse } from "../../shared/content";
import { protectedRoute } from "../../shared/protected-route";
import { ruleSchema, toRuleView } from "./schema";

export const listRulesRoute = protectedRoute({
  method: "get",
  path: "/codes/rules",
  tags: ["reference data"],
  summary: "List allowed diagnosis → procedure rules",
  roles: ["admin"],
  responses: { 200: jsonResponse(z.object({ rules: z.array(ruleSchema) }).openapi("ProcedureRuleList"), "Every rule") },
});

export const registerListRules = (app: Api) =>
  app.openapi(listRulesRoute, async (c) => {
    const rows = await c
      .get("db")
      .select()
      .from(procedureRules)
      .orderBy(asc(procedureRules.diagnosisPattern), asc(procedureRules.procedurePattern));
    return c.json({ rules: rows.map(toRuleView) }, 200);
  });
