import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { auditInsert } from "../../../audit";
import { eventDeliveries } from "../../../db/schema";
import { ApiError } from "../../../errors/api-error";
import { runBatch } from "../../../events/batch";
import { seqOfEvent } from "../../../events/event-log";
import type { Api } from "../../api";
import { jsonResponse } from "../../shared/content";
import { protectedRoute } from "../../shared/protected-route";

export const postRedeliverEventRoute = protectedRoute({
  method: "post",
  path: "/events/{id}/redeliver",
  tags: ["events"],
  summary: "Deliver an event to its reactors again",
  description:
    "For a dead-lettered event once its cause is fixed (GET /events/dead-letters names them), or to check that a " +
    "redelivery changes nothing: reactors that already reacted to the event skip it, the others get it again.",
  roles: ["admin"],
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: {
    202: jsonResponse(z.object({ event_id: z.string(), status: z.literal("PENDING") }), "On the queue again"),
  },
  errors: { 404: "No such event" },
});

export const registerPostRedeliverEvent = (app: Api) =>
  app.openapi(postRedeliverEventRoute, async (c) => {
    const { id } = c.req.valid("param");
    const db = c.get("db");
    if ((await seqOfEvent(db, id)) === undefined) throw new ApiError("NOT_FOUND", `Event ${id} not found`);
    await runBatch(db, [
      db
        .update(eventDeliveries)
        .set({ status: "PENDING", lastSentAt: new Date().toISOString() })
        .where(eq(eventDeliveries.eventId, id)),
      auditInsert(db, {
        entityType: "domain_event",
        entityId: id,
        action: "domain_event.redelivered",
        actor: c.get("user"),
        requestId: c.get("requestId"),
      }),
    ]);
    await c.env.DOMAIN_EVENTS_QUEUE.send({ eventId: id }, { contentType: "json" });
    return c.json({ event_id: id, status: "PENDING" as const }, 202);
  });
