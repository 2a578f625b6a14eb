import { z } from "@hono/zod-openapi";
import { and, eq, gte, lt, type SQL } from "drizzle-orm";
import type { CurrentUser } from "../auth/current-user";
import { withinCaseload } from "../claims/scope";
import { CHANNELS, CLAIM_STATUSES, claims } from "../db/schema";

const INVALID_DATE = "Invalid date format";

/** YYYY-MM-DD that is a real calendar day; anything else is "Invalid date format". */
const reportDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, INVALID_DATE)
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
  }, INVALID_DATE);

/** What every report is filtered by: the claim's creation day (UTC, both ends inclusive), status and channel. */
export const reportFilterFields = {
  start_date: reportDate.optional().openapi({ description: "Claims created on or after this day (YYYY-MM-DD, UTC)" }),
  end_date: reportDate.optional().openapi({ description: "Claims created on or before this day (YYYY-MM-DD, UTC)" }),
  status: z
    .string()
    .transform((s) => s.toUpperCase())
    .pipe(z.enum(CLAIM_STATUSES))
    .optional()
    .openapi({ description: "Any case: approved, APPROVED, …" }),
  channel: z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(z.enum(CHANNELS))
    .optional(),
  format: z
    .enum(["json", "csv"])
    .optional()
    .openapi({ description: "csv answers text/csv (so does Accept: text/csv); json by default" }),
};

export type ReportFilters = {
  start_date?: string | undefined;
  end_date?: string | undefined;
  status?: (typeof CLAIM_STATUSES)[number] | undefined;
  channel?: (typeof CHANNELS)[number] | undefined;
};

export const startNotAfterEnd = (q: ReportFilters) => !q.start_date || !q.end_date || q.start_date <= q.end_date;
export const START_AFTER_END = { message: "start_date must not be after end_date", path: ["end_date"] };

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The claims a report counts: the filters, within the caller's caseload (an adjuster: its own and assigned claims). */
export function reportScope(user: CurrentUser, q: ReportFilters): SQL | undefined {
  return withinCaseload(
    user,
    and(
      q.status ? eq(claims.status, q.status) : undefined,
      q.channel ? eq(claims.channel, q.channel) : undefined,
      q.start_date ? gte(claims.createdAt, q.start_date) : undefined,
      q.end_date ? lt(claims.createdAt, nextDay(q.end_date)) : undefined,
    ),
  );
}

/** CSV when asked by `format=csv` or an Accept header that names text/csv (and not JSON first). */
export function wantsCsv(format: "json" | "csv" | undefined, accept: string | undefined): boolean {
  if (format) return format === "csv";
  const types = (accept ?? "").split(",").map((part) => part.split(";")[0]!.trim().toLowerCase());
  const csv = types.indexOf("text/csv");
  const json = types.indexOf("application/json");
  return csv >= 0 && (json < 0 || csv < json);
}

/** The filters as applied, echoed in a report. */
export const appliedFilters = (q: ReportFilters) => ({
  start_date: q.start_date ?? null,
  end_date: q.end_date ?? null,
  status: q.status ?? null,
  channel: q.channel ?? null,
});

export const appliedFiltersSchema = z.object({
  start_date: z.string().nullable(),
  end_date: z.string().nullable(),
  status: z.enum(CLAIM_STATUSES).nullable(),
  channel: z.enum(CHANNELS).nullable(),
});

export const REPORT_FILTER_FIELDS_DESCRIPTION =
  "Counted in D1 with GROUP BY over the claims in the caller's caseload (an adjuster: the claims it uploaded or is " +
  "assigned; an admin: all). A claim counts as fraudulent by the adjuster's verdict when there is one, else by the " +
  "rules' flag or the fraud model's call. CSV with `format=csv` or `Accept: text/csv`.";
