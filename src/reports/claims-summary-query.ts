import { count, eq, type SQL, sql } from "drizzle-orm";
import { fraudVerdict } from "../claims/fraud-verdict";
import type { Database } from "../db/client";
import { claims, predictions } from "../db/schema";
import type { ClaimAggregate } from "../domain/reports/claims-summary";

/** What was approved: the adjudicated amount, or the whole claimed amount of an approved claim that has none. */
const approvedCents = sql`COALESCE(${claims.approvedAmountCents}, CASE WHEN ${claims.status} = 'APPROVED' THEN ${claims.claimAmountCents} END)`;

/** One aggregate row per (channel, status) of the claims in scope, computed by D1 (at most 28 rows). */
export async function claimAggregates(db: Database, scope: SQL | undefined): Promise<ClaimAggregate[]> {
  const rows = await db
    .select({
      channel: claims.channel,
      status: claims.status,
      total: count(),
      fraudulent: sql<number>`SUM(${fraudVerdict})`,
      fraudScoreSum: sql<number | null>`SUM(${predictions.fraudScore})`,
      scored: count(predictions.fraudScore),
      reserveCentsSum: sql<number | null>`SUM(${predictions.reserveEstimateCents})`,
      reserved: count(predictions.reserveEstimateCents),
      claimedCents: sql<number | null>`SUM(${claims.claimAmountCents})`,
      approvedCents: sql<number | null>`SUM(${approvedCents})`,
    })
    .from(claims)
    .leftJoin(predictions, eq(predictions.claimId, claims.id))
    .where(scope)
    .groupBy(claims.channel, claims.status);
  return rows.map((row) => ({ ...row, fraudulent: Number(row.fraudulent ?? 0) }));
}
