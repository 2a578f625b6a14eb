import { z } from "@hono/zod-openapi";
import { insertAudited } from "../../../db/insert-audited";
import { procedureRules } from "../../../db/schema";
import { forgetsReferenceData } from "../../../middleware/forget-reference-data";
import type { Api } from "../../api";
import { jsonBody, jsonResponse } from "../../shared/content";
import { protectedRoute } from "../../shared/protected-route";
import { codePattern, ruleSchema, toRuleView } from "./schema";

const createRuleRequest = z
  .object({
    diagnosis_pattern: codePattern.openapi({ example: "D001" }),
    procedure_pattern: codePattern.openapi({ example: "P001" }),
  })
  .strict()
  .openapi("CreateProcedureRuleRequest");

export const postRuleRoute = protectedRoute({
  method: "post",
  path: "/codes/rules",
  tags: ["reference data"],
  summary: "Allow a procedure (pattern) for a diagnosis (pattern)",
  description:
    "A diagnosis named by any rule is restricted to the procedures its rules allow; a diagnosis no rule names is " +
    "unrestricted. Patterns are exact codes or prefixes ending in '*'.",
  roles: ["admin"],
  middleware: [forgetsReferenceData],
  request: { body: jsonBody(createRuleRequest) },
  responses: { 201: jsonResponse(ruleSchema, "The rule") },
  errors: { 409: "Rule already exists" },
});

export const registerPostRule = (app: Api) =>
  app.openapi(postRuleRoute, async (c) => {
    const body = c.req.valid("json");
    const db = c.get("db");
    const row = {
      diagnosisPattern: body.diagnosis_pattern,
      procedurePattern: body.procedure_pattern,
      createdAt: new Date().toISOString(),
    };
    await insertAudited(
      db,
      db.insert(procedureRules).values(row),
      {
        entityType: "procedure_rule",
        entityId: `${row.diagnosisPattern}->${row.procedurePattern}`,
        action: "procedure_rule.created",
        actor: c.get("user"),
        after: row,
        requestId: c.get("requestId"),
      },
      { message: "Rule already exists" },
    );
    return c.json(toRuleView(row), 201);
  });
