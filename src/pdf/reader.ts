// Reads a claim PDF inside workerd: the text layer of each page (unpdf / pdf.js), the
// values of filled form fields, and OCR of pages that have no usable text layer (their
// embedded scan image → RGBA → tesseract-wasm). Everything it may cost is bounded: the
// structure is checked first (structure-check.ts), then pages, text items, OCR pages, OCR
// input pixels and wall-clock time each have a cap (limits.ts).
import { getResolvedPDFJS } from "unpdf";
import type { ScannedWord } from "../domain/documents/form-scan";
import type { FormWidget } from "../domain/documents/form-widgets";
import { PdfRejectedError } from "./errors";
import { checkPdfBytes, openPdf } from "./inspect";
import { type PdfLimits, withDefaults } from "./limits";
import type { OcrWordBox, PageOcr, RgbaImage } from "./ocr-engine";
import { ReadBudget, yieldToEventLoop } from "./read-budget";
import type { PixelRegion } from "./region-reread";
import { readScan, type ScanReading } from "./scan-reading";
import { checkPdfStructure } from "./structure-check";
import { layoutText, type PositionedText, type WordSpan } from "./text-layout";

type PdfDocument = Awaited<ReturnType<typeof openPdf>>;

export interface DocumentPage {
  number: number;
  text: string;
  source: "text-layer" | "ocr" | "form";
  /** Fillable-form widgets on the page (values, check boxes, rectangles, tooltips). */
  widgets?: FormWidget[];
  /** The page's printed text with positions (PDF units, y up), kept for pages with widgets. */
  printed?: PositionedText[];
  /** Mean OCR word confidence (0–1) for OCR'd pages. */
  ocrConfidence?: number;
  /** Lowest OCR word confidence of each line of `text`, for OCR'd pages. */
  lineConfidence?: number[];
  /** OCR'd pages: each line's words with their columns and confidences. */
  lineWords?: WordSpan[][];
  /** OCR'd pages: every word with its position (PDF units, y up) and confidence. */
  scannedWords?: ScannedWord[];
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
  /**
   * Rectangles of a scanned page (PDF units, y up) worth reading again one by one, given its
   * words: the value boxes of a known form found on the page.
   */
  valueBoxes?: (words: ScannedWord[]) => Array<[number, number, number, number]>;
}

// Scans larger than this are shrunk before OCR: tesseract's time and memory grow with pixels.
const MAX_OCR_PIXELS = 12_000_000;

interface TextItemLike {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

/** The page's text items, read as a stream and abandoned past `maxItems` items (or 8 characters per item). */
async function textItems(page: PdfPage, pageNumber: number, maxItems: number): Promise<TextItemLike[]> {
  const reader = page.streamTextContent().getReader() as ReadableStreamDefaultReader<{ items: TextItemLike[] }>;
  const items: TextItemLike[] = [];
  let chars = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return items;
      for (const item of value.items) {
        items.push(item);
        chars += item.str?.length ?? 0;
      }
      if (items.length > maxItems || chars > maxItems * 8) {
        throw new PdfRejectedError(
          "TOO_MUCH_CONTENT",
          `Page ${pageNumber} holds more text than any claim form (over ${maxItems} items or ${maxItems * 8} characters)`,
          {
            page: pageNumber,
            max_text_items: maxItems,
          },
        );
      }
    }
  } finally {
    // Not cancel(): pdf.js's fake worker then throws on its closed controller. Destroying the
    // document (the caller always does) stops the text task instead.
    reader.releaseLock();
  }
}

type PdfPage = Awaited<ReturnType<PdfDocument["getPage"]>>;

interface AnnotationLike {
  subtype?: string;
  fieldType?: string;
  fieldName?: string;
  fieldValue?: unknown;
  exportValue?: unknown;
  alternativeText?: string;
  rect?: number[];
  checkBox?: boolean;
  radioButton?: boolean;
}

