import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ZodError } from "zod";
import type { HonoEnv } from "../env";
import { ApiError, type ApiErrorOptions } from "./api-error";
import { ERROR_STATUS, type ErrorCode } from "./codes";
import { errorBody } from "./error-body";

/** Answers with the one error shape; the body's request_id is the X-Request-Id header's. */
export function errorResponse(
  c: Context<HonoEnv>,
  code: ErrorCode,
  message: string,
  options: ApiErrorOptions = {},
): Response {
  if (options.headers) for (const [name, value] of Object.entries(options.headers)) c.header(name, value);
  return c.json(errorBody(c.get("requestId"), code, message, options), ERROR_STATUS[code]);
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

/** Anything thrown, as the ApiError it answers with; an unexpected one is logged and becomes INTERNAL_ERROR. */
export function asApiError(err: unknown, c: Context<HonoEnv>): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof HTTPException) {
    const known = HTTP_EXCEPTIONS[err.status];
    if (known) return new ApiError(known.code, known.message);
  }
  console.error(
    JSON.stringify({
      level: "error",
      request_id: c.get("requestId"),
      error: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err),
    }),
  );
  return new ApiError("INTERNAL_ERROR", "An unexpected error occurred");
}

/** The app's onError: everything thrown anywhere ends up as the JSON error shape. */
export function renderError(err: unknown, c: Context<HonoEnv>): Response {
  const error = asApiError(err, c);
  return errorResponse(c, error.code, error.message, error);
}
