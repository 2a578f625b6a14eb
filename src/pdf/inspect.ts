// Checks run on an upload before it is stored: is it a PDF at all, is it whole, is its
// structure within the limits (structure-check.ts), can we read it without a password, and
// is its page count sane. Each failure is a typed PdfRejectedError the route turns into a 4xx.
import { getDocumentProxy } from "unpdf";
import { PdfRejectedError } from "./errors";
import { DEFAULT_LIMITS, type PdfLimits, withDefaults } from "./limits";
import { indexOfAscii } from "./pdf-syntax";
import { ReadBudget } from "./read-budget";
import { checkPdfStructure } from "./structure-check";

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

export type { PdfLimits };

export interface PdfInspection {
  pageCount: number;
  /** Encrypted with an owner password only: readable, but flagged. */
  encrypted: boolean;
  hasForm: boolean;
  bytes: number;
}

export { DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES } from "./limits";

// An upload waits for this check: opening the first page and the form must be quick.
const INSPECTION_BUDGET_MS = 10_000;

function sniff(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "a JPEG image";
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return "a PNG image";
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return "a ZIP/Office file";
  return "not a PDF";
}

/** Cheap byte-level checks that need no parsing. */
export function checkPdfBytes(input: ArrayBuffer | Uint8Array, limits: PdfLimits = {}): Uint8Array {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const maxBytes = limits.maxBytes ?? DEFAULT_LIMITS.maxBytes;
  if (bytes.byteLength === 0) throw new PdfRejectedError("EMPTY_FILE", "The uploaded file is empty");
  if (bytes.byteLength > maxBytes) {
    throw new PdfRejectedError("TOO_LARGE", `The file is larger than ${maxBytes} bytes`, {
      bytes: bytes.byteLength,
      max_bytes: maxBytes,
    });
  }
  // The header may follow a little junk (allowed by readers), but must be near the start.
  if (indexOfAscii(bytes, "%PDF-", 0, 1024) === -1) {
    throw new PdfRejectedError("NOT_A_PDF", `The file is ${sniff(bytes)}, not a PDF`, { detected: sniff(bytes) });
  }
  if (indexOfAscii(bytes, "%%EOF", bytes.byteLength - 2048, bytes.byteLength) === -1) {
    throw new PdfRejectedError("BROKEN_PDF", "The PDF is truncated (no end-of-file marker)", { reason: "truncated" });
  }
  return bytes;
}

/**
 * Opens the document with pdf.js, mapping its failures to PdfRejectedError. No fonts are
 * installed and no image over the pixel cap is decoded (this pdf.js never evaluates code
 * built from a file: its `isEvalSupported` option is gone).
 */
export async function openPdf(bytes: Uint8Array, limits: PdfLimits = {}): Promise<PdfDocument> {
  try {
    // pdf.js may detach the buffer it is given: hand it a copy.
    return await getDocumentProxy(new Uint8Array(bytes), {
      stopAtErrors: false,
      disableFontFace: true,
      maxImageSize: limits.maxImagePixels ?? DEFAULT_LIMITS.maxImagePixels,
      verbosity: 0,
    });
  } catch (err) {
    const name = (err as { name?: string }).name ?? "";
    if (name === "PasswordException") {
      throw new PdfRejectedError("ENCRYPTED_PDF", "The PDF is password-protected", { reason: "password_required" });
    }
    throw new PdfRejectedError("BROKEN_PDF", "The PDF could not be read", {
      reason: name || "unreadable",
      message: String((err as Error).message ?? err).slice(0, 200),
    });
  }
}

export async function inspectPdf(input: ArrayBuffer | Uint8Array, options: PdfLimits = {}): Promise<PdfInspection> {
  const limits = withDefaults(options);
  const bytes = checkPdfBytes(input, limits);
  const maxPages = limits.maxPages;
  await checkPdfStructure(bytes, limits);
  const pdf = await openPdf(bytes, limits);
  const budget = new ReadBudget(
    Math.min(limits.readTimeBudgetMs, INSPECTION_BUDGET_MS),
    () => void pdf.loadingTask.destroy(),
  );
  try {
    const pageCount = pdf.numPages;
    if (pageCount < 1) throw new PdfRejectedError("BROKEN_PDF", "The PDF has no pages", { reason: "no_pages" });
    if (pageCount > maxPages) {
      throw new PdfRejectedError("TOO_MANY_PAGES", `The PDF has ${pageCount} pages; at most ${maxPages} are accepted`, {
        pages: pageCount,
        max_pages: maxPages,
      });
    }
    try {
      await pdf.getPage(1);
    } catch (err) {
      throw new PdfRejectedError("BROKEN_PDF", "The PDF's first page cannot be read", {
        reason: "page_unreadable",
        message: String((err as Error).message ?? err).slice(0, 200),
      });
    }
    const encrypted = indexOfAscii(bytes, "/Encrypt", 0, bytes.byteLength) !== -1;
    const fields = await pdf.getFieldObjects().catch(() => null);
    const hasForm = fields !== null && Object.keys(fields).length > 0;
    budget.check();
    return { pageCount, encrypted, hasForm, bytes: bytes.byteLength };
  } catch (err) {
    throw budget.expired ? budget.error : err;
  } finally {
    budget.stop();
    await pdf.loadingTask.destroy();
  }
}