/** A filled widget as the extractor sees it: name, value, where it sits, its tooltip. */
function toWidget(a: AnnotationLike, page: number): FormWidget | undefined {
  if (a.subtype !== "Widget" || !a.fieldName || !a.rect) return undefined;
  const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = a.rect;
  const rect: [number, number, number, number] = [
    Math.min(x1, x2),
    Math.min(y1, y2),
    Math.max(x1, x2),
    Math.max(y1, y2),
  ];
  const tooltip =
    typeof a.alternativeText === "string" && a.alternativeText.trim()
      ? { tooltip: a.alternativeText.trim().slice(0, 200) }
      : {};
  if (a.fieldType === "Btn" && (a.checkBox || a.radioButton)) {
    const checked =
      typeof a.fieldValue === "string" &&
      a.fieldValue !== "Off" &&
      (a.exportValue === undefined || a.fieldValue === a.exportValue);
    return { name: a.fieldName, value: checked ? "On" : "Off", kind: "checkbox", page, rect, ...tooltip };
  }
  const raw = Array.isArray(a.fieldValue)
    ? a.fieldValue.map(String).join(", ")
    : typeof a.fieldValue === "string"
      ? a.fieldValue
      : "";
  const value = raw.replace(/\r\n?/g, "\n").trim().slice(0, 4000);
  if (!value) return undefined;
  return { name: a.fieldName, value, kind: a.fieldType === "Ch" ? "choice" : "text", page, rect, ...tooltip };
}

async function pageItems(
  pdf: PdfDocument,
  pageNumber: number,
  maxItems: number,
): Promise<{ text: PositionedText[]; widgetText: PositionedText[]; widgets: FormWidget[] }> {
  const page = await pdf.getPage(pageNumber);
  const text: PositionedText[] = [];
  for (const raw of await textItems(page, pageNumber, maxItems)) {
    if (typeof raw.str !== "string" || !raw.transform) continue;
    const [, , c = 0, d = 0, e = 0, f = 0] = raw.transform;
    const size = Math.hypot(c, d) || raw.height || 10;
    text.push({ str: raw.str, x: e, y: f, width: raw.width ?? raw.str.length * size * 0.5, height: size });
  }
  const widgets: FormWidget[] = [];
  const widgetText: PositionedText[] = [];
  for (const a of (await page.getAnnotations()) as AnnotationLike[]) {
    const widget = toWidget(a, pageNumber);
    if (!widget) continue;
    widgets.push(widget);
    if (widget.kind === "checkbox") continue;
    const [x1, y1, x2, y2] = widget.rect;
    const h = Math.min(y2 - y1, 14) || 10;
    const value = widget.value.replace(/\s+/g, " ");
    widgetText.push({
      str: value,
      x: x1 + 2,
      y: y1 + (y2 - y1) * 0.25,
      width: Math.min(x2 - x1, value.length * h * 0.5),
      height: h,
    });
  }
  return { text, widgetText, widgets };
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

/** The OCR engine failed (not the PDF): worth retrying, unlike a PDF that cannot be read. */
export class OcrFailedError extends Error {
  override readonly name = "OcrFailedError";
}

function ocrFailed(err: unknown): never {
  throw new OcrFailedError(`OCR failed: ${err instanceof Error ? err.message : String(err)}`);
}

/** Shrinks a scan by a whole factor (box filter) until it fits `maxPixels`. */
export function fitForOcr(image: RgbaImage, maxPixels = MAX_OCR_PIXELS): RgbaImage {
  const factor = Math.ceil(Math.sqrt((image.width * image.height) / maxPixels));
  if (factor <= 1) return image;
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const out = new Uint8ClampedArray(width * height * 4);
  const area = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) {
        const row = ((y * factor + dy) * image.width + x * factor) * 4;
        for (let dx = 0; dx < factor; dx++) sum += image.data[row + dx * 4]!;
      }
      const o = (y * width + x) * 4;
      out[o] = out[o + 1] = out[o + 2] = Math.round(sum / area);
      out[o + 3] = 255;
    }
  }
  return { data: out, width, height };
}

/**
 * Text of every page of a claim PDF, plus its filled form fields. Throws PdfRejectedError for
 * files that are not readable PDFs (see inspectPdf) or that need more work than the limits
 * allow; OcrFailedError when the OCR engine itself fails.
 */
