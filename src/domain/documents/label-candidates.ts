import type { Candidate } from "./candidate";
import { PARSERS, parseLocation, WORDY_FIELDS } from "./field-parsers";
import { cutAtNextLabel, isLabelCell, matchLabel, SEPARATORS } from "./label-match";
import type { ContextFact, LabelEntry, LabelTarget } from "./labels";
import { type Cell, isBlank, type Line, valueConfidence } from "./layout";
import type { ExtractionMethod } from "./result";
import { repairScannedBox } from "./scanned-box-repair";
import { type DateOptions, parseAmount, parseDate, parseHour, repairWords } from "./values";

/** How much a label reading is trusted, by where its value stood (times the label's weight). */
export const LABEL_CONFIDENCE = {
  /** "Policy Number: 123" — the value on the label's own line. */
  afterLabel: 1,
  /** The value in the next cell of the row. */
  nextCell: 0.97,
  /** The value spread over several cells of the row. */
  cellsAcross: 0.9,
  /** The value in the cell under the label (a table header). */
  cellBelow: 0.9,
  /** A description that starts on the line under its label. */
  descriptionBelowLabel: 0.9,
  /** A column of line items under an "Amount" header: an item, not the claim total. */
  amountInItemColumn: 0.5,
  /** Labels and values flattened into two runs of lines by text extraction. */
  flattenedColumn: 0.85,
  /** The city read from a location (the state is the surer part). */
  cityOfLocation: 0.95,
  /** The hour read from the incident date's line. */
  hourOfDateLine: 0.9,
  /**
   * An OCR'd value counts fully when its least sure word has at least ocrWordSure confidence,
   * and ocrWordSlope less per unit below it: a value tesseract hesitated on goes to review.
   */
  ocrWordSure: 0.93,
  ocrWordSlope: 1.5,
  unknownOcrConfidence: 0.6,
  /** A report date, policy period, subtotal or deductible read to check the claim's own facts against. */
  contextFact: 0.9,
} as const;

const CONTEXT_AMOUNTS = new Set<ContextFact>(["subtotal", "tax", "deductible"]);

/** How far an OCR'd value is trusted, from OCR's confidence in the words that hold it. */
export function ocrValueFactor(line: Line, value: string): number {
  if (line.source !== "ocr") return 1;
  return ocrWordFactor(valueConfidence(line, value) ?? LABEL_CONFIDENCE.unknownOcrConfidence);
}

/** How far an OCR'd value is trusted, from the confidence of its least sure word. */
export function ocrWordFactor(confidence: number): number {
  const factor = 1 - LABEL_CONFIDENCE.ocrWordSlope * Math.max(0, LABEL_CONFIDENCE.ocrWordSure - confidence);
  return Math.max(0.1, Math.min(1, factor));
}

/** The cell of `line` that lines up with `cell`, if any. */
function alignedCell(line: Line, cell: Cell): Cell | undefined {
  let best: Cell | undefined;
  let bestDist = Infinity;
  for (const c of line.cells) {
    const overlap = Math.min(c.end, cell.end) - Math.max(c.col, cell.col);
    const dist = overlap > 0 ? 0 : Math.abs(c.col - cell.col);
    if (dist < bestDist) {
      best = c;
      bestDist = dist;
    }
  }
  return bestDist <= 6 ? best : undefined;
}

/**
 * The cell under `cell` in the next non-blank lines, if it lines up with it. On OCR'd pages the
 * words of neighbouring columns sit a little higher or lower, so a line holding only other
 * columns' text is passed over (up to OCR_INTERLEAVED_LINES of them).
 */
const OCR_INTERLEAVED_LINES = 2;
function cellBelow(lines: Line[], cell: Cell, maxGap = 2): Cell | undefined {
  let i = cell.line + 1;
  let skipped = 0;
  let interleaved = 0;
  const ocr = lines[cell.line]?.source === "ocr";
  for (; i < lines.length; i++) {
    const below = lines[i]!;
    if (isBlank(below)) {
      if (skipped++ >= maxGap) return undefined;
      continue;
    }
    const found = alignedCell(below, cell);
    if (found || !ocr || maxGap === 0 || interleaved++ >= OCR_INTERLEAVED_LINES) return found;
  }
  return undefined;
}

function continuation(lines: Line[], from: number, col: number, labelCol: number): string[] {
  const out: string[] = [];
  for (let i = from; i < lines.length && out.length < 8; i++) {
    const line = lines[i]!;
    if (isBlank(line)) break;
    const first = line.cells[0]!;
    const label = matchLabel(first.text);
    if (label?.separated && !/^[a-z]/.test(first.text)) break;
    if (col > labelCol) {
      // A wrapped table cell: text in the value column, nothing in the label column.
      if (first.col < col - 3) break;
    }
    out.push(line.cells.map((c) => c.text).join(" "));
  }
  return out;
}

/** Core values a form prints in boxes, whose left side OCR reads as a letter before them. */
export const BOXED_VALUES: ReadonlySet<string> = new Set([
  "claimant_name",
  "policy_number",
  "incident_date",
  "amount_claimed",
]);

/** "I Martinez, Keisha", "i 29.699 52": a box's side read as a lone letter or bracket before an OCR'd value. */
const withoutBoxSide = (raw: string) => raw.replace(/^\s*[Iil|[\]{}!]\s+(?=\S)/, "");

function isSentence(text: string): boolean {
  return text.trim().split(/\s+/).length >= 8 && /\b[a-z]{3,}\s+[a-z]{2,}\s+[a-z]{2,}\b/.test(text);
}

