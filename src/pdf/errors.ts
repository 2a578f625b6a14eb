// Why an uploaded file is refused before it is stored. The upload route maps these codes
// to 4xx responses (see `httpStatusFor`).

export type PdfRejection =
  | "EMPTY_FILE"
  | "NOT_A_PDF"
  | "TOO_LARGE"
  | "ENCRYPTED_PDF"
  | "BROKEN_PDF"
  | "TOO_MANY_PAGES";

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

/** Suggested HTTP status for each rejection. */
export function httpStatusFor(code: PdfRejection): 400 | 413 | 415 | 422 {
  switch (code) {
    case "TOO_LARGE":
      return 413;
    case "NOT_A_PDF":
      return 415;
    case "EMPTY_FILE":
      return 400;
    default:
      return 422;
  }
}
