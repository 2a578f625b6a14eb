/** Error codes the photo pipeline can raise; they are codes of the API's error vocabulary (src/errors/codes.ts). */
export type PhotoErrorCode =
  | "VALIDATION_ERROR"
  | "INVALID_IMAGE"
  | "INVALID_IMAGE_FORMAT"
  | "PAYLOAD_TOO_LARGE"
  | "QUALITY_TOO_LOW";

export interface PhotoRejection {
  code: PhotoErrorCode;
  message: string;
  details?: Record<string, unknown>;
  /** QUALITY_TOO_LOW only: a one-line `feedback` beside `details` in the error object. */
  feedback?: string;
}

export type PhotoResult<T> = { ok: true; value: T } | { ok: false; error: PhotoRejection };

export const ok = <T>(value: T): PhotoResult<T> => ({ ok: true, value });

export const reject = <T = never>(
  code: PhotoErrorCode,
  message: string,
  details?: Record<string, unknown>,
): PhotoResult<T> => ({ ok: false, error: details ? { code, message, details } : { code, message } });

/** Thrown by the workerd plumbing (decode) so a route can map it like any other PhotoRejection. */
export class PhotoError extends Error {
  readonly code: PhotoErrorCode;
  readonly details?: Record<string, unknown>;
  readonly feedback?: string;
  constructor(rejection: PhotoRejection) {
    super(rejection.message);
    this.name = "PhotoError";
    this.code = rejection.code;
    this.details = rejection.details;
    this.feedback = rejection.feedback;
  }
}
