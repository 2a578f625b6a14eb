// OCR of one scanned page as copiers and phones deliver it: straightened, brought to about
// 300 dpi, its box rules and dot leaders erased, then read; a page that reads
// badly is read once more another way (the grey image, sparse-text segmentation) and the
// better reading is kept.

import { removeLeaders } from "./leader-removal";
import type { OcrResult, OcrWordBox, PageOcr, RgbaImage } from "./ocr-engine";
import { removeRules } from "./rule-removal";
import { flattenBackground } from "./scan-background";
import { binarise } from "./scan-binarise";
import { type GreyImage, prepareScan, toRgba } from "./scan-preprocess";

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

export interface PixelRegion {
  left: number;
  top: number;
  right: number;
  bottom: number;
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

/** A reading's worth: confident words, with a page of few words not beating a fuller one. */
function score(r: OcrResult): number {
  return r.confidence * Math.min(1, r.words / 40) + 0.002 * Math.min(r.words, 400) * r.confidence;
}

export function readScan(ocr: PageOcr, rgba: RgbaImage, options: ScanReadOptions = {}): ScanReading {
  const prepared = prepareScan(rgba, {
    pageWidthInches: options.pageWidthInches ?? 8.5,
    targetDpi: TARGET_DPI,
    maxPixels: options.maxPixels ?? 12_000_000,
  });
  const dpi = prepared.dpi * prepared.scale;
  const inch = dpi;
  // Rules are found on a black-and-white copy and erased from the grey page: tesseract's own
  // thresholding of the grey strokes reads small print better than a binarised upscale.
  const clean = (image: GreyImage) => {
    const binary = binarise(image, { tile: Math.round(inch / 6) });
    const ruled = removeRules(
      binary,
      { minHorizontal: Math.round(inch * 0.45), minVertical: Math.round(inch * 0.3) },
      image,
    );
    return removeLeaders(binary, { maxDot: Math.round(inch * 0.03), maxGap: Math.round(inch * 0.1) }, ruled.image)
      .image;
  };
  const started = Date.now();
  // Shaded heading bands turned to paper first: binarised, a band is a long dark run that rule
  // removal would cut through the heading's letters.
  const page = flattenBackground(prepared.image, { block: Math.round(inch / 12) });
  const cleaned = clean(page);
  const first = ocr.recognize(toRgba(cleaned), { dpi });
  let kept: ScanReading = { ...first, attempt: "rules removed", attempts: 1, skew: prepared.skew, dpi };
  let keptImage = cleaned;
  const retry =
    (first.confidence < (options.retryBelow ?? 0.8) || first.words < 20) &&
    (!options.mayRetry || options.mayRetry(Date.now() - started));
  if (retry) {
    const second = ocr.recognize(toRgba(page), { dpi, pageSegMode: 11 });
    if (score(second) > score(first)) {
      kept = { ...second, attempt: "grey, sparse text", attempts: 2, skew: prepared.skew, dpi };
      keptImage = page;
    } else kept = { ...kept, attempts: 2 };
  }
  const regions = options.regionsToReread?.(kept.boxes ?? [], dpi) ?? [];
  return regions.length ? { ...kept, boxes: rereadRegions(ocr, keptImage, regions, kept.boxes ?? [], dpi) } : kept;
}

const centreInside = (b: OcrWordBox, r: PixelRegion) => {
  const cx = (b.left + b.right) / 2;
  const cy = (b.top + b.bottom) / 2;
  return cx >= r.left && cx <= r.right && cy >= r.top && cy <= r.bottom;
};

const meanSure = (list: OcrWordBox[]) => list.reduce((s, b) => s + b.confidence, 0) / Math.max(1, list.length);

/**
 * Each region read again on its own as one line of text, its words replacing the page reading's
 * words there unless tesseract all but gave up on it: reading the page as one block runs a box
 * into the caption or the column beside it and loses its first characters.
 */
function rereadRegions(
  ocr: PageOcr,
  image: GreyImage,
  regions: PixelRegion[],
  words: OcrWordBox[],
  dpi: number,
): OcrWordBox[] {
  let out = words;
  for (const region of regions) {
    const crop = cropGrey(image, region);
    if (!crop) continue;
    const reread = (ocr.recognize(toRgba(crop.image), { dpi, pageSegMode: 7 }).boxes ?? [])
      .map((b) => ({
        ...b,
        left: b.left + crop.left,
        right: b.right + crop.left,
        top: b.top + crop.top,
        bottom: b.bottom + crop.top,
      }))
      .filter((b) => centreInside(b, region));
    const before = out.filter((b) => centreInside(b, region));
    if (reread.length === 0) continue;
    if (before.length > 0 && meanSure(reread) < GAVE_UP && meanSure(before) > meanSure(reread)) continue;
    out = [...out.filter((b) => !centreInside(b, region)), ...reread];
  }
  return out;
}

/** A line read with a mean word confidence below this is noise, not a reading. */
const GAVE_UP = 0.15;

function cropGrey(image: GreyImage, region: PixelRegion): { image: GreyImage; left: number; top: number } | undefined {
  const left = Math.max(0, Math.floor(region.left));
  const top = Math.max(0, Math.floor(region.top));
  const right = Math.min(image.width, Math.ceil(region.right));
  const bottom = Math.min(image.height, Math.ceil(region.bottom));
  const width = right - left;
  const height = bottom - top;
  if (width < 8 || height < 8) return undefined;
  // A white margin around the crop: tesseract finds no line touching the image's edge.
  const pad = Math.round(height / 3);
  const out = new Uint8Array((width + 2 * pad) * (height + 2 * pad)).fill(255);
  for (let y = 0; y < height; y++)
    out.set(
      image.data.subarray((top + y) * image.width + left, (top + y) * image.width + right),
      (y + pad) * (width + 2 * pad) + pad,
    );
  const image2 = { data: out, width: width + 2 * pad, height: height + 2 * pad };
  clearEdgeInk(image2, { left: pad, top: pad, right: pad + width - 1, bottom: pad + height - 1 });
  return { image: image2, left: left - pad, top: top - pad };
}

/**
 * Ink cut by the crop's edge turned to paper: a box's side rule at the left or right, a cut-off
 * caption of the row above or below. A value inside its box never touches the box's sides, and
 * only a sliver of it could touch the top or bottom.
 */
function clearEdgeInk(image: GreyImage, edge: PixelRegion): void {
  const { data, width } = image;
  const ink = (i: number) => data[i]! < 140;
  const seen = new Uint8Array(data.length);
  const stack: number[] = [];
  const boxHeight = edge.bottom - edge.top + 1;
  for (let y = edge.top; y <= edge.bottom; y++) {
    for (let x = edge.left; x <= edge.right; x++) {
      const onSide = x === edge.left || x === edge.right;
      const onTopOrBottom = y === edge.top || y === edge.bottom;
      if (!onSide && !onTopOrBottom) continue;
      const start = y * width + x;
      if (seen[start] || !ink(start)) continue;
      // The component through this edge pixel, within the crop.
      const pixels: number[] = [];
      let top = y;
      let bottom = y;
      let touchesSide = false;
      stack.push(start);
      seen[start] = 1;
      while (stack.length) {
        const i = stack.pop()!;
        pixels.push(i);
        const px = i % width;
        const py = (i - px) / width;
        top = Math.min(top, py);
        bottom = Math.max(bottom, py);
        if (px === edge.left || px === edge.right) touchesSide = true;
        for (const j of [i - 1, i + 1, i - width, i + width]) {
          const jx = j % width;
          const jy = (j - jx) / width;
          if (jx < edge.left || jx > edge.right || jy < edge.top || jy > edge.bottom) continue;
          if (!seen[j] && ink(j)) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
      if (touchesSide || bottom - top + 1 < boxHeight * 0.35) for (const i of pixels) data[i] = 255;
    }
  }
}
