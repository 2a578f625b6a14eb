// Dates on licences: AAMVA's 8-digit forms and the printed forms on card fronts, all turned
// into the contract's MM/DD/YYYY.

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function isValidDate({ year, month, day }: CalendarDate): boolean {
  if (!Number.isInteger(year) || year < 1900 || year > 2199) return false;
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return Number.isInteger(day) && day >= 1 && day <= days;
}

export function formatDate({ year, month, day }: CalendarDate): string {
  return `${String(month).padStart(2, "0")}/${String(day).padStart(2, "0")}/${year}`;
}

export type AamvaDateOrder = "MMDDCCYY" | "CCYYMMDD";

/**
 * An AAMVA date element: MMDDCCYY in US files, CCYYMMDD in Canadian ones; a file that breaks
 * its own country's rule still reads when only the other order gives a real date.
 */
export function parseAamvaDate(
  raw: string,
  preferred: AamvaDateOrder,
): { date: string; order: AamvaDateOrder } | undefined {
  const digits = raw.replace(/\D/g, "");
  if (digits.length !== 8) return undefined;
  const orders: AamvaDateOrder[] = preferred === "MMDDCCYY" ? ["MMDDCCYY", "CCYYMMDD"] : ["CCYYMMDD", "MMDDCCYY"];
  for (const order of orders) {
    const d =
      order === "MMDDCCYY"
        ? { month: +digits.slice(0, 2), day: +digits.slice(2, 4), year: +digits.slice(4, 8) }
        : { year: +digits.slice(0, 4), month: +digits.slice(4, 6), day: +digits.slice(6, 8) };
    if (isValidDate(d)) return { date: formatDate(d), order };
  }
  return undefined;
}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

export interface PrintedDate {
  date: string;
  /** Where in the text the date was found. */
  index: number;
  length: number;
}

/** OCR's usual confusions inside a run of digits. */
export function ocrDigits(s: string): string {
  return s
    .replace(/[OoQD]/g, "0")
    .replace(/[Il|L!]/g, "1")
    .replace(/[Ss$]/g, "5")
    .replace(/B/g, "8")
    .replace(/Z/g, "2")
    .replace(/[Gb]/g, "6");
}

/**
 * Every date printed in `text`, in order: 01/31/1974, 01-31-1974, 01.31.1974, 01311974 after a
 * label, 31 JAN 1974, JAN 31 1974, 1974-01-31. Two-digit years are read as 19xx/20xx with
 * `pivotYear` (years after it are last century).
 */
export function findPrintedDates(text: string, pivotYear = 2069): PrintedDate[] {
  const found: PrintedDate[] = [];
  const push = (d: CalendarDate, index: number, length: number) => {
    if (isValidDate(d) && !found.some((f) => index < f.index + f.length && f.index < index + length))
      found.push({ date: formatDate(d), index, length });
  };
  const year = (y: string) => {
    const n = +y;
    if (y.length === 4) return n;
    return n + (2000 + n > pivotYear ? 1900 : 2000);
  };
  const D = "[0-9OoIlLSB]";
  // MM/DD/YYYY with / - . or spaces between parts, OCR letters allowed inside the digits.
  for (const m of text.matchAll(
    new RegExp(`(?<![0-9A-Za-z])(${D}{1,2})\\s?[/.\\-]\\s?(${D}{1,2})\\s?[/.\\-]\\s?(${D}{4}|${D}{2})(?![0-9])`, "g"),
  )) {
    const [mm, dd, yy] = [ocrDigits(m[1]!), ocrDigits(m[2]!), ocrDigits(m[3]!)];
    if (/^\d+$/.test(mm + dd + yy)) push({ month: +mm, day: +dd, year: year(yy) }, m.index!, m[0].length);
  }
  // YYYY-MM-DD
  for (const m of text.matchAll(/(?<![0-9])((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?![0-9])/g)) {
    push({ year: +m[1]!, month: +m[2]!, day: +m[3]! }, m.index!, m[0].length);
  }
  // 31 JAN 1974, JAN 31 1974, JAN 31, 1974
  const mon = `(${MONTHS.join("|")})[A-Z]*\\.?`;
  for (const m of text
    .toUpperCase()
    .matchAll(new RegExp(`(?<![0-9A-Z])(\\d{1,2})[\\s\\-/]*${mon}[\\s\\-/,]*(\\d{4})(?![0-9])`, "g"))) {
    push({ day: +m[1]!, month: MONTHS.indexOf(m[2]!) + 1, year: +m[3]! }, m.index!, m[0].length);
  }
  for (const m of text
    .toUpperCase()
    .matchAll(new RegExp(`(?<![A-Z])${mon}[\\s\\-/]*(\\d{1,2}),?[\\s\\-/]*(\\d{4})(?![0-9])`, "g"))) {
    push({ month: MONTHS.indexOf(m[1]!) + 1, day: +m[2]!, year: +m[3]! }, m.index!, m[0].length);
  }
  // Eight digits run together: MMDDYYYY (US cards print dates this way only after a label).
  for (const m of text.matchAll(/(?<![0-9])(\d{2})(\d{2})((?:19|20)\d{2})(?![0-9])/g)) {
    push({ month: +m[1]!, day: +m[2]!, year: +m[3]! }, m.index!, m[0].length);
  }
  return found.sort((a, b) => a.index - b.index);
}
