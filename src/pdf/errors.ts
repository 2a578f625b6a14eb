// Why an uploaded file is refused before it is stored; the upload route maps each to a 4xx error code.

export type PdfRejection = "EMPTY_FILE" | "NOT_A_PDF" | "TOO_LARGE" | "ENCRYPTED_PDF" | "BROKEN_PDF" | "TOO_MANY_PAGES";

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
