// Positioned words (a PDF text layer, or OCR word boxes) back into lines of text in which
// a wide gap becomes two or more spaces, so that table cells stay apart and a value keeps
// roughly the column of the label above it.

export interface PositionedText {
  str: string;
  /** Left edge. */
  x: number;
  /** Baseline or top; lines are grouped by it. Larger y = lower on the page when `yDown`. */
  y: number;
  width: number;
  height: number;
  /** OCR word confidence 0–1 (text layers: none). */
  confidence?: number;
}

/** Where a word stands in its laid-out line (character columns) and how sure OCR was of it. */
export interface WordSpan {
  col: number;
  end: number;
  confidence: number;
}

export interface LaidOutLine {
  text: string;
  /** Lowest word confidence on the line (1 when unknown). */
  confidence: number;
  /** The line's words with a known confidence (OCR), by column. */
  words?: WordSpan[];
}

export function layoutText(items: PositionedText[], options: { yDown: boolean }): string {
  return layoutLines(items, options)
    .map((l) => l.text)
    .join("\n");
}

/**
 * Lines of laid-out text with a confidence each. `ghosts` are words left out of the text
 * (OCR specks, unreadable marks) that still lower the confidence of the line they sit on.
 */
export function layoutLines(
  items: PositionedText[],
  options: { yDown: boolean },
  ghosts: PositionedText[] = [],
): LaidOutLine[] {
  const words = items.filter((i) => i.str.trim() !== "");
  if (words.length === 0) return [];
  const charWidths = words
    .filter((w) => w.str.length >= 2 && w.width > 0)
    .map((w) => w.width / w.str.length)
    .sort((a, b) => a - b);
  const charW = charWidths[Math.floor(charWidths.length / 2)] ?? 5;
  const heights = words
    .filter((w) => w.str.trim().length >= 3)
    .map((w) => w.height)
    .filter((h) => h > 0)
    .sort((a, b) => a - b);
  const lineH = heights[Math.floor(heights.length / 2)] ?? 10;

  const sorted = [...words].sort((a, b) => (options.yDown ? a.y - b.y : b.y - a.y) || a.x - b.x);
  const lines: PositionedText[][] = [];
  let lastY: number | undefined;
  for (const w of sorted) {
    if (lastY !== undefined && Math.abs(w.y - lastY) <= lineH * 0.55) {
      const line = lines[lines.length - 1]!;
      line.push(w);
      lastY = line.reduce((s, i) => s + i.y, 0) / line.length;
    } else {
      lines.push([w]);
      lastY = w.y;
    }
  }
  const centre = (line: PositionedText[]) => line.reduce((s, i) => s + i.y, 0) / line.length;
  const lineConfidence = lines.map((line) => Math.min(1, ...line.map((w) => w.confidence ?? 1)));
  for (const g of ghosts) {
    let best = -1;
    let dist = lineH * 0.55;
    lines.forEach((line, i) => {
      const d = Math.abs(centre(line) - g.y);
      if (d <= dist) {
        best = i;
        dist = d;
      }
    });
    if (best >= 0) lineConfidence[best] = Math.min(lineConfidence[best]!, g.confidence ?? 1);
  }
  const out: LaidOutLine[] = [];
  let previousY: number | undefined;
  for (const [index, line] of lines.entries()) {
    line.sort((a, b) => a.x - b.x);
    const y = line[0]!.y;
    // A blank line where the page has a clear vertical gap (paragraphs, form sections).
    if (previousY !== undefined && Math.abs(y - previousY) > lineH * 2.2) out.push({ text: "", confidence: 1 });
    previousY = y;
    let text = "";
    let end = 0;
    const spans: WordSpan[] = [];
    for (const w of line) {
      const gap = w.x - end;
      if (text === "") text = " ".repeat(Math.max(0, Math.round(w.x / charW)));
      else if (gap > charW * 1.8) {
        const col = Math.round(w.x / charW);
        text += " ".repeat(Math.max(2, col - text.length));
      } else if (gap > charW * 0.15 && !text.endsWith(" ") && !w.str.startsWith(" ")) text += " ";
      if (w.confidence !== undefined)
        spans.push({
          col: text.length,
          end: text.length + w.str.length,
          confidence: Math.round(w.confidence * 1000) / 1000,
        });
      text += w.str;
      end = w.x + w.width;
    }
    const laid: LaidOutLine = {
      text: text.replace(/\s+$/, ""),
      confidence: Math.round(lineConfidence[index]! * 1000) / 1000,
    };
    if (spans.length) laid.words = spans;
    out.push(laid);
  }
  return out;
}
