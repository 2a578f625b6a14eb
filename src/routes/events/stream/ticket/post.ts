import { z } from "@hono/zod-openapi";
import { issueStreamTicket, STREAM_TICKET_TTL_SECONDS } from "../../../../events/stream-tickets";
import type { Api } from "../../../api";
import { jsonResponse } from "../../../shared/content";
import { protectedRoute } from "../../../shared/protected-route";

export const streamTicketSchema = z
  .object({
    ticket: z.string(),
    expires_at: z.string(),
    stream_url: z.string().describe("Open it as a WebSocket; add `&after=<last event id>` to resume"),
  })
  .openapi("StreamTicket");

export const postStreamTicketRoute = protectedRoute({
  method: "post",
  path: "/events/stream/ticket",
  tags: ["events"],
  summary: "A single-use ticket to open the event stream from a browser",
  description: `Browsers cannot set an Authorization header on a WebSocket: the ticket stands in for it, once, within ${STREAM_TICKET_TTL_SECONDS} seconds.`,
  roles: ["customer"],
  responses: { 201: jsonResponse(streamTicketSchema, "The ticket") },
});

export const registerPostStreamTicket = (app: Api) =>
  app.openapi(postStreamTicketRoute, async (c) => {
    const { ticket, expiresAt } = await issueStreamTicket(c.get("db"), c.get("user"));
    return c.json({ ticket, expires_at: expiresAt, stream_url: `/api/v1/events/stream?ticket=${ticket}` }, 201);
  });
