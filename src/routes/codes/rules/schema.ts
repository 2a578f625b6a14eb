import { z } from "@hono/zod-openapi";
import type { procedureRules } from "../../../db/schema";

/** A diagnosis or procedure code, a code prefix ending in '*', or '*'. */
export const codePattern = z
  .string()
  .trim()
  .transform((value) => value.replace(/[\s.]/g, "").toUpperCase())
  .pipe(z.string().regex(/^(\*|[A-Z0-9]{1,10}\*?)$/, "must be a code, a code prefix ending in '*', or '*'"));

export const ruleSchema = z
  .object({ diagnosis_pattern: z.string(), procedure_pattern: z.string(), created_at: z.string() })
  .openapi("ProcedureRule");

export const toRuleView = (row: typeof procedureRules.$inferSelect) => ({
  diagnosis_pattern: row.diagnosisPattern,
  procedure_pattern: row.procedurePattern,
  created_at: row.createdAt,
});
