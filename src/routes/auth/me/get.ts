import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { authenticate } from "../../../auth/middleware";
import { users } from "../../../db/schema";
import type { HonoEnv } from "../../../env";
import { ApiError } from "../../../errors/api-error";
import { authErrors, bearerSecurity } from "../../shared/responses";
import { toUserView, userSchema } from "../schema";

export const meRoute = createRoute({
  method: "get",
  path: "/auth/me",
  tags: ["auth"],
  summary: "The authenticated caller",
  security: bearerSecurity,
  middleware: [authenticate] as const,
  responses: {
    200: { description: "The caller's user record", content: { "application/json": { schema: userSchema } } },
    ...authErrors,
  },
});

export const registerMe = (app: OpenAPIHono<HonoEnv>) =>
  app.openapi(meRoute, async (c) => {
    const user = await c.get("db").query.users.findFirst({ where: eq(users.id, c.get("user").id) });
    if (!user) throw new ApiError("UNAUTHORIZED", "The token's user no longer exists");
    return c.json(toUserView(user), 200);
  });
