/** Error codes the photo pipeline can raise (seed 002 + DESIGN.md); the API's ApiError maps them to HTTP. */
export type PhotoErrorCode =
  | "VALIDATION_ERROR"
  | "INVALID_IMAGE"
  | "INVALID_IMAGE_FORMAT"
  | "PAYLOAD_TOO_LARGE"
  | "QUALITY_TOO_LOW";

/** HTTP status each code maps to (seed 002's table; 413 for PAYLOAD_TOO_LARGE). */
export const PHOTO_ERROR_STATUS: Record<PhotoErrorCode, 400 | 413> = {
  VALIDATION_ERROR: 400,
  INVALID_IMAGE: 400,
  INVALID_IMAGE_FORMAT: 400,
  PAYLOAD_TOO_LARGE: 413,
  QUALITY_TOO_LOW: 400,
};

export interface PhotoRejection {
  code: PhotoErrorCode;
  message: string;
  details?: Record<string, unknown>;
  /** QUALITY_TOO_LOW only: seed 002 puts a one-line `feedback` beside `details` in the error object. */
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
