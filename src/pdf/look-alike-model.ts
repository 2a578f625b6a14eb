// Z or 2, S or 5, B or 8, O or 0, I or 1: a glyph cut from a scanned identifier told apart by a
// small logistic model of its shape (ink on a coarse grid, its proportions), one model per pair,
// trained on photocopied identifiers in many fonts (`npm run train:glyphs`,
// models/glyphs/MODEL_CARD.md).
import model from "../../models/glyphs/look-alikes.json";
import type { Glyph } from "./glyph-shapes";

/** Grid the glyph's ink is averaged over: columns × rows. */
const GRID = { columns: 6, rows: 9 } as const;

/** Each digit OCR mistakes a capital for, and that capital. */
export const LOOK_ALIKE_LETTERS: Readonly<Record<string, string>> = {
  "0": "O",
  "1": "I",
  "2": "Z",
  "5": "S",
  "8": "B",
};

/** A logistic model over standardised features. */
export interface Logistic {
  weights: number[];
  bias: number;
  mean: number[];
  scale: number[];
}

interface PairModel extends Logistic {
  /** Probability of the letter at or above which a glyph is the letter (at or below one minus it, the digit). */
  letterAt: number;
}

const PAIRS = model.pairs as Record<string, PairModel>;

/** The glyph's shape as the models read it: ink share per grid cell, then width to height and to the word's digits. */
export function lookAlikeFeatures(g: Glyph, digitWidth: number): number[] {
  const cells: number[] = [];
  for (let row = 0; row < GRID.rows; row++) {
    for (let col = 0; col < GRID.columns; col++) {
      const x0 = (col * g.width) / GRID.columns;
      const x1 = ((col + 1) * g.width) / GRID.columns;
      const y0 = (row * g.height) / GRID.rows;
      const y1 = ((row + 1) * g.height) / GRID.rows;
      cells.push(coverage(g, x0, x1, y0, y1));
    }
  }
  return [...cells, g.width / Math.max(1, g.height), g.width / Math.max(1, digitWidth)];
}

/** Ink share of a rectangle of the glyph in fractional pixels (each pixel weighted by its overlap). */
function coverage(g: Glyph, x0: number, x1: number, y0: number, y1: number): number {
  let ink = 0;
  for (let y = Math.floor(y0); y < Math.ceil(y1); y++) {
    const dy = Math.min(y + 1, y1) - Math.max(y, y0);
    for (let x = Math.floor(x0); x < Math.ceil(x1); x++) {
      const dx = Math.min(x + 1, x1) - Math.max(x, x0);
      ink += (g.ink[y * g.width + x] ?? 0) * dx * dy;
    }
  }
  const area = (x1 - x0) * (y1 - y0);
  return area > 0 ? ink / area : 0;
}

/** A logistic model's probability for one glyph's features. */
export function logistic(m: Logistic, features: number[]): number {
  let z = m.bias;
  for (let i = 0; i < m.weights.length; i++) z += m.weights[i]! * ((features[i]! - m.mean[i]!) / m.scale[i]!);
  return 1 / (1 + Math.exp(-z));
}

/** Probability that a glyph of the pair of `digit` (0, 1, 2, 5 or 8) is its look-alike capital. */
export function letterProbability(digit: string, features: number[]): number | undefined {
  const pair = PAIRS[digit];
  return pair && logistic(pair, features);
}

const DIGIT_OF: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(LOOK_ALIKE_LETTERS).map(([digit, letter]) => [letter, digit]),
);

/**
 * What a glyph read as 0, 1, 2, 5 or 8, or as O, I, Z, S or B, really is, when its pair's model
 * is sure: the capital at or above the pair's threshold, the digit at or below one minus it.
 */
export function lookAlikeOf(read: string, g: Glyph, digitWidth: number): string | undefined {
  const digit = read in LOOK_ALIKE_LETTERS ? read : DIGIT_OF[read];
  const pair = digit ? PAIRS[digit] : undefined;
  if (!digit || !pair) return undefined;
  const p = letterProbability(digit, lookAlikeFeatures(g, digitWidth))!;
  if (p >= pair.letterAt) return LOOK_ALIKE_LETTERS[digit];
  return p <= 1 - pair.letterAt ? digit : undefined;
}
