// Fraud trends: how many claims, and how many of them fraudulent, per group.
import { AMOUNT_RANGES, amountRangeOrder } from "./amount-ranges";

export const TREND_GROUPINGS = ["amount", "region", "month", "channel", "incident_type", "provider"] as const;
export type TrendGrouping = (typeof TREND_GROUPINGS)[number];

export interface TrendAggregate {
  key: string;
  total: number;
  fraudulent: number;
}

export interface TrendRow {
  key: string;
  fraud_count: number;
  total_count: number;
  /** fraud_count / total_count, four decimals. */
  fraud_rate: number;
}

const rate = (fraud: number, total: number) => (total > 0 ? Math.round((fraud / total) * 10_000) / 10_000 : 0);

/**
 * Trend rows in report order: amount bands ascending with every band present (0 when empty),
 * months in time order, anything else by claim count (largest first) then name.
 */
export function orderTrends(grouping: TrendGrouping, rows: readonly TrendAggregate[]): TrendRow[] {
  const byKey = new Map(rows.map((row) => [row.key, row]));
  let keys: string[];
  if (grouping === "amount") {
    const bands = AMOUNT_RANGES.map((range) => range.label);
    keys = [...bands, ...[...byKey.keys()].filter((key) => !bands.includes(key))];
    keys.sort((a, b) => amountRangeOrder(a) - amountRangeOrder(b));
  } else if (grouping === "month") {
    keys = [...byKey.keys()].sort();
  } else {
    keys = [...byKey.keys()].sort((a, b) => byKey.get(b)!.total - byKey.get(a)!.total || a.localeCompare(b));
  }
  return keys.map((key) => {
    const row = byKey.get(key) ?? { key, total: 0, fraudulent: 0 };
    return { key, fraud_count: row.fraudulent, total_count: row.total, fraud_rate: rate(row.fraudulent, row.total) };
  });
}
