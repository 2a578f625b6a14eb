import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { policies } from "../../db/schema";
import { normalizePolicyNumber } from "../../domain/policies";
import { ApiError } from "../../errors/api-error";
import type { Api } from "../api";
import { jsonResponse } from "../shared/content";
import { protectedRoute } from "../shared/protected-route";
import { policySchema } from "./schema";

export const getPolicyRoute = protectedRoute({
  method: "get",
  path: "/policies/{number}",
  tags: ["reference data"],
  summary: "One policy",
  roles: ["insurer", "admin"],
  request: { params: z.object({ number: z.string().min(1).max(40) }) },
  responses: { 200: jsonResponse(policySchema, "The policy") },
  errors: { 404: "No such policy" },
});

export const registerGetPolicy = (app: Api) =>
  app.openapi(getPolicyRoute, async (c) => {
    const number = normalizePolicyNumber(c.req.valid("param").number);
    const row = await c.get("db").query.policies.findFirst({ where: eq(policies.policyNumber, number) });
    if (!row) throw new ApiError("NOT_FOUND", `Policy ${number} not found`);
    return c.json({ policy_number: row.policyNumber, attributes: row.attributes, updated_at: row.updatedAt }, 200);
  });
