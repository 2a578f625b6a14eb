// Text as lines of cells. PDF text layers and OCR both come out as lines in which two or
// more spaces (or a tab, or a box-drawing bar) separate table cells; a cell keeps its
// column so that a value printed under its label can be found again.
import type { SectionRole } from "./sections";

export interface Cell {
  text: string;
  line: number;
  /** Character column where the cell starts in its line. */
  col: number;
  end: number;
}

export interface Line {
  index: number;
  text: string;
  cells: Cell[];
  /** Page the line came from (1-based), and how it was read. */
  page: number;
  source: "text-layer" | "ocr" | "form";
  ocrConfidence?: number;
  /** OCR: the line's words by character column, with the word's confidence. */
  words?: Array<{ col: number; end: number; confidence: number }>;
  /** Whose section the line is in (set from the headings above it). */
  role?: SectionRole;
}

export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u2007\u202f]/g, " ")
    .replace(/\t/g, "    ")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\u2018\u2019\u201b`´]/g, "'")
    .replace(/[\u201c\u201d\u201e]/g, '"')
    .replace(/\ufb01/g, "fi")
    .replace(/\ufb02/g, "fl")
    .replace(/[│┃║¦]/g, "|")
    .replace(/[─━═┌┐└┘├┤┬┴┼╔╗╚╝]+/g, " ");
}

const CELL_SPLIT = /\s{2,}|\s+\|\s*|\|\s+/g;

export function toLines(
  text: string,
  page = 1,
  source: Line["source"] = "text-layer",
  ocrConfidence?: number,
  startIndex = 0,
): Line[] {
  return normalizeText(text)
    .split("\n")
    .map((raw, i) => {
      const line: Line = { index: startIndex + i, text: raw.replace(/\s+$/, ""), cells: [], page, source };
      if (ocrConfidence !== undefined) line.ocrConfidence = ocrConfidence;
      let pos = 0;
      for (const m of raw.matchAll(CELL_SPLIT)) {
        pushCell(line, raw.slice(pos, m.index), pos);
        pos = m.index! + m[0].length;
      }
      pushCell(line, raw.slice(pos), pos);
      if (source === "ocr") line.cells = line.cells.map(trimBoxEdge).filter((c) => c.text);
      return line;
    });
}

function pushCell(line: Line, segment: string, start: number): void {
  const lead = segment.length - segment.trimStart().length;
  const text = segment
    .trim()
    .replace(/^\|+|\|+$/g, "")
    .trim();
  if (!text) return;
  line.cells.push({ text, line: line.index, col: start + lead, end: start + lead + text.length });
}

/**
 * A box's left edge read as a character in front of an OCR'd cell: "[Olivia Cox", "‘Address",
 * "I NAME OF INSURED" (a bar read as "I" before a capitalised caption). A bracket closed in the
 * cell ("(830) 218-8823") stays.
 */
function trimBoxEdge(cell: Cell): Cell {
  const m = cell.text.match(/^(?:[[{(‘'"`](?=[A-Za-z0-9])|[Il] (?=[A-Z]{3,}\b))/);
  if (!m || (m[0] === "(" && cell.text.includes(")")) || (m[0] === "[" && cell.text.includes("]"))) return cell;
  if (m[0] === "{" && cell.text.includes(")")) return cell;
  const text = cell.text.slice(m[0].length).trimStart();
  const col = cell.end - text.length;
  return { ...cell, text, col };
}

/**
 * Lower-case letters only, with OCR's digit-for-letter swaps undone and i/l folded, plus a map
 * from each kept letter back to its index in the original, so that "Po licy N0." matches "pollcyno".
 */
export function squash(text: string): { letters: string; map: number[] } {
  let letters = "";
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text[i]!.toLowerCase();
    if (c === "0") c = "o";
    // "Policyhoider": OCR's i and l are one letter to a caption (labels are folded the same way).
    else if (c === "1" || c === "|" || c === "i") c = "l";
    else if (c === "5") c = "s";
    if (c >= "a" && c <= "z") {
      // OCR reads "m" as "rn": fold both to "m" (labels are folded the same way).
      if (c === "n" && letters.endsWith("r")) {
        letters = `${letters.slice(0, -1)}m`;
        map[map.length - 1] = i;
        continue;
      }
      letters += c;
      map.push(i);
    }
  }
  return { letters, map };
}

/** Item numbering and bullets in front of a label: "1.", "1a.", "(3)", "a)", "Q3:", "•". */
const LEAD_NUMBERING = /^\s*(?:\(?[0-9]{1,2}[a-z]?[.):]|\(?[a-h][.)]|q\d{1,2}[.:]?|[•*▪■□☐\-–#]+|\[\s?\])\s*/i;
/** A box's side OCR read as a lone letter before a caption in capitals ("I INCIDENT DATE"). */
const BOX_SIDE = /^\s*[Il|]\s+(?=[A-Z]{2,}\b)/;

export function stripNumbering(text: string): { text: string; offset: number } {
  const m = text.match(LEAD_NUMBERING) ?? text.match(BOX_SIDE);
  if (!m || m[0].length === text.length) return { text, offset: 0 };
  return { text: text.slice(m[0].length), offset: m[0].length };
}

/**
 * OCR's confidence in the part of a line that holds `value`: its least sure word (the whole
 * line's when the value cannot be found in it). Undefined for text that was not OCR'd.
 */
export function valueConfidence(line: Line, value: string): number | undefined {
  if (!line.words?.length) return line.ocrConfidence;
  const at = line.text.indexOf(value.trim());
  if (at < 0 || !value.trim()) return line.ocrConfidence;
  const end = at + value.trim().length;
  const inside = line.words.filter((w) => w.end > at && w.col < end).map((w) => w.confidence);
  return inside.length ? Math.min(...inside) : line.ocrConfidence;
}

export function isBlank(line: Line | undefined): boolean {
  return !line || line.cells.length === 0;
}
