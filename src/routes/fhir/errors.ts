import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import { fhirPath, issueTypeForStatus, type OutcomeIssue, operationOutcome } from "../../domain/fhir/operation-outcome";
import type { HonoEnv } from "../../env";
import { ApiError } from "../../errors/api-error";
import type { ErrorCode } from "../../errors/codes";
import { errorBodySchema } from "../../errors/error-body";
import { asApiError } from "../../errors/handlers";

export const FHIR_PATH_PREFIX = "/api/v1/fhir";
export const FHIR_JSON = "application/fhir+json; charset=utf-8";
const MAX_REPORTED_ISSUES = 50;

/** An ApiError that names its FHIR elements: rendered as these OperationOutcome issues, its code giving the status. */
export class FhirError extends ApiError {
  readonly issues: OutcomeIssue[];

  constructor(code: ErrorCode, issues: OutcomeIssue[]) {
    super(code, issues[0]?.diagnostics ?? "FHIR request refused", { details: { issues } });
    this.name = "FhirError";
    this.issues = issues;
  }
}

export const isFhirPath = (path: string) => path === FHIR_PATH_PREFIX || path.startsWith(`${FHIR_PATH_PREFIX}/`);

/** A FHIR resource as the response body, with FHIR's media type. */
export function fhirResponse(c: Context, resource: unknown, status: ContentfulStatusCode): Response {
  return c.body(JSON.stringify(resource), status, { "content-type": FHIR_JSON });
}

/** Every JSON answer on the FHIR routes carries FHIR's media type (an idempotent replay included). */
export const fhirMediaType = createMiddleware<HonoEnv>(async (c, next) => {
  await next();
  if (c.res.headers.get("content-type")?.startsWith("application/json")) c.res.headers.set("content-type", FHIR_JSON);
});

/** The defaultHook of the FHIR routes: a resource that fails its schema is a 400 OperationOutcome naming each element. */
export function fhirValidationHook(
  result: { success: true } | { success: false; error: ZodError; target?: string },
): undefined {
  if (result.success) return undefined;
  const resourceType = result.target === "json" ? "Claim" : (result.target ?? "request");
  const issues = result.error.issues.slice(0, MAX_REPORTED_ISSUES).map(
    (issue): OutcomeIssue => ({
      severity: "error",
      code:
        issue.code === "invalid_type" && /received undefined/.test(issue.message)
          ? "required"
          : issue.path.length === 0
            ? "structure"
            : "value",
      diagnostics: `${fhirPath(resourceType, issue.path)}: ${issue.message}`,
      expression: [fhirPath(resourceType, issue.path)],
    }),
  );
  throw new FhirError("VALIDATION_ERROR", issues);
}

// Hono's own refusals, worded for FHIR clients (the API's wording names plain JSON).
const FHIR_HTTP_EXCEPTIONS: Record<number, () => ApiError> = {
  400: () => new ApiError("VALIDATION_ERROR", "Malformed request body: expected a FHIR resource in JSON"),
  415: () =>
    new ApiError("UNSUPPORTED_MEDIA_TYPE", "Unsupported media type: send application/fhir+json (or application/json)"),
};

/** An error as OperationOutcome issues, each carrying the API's error code. */
function outcomeIssues(error: ApiError): OutcomeIssue[] {
  const issues: OutcomeIssue[] =
    error instanceof FhirError
      ? error.issues
      : [
          {
            severity: error.status >= 500 ? "fatal" : "error",
            code: issueTypeForStatus(error.status),
            diagnostics: error.message,
          },
        ];
  return issues.map((issue) => ({ apiErrorCode: error.code, ...issue }));
}

/** Anything thrown on a FHIR route, as an OperationOutcome with the status of its error code and the request id. */
export function renderFhirError(err: unknown, c: Context<HonoEnv>): Response {
  const fhirWording = err instanceof HTTPException ? FHIR_HTTP_EXCEPTIONS[err.status] : undefined;
  const error = fhirWording ? fhirWording() : asApiError(err, c);
  if (error.headers) for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
  return fhirResponse(c, operationOutcome(outcomeIssues(error), c.get("requestId")), error.status);
}

/** The app's error handler, answering in OperationOutcome on the FHIR paths (errors raised before a FHIR route runs). */
export const withFhirErrors =
  (render: ErrorHandler<HonoEnv>): ErrorHandler<HonoEnv> =>
  (err, c) =>
    isFhirPath(c.req.path) ? renderFhirError(err, c) : render(err, c);

/** The app's not-found handler, answering in OperationOutcome on the FHIR paths (404, or 405 with Allow). */
export const withFhirNotFound =
  (notFound: NotFoundHandler<HonoEnv>): NotFoundHandler<HonoEnv> =>
  async (c) => {
    const response = await notFound(c);
    if (!isFhirPath(c.req.path)) return response;
    const parsed = errorBodySchema.safeParse(await response.clone().json());
    const error = parsed.success
      ? new ApiError(parsed.data.error.code, parsed.data.error.message)
      : new ApiError("NOT_FOUND", `No FHIR interaction for ${c.req.method} ${c.req.path}`);
    const allow = response.headers.get("allow");
    if (allow) c.header("Allow", allow);
    return fhirResponse(c, operationOutcome(outcomeIssues(error), c.get("requestId")), error.status);
  };
