// Upload checks and PDF reading. The OCR engine (which pulls in tesseract's wasm) lives in
// ./ocr and is imported only by the worker that runs OCR (the documents queue consumer).
export { PdfRejectedError, httpStatusFor, type PdfRejection } from "./errors";
export { inspectPdf, checkPdfBytes, DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES, type PdfInspection, type PdfLimits } from "./inspect";
export { DEFAULT_LIMITS } from "./limits";
export { readClaimDocument, textQuality, type ClaimDocument, type DocumentPage, type ReadOptions } from "./reader";
export type { OcrResult, PageOcr, RgbaImage } from "./ocr-engine";
export { processClaimDocument, type ProcessedClaimDocument } from "./process";
