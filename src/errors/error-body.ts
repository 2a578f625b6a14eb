import { z } from "@hono/zod-openapi";
import { codesWithStatus, ERROR_CODES, type ErrorCode, type ErrorStatus } from "./codes";

export const errorCodeSchema = z.enum(ERROR_CODES).openapi("ErrorCode");

const errorBodyWith = (code: z.ZodType<ErrorCode>) =>
  z.object({
    error: z.object({
      code,
      message: z.string().openapi({ example: "Claim not found" }),
      details: z
        .unknown()
        .optional()
        .openapi({ description: "Machine-readable specifics: failing fields, limits, ids" }),
      feedback: z
        .string()
        .optional()
        .openapi({ description: "QUALITY_TOO_LOW: one line of guidance for a better photo" }),
      request_id: z.string().openapi({ description: "The same id as the X-Request-Id header" }),
    }),
    timestamp: z.string().openapi({ example: "2026-01-01T00:00:00.000Z" }),
  });

/** Any error body, whatever its status. */
export const errorBodySchema = errorBodyWith(errorCodeSchema).openapi("Error");

export type ErrorBody = z.infer<typeof errorBodySchema>;

const SCHEMA_NAMES: Record<ErrorStatus, string> = {
  400: "BadRequestError",
  401: "UnauthorizedError",
  403: "ForbiddenError",
  404: "NotFoundError",
  405: "MethodNotAllowedError",
  409: "ConflictError",
  412: "PreconditionFailedError",
  413: "PayloadTooLargeError",
  415: "UnsupportedMediaTypeError",
  422: "UnprocessableError",
  429: "RateLimitedError",
  500: "InternalServerError",
};

/** The body of one status's errors: its `code` is one of the codes that come with that status. */
export const errorBodySchemaFor = (status: ErrorStatus) =>
  errorBodyWith(z.enum(codesWithStatus(status))).openapi(SCHEMA_NAMES[status]);

export function errorBody(
  requestId: string,
  code: ErrorCode,
  message: string,
  options: { details?: unknown; feedback?: string } = {},
): ErrorBody {
  return {
    error: {
      code,
      message,
      ...(options.details === undefined ? {} : { details: options.details }),
      ...(options.feedback === undefined ? {} : { feedback: options.feedback }),
      request_id: requestId,
    },
    timestamp: new Date().toISOString(),
  };
}