/** Every "Caption: value" reading of the lines: inline, in the next cell, below, or in flattened columns. */
export function labelCandidates(lines: Line[], dates: DateOptions): Candidate[] {
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
      if (loc.city)
        out.push({
          field: "incident_city",
          value: loc.city,
          confidence: weight * factor * LABEL_CONFIDENCE.cityOfLocation,
          method,
          evidence: raw,
          ...where,
        });
      if (loc.state)
        out.push({
          field: "incident_state",
          value: loc.state,
          confidence: weight * factor,
          method,
          evidence: raw,
          ...where,
        });
      return true;
    }
    const text = ocr && BOXED_VALUES.has(target) ? withoutBoxSide(raw) : raw;
    const parse = (t: string) =>
      PARSERS[target](WORDY_FIELDS.has(target) && ocr ? repairWords(t) : t, { ...dates, ocr });
    // An amount OCR read with its separators as points and spaces ("29.699 52") is read as a form's box is.
    const parsed =
      parse(text) ?? (ocr && target === "amount_claimed" ? parse(repairScannedBox(target, text)) : undefined);
    if (!parsed) return false;
    out.push({
      field: target,
      value: parsed.value,
      confidence: weight * factor * parsed.certainty * ocrValueFactor(line, raw),
      method,
      evidence: raw.slice(0, 200),
      ...where,
    });
    if (target === "incident_date") {
      const hour = parseHour(raw);
      if (hour)
        out.push({
          field: "incident_hour_of_the_day",
          value: hour.value,
          confidence: weight * factor * LABEL_CONFIDENCE.hourOfDateLine * ocrValueFactor(line, raw),
          method,
          evidence: raw,
          ...where,
        });
    }
    return true;
  };
  /** A fact around the claim's own (report date, policy period, subtotal, deductible), kept under its context name. */
  const addContext = (context: ContextFact, raw: string, line: Line): void => {
    const ocr = line.source === "ocr";
    const parsed = CONTEXT_AMOUNTS.has(context) ? parseAmount(raw, { ocr }) : parseDate(raw, { ...dates, ocr });
    if (parsed)
      out.push({
        field: `_${context}`,
        value: parsed.value,
        confidence: LABEL_CONFIDENCE.contextFact * parsed.certainty,
        method: "label",
        evidence: raw.slice(0, 80),
        page: line.page,
        line: line.index,
        role: line.role ?? "own",
      });
  };

  for (const line of lines) {
    let skipUntil = -1;
    line.cells.forEach((cell, ci) => {
      if (ci <= skipUntil) return;
      let m = matchLabel(cell.text);
      // OCR's broken spacing splits a label over cells: "Claimant  Name :  Robert   Smith".
      const joined = line.cells
        .slice(ci)
        .map((c) => c.text)
        .join(" ");
      // A cell ending in ":" or "#" is a whole caption: "Policy #" is not the start of "Policy Effective Date".
      const closed = /[:#]\s*$/.test(cell.text);
      const wide = line.cells.length > ci + 1 && !closed ? matchLabel(joined) : undefined;
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
        add(
          target,
          text,
          weight,
          first ? LABEL_CONFIDENCE.afterLabel : LABEL_CONFIDENCE.descriptionBelowLabel,
          "label",
          line,
        );
        return;
      }
      if (m.rest) {
        if (add(target, cutAtNextLabel(m.rest), weight, LABEL_CONFIDENCE.afterLabel, "label", line)) return;
        // On a scan, what follows a caption may be its misread hint ("Frat the. Las" for
        // "(First, Middle, Last)"): the value is then in the next cell or under the caption.
        if (line.source !== "ocr") return;
      }
      const next = line.cells[ci + 1];
      if (next && !isLabelCell(next) && add(target, next.text, weight, LABEL_CONFIDENCE.nextCell, "table", line))
        return;
      if (next && !isLabelCell(next)) {
        const run: string[] = [];
        for (let n = ci + 1; n < line.cells.length && !isLabelCell(line.cells[n]); n++) run.push(line.cells[n]!.text);
        if (run.length > 1 && add(target, run.join(" "), weight, LABEL_CONFIDENCE.cellsAcross, "table", line)) return;
      }
      const below = cellBelow(lines, cell);
      // A sentence under an empty caption is the page's prose, not the caption's value.
      if (below && !isLabelCell(below) && !isSentence(below.text)) {
        // A column of line items under an "Amount" header: an item, not the claim total.
        const further = below && target === "amount_claimed" ? cellBelow(lines, below, 0) : undefined;
        const itemColumn = further !== undefined && parseAmount(further.text) !== undefined;
        const belowLine = lines[below.line] ?? line;
        // "DATE OF LOSS AND TIME" over "03/28/2025   07:45 AM": keep the time cell too.
        const raw =
          target === "incident_date"
            ? belowLine.cells
                .filter((c) => c.col >= below.col)
                .slice(0, 2)
                .map((c) => c.text)
                .join("  ")
            : below.text;
        add(
          target,
          raw,
          weight,
          itemColumn ? LABEL_CONFIDENCE.amountInItemColumn : LABEL_CONFIDENCE.cellBelow,
          "table",
          belowLine,
        );
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
          if (entry.field && entry.field !== "description")
            add(
              entry.field,
              values[n]!.cells[0]!.text,
              entry.weight,
              LABEL_CONFIDENCE.flattenedColumn,
              "table",
              values[n]!,
            );
        });
      }
    }
    i = Math.max(j, i + 1);
  }
  return out;
}
