import { z } from "@hono/zod-openapi";
import { auditInsert } from "../../../audit";
import { parsePolicyCsv } from "../../../domain/policies";
import { upsertPolicies } from "../../../reference/policy-store";
import type { Api } from "../../api";
import { jsonResponse } from "../../shared/content";
import { csvRequestBody, MAX_CSV_BYTES, parseCsvImport, readCsvBody } from "../../shared/csv-body";
import { protectedRoute } from "../../shared/protected-route";

export const postPolicyImportRoute = protectedRoute({
  method: "post",
  path: "/policies/import",
  tags: ["reference data"],
  summary: "Bulk import policies from CSV",
  description:
    "Columns: policy_number plus any of the insurance_claims policy and insured columns (policy_bind_date, " +
    "policy_annual_premium, umbrella_limit, insured_hobbies, …).",
  roles: ["admin"],
  bodyLimit: MAX_CSV_BYTES,
  request: { body: csvRequestBody("policy_number,policy_bind_date,policy_annual_premium\n521585,2014-10-17,1406.91") },
  responses: { 200: jsonResponse(z.object({ imported: z.number() }).openapi("PolicyImportResult"), "Imported") },
  errors: {
    400: "Unreadable CSV or invalid rows; nothing was imported",
    413: "CSV larger than 20 MB",
    415: "Body is not text/csv",
  },
});

export const registerPostPolicyImport = (app: Api) =>
  app.openapi(postPolicyImportRoute, async (c) => {
    const text = await readCsvBody(c);
    const parsed = parseCsvImport(
      () => parsePolicyCsv(text),
      (p) => p.policies.length,
    );
    await upsertPolicies(c.env.DB, parsed.policies, new Date().toISOString());
    await auditInsert(c.get("db"), {
      entityType: "policies",
      entityId: "bulk",
      action: "policies.imported",
      actor: c.get("user"),
      after: { imported: parsed.policies.length },
      requestId: c.get("requestId"),
    });
    return c.json({ imported: parsed.policies.length }, 200);
  });
