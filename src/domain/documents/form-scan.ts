// A known paper form read from a scan by its geometry: the printed captions OCR found are
// matched to where the form prints them, which places the page (shift and scale of the copy);
// each fill-in box of the form is then read as the OCR words that fall inside it. Small
// captions that tesseract garbles on a poor copy no longer matter: the box says what a value is.
import { editDistance } from "../settlement/edit-distance";
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
/**
 * A page that follows the form's first page, placed there, is expected to be the form's next
 * page: this many captions suffice, found at the first page's scale (one copier copied both).
 */
const MIN_ANCHORS_NEXT_PAGE = 10;
/** How far a following page's scale may differ from the first page's: the copier's rounding. */
const NEXT_PAGE_SCALE_SLACK = 0.02;
/**
 * A page whose title (the form's largest print) is read where the placement puts it needs only
 * this many captions besides: a fax-like copy loses the 6-pt captions but keeps the title, and
 * no other page has both the title and this many captions in the form's places.
 */
const MIN_ANCHORS_UNDER_TITLE = 4;
/** Print this large is the form's title. */
const TITLE_SIZE = 12;
/** A large title's baseline is read a few points off; its shift is only a first guess. */
const TITLE_TOLERANCE = 8;
/** Caption words this long also pair with a scanned word one OCR slip away ("INSURFD"). */
const FUZZY_LENGTH = 6;

interface Pair {
  fx: number;
  fy: number;
  sx: number;
  sy: number;
  word: ScannedWord;
  /** The pair is the form's title. */
  title: boolean;
  /** The word is the end of the caption, its start cut off by the copy's left edge: only its height is known. */
  cut?: boolean;
}

/** One OCR slip in a long caption word ("INSURFD"). */
const nearMiss = (read: string, caption: string) =>
  caption.length >= FUZZY_LENGTH && editDistance(read, caption, 1) <= 1;
/** A third of a caption word's letters misread ("TATE" for DATE): taken only where the title already placed the page. */
const roughMiss = (read: string, caption: string) =>
  caption.length >= 4 && editDistance(read, caption, 3) <= Math.floor(caption.length / 3);

/** The rest of a title's words read after its first, on its line, each exactly or with one slip. */
function titleFollows(title: string, first: ScannedWord, words: ScannedWord[]): boolean {
  const line = words.filter((w) => w.x > first.x && w.x < first.x + 40 * title.length && Math.abs(w.y - first.y) < 4);
  return title
    .split(/\s+/)
    .slice(1)
    .map(key)
    .every((k) => line.some((w) => key(w.str) === k || (k.length >= 4 && editDistance(key(w.str), k, 1) <= 1)));
}

