import { z } from "@hono/zod-openapi";
import { authenticateStream } from "../../../auth/stream-authentication";
import { STREAM_HEADERS } from "../../../durable/customer-event-stream";
import { ApiError } from "../../../errors/api-error";
import { seqOfEvent } from "../../../events/event-log";
import { eventStream } from "../../../events/streams";
import type { Api } from "../../api";
import { protectedRoute } from "../../shared/protected-route";

export const getEventStreamRoute = protectedRoute({
  method: "get",
  path: "/events/stream",
  tags: ["events"],
  summary: "The customer's events, live, over a WebSocket",
  description:
    "Upgrade to a WebSocket with the bearer token in `Authorization`, or (browsers) with `?ticket=` from " +
    "POST /events/stream/ticket. Each message is one event (the envelope as JSON), in log order: first every event " +
    "after `?after=<event id>` (all of the customer's events without it), then each new one as it is committed. A " +
    "client that reconnects with the last id it received misses nothing and receives nothing twice. Send `ping` to " +
    "get `pong`.",
  roles: ["customer"],
  authentication: authenticateStream,
  request: {
    query: z.object({
      after: z.string().min(1).max(64).optional(),
      ticket: z.string().min(1).max(64).optional(),
    }),
  },
  responses: { 101: { description: "Switching to the WebSocket protocol" } },
  errors: { 400: "Not a WebSocket upgrade, or `after` names no event of the customer's" },
});

export const registerGetEventStream = (app: Api) =>
  app.openapi(getEventStreamRoute, async (c) => {
    const user = c.get("user");
    const customerId = user.customerId;
    if (!customerId) throw new ApiError("FORBIDDEN", "Only a customer has an event stream");
    if (c.req.header("upgrade")?.toLowerCase() !== "websocket") {
      throw new ApiError("VALIDATION_ERROR", "Expected a WebSocket upgrade (Upgrade: websocket)");
    }
    const { after } = c.req.valid("query");
    let afterSeq = 0;
    if (after) {
      const seq = await seqOfEvent(c.get("db"), after, customerId);
      if (seq === undefined) throw new ApiError("VALIDATION_ERROR", "`after` names no event of this customer's");
      afterSeq = seq;
    }
    const headers = new Headers(c.req.raw.headers);
    headers.delete("authorization");
    headers.set(STREAM_HEADERS.customerId, customerId);
    headers.set(STREAM_HEADERS.userId, user.id);
    if (user.sessionId) headers.set(STREAM_HEADERS.sessionId, user.sessionId);
    headers.set(STREAM_HEADERS.after, String(afterSeq));
    const upgraded = await eventStream(c.env, customerId).fetch(
      new Request("https://event-stream/connect", { headers }),
    );
    if (upgraded.status !== 101 || !upgraded.webSocket) return upgraded as never;
    // A fresh response: the stub's headers are immutable and the request context adds X-Request-Id.
    return new Response(null, { status: 101, webSocket: upgraded.webSocket }) as never;
  });
