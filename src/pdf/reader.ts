// Reads a claim PDF inside workerd: the text layer of each page (unpdf / pdf.js), the
// values of filled form fields, and OCR of pages that have no usable text layer (their
// embedded scan image → RGBA → tesseract-wasm).
import { getResolvedPDFJS } from "unpdf";
import { PdfRejectedError } from "./errors";
import { checkPdfBytes, DEFAULT_MAX_PAGES, openPdf, type PdfLimits } from "./inspect";
import type { OcrResult, PageOcr, RgbaImage } from "./ocr-engine";
import { layoutText, type PositionedText } from "./text-layout";

type PdfDocument = Awaited<ReturnType<typeof openPdf>>;

export interface DocumentPage {
  number: number;
  text: string;
  source: "text-layer" | "ocr" | "form";
  /** Mean OCR word confidence (0–1) for OCR'd pages. */
  ocrConfidence?: number;
  /** Lowest OCR word confidence of each line of `text`, for OCR'd pages. */
  lineConfidence?: number[];
  /** True when the page had no text and no OCR engine was given. */
  needsOcr?: boolean;
}

export interface ClaimDocument {
  pages: DocumentPage[];
  formFields: Record<string, string>;
  pageCount: number;
  /** Wall-clock milliseconds: text layer + form fields, OCR engine start-up (first use in an isolate), OCR. */
  timings: { textMs: number; ocrMs: number; ocrPages: number; ocrInitMs: number };
}

export interface ReadOptions extends PdfLimits {
  /** OCR engine for pages without a text layer; a function is only called if a page needs it. */
  ocr?: PageOcr | (() => Promise<PageOcr>);
  /** Fewer visible characters than this and a page counts as having no text layer. */
  minTextChars?: number;
  /** OCR at most this many pages per document (CPU bound); the rest are flagged needsOcr. */
  maxOcrPages?: number;
}

interface TextItemLike {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

async function pageItems(
  pdf: PdfDocument,
  pageNumber: number,
): Promise<{ text: PositionedText[]; widgets: PositionedText[] }> {
  const page = await pdf.getPage(pageNumber);
  const content = await page.getTextContent();
  const text: PositionedText[] = [];
  for (const raw of content.items as TextItemLike[]) {
    if (typeof raw.str !== "string" || !raw.transform) continue;
    const [, , c = 0, d = 0, e = 0, f = 0] = raw.transform;
    const size = Math.hypot(c, d) || raw.height || 10;
    text.push({ str: raw.str, x: e, y: f, width: raw.width ?? raw.str.length * size * 0.5, height: size });
  }
  const widgets: PositionedText[] = [];
  const annotations = (await page.getAnnotations()) as Array<{
    subtype?: string;
    fieldValue?: unknown;
    rect?: number[];
    fieldType?: string;
    checkBox?: boolean;
    radioButton?: boolean;
  }>;
  for (const a of annotations) {
    if (
      a.subtype !== "Widget" ||
      a.fieldType !== "Tx" ||
      typeof a.fieldValue !== "string" ||
      !a.fieldValue.trim() ||
      !a.rect
    )
      continue;
    const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = a.rect;
    const h = Math.min(Math.abs(y2 - y1), 14) || 10;
    const value = a.fieldValue.replace(/\s+/g, " ").trim();
    widgets.push({
      str: value,
      x: Math.min(x1, x2) + 2,
      y: Math.min(y1, y2) + Math.abs(y2 - y1) * 0.25,
      width: Math.min(Math.abs(x2 - x1), value.length * h * 0.5),
      height: h,
    });
  }
  return { text, widgets };
}

async function readFormFields(pdf: PdfDocument): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const objects = (await pdf.getFieldObjects().catch(() => null)) as Record<
    string,
    Array<{ value?: unknown; type?: string; exportValues?: unknown }>
  > | null;
  if (!objects) return out;
  for (const [name, widgets] of Object.entries(objects)) {
    for (const w of widgets) {
      const v = w.value;
      if (typeof v === "string" && v.trim() !== "" && v !== "Off") {
        out[name] = v.trim();
        break;
      }
      if (typeof v === "boolean" && v) {
        out[name] = "On";
        break;
      }
      if (Array.isArray(v) && v.length) {
        out[name] = v.map(String).join(", ");
        break;
      }
    }
  }
  return out;
}

interface PdfImage {
  data?: Uint8ClampedArray | Uint8Array;
  width?: number;
  height?: number;
  /** pdf.js ImageKind: 1 = 1 bit per pixel grey (fax scans), 2 = RGB, 3 = RGBA. */
  kind?: number;
}

/** The images painted on a page, as RGBA, largest first (unpdf's extractImages skips 1-bit scans). */
export async function pageImages(pdf: PdfDocument, pageNumber: number): Promise<RgbaImage[]> {
  const page = await pdf.getPage(pageNumber);
  const ops = await page.getOperatorList();
  const { OPS } = await getResolvedPDFJS();
  const out: RgbaImage[] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const arg = ops.argsArray[i]?.[0] as unknown;
    let image: PdfImage | undefined;
    if (fn === OPS.paintImageXObject && typeof arg === "string") {
      image = await new Promise<PdfImage>((resolve) =>
        (arg.startsWith("g_") ? page.commonObjs : page.objs).get(arg, resolve),
      );
    } else if (fn === OPS.paintInlineImageXObject && arg && typeof arg === "object") {
      image = arg as PdfImage;
    }
    const rgba = image ? imageToRgba(image) : undefined;
    if (rgba) out.push(rgba);
  }
  return out.sort((a, b) => b.width * b.height - a.width * a.height);
}

