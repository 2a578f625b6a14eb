import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { authenticate } from "../../../auth/middleware";
import { ROLES } from "../../../db/schema";
import type { HonoEnv } from "../../../env";
import { authErrors, bearerSecurity } from "../../shared/responses";

const sessionSchema = z
  .object({ user_id: z.string(), email: z.string(), role: z.enum(ROLES), provider_id: z.string().nullable(), customer_id: z.string().nullable() })
  .openapi("Session");

export const sessionRoute = createRoute({
  method: "get",
  path: "/auth/session",
  tags: ["auth"],
  summary: "What the bearer token says, without touching the database",
  security: bearerSecurity,
  middleware: [authenticate] as const,
  responses: {
    200: { description: "The verified token's identity", content: { "application/json": { schema: sessionSchema } } },
    ...authErrors,
  },
});

export const registerSession = (app: OpenAPIHono<HonoEnv>) =>
  app.openapi(sessionRoute, (c) => {
    const user = c.get("user");
    return c.json({ user_id: user.id, email: user.email, role: user.role, provider_id: user.providerId, customer_id: user.customerId }, 200);
  });
