import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { HTTPException } from "hono/http-exception";
import { z } from "@hono/zod-openapi";
import type { ZodError } from "zod";

export const ERROR_STATUS = {
  VALIDATION_ERROR: 400,
  INVALID_IMAGE: 400,
  INVALID_IMAGE_FORMAT: 400,
  QUALITY_TOO_LOW: 400,
  INVALID_DOCUMENT: 422,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CLAIM_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  INFERENCE_ERROR: 500,
  STORAGE_ERROR: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The one error type: handlers throw it, `onError` renders it. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  readonly headers?: Record<string, string>;
  readonly extra?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: unknown; headers?: Record<string, string>; extra?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.details = options.details;
    this.headers = options.headers;
    this.extra = options.extra;
  }

  get status(): ContentfulStatusCode {
    return ERROR_STATUS[this.code];
  }
}

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "CLAIM_NOT_FOUND" }),
      message: z.string().openapi({ example: "Claim not found" }),
      details: z.unknown().optional(),
    }),
    timestamp: z.string().openapi({ example: "2026-01-01T00:00:00.000Z" }),
  })
  .openapi("Error");

export type ErrorBody = z.infer<typeof errorBodySchema>;

export function errorBody(code: string, message: string, details?: unknown, extra?: Record<string, unknown>) {
  return {
    error: { code, message, ...(details === undefined ? {} : { details }), ...extra },
    timestamp: new Date().toISOString(),
  };
}

export function validationError(error: ZodError, where = "body"): ApiError {
  const issues = error.issues.map((issue) => ({
    path: [where, ...issue.path].join("."),
    message: issue.message,
    code: issue.code,
  }));
  const first = issues[0];
  return new ApiError("VALIDATION_ERROR", first ? `Invalid ${first.path}: ${first.message}` : "Invalid request", {
    details: { issues },
  });
}

/** @hono/zod-openapi's defaultHook: a failed request validation becomes our 400. */
export function handleValidationHook(
  result: { success: true } | { success: false; error: ZodError; target?: string },
): void {
  if (!result.success) throw validationError(result.error, result.target === "json" ? "body" : result.target);
}

// Hono and its validators throw these before our handlers run.
const HTTP_EXCEPTIONS: Record<number, { code: ErrorCode; message: string }> = {
  400: { code: "VALIDATION_ERROR", message: "Malformed request body: expected valid JSON" },
  401: { code: "UNAUTHORIZED", message: "Authentication required" },
  413: { code: "PAYLOAD_TOO_LARGE", message: "Request body too large" },
  415: { code: "UNSUPPORTED_MEDIA_TYPE", message: "Unsupported media type: expected application/json" },
};

/** Everything thrown anywhere ends up here as the JSON error shape. */
export function renderError(err: unknown, c: Context): Response {
  if (err instanceof ApiError) {
    if (err.headers) for (const [name, value] of Object.entries(err.headers)) c.header(name, value);
    return c.json(errorBody(err.code, err.message, err.details, err.extra), err.status);
  }
  if (err instanceof HTTPException) {
    const known = HTTP_EXCEPTIONS[err.status];
    if (!known) return internal(err, c);
    return c.json(errorBody(known.code, known.message), ERROR_STATUS[known.code]);
  }
  return internal(err, c);
}

function internal(err: unknown, c: Context): Response {
  console.error(
    JSON.stringify({
      level: "error",
      request_id: c.get("requestId"),
      error: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err),
    }),
  );
  return c.json(errorBody("INTERNAL_ERROR", "An unexpected error occurred"), 500);
}
