import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { members } from "../../db/schema";
import { ApiError } from "../../errors/api-error";
import type { Api } from "../api";
import { jsonResponse } from "../shared/content";
import { referenceIdParams } from "../shared/inputs";
import { protectedRoute } from "../shared/protected-route";
import { eligibilitySchema, memberSchema, toEligibilityView, toMemberView } from "./schema";

export const getMemberRoute = protectedRoute({
  method: "get",
  path: "/members/{id}",
  tags: ["reference data"],
  summary: "A member (admin), or a member's eligibility (provider, before treatment)",
  roles: ["admin", "provider"],
  request: { params: referenceIdParams },
  responses: {
    200: jsonResponse(z.union([memberSchema, eligibilitySchema]), "Admins get the member; providers its eligibility"),
  },
  errors: { 404: "No such member" },
});

export const registerGetMember = (app: Api) =>
  app.openapi(getMemberRoute, async (c) => {
    const { id } = c.req.valid("param");
    const row = await c.get("db").query.members.findFirst({ where: eq(members.memberId, id) });
    if (!row) throw new ApiError("NOT_FOUND", `Member ${id} not found`);
    return c.json(c.get("user").role === "admin" ? toMemberView(row) : toEligibilityView(row), 200);
  });
