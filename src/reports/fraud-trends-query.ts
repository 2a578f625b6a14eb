import { count, eq, type SQL, sql } from "drizzle-orm";
import { fraudVerdict } from "../claims/fraud-verdict";
import type { Database } from "../db/client";
import { claims, policies, predictions } from "../db/schema";
import { AMOUNT_RANGES, UNKNOWN_AMOUNT } from "../domain/reports/amount-ranges";
import type { TrendAggregate, TrendGrouping } from "../domain/reports/fraud-trends";

/** The most groups a trend returns (regions, providers): the largest by claim count. */
export const MAX_TREND_GROUPS = 500;

const amountBand = sql.join(
  [
    sql`CASE WHEN ${claims.claimAmountCents} IS NULL THEN ${UNKNOWN_AMOUNT}`,
    ...AMOUNT_RANGES.map((range) =>
      range.maxCents === null
        ? sql`ELSE ${range.label}`
        : sql`WHEN ${claims.claimAmountCents} <= ${range.maxCents} THEN ${range.label}`,
    ),
    sql`END`,
  ],
  sql` `,
);

/**
 * The group each claim falls in. Region is where the loss happened — the incident state read from
 * the claim's document — or else the state of the policy it names; claims with neither are "unknown".
 */
const GROUP_KEYS: Record<TrendGrouping, SQL> = {
  amount: amountBand,
  region: sql`COALESCE(NULLIF(json_extract(${claims.extractedData}, '$.incident_state'), ''), NULLIF(json_extract(${policies.attributes}, '$.policy_state'), ''), 'unknown')`,
  month: sql`strftime('%Y-%m', ${claims.createdAt})`,
  channel: sql`${claims.channel}`,
  incident_type: sql`COALESCE(NULLIF(json_extract(${claims.extractedData}, '$.incident_type'), ''), 'unknown')`,
  provider: sql`COALESCE(${claims.providerId}, 'none')`,
};

/** Claims and fraudulent claims per group, computed by D1 with GROUP BY. */
export async function trendAggregates(
  db: Database,
  grouping: TrendGrouping,
  scope: SQL | undefined,
): Promise<TrendAggregate[]> {
  const key = GROUP_KEYS[grouping];
  const base = db
    .select({ key: sql<string>`${key}`.as("trend_key"), total: count(), fraudulent: sql<number>`SUM(${fraudVerdict})` })
    .from(claims)
    .leftJoin(predictions, eq(predictions.claimId, claims.id));
  const joined = grouping === "region" ? base.leftJoin(policies, eq(policies.policyNumber, claims.policyNumber)) : base;
  const rows = await joined.where(scope).groupBy(sql`trend_key`).orderBy(sql`COUNT(*) DESC`).limit(MAX_TREND_GROUPS);
  return rows.map((row) => ({ key: String(row.key), total: row.total, fraudulent: Number(row.fraudulent ?? 0) }));
}
