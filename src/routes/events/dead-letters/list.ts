import { z } from "@hono/zod-openapi";
import { desc } from "drizzle-orm";
import { deadLetters } from "../../../db/schema";
import type { Api } from "../../api";
import { jsonResponse } from "../../shared/content";
import { protectedRoute } from "../../shared/protected-route";

export const deadLetterSchema = z
  .object({
    id: z.number().int(),
    queue: z.string(),
    message_id: z.string(),
    event_id: z.string().nullable(),
    body: z.unknown(),
    attempts: z.number().int(),
    recorded_at: z.string(),
  })
  .openapi("DeadLetter");

export const listDeadLettersRoute = protectedRoute({
  method: "get",
  path: "/events/dead-letters",
  tags: ["events"],
  summary: "Event deliveries that failed every retry",
  roles: ["admin"],
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }) },
  responses: { 200: jsonResponse(z.object({ dead_letters: z.array(deadLetterSchema) }), "Newest first") },
});

export const registerListDeadLetters = (app: Api) =>
  app.openapi(listDeadLettersRoute, async (c) => {
    const rows = await c
      .get("db")
      .select()
      .from(deadLetters)
      .orderBy(desc(deadLetters.id))
      .limit(c.req.valid("query").limit);
    return c.json(
      {
        dead_letters: rows.map((row) => ({
          id: row.id,
          queue: row.queue,
          message_id: row.messageId,
          event_id: row.eventId,
          body: row.body,
          attempts: row.attempts,
          recorded_at: row.recordedAt,
        })),
      },
      200,
    );
  });
