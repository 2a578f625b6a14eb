import { z } from "zod";
import { toCents } from "./money";

// Rules every route and every CSV import applies to the same kinds of input (ids, names, free text,
// amounts, dates), written once so a bulk import can never store what the JSON route would refuse.

// C0 and C1 controls (NUL included), DEL, and the bidirectional overrides that make text display other than it reads.
const CONTROL = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;
// The same, allowing tab and line breaks (notes, reasons).
const CONTROL_BUT_LAYOUT = /(?![\t\n\r])[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;
// A UTF-16 surrogate without its pair: not a character at all.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const CONTROL_CHARACTER_MESSAGE =
  "must not contain control characters (NUL, line breaks, bidirectional overrides)";

export const isPrintableLine = (text: string): boolean => !CONTROL.test(text) && !LONE_SURROGATE.test(text);
export const isPrintableText = (text: string): boolean => !CONTROL_BUT_LAYOUT.test(text) && !LONE_SURROGATE.test(text);

/** Ids and names: one line of printable text. */
export const printableLine = (min: number, max: number) =>
  z.string().trim().min(min).max(max).refine(isPrintableLine, CONTROL_CHARACTER_MESSAGE);

/** Notes and reasons: printable text; tabs and line breaks allowed. */
export const printableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine(isPrintableText, "must not contain control characters other than tabs and line breaks");

/** A whole number of cents: finite, at most two decimals, and never a non-zero amount under a cent (0.001, 1e-320). */
export const isCentAmount = (amount: number): boolean => toCents(amount) !== undefined;

export const CENT_AMOUNT_MESSAGE = "must be a whole number of cents (at most two decimals)";

/** An amount of money: non-negative, at most `max`, in whole cents. */
export const moneyAmount = (max = 100_000_000) => z.number().min(0).max(max).refine(isCentAmount, CENT_AMOUNT_MESSAGE);

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/;

/** A real calendar date (no 31/02, no month 13) between 1900 and 2100, as YYYY-MM-DD[T…] or DD/MM/YYYY. */
export function isCalendarDate(text: string): boolean {
  const iso = ISO.exec(text);
  const dmy = iso ? null : DMY.exec(text);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dmy
      ? [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])]
      : [Number.NaN, Number.NaN, Number.NaN];
  if (!(year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1)) return false;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  return !iso?.[4] || !Number.isNaN(Date.parse(text));
}
