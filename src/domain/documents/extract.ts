// Turns the text of a claim document (text layer, OCR, filled form fields) into structured
// claim fields, each with a confidence in [0, 1]. Pure: no env, no I/O.

import type { Candidate } from "./candidate";
import { extractCms1500, isCms1500 } from "./cms1500";
import { PARSERS, parseLocation } from "./field-parsers";
import { labelCandidates } from "./label-candidates";
import { matchLabel, splitCellsAtLabels } from "./label-match";
import { LABELS } from "./labels";
import { type Line, squash, toLines } from "./layout";
import { narrativeCandidates, narrativeDescription } from "./narrative";
import { type ClaimExtraction, type ExtractedField, finish } from "./result";
import { type DateOptions, detectDayFirst } from "./values";

export interface DocumentPageText {
  number?: number;
  text: string;
  source: "text-layer" | "ocr" | "form";
  /** Mean OCR word confidence of the page, 0–1. */
  ocrConfidence?: number;
  /** OCR confidence of each line of `text` (lowest word on the line), when known. */
  lineConfidence?: number[];
}

export interface ExtractionInput {
  pages: DocumentPageText[];
  formFields?: Record<string, string>;
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

/** Best candidate per field; agreement between sources raises confidence, disagreement lowers it. */
function choose(candidates: Candidate[]): Record<string, ExtractedField> {
  const byField = new Map<string, Candidate[]>();
  for (const c of candidates) {
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
      evidence: best.evidence.replace(/\s+/g, " ").trim().slice(0, 200),
    };
    if (best.page !== undefined) chosen.page = best.page;
    out[field] = chosen;
  }
  return out;
}

function toInput(input: ExtractionInput | string): ExtractionInput {
  return typeof input === "string" ? { pages: [{ text: input, source: "text-layer" }] } : input;
}

function pagesToLines(pages: DocumentPageText[]): Line[] {
  const lines: Line[] = [];
  pages.forEach((p, i) => {
    const pageLines = toLines(p.text, p.number ?? i + 1, p.source, p.ocrConfidence, lines.length);
    if (p.lineConfidence) {
      pageLines.forEach((l, k) => {
        const c = p.lineConfidence![k];
        if (c !== undefined) l.ocrConfidence = c;
      });
    }
    pageLines.forEach(splitCellsAtLabels);
    lines.push(...pageLines);
    lines.push(...toLines("", p.number ?? i + 1, p.source, undefined, lines.length));
  });
  return lines;
}

/** Structured claim fields from a document's text and form fields. */
export function extractClaimFields(input: ExtractionInput | string): ClaimExtraction {
  const { pages, formFields = {} } = toInput(input);
  const lines = pagesToLines(pages);
  const fullText = lines.map((l) => l.text).join("\n");
  const dayFirst = detectDayFirst(fullText) ?? (/\bEUR\b|€|\d,\d{2}\s*(?:EUR|€)/.test(fullText) ? true : undefined);
  const dates: DateOptions = dayFirst === undefined ? {} : { dayFirst };

  if (isCms1500(fullText, formFields)) return extractCms1500(lines, formFields, dates);

  const ocrFactor = pages.some((p) => p.source === "ocr")
    ? 0.7 + 0.25 * Math.min(...pages.filter((p) => p.source === "ocr").map((p) => p.ocrConfidence ?? 0.6))
    : 1;
  const candidates: Candidate[] = [
    ...formFieldCandidates(formFields, dates),
    ...labelCandidates(lines, dates),
    ...narrativeCandidates(fullText, dates).map((c) => ({
      ...c,
      confidence: c.confidence * ocrFactor,
      method: "narrative" as const,
    })),
  ];
  const fields = choose(candidates);
  if (!fields.description) {
    const prose = lines
      .map((l) =>
        l.cells.length === 1 && l.text.trim().split(/\s+/).length >= 4 && !matchLabel(l.cells[0]!.text) ? l.text : "",
      )
      .join("\n");
    const description = narrativeDescription(prose);
    if (description)
      fields.description = {
        value: description,
        confidence: Math.round(0.6 * ocrFactor * 100) / 100,
        method: "narrative",
        evidence: description.slice(0, 200),
      };
  }
  return finish(isUb04(fullText) ? "ub04" : "claim", fields);
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