function imageToRgba({ data, width, height, kind }: PdfImage): RgbaImage | undefined {
  if (!data || !width || !height) return undefined;
  const pixels = width * height;
  if (kind === 1 || data.length === Math.ceil(width / 8) * height) {
    // Packed bits, rows padded to whole bytes; a set bit is white.
    const rowBytes = Math.ceil(width / 8);
    const rgba = new Uint8ClampedArray(pixels * 4);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const v = (data[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0;
        const o = (y * width + x) * 4;
        rgba[o] = rgba[o + 1] = rgba[o + 2] = v;
        rgba[o + 3] = 255;
      }
    }
    return { data: rgba, width, height };
  }
  const channels = data.length / pixels;
  if (channels !== 1 && channels !== 3 && channels !== 4) return undefined;
  return toRgba({ data: data as Uint8ClampedArray, width, height, channels });
}

function toRgba(image: { data: Uint8ClampedArray; width: number; height: number; channels: 1 | 3 | 4 }): RgbaImage {
  const { data, width, height, channels } = image;
  if (channels === 4) return { data: new Uint8ClampedArray(data), width, height };
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, j = 0; i < width * height; i++, j += channels) {
    const r = data[j]!;
    rgba[i * 4] = r;
    rgba[i * 4 + 1] = channels === 3 ? data[j + 1]! : r;
    rgba[i * 4 + 2] = channels === 3 ? data[j + 2]! : r;
    rgba[i * 4 + 3] = 255;
  }
  return { data: rgba, width, height };
}

/** Share of tokens that look like words or numbers: low for a garbled OCR text layer. */
export function textQuality(text: string): number {
  const tokens = text.split(/\s+/).filter((t) => t.length >= 2);
  if (tokens.length === 0) return 0;
  const good = tokens.filter((t) =>
    /^[("'$€£#]?(?:[A-Z]?[a-z]+|[A-Z]+|[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*|[\d][\d.,:/-]*[\d%]?)[)"',.;:!?]*$/.test(t),
  ).length;
  return good / tokens.length;
}

const visibleChars = (items: PositionedText[]) => items.reduce((n, i) => n + i.str.replace(/\s/g, "").length, 0);

/**
 * Text of every page of a claim PDF, plus its filled form fields. Throws PdfRejectedError
 * for files that are not readable PDFs (see inspectPdf).
 */
/** The OCR engine failed (not the PDF): worth retrying, unlike a PDF that cannot be read. */
export class OcrFailedError extends Error {
  override readonly name = "OcrFailedError";
}

function ocrFailed(err: unknown): never {
  throw new OcrFailedError(`OCR failed: ${err instanceof Error ? err.message : String(err)}`);
}

export async function readClaimDocument(
  input: ArrayBuffer | Uint8Array,
  options: ReadOptions = {},
): Promise<ClaimDocument> {
  const bytes = checkPdfBytes(input, options);
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const minTextChars = options.minTextChars ?? 20;
  const pdf = await openPdf(bytes);
  try {
    const pageCount = pdf.numPages;
    if (pageCount > maxPages) {
      throw new PdfRejectedError("TOO_MANY_PAGES", `The PDF has ${pageCount} pages; at most ${maxPages} are accepted`, {
        pages: pageCount,
        max_pages: maxPages,
      });
    }
    const textStart = Date.now();
    const formFields = await readFormFields(pdf);
    const pages: DocumentPage[] = [];
    const needOcr: number[] = [];
    for (let n = 1; n <= pageCount; n++) {
      const { text, widgets } = await pageItems(pdf, n);
      const hasText = visibleChars(text) >= minTextChars;
      if (hasText || widgets.length > 0) {
        const laidOut = layoutText([...text, ...widgets], { yDown: false });
        pages.push({ number: n, text: laidOut, source: hasText ? "text-layer" : "form" });
        // Scanner apps often embed a poor invisible OCR layer: read such pages again.
        if (hasText && widgets.length === 0 && textQuality(laidOut) < 0.5) needOcr.push(n);
      } else {
        pages.push({ number: n, text: layoutText(text, { yDown: false }), source: "text-layer" });
        needOcr.push(n);
      }
    }
    const textMs = Date.now() - textStart;
    let ocrPages = 0;
    let ocrInitMs = 0;
    let ocrStart = Date.now();
    if (needOcr.length > 0) {
      const engine = typeof options.ocr === "function" ? await options.ocr().catch(ocrFailed) : options.ocr;
      ocrInitMs = Date.now() - ocrStart;
      ocrStart = Date.now();
      const maxOcrPages = options.maxOcrPages ?? 10;
      for (const n of needOcr) {
        const page = pages[n - 1]!;
        const textLayerOnly = page.text.trim() === "";
        if (!engine || ocrPages >= maxOcrPages) {
          if (textLayerOnly) page.needsOcr = true;
          continue;
        }
        const largest = (await pageImages(pdf, n))[0];
        if (!largest || largest.width < 50 || largest.height < 50) continue;
        let result: OcrResult;
        try {
          result = engine.recognize(largest);
        } catch (err) {
          ocrFailed(err);
        }
        ocrPages++;
        if (!textLayerOnly && textQuality(result.text) <= textQuality(page.text)) continue;
        pages[n - 1] = {
          number: n,
          text: result.text,
          source: "ocr",
          ocrConfidence: result.confidence,
          lineConfidence: result.lineConfidence,
        };
      }
    }
    return { pages, formFields, pageCount, timings: { textMs, ocrMs: Date.now() - ocrStart, ocrPages, ocrInitMs } };
  } catch (err) {
    if (err instanceof PdfRejectedError || err instanceof OcrFailedError) throw err;
    throw new PdfRejectedError("BROKEN_PDF", "The PDF could not be read", {
      reason: "read_failed",
      message: String((err as Error).message ?? err).slice(0, 200),
    });
  } finally {
    await pdf.loadingTask.destroy();
  }
}
