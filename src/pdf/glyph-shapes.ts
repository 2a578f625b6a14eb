// The letters and digits of one printed word cut apart on the page, and each measured the way a
// reader tells look-alikes apart: an O is wider and rounder than the digits beside it, an L has
// a foot, a 1 a flag that a bare I lacks. Z/2, S/5 and B/8 differ in ways no one rule held across
// fonts: a small trained model of their shapes decides those (look-alike-model.ts), and O/0 and
// I/1 where their proportions leave it open.
import { lookAlikeOf } from "./look-alike-model";
import type { PixelRegion } from "./region-reread";
import { type GreyImage, median, otsuThreshold } from "./scan-preprocess";

/** One letter's ink, cut from the page: a bitmap of its bounding box (1 = ink). */
export interface Glyph {
  width: number;
  height: number;
  ink: Uint8Array;
}

/**
 * The word's glyphs left to right, or undefined when they cannot be cut apart into `count`. Given
 * the word's reading, letters a blurred copy ran together or broke in two are cut where the ink
 * is thinnest among widths the reading expects (cutByWidths).
 */
export function glyphsOf(image: GreyImage, box: PixelRegion, count: number, text?: string): Glyph[] | undefined {
  const left = Math.max(0, Math.floor(box.left) - 1);
  const right = Math.min(image.width, Math.ceil(box.right) + 1);
  const top = Math.max(0, Math.floor(box.top) - 3);
  const bottom = Math.min(image.height, Math.ceil(box.bottom) + 3);
  const width = right - left;
  const height = bottom - top;
  if (width < count * 3 || height < 8 || count < 1) return undefined;
  const crop = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    crop.set(image.data.subarray((top + y) * image.width + left, (top + y) * image.width + right), y * width);
  const threshold = otsuThreshold({ data: crop, width, height });
  const ink = crop.map((v) => (v <= threshold ? 1 : 0));
  const column = new Array<number>(width).fill(0);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) column[x]! += ink[y * width + x]!;

  let runs: Array<[number, number]> = [];
  for (let x = 0; x < width; ) {
    if (column[x] === 0) {
      x++;
      continue;
    }
    const start = x;
    while (x < width && column[x]! > 0) x++;
    runs.push([start, x]);
  }
  const mass = (r: [number, number]) => column.slice(r[0], r[1]).reduce((s, v) => s + v, 0);
  // A speck at either end (a box's edge, the neighbour's serif) is not a letter.
  const typical = median(runs.map(mass));
  while (runs.length > count && mass(runs[0]!) < typical * 0.12) runs.shift();
  while (runs.length > count && mass(runs.at(-1)!) < typical * 0.12) runs.pop();
  // Letters blurred together: the widest run is cut at its faintest column near the middle.
  while (runs.length < count) {
    const widths = runs.map((r) => r[1] - r[0]);
    const usual = median(widths);
    const widest = widths.indexOf(Math.max(...widths));
    const [a, b] = runs[widest]!;
    if (b - a < usual * 1.5 || b - a < 6) break;
    let cut = -1;
    for (let x = a + Math.round((b - a) * 0.3); x <= a + Math.round((b - a) * 0.7); x++)
      if (cut < 0 || column[x]! < column[cut]!) cut = x;
    runs = [...runs.slice(0, widest), [a, cut], [cut, b], ...runs.slice(widest + 1)];
  }
  if (runs.length !== count) {
    const byWidths = text?.length === count && runs.length ? cutByWidths(column, runs, text) : undefined;
    if (!byWidths) return undefined;
    runs = byWidths;
  }

  return runs.map(([a, b]) => {
    let y0 = height;
    let y1 = -1;
    for (let y = 0; y < height; y++)
      for (let x = a; x < b; x++)
        if (ink[y * width + x]) {
          y0 = Math.min(y0, y);
          y1 = Math.max(y1, y);
        }
    const w = b - a;
    const h = Math.max(0, y1 - y0 + 1);
    const bitmap = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) bitmap[y * w + x] = ink[(y0 + y) * width + a + x]!;
    return { width: w, height: h, ink: bitmap };
  });
}

/** A character's usual width, as a share of a digit's: what a cut of the word into its reading expects. */
function usualWidth(char: string): number {
  if (/[1Il|]/.test(char)) return 0.5;
  if (char === "-") return 0.6;
  if (/[.,:;]/.test(char)) return 0.35;
  if (/[MW]/.test(char)) return 1.3;
  return 1;
}

/**
 * The word's ink (from its first run to its last) cut into one piece per character of `text`:
 * the cuts where the columns hold least ink, each piece near the width its character usually
 * has. Undefined when no cut keeps every piece within half to twice that width.
 */
