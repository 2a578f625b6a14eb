// The claims report from per-(channel, status) aggregates computed by the database.
import { CHANNELS, type Channel, CLAIM_STATUSES, type ClaimStatus } from "../../db/schema";

/** One GROUP BY channel, status row: counts and sums, no claim loaded. */
export interface ClaimAggregate {
  channel: Channel;
  status: ClaimStatus;
  total: number;
  fraudulent: number;
  fraudScoreSum: number | null;
  scored: number;
  reserveCentsSum: number | null;
  reserved: number;
  claimedCents: number | null;
  approvedCents: number | null;
}

export type StatusBreakdown = Record<ClaimStatus, number>;

export interface ChannelSummary {
  channel: Channel;
  total_claims: number;
  fraudulent_count: number;
  claimed_cents: number;
  approved_cents: number;
  status_breakdown: StatusBreakdown;
}

export interface ClaimsSummary {
  total_claims: number;
  fraudulent_count: number;
  /** Mean fraud score over the claims a model scored; null when none was. */
  avg_fraud_score: number | null;
  /** Mean reserve estimate in cents over the claims that have one; null when none has. */
  avg_reserve_cents: number | null;
  claimed_cents: number;
  approved_cents: number;
  status_breakdown: StatusBreakdown;
  channels: ChannelSummary[];
}

const emptyBreakdown = (): StatusBreakdown =>
  Object.fromEntries(CLAIM_STATUSES.map((status) => [status, 0])) as StatusBreakdown;

/** Totals, means and breakdowns; every status appears (0 when none), channels in their fixed order. */
export function summariseClaims(rows: readonly ClaimAggregate[]): ClaimsSummary {
  const breakdown = emptyBreakdown();
  const channels = new Map<Channel, ChannelSummary>();
  let total = 0;
  let fraudulent = 0;
  let scoreSum = 0;
  let scored = 0;
  let reserveSum = 0;
  let reserved = 0;
  let claimed = 0;
  let approved = 0;
  for (const row of rows) {
    total += row.total;
    fraudulent += row.fraudulent;
    scoreSum += row.fraudScoreSum ?? 0;
    scored += row.scored;
    reserveSum += row.reserveCentsSum ?? 0;
    reserved += row.reserved;
    claimed += row.claimedCents ?? 0;
    approved += row.approvedCents ?? 0;
    breakdown[row.status] += row.total;
    const channel = channels.get(row.channel) ?? {
      channel: row.channel,
      total_claims: 0,
      fraudulent_count: 0,
      claimed_cents: 0,
      approved_cents: 0,
      status_breakdown: emptyBreakdown(),
    };
    channel.total_claims += row.total;
    channel.fraudulent_count += row.fraudulent;
    channel.claimed_cents += row.claimedCents ?? 0;
    channel.approved_cents += row.approvedCents ?? 0;
    channel.status_breakdown[row.status] += row.total;
    channels.set(row.channel, channel);
  }
  return {
    total_claims: total,
    fraudulent_count: fraudulent,
    avg_fraud_score: scored > 0 ? Math.round((scoreSum / scored) * 10_000) / 10_000 : null,
    avg_reserve_cents: reserved > 0 ? Math.round(reserveSum / reserved) : null,
    claimed_cents: claimed,
    approved_cents: approved,
    status_breakdown: breakdown,
    channels: CHANNELS.flatMap((name) => {
      const channel = channels.get(name);
      return channel ? [channel] : [];
    }),
  };
}
