// Money travels as decimal numbers in JSON and lives as integer cents everywhere else.

const MAX_CENTS = Number.MAX_SAFE_INTEGER / 1000;

/** Cents from a decimal amount; undefined when it has more than two decimals, is under a cent but not 0, or is not finite. */
export function toCents(amount: number): number | undefined {
  if (!Number.isFinite(amount)) return undefined;
  const cents = Math.round(amount * 100);
  if (Math.abs(cents - amount * 100) > 1e-6 * Math.max(1, Math.abs(amount))) return undefined;
  // 1e-320 is within the tolerance of 0 cents, but it is not an amount anyone meant.
  if (cents === 0 && amount !== 0) return undefined;
  if (Math.abs(cents) > MAX_CENTS) return undefined;
  return cents;
}

/** "1234.50" */
export const formatCents = (cents: number): string => {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
};

/**
 * A money value for a JSON response: the number with exactly two decimals in the JSON text
 * (15000.00, not 15000), where the runtime supports JSON.rawJSON; a plain number otherwise.
 */
export function moneyJson(cents: number): number {
  const raw = (JSON as unknown as { rawJSON?: (text: string) => unknown }).rawJSON;
  return (raw ? raw(formatCents(cents)) : cents / 100) as number;
}