function cutByWidths(
  column: number[],
  runs: Array<[number, number]>,
  text: string,
): Array<[number, number]> | undefined {
  const start = runs[0]![0];
  const end = runs.at(-1)![1];
  const shares = [...text].map(usualWidth);
  const unit = (end - start) / shares.reduce((a, b) => a + b, 0);
  const expected = shares.map((s) => s * unit);
  if (expected.some((w) => w < 2)) return undefined;
  const stroke = median(column.slice(start, end).filter((v) => v > 0)) || 1;
  const n = text.length;
  // cost[k][x]: the best cut of the first k pieces ending at column x; from[k][x]: where piece k began.
  const cost = Array.from({ length: n + 1 }, () => new Float64Array(end - start + 1).fill(Infinity));
  const from = Array.from({ length: n + 1 }, () => new Int32Array(end - start + 1).fill(-1));
  cost[0]![0] = 0;
  for (let k = 1; k <= n; k++) {
    const want = expected[k - 1]!;
    const min = Math.max(1, Math.floor(want * 0.5));
    const max = Math.ceil(want * 2);
    for (let x = 1; x <= end - start; x++) {
      // The last piece ends at the word's end; every other cut pays for the ink it goes through.
      const cutInk = k === n ? (x === end - start ? 0 : Infinity) : column[start + x]! / stroke;
      if (cutInk === Infinity) continue;
      for (let w = min; w <= max && w <= x; w++) {
        const before = cost[k - 1]![x - w]!;
        if (before === Infinity) continue;
        const c = before + cutInk + 2 * ((w - want) / want) ** 2;
        if (c < cost[k]![x]!) {
          cost[k]![x] = c;
          from[k]![x] = x - w;
        }
      }
    }
  }
  if (cost[n]![end - start] === Infinity) return undefined;
  const pieces: Array<[number, number]> = [];
  for (let k = n, x = end - start; k > 0; k--) {
    let a = start + from[k]![x]!;
    let b = start + x;
    x = a - start;
    // A piece cut in a gap is its ink only.
    while (b - a > 1 && column[a] === 0) a++;
    while (b - a > 1 && column[b - 1] === 0) b--;
    pieces.unshift([a, b]);
  }
  return pieces;
}

/** Share of ink in a part of the glyph, its bounds as fractions of the glyph's width and height. */
function inkIn(g: Glyph, x0: number, x1: number, y0: number, y1: number): number {
  const ax = Math.floor(x0 * g.width);
  const bx = Math.max(ax + 1, Math.ceil(x1 * g.width));
  const ay = Math.floor(y0 * g.height);
  const by = Math.max(ay + 1, Math.ceil(y1 * g.height));
  let n = 0;
  for (let y = ay; y < by; y++) for (let x = ax; x < bx; x++) n += g.ink[y * g.width + x] ?? 0;
  return n / ((bx - ax) * (by - ay));
}

/** Mean column of the ink in a band of rows, as a fraction of the glyph's width. */
function inkCentre(g: Glyph, y0: number, y1: number): number {
  let sum = 0;
  let n = 0;
  for (let y = Math.floor(y0 * g.height); y < Math.ceil(y1 * g.height); y++)
    for (let x = 0; x < g.width; x++)
      if (g.ink[y * g.width + x]) {
        sum += x + 0.5;
        n++;
      }
  return n ? sum / n / g.width : 0.5;
}

/** Capitals and digits, in parts joined by hyphens: a policy or claim number. */
const IDENTIFIER = /^[A-Z0-9|]+(?:-[A-Z0-9|]+)*$/;
/** A date with hyphens, or a box's date whose slashes the copy lost ("05242025"). */
const DATE = /^\d{1,4}-\d{1,2}-\d{1,4}$|^(?:0[1-9]|1[0-2]|[12]\d|3[01]){2}(?:19|20)\d\d$/;
const LOOK_ALIKE = /[0O1I|258ZSB]/;
/** Decided by the trained models alone (look-alike-model.ts); O, 0, I and 1 by their proportions first. */
const MODELLED = /[258ZSB]/;
const DIGIT_LIKE = /[0-9|]/;

/**
 * An identifier (a policy number) with the letters and digits OCR confuses decided again by their
 * shapes. Where the trained models decide (in a word read with two letters or more, and in the
 * letters that start a long number, never a phone number's): Z, S or B against 2, 5 or 8
 * anywhere, and O or 0, I or 1 where the glyph's proportions leave it open. Elsewhere only the
 * proportions decide: O or 0, I or 1 or L next to a digit (an L is never read back as a 1).
 * Returns the word as read when its glyphs cannot be cut apart one per character, or when a
 * shape is not clear.
 */
