// The claim-amount bands fraud trends are grouped by: whole currency units, both ends inclusive,
// as the back office's report labels them ("0-5000", "5001-10000", …).

export interface AmountRange {
  label: string;
  /** The largest amount in the band, in cents; null for the open top band. */
  maxCents: number | null;
}

export const AMOUNT_RANGES: readonly AmountRange[] = [
  { label: "0-5000", maxCents: 500_000 },
  { label: "5001-10000", maxCents: 1_000_000 },
  { label: "10001-25000", maxCents: 2_500_000 },
  { label: "25001-50000", maxCents: 5_000_000 },
  { label: "50001-100000", maxCents: 10_000_000 },
  { label: "100001+", maxCents: null },
];

/** The band of claims whose amount is unknown (a document the reader found no amount in). */
export const UNKNOWN_AMOUNT = "unknown";

/** The band an amount falls in; amounts between two labels (5000.50) go to the upper band. */
export function amountRangeOf(cents: number | null): string {
  if (cents === null || !Number.isFinite(cents)) return UNKNOWN_AMOUNT;
  return AMOUNT_RANGES.find((range) => range.maxCents === null || cents <= range.maxCents)!.label;
}

/** Band labels in report order: ascending amounts, unknown last. */
export const amountRangeOrder = (label: string): number => {
  const index = AMOUNT_RANGES.findIndex((range) => range.label === label);
  return index < 0 ? AMOUNT_RANGES.length : index;
};
