import { z } from "@hono/zod-openapi";
import { outboxEmails } from "../../../notifications/email-outbox";
import type { Api } from "../../api";
import { emailSchema } from "../../auth/schema";
import { jsonResponse } from "../../shared/content";
import { protectedRoute } from "../../shared/protected-route";

export const outboxSchema = z
  .object({
    emails: z.array(
      z.object({ id: z.string(), to: z.string(), subject: z.string(), body: z.string(), created_at: z.string() }),
    ),
  })
  .openapi("EmailOutbox");

export const listOutboxRoute = protectedRoute({
  method: "get",
  path: "/dev/outbox",
  tags: ["development"],
  summary: "The emails the service has sent (local development only)",
  description: 'Exists only when the DEV_ROUTES variable is "true" (set in .dev.vars, never in wrangler.toml).',
  roles: ["admin"],
  request: {
    query: z.object({ to: emailSchema.optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
  },
  responses: { 200: jsonResponse(outboxSchema, "Newest first") },
});

export const registerListOutbox = (app: Api) =>
  app.openapi(listOutboxRoute, async (c) => {
    const { to, limit } = c.req.valid("query");
    const rows = await outboxEmails(c.get("db"), to, limit);
    return c.json(
      {
        emails: rows.map((row) => ({
          id: row.id,
          to: row.recipient,
          subject: row.subject,
          body: row.body,
          created_at: row.createdAt,
        })),
      },
      200,
    );
  });
