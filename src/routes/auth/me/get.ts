import { eq } from "drizzle-orm";
import { ROLES, users } from "../../../db/schema";
import { ApiError } from "../../../errors/api-error";
import type { Api } from "../../api";
import { jsonResponse } from "../../shared/content";
import { protectedRoute } from "../../shared/protected-route";
import { toUserView, userSchema } from "../schema";

export const getMeRoute = protectedRoute({
  method: "get",
  path: "/auth/me",
  tags: ["auth"],
  summary: "The authenticated caller",
  roles: ROLES,
  responses: { 200: jsonResponse(userSchema, "The caller's user record") },
});

export const registerGetMe = (app: Api) =>
  app.openapi(getMeRoute, async (c) => {
    const user = await c.get("db").query.users.findFirst({ where: eq(users.id, c.get("user").id) });
    if (!user) throw new ApiError("UNAUTHORIZED", "The token's user no longer exists");
    return c.json(toUserView(user), 200);
  });
