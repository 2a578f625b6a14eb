import { z } from "@hono/zod-openapi";
import { csvTable } from "../../../domain/reports/csv-table";
import { orderTrends, TREND_GROUPINGS } from "../../../domain/reports/fraud-trends";
import { trendAggregates } from "../../../reports/fraud-trends-query";
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
import { csvResponse, fraudTrendsReportSchema } from "../schema";

export const fraudTrendsQuery = z
  .object({
    group_by: z
      .enum(TREND_GROUPINGS, { message: `Invalid group_by parameter: expected one of ${TREND_GROUPINGS.join(", ")}` })
      .default("amount")
      .openapi({
        description:
          "amount (bands 0-5000, 5001-10000, 10001-25000, 25001-50000, 50001-100000, 100001+), region (the incident " +
          "state read from the claim, else the policy's state), month (of the claim's creation), channel, " +
          "incident_type, provider",
      }),
    ...reportFilterFields,
  })
  .refine(startNotAfterEnd, START_AFTER_END);

export const getFraudTrendsRoute = protectedRoute({
  method: "get",
  path: "/reports/fraud_trends",
  tags: ["reports"],
  summary: "Fraudulent and total claims per amount band, region, month, channel, incident type or provider",
  description: REPORT_FILTER_FIELDS_DESCRIPTION,
  roles: ["insurer", "admin"],
  request: { query: fraudTrendsQuery },
  responses: {
    200: {
      description: "The trend",
      content: {
        "application/json": { schema: fraudTrendsReportSchema },
        ...csvResponse("range (or key), fraud_count, total_count, fraud_rate"),
      },
    },
  },
});

export const registerGetFraudTrends = (app: Api) =>
  app.openapi(getFraudTrendsRoute, async (c) => {
    const q = c.req.valid("query");
    const trends = orderTrends(
      q.group_by,
      await trendAggregates(c.get("db"), q.group_by, reportScope(c.get("user"), q)),
    );
    const keyName = q.group_by === "amount" ? "range" : "key";
    if (wantsCsv(q.format, c.req.header("accept"))) {
      const csv = csvTable(
        [keyName, "fraud_count", "total_count", "fraud_rate"],
        trends.map((t) => [t.key, t.fraud_count, t.total_count, t.fraud_rate]),
      );
      return c.body(csv, 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="fraud-trends-${q.group_by}.csv"`,
      });
    }
    return c.json(
      {
        group_by: q.group_by,
        trends: trends.map(({ key, ...counts }) => ({ [keyName]: key, ...counts })),
        filters: appliedFilters(q),
        generated_at: new Date().toISOString(),
      },
      200,
    );
  });
