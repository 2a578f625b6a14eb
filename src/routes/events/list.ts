import { z } from "@hono/zod-openapi";
import { and, asc, eq, gt, gte, lte, or, type SQL, sql } from "drizzle-orm";
import { isStaff } from "../../auth/current-user";
import { domainEvents, fnolClaims } from "../../db/schema";
import { DETAIL_TYPES } from "../../domain/events/catalog";
import { eventForCustomer } from "../../domain/events/customer-view";
import { ApiError } from "../../errors/api-error";
import { envelopeOf, seqOfEvent, toLoggedEvent } from "../../events/event-log";
import type { Api } from "../api";
import { jsonResponse } from "../shared/content";
import { protectedRoute } from "../shared/protected-route";
import { eventPageSchema } from "./schema";

const eventQuery = z.object({
  after: z.string().min(1).max(64).optional().openapi({ description: "The last event id the client has" }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  customer_id: z.string().min(1).max(64).optional().openapi({ description: "Staff only" }),
  claim_id: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .openapi({ description: "Only the events of one first notice of loss (its damage photo's and fraud check's too)" }),
  detail_type: z.enum(DETAIL_TYPES).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export const listEventsRoute = protectedRoute({
  method: "get",
  path: "/events",
  tags: ["events"],
  summary: "The event log, in order, after an event id",
  description:
    "A customer reads its own events; staff read everyone's and may filter by customer, detail-type and time. " +
    "The same events, in the same order, as the WebSocket stream. `claim_id` narrows to one claim's timeline.",
  roles: ["customer", "insurer", "admin"],
  request: { query: eventQuery },
  responses: { 200: jsonResponse(eventPageSchema, "A page of events") },
  errors: { 400: "Invalid query, or `after` is not an event the caller may see" },
});

export const registerListEvents = (app: Api) =>
  app.openapi(listEventsRoute, async (c) => {
    const query = c.req.valid("query");
    const user = c.get("user");
    const db = c.get("db");
    const customerId = isStaff(user) ? query.customer_id : (user.customerId ?? "\u0000");
    const conditions: SQL[] = [];
    if (customerId !== undefined) conditions.push(eq(domainEvents.customerId, customerId));
    if (query.claim_id) {
      // The claim's customer narrows the scan to its events (the customer index); a claim the caller may not see matches nothing.
      const claim = await db
        .select({ customerId: fnolClaims.customerId })
        .from(fnolClaims)
        .where(eq(fnolClaims.claimId, query.claim_id))
        .get();
      conditions.push(
        eq(domainEvents.customerId, claim?.customerId ?? "\u0000"),
        or(
          eq(domainEvents.subjectId, query.claim_id),
          sql`json_extract(${domainEvents.detail}, '$.claimId') = ${query.claim_id}`,
        )!,
      );
    }
    if (query.detail_type) conditions.push(eq(domainEvents.detailType, query.detail_type));
    if (query.from) conditions.push(gte(domainEvents.time, new Date(query.from).toISOString()));
    if (query.to) conditions.push(lte(domainEvents.time, new Date(query.to).toISOString()));
    if (query.after) {
      const seq = await seqOfEvent(db, query.after, customerId);
      if (seq === undefined) {
        throw new ApiError("VALIDATION_ERROR", "`after` names no event in this log", {
          details: { after: query.after },
        });
      }
      conditions.push(gt(domainEvents.seq, seq));
    }
    const rows = await db
      .select()
      .from(domainEvents)
      .where(and(...conditions))
      .orderBy(asc(domainEvents.seq))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit).map(toLoggedEvent);
    return c.json(
      {
        events: page.map((event) => (isStaff(user) ? envelopeOf(event) : eventForCustomer(envelopeOf(event)))),
        next_after: rows.length > query.limit ? page[page.length - 1]!.id : null,
      },
      200,
    );
  });
