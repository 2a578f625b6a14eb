import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import { fhirPath, issueTypeForStatus, type OutcomeIssue, operationOutcome } from "../../domain/fhir/operation-outcome";
import type { HonoEnv } from "../../env";
import { ApiError } from "../../errors/api-error";

export const FHIR_PATH_PREFIX = "/api/v1/fhir";
export const FHIR_JSON = "application/fhir+json; charset=utf-8";
const MAX_REPORTED_ISSUES = 50;

/** An error on the FHIR routes that carries its own OperationOutcome issues. */
export class FhirError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly issues: OutcomeIssue[],
  ) {
    super(issues[0]?.diagnostics ?? "FHIR request refused");
    this.name = "FhirError";
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
): void {
  if (result.success) return;
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
  throw new FhirError(400, issues);
}

const HTTP_EXCEPTION_MESSAGES: Record<number, string> = {
  400: "Malformed request body: expected a FHIR resource in JSON",
  401: "Authentication required",
  413: "Request body too large",
  415: "Unsupported media type: send application/fhir+json (or application/json)",
};

/** Anything thrown on a FHIR route, as an OperationOutcome with the right HTTP status. */
export function renderFhirError(err: unknown, c: Context<HonoEnv>): Response {
  if (err instanceof FhirError) return fhirResponse(c, operationOutcome(err.issues), err.status);
  if (err instanceof ApiError) {
    if (err.headers) for (const [name, value] of Object.entries(err.headers)) c.header(name, value);
    const issue: OutcomeIssue = {
      severity: "error",
      code: issueTypeForStatus(err.status),
      diagnostics: err.message,
      apiErrorCode: err.code,
    };
    return fhirResponse(c, operationOutcome([issue]), err.status);
  }
  if (err instanceof HTTPException && HTTP_EXCEPTION_MESSAGES[err.status]) {
    const status = err.status as ContentfulStatusCode;
    return fhirResponse(
      c,
      operationOutcome([
        { severity: "error", code: issueTypeForStatus(status), diagnostics: HTTP_EXCEPTION_MESSAGES[status]! },
      ]),
      status,
    );
  }
  console.error(
    JSON.stringify({
      level: "error",
      request_id: c.get("requestId"),
      error: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err),
    }),
  );
  return fhirResponse(
    c,
    operationOutcome([
      {
        severity: "fatal",
        code: "exception",
        diagnostics: "An unexpected error occurred",
        apiErrorCode: "INTERNAL_ERROR",
      },
    ]),
    500,
  );
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
    const body = (await response.clone().json()) as { error?: { code?: string; message?: string } };
    const status = response.status as ContentfulStatusCode;
    const allow = response.headers.get("allow");
    if (allow) c.header("Allow", allow);
    const issue: OutcomeIssue = {
      severity: "error",
      code: issueTypeForStatus(status),
      diagnostics: body.error?.message ?? `No FHIR interaction for ${c.req.method} ${c.req.path}`,
      ...(body.error?.code ? { apiErrorCode: body.error.code } : {}),
    };
    return fhirResponse(c, operationOutcome([issue]), status);
  };
