// OCR of one scanned page as copiers and phones deliver it: straightened, brought to about
// 300 dpi, its box rules and dot leaders erased, then read; a page that reads
// badly is read once more another way (the grey page, rules and leaders left in) and the
// better reading is kept; lines the reading skipped are read on their own, and the look-alike
// letters and digits of policy numbers are told apart by their shapes.

import { readIdentifierShapes } from "./glyph-shapes";
import { removeLeaders } from "./leader-removal";
import { type OcrResult, type OcrWordBox, type PageOcr, type RgbaImage, readingOf } from "./ocr-engine";
import { centreInside, type PixelRegion, readRegions, rereadRegions } from "./region-reread";
import { removeRules } from "./rule-removal";
import { flattenBackground } from "./scan-background";
import { binarise } from "./scan-binarise";
import { type GreyImage, prepareScan, toRgba } from "./scan-preprocess";
import { unreadInk } from "./unread-ink";

export interface ScanReadOptions {
  /** The page's width in inches (from the PDF), to know the scan's resolution. */
  pageWidthInches?: number;
  /** Largest image handed to OCR, in pixels. */
  maxPixels?: number;
  /** Readings below this mean word confidence are retried another way. */
  retryBelow?: number;
  /** Whether there is time for a second reading, given how long the first took. */
  mayRetry?: (firstMs: number) => boolean;
  /**
   * Regions (pixels of the page as read, at `dpi`) worth reading again line by line, chosen from
   * the page's first reading: a known form's value boxes.
   */
  regionsToReread?: (words: OcrWordBox[], dpi: number) => PixelRegion[];
}

export interface ScanReading extends OcrResult {
  /** How the kept reading was made ("rules removed, psm 6", …). */
  attempt: string;
  /** Readings made, including the kept one. */
  attempts: number;
  /** Degrees the page was straightened by. */
  skew: number;
  /** Resolution the page was read at. */
  dpi: number;
}

const TARGET_DPI = 300;
/** Sauvola's k that keeps only the darkest ink: a dense leader's dots, apart. */
const DOT_CORES = 0.7;

/** A reading's worth: confident words, with a page of few words not beating a fuller one. */
function score(r: OcrResult): number {
  return r.confidence * Math.min(1, r.words / 40) + 0.002 * Math.min(r.words, 400) * r.confidence;
}

/**
 * A page (grey, at `inch` pixels per inch) without its box rules and dot leaders. They are
 * found on a black-and-white copy and erased from the grey page: tesseract's own thresholding
 * of the grey strokes reads small print better than a binarised upscale.
 */
export function cleanScan(page: GreyImage, inch: number): GreyImage {
  const tile = Math.round(inch / 6);
  const binary = binarise(page, { tile });
  const ruled = removeRules(
    binary,
    {
      minHorizontal: Math.round(inch * 0.45),
      minVertical: Math.round(inch * 0.3),
      maxThickness: Math.round(inch * 0.04),
    },
    page,
  );
  const leaders = { maxDot: Math.round(inch * 0.03), maxGap: Math.round(inch * 0.1) };
  const dotted = removeLeaders(binary, leaders, ruled.image).image;
  // Dense leaders a blurred copy ran together stand apart again when only their dark cores are ink.
  return removeLeaders(binarise(page, { tile, k: DOT_CORES }), leaders, dotted).image;
}

export function readScan(ocr: PageOcr, rgba: RgbaImage, options: ScanReadOptions = {}): ScanReading {
  const prepared = prepareScan(rgba, {
    pageWidthInches: options.pageWidthInches ?? 8.5,
    targetDpi: TARGET_DPI,
    maxPixels: options.maxPixels ?? 12_000_000,
  });
  const dpi = prepared.dpi * prepared.scale;
  const inch = dpi;
  const started = Date.now();
  // Shaded heading bands turned to paper first: binarised, a band is a long dark run that rule
  // removal would cut through the heading's letters.
  const page = flattenBackground(prepared.image, { block: Math.round(inch / 12) });
  const cleaned = cleanScan(page, inch);
  const first = ocr.recognize(toRgba(cleaned), { dpi });
  let kept: ScanReading = { ...first, attempt: "rules removed", attempts: 1, skew: prepared.skew, dpi };
  let keptImage = cleaned;
  const retry =
    (first.confidence < (options.retryBelow ?? 0.8) || first.words < 20) &&
    (!options.mayRetry || options.mayRetry(Date.now() - started));
  if (retry) {
    // With tesseract's own layout, as the first reading: read as sparse text (mode 11), the
    // development ACORD 2 copies lost more boxes than the loss notices gained.
    const second = ocr.recognize(toRgba(page), { dpi });
    if (score(second) > score(first)) {
      kept = { ...second, attempt: "grey", attempts: 2, skew: prepared.skew, dpi };
      keptImage = page;
    } else kept = { ...kept, attempts: 2 };
  }
  // A known form's value boxes are read again by its geometry; any other page, its skipped lines.
  const regions = options.regionsToReread?.(kept.boxes ?? [], dpi) ?? [];
  if (regions.length) {
    const boxes = rereadRegions(ocr, keptImage, regions, kept.boxes ?? [], dpi);
    return { ...kept, boxes: withIdentifierShapes(keptImage, boxes) ?? boxes };
  }
  const read =
    !options.mayRetry || options.mayRetry(Date.now() - started) ? readSkippedLines(ocr, keptImage, kept, dpi) : kept;
  const boxes = withIdentifierShapes(keptImage, read.boxes ?? []);
  return boxes ? { ...read, ...readingOf(boxes, read.specks) } : read;
}

/** The words with policy numbers' look-alike letters and digits decided by shape; undefined if none changed. */
function withIdentifierShapes(image: GreyImage, words: OcrWordBox[]): OcrWordBox[] | undefined {
  let changed = false;
  const out = words.map((w) => {
    const text = readIdentifierShapes(image, w);
    if (text === w.text) return w;
    changed = true;
    return { ...w, text };
  });
  return changed ? out : undefined;
}

/**
 * Lines the page's reading skipped (a boxed form's cells, a column) read on their own and laid
 * into the page among its words. Unsure words from them are left out: they were skipped once.
 */
function readSkippedLines(ocr: PageOcr, image: GreyImage, kept: ScanReading, dpi: number): ScanReading {
  const words = kept.boxes ?? [];
  const skipped = unreadInk(image, words);
  if (skipped.length === 0) return kept;
  const found = readRegions(ocr, image, skipped, dpi).filter(
    (w) => w.confidence >= 0.5 && !words.some((b) => centreInside(w, b)),
  );
  if (found.length === 0) return kept;
  return {
    ...kept,
    ...readingOf([...words, ...found], kept.specks),
    attempt: `${kept.attempt}, skipped lines read`,
  };
}
