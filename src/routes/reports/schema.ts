import { z } from "@hono/zod-openapi";
import { CHANNELS, CLAIM_STATUSES } from "../../db/schema";
import { appliedFiltersSchema } from "../../reports/report-filters";

const statusBreakdownSchema = z
  .object(Object.fromEntries(CLAIM_STATUSES.map((status) => [status, z.number().int()])))
  .openapi("StatusBreakdown", { description: "Claims per status; every status is present" });

export const channelSummarySchema = z
  .object({
    channel: z.enum(CHANNELS),
    total_claims: z.number().int(),
    fraudulent_count: z.number().int(),
    claimed_amount: z.number(),
    approved_amount: z.number(),
    status_breakdown: statusBreakdownSchema,
  })
  .openapi("ChannelSummary");

export const claimsReportSchema = z
  .object({
    total_claims: z.number().int().openapi({ example: 100 }),
    fraudulent_count: z.number().int().openapi({ example: 10 }),
    avg_fraud_score: z.number().nullable().openapi({ example: 0.3, description: "Over the claims a model scored" }),
    avg_reserve: z
      .number()
      .nullable()
      .openapi({ example: 5000.0, description: "Over the claims with a reserve estimate" }),
    claimed_amount: z.number(),
    approved_amount: z.number(),
    status_breakdown: statusBreakdownSchema,
    channels: z.array(channelSummarySchema),
    filters: appliedFiltersSchema,
    generated_at: z.string(),
  })
  .openapi("ClaimsReport");

export const fraudTrendSchema = z
  .object({
    range: z.string().optional().openapi({ description: "group_by=amount: the amount band", example: "0-5000" }),
    key: z.string().optional().openapi({ description: "Any other group_by: the group", example: "OH" }),
    fraud_count: z.number().int(),
    total_count: z.number().int(),
    fraud_rate: z.number(),
  })
  .openapi("FraudTrend");

export const fraudTrendsReportSchema = z
  .object({
    group_by: z.string(),
    trends: z.array(fraudTrendSchema),
    filters: appliedFiltersSchema,
    generated_at: z.string(),
  })
  .openapi("FraudTrendsReport");

export const csvResponse = (description: string) => ({ "text/csv": { schema: z.string().openapi({ description }) } });
