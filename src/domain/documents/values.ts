// Value parsers for claim-document fields. Each takes the raw text found next to a label
// (or in a sentence) and returns a normalised value, or undefined when the text is not one.
// They tolerate OCR noise (O/0, l/1, stray punctuation, broken spacing).

export interface Parsed<T> {
  value: T;
  /** 0–1: how sure the parser is that the text means this value (ambiguity, repairs). */
  certainty: number;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const MONTH_NAME =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";

/** Repairs letters that OCR puts inside numbers (O→0, l→1, S→5, B→8) in digit-dominated tokens. */
export function repairDigits(token: string): { text: string; repaired: boolean } {
  const digits = (token.match(/\d/g) ?? []).length;
  const confusable = (token.match(/[OoQDlI|iSsBZz]/g) ?? []).length;
  if (digits === 0 || confusable === 0 || confusable > digits) return { text: token, repaired: false };
  const text = token
    .replace(/[OoQD]/g, "0")
    .replace(/[lI|i]/g, "1")
    .replace(/[Ss]/g, "5")
    .replace(/B/g, "8")
    .replace(/[Zz]/g, "2");
  return { text, repaired: text !== token };
}

/** Each character as the class of characters OCR confuses it with (O/0/D, I/l/1, Z/2, S/5, B/8, G/6). */
const CONFUSION_CLASS: Record<string, string> = Object.fromEntries(
  ["0OoDQ", "1IlLi|", "2Zz", "5Ss", "8B", "6G"].flatMap((chars) => [...chars].map((c) => [c, chars[0]!])),
);

/** Two readings that differ only where OCR confuses a letter with a digit ("OH9348Z747", "OH93482747"). */
export function readAlike(a: string, b: string): boolean {
  if (a === b || a.length !== b.length) return false;
  const cls = (c: string) => CONFUSION_CLASS[c] ?? c;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && cls(a[i]!) !== cls(b[i]!)) return false;
  return true;
}

function repairNumericRuns(text: string): { text: string; repaired: boolean } {
  let repaired = false;
  const out = text.replace(
    /(?<![A-Za-z])[0-9OoQDlI|iSsBZz][0-9OoQDlI|iSsBZz.,/-]*[0-9OoQDlI|iSsBZz](?![A-Za-z])/g,
    (tok) => {
      const r = repairDigits(tok);
      if (r.repaired) repaired = true;
      return r.text;
    },
  );
  return { text: out, repaired };
}

/** Undoes OCR's digit-for-letter swaps inside words ("Po1ice" → "Police", "N0" → "No"), leaving numbers alone. */
export function repairWords(text: string): string {
  return text.replace(/[A-Za-z0-9|]*[A-Za-z][A-Za-z0-9|]*/g, (tok) => {
    const letters = (tok.match(/[A-Za-z]/g) ?? []).length;
    const digits = (tok.match(/[0-9|]/g) ?? []).length;
    if (digits === 0 || (letters < Math.max(2, digits * 2) && !(letters >= 1 && digits === 1 && tok.length <= 3)))
      return tok;
    if (/^[A-Z]{1,4}\d/.test(tok) && /\d{2}/.test(tok)) return tok;
    // An ordinal day ("5th", "21st") or an hour ("5pm").
    if (/^\d{1,2}(?:st|nd|rd|th|am|pm)$/i.test(tok)) return tok;
    const upper = tok === tok.toUpperCase();
    return tok
      .replace(/0/g, upper ? "O" : "o")
      .replace(/[1|]/g, upper ? "I" : "l")
      .replace(/5/g, upper ? "S" : "s")
      .replace(/8/g, "B");
  });
}

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function fullYear(y: number): number {
  if (y >= 100) return y;
  return y <= 50 ? 2000 + y : 1900 + y;
}

export interface DateMatch extends Parsed<string> {
  index: number;
  length: number;
}

