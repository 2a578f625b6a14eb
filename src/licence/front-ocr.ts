// The front of a licence by OCR: tesseract (the isolate's shared engine) on a prepared copy
// of the photo, then a binarised copy, then the photo turned, until a front is recognised.
import { extractFrontFields, type FrontExtraction, type OcrTextLine } from "../domain/licence";
import type { RgbaImage } from "../domain/photo/image";
import type { PageOcr } from "../pdf/ocr-engine";
import { binarise, type GreyPixels, greyForOcr, rotate, toRgba } from "./ocr-image";

/** Long side the card photo is brought to: text of a card filling ~70% of it is then ~25 px tall. */
export const OCR_LONG_SIDE = 1600;
const MAX_UPSCALE = 2.5;
/** A non-licence image of scattered shapes yields few words; a card on its side yields many garbled ones. */
const WORDS_WORTH_TURNING = 8;

export type OcrPass = "grey" | "binarised" | "turned-90" | "turned-270" | "turned-180";

export interface FrontOcrResult {
  extraction: FrontExtraction;
  pass: OcrPass | undefined;
  passes: OcrPass[];
  /** Mean word confidence of the pass that was kept. */
  ocrConfidence: number;
  ms: number;
}

function score(e: FrontExtraction): number {
  return Object.values(e.readings).reduce((s, r) => s + (r?.confidence ?? 0), 0) + e.labelsFound * 0.1;
}

export function readFrontByOcr(image: RgbaImage, ocr: PageOcr): FrontOcrResult {
  const started = Date.now();
  const scale = Math.min(MAX_UPSCALE, OCR_LONG_SIDE / Math.max(image.width, image.height));
  const grey = greyForOcr(image, scale);
  const passes: OcrPass[] = [];
  let best: { extraction: FrontExtraction; pass: OcrPass | undefined; confidence: number } = {
    extraction: { readings: {}, labelsFound: 0 },
    pass: undefined,
    confidence: 0,
  };
  let words = 0;
  const attempt = (pass: OcrPass, pixels: GreyPixels): boolean => {
    passes.push(pass);
    const result = ocr.recognize(toRgba(pixels));
    words = Math.max(words, result.words);
    const lines: OcrTextLine[] = result.text
      .split("\n")
      .map((text, i) => ({ text, confidence: result.lineConfidence[i] ?? result.confidence }));
    const extraction = extractFrontFields(lines);
    if (score(extraction) > score(best.extraction)) best = { extraction, pass, confidence: result.confidence };
    return extraction.readings.ID_TYPE !== undefined && Object.keys(extraction.readings).length >= 10;
  };
  const done = attempt("grey", grey) || attempt("binarised", binarise(grey));
  if (
    !done &&
    best.extraction.readings.ID_TYPE === undefined &&
    best.extraction.labelsFound === 0 &&
    words >= WORDS_WORTH_TURNING
  ) {
    for (const degrees of [90, 270, 180] as const)
      if (attempt(`turned-${degrees}`, rotate(grey, degrees)) || best.extraction.readings.ID_TYPE) break;
  }
  return {
    extraction: best.extraction,
    pass: best.pass,
    passes,
    ocrConfidence: best.confidence,
    ms: Date.now() - started,
  };
}