export function readIdentifierShapes(image: GreyImage, word: PixelRegion & { text: string }): string {
  const core = word.text.replace(/[.,;:)]$/, "");
  if (!IDENTIFIER.test(core) || core.length < 6 || !LOOK_ALIKE.test(core) || DATE.test(core)) return word.text;
  // A VIN is 17 characters and never holds an I, an O or a Q: nothing to decide.
  if ((core.match(/\d/g) ?? []).length < 4 || core.length === 17) return word.text;
  const cut = identifierGlyphs(image, word);
  if (!cut) return word.text;
  const { glyphs, digitWidth } = cut;
  const chars = [...word.text];
  const besideDigit = (i: number) =>
    (i > 0 && DIGIT_LIKE.test(chars[i - 1]!)) || (i + 1 < chars.length && DIGIT_LIKE.test(chars[i + 1]!));
  // A zero as wide and round as an O is one wherever it stands ("0X6551043M").
  const decided = (i: number) => besideDigit(i) || chars[i] === "0";
  const lettered = (core.match(/[A-Z]/g) ?? []).length >= 2;
  // A number of digits alone is decided at its first glyphs, where a policy number's prefix
  // stands, when its first part is too long for a phone number's ("2060925011", not "248-7314").
  const longFirstPart = core.split("-")[0]!.length >= 6;
  const out: string[] = [];
  // Its prefix: every glyph before this one decided a letter ("Z10499696-53" is ZIO…).
  const inPrefix = () => longFirstPart && out.every((c) => /[A-Z]/.test(c));
  const byModel = (i: number, g: Glyph) =>
    lettered || inPrefix() ? lookAlikeOf(chars[i] === "|" ? "1" : chars[i]!, g, digitWidth) : undefined;
  for (const [i, g] of glyphs.entries()) {
    const read = chars[i]!;
    if (MODELLED.test(read)) out.push(byModel(i, g) ?? read);
    else out.push((decided(i) ? (shapeOf(read, g, digitWidth) ?? byModel(i, g)) : undefined) ?? read);
  }
  return out.join("");
}

/**
 * A word's glyphs, one per character of its reading, and the usual width of its digits 2 to 9;
 * undefined when the cut does not line up with the reading (a hyphen where a letter should be,
 * two letters as one, one letter in two) or the word has fewer than two such digits.
 */
export function identifierGlyphs(
  image: GreyImage,
  word: PixelRegion & { text: string },
): { glyphs: Glyph[]; digitWidth: number } | undefined {
  const glyphs = glyphsOf(image, word, word.text.length, word.text);
  if (!glyphs) return undefined;
  const chars = [...word.text];
  const isCharacter = (i: number) => /[A-Z0-9|]/.test(chars[i]!);
  const height = median(glyphs.filter((_, i) => isCharacter(i)).map((g) => g.height));
  const digitWidths = glyphs.filter((_, i) => /[2-9]/.test(chars[i]!)).map((g) => g.width);
  const digitWidth = median(digitWidths);
  const misaligned = glyphs.some((g, i) =>
    isCharacter(i)
      ? g.height < height * 0.7 || g.height > height * 1.3 || (!/[1IL|]/.test(chars[i]!) && g.width < digitWidth * 0.75)
      : g.height > height * 0.5,
  );
  return misaligned || digitWidths.length < 2 ? undefined : { glyphs, digitWidth };
}

/** What a glyph read as `read` is by its shape, when it is one of the look-alikes and its shape is clear. */
function shapeOf(read: string, g: Glyph, digitWidth: number): string | undefined {
  if (read === "0" || read === "O") {
    // Digits share one width; a capital O is rounder and wider than they are.
    const wider = g.width / digitWidth;
    const aspect = g.width / g.height;
    if (wider >= 1.2 && aspect >= 0.83) return "O";
    if (wider <= 1.12 && aspect <= 0.78) return "0";
    return undefined;
  }
  if (read === "1" || read === "I" || read === "|") {
    const top = inkCentre(g, 0, 0.25);
    const middle = inkCentre(g, 0.35, 0.65);
    const topRight = inkIn(g, 0.75, 1, 0, 0.15);
    // An L: its stem at the left, a foot to the right, nothing top right.
    if (middle < 0.42 && inkIn(g, 0.75, 1, 0.85, 1) > 0.6 && topRight < 0.15 && g.width / g.height > 0.4) return "L";
    // An I without serifs: a bare bar, centred top and middle, narrower than any 1.
    const centred = Math.abs(top - 0.5) < 0.04 && Math.abs(middle - 0.5) < 0.05;
    if (read !== "I" && centred && g.width / g.height < 0.22 && g.width / digitWidth < 0.36) return "I";
    // A 1: a flag at the top left, the top-right corner empty.
    if (read !== "1" && topRight < 0.15 && Math.abs(top - 0.5) > 0.06) return "1";
  }
  return undefined;
}
