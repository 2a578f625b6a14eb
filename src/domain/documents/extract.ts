// Turns the text of a claim document (text layer, OCR, filled form fields) into structured
// claim fields, each with a confidence in [0, 1]. Pure: no env, no I/O.
import { extractCms1500, isCms1500 } from "./cms1500";
import type { Candidate } from "./candidate";
import { finish, type ClaimExtraction, type ExtractedField, type ExtractionMethod } from "./result";
import { LABELS, type ClaimFieldName, type ContextFact, type LabelEntry, type LabelTarget } from "./labels";
import { amountPlausibility, contextFacts, dateOfLossPlausibility, parseClaimAmount } from "./plausibility";

const CONTEXT_AMOUNTS = new Set<ContextFact>(["subtotal", "tax", "deductible"]);
import { matchLabel, SEPARATORS } from "./label-match";
import { isBlank, squash, toLines, type Cell, type Line } from "./layout";
import { narrativeCandidates, narrativeDescription } from "./narrative";
import { OWN_FIELDS, sectionHeading, type SectionRole } from "./sections";
import { ACORD2_FORM, acord2Counts, acord2Hour, isAcord2, readAcord2 } from "./acord2";
import { isCaptionEcho, readWidgets, shortName, widgetLabel, type FormWidget, type PrintedText } from "./form-widgets";
import {
  detectDayFirst, parseAmount, parseCity, parseCount, parseDate, parseHour, parseName, parsePolicyNumber,
  parseState, parseYesNo, repairWords, US_STATES, type DateOptions, type Parsed,
} from "./values";
import { mapAuthorities, mapCollisionType, mapIncidentType, mapSeverity } from "./vocabulary";

export interface DocumentPageText {
  number?: number;
  text: string;
  source: "text-layer" | "ocr" | "form";
  /** Mean OCR word confidence of the page, 0–1. */
  ocrConfidence?: number;
  /** OCR confidence of each line of `text` (lowest word on the line), when known. */
  lineConfidence?: number[];
  /** Fillable-form widgets on the page, and the page's printed text with positions. */
  widgets?: FormWidget[];
  printed?: PrintedText[];
}

export interface ExtractionInput {
  pages: DocumentPageText[];
  formFields?: Record<string, string>;
  /** The processing day (ISO), against which a date of loss in the future is refused. */
  today?: string;
}


/** Fields whose values are words, where OCR's digits-for-letters can be undone first. */
const WORDY_FIELDS = new Set<ClaimFieldName>([
  "incident_type", "collision_type", "incident_severity", "authorities_contacted", "police_report_available",
  "property_damage", "incident_city", "description",
]);

type FieldParser = (text: string, dates: DateOptions) => Parsed<string | number> | undefined;

const PARSERS: Record<ClaimFieldName, FieldParser> = {
  claimant_name: (t) => parseName(t),
  policy_number: (t, d) => parsePolicyNumber(t, { ocr: d.ocr ?? false }),
  incident_date: (t, d) => parseDate(t, d),
  amount_claimed: (t, d) => parseClaimAmount(t, { ocr: d.ocr ?? false }),
  description: (t) => parseDescription(t),
  incident_type: (t) => mapIncidentType(t),
  collision_type: (t) => mapCollisionType(t),
  incident_severity: (t) => mapSeverity(t),
  authorities_contacted: (t) => mapAuthorities(t),
  police_report_available: (t) => parseYesNo(t),
  number_of_vehicles_involved: (t) => parseCount(t, 50),
  bodily_injuries: (t) => parseCount(t, 50),
  witnesses: (t) => parseCount(t, 50) ?? countNames(t),
  incident_state: (t) => parseState(t),
  incident_city: (t) => parseCity(t),
  incident_hour_of_the_day: (t) => parseHour(t) ?? bareHour(t),
  property_damage: (t) => parseYesNo(t),
};

