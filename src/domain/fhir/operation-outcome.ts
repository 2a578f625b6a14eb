import { API_ERROR_SYSTEM, REQUEST_ID_EXTENSION } from "./code-systems";

/** FHIR R4 IssueType codes this service reports (https://hl7.org/fhir/R4/valueset-issue-type.html). */
export type IssueType =
  | "invalid"
  | "structure"
  | "required"
  | "value"
  | "security"
  | "login"
  | "forbidden"
  | "not-supported"
  | "business-rule"
  | "conflict"
  | "duplicate"
  | "not-found"
  | "too-long"
  | "too-costly"
  | "throttled"
  | "exception";

export interface OutcomeIssue {
  severity: "fatal" | "error" | "warning" | "information";
  code: IssueType;
  diagnostics: string;
  /** FHIRPath of the element the issue is about, e.g. "Claim.item[0].net.value". */
  expression?: string[];
  /** The API's own error code, for clients that handle both shapes. */
  apiErrorCode?: string;
}

export interface OperationOutcome {
  resourceType: "OperationOutcome";
  extension?: { url: string; valueString: string }[];
  issue: {
    severity: OutcomeIssue["severity"];
    code: IssueType;
    details?: { coding: { system: string; code: string }[]; text: string };
    diagnostics: string;
    expression?: string[];
  }[];
}

/** An OperationOutcome of `issues`; `requestId` (the X-Request-Id) rides along as an extension. */
export function operationOutcome(issues: OutcomeIssue[], requestId?: string): OperationOutcome {
  return {
    resourceType: "OperationOutcome",
    ...(requestId ? { extension: [{ url: REQUEST_ID_EXTENSION, valueString: requestId }] } : {}),
    issue: issues.map((issue) => ({
      severity: issue.severity,
      code: issue.code,
      ...(issue.apiErrorCode
        ? { details: { coding: [{ system: API_ERROR_SYSTEM, code: issue.apiErrorCode }], text: issue.diagnostics } }
        : {}),
      diagnostics: issue.diagnostics,
      ...(issue.expression && issue.expression.length > 0 ? { expression: issue.expression } : {}),
    })),
  };
}

/** The IssueType for an HTTP error status, where no finer one is known. */
export function issueTypeForStatus(status: number): IssueType {
  switch (status) {
    case 400:
      return "invalid";
    case 401:
      return "login";
    case 403:
      return "forbidden";
    case 404:
      return "not-found";
    case 405:
    case 406:
    case 415:
      return "not-supported";
    case 409:
      return "conflict";
    case 413:
      return "too-long";
    case 422:
      return "business-rule";
    case 429:
      return "throttled";
    default:
      return status >= 500 ? "exception" : "invalid";
  }
}

/** "Claim.item[0].net.value" from a validation path such as ["item", 0, "net", "value"]. */
export function fhirPath(resourceType: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (expression, key) => (typeof key === "number" ? `${expression}[${key}]` : `${expression}.${String(key)}`),
    resourceType,
  );
}