export interface DateOptions {
  /** Read 03/04/2025 as 3 April (day first) rather than 4 March. */
  dayFirst?: boolean;
  /** The text is OCR output: undo its letter-for-digit swaps inside numbers first. */
  ocr?: boolean;
}

// Numeric date: groups separated by / - . or spaces (OCR sometimes breaks "03/14/2025" into "03 / 14 / 2025").
const NUMERIC_DATE = /(?<![\d.,$€£])(\d{1,4})\s?([/.-])\s?(\d{1,2})\s?\2\s?(\d{2,4})(?![\d,]|\.\d)/g;
const OCR_MIXED_DATE = /(?<![\d.,$€£])(\d{1,2})\s?[/.:-]\s?(\d{1,2})\s?[/.:-]\s?(\d{4})(?![\d,]|\.\d)/g;
const DMY_NAME = new RegExp(
  `(?<![\\w])(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?[\\s\\-/.,]*${MONTH_NAME}[\\s\\-/.,]*(\\d{4}|\\d{2})(?![\\d])`,
  "gi",
);
const MDY_NAME = new RegExp(
  `(?<![\\w])${MONTH_NAME}[\\s\\-/.,]*(\\d{1,2})(?:st|nd|rd|th)?[\\s,.]+(\\d{4})(?![\\d])`,
  "gi",
);

/** Every date found in the text, in order, as ISO yyyy-mm-dd. */
export function findDates(raw: string, options: DateOptions = {}): DateMatch[] {
  const { text, repaired } = options.ocr ? repairNumericRuns(raw) : { text: raw, repaired: false };
  const penalty = repaired ? 0.85 : 1;
  const found: DateMatch[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (i: number, l: number) => taken.some(([a, b]) => i < b && i + l > a);
  const push = (index: number, length: number, value: string, certainty: number) => {
    if (overlaps(index, length)) return;
    taken.push([index, index + length]);
    found.push({ index, length, value, certainty: certainty * penalty });
  };
  for (const m of text.matchAll(MDY_NAME)) {
    const mo = MONTHS[m[1]!.toLowerCase().replace(/\.$/, "")];
    const d = Number(m[2]);
    const y = Number(m[3]);
    if (mo && validDate(y, mo, d)) push(m.index!, m[0].length, iso(y, mo, d), 1);
  }
  for (const m of text.matchAll(DMY_NAME)) {
    const mo = MONTHS[m[2]!.toLowerCase().replace(/\.$/, "")];
    const d = Number(m[1]);
    const y = fullYear(Number(m[3]));
    if (mo && validDate(y, mo, d)) push(m.index!, m[0].length, iso(y, mo, d), m[3]!.length === 2 ? 0.9 : 1);
  }
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const [a, sep, b, c] = [m[1]!, m[2]!, m[3]!, m[4]!];
    const na = Number(a),
      nb = Number(b),
      nc = Number(c);
    if (a.length === 4) {
      if (validDate(na, nb, nc)) push(m.index!, m[0].length, iso(na, nb, nc), 1);
      continue;
    }
    if (a.length > 2 || (c.length !== 2 && c.length !== 4)) continue;
    const y = fullYear(nc);
    const twoDigitYear = c.length === 2 ? 0.9 : 1;
    const dayFirst = sep === "." ? options.dayFirst !== false : options.dayFirst === true;
    const first = dayFirst ? [nb, na] : [na, nb];
    const second = dayFirst ? [na, nb] : [nb, na];
    if (validDate(y, first[0]!, first[1]!)) {
      const ambiguous = na <= 12 && nb <= 12 && na !== nb;
      push(m.index!, m[0].length, iso(y, first[0]!, first[1]!), (ambiguous ? 0.9 : 1) * twoDigitYear);
    } else if (validDate(y, second[0]!, second[1]!)) {
      push(m.index!, m[0].length, iso(y, second[0]!, second[1]!), 0.95 * twoDigitYear);
    }
  }
  // A scan's separators misread ("02/23:2026", "03-17:1993"): month first unless the document says otherwise.
  if (options.ocr)
    for (const m of text.matchAll(OCR_MIXED_DATE)) {
      const [na, nb, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const [mo, d] = options.dayFirst ? [nb, na] : [na, nb];
      if (validDate(y, mo, d)) push(m.index!, m[0].length, iso(y, mo, d), 0.8);
    }
  return found.sort((x, y) => x.index - y.index);
}

export function parseDate(text: string, options: DateOptions = {}): Parsed<string> | undefined {
  const first = findDates(text, options)[0];
  if (first) return { value: first.value, certainty: first.certainty };
  // The date is the value's first word; a time may follow it ("712/26 4:05 AM").
  return options.ocr ? lostSeparatorDate(text.trim().split(/\s+/)[0]!, options) : undefined;
}

/**
 * A short numeric date OCR read with one of its separators lost ("58/24" for 5/8/24, "7/1226"
 * for 7/12/26), taken when only one place for the lost separator gives a date.
 */
function lostSeparatorDate(text: string, options: DateOptions): Parsed<string> | undefined {
  const m = text.match(/^(\d{2,4})([/.-])(\d{2}|\d{4})$|^(\d{1,2})([/.-])(\d{3,6})$/);
  // "12/24" is as likely a month and year as a date.
  if (!m || (m[1] && Number(m[1]) >= 1 && Number(m[1]) <= 12)) return undefined;
  const readings = new Set<string>();
  const read = (month: string, day: string, year: string, sep: string) => {
    const whole = `${month}${sep}${day}${sep}${year}`;
    const date = findDates(whole, options)[0];
    if (date?.index === 0 && date.length === whole.length) readings.add(date.value);
  };
  if (m[1]) for (let i = 1; i < m[1].length; i++) read(m[1].slice(0, i), m[1].slice(i), m[3]!, m[2]!);
  else
    for (const yearLength of [2, 4]) {
      const at = m[6]!.length - yearLength;
      if (at >= 1 && at <= 2) read(m[4]!, m[6]!.slice(0, at), m[6]!.slice(at), m[5]!);
    }
  return readings.size === 1 ? { value: [...readings][0]!, certainty: 0.8 } : undefined;
}

/** Whether the document writes numeric dates day first (a slash date with a first part > 12). */
export function detectDayFirst(text: string): boolean | undefined {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const m of text.matchAll(/(?<![\d.])(\d{1,2})[/-](\d{1,2})[/-](\d{2,4})(?![\d])/g)) {
    const a = Number(m[1]),
      b = Number(m[2]);
    if (a > 12 && b <= 12) dayFirst++;
    if (b > 12 && a <= 12) monthFirst++;
  }
  if (dayFirst > monthFirst) return true;
  if (monthFirst > dayFirst) return false;
  return undefined;
}

