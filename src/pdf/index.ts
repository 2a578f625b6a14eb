// Upload checks and PDF reading. The OCR engine (which pulls in tesseract's wasm) lives in
// ./ocr and is imported only by the worker that runs OCR (the documents queue consumer).
export { PdfRejectedError, type PdfRejection } from "./errors";
export {
  checkPdfBytes,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_PAGES,
  inspectPdf,
  type PdfInspection,
  type PdfLimits,
} from "./inspect";
export { DEFAULT_LIMITS } from "./limits";
export type { OcrResult, PageOcr, RgbaImage } from "./ocr-engine";
export { type ClaimDocument, type DocumentPage, type ReadOptions, readClaimDocument, textQuality } from "./reader";
