// Turns the text of a claim document (text layer, OCR, filled form fields) into structured
// claim fields, each with a confidence in [0, 1]. Pure: no env, no I/O.

import {
  ACORD2_FORM,
  acord2Counts,
  acord2Hour,
  isAcord2,
  type KnownReading,
  readAcord2,
  scannedAcord2Boxes,
} from "./acord2";
import type { Candidate } from "./candidate";
import { extractCms1500, isCms1500 } from "./cms1500";
import { PARSERS, parseLocation } from "./field-parsers";
import type { ScannedBox, ScannedWord } from "./form-scan";
import { type FormWidget, isCaptionEcho, type PrintedText, readWidgets, shortName, widgetLabel } from "./form-widgets";
import { BOXED_VALUES, labelCandidates, ocrValueFactor, ocrWordFactor } from "./label-candidates";
import { matchLabel, splitCellsAtLabels } from "./label-match";
import { LABELS, type LabelTarget } from "./labels";
import { type Line, squash, toLines } from "./layout";
import { completeCutName, outvotingName } from "./name-completion";
import { narrativeCandidates, narrativeDescription } from "./narrative";
import { amountPlausibility, contextFacts, dateOfLossPlausibility } from "./plausibility";
import { type ClaimExtraction, type ExtractedField, finish } from "./result";
import { repairScannedBox } from "./scanned-box-repair";
import { OWN_FIELDS, type SectionRole, sectionHeading } from "./sections";
import { type DateOptions, detectDayFirst, readAlike } from "./values";

export interface DocumentPageText {
  number?: number;
  text: string;
  source: "text-layer" | "ocr" | "form";
  /** Mean OCR word confidence of the page, 0–1. */
  ocrConfidence?: number;
  /** OCR confidence of each line of `text` (lowest word on the line), when known. */
  lineConfidence?: number[];
  /** OCR: each line's words by character column, with the word's confidence. */
  lineWords?: Array<Array<{ col: number; end: number; confidence: number }>>;
  /** Fillable-form widgets on the page, and the page's printed text with positions. */
  widgets?: FormWidget[];
  printed?: PrintedText[];
  /** OCR: every word with its position, to read a known paper form by its boxes. */
  scannedWords?: ScannedWord[];
}

export interface ExtractionInput {
  pages: DocumentPageText[];
  formFields?: Record<string, string>;
  /** The processing day (ISO), against which a date of loss in the future is refused. */
  today?: string;
}

