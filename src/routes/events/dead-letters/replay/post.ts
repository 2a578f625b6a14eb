import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { auditInsert } from "../../../../audit";
import { deadLetters, eventDeliveries } from "../../../../db/schema";
import { ApiError } from "../../../../errors/api-error";
import { runBatch } from "../../../../events/batch";
import type { Api } from "../../../api";
import { jsonResponse } from "../../../shared/content";
import { protectedRoute } from "../../../shared/protected-route";

export const postReplayDeadLetterRoute = protectedRoute({
  method: "post",
  path: "/events/dead-letters/{id}/replay",
  tags: ["events"],
  summary: "Deliver a dead-lettered event again (after the cause is fixed)",
  description: "Reactors that already reacted to the event skip it; the others get it again.",
  roles: ["admin"],
  request: { params: z.object({ id: z.coerce.number().int().min(1) }) },
  responses: { 202: jsonResponse(z.object({ event_id: z.string(), status: z.literal("PENDING") }), "Queued again") },
  errors: { 404: "No such dead letter, or it names no event" },
});

export const registerPostReplayDeadLetter = (app: Api) =>
  app.openapi(postReplayDeadLetterRoute, async (c) => {
    const { id } = c.req.valid("param");
    const db = c.get("db");
    const letter = await db.select().from(deadLetters).where(eq(deadLetters.id, id)).get();
    if (!letter?.eventId) throw new ApiError("NOT_FOUND", `Dead letter ${id} not found`);
    await runBatch(db, [
      db
        .update(eventDeliveries)
        .set({ status: "PENDING", lastSentAt: new Date().toISOString() })
        .where(eq(eventDeliveries.eventId, letter.eventId)),
      auditInsert(db, {
        entityType: "domain_event",
        entityId: letter.eventId,
        action: "domain_event.replayed",
        actor: c.get("user"),
        after: { dead_letter_id: id },
        requestId: c.get("requestId"),
      }),
    ]);
    await c.env.DOMAIN_EVENTS_QUEUE.send({ eventId: letter.eventId }, { contentType: "json" });
    return c.json({ event_id: letter.eventId, status: "PENDING" as const }, 202);
  });
