import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { auditInsert } from "../../../audit";
import { revokeSession, rotateRefreshToken } from "../../../auth/sessions";
import { users } from "../../../db/schema";
import { appConfig } from "../../../env";
import { ApiError } from "../../../errors/api-error";
import { closeStreams } from "../../../events/streams";
import type { Api } from "../../api";
import { jsonBody, jsonResponse } from "../../shared/content";
import { publicRoute } from "../../shared/protected-route";
import { tokenResponseSchema } from "../schema";
import { tokenResponse } from "../token-response";

const refreshRequest = z
  .object({ refresh_token: z.string().min(1).max(200) })
  .strict()
  .openapi("RefreshRequest");

export const postRefreshRoute = publicRoute({
  method: "post",
  path: "/auth/refresh",
  tags: ["auth"],
  summary: "Exchange the refresh token for a new access token and a new refresh token",
  description:
    "Each refresh token works once. Presenting one that was already exchanged revokes the whole session " +
    "(someone else holds a copy), and every token of it stops working.",
  request: { body: jsonBody(refreshRequest) },
  responses: { 200: jsonResponse(tokenResponseSchema, "The session's new tokens") },
  errors: { 401: "Unknown, expired, revoked or reused refresh token, or the user is deactivated" },
});

export const registerPostRefresh = (app: Api) =>
  app.openapi(postRefreshRoute, async (c) => {
    const db = c.get("db");
    const config = appConfig(c.env);
    const outcome = await rotateRefreshToken(db, c.req.valid("json").refresh_token, config);
    if (outcome.kind === "reused") {
      await auditInsert(db, {
        entityType: "session",
        entityId: outcome.sessionId,
        action: "session.refresh_token_reused",
        actor: null,
        after: { user_id: outcome.userId, revoked: true },
        requestId: c.get("requestId"),
      });
      const owner = await db.query.users.findFirst({ where: eq(users.id, outcome.userId) });
      await closeStreams(c.env, owner?.customerId, { sessionId: outcome.sessionId }, "session revoked");
      throw new ApiError("UNAUTHORIZED", "The refresh token was already used; the session is revoked");
    }
    if (outcome.kind === "invalid") throw new ApiError("UNAUTHORIZED", "Invalid or expired refresh token");
    const user = await db.query.users.findFirst({ where: eq(users.id, outcome.userId) });
    if (!user?.active) {
      await revokeSession(db, outcome.sessionId, "user deactivated");
      throw new ApiError("UNAUTHORIZED", "Invalid or expired refresh token");
    }
    return c.json(await tokenResponse(user, outcome, config), 200);
  });
