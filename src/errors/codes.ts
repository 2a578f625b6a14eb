import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Every error code the API answers with, and the one HTTP status each code comes with. */
export const ERROR_STATUS = {
  VALIDATION_ERROR: 400,
  INVALID_IMAGE: 400,
  INVALID_IMAGE_FORMAT: 400,
  QUALITY_TOO_LOW: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CLAIM_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID_DOCUMENT: 422,
  UNPROCESSABLE_CLAIM: 422,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  INFERENCE_ERROR: 500,
  STORAGE_ERROR: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type ErrorStatus = (typeof ERROR_STATUS)[ErrorCode];

export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

/** The codes that come with one status (e.g. 404: NOT_FOUND, CLAIM_NOT_FOUND). */
export const codesWithStatus = (status: ErrorStatus): [ErrorCode, ...ErrorCode[]] =>
  ERROR_CODES.filter((code) => ERROR_STATUS[code] === status) as [ErrorCode, ...ErrorCode[]];