const CURRENCY = "(?:US\\s?\\$|USD|EUR|GBP|CAD|AUD|INR|Rs\\.?|[$€£]|dollars?|euros?)";
// A money token: optional currency, digits with , . ' or single spaces as separators, optional currency after.
// After the digits only codes, words and € ("4.250,00 €"); a "$" there belongs to the next amount.
const CURRENCY_AFTER = "(?:USD|EUR|GBP|CAD|AUD|INR|dollars?|euros?|€)";
const MONEY = new RegExp(`(${CURRENCY}\\s*)?(-?\\d[\\d\\s.,']*\\d|\\d)(?:\\s*(${CURRENCY_AFTER}))?`, "gi");

export interface AmountMatch extends Parsed<number> {
  index: number;
  length: number;
  hasCurrency: boolean;
}

/** Turns the digits of a money token into a number: "4.250,00" → 4250, "4 250.00" → 4250, "4,250" → 4250. */
export function numberFromMoneyDigits(digits: string): number | undefined {
  let s = digits.replace(/'/g, "").trim();
  // Spaces are thousands separators only when followed by exactly 3 digits.
  s = s.replace(/(\d)\s+(?=\d{3}(?!\d))/g, "$1");
  s = s.replace(/\s*([.,])\s*/g, "$1");
  if (/\s/.test(s)) return undefined;
  const lastSep = Math.max(s.lastIndexOf("."), s.lastIndexOf(","));
  let normalized: string;
  if (lastSep === -1) normalized = s;
  else {
    const tail = s.slice(lastSep + 1);
    const head = s.slice(0, lastSep);
    if (tail.length === 1 || tail.length === 2) {
      normalized = `${head.replace(/[.,]/g, "")}.${tail}`;
    } else if (tail.length === 3) {
      // "4,250" and "4.250" are thousands; a lone "0.125" stays decimal.
      normalized = head === "0" ? s.replace(",", ".") : s.replace(/[.,]/g, "");
    } else return undefined;
    // Thousands groups must be 3 digits long.
    const groups = head.split(/[.,]/).slice(1);
    if (groups.some((g) => g.length !== 3)) return undefined;
  }
  const n = Number(normalized);
  return Number.isFinite(n) ? Math.round(n * 100) / 100 : undefined;
}

/**
 * Dot leaders OCR ran into an amount ("$23648..3L"): points doubled inside the number are one,
 * and a cents digit read as L (a typewriter 1's flag and foot) is a 1 in a money amount ("5.5L"
 * is an engine). The run of digits before the point is bounded, so that a page of digits is
 * read in linear time.
 */
function withoutLeaderRemnants(text: string): { text: string; repaired: boolean } {
  const out = text
    .replace(/(\d)\.{2,}(?=\d)/g, "$1.")
    .replace(/((?:[$€£]\s?\d|\d{3})[\d,]{0,15}\.\d)L(?![A-Za-z])/g, (_, amount: string) => `${amount}1`);
  return { text: out, repaired: out !== text };
}

/** Every money amount in the text, in order. */
export function findAmounts(raw: string, options: { ocr?: boolean } = {}): AmountMatch[] {
  const leaders = options.ocr ? withoutLeaderRemnants(raw) : { text: raw, repaired: false };
  const runs = options.ocr ? repairNumericRuns(leaders.text) : { text: raw, repaired: false };
  const text = runs.text;
  const repaired = leaders.repaired || runs.repaired;
  const out: AmountMatch[] = [];
  for (const m of text.matchAll(MONEY)) {
    const before = m[1];
    const after = m[3];
    let digits = m[2]!;
    // Do not swallow a following number separated by 2+ spaces (table cells).
    digits = digits.split(/\s{2,}/)[0]!.replace(/[\s.,']+$/, "");
    const value = numberFromMoneyDigits(digits);
    if (value === undefined) continue;
    const hasCurrency = Boolean(before || after);
    const hasCents = /[.,]\d{2}$/.test(digits);
    let certainty = hasCurrency ? 1 : hasCents ? 0.85 : 0.6;
    if (repaired) certainty *= 0.85;
    out.push({ index: m.index!, length: m[0].length, value, certainty, hasCurrency });
  }
  return out;
}

export function parseAmount(text: string, options: { ocr?: boolean } = {}): Parsed<number> | undefined {
  // Skip date-like and percentage numbers when looking at a labelled value.
  const amounts = findAmounts(text, options).filter((a) => a.value > 0);
  const dates = findDates(text, options);
  const best = amounts.find((a) => !dates.some((d) => a.index < d.index + d.length && a.index + a.length > d.index));
  return best && { value: best.value, certainty: best.certainty };
}

const NAME_STOPWORDS = new Set([
  "contact",
  "mailing",
  "policy",
  "number",
  "date",
  "claim",
  "amount",
  "insured",
  "claimant",
  "name",
  "address",
  "phone",
  "signature",
  "loss",
  "incident",
  "description",
  "total",
  "vehicle",
  "street",
  "city",
  "state",
  "email",
  "the",
  "of",
  "n/a",
  "na",
  "none",
  "unknown",
  "insurance",
  "company",
  "form",
  "page",
  "code",
  "codes",
  "through",
  "from",
  "to",
  "charges",
  "charge",
  "rate",
  "units",
  "service",
  "revenue",
  "type",
  "bill",
  "statement",
  "period",
  "value",
  "occurrence",
  "span",
  "condition",
  "sex",
  "birth",
  "birthdate",
  "medical",
  "record",
  "provider",
  "physician",
  "hospital",
  "plan",
  "group",
  "employer",
  "relationship",
  "patient",
  "amount",
  "due",
  "paid",
  "balance",
  "number",
  "no",
  "id",
  "yes",
]);

/** A person's name: 2–5 words of letters; "DOE, JOHN A." → "John A. Doe". */
export function parseName(raw: string): Parsed<string> | undefined {
  let text = raw
    // OCR digits inside words: "R0bert" → "Robert", "A1ice" → "Alice", "Garcia-|opez" → "Garcia-lopez".
    .replace(/(?<=[A-Za-z])[0|1](?=[A-Za-z])|(?<![A-Za-z0-9])[0|1](?=[a-z]{2})/g, (c) => (c === "0" ? "o" : "l"))
    .replace(/([A-Za-z])\s+-\s+([A-Z])/g, "$1-$2")
    // A dot leader's remnant after the comma ("Sanchez,. Ingrid"); an l read as "!" ("Campbel!").
    .replace(/,[.,]+/g, ",")
    .replace(/(?<=[a-z])!(?=\s|$)/g, "l")
    .replace(/[|_*"“”]/g, " ")
    .replace(/^\s*(?:mr|mrs|ms|miss|dr)\.?\s+/i, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[\s:;.,-]+|[\s:;,-]+$/g, "");
  // Stop at a second column or trailing digits.
  text = text
    .split(/\s{2,}|\t|\s[-–]\s|\(|\d/)[0]!
    .trim()
    .replace(/[,;]$/, "");
  if (!text) return undefined;
  let certainty = 1;
  // "MariaGarcia-Lopez": a lost space between two capitalised names.
  if (!text.includes(" ")) text = text.replace(/([a-z]{2})([A-Z][a-z])/g, "$1 $2");
  // "Reed, Carlos"; a surname of two or three words too ("St. Clair, Hannah J.", "De la Cruz, Maria").
  const comma = text.match(/^([A-Za-z'-]+\.?(?:\s[A-Za-z'-]+\.?){0,2})\s*,\s*([A-Za-z][A-Za-z.'\- ]+)$/);
  if (comma) text = `${comma[2]!.trim()} ${comma[1]!}`;
  const words = text.split(" ").filter(Boolean);
  if (words.length < 2 || words.length > 5) return undefined;
  if (!words.every((w) => /^[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ.'-]*$/.test(w))) return undefined;
  if (words.some((w) => NAME_STOPWORDS.has(w.toLowerCase().replace(/['’]s$|[.,]+$/, "")))) return undefined;
  if (!namelyCased(words)) return undefined;
  if (words.filter((w) => w.replace(/[.'-]/g, "").length >= 2).length < 2) return undefined;
  const allCaps = text === text.toUpperCase();
  const allLower = text === text.toLowerCase();
  if (allCaps || allLower) {
    text = words
      .map((w) => w.toLowerCase().replace(/(^|[-'])([a-zà-ÿ])/g, (_m, p: string, c: string) => p + c.toUpperCase()))
      .join(" ")
      .replace(/\bMc([a-z])/g, (_m, c: string) => `Mc${c.toUpperCase()}`);
    if (allLower) certainty *= 0.9;
  } else {
    text = words.join(" ");
  }
  return { value: text, certainty };
}

/** Lower-case words inside a written-out name ("Thomas van der Berg"). */
const NAME_PARTICLES = new Set([
  "van",
  "von",
  "der",
  "den",
  "de",
  "del",
  "della",
  "da",
  "di",
  "du",
  "la",
  "le",
  "bin",
  "ibn",
  "al",
  "y",
]);

/**
 * Words cased as names are: a capital first (or a particle), capitals inside only after a
 * name prefix ("McDonald", "O'Neil", "DeAngelo", "Abernathy-Cole"). All capitals or all lower
 * case is a style, not a misreading. OCR's garbled captions ("wsumED'sMao") fail this.
 */
function namelyCased(words: string[]): boolean {
  const joined = words.join(" ");
  if (joined === joined.toUpperCase() || joined === joined.toLowerCase()) return true;
  return words.every((w) => {
    if (/^[a-z]/.test(w)) return NAME_PARTICLES.has(w.toLowerCase());
    if (w === w.toUpperCase()) return true;
    const inner = w.replace(/^(?:Mc|Mac|De|Di|La|Le|Van|Von)(?=[A-Z])/, "").replace(/['’-][A-Z]/g, "");
    return !/[a-z][A-Z]/.test(inner);
  });
}

const NUMBER_WORDS: Record<string, number> = {
  none: 0,
  no: 0,
  zero: 0,
  nil: 0,
  nobody: 0,
  one: 1,
  single: 1,
  a: 1,
  an: 1,
  two: 2,
  both: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

/** A small count ("2", "two", "none"). */
export function parseCount(raw: string, max = 20): Parsed<number> | undefined {
  const text = raw.trim().toLowerCase();
  if (/^[o]$/.test(text)) return { value: 0, certainty: 0.8 };
  if (/^[li|]$/.test(text)) return { value: 1, certainty: 0.8 };
  const digit = text.match(/^[^\w]*([0-9OoIl]{1,2})(?![\d/.:,])\b/);
  if (digit) {
    const r = repairDigits(digit[1]!);
    const n = Number(r.text);
    if (Number.isInteger(n) && n >= 0 && n <= max) return { value: n, certainty: r.repaired ? 0.8 : 1 };
  }
  const word = text.match(/^[^\w]*([a-z]+)/);
  if (word && word[1]! in NUMBER_WORDS && word[1] !== "a" && word[1] !== "an") {
    return { value: NUMBER_WORDS[word[1]!]!, certainty: 0.95 };
  }
  return undefined;
}

export function numberWord(word: string): number | undefined {
  const w = word.toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  return NUMBER_WORDS[w];
}

/** YES / NO in the data set's vocabulary. */
export function parseYesNo(raw: string): Parsed<"YES" | "NO"> | undefined {
  const text = raw
    .trim()
    .toLowerCase()
    .replace(/^[^\w[☒☑✓✔x]+/, "");
  if (/^(?:yes|y|true|available|filed|attached|\[x\]\s*yes|☒\s*yes|☑\s*yes|x\s+yes)\b/.test(text))
    return { value: "YES", certainty: 1 };
  if (/^(?:no|n|false|none|not available|not filed|n\/a|\[x\]\s*no|☒\s*no|☑\s*no|x\s+no)\b/.test(text))
    return { value: "NO", certainty: 1 };
  if (/^[☐[\]\s]*yes[\s☐[\]]*[☒☑✓✔x]\s*no/.test(text)) return { value: "NO", certainty: 0.8 };
  // A report number means a report exists.
  if (/^(?:#|no\.?|number)?\s*[a-z]{0,4}[-\s]?\d{3,}/.test(text)) return { value: "YES", certainty: 0.85 };
  return undefined;
}

/** Hour of the day 0–23 from "5:30 PM", "17:45", "approx. 8 p.m.", "0830 hrs". */
export function parseHour(raw: string): Parsed<number> | undefined {
  const text = raw.toLowerCase();
  const ampm = text.match(/\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b\.?/);
  if (ampm) {
    let h = Number(ampm[1]);
    if (h < 1 || h > 12) return undefined;
    if (ampm[3] === "p" && h !== 12) h += 12;
    if (ampm[3] === "a" && h === 12) h = 0;
    return { value: h, certainty: 1 };
  }
  const hm = text.match(/\b([01]?\d|2[0-3])[:h](\d{2})\b/);
  if (hm) return { value: Number(hm[1]), certainty: 0.95 };
  const mil = text.match(/\b([01]\d|2[0-3])([0-5]\d)\s*(?:hrs?|hours)\b/);
  if (mil) return { value: Number(mil[1]), certainty: 0.9 };
  if (/\bnoon\b/.test(text)) return { value: 12, certainty: 0.9 };
  if (/\bmidnight\b/.test(text)) return { value: 0, certainty: 0.9 };
  return undefined;
}

export const US_STATES: Record<string, string> = {
  alabama: "AL",
  alaska: "AK",
  arizona: "AZ",
  arkansas: "AR",
  california: "CA",
  colorado: "CO",
  connecticut: "CT",
  delaware: "DE",
  florida: "FL",
  georgia: "GA",
  hawaii: "HI",
  idaho: "ID",
  illinois: "IL",
  indiana: "IN",
  iowa: "IA",
  kansas: "KS",
  kentucky: "KY",
  louisiana: "LA",
  maine: "ME",
  maryland: "MD",
  massachusetts: "MA",
  michigan: "MI",
  minnesota: "MN",
  mississippi: "MS",
  missouri: "MO",
  montana: "MT",
  nebraska: "NE",
  nevada: "NV",
  "new hampshire": "NH",
  "new jersey": "NJ",
  "new mexico": "NM",
  "new york": "NY",
  "north carolina": "NC",
  "north dakota": "ND",
  ohio: "OH",
  oklahoma: "OK",
  oregon: "OR",
  pennsylvania: "PA",
  "rhode island": "RI",
  "south carolina": "SC",
  "south dakota": "SD",
  tennessee: "TN",
  texas: "TX",
  utah: "UT",
  vermont: "VT",
  virginia: "VA",
  washington: "WA",
  "west virginia": "WV",
  wisconsin: "WI",
  wyoming: "WY",
  "district of columbia": "DC",
};
const STATE_CODES = new Set(Object.values(US_STATES));

/** A US state as its two-letter code ("Ohio" → "OH", "oh" → "OH"). */
export function parseState(raw: string): Parsed<string> | undefined {
  let text = raw.trim().replace(/[.,;:]+$/, "");
  // "0H", "1L" from OCR.
  if (/^[A-Za-z0-9|]{2}$/.test(text) && /[0-9|]/.test(text))
    text = text.replace(/0/g, "O").replace(/[1|]/g, "I").replace(/5/g, "S").replace(/8/g, "B");
  const code = text.match(/^([A-Za-z]{2})\b/);
  if (code && STATE_CODES.has(code[1]!.toUpperCase()) && (text.length === 2 || /^[A-Z]{2}\b/.test(text))) {
    return { value: code[1]!.toUpperCase(), certainty: 1 };
  }
  const lower = text.toLowerCase();
  for (const [name, c] of Object.entries(US_STATES).sort((a, b) => b[0].length - a[0].length)) {
    if (lower.startsWith(name)) return { value: c, certainty: 1 };
  }
  return undefined;
}

/** A city name: 1–4 capitalised words ("Columbus", "Salt Lake City"); may be followed by ", ST". */
export function parseCity(raw: string): Parsed<string> | undefined {
  const text = raw
    .trim()
    .split(/\s{2,}|,|\d/)[0]!
    .trim();
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length < 1 || words.length > 4) return undefined;
  if (!words.every((w) => /^[A-Za-z][A-Za-z.'-]*$/.test(w))) return undefined;
  if (words.some((w) => NAME_STOPWORDS.has(w.toLowerCase().replace(/['’]s$|[.,]+$/, "")))) return undefined;
  if (!namelyCased(words)) return undefined;
  const value = words
    .map((w) => (w === w.toUpperCase() || w === w.toLowerCase() ? w[0]!.toUpperCase() + w.slice(1).toLowerCase() : w))
    .join(" ");
  return { value, certainty: 0.95 };
}

export { parsePolicyNumber } from "./policy-number";
