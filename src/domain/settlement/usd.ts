/** A whole number with thousands separators: 1234567 → "1,234,567". */
export const groupThousands = (whole: number): string => String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** US dollars as a customer reads them: 123456 cents → "$1,234.56". */
export function formatUsd(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not a whole number of cents: ${cents}`);
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}$${groupThousands(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, "0")}`;
}

/** Cents as a JSON money number (dollars with at most two decimals): 123456 → 1234.56. */
export const centsToDollars = (cents: number): number => cents / 100;
