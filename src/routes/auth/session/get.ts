import { z } from "@hono/zod-openapi";
import { ROLES } from "../../../db/schema";
import type { Api } from "../../api";
import { jsonResponse } from "../../shared/content";
import { protectedRoute } from "../../shared/protected-route";

export const sessionSchema = z
  .object({
    user_id: z.string(),
    email: z.string(),
    role: z.enum(ROLES),
    provider_id: z.string().nullable(),
    customer_id: z.string().nullable(),
  })
  .openapi("Session");

export const getSessionRoute = protectedRoute({
  method: "get",
  path: "/auth/session",
  tags: ["auth"],
  summary: "The caller as its session says now (the session check is cached a few seconds per isolate)",
  roles: ROLES,
  responses: { 200: jsonResponse(sessionSchema, "The verified token's identity") },
});

export const registerGetSession = (app: Api) =>
  app.openapi(getSessionRoute, (c) => {
    const user = c.get("user");
    return c.json(
      {
        user_id: user.id,
        email: user.email,
        role: user.role,
        provider_id: user.providerId,
        customer_id: user.customerId,
      },
      200,
    );
  });