/** Caption words (the first of each printed caption) and the scanned words that spell them, or nearly. */
function candidatePairs(words: ScannedWord[], layout: FormPageLayout, slips = nearMiss): Pair[] {
  const byKey = new Map<string, ScannedWord[]>();
  for (const w of words) {
    const k = key(w.str);
    if (k.length < 3) continue;
    byKey.set(k, [...(byKey.get(k) ?? []), w]);
  }
  const near = (first: string) => [...byKey].filter(([k]) => k !== first && slips(k, first)).flatMap(([, ws]) => ws);
  // Words at the copy's left edge ("NSURED" of INSURED), at least four letters long.
  const cutWords = words.filter((w) => w.x < 1 && key(w.str).length >= 4);
  const pairs: Pair[] = [];
  for (const label of layout.labels) {
    const first = key(label.text.split(/\s+/)[0] ?? "");
    const title = label.size >= TITLE_SIZE;
    for (const word of [...(byKey.get(first) ?? []), ...near(first)]) {
      // The title counts only when read whole ("AUTOMOBILE" alone may be any page's word).
      if (title && !titleFollows(label.text, word, words)) continue;
      pairs.push({ fx: label.x, fy: label.y, sx: word.x, sy: word.y, word, title });
    }
    if (slips === roughMiss && first.length >= 5)
      for (const word of cutWords)
        if (first.endsWith(key(word.str)))
          pairs.push({ fx: label.x, fy: label.y, sx: word.x, sy: word.y, word, title: false, cut: true });
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

const residual = (p: Pair, t: Omit<PagePlacement, "anchors">) => {
  const across = t.scale * p.fx + t.dx - p.sx;
  // A caption cut by the copy's edge starts left of the word read, by a letter or two.
  const offAcross = p.cut ? (across > 0 || across < -15 ? Infinity : 0) : Math.abs(across);
  return Math.max(offAcross, Math.abs(t.scale * p.fy + t.dy - p.sy));
};

/**
 * Where the scanned page sits against the form's own geometry, or undefined when too few of
 * the form's captions are found where one placement would put them (not this form, or
 * unreadable). `after` is the placement of the form's previous page, when the page follows it.
 */
export function placeScannedPage(
  words: ScannedWord[],
  layout: FormPageLayout,
  after?: PagePlacement,
): PagePlacement | undefined {
  const pairs = candidatePairs(words, layout);
  const placed = placeBy(pairs, MIN_ANCHORS, () => true) ?? placeUnderTitle(candidatePairs(words, layout, roughMiss));
  if (placed || !after) return placed;
  return placeBy(pairs, MIN_ANCHORS_NEXT_PAGE, (t) => Math.abs(t.scale - after.scale) <= NEXT_PAGE_SCALE_SLACK);
}

/** A page whose small captions are unreadable placed by its title and the few captions that agree with it. */
function placeUnderTitle(pairs: Pair[]): PagePlacement | undefined {
  const titles = pairs.filter((p) => p.title);
  if (titles.length === 0) return undefined;
  const underTitle = (t: Omit<PagePlacement, "anchors">) => titles.some((p) => residual(p, t) <= TITLE_TOLERANCE);
  const placement = placeBy(pairs, MIN_ANCHORS_UNDER_TITLE + 1, underTitle);
  // The captions must span the page, or the copy's scale is not known.
  if (!placement) return undefined;
  const inliers = pairs.filter((q) => !q.title && residual(q, placement) <= ANCHOR_TOLERANCE);
  return spread(inliers, "y") > 200 ? placement : undefined;
}

/**
 * The placement most pairs agree with among those `allowed`, refitted to its agreeing pairs, if
 * at least `minimum` captions agree.
 */
function placeBy(
  pairs: Pair[],
  minimum: number,
  allowed: (t: Omit<PagePlacement, "anchors">) => boolean,
): PagePlacement | undefined {
  if (pairs.length < minimum) return undefined;
  // Every pair proposes a shift at each likely scale; the placement most pairs agree with wins
  // (a repeated caption such as "PHONE" pairs with every copy of itself, but only the right
  // pairings agree).
  let best = 0;
  let bestOff = Infinity;
  let placement = { scale: 1, dx: 0, dy: 0 };
  for (const scale of COPY_SCALES) {
    for (const p of pairs) {
      if (p.cut) continue;
      const t = { scale, dx: p.sx - scale * p.fx, dy: p.sy - scale * p.fy };
      if (!allowed(t)) continue;
      const agreeing = new Set<ScannedWord>();
      let off = 0;
      for (const q of pairs)
        if (residual(q, t) <= ANCHOR_TOLERANCE) {
          agreeing.add(q.word);
          off += residual(q, t);
        }
      // Few captions may agree with neighbouring scales alike: the closer fit wins.
      if (agreeing.size > best || (agreeing.size === best && off < bestOff)) {
        best = agreeing.size;
        bestOff = off;
        placement = t;
      }
    }
  }
  if (best < minimum) return undefined;
  for (let round = 0; round < 2; round++) {
    // A cut caption's word says nothing of where the caption starts across the page.
    const inliers = pairs.filter((q) => !q.cut && residual(q, placement) <= ANCHOR_TOLERANCE);
    if (inliers.length < 3) break;
    const refit = fitPlacement(inliers, spread(inliers) > 200, placement.scale);
    if (!allowed(refit)) break;
    placement = refit;
  }
  const anchors = new Set(pairs.filter((q) => residual(q, placement) <= ANCHOR_TOLERANCE).map((q) => q.word)).size;
  return anchors >= minimum ? { ...placement, anchors } : undefined;
}

/** How far apart the pairs are on the form: across and down (the lesser), or down only. */
function spread(pairs: Pair[], along?: "y"): number {
  if (pairs.length === 0) return 0;
  const range = (vs: number[]) => Math.max(...vs) - Math.min(...vs);
  const down = range(pairs.map((p) => p.fy));
  return along === "y" ? down : Math.min(range(pairs.map((p) => p.fx)), down);
}

/**
 * Two words on one line: baselines close, or one word's height within the other's (a word read
 * taller than its neighbours, "863437" with a speck below it, drops its baseline by a few points).
 */
function sameLine(a: ScannedWord, b: ScannedWord): boolean {
  if (Math.abs(a.y - b.y) < Math.max(2, 0.5 * Math.min(a.height, b.height))) return true;
  const overlap = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return overlap >= 0.8 * Math.min(a.height, b.height);
}

/** Words in reading order: lines top to bottom, each line's words left to right. */
function readingLines(words: ScannedWord[]): ScannedWord[][] {
  const lines: ScannedWord[][] = [];
  for (const w of [...words].sort((a, b) => b.y - a.y)) {
    const line = lines.find((l) => sameLine(l[0]!, w));
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
      // The box's own side read as a letter ("I Yuki Brooks", "i UP-AUTO-…") is not part of the value.
      const boxSide = /^[Iil!|[\]]$/.test(w.str) && Math.min(Math.abs(cx - x1), Math.abs(cx - x2)) < 3.5 * scale;
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
    // Not when all the box's reading has more is one thin stroke: the box's side, which its
    // crop takes in ("1353-5741-TE" of "353-5741-TE").
    const [onPage, inBox] = readings;
    const pageRead = squashed(onPage?.value ?? "");
    const boxRead = squashed(inBox?.value ?? "");
    const more = boxRead.slice(0, boxRead.length - pageRead.length);
    const cutShort =
      inBox !== undefined &&
      boxRead.length > pageRead.length &&
      boxRead.endsWith(pageRead) &&
      !/^[1Il|![\]]$/.test(more);
    out.push(...(cutShort ? [inBox] : readings));
  }
  return out;
}
