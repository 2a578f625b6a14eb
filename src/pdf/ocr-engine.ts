// Page OCR on a tesseract-wasm engine: word boxes → laid-out text + mean confidence.
// Free of the wasm import so that Node scripts (bench/) can use it with their own engine.
import type { OCREngine } from "tesseract-wasm";
import { layoutLines, type WordSpan } from "./text-layout";

export interface RgbaImage {
  data: Uint8ClampedArray | Uint8Array;
  width: number;
  height: number;
}

export interface OcrResult {
  text: string;
  /** Mean word confidence, 0–1. */
  confidence: number;
  /** Lowest word confidence of each line of `text`. */
  lineConfidence: number[];
  /** The words of each line of `text` with their columns and confidences. */
  lineWords: WordSpan[][];
  words: number;
  /** Every word read (specks left out), in the image's pixels. */
  boxes?: OcrWordBox[];
  /** The specks left out of the words. */
  specks?: OcrWordBox[];
}

/** One word as tesseract read it: its box in image pixels (y down) and its confidence, 0–1. */
export interface OcrWordBox {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
  confidence: number;
  /** Read again on its own (a form's value box), beside the page reading's word there. */
  reread?: boolean;
}

export interface RecognizeOptions {
  /**
   * Tesseract page segmentation mode: 3 the page's own layout of columns and blocks (default), 6 one
   * block of lines, 7 one line, 11 sparse text.
   */
  pageSegMode?: 3 | 6 | 7 | 11;
  /** The image's resolution, when known (else tesseract guesses it from the letters). */
  dpi?: number;
}

export interface PageOcr {
  recognize(image: RgbaImage, options?: RecognizeOptions): OcrResult;
}

export async function gunzipIfNeeded(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export class TesseractPageOcr implements PageOcr {
  constructor(private readonly engine: OCREngine) {}

  recognize(image: RgbaImage, options: RecognizeOptions = {}): OcrResult {
    // The engine is shared (licence fronts too): every call states its own settings.
    this.engine.setVariable("user_defined_dpi", String(Math.round(options.dpi ?? 0)));
    // loadImage needs a tight RGBA buffer, not a view into a larger one.
    const data =
      image.data.byteOffset === 0 && image.data.byteLength === image.width * image.height * 4
        ? image.data
        : new Uint8ClampedArray(image.data.subarray(0, image.width * image.height * 4));
    this.engine.loadImage({
      data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength),
      width: image.width,
      height: image.height,
    });
    // Loading an image sets the automatic layout (mode 3): a mode set before it would not hold.
    this.engine.setVariable("tessedit_pageseg_mode", String(options.pageSegMode ?? 3));
    try {
      const all = this.engine
        .getTextBoxes("word")
        .map(({ text, rect, confidence }) => ({ text: text.trim() === "|" ? "I" : text, ...rect, confidence }));
      return readingOf(
        all.filter((b) => !isSpeck(b)),
        all.filter((b) => isSpeck(b) && /[A-Za-z0-9]/.test(b.text)),
      );
    } finally {
      this.engine.clearImage();
    }
  }
}

/**
 * Specks and table rules come back as lone punctuation or unsure one-letter "words": left out
 * of the text, but they still lower the confidence of their line.
 */
const isSpeck = (b: OcrWordBox) =>
  /^[^A-Za-z0-9$€£#]{1,2}$/.test(b.text.trim()) || (b.confidence < 0.45 && b.text.trim().length <= 2);

const positioned = (b: OcrWordBox) => ({
  str: b.text,
  x: b.left,
  y: (b.top + b.bottom) / 2,
  width: b.right - b.left,
  height: b.bottom - b.top,
  confidence: b.confidence,
});

/** A page's reading from its words (and the specks that lower their lines' confidence), laid out in lines. */
export function readingOf(words: OcrWordBox[], specks: OcrWordBox[] = []): OcrResult {
  const lines = layoutLines(words.map(positioned), { yDown: true }, specks.map(positioned));
  const confidence = words.length ? words.reduce((s, b) => s + b.confidence, 0) / words.length : 0;
  return {
    text: lines.map((l) => l.text).join("\n"),
    lineConfidence: lines.map((l) => l.confidence),
    lineWords: lines.map((l) => l.words ?? []),
    confidence: Math.round(confidence * 1000) / 1000,
    words: words.length,
    boxes: words,
    ...(specks.length ? { specks } : {}),
  };
}