function formFieldCandidates(formFields: Record<string, string>, dates: DateOptions): Candidate[] {
  const out: Candidate[] = [];
  for (const [name, rawValue] of Object.entries(formFields)) {
    const value = String(rawValue ?? "").trim();
    if (!value || /^(?:off|false)$/i.test(value)) continue;
    const key = squash(
      name
        .replace(/\[\d+\]/g, "")
        .replace(/^.*\./, "")
        .replace(/^(?:txt|fld|field|tb|text|frm|cb|chk)(?=[A-Z_\-\s\d])/, "")
        .replace(/([a-z])([A-Z])/g, "$1 $2"),
    ).letters;
    // Check boxes named after a value: "police_report_yes" = On.
    const box = key.match(/^(.*?)(yes|no)$/);
    const entry =
      LABELS.find((l) => l.squashed === key) ??
      (box && /^(?:on|yes|true|x|1)$/i.test(value) ? LABELS.find((l) => l.squashed === box[1]) : undefined);
    if (!entry?.field) continue;
    const fieldValue = box && entry.squashed === box[1] ? box[2]! : value;
    if (entry.field === "incident_location") {
      const loc = parseLocation(fieldValue);
      if (loc?.city)
        out.push({
          field: "incident_city",
          value: loc.city,
          confidence: 0.93,
          method: "form-field",
          evidence: `${name}: ${value}`,
        });
      if (loc?.state)
        out.push({
          field: "incident_state",
          value: loc.state,
          confidence: 0.95,
          method: "form-field",
          evidence: `${name}: ${value}`,
        });
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
    if (c.field === "incident_date" && typeof c.value === "string")
      c.confidence *= dateOfLossPlausibility(c.value, context, today);
    if (c.field === "amount_claimed" && typeof c.value === "number")
      c.confidence *= amountPlausibility(c.value, context);
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
    // Two readings of one number that differ only where OCR confuses letters and digits: which
    // is right is for an adjuster to say.
    const twin = list.find(
      (c) => (c.ocr || best.ocr) && typeof c.value === "string" && readAlike(c.value, String(best.value)),
    );
    if (twin) confidence = Math.min(confidence, 0.5);
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
function widgetCandidates(
  pages: DocumentPageText[],
  dates: DateOptions,
  printedText: string,
  scannedBoxes: ScannedBox[],
): { candidates: Candidate[]; form?: string } {
  const widgets = [...pages.flatMap((p) => p.widgets ?? []), ...scannedBoxes];
  const printed = new Map(pages.filter((p) => p.printed).map((p, i) => [p.number ?? i + 1, p.printed!]));
  const out: Candidate[] = [];
  const push = (
    target: Exclude<LabelTarget, null>,
    raw: string,
    confidence: number,
    role: SectionRole,
    evidence: string,
    page: number,
    scanned?: ScannedBox,
  ) => {
    // A box read from a scan is as sure as OCR was of its least sure word; an unsure reading is
    // still what the box holds (kept for review, never outranked by text found elsewhere).
    if (scanned) confidence *= Math.max(SCANNED_BOX_FLOOR, ocrWordFactor(scanned.ocrConfidence));
    const method = scanned ? ("form-box" as const) : ("form-field" as const);
    const ocr = scanned ? { ocr: true } : {};
    if (target === "incident_location") {
      const loc = parseLocation(raw);
      if (loc?.city)
        out.push({
          field: "incident_city",
          value: loc.city,
          confidence: confidence * 0.95,
          method,
          evidence,
          page,
          role,
          ...ocr,
        });
      if (loc?.state)
        out.push({ field: "incident_state", value: loc.state, confidence, method, evidence, page, role, ...ocr });
      return;
    }
    const parsed = PARSERS[target](scanned ? repairScannedBox(target, raw) : raw, { ...dates, ...ocr });
    if (parsed)
      out.push({
        field: target,
        value: parsed.value,
        confidence: confidence * parsed.certainty,
        method,
        evidence: `${evidence}: ${raw}`.slice(0, 200),
        page,
        role,
        ...ocr,
      });
  };
  if (
    scannedBoxes.length > 0 ||
    isAcord2(
      printedText,
      widgets.map((w) => w.name),
    )
  ) {
    // A US form that prints "MM/DD/YYYY" over its dates: month first, whatever OCR noise elsewhere suggests.
    dates = { ...dates, dayFirst: false };
    const readings = readAcord2(widgets);
    const scannedBox = (r: KnownReading) => ("ocrConfidence" in r.widget ? (r.widget as ScannedBox) : undefined);
    const ocrConfidenceOf = (n: KnownReading) => scannedBox(n)?.ocrConfidence ?? 0;
    // The insured's name in other boxes, the surest reading first: it completes a cut name.
    const namesElsewhere = readings
      .filter((r) => r.field === "name_elsewhere" && scannedBox(r))
      .sort((a, b) => ocrConfidenceOf(b) - ocrConfidenceOf(a));
    for (const r of readings) {
      const scanned = scannedBox(r);
      if (r.field === "claimant_name" && scanned) {
        const completion = completeCutName(r.value, namesElsewhere);
        const caption = shortName(r.widget.name);
        if (completion && "from" in completion) {
          const { from, how } = completion;
          // Letters before the cut word are the rest of that word; whole words before it are read by one box only.
          const confidence = how === "letters" ? 0.97 * 0.9 : CUT_NAME_CONFIDENCE;
          const evidence = `${caption}: ${r.value}; ${shortName(from.widget.name)}`;
          push("claimant_name", from.value, confidence, "own", evidence, from.widget.page, scannedBox(from));
          continue;
        }
        if (completion) {
          push("claimant_name", r.value, CUT_NAME_CONFIDENCE, "own", caption, r.widget.page, scanned);
          continue;
        }
        const outvoting = outvotingName(
          { value: r.value, confidence: scanned.ocrConfidence },
          namesElsewhere.map((n) => ({ value: n.value, confidence: ocrConfidenceOf(n), reading: n })),
        );
        if (outvoting) {
          const { name, from } = outvoting;
          const evidence = `${caption}: ${r.value}; ${shortName(from.reading.widget.name)}`;
          push("claimant_name", name, 0.97 * 0.9, "own", evidence, from.reading.widget.page, scannedBox(from.reading));
          continue;
        }
      }
      if (
        r.field === "name_elsewhere" ||
        r.field === "loss_time" ||
        r.field === "am" ||
        r.field === "pm" ||
        r.field === "other_vehicle" ||
        r.field === "injured_person" ||
        r.field === "witness_person"
      )
        continue;
      if (isCaptionEcho(r.value, [shortName(r.widget.name), r.widget.tooltip])) continue;
      push(r.field, r.value, 0.97, r.role, shortName(r.widget.name), r.widget.page, scanned);
    }
    const counts = acord2Counts(readings);
    const hour = acord2Hour(readings);
    const fact = (field: string, value: number) =>
      out.push({ field, value, confidence: 0.9, method: "form-field", evidence: "ACORD 2 form", role: "own" });
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
    push(
      target,
      meaning.widget.value,
      (found.from === "name" ? 0.95 : 0.9) * (0.9 + 0.1 * found.label!.entry.weight),
      meaning.role,
      meaning.caption ?? shortName(meaning.widget.name),
      meaning.widget.page,
    );
  }
  return { candidates: out };
}

function toInput(input: ExtractionInput | string): ExtractionInput {
  return typeof input === "string" ? { pages: [{ text: input, source: "text-layer" }] } : input;
}

/**
 * A line that opens with a core field's caption of two words or more ("POLICY NO.", "INSURED
 * NAME") is a row of captions over their values, not a section heading ("Policy", "Insured"):
 * inside the other party's, the injured's or the witnesses' section it does not end it.
 */
function opensWithCaption(line: Line): boolean {
  const first = line.cells[0];
  if (!first || !/\S\s+\S/.test(first.text.trim())) return false;
  const label = matchLabel(first.text);
  return label?.rest === "" && OWN_FIELDS.has(label.entry.field ?? "");
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
    pageLines.forEach((l, k) => {
      const words = p.lineWords?.[k];
      if (words?.length) l.words = words;
    });
    pageLines.forEach(splitCellsAtLabels);
    for (const line of pageLines) {
      const partyCaption = role !== "own" && role !== "agent" && opensWithCaption(line);
      if (line.cells.length > 0 && line.cells.length <= 3 && !partyCaption)
        role = sectionHeading(line.text.trim()) ?? role;
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
  const scannedBoxes = scannedAcord2Boxes(pages);
  const widgets =
    scannedBoxes.length > 0 || pages.some((p) => p.widgets?.length)
      ? widgetCandidates(pages, dates, fullText, scannedBoxes)
      : undefined;
  // Prose is read per kind of text, so that OCR's repairs never touch a text layer.
  const prose = (ocr: boolean) =>
    narrativeCandidates(
      lines
        .filter(
          (l) =>
            (l.source === "ocr") === ocr && l.role !== "other-party" && l.role !== "witness" && l.role !== "injured",
        )
        .map((l) => l.text)
        .join("\n"),
      { ...dates, ocr },
    ).map((c) => ({
      ...c,
      confidence: c.confidence * (ocr ? Math.min(ocrFactor, proseWordFactor(c, lines)) : 1),
      method: "narrative" as const,
      ocr,
      role: "own" as const,
    }));
  const formCandidates = widgets ? widgets.candidates : formFieldCandidates(formFields, dates);
  // A scanned known form gives its core facts from its boxes alone: captions and prose read
  // across the form (its other party's page too) find the other party's estimate or the report
  // date instead.
  const besideTheBoxes = (c: Candidate) => !(scannedBoxes.length > 0 && BOXED_VALUES.has(c.field));
  const candidates: Candidate[] = [
    ...formCandidates,
    ...formDescriptionFacts(formCandidates, dates),
    ...labelCandidates(lines, dates).filter((c) => !c.ocr || besideTheBoxes(c)),
    ...prose(false),
    ...(ocrPages.length ? prose(true).filter(besideTheBoxes) : []),
  ];
  const captioned = captionedFields(lines);
  // A sentence OCR pieced together across a form's rows of captions and values ("Date of this
  // Report … 26 August 2026 … When did the loss occur?") is second to the value read under the caption.
  const readUnder = new Set(candidates.filter((c) => c.method !== "narrative").map((c) => c.field));
  for (const c of candidates)
    if (c.method === "narrative" && c.ocr && captioned.has(c.field) && readUnder.has(c.field))
      c.confidence = Math.min(c.confidence, PROSE_BESIDE_CAPTION);
  const fields = choose(candidates, today);
  for (const field of captioned) {
    const f = fields[field];
    // The form has this field's caption but its value was not read under it: a value found in
    // a sentence elsewhere is as likely another date or amount of the form (report date, deductible).
    if (f?.method !== "narrative" || !f.ocr) continue;
    const readUnderCaption = candidates.some(
      (c) => c.field === field && c.method !== "narrative" && sameValue(c.value, f.value),
    );
    if (!readUnderCaption) f.confidence = Math.min(f.confidence, PROSE_BESIDE_CAPTION);
  }
  if (!fields.description) {
    const text = lines
      .map((l) =>
        l.cells.length === 1 && l.text.trim().split(/\s+/).length >= 4 && !matchLabel(l.cells[0]!.text) ? l.text : "",
      )
      .join("\n");
    const description = narrativeDescription(text);
    if (description)
      fields.description = {
        value: description,
        confidence: Math.round(0.6 * ocrFactor * 100) / 100,
        method: "narrative",
        evidence: description.slice(0, 200),
      };
  }
  return finish(isUb04(fullText) ? "ub04" : "claim", fields, widgets?.form);
}

/**
 * OCR's trust in the words a sentence's value was read from, when the value stands as written
 * on an OCR'd line (policy numbers, names).
 */
function proseWordFactor(c: { value: Candidate["value"]; evidence: string }, lines: Line[]): number {
  const ocrLines = lines.filter((l) => l.source === "ocr" && l.words?.length);
  if (typeof c.value === "string" && c.value.length >= 3) {
    // Read the same on several lines, the surest reading speaks for it.
    const holders = ocrLines.filter((l) => l.text.includes(String(c.value)));
    if (holders.length) return Math.max(...holders.map((l) => ocrValueFactor(l, String(c.value))));
  }
  // A date or amount is reworded by parsing: one unsure word elsewhere on its line says nothing of it.
  return 1;
}

/** The most a prose value is trusted on a scanned form that captions the field elsewhere. */
const PROSE_BESIDE_CAPTION = 0.5;

/** Core fields whose own caption stands on a page: "Date of Loss", "Amount Claimed". */
function captionedFields(lines: Line[]): Set<string> {
  const out = new Set<string>();
  for (const line of lines) {
    if (line.role !== undefined && line.role !== "own") continue;
    for (const cell of line.cells) {
      const entry = matchLabel(cell.text)?.entry;
      if (entry?.field && OWN_FIELDS.has(entry.field) && entry.weight >= 0.85) out.add(entry.field);
    }
  }
  return out;
}

/** The least a scanned form box's value is trusted: below the review threshold, above stray text. */
const SCANNED_BOX_FLOOR = 0.4;
/** A scanned name cut at the copy's edge, or completed by words only one box read: shown, for review. */
const CUT_NAME_CONFIDENCE = 0.55;

/** What kind of incident a filled form's own description tells (ACORD 2 has no incident-type box). */
const DESCRIBED_FACTS = new Set(["incident_type", "collision_type", "incident_severity", "authorities_contacted"]);
function formDescriptionFacts(formCandidates: Candidate[], dates: DateOptions): Candidate[] {
  const description = formCandidates.find(
    (c) => c.field === "description" && (c.role ?? "own") === "own" && typeof c.value === "string",
  );
  if (!description) return [];
  return narrativeCandidates(String(description.value), dates)
    .filter((c) => DESCRIBED_FACTS.has(c.field))
    .map((c) => ({ ...c, method: "narrative" as const, role: "own" as const, page: description.page }));
}

const UB04_MARKERS = [
  /TYPE\s+OF\s+BILL/i,
  /STATEMENT\s+COVERS\s+PERIOD/i,
  /\bREV\.?\s*CD\b/i,
  /\bUB-?04\b|\bNUBC\b/i,
  /VALUE\s+CODES/i,
  /OCCURRENCE\s+SPAN/i,
  /\bCMS-?1450\b/i,
];

function isUb04(text: string): boolean {
  return UB04_MARKERS.filter((m) => m.test(text)).length >= 3;
}
