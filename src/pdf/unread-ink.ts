// Ink that OCR left unread. Read as one block, a boxed form can come back with whole cells
// missing (a caption and its value, a column): tesseract drops what it cannot fit into its
// lines. Marks the size of letters outside every word it returned, in a row of three or more,
// are a line of text it skipped; each such row is worth reading on its own.
import type { OcrWordBox } from "./ocr-engine";
import type { PixelRegion } from "./region-reread";
import { type GreyImage, median } from "./scan-preprocess";

export interface UnreadInkOptions {
  /** Darker than this is ink (the page's paper is flattened to white before OCR). */
  inkBelow?: number;
  /** At most this many rows are returned, the longest first. */
  maxRegions?: number;
}

interface Mark {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** More marks than this outside the words and the page is noise (a bad fax), not skipped text. */
const MAX_MARKS = 4000;

/** Rows of letter-sized marks outside the words read, as regions to read again (pixels, y down). */
export function unreadInk(image: GreyImage, words: OcrWordBox[], options: UnreadInkOptions = {}): PixelRegion[] {
  const letterHeight = median(words.filter((w) => w.text.length >= 3).map((w) => w.bottom - w.top));
  if (!letterHeight || letterHeight < 6) return [];
  const covered = coveredByWords(image, words, Math.round(letterHeight * 0.1));
  const marks = inkMarks(image, options.inkBelow ?? 150, covered, letterHeight);
  if (!marks || marks.length === 0) return [];
  return rowsOf(marks, letterHeight)
    .slice(0, options.maxRegions ?? 32)
    .map((row) => ({
      left: row.left - letterHeight * 0.4,
      top: row.top - letterHeight * 0.3,
      right: row.right + letterHeight * 0.4,
      bottom: row.bottom + letterHeight * 0.3,
    }));
}

function coveredByWords(image: GreyImage, words: OcrWordBox[], margin: number): Uint8Array {
  const { width, height } = image;
  const covered = new Uint8Array(width * height);
  for (const w of words) {
    const x1 = Math.max(0, Math.floor(w.left) - margin);
    const x2 = Math.min(width - 1, Math.ceil(w.right) + margin);
    const y1 = Math.max(0, Math.floor(w.top) - margin);
    const y2 = Math.min(height - 1, Math.ceil(w.bottom) + margin);
    for (let y = y1; y <= y2; y++) covered.fill(1, y * width + x1, y * width + x2 + 1);
  }
  return covered;
}

/**
 * Connected marks of ink, each kept when it lies outside the words and has a letter's size:
 * specks, dots, rules and pictures are left out. Undefined when there are too many to be text.
 */
function inkMarks(image: GreyImage, inkBelow: number, covered: Uint8Array, letterHeight: number): Mark[] | undefined {
  const { data, width, height } = image;
  const seen = new Uint8Array(width * height);
  const stack: number[] = [];
  const marks: Mark[] = [];
  const visit = (j: number) => {
    if (seen[j] || data[j]! >= inkBelow) return;
    seen[j] = 1;
    stack.push(j);
  };
  for (let start = 0; start < data.length; start++) {
    if (seen[start] || data[start]! >= inkBelow) continue;
    let [left, right, top, bottom] = [width, 0, height, 0];
    let inside = 0;
    let pixels = 0;
    seen[start] = 1;
    stack.push(start);
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % width;
      const y = (i - x) / width;
      pixels++;
      if (covered[i]) inside++;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
      if (x > 0) visit(i - 1);
      if (x < width - 1) visit(i + 1);
      if (y > 0) visit(i - width);
      if (y < height - 1) visit(i + width);
    }
    const h = bottom - top + 1;
    const w = right - left + 1;
    if (inside > pixels / 2) continue;
    if (h < letterHeight * 0.22 || h > letterHeight * 1.6 || w > letterHeight * 8) continue;
    if (pixels < letterHeight * letterHeight * 0.012) continue;
    marks.push({ left, top, right, bottom });
    if (marks.length > MAX_MARKS) return undefined;
  }
  return marks;
}

/** Marks side by side on one line, a letter's gap or less apart, gathered into rows of three or more. */
function rowsOf(marks: Mark[], letterHeight: number): Array<Mark & { marks: number }> {
  const sorted = [...marks].sort((a, b) => a.left - b.left);
  const rows: Array<Mark & { marks: number }> = [];
  for (const m of sorted) {
    const middle = (m.top + m.bottom) / 2;
    const row = rows.find(
      (r) => Math.abs((r.top + r.bottom) / 2 - middle) < letterHeight * 0.5 && m.left - r.right < letterHeight * 1.2,
    );
    if (row) {
      row.right = Math.max(row.right, m.right);
      row.top = Math.min(row.top, m.top);
      row.bottom = Math.max(row.bottom, m.bottom);
      row.marks++;
    } else rows.push({ ...m, marks: 1 });
  }
  return rows
    .filter((r) => (r.marks >= 3 || r.right - r.left >= letterHeight * 2) && r.bottom - r.top <= letterHeight * 2)
    .sort((a, b) => b.marks - a.marks);
}
