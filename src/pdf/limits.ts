// Everything reading a claim PDF may cost, in one place. The upload check and the queue
// consumer apply the same numbers, so a file accepted at upload is never refused later for
// its structure, only for the work it turns out to need.

export interface PdfLimits {
  /** File size. */
  maxBytes?: number;
  /** Pages in the page tree, and (twice this) distinct page objects in the file. */
  maxPages?: number;
  /** Pixels of any one image, as declared by the PDF or by the image codec's own header. */
  maxImagePixels?: number;
  /** Decoded bytes of any one non-image stream (content, fonts, object streams). */
  maxStreamBytes?: number;
  /** Decoded bytes of all non-image streams together. */
  maxDecodedBytes?: number;
  /** Indirect objects in the file. */
  maxObjects?: number;
  /** Arrays and dictionaries inside one another. */
  maxNesting?: number;
  /** Operators in all page contents, form XObjects and patterns (pdf.js keeps each in memory). */
  maxContentOperators?: number;
  /** Text items on one page (a dense typed page has a few thousand). */
  maxTextItemsPerPage?: number;
  /** Pages OCR'd per document; the rest are flagged as unread. */
  maxOcrPages?: number;
  /** Wall-clock time for reading one document (text, forms, OCR). */
  readTimeBudgetMs?: number;
}

export const DEFAULT_LIMITS: Required<PdfLimits> = {
  maxBytes: 20 * 1024 * 1024,
  maxPages: 50,
  // An A4 page scanned at 600 dpi is 34.8 million pixels.
  maxImagePixels: 36_000_000,
  maxStreamBytes: 16 * 1024 * 1024,
  maxDecodedBytes: 96 * 1024 * 1024,
  maxObjects: 100_000,
  maxNesting: 64,
  // The real CMS-1500 (with its hundreds of field appearances) has 69,000.
  maxContentOperators: 300_000,
  maxTextItemsPerPage: 25_000,
  maxOcrPages: 10,
  // Under wrangler.toml's limits.cpu_ms (60 s): a 10-page scan takes 14–29 s.
  readTimeBudgetMs: 45_000,
};

export const DEFAULT_MAX_BYTES = DEFAULT_LIMITS.maxBytes;
export const DEFAULT_MAX_PAGES = DEFAULT_LIMITS.maxPages;

export const withDefaults = (limits: PdfLimits = {}): Required<PdfLimits> => {
  const out = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(limits) as Array<[keyof PdfLimits, number | undefined]>)
    if (value !== undefined) out[key] = value;
  return out;
};
