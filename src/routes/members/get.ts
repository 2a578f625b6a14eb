import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { authenticate, requireRole } from "../../auth/middleware";
import { members } from "../../db/schema";
import type { HonoEnv } from "../../env";
import { ApiError } from "../../errors/api-error";
import { authErrors, bearerSecurity, errorResponse } from "../shared/responses";
import { eligibilitySchema, memberSchema, toEligibilityView, toMemberView } from "./schema";

export const getMemberRoute = createRoute({
  method: "get",
  path: "/members/{id}",
  tags: ["reference data"],
  summary: "A member (admin), or a member's eligibility (provider, before treatment)",
  security: bearerSecurity,
  middleware: [authenticate, requireRole("admin", "provider")] as const,
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: {
    200: { description: "Admins get the member; providers its eligibility", content: { "application/json": { schema: z.union([memberSchema, eligibilitySchema]) } } },
    ...authErrors,
    404: errorResponse("No such member"),
  },
});

export const registerGetMember = (app: OpenAPIHono<HonoEnv>) =>
  app.openapi(getMemberRoute, async (c) => {
    const { id } = c.req.valid("param");
    const row = await c.get("db").query.members.findFirst({ where: eq(members.memberId, id) });
    if (!row) throw new ApiError("NOT_FOUND", `Member ${id} not found`);
    return c.json(c.get("user").role === "admin" ? toMemberView(row) : toEligibilityView(row), 200);
  });
