// Fields from the OCR text of a licence front. Works on laid-out lines (a wide gap between
// words is two or more spaces, so columns survive) whatever the state's layout: a label's
// value follows it on the same line or sits below it in the same column; names, address and
// dates without a label are recognised by their shape, with a lower confidence.
import { findPrintedDates, ocrDigits } from "./dates";
import {
  cleanValue,
  type FieldReading,
  ID_TYPE_FRONT,
  type LicenceFieldKey,
  normaliseDocumentNumber,
  type PartialReadings,
} from "./fields";
import { FRONT_LABELS, type FrontLabelKind, NAME_SUFFIXES, NOT_NAME_WORDS, NUMBERED_FIELDS } from "./front-labels";
import { JURISDICTION_NAMES, jurisdictionByCode } from "./jurisdictions";
import { fitNumberToJurisdiction } from "./number-formats";

export interface OcrTextLine {
  text: string;
  /** 0–1, the OCR's confidence in the line. */
  confidence: number;
}

export interface FrontExtraction {
  readings: PartialReadings;
  /** How many printed labels were recognised: a licence front has many, a car photo none. */
  labelsFound: number;
}

interface LabelHit {
  kind: FrontLabelKind;
  line: number;
  start: number;
  end: number;
}

interface ValueText {
  text: string;
  line: number;
  start: number;
  /** Below its label rather than beside it. */
  below: boolean;
}

const LABELLED = 0.95;
const BELOW = 0.9;
const INFERRED = 0.6;
const MAX_LINES = 200;
const MAX_LINE_LENGTH = 300;

