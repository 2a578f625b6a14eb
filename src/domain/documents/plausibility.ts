// Plausibility, not just parsing. An amount is money-shaped and is not a VIN's digits, a phone
// number, a zip code or a year, and agrees with a table's subtotal and tax when the document
// has them; a date of loss is not in the future, not before the policy began or after it
// ended, not after the report and not long before it, and not a birth date.
import type { Candidate } from "./candidate";
import type { ContextFact } from "./labels";
import { findAmounts, findDates, type Parsed } from "./values";

/** The largest claim the extractor believes without a currency sign. */
const MAX_CLAIM = 10_000_000;

/** A claimed amount in a labelled value: the first money-shaped number that is not something else. */
export function parseClaimAmount(text: string, options: { ocr?: boolean } = {}): Parsed<number> | undefined {
  const dates = findDates(text, options);
  const phones = [...text.matchAll(/\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}\b/g)].map(
    (m) => [m.index!, m.index! + m[0].length] as const,
  );
  for (const a of findAmounts(text, options)) {
    if (a.value <= 0 || a.value > MAX_CLAIM) continue;
    if (dates.some((d) => a.index < d.index + d.length && a.index + a.length > d.index)) continue;
    const token = text.slice(a.index, a.index + a.length);
    const before = text[a.index - 1] ?? " ";
    const after = text[a.index + a.length] ?? " ";
    // Digits glued to letters: a VIN, a part number, a policy number.
    if (/[A-Za-z0-9]/.test(before) || /[A-Za-z]/.test(after)) continue;
    if (after === "%") continue;
    const digits = token.replace(/\D/g, "");
    const grouped = /\d[,.']\d{3}(?!\d)/.test(token);
    const cents = /[.,]\d{2}(?!\d)/.test(token);
    if (phones.some(([start, end]) => a.index < end && a.index + a.length > start)) continue;
    if (!a.hasCurrency && !cents && !grouped) {
      if (/^(?:19|20)\d{2}$/.test(digits)) continue;
      if (digits.length === 5 && /\b[A-Z]{2}\s+$/.test(text.slice(0, a.index))) continue;
      if (digits.length > 7) continue;
    }
    // "464 071 250": thousands written with spaces, believed only next to a currency.
    if (/\d\s\d{3}/.test(token) && !a.hasCurrency && !cents) continue;
    return { value: a.value, certainty: a.certainty };
  }
  return undefined;
}

export type FactContext = Partial<Record<ContextFact, string | number>>;

/** The best reading of each context fact (report date, policy period, birth date, subtotal, tax, deductible). */
export function contextFacts(candidates: Candidate[]): FactContext {
  const best = new Map<string, Candidate>();
  for (const c of candidates) {
    if (!c.field.startsWith("_") || (c.role && c.role !== "own")) continue;
    const current = best.get(c.field);
    if (!current || c.confidence > current.confidence) best.set(c.field, c);
  }
  return Object.fromEntries([...best].map(([field, c]) => [field.slice(1), c.value])) as FactContext;
}

const DAY = 86_400_000;
const days = (a: string, b: string) => (Date.parse(a) - Date.parse(b)) / DAY;

/** How believable a date of loss is, 0–1, against today and the document's other dates. */
export function dateOfLossPlausibility(date: string, context: FactContext, today: string): number {
  if (days(date, today) > 0) return 0;
  let factor = 1;
  const report = context.report_date as string | undefined;
  const effective = context.policy_effective as string | undefined;
  const expiration = context.policy_expiration as string | undefined;
  // A birth date after today is a two-digit year read in the wrong century ("7/27/49"): it bounds nothing.
  const read = context.birth_date as string | undefined;
  const birth = read && days(read, today) < 0 ? read : undefined;
  if (birth && days(date, birth) <= 0) return 0;
  if (birth && date === birth) return 0;
  if (report) {
    if (days(date, report) > 0) factor *= 0.3;
    else if (days(report, date) > 3 * 365) factor *= 0.5;
  }
  if (effective && (date === effective || days(date, effective) < 0)) factor *= date === effective ? 0.4 : 0.5;
  if (expiration && (date === expiration || days(date, expiration) > 0)) factor *= date === expiration ? 0.4 : 0.6;
  if (days(today, date) > 15 * 365) factor *= 0.3;
  return factor;
}

/** How believable a claimed amount is against the document's subtotal, tax and deductible. */
export function amountPlausibility(amount: number, context: FactContext): number {
  const cents = (n: unknown) => (typeof n === "number" ? Math.round(n * 100) : undefined);
  const value = Math.round(amount * 100);
  const subtotal = cents(context.subtotal);
  const tax = cents(context.tax);
  const deductible = cents(context.deductible);
  if (deductible !== undefined && value === deductible) return 0.2;
  if (subtotal !== undefined && tax !== undefined && tax > 0) {
    if (Math.abs(subtotal + tax - value) <= 1) return 1.15;
    if (value === subtotal || value === tax) return 0.4;
  }
  return 1;
}
