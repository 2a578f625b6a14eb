// A known paper form read from a scan by its geometry: the printed captions OCR found are
// matched to where the form prints them, which places the page (shift and scale of the copy);
// each fill-in box of the form is then read as the OCR words that fall inside it. Small
// captions that tesseract garbles on a poor copy no longer matter: the box says what a value is.
import type { FormWidget, PrintedText } from "./form-widgets";

/** A word read by OCR: PDF units, y up, `y` its baseline; confidence 0–1. */
export interface ScannedWord extends PrintedText {
  confidence: number;
  /** A value box read again on its own: a second reading of the words there. */
  reread?: boolean;
}

/** Where a form prints its captions and where its fill-in boxes are (PDF units, y up). */
export interface FormPageLayout {
  number: number;
  labels: Array<{ text: string; x: number; y: number; size: number }>;
  widgets: Array<{ name: string; kind: string; rect: number[]; multiline?: boolean }>;
}

/** scan = scale · form + (dx, dy). */
export interface PagePlacement {
  scale: number;
  dx: number;
  dy: number;
  /** Captions found where the placement puts them. */
  anchors: number;
}

/** A box read from a scan: the widget's name and rectangle, and its words' lowest confidence. */
export interface ScannedBox extends FormWidget {
  ocrConfidence: number;
  /** Read from the page's reading, or from the box read again on its own. */
  reading: "page" | "box";
}

/** A copier's reductions and enlargements ("fit to page" and the like), searched before fitting. */
const COPY_SCALES = [0.94, 0.97, 1, 1.03, 1.06];

const key = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, "");
/** Captions placed within this many points of where the form prints them count as found. */
const ANCHOR_TOLERANCE = 4;
/**
 * Fewer captions found than this and the page is not taken as the form: a page of another form
 * with the same captions (PHONE, CELL, NAME…) can line a dozen of them up by chance.
 */
const MIN_ANCHORS = 20;

interface Pair {
  fx: number;
  fy: number;
  sx: number;
  sy: number;
  word: ScannedWord;
}

/** Caption words (the first of each printed caption) and the scanned words that spell them. */
function candidatePairs(words: ScannedWord[], layout: FormPageLayout): Pair[] {
  const byKey = new Map<string, ScannedWord[]>();
  for (const w of words) {
    const k = key(w.str);
    if (k.length < 3) continue;
    byKey.set(k, [...(byKey.get(k) ?? []), w]);
  }
  const pairs: Pair[] = [];
  for (const label of layout.labels) {
    const first = key(label.text.split(/\s+/)[0] ?? "");
    for (const word of byKey.get(first) ?? []) pairs.push({ fx: label.x, fy: label.y, sx: word.x, sy: word.y, word });
  }
  return pairs;
}

function fitPlacement(pairs: Pair[], withScale: boolean, fallbackScale: number): Omit<PagePlacement, "anchors"> {
  const n = pairs.length;
  const mean = (f: (p: Pair) => number) => pairs.reduce((s, p) => s + f(p), 0) / n;
  const [mfx, mfy, msx, msy] = [mean((p) => p.fx), mean((p) => p.fy), mean((p) => p.sx), mean((p) => p.sy)];
  let num = 0;
  let den = 0;
  for (const p of pairs) {
    num += (p.fx - mfx) * (p.sx - msx) + (p.fy - mfy) * (p.sy - msy);
    den += (p.fx - mfx) ** 2 + (p.fy - mfy) ** 2;
  }
  // A copy is never scaled by more than a few percent; more is a bad fit.
  const scale = withScale && den > 0 ? Math.min(1.08, Math.max(0.92, num / den)) : fallbackScale;
  return { scale, dx: msx - scale * mfx, dy: msy - scale * mfy };
}

const residual = (p: Pair, t: Omit<PagePlacement, "anchors">) =>
  Math.max(Math.abs(t.scale * p.fx + t.dx - p.sx), Math.abs(t.scale * p.fy + t.dy - p.sy));

/**
 * Where the scanned page sits against the form's own geometry, or undefined when too few of
 * the form's captions are found where one placement would put them (not this form, or
 * unreadable).
 */
export function placeScannedPage(words: ScannedWord[], layout: FormPageLayout): PagePlacement | undefined {
  const pairs = candidatePairs(words, layout);
  if (pairs.length < MIN_ANCHORS) return undefined;
  // Every pair proposes a shift at each likely scale; the placement most pairs agree with wins
  // (a repeated caption such as "PHONE" pairs with every copy of itself, but only the right
  // pairings agree).
  let best: Pair[] = [];
  let placement = { scale: 1, dx: 0, dy: 0 };
  for (const scale of COPY_SCALES) {
    for (const p of pairs) {
      const t = { scale, dx: p.sx - scale * p.fx, dy: p.sy - scale * p.fy };
      let agreeing = 0;
      for (const q of pairs) if (residual(q, t) <= ANCHOR_TOLERANCE) agreeing++;
      if (agreeing > best.length) {
        best = pairs.filter((q) => residual(q, t) <= ANCHOR_TOLERANCE);
        placement = t;
      }
    }
  }
  if (best.length < MIN_ANCHORS) return undefined;
  for (let round = 0; round < 2; round++) {
    const inliers = pairs.filter((q) => residual(q, placement) <= ANCHOR_TOLERANCE);
    if (inliers.length < MIN_ANCHORS) return undefined;
    placement = fitPlacement(inliers, spread(inliers) > 200, placement.scale);
  }
  const anchors = new Set(pairs.filter((q) => residual(q, placement) <= ANCHOR_TOLERANCE).map((q) => q.word)).size;
  return anchors >= MIN_ANCHORS ? { ...placement, anchors } : undefined;
}

