import { z } from "@hono/zod-openapi";
import { and, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import { domainEvents } from "../../../db/schema";
import { DETAIL_TYPES } from "../../../domain/events/catalog";
import { ApiError } from "../../../errors/api-error";
import type { Api } from "../../api";
import { jsonResponse } from "../../shared/content";
import { protectedRoute } from "../../shared/protected-route";

const HOUR = 3_600_000;
const BUCKETS = {
  hour: { ms: HOUR, prefix: 13, suffix: ":00:00Z", defaultSpan: 24 * HOUR, maxSpan: 31 * 24 * HOUR },
  day: { ms: 24 * HOUR, prefix: 10, suffix: "T00:00:00Z", defaultSpan: 30 * 24 * HOUR, maxSpan: 366 * 24 * HOUR },
} as const;

const eventReportQuery = z.object({
  bucket: z.enum(["hour", "day"]).default("hour"),
  from: z.iso
    .datetime({ offset: true })
    .optional()
    .openapi({ description: "Default: 24 hours (hour) or 30 days (day) before `to`" }),
  to: z.iso.datetime({ offset: true }).optional().openapi({ description: "Default: now" }),
  detail_type: z.enum(DETAIL_TYPES).optional(),
});

export const eventReportSchema = z
  .object({
    bucket: z.enum(["hour", "day"]),
    from: z.string(),
    to: z.string(),
    totals: z.record(z.string(), z.number().int()),
    series: z.array(
      z.object({
        period: z.string().describe("Start of the hour or day, UTC"),
        counts: z.record(z.string(), z.number().int()),
        total: z.number().int(),
      }),
    ),
  })
  .openapi("EventReport");

export const getEventReportRoute = protectedRoute({
  method: "get",
  path: "/reports/events",
  tags: ["reports"],
  summary: "Events per detail-type per hour or day",
  description:
    "One count per detail-type and period (the metric per event of the journey's dashboard); empty periods are omitted.",
  roles: ["insurer", "admin"],
  request: { query: eventReportQuery },
  responses: { 200: jsonResponse(eventReportSchema, "The counts") },
});

export const registerGetEventReport = (app: Api) =>
  app.openapi(getEventReportRoute, async (c) => {
    const query = c.req.valid("query");
    const bucket = BUCKETS[query.bucket];
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - bucket.defaultSpan);
    if (from >= to) throw new ApiError("VALIDATION_ERROR", "`from` must be before `to`");
    if (to.getTime() - from.getTime() > bucket.maxSpan) {
      throw new ApiError("VALIDATION_ERROR", `At most ${bucket.maxSpan / (24 * HOUR)} days by ${query.bucket}`);
    }
    const conditions: SQL[] = [gte(domainEvents.time, from.toISOString()), lt(domainEvents.time, to.toISOString())];
    if (query.detail_type) conditions.push(eq(domainEvents.detailType, query.detail_type));
    const period = sql<string>`substr(${domainEvents.time}, 1, ${bucket.prefix})`;
    const rows = await c
      .get("db")
      .select({ period, detailType: domainEvents.detailType, count: sql<number>`count(*)` })
      .from(domainEvents)
      .where(and(...conditions))
      .groupBy(period, domainEvents.detailType)
      .orderBy(period);
    const totals: Record<string, number> = {};
    const series = new Map<string, { period: string; counts: Record<string, number>; total: number }>();
    for (const row of rows) {
      const key = `${row.period}${bucket.suffix}`;
      const entry = series.get(key) ?? { period: key, counts: {}, total: 0 };
      entry.counts[row.detailType] = row.count;
      entry.total += row.count;
      series.set(key, entry);
      totals[row.detailType] = (totals[row.detailType] ?? 0) + row.count;
    }
    return c.json(
      { bucket: query.bucket, from: from.toISOString(), to: to.toISOString(), totals, series: [...series.values()] },
      200,
    );
  });
