import { z } from "zod";
import {
  DETAIL_TYPES,
  type DetailType,
  detailSchemaOf,
  ENVELOPE_VERSION,
  EVENT_SOURCES,
  EVENT_SUMMARIES,
} from "../domain/events/catalog";
import type { Reactor } from "./reactor";

const componentName = (type: DetailType) => type.replace(/\./g, "");

function toSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { target: "draft-7", io: "output" }) as Record<
    string,
    unknown
  >;
  return json;
}

/** The envelope of one detail-type, with its detail schema inside. */
const envelopeSchemaOf = (type: DetailType) =>
  z
    .object({
      version: z.literal(ENVELOPE_VERSION),
      id: z.uuid(),
      "detail-type": z.literal(type),
      source: z.literal(EVENT_SOURCES[type]),
      time: z.string().describe("ISO-8601 UTC"),
      detail: detailSchemaOf(type),
    })
    .strict();

/**
 * The event catalog as an AsyncAPI 3.0 document, generated from the zod schemas that validate every
 * event written to the log: what each event carries, who emits it (`x-source`) and who reacts to it
 * (`x-consumers`), and the two ways a client receives them (the WebSocket stream and the paged log).
 */
export function asyncApiDocument(options: { origin: string; version: string; reactors: readonly Reactor[] }) {
  const url = new URL(options.origin);
  const messages = Object.fromEntries(
    DETAIL_TYPES.map((type) => [
      componentName(type),
      {
        name: type,
        title: type,
        summary: EVENT_SUMMARIES[type],
        contentType: "application/json",
        payload: { $ref: `#/components/schemas/${componentName(type)}` },
        "x-source": EVENT_SOURCES[type],
        "x-consumers": [
          "the customer's event stream",
          ...options.reactors.filter((r) => r.reactsTo.includes(type)).map((r) => r.name),
        ],
      },
    ]),
  );
  const messageRefs = Object.fromEntries(
    DETAIL_TYPES.map((type) => [componentName(type), { $ref: `#/components/messages/${componentName(type)}` }]),
  );
  return {
    asyncapi: "3.0.0",
    info: {
      title: "ClaimsEdge first-notice-of-loss events",
      version: options.version,
      description:
        "Every step of the first-notice-of-loss journey emits one of these events. They are written to an " +
        "append-only log in the same transaction as the change that caused them, delivered to the reactors " +
        "on a queue, and pushed to the customer's clients over a WebSocket in log order. GET /api/v1/events " +
        "pages the same log.",
    },
    defaultContentType: "application/json",
    servers: {
      api: {
        host: url.host,
        protocol: url.protocol === "https:" ? "wss" : "ws",
        description: "The API; the stream needs a customer's bearer token or a single-use ticket",
        security: [{ $ref: "#/components/securitySchemes/bearer" }, { $ref: "#/components/securitySchemes/ticket" }],
      },
    },
    channels: {
      customerEvents: {
        address: "/api/v1/events/stream",
        title: "A customer's events, live",
        description: "One message per event, in log order; `?after=<event id>` resumes after the last one received.",
        messages: messageRefs,
      },
    },
    operations: {
      receiveCustomerEvents: {
        action: "receive",
        channel: { $ref: "#/channels/customerEvents" },
        summary: "Receive the customer's events as they happen",
        messages: DETAIL_TYPES.map((type) => ({ $ref: `#/channels/customerEvents/messages/${componentName(type)}` })),
      },
    },
    components: {
      messages,
      schemas: Object.fromEntries(DETAIL_TYPES.map((type) => [componentName(type), toSchema(envelopeSchemaOf(type))])),
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
        ticket: {
          type: "httpApiKey",
          in: "query",
          name: "ticket",
          description: "From POST /api/v1/events/stream/ticket",
        },
      },
    },
  };
}
