import { z } from "@hono/zod-openapi";
import { CLAIM_STATUSES } from "../../../db/schema";
import { formatCents, moneyJson } from "../../../domain/money";
import { type ClaimsSummary, summariseClaims } from "../../../domain/reports/claims-summary";
import { csvTable } from "../../../domain/reports/csv-table";
import { claimAggregates } from "../../../reports/claims-summary-query";
import {
  appliedFilters,
  REPORT_FILTER_FIELDS_DESCRIPTION,
  reportFilterFields,
  reportScope,
  START_AFTER_END,
  startNotAfterEnd,
  wantsCsv,
} from "../../../reports/report-filters";
import type { Api } from "../../api";
import { protectedRoute } from "../../shared/protected-route";
import { claimsReportSchema, csvResponse } from "../schema";

export const claimsReportQuery = z.object(reportFilterFields).refine(startNotAfterEnd, START_AFTER_END);

export const getClaimsReportRoute = protectedRoute({
  method: "get",
  path: "/reports/claims",
  tags: ["reports"],
  summary: "Summary of claims: totals, fraud, reserves, statuses, per channel",
  description: REPORT_FILTER_FIELDS_DESCRIPTION,
  roles: ["insurer", "admin"],
  request: { query: claimsReportQuery },
  responses: {
    200: {
      description: "The report",
      content: {
        "application/json": { schema: claimsReportSchema },
        ...csvResponse("One line for all claims, then one per channel"),
      },
    },
  },
});

const CSV_HEADER = [
  "scope",
  "total_claims",
  "fraudulent_count",
  "avg_fraud_score",
  "avg_reserve",
  "claimed_amount",
  "approved_amount",
  ...CLAIM_STATUSES.map((status) => status.toLowerCase()),
];

function summaryCsv(summary: ClaimsSummary): string {
  const money = (cents: number | null) => (cents === null ? null : formatCents(cents));
  return csvTable(CSV_HEADER, [
    [
      "all",
      summary.total_claims,
      summary.fraudulent_count,
      summary.avg_fraud_score,
      money(summary.avg_reserve_cents),
      money(summary.claimed_cents),
      money(summary.approved_cents),
      ...CLAIM_STATUSES.map((status) => summary.status_breakdown[status]),
    ],
    ...summary.channels.map((channel) => [
      channel.channel,
      channel.total_claims,
      channel.fraudulent_count,
      null,
      null,
      money(channel.claimed_cents),
      money(channel.approved_cents),
      ...CLAIM_STATUSES.map((status) => channel.status_breakdown[status]),
    ]),
  ]);
}

export const registerGetClaimsReport = (app: Api) =>
  app.openapi(getClaimsReportRoute, async (c) => {
    const q = c.req.valid("query");
    const summary = summariseClaims(await claimAggregates(c.get("db"), reportScope(c.get("user"), q)));
    if (wantsCsv(q.format, c.req.header("accept"))) {
      return c.body(summaryCsv(summary), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="claims-report.csv"',
      });
    }
    return c.json(
      {
        total_claims: summary.total_claims,
        fraudulent_count: summary.fraudulent_count,
        avg_fraud_score: summary.avg_fraud_score,
        avg_reserve: summary.avg_reserve_cents === null ? null : moneyJson(summary.avg_reserve_cents),
        claimed_amount: moneyJson(summary.claimed_cents),
        approved_amount: moneyJson(summary.approved_cents),
        status_breakdown: summary.status_breakdown,
        channels: summary.channels.map((channel) => ({
          channel: channel.channel,
          total_claims: channel.total_claims,
          fraudulent_count: channel.fraudulent_count,
          claimed_amount: moneyJson(channel.claimed_cents),
          approved_amount: moneyJson(channel.approved_cents),
          status_breakdown: channel.status_breakdown,
        })),
        filters: appliedFilters(q),
        generated_at: new Date().toISOString(),
      },
      200,
    );
  });