export async function readClaimDocument(
  input: ArrayBuffer | Uint8Array,
  options: ReadOptions = {},
): Promise<ClaimDocument> {
  const limits = withDefaults(options);
  const bytes = checkPdfBytes(input, limits);
  const minTextChars = options.minTextChars ?? 20;
  await checkPdfStructure(bytes, limits);
  const pdf = await openPdf(bytes, limits);
  const budget = new ReadBudget(limits.readTimeBudgetMs, () => void pdf.loadingTask.destroy());
  try {
    const pageCount = pdf.numPages;
    if (pageCount > limits.maxPages) {
      throw new PdfRejectedError(
        "TOO_MANY_PAGES",
        `The PDF has ${pageCount} pages; at most ${limits.maxPages} are accepted`,
        { pages: pageCount, max_pages: limits.maxPages },
      );
    }
    const textStart = Date.now();
    const formFields = await readFormFields(pdf);
    const pages: DocumentPage[] = [];
    const needOcr: number[] = [];
    for (let n = 1; n <= pageCount; n++) {
      budget.check();
      const { text, widgetText, widgets } = await pageItems(pdf, n, limits.maxTextItemsPerPage);
      const hasText = visibleChars(text) >= minTextChars;
      if (hasText || widgetText.length > 0) {
        const laidOut = layoutText([...text, ...widgetText], { yDown: false });
        const form =
          widgets.length > 0
            ? { widgets, printed: text.map(({ str, x, y, width, height }) => ({ str, x, y, width, height })) }
            : {};
        pages.push({ number: n, text: laidOut, source: hasText ? "text-layer" : "form", ...form });
        // Scanner apps often embed a poor invisible OCR layer: read such pages again.
        if (hasText && widgetText.length === 0 && textQuality(laidOut) < 0.5) needOcr.push(n);
      } else {
        pages.push({ number: n, text: layoutText(text, { yDown: false }), source: "text-layer" });
        needOcr.push(n);
      }
      await yieldToEventLoop();
    }
    const textMs = Date.now() - textStart;
    let ocrPages = 0;
    let ocrInitMs = 0;
    let ocrStart = Date.now();
    if (needOcr.length > 0) {
      const engine = typeof options.ocr === "function" ? await options.ocr().catch(ocrFailed) : options.ocr;
      ocrInitMs = Date.now() - ocrStart;
      ocrStart = Date.now();
      for (const n of needOcr) {
        const page = pages[n - 1]!;
        const textLayerOnly = page.text.trim() === "";
        if (!engine || ocrPages >= limits.maxOcrPages) {
          if (textLayerOnly) page.needsOcr = true;
          continue;
        }
        budget.check();
        const largest = (await pageImages(pdf, n))[0];
        if (!largest || largest.width < 50 || largest.height < 50) continue;
        budget.check();
        await yieldToEventLoop();
        const view = (await pdf.getPage(n)).view;
        const pageWidthInches = view && view[2]! - view[0]! > 72 ? (view[2]! - view[0]!) / 72 : 8.5;
        const pageTop = view?.[3] ?? pageWidthInches * 72 * (11 / 8.5);
        let result: ScanReading;
        try {
          // A second reading only while the pages still to read keep within the budget.
          const pagesLeft = needOcr.length - needOcr.indexOf(n);
          result = readScan(engine, fitForOcr(largest), {
            pageWidthInches,
            maxPixels: MAX_OCR_PIXELS,
            mayRetry: (firstMs) => budget.remainingMs() > firstMs * (pagesLeft + 1.5),
            ...(options.valueBoxes ? { regionsToReread: regionsOf(options.valueBoxes, pageTop) } : {}),
          });
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
          lineWords: result.lineWords,
          scannedWords: pageWords(result.boxes ?? [], result.dpi, pageTop),
        };
      }
    }
    budget.check();
    return { pages, formFields, pageCount, timings: { textMs, ocrMs: Date.now() - ocrStart, ocrPages, ocrInitMs } };
  } catch (err) {
    if (budget.expired) throw budget.error;
    if (err instanceof PdfRejectedError || err instanceof OcrFailedError) throw err;
    throw new PdfRejectedError("BROKEN_PDF", "The PDF could not be read", {
      reason: "read_failed",
      message: String((err as Error).message ?? err).slice(0, 200),
    });
  } finally {
    budget.stop();
    await pdf.loadingTask.destroy();
  }
}

/** The words of a page's reading in PDF units (y up, baseline), the scan taken as the whole page. */
function pageWords(boxes: OcrWordBox[], dpi: number, pageTop: number): ScannedWord[] {
  const k = 72 / dpi;
  return boxes.map((b) => ({
    str: b.text,
    x: b.left * k,
    y: pageTop - b.bottom * k,
    width: (b.right - b.left) * k,
    height: (b.bottom - b.top) * k,
    confidence: b.confidence,
    ...(b.reread ? { reread: true } : {}),
  }));
}

/** `valueBoxes` in the pixels of the page as read. */
function regionsOf(valueBoxes: NonNullable<ReadOptions["valueBoxes"]>, pageTop: number) {
  return (boxes: OcrWordBox[], dpi: number): PixelRegion[] => {
    const k = 72 / dpi;
    return valueBoxes(pageWords(boxes, dpi, pageTop)).map(([x1, y1, x2, y2]) => ({
      left: x1 / k,
      right: x2 / k,
      top: (pageTop - y2) / k,
      bottom: (pageTop - y1) / k,
    }));
  };
}