function parseDescription(text: string): Parsed<string> | undefined {
  const value = text.replace(/\s+/g, " ").replace(/^[\s:\-.]+/, "").trim();
  if (value.split(" ").length < 3 || !/[a-z]{3}/i.test(value)) return undefined;
  return { value: value.slice(0, 1000), certainty: 1 };
}

function bareHour(text: string): Parsed<number> | undefined {
  const m = text.trim().match(/^(\d{1,2})(?:\s*(?:h|hrs?|hours|o'?clock))?$/i);
  if (!m) return undefined;
  const h = Number(m[1]);
  return h >= 0 && h <= 23 ? { value: h, certainty: 0.85 } : undefined;
}

function countNames(text: string): Parsed<number> | undefined {
  const parts = text.split(/,|;|\band\b/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0 || parts.length > 10) return undefined;
  if (!parts.every((p) => parseName(p))) return undefined;
  return { value: parts.length, certainty: 0.75 };
}

/** Where in `text` (after its start) a further "Caption: value" pair begins. */
function nextLabelAt(text: string, from = 0): number | undefined {
  for (const m of text.matchAll(/[\s;,](?=[A-Z])/g)) {
    if (m.index! < from) continue;
    const tail = text.slice(m.index! + 1);
    const label = matchLabel(tail);
    if (label && label.separated && label.rest !== "" && label.entry.squashed.length >= 3) return m.index! + 1;
  }
  return undefined;
}

/** "Owner Locked Policy Number: OL-1" → "Owner Locked": a value ends where the next caption starts. */
function cutAtNextLabel(rest: string): string {
  const at = nextLabelAt(rest);
  return at === undefined ? rest : rest.slice(0, at).replace(/[\s;,]+$/, "");
}

/** Cells holding several "Caption: value" pairs in a row are split into one cell per pair. */
function splitCellsAtLabels(line: Line): void {
  const cells: Cell[] = [];
  for (const cell of line.cells) {
    let rest = cell;
    for (let guard = 0; guard < 12; guard++) {
      const own = matchLabel(rest.text);
      if (!own) break;
      const at = nextLabelAt(rest.text, own.labelEnd);
      if (at === undefined) break;
      const head = rest.text.slice(0, at).replace(/[\s;,]+$/, "");
      cells.push({ ...rest, text: head, end: rest.col + head.length });
      const lead = rest.text.slice(at).length - rest.text.slice(at).trimStart().length;
      rest = { ...rest, text: rest.text.slice(at).trim(), col: rest.col + at + lead };
    }
    cells.push(rest);
  }
  line.cells = cells;
}

/** A cell that is only a label (a table header or a form caption), not a value. */
function isLabelCell(cell: Cell | undefined): boolean {
  if (!cell) return false;
  const m = matchLabel(cell.text);
  if (!m || m.rest !== "") return false;
  return m.entry.squashed !== "totalloss";
}

function lineFactor(line: Line): number {
  if (line.source === "form") return 1;
  if (line.source === "ocr") return 0.55 + 0.4 * (line.ocrConfidence ?? 0.6);
  return 1;
}

/** The cell under `cell` in the next non-blank lines, if it lines up with it. */
function cellBelow(lines: Line[], cell: Cell, maxGap = 2): Cell | undefined {
  let i = cell.line + 1;
  let skipped = 0;
  while (i < lines.length && isBlank(lines[i]) && skipped < maxGap) {
    i++;
    skipped++;
  }
  const below = lines[i];
  if (!below || isBlank(below)) return undefined;
  let best: Cell | undefined;
  let bestDist = Infinity;
  for (const c of below.cells) {
    const overlap = Math.min(c.end, cell.end) - Math.max(c.col, cell.col);
    const dist = overlap > 0 ? 0 : Math.abs(c.col - cell.col);
    if (dist < bestDist) {
      best = c;
      bestDist = dist;
    }
  }
  return bestDist <= 6 ? best : undefined;
}

function continuation(lines: Line[], from: number, col: number, labelCol: number): string[] {
  const out: string[] = [];
  for (let i = from; i < lines.length && out.length < 8; i++) {
    const line = lines[i]!;
    if (isBlank(line)) break;
    const first = line.cells[0]!;
    const label = matchLabel(first.text);
    if (label && label.separated && !/^[a-z]/.test(first.text)) break;
    if (col > labelCol) {
      // A wrapped table cell: text in the value column, nothing in the label column.
      if (first.col < col - 3) break;
    }
    out.push(line.cells.map((c) => c.text).join(" "));
  }
  return out;
}

function labelCandidates(lines: Line[], dates: DateOptions): Candidate[] {
  const out: Candidate[] = [];
  const add = (
    target: Exclude<LabelTarget, null>,
    raw: string,
    weight: number,
    factor: number,
    method: ExtractionMethod,
    line: Line,
  ): boolean => {
    const ocr = line.source === "ocr";
    const where = { page: line.page, line: line.index, role: line.role ?? "own", ocr } as const;
    if (target === "incident_location") {
      const loc = parseLocation(raw);
      if (!loc) return false;
      if (loc.city) out.push({ field: "incident_city", value: loc.city, confidence: weight * factor * 0.95, method, evidence: raw, ...where });
      if (loc.state) out.push({ field: "incident_state", value: loc.state, confidence: weight * factor, method, evidence: raw, ...where });
      return true;
    }
    const parsed = PARSERS[target](WORDY_FIELDS.has(target) && ocr ? repairWords(raw) : raw, { ...dates, ocr });
    if (!parsed) return false;
    out.push({
      field: target,
      value: parsed.value,
      confidence: weight * factor * parsed.certainty * lineFactor(line),
      method,
      evidence: raw.slice(0, 200),
      ...where,
    });
    if (target === "incident_date") {
      const hour = parseHour(raw);
      if (hour) out.push({ field: "incident_hour_of_the_day", value: hour.value, confidence: weight * factor * 0.9 * lineFactor(line), method, evidence: raw, ...where });
    }
    return true;
  };
  /** A fact around the claim's own (report date, policy period, subtotal, deductible), kept under its context name. */
  const addContext = (context: ContextFact, raw: string, line: Line): void => {
    const ocr = line.source === "ocr";
    const parsed = CONTEXT_AMOUNTS.has(context) ? parseAmount(raw, { ocr }) : parseDate(raw, { ...dates, ocr });
    if (parsed) out.push({ field: `_${context}`, value: parsed.value, confidence: 0.9 * parsed.certainty, method: "label", evidence: raw.slice(0, 80), page: line.page, line: line.index, role: line.role ?? "own" });
  };

  for (const line of lines) {
    let skipUntil = -1;
    line.cells.forEach((cell, ci) => {
      if (ci <= skipUntil) return;
      let m = matchLabel(cell.text);
      // OCR's broken spacing splits a label over cells: "Claimant  Name :  Robert   Smith".
      const joined = line.cells.slice(ci).map((c) => c.text).join(" ");
      const wide = line.cells.length > ci + 1 ? matchLabel(joined) : undefined;
      if (wide && wide.labelEnd > cell.text.length && (!m || wide.entry.squashed.length > m.entry.squashed.length)) {
        let consumed = cell.text.length;
        let k = ci;
        while (k + 1 < line.cells.length && consumed < wide.labelEnd) consumed += 1 + line.cells[++k]!.text.length;
        skipUntil = k;
        const tail: string[] = [];
        if (consumed > wide.labelEnd) tail.push(joined.slice(wide.labelEnd, consumed).replace(SEPARATORS, ""));
        for (let n = k + 1; n < line.cells.length && !isLabelCell(line.cells[n]); n++) tail.push(line.cells[n]!.text);
        skipUntil = k + tail.length;
        m = { ...wide, rest: tail.join(" ").replace(/\s+/g, " ").replace(SEPARATORS, "").trim() };
      }
      if (m && m.entry.field === null && m.entry.context) {
        const next = line.cells[ci + 1];
        const below = m.rest || (next && !isLabelCell(next)) ? undefined : cellBelow(lines, cell);
        const raw = m.rest || (next && !isLabelCell(next) ? next.text : below && !isLabelCell(below) ? below.text : "");
        if (raw) addContext(m.entry.context, raw, below ? (lines[below.line] ?? line) : line);
        return;
      }
      if (!m || m.entry.field === null) return;
      const target = m.entry.field;
      const weight = m.entry.weight;
      if (target === "description") {
        const valueCell = m.rest ? cell : line.cells[ci + 1];
        const first = m.rest || (valueCell && !isLabelCell(valueCell) ? valueCell.text : "");
        const col = m.rest ? cell.col : valueCell && first ? valueCell.col : cell.col;
        const more = continuation(lines, line.index + 1, col, cell.col);
        const text = [first, ...more].filter(Boolean).join(" ");
        add(target, text, weight, first ? 1 : 0.9, "label", line);
        return;
      }
      if (m.rest) {
        add(target, cutAtNextLabel(m.rest), weight, 1, "label", line);
        return;
      }
      const next = line.cells[ci + 1];
      if (next && !isLabelCell(next) && add(target, next.text, weight, 0.97, "table", line)) return;
      if (next && !isLabelCell(next)) {
        const run: string[] = [];
        for (let n = ci + 1; n < line.cells.length && !isLabelCell(line.cells[n]); n++) run.push(line.cells[n]!.text);
        if (run.length > 1 && add(target, run.join(" "), weight, 0.9, "table", line)) return;
      }
      const below = cellBelow(lines, cell);
      if (below && !isLabelCell(below)) {
        // A column of line items under an "Amount" header: an item, not the claim total.
        const further = below && target === "amount_claimed" ? cellBelow(lines, below, 0) : undefined;
        const itemColumn = further !== undefined && parseAmount(further.text) !== undefined;
        const belowLine = lines[below.line] ?? line;
        // "DATE OF LOSS AND TIME" over "03/28/2025   07:45 AM": keep the time cell too.
        const raw = target === "incident_date" ? belowLine.cells.filter((c) => c.col >= below.col).slice(0, 2).map((c) => c.text).join("  ") : below.text;
        add(target, raw, weight, itemColumn ? 0.5 : 0.9, "table", belowLine);
      }
    });
  }

  // Columns flattened by text extraction: a run of bare labels, then the same number of values.
  for (let i = 0; i < lines.length; ) {
    const run: Array<{ line: Line; entry: LabelEntry }> = [];
    let j = i;
    while (j < lines.length && lines[j]!.cells.length === 1 && isLabelCell(lines[j]!.cells[0])) {
      const m = matchLabel(lines[j]!.cells[0]!.text)!;
      run.push({ line: lines[j]!, entry: m.entry });
      j++;
    }
    if (run.length >= 2) {
      const values: Line[] = [];
      let k = j;
      while (k < lines.length && values.length < run.length) {
        const l = lines[k]!;
        if (isBlank(l)) {
          k++;
          continue;
        }
        if (l.cells.length !== 1 || isLabelCell(l.cells[0])) break;
        values.push(l);
        k++;
      }
      if (values.length === run.length) {
        run.forEach(({ entry }, n) => {
          if (entry.field && entry.field !== "description") add(entry.field, values[n]!.cells[0]!.text, entry.weight, 0.85, "table", values[n]!);
        });
      }
    }
    i = Math.max(j, i + 1);
  }
  return out;
}

export function parseLocation(raw: string): { city?: string; state?: string } | undefined {
  const parts = raw.replace(/[ \t]+/g, " ").split(/\s*,\s*|\s{2,}|\n/).map((p) => p.trim()).filter(Boolean);
  const cityOf = (text: string | undefined) => {
    if (!text || /\d/.test(text)) return undefined;
    return parseCity(text)?.value;
  };
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i]!.replace(/\b\d{5}(?:-\d{4})?\b/, "").replace(/\b(?:USA|US)\b\.?/, "").trim();
    if (!part) continue;
    const inline = part.match(/^([A-Za-z][A-Za-z .'\-]*?)\s+([A-Z]{2})$/);
    if (inline && parseState(inline[2]!)) {
      const city = cityOf(inline[1]);
      return { state: inline[2]!, ...(city ? { city } : {}) };
    }
    const whole = part.length === 2 ? parseState(part) : US_STATES[part.toLowerCase()] ? { value: US_STATES[part.toLowerCase()]! } : undefined;
    if (whole) {
      const city = cityOf(parts[i - 1]);
      return { state: whole.value, ...(city ? { city } : {}) };
    }
  }
  return undefined;
}

function formFieldCandidates(formFields: Record<string, string>, dates: DateOptions): Candidate[] {
  const out: Candidate[] = [];
  for (const [name, rawValue] of Object.entries(formFields)) {
    const value = String(rawValue ?? "").trim();
    if (!value || /^(?:off|false)$/i.test(value)) continue;
    const key = squash(
      name.replace(/\[\d+\]/g, "").replace(/^.*\./, "").replace(/^(?:txt|fld|field|tb|text|frm|cb|chk)(?=[A-Z_\-\s\d])/, "")
        .replace(/([a-z])([A-Z])/g, "$1 $2"),
    ).letters;
    // Check boxes named after a value: "police_report_yes" = On.
    const box = key.match(/^(.*?)(yes|no)$/);
    const entry =
      LABELS.find((l) => l.squashed === key) ??
      (box && /^(?:on|yes|true|x|1)$/i.test(value) ? LABELS.find((l) => l.squashed === box[1]) : undefined);
    if (!entry || !entry.field) continue;
    const fieldValue = box && entry.squashed === box[1] ? box[2]! : value;
    if (entry.field === "incident_location") {
      const loc = parseLocation(fieldValue);
      if (loc?.city) out.push({ field: "incident_city", value: loc.city, confidence: 0.93, method: "form-field", evidence: `${name}: ${value}` });
      if (loc?.state) out.push({ field: "incident_state", value: loc.state, confidence: 0.95, method: "form-field", evidence: `${name}: ${value}` });
      continue;
    }
    const parsed = PARSERS[entry.field](fieldValue, dates);
    if (!parsed) continue;
    out.push({
      field: entry.field,
      value: parsed.value,
      confidence: Math.min(0.99, 0.97 * parsed.certainty * (0.9 + 0.1 * entry.weight)),
      method: "form-field",
      evidence: `${name}: ${value}`.slice(0, 200),
    });
  }
  return out;
}

function sameValue(a: Candidate["value"], b: Candidate["value"]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Best candidate per field. The insured's own fields come only from the insured's own
 * sections; a date of loss and an amount are weighed by their plausibility against the
 * document's other dates and amounts; agreement between independent readings raises
 * confidence, disagreement lowers it.
 */
function choose(all: Candidate[], today: string): Record<string, ExtractedField> {
  const context = contextFacts(all);
  const byField = new Map<string, Candidate[]>();
  for (const original of all) {
    if (original.field.startsWith("_")) continue;
    if (OWN_FIELDS.has(original.field) && original.role && original.role !== "own") continue;
    const c = { ...original };
    if (c.field === "incident_date" && typeof c.value === "string") c.confidence *= dateOfLossPlausibility(c.value, context, today);
    if (c.field === "amount_claimed" && typeof c.value === "number") c.confidence *= amountPlausibility(c.value, context);
    if (c.confidence <= 0.02) continue;
    const list = byField.get(c.field) ?? [];
    list.push(c);
    byField.set(c.field, list);
  }
  const out: Record<string, ExtractedField> = {};
  for (const [field, list] of byField) {
    list.sort((a, b) => b.confidence - a.confidence);
    const best = list[0]!;
    let confidence = best.confidence;
    // Only an independent reading counts as agreement: a form field against the page text, or
    // two different lines (the prose pass re-reads the label's own line, so it does not count).
    const independent = (c: Candidate) =>
      (c.method === "form-field") !== (best.method === "form-field") ||
      (c.line !== undefined && best.line !== undefined && c.line !== best.line);
    const agree = list.slice(1).find((c) => sameValue(c.value, best.value) && independent(c));
    if (agree) confidence = 1 - (1 - confidence) * (1 - 0.4 * agree.confidence);
    const rival = list.find((c) => !sameValue(c.value, best.value));
    if (rival) confidence -= 0.3 * rival.confidence * (rival.confidence / best.confidence);
    const chosen: ExtractedField = {
      value: best.value,
      confidence: Math.round(Math.min(0.99, Math.max(0.01, confidence)) * 100) / 100,
      method: best.method,
      ocr: best.ocr ?? false,
      evidence: best.evidence.replace(/\s+/g, " ").trim().slice(0, 200),
    };
    if (best.page !== undefined) chosen.page = best.page;
    out[field] = chosen;
  }
  return out;
}

/** Candidates from the widgets of a fillable form: a known form by its field names, any other by caption. */
function widgetCandidates(pages: DocumentPageText[], dates: DateOptions, printedText: string): { candidates: Candidate[]; form?: string } {
  const widgets = pages.flatMap((p) => p.widgets ?? []);
  const printed = new Map(pages.filter((p) => p.printed).map((p, i) => [p.number ?? i + 1, p.printed!]));
  const out: Candidate[] = [];
  const push = (target: Exclude<LabelTarget, null>, raw: string, confidence: number, role: SectionRole, evidence: string, page: number) => {
    if (target === "incident_location") {
      const loc = parseLocation(raw);
      if (loc?.city) out.push({ field: "incident_city", value: loc.city, confidence: confidence * 0.95, method: "form-field", evidence, page, role });
      if (loc?.state) out.push({ field: "incident_state", value: loc.state, confidence, method: "form-field", evidence, page, role });
      return;
    }
    const parsed = PARSERS[target](raw, dates);
    if (parsed) out.push({ field: target, value: parsed.value, confidence: confidence * parsed.certainty, method: "form-field", evidence: `${evidence}: ${raw}`.slice(0, 200), page, role });
  };
  if (isAcord2(printedText, widgets.map((w) => w.name))) {
    const readings = readAcord2(widgets);
    for (const r of readings) {
      if (r.field === "loss_time" || r.field === "am" || r.field === "pm" || r.field === "other_vehicle" || r.field === "injured_person" || r.field === "witness_person") continue;
      if (isCaptionEcho(r.value, [shortName(r.widget.name), r.widget.tooltip])) continue;
      push(r.field, r.value, 0.97, r.role, shortName(r.widget.name), r.widget.page);
    }
    const counts = acord2Counts(readings);
    const hour = acord2Hour(readings);
    const fact = (field: string, value: number) => out.push({ field, value, confidence: 0.9, method: "form-field", evidence: "ACORD 2 form", role: "own" });
    if (counts.vehicles) fact("number_of_vehicles_involved", counts.vehicles);
    fact("bodily_injuries", counts.injured);
    fact("witnesses", counts.witnesses);
    if (hour !== undefined) fact("incident_hour_of_the_day", hour);
    return { candidates: out, form: ACORD2_FORM };
  }
  for (const meaning of readWidgets(widgets, printed)) {
    if (meaning.widget.kind === "checkbox") continue;
    const found = widgetLabel(meaning);
    const target = found?.label?.entry.field;
    if (!found || !target) continue;
    push(target, meaning.widget.value, (found.from === "name" ? 0.95 : 0.9) * (0.9 + 0.1 * found.label!.entry.weight), meaning.role, meaning.caption ?? shortName(meaning.widget.name), meaning.widget.page);
  }
  return { candidates: out };
}

function toInput(input: ExtractionInput | string): ExtractionInput {
  return typeof input === "string" ? { pages: [{ text: input, source: "text-layer" }] } : input;
}

function pagesToLines(pages: DocumentPageText[]): Line[] {
  const lines: Line[] = [];
  let role: SectionRole = "own";
  pages.forEach((p, i) => {
    const pageLines = toLines(p.text, p.number ?? i + 1, p.source, p.ocrConfidence, lines.length);
    if (p.lineConfidence) {
      pageLines.forEach((l, k) => {
        const c = p.lineConfidence![k];
        if (c !== undefined) l.ocrConfidence = c;
      });
    }
    pageLines.forEach(splitCellsAtLabels);
    for (const line of pageLines) {
      if (line.cells.length > 0 && line.cells.length <= 3) role = sectionHeading(line.text.trim()) ?? role;
      line.role = role;
    }
    lines.push(...pageLines);
    lines.push(...toLines("", p.number ?? i + 1, p.source, undefined, lines.length));
  });
  return lines;
}

/** Structured claim fields from a document's text and form fields. */
export function extractClaimFields(input: ExtractionInput | string): ClaimExtraction {
  const { pages, formFields = {}, today = new Date().toISOString().slice(0, 10) } = toInput(input);
  const lines = pagesToLines(pages);
  const fullText = lines.map((l) => l.text).join("\n");
  const dayFirst = detectDayFirst(fullText) ?? (/\bEUR\b|€|\d,\d{2}\s*(?:EUR|€)/.test(fullText) ? true : undefined);
  const dates: DateOptions = dayFirst === undefined ? {} : { dayFirst };

  if (isCms1500(fullText, formFields)) return extractCms1500(lines, formFields, dates);

  const ocrPages = pages.filter((p) => p.source === "ocr");
  const ocrFactor = ocrPages.length ? 0.7 + 0.25 * Math.min(...ocrPages.map((p) => p.ocrConfidence ?? 0.6)) : 1;
  const widgets = pages.some((p) => p.widgets?.length) ? widgetCandidates(pages, dates, fullText) : undefined;
  // Prose is read per kind of text, so that OCR's repairs never touch a text layer.
  const prose = (ocr: boolean) =>
    narrativeCandidates(
      lines.filter((l) => (l.source === "ocr") === ocr && l.role !== "other-party" && l.role !== "witness" && l.role !== "injured").map((l) => l.text).join("\n"),
      { ...dates, ocr },
    ).map((c) => ({ ...c, confidence: c.confidence * (ocr ? ocrFactor : 1), method: "narrative" as const, ocr, role: "own" as const }));
  const candidates: Candidate[] = [
    ...(widgets ? widgets.candidates : formFieldCandidates(formFields, dates)),
    ...labelCandidates(lines, dates),
    ...prose(false),
    ...(ocrPages.length ? prose(true) : []),
  ];
  const fields = choose(candidates, today);
  if (!fields.description) {
    const text = lines
      .map((l) => (l.cells.length === 1 && l.text.trim().split(/\s+/).length >= 4 && !matchLabel(l.cells[0]!.text) ? l.text : ""))
      .join("\n");
    const description = narrativeDescription(text);
    if (description) fields.description = { value: description, confidence: Math.round(0.6 * ocrFactor * 100) / 100, method: "narrative", evidence: description.slice(0, 200) };
  }
  return finish(isUb04(fullText) ? "ub04" : "claim", fields, widgets?.form);
}

const UB04_MARKERS = [
  /TYPE\s+OF\s+BILL/i, /STATEMENT\s+COVERS\s+PERIOD/i, /\bREV\.?\s*CD\b/i, /\bUB-?04\b|\bNUBC\b/i,
  /VALUE\s+CODES/i, /OCCURRENCE\s+SPAN/i, /\bCMS-?1450\b/i,
];

function isUb04(text: string): boolean {
  return UB04_MARKERS.filter((m) => m.test(text)).length >= 3;
}
