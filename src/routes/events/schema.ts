import { z } from "@hono/zod-openapi";
import { DETAIL_TYPES } from "../../domain/events/catalog";

export const eventEnvelopeSchema = z
  .object({
    version: z.string(),
    id: z.string(),
    "detail-type": z.enum(DETAIL_TYPES),
    source: z.string(),
    time: z.string(),
    detail: z.record(z.string(), z.unknown()),
  })
  .openapi("DomainEvent", {
    description: "An event in the source system's envelope; /api/v1/asyncapi.json describes every detail",
  });

export const eventPageSchema = z
  .object({
    events: z.array(eventEnvelopeSchema),
    next_after: z.string().nullable().describe("Pass as `after` for the next page; null at the end of the log"),
  })
  .openapi("DomainEventPage");