function spread(pairs: Pair[]): number {
  const xs = pairs.map((p) => p.fx);
  const ys = pairs.map((p) => p.fy);
  return Math.min(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
}

/** Words in reading order: lines top to bottom, each line's words left to right. */
function readingLines(words: ScannedWord[]): ScannedWord[][] {
  const lines: ScannedWord[][] = [];
  for (const w of [...words].sort((a, b) => b.y - a.y)) {
    const line = lines.find((l) => Math.abs(l[0]!.y - w.y) < Math.max(2, 0.5 * Math.min(l[0]!.height, w.height)));
    if (line) line.push(w);
    else lines.push([w]);
  }
  return lines.map((l) => l.sort((a, b) => a.x - b.x));
}

const lineText = (line: ScannedWord[]) => line.map((w) => w.str).join(" ");
const lineMiddle = (line: ScannedWord[]) => line.reduce((s, w) => s + w.y + w.height / 2, 0) / line.length;

/**
 * The form's text boxes as filled on the scan: each box's words (captions printed inside a box
 * left out), with the lowest confidence among them; a box read twice gives both readings.
 * Empty boxes are left out.
 */
export function readScannedBoxes(
  words: ScannedWord[],
  layout: FormPageLayout,
  placement: PagePlacement,
  page: number,
): ScannedBox[] {
  const { scale, dx, dy } = placement;
  const place = (x: number, y: number) => [scale * x + dx, scale * y + dy] as const;
  // A caption's extent, from its size (captions are in the form's narrow sans-serif).
  const captions = layout.labels.map((l) => {
    const [x1, y1] = place(l.x - 1, l.y - l.size * 0.3);
    const [x2, y2] = place(l.x + l.text.length * l.size * 0.56 + 1, l.y + l.size);
    return { x1, y1, x2, y2 };
  });
  const centre = (w: ScannedWord) => [w.x + w.width / 2, w.y + w.height / 2 - w.height * 0.2] as const;
  const values = words.filter((w) => {
    const [cx, cy] = centre(w);
    return !captions.some((c) => cx >= c.x1 && cx <= c.x2 && cy >= c.y1 && cy <= c.y2);
  });
  const out: ScannedBox[] = [];
  const squashed = (v: string) => v.replace(/\s+/g, "");
  for (const widget of layout.widgets) {
    if (widget.kind !== "text") continue;
    const [x1, y1] = place(widget.rect[0]! - 1.5, widget.rect[1]! - 2);
    const [x2, y2] = place(widget.rect[2]! + 1.5, widget.rect[3]! + 2);
    const inside = values.filter((w) => {
      const [cx, cy] = centre(w);
      // The box's own side read as a letter ("I Yuki Brooks") is not part of the value.
      const boxSide = /^[Il|[\]]$/.test(w.str) && Math.min(Math.abs(cx - x1), Math.abs(cx - x2)) < 3.5 * scale;
      return cx >= x1 && cx <= x2 && cy >= y1 && cy <= y2 && !boxSide;
    });
    const middle = scale * ((widget.rect[1]! + widget.rect[3]!) / 2) + dy;
    // The page's reading of the box and, for a box read again on its own, that reading too.
    const readings: ScannedBox[] = [];
    for (const reading of ["page", "box"] as const) {
      const lines = readingLines(inside.filter((w) => (reading === "box") === (w.reread === true)));
      if (lines.length === 0) continue;
      // A one-line box that a neighbour's caption crept into keeps the line nearest its middle.
      const kept = widget.multiline
        ? lines
        : [lines.reduce((a, b) => (Math.abs(lineMiddle(b) - middle) < Math.abs(lineMiddle(a) - middle) ? b : a))];
      // A box's edge left on the copy reads as a bracket, a bar or a quote before or after the value.
      const value = kept
        .map(lineText)
        .join("\n")
        .trim()
        .replace(/^[|{}[\]()"'‘’“”]+(?=\S)|(?<=\S)[|{}[\]()"'‘’“”]+$/g, "");
      if ((value.match(/[A-Za-z0-9]/g) ?? []).length < 2) continue;
      readings.push({
        name: widget.name,
        value,
        kind: "text",
        page,
        rect: [widget.rect[0]!, widget.rect[1]!, widget.rect[2]!, widget.rect[3]!],
        ocrConfidence: Math.min(...kept.flat().map((w) => w.confidence)),
        reading,
      });
    }
    // The page's reading that lost a box's first characters ("250.76" of "$1,250.76") to the
    // caption or column beside it is the same value cut short: the box's own reading stands.
    const [onPage, inBox] = readings;
    const cutShort =
      inBox !== undefined &&
      squashed(inBox.value).length > squashed(onPage!.value).length &&
      squashed(inBox.value).endsWith(squashed(onPage!.value));
    out.push(...(cutShort ? [inBox] : readings));
  }
  return out;
}
