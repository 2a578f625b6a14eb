import { z } from "@hono/zod-openapi";
import { revokeSession } from "../../../auth/sessions";
import { ROLES } from "../../../db/schema";
import { closeStreams } from "../../../events/streams";
import type { Api } from "../../api";
import { jsonResponse } from "../../shared/content";
import { protectedRoute } from "../../shared/protected-route";

export const logoutResponseSchema = z.object({ message: z.string() }).openapi("LogoutResponse");

export const postLogoutRoute = protectedRoute({
  method: "post",
  path: "/auth/logout",
  tags: ["auth"],
  summary: "End the caller's session: its access and refresh tokens stop working",
  roles: ROLES,
  responses: { 200: jsonResponse(logoutResponseSchema, "Logged out") },
});

export const registerPostLogout = (app: Api) =>
  app.openapi(postLogoutRoute, async (c) => {
    const { sessionId, customerId } = c.get("user");
    if (sessionId) {
      await revokeSession(c.get("db"), sessionId, "logout");
      await closeStreams(c.env, customerId, { sessionId }, "logged out");
    }
    return c.json({ message: "Logged out" }, 200);
  });