export function extractFrontFields(input: readonly OcrTextLine[]): FrontExtraction {
  const lines = input.slice(0, MAX_LINES).map((l) => ({
    // Same length as the OCR text, so columns stay where they were.
    text: l.text
      .slice(0, MAX_LINE_LENGTH)
      .replace(/[^\x20-\x7e]/g, " ")
      .toUpperCase(),
    confidence: Math.max(0, Math.min(1, Number.isFinite(l.confidence) ? l.confidence : 0)),
  }));
  const hits = lines.flatMap((l, i) => labelHits(l.text, i));
  const readings: PartialReadings = {};
  const set = (key: LicenceFieldKey, value: string, confidence: number) => {
    if (value && !readings[key]) readings[key] = { value, confidence: round(confidence) };
  };
  const claimed: Array<{ line: number; start: number; end: number }> = [];
  let lastNameAt: { line: number; start: number } | undefined;

  for (const hit of hits) {
    if (hit.kind === "OTHER") continue;
    const value = valueForLabel(hit, hits, lines);
    if (!value) continue;
    const conf = lines[value.line]!.confidence * (value.below ? BELOW : LABELLED);
    const parsed = parseValue(hit.kind, value.text);
    if (!parsed) continue;
    claimed.push({ line: value.line, start: value.start, end: value.start + value.text.length });
    if (hit.kind === "GIVEN_NAMES" || hit.kind === "FULL_NAME") {
      const name = hit.kind === "FULL_NAME" ? splitFullName(parsed) : splitGivenNames(parsed);
      if (readings.FIRST_NAME) continue;
      for (const [k, v] of Object.entries(name)) set(k as LicenceFieldKey, v, conf);
      continue;
    }
    if (hit.kind === "LAST_NAME") {
      lastNameAt ??= { line: value.line, start: value.start };
      const { last, suffix } = splitSuffix(parsed);
      set("LAST_NAME", last, conf);
      set("SUFFIX", suffix, conf);
      continue;
    }
    if (hit.kind === "ADDRESS") {
      set("ADDRESS", parsed, conf);
      const cityLine = cityStateZip(lines[value.line + 1]?.text ?? "", value.start);
      if (cityLine) setCityStateZip(set, cityLine, lines[value.line + 1]!.confidence * LABELLED);
      continue;
    }
    set(hit.kind, parsed, conf);
  }

  inferAddress(lines, readings, set);
  inferName(lines, hits, readings, set, lastNameAt);
  inferDates(lines, claimed, readings, set);
  inferDocumentNumber(lines, hits, readings, set);
  inferStateName(lines, readings, set);
  const issuer =
    JURISDICTION_NAMES.find((j) => j.name === readings.STATE_NAME?.value)?.code ?? readings.STATE_IN_ADDRESS?.value;
  if (readings.DOCUMENT_NUMBER)
    readings.DOCUMENT_NUMBER.value = fitNumberToJurisdiction(readings.DOCUMENT_NUMBER.value, issuer);
  if (lines.some((l) => /(?<![A-Z])VETERAN(?![A-Z])/.test(l.text))) set("VETERAN", "VETERAN", LABELLED);

  const labelsFound = hits.filter((h) => h.kind !== "OTHER").length;
  // Names are easy to imagine in any text; a number or a date, with labels, an address or the
  // issuer's name around them, is what makes a licence front.
  const numbers = (["DOCUMENT_NUMBER", "DATE_OF_BIRTH", "EXPIRATION_DATE"] as const).filter((k) => readings[k]).length;
  const names = (["LAST_NAME", "FIRST_NAME"] as const).filter((k) => readings[k]).length;
  const evidence =
    numbers + Math.min(3, labelsFound) + (readings.CITY_IN_ADDRESS ? 1 : 0) + (readings.STATE_NAME ? 1 : 0);
  if (numbers >= 1 && numbers + names >= 2 && evidence >= 4)
    set("ID_TYPE", ID_TYPE_FRONT, Math.min(1, 0.5 + (numbers + names) / 10));
  else for (const key of Object.keys(readings) as LicenceFieldKey[]) if (key !== "VETERAN") delete readings[key];
  if (!readings.ID_TYPE) delete readings.VETERAN;
  return { readings, labelsFound };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function labelHits(text: string, line: number): LabelHit[] {
  const found: LabelHit[] = [];
  for (const label of FRONT_LABELS) {
    for (const m of text.matchAll(label.pattern))
      found.push({ kind: label.kind, line, start: m.index!, end: m.index! + m[0].length });
  }
  // Numbered AAMVA fields open a column: at the start of the line or after a wide gap.
  for (const seg of segments(text)) {
    for (const n of NUMBERED_FIELDS) {
      const m = n.pattern.exec(seg.text);
      if (m) found.push({ kind: n.kind, line, start: seg.start, end: seg.start + m[0].length });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: LabelHit[] = [];
  for (const h of found) if (!kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
  return kept;
}

/** Runs of text separated by two or more spaces. */
function segments(text: string): Array<{ text: string; start: number }> {
  return [...text.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ text: m[0], start: m.index! }));
}

function valueForLabel(hit: LabelHit, hits: LabelHit[], lines: Array<{ text: string }>): ValueText | undefined {
  const text = lines[hit.line]!.text;
  const nextOnLine = hits.find((h) => h.line === hit.line && h.start >= hit.end);
  const skip = /^[\s:#.]*/.exec(text.slice(hit.end))![0].length;
  const start = hit.end + skip;
  // Beside the label: up to the next label or a wide gap.
  if (skip <= 4 && start < text.length && (!nextOnLine || nextOnLine.start > start)) {
    let end = nextOnLine ? nextOnLine.start : text.length;
    const gap = text.slice(start, end).search(/ {3,}/);
    if (gap >= 0) end = start + gap;
    const value = text.slice(start, end).trim();
    if (value) return { text: value, line: hit.line, start, below: false };
  }
  // Below the label, in its column.
  for (const below of [hit.line + 1, hit.line + 2]) {
    const line = lines[below]?.text;
    if (line === undefined) break;
    const seg = segments(line).find((s) => s.start <= hit.start + 6 && s.start + s.text.length >= hit.start - 1);
    if (!seg) continue;
    const segHits = hits.filter(
      (h) => h.line === below && h.start >= seg.start && h.start < seg.start + seg.text.length,
    );
    if (segHits.some((h) => h.start === seg.start)) return undefined;
    const cut = segHits[0] ? segHits[0].start - seg.start : seg.text.length;
    const value = seg.text.slice(0, cut).trim();
    if (value) return { text: value, line: below, start: seg.start, below: true };
  }
  return undefined;
}

/** The value in the contract's form, or undefined when it does not look like that field. */
function parseValue(kind: FrontLabelKind, raw: string): string | undefined {
  const text = raw.replace(/^[\s:#.-]+/, "");
  switch (kind) {
    case "DATE_OF_BIRTH":
    case "EXPIRATION_DATE":
    case "DATE_OF_ISSUE":
      return findPrintedDates(text)[0]?.date;
    case "DOCUMENT_NUMBER":
      return documentNumber(text);
    case "CLASS": {
      const v = /^[A-Z0-9]{1,3}(?:\s?[/,]\s?[A-Z0-9]{1,3})*(?![A-Z0-9])/.exec(text)?.[0];
      return v ? cleanValue(v) : undefined;
    }
    case "ENDORSEMENTS":
    case "RESTRICTIONS": {
      const v = cleanValue(text.split(/\s{2,}/)[0] ?? "").replace(/^N[O0]NE\b.*/, "NONE");
      return /^[A-Z0-9][A-Z0-9 ,./-]{0,30}$/.test(v) ? v : undefined;
    }
    case "LAST_NAME":
    case "GIVEN_NAMES":
    case "FULL_NAME":
      return nameText(text);
    case "ADDRESS": {
      const v = cleanValue(text);
      return /^\d+[A-Z]?\s+[A-Z0-9]/.test(v) || /^(P\.?\s?O\.?\s+BOX|RR|HC)\s/.test(v) ? v : undefined;
    }
    case "COUNTY":
      return /^[A-Z][A-Z .'-]{1,30}$/.test(cleanValue(text)) ? cleanValue(text) : undefined;
    default:
      return undefined;
  }
}

function nameText(text: string): string | undefined {
  const v = cleanValue(text.replace(/[^A-Z ,.'-]/g, " "))
    .replace(/\s*,\s*/g, ", ")
    .replace(/^[,.\s]+|[,\s]+$/g, "");
  const words = v.split(/[ ,]+/).filter(Boolean);
  if (words.length === 0 || words.length > 5 || !/[A-Z]{2}/.test(v)) return undefined;
  if (words.every((w) => NOT_NAME_WORDS.has(w))) return undefined;
  return v;
}

/** A licence number as printed, with OCR's letter-for-digit slips fixed where the rest is digits. */
function documentNumber(text: string): string | undefined {
  const token = /^[A-Z0-9](?:[A-Z0-9]|[ -](?=[A-Z0-9])){3,22}/.exec(text.trim())?.[0];
  if (!token) return undefined;
  let v = normaliseDocumentNumber(token);
  const head = /^[A-Z]{0,2}/.exec(v)![0];
  const tail = v.slice(head.length);
  const digitShare = tail.replace(/\D/g, "").length / Math.max(1, tail.length);
  if (digitShare >= 0.7) v = head + ocrDigits(tail);
  if (v.length < 4 || v.replace(/\D/g, "").length < 3) return undefined;
  return v;
}

function splitSuffix(name: string): { last: string; suffix: string } {
  const words = name.replace(/,/g, " ").split(/\s+/).filter(Boolean);
  const lastWord = words[words.length - 1]?.replace(/\./g, "");
  if (words.length > 1 && lastWord && NAME_SUFFIXES.has(lastWord))
    return { last: words.slice(0, -1).join(" "), suffix: lastWord };
  return { last: words.join(" "), suffix: "" };
}

function splitGivenNames(name: string): Partial<Record<LicenceFieldKey, string>> {
  const words = name.replace(/,/g, " ").split(/\s+/).filter(Boolean);
  const out: Partial<Record<LicenceFieldKey, string>> = {};
  const last = words[words.length - 1]?.replace(/\./g, "");
  if (words.length > 1 && last && NAME_SUFFIXES.has(last)) {
    out.SUFFIX = last;
    words.pop();
  }
  out.FIRST_NAME = words[0] ?? "";
  out.MIDDLE_NAME = words.slice(1).join(" ").replace(/\.$/, "");
  return out;
}

/** "SAMPLE, JOHN Q" (family name first) or "JOHN Q SAMPLE". */
function splitFullName(name: string): Partial<Record<LicenceFieldKey, string>> {
  if (name.includes(",")) {
    const [last = "", ...rest] = name.split(",");
    const given = splitGivenNames(rest.join(" "));
    const fam = splitSuffix(last.trim());
    return { ...given, LAST_NAME: fam.last, ...(fam.suffix ? { SUFFIX: fam.suffix } : {}) };
  }
  const words = name.split(/\s+/).filter(Boolean);
  let suffix = "";
  const tail = words[words.length - 1]?.replace(/\./g, "");
  if (words.length > 2 && tail && NAME_SUFFIXES.has(tail)) {
    suffix = tail;
    words.pop();
  }
  if (words.length < 2) return { LAST_NAME: words[0] ?? "" };
  return {
    FIRST_NAME: words[0]!,
    MIDDLE_NAME: words.slice(1, -1).join(" "),
    LAST_NAME: words[words.length - 1]!,
    ...(suffix ? { SUFFIX: suffix } : {}),
  };
}

interface CityStateZip {
  city: string;
  state: string;
  zip: string;
}

/** "SACRAMENTO, CA 95823-1234" (or the Canadian "TORONTO, ON M5V 2T6") in the segment nearest `column`. */
function cityStateZip(text: string, column = 0): CityStateZip | undefined {
  const candidates = segments(text)
    .map((s) => ({
      s,
      m: /^([A-Z][A-Z .'-]*?[A-Z])[\s,.]+([A-Z]{2})[\s,.]+(\d{5}(?:\s?-\s?\d{4})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d)(?![A-Z0-9])/.exec(
        s.text,
      ),
    }))
    .filter((c) => c.m && jurisdictionByCode(c.m[2]!))
    .sort((a, b) => Math.abs(a.s.start - column) - Math.abs(b.s.start - column));
  const m = candidates[0]?.m;
  if (!m) return undefined;
  return { city: cleanValue(m[1]!), state: m[2]!, zip: m[3]!.replace(/\s/g, "") };
}

type Setter = (key: LicenceFieldKey, value: string, confidence: number) => void;

function setCityStateZip(set: Setter, csz: CityStateZip, confidence: number): void {
  set("CITY_IN_ADDRESS", csz.city, confidence);
  set("STATE_IN_ADDRESS", csz.state, confidence);
  set("ZIP_CODE_IN_ADDRESS", csz.zip, confidence);
}

/** The street is the line above "CITY, ST ZIP", starting at about the same column. */
function inferAddress(
  lines: Array<{ text: string; confidence: number }>,
  readings: PartialReadings,
  set: Setter,
): void {
  if (readings.CITY_IN_ADDRESS && readings.ADDRESS) return;
  for (let i = 0; i < lines.length; i++) {
    const csz = cityStateZip(lines[i]!.text);
    if (!csz) continue;
    setCityStateZip(set, csz, lines[i]!.confidence * LABELLED);
    if (readings.ADDRESS) return;
    const column = lines[i]!.text.indexOf(csz.city);
    for (const above of [i - 1, i - 2]) {
      const line = lines[above];
      if (!line) break;
      const seg = segments(line.text).find(
        (s) => Math.abs(s.start - column) <= 4 || (s.start <= column && s.start + s.text.length > column),
      );
      // A field number ("8") or its OCR misreading may stand before the house number.
      const street =
        seg &&
        cleanValue(seg.text.replace(/^(ADDRESS|ADDR)[\s:]*/, "").replace(/^\S{1,2}[\s.]+(?=\d+[A-Z]?\s+[A-Z])/, ""));
      if (street && /^\d+[A-Z]?\s+[A-Z0-9]/.test(street)) {
        set("ADDRESS", street, line.confidence * INFERRED);
        return;
      }
    }
    return;
  }
}

/** A name-shaped segment: one to four words of letters, none of them card vocabulary. */
function nameSegment(
  lines: Array<{ text: string }>,
  hits: LabelHit[],
  i: number,
): { text: string; start: number } | undefined {
  for (const seg of segments(lines[i]?.text ?? "")) {
    if (hits.some((h) => h.line === i && h.start < seg.start + seg.text.length && seg.start < h.end)) continue;
    const text = seg.text.replace(/^(?:[^A-Z0-9]+|[12](?=[A-Z]{3}))/, "");
    if (!/^[A-Z][A-Z'-]*(?:,? [A-Z][A-Z'\-.]*){0,3},?$/.test(text)) continue;
    const words = text.replace(/[,.]/g, " ").split(/\s+/).filter(Boolean);
    if (words.some((w) => NOT_NAME_WORDS.has(w)) || JURISDICTION_NAMES.some((j) => text.includes(j.name))) continue;
    if (words.length === 1 && words[0]!.length < 2) continue;
    return { text, start: seg.start + seg.text.indexOf(text) };
  }
  return undefined;
}

/**
 * Names without labels, above the address: "SAMPLE, JOHN Q" or "JOHN Q SAMPLE" on one line, or
 * the family name on one line and the given names on the next (AAMVA's fields 1 and 2).
 */
function inferName(
  lines: Array<{ text: string; confidence: number }>,
  hits: LabelHit[],
  readings: PartialReadings,
  set: Setter,
  lastNameAt?: { line: number; start: number },
): void {
  if (readings.LAST_NAME && readings.FIRST_NAME) return;
  if (lastNameAt && !readings.FIRST_NAME) {
    // The given names' label was lost, but their value sits in the family name's column, a line below.
    const below = lines[lastNameAt.line + 1];
    const text = below
      ? nameText(below.text.slice(Math.max(0, lastNameAt.start - 1)).split(/\s{2,}/)[0] ?? "")
      : undefined;
    if (text) {
      for (const [k, v] of Object.entries(splitGivenNames(text)))
        if (v) set(k as LicenceFieldKey, v, below!.confidence * INFERRED);
      return;
    }
  }
  const street = readings.ADDRESS ? lines.findIndex((l) => l.text.includes(readings.ADDRESS!.value.slice(0, 8))) : -1;
  const bottom = street >= 0 ? street - 1 : lines.length - 1;
  const apply = (fields: Partial<Record<LicenceFieldKey, string>>, conf: number) => {
    for (const [k, v] of Object.entries(fields)) if (v) set(k as LicenceFieldKey, v, conf);
  };
  for (let i = bottom; i >= 0; i--) {
    const seg = nameSegment(lines, hits, i);
    if (!seg) continue;
    const conf = lines[i]!.confidence * INFERRED;
    // Layout puts an empty line where the card has a vertical gap: look past it.
    const prev = lines[i - 1]?.text.trim() === "" ? i - 2 : i - 1;
    const next = lines[i + 1]?.text.trim() === "" ? i + 2 : i + 1;
    const above = nameSegment(lines, hits, prev);
    const twoLines = (family: string, givenNames: string, c: number) => {
      const fam = splitSuffix(family.replace(/,$/, ""));
      apply({ LAST_NAME: fam.last, SUFFIX: fam.suffix, ...splitGivenNames(givenNames.replace(/,$/, "")) }, c);
    };
    if (readings.LAST_NAME && !readings.FIRST_NAME) apply(splitGivenNames(seg.text), conf);
    else if (readings.FIRST_NAME && !readings.LAST_NAME) apply({ LAST_NAME: splitSuffix(seg.text).last }, conf);
    else if (seg.text.includes(",") && !seg.text.endsWith(",")) apply(splitFullName(seg.text), conf);
    else if (seg.text.endsWith(",")) {
      // "FAMILY," with the given names on the next line (or, on a tilted photo, the line before).
      const other = nameSegment(lines, hits, next) ?? above;
      twoLines(seg.text, other?.text ?? "", conf);
    } else if (above) twoLines(above.text, seg.text, Math.min(conf, lines[prev]!.confidence * INFERRED));
    else if (seg.text.split(" ").length >= 2) apply(splitFullName(seg.text), conf);
    else continue;
    return;
  }
}

type DateSlot = "DATE_OF_BIRTH" | "DATE_OF_ISSUE" | "EXPIRATION_DATE";
const SLOTS: DateSlot[] = ["DATE_OF_BIRTH", "DATE_OF_ISSUE", "EXPIRATION_DATE"];
const sortable = (mmddyyyy: string) => mmddyyyy.slice(6) + mmddyyyy.slice(0, 2) + mmddyyyy.slice(3, 5);

/**
 * Unlabelled dates go to the empty slots so that birth < issue <= expiry holds, with the birth
 * at least ten years before the others; the assignment filling most slots wins.
 */
function inferDates(
  lines: Array<{ text: string; confidence: number }>,
  claimed: Array<{ line: number; start: number; end: number }>,
  readings: PartialReadings,
  set: Setter,
): void {
  const missing = SLOTS.filter((k) => !readings[k]);
  if (missing.length === 0) return;
  const taken = new Set(SLOTS.map((k) => readings[k]?.value));
  const free = lines
    .flatMap((l, line) =>
      findPrintedDates(l.text)
        .filter(
          (d) =>
            !claimed.some((c) => c.line === line && d.index < c.end && c.start < d.index + d.length) &&
            !taken.has(d.date),
        )
        .map((d) => ({ date: d.date, confidence: l.confidence * INFERRED })),
    )
    .slice(0, 8);
  if (free.length === 0) return;
  const known = Object.fromEntries(SLOTS.filter((k) => readings[k]).map((k) => [k, readings[k]!.value])) as Partial<
    Record<DateSlot, string>
  >;
  let best: Partial<Record<DateSlot, (typeof free)[number]>> = {};
  const consistent = (a: Partial<Record<DateSlot, string>>) => {
    const [b, i, e] = SLOTS.map((k) => (a[k] ? sortable(a[k]!) : undefined));
    const yearsApart = (x: string, y: string) => Number(y.slice(0, 4)) - Number(x.slice(0, 4));
    if (b && i && (i <= b || yearsApart(b, i) < 10)) return false;
    if (b && e && (e <= b || yearsApart(b, e) < 10)) return false;
    // Licences run at most about twelve years from issue.
    return !(i && e && (e < i || yearsApart(i, e) > 15));
  };
  // Most US licences expire on the holder's birthday: that decides between issue and expiry.
  const score = (chosen: Partial<Record<DateSlot, (typeof free)[number]>>) => {
    const birth = (known.DATE_OF_BIRTH ?? chosen.DATE_OF_BIRTH?.date)?.slice(0, 5);
    const expiry = chosen.EXPIRATION_DATE?.date.slice(0, 5);
    const bonus = expiry && birth ? (expiry === birth ? 1 : -1) : 0;
    return Object.keys(chosen).length * 10 + bonus;
  };
  let bestScore = 0;
  const search = (slot: number, chosen: Partial<Record<DateSlot, (typeof free)[number]>>) => {
    if (slot === missing.length) {
      if (score(chosen) > bestScore) {
        best = { ...chosen };
        bestScore = score(chosen);
      }
      return;
    }
    search(slot + 1, chosen);
    for (const f of free) {
      if (Object.values(chosen).includes(f)) continue;
      const next = { ...chosen, [missing[slot]!]: f };
      const dates = { ...known, ...Object.fromEntries(Object.entries(next).map(([k, v]) => [k, v!.date])) };
      if (consistent(dates)) search(slot + 1, next);
    }
  };
  search(0, {});
  // A lone unlabelled date is the birth date only when nothing says otherwise.
  if (Object.keys(best).length === 1 && Object.keys(known).length === 0) return;
  for (const [slot, f] of Object.entries(best)) set(slot as DateSlot, f!.date, f!.confidence);
}

/** An unlabelled licence number: a letter or two then 6+ digits, or 7+ digits, away from dates and ZIP codes. */
function inferDocumentNumber(
  lines: Array<{ text: string; confidence: number }>,
  hits: LabelHit[],
  readings: PartialReadings,
  set: Setter,
): void {
  if (readings.DOCUMENT_NUMBER) return;
  const zip = readings.ZIP_CODE_IN_ADDRESS?.value.replace(/\D/g, "");
  for (const [i, l] of lines.entries()) {
    for (const m of l.text.matchAll(
      /(?<![A-Z0-9/.-])([A-Z]{0,2}\d{6,14}|[A-Z]{0,2}\d{2,4}(?:(?:[ -]|[.-] ?-? ?)\d{1,4}){2,5})(?![A-Z0-9/.-])/g,
    )) {
      if (m[1]!.replace(/\D/g, "").length < 7) continue;
      const v = normaliseDocumentNumber(m[1]!.replace(/\./g, ""));
      if (zip && v.includes(zip)) continue;
      if (findPrintedDates(m[1]!).length > 0) continue;
      if (hits.some((h) => h.line === i && h.kind === "OTHER" && h.end <= m.index! && m.index! - h.end <= 3)) continue;
      set("DOCUMENT_NUMBER", v, l.confidence * INFERRED);
      return;
    }
  }
}

/** The issuing state's name as printed across the top of the card, else the address's state. */
function inferStateName(
  lines: Array<{ text: string; confidence: number }>,
  readings: PartialReadings,
  set: Setter,
): void {
  const top = lines.slice(0, Math.max(3, Math.ceil(lines.length / 2)));
  for (const l of top) {
    const j = JURISDICTION_NAMES.find((n) => new RegExp(`(?<![A-Z])${n.name}(?![A-Z])`).test(l.text));
    if (j) {
      set("STATE_NAME", j.name, l.confidence * LABELLED);
      return;
    }
  }
  const byAddress = readings.STATE_IN_ADDRESS && jurisdictionByCode(readings.STATE_IN_ADDRESS.value);
  if (byAddress) set("STATE_NAME", byAddress.name, (readings.STATE_IN_ADDRESS as FieldReading).confidence * INFERRED);
}
