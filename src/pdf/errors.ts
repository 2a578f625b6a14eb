// Why a file is refused: before it is stored (the upload route maps each code to a 4xx error), or
// while it is read (the claim ends FAILED with the reason, without retries: the same file fails the
// same way every time).

export type PdfRejection =
  | "EMPTY_FILE"
  | "NOT_A_PDF"
  | "TOO_LARGE"
  | "ENCRYPTED_PDF"
  | "BROKEN_PDF"
  | "TOO_MANY_PAGES"
  /** An image that would decode to more pixels than allowed (declared, or in its codec's header). */
  | "IMAGE_TOO_LARGE"
  /** A stream that inflates past the per-stream or per-document cap. */
  | "STREAM_TOO_LARGE"
  | "TOO_DEEPLY_NESTED"
  /** Too many objects, or a page with more text items than any claim form has. */
  | "TOO_MUCH_CONTENT"
  /** Reading the document took longer than its time budget. */
  | "READ_TIME_EXCEEDED";

export class PdfRejectedError extends Error {
  constructor(
    readonly code: PdfRejection,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "PdfRejectedError";
  }
}
