import { ERROR_STATUS, type ErrorCode, type ErrorStatus } from "./codes";

export interface ApiErrorOptions {
  /** Machine-readable specifics: the failing fields, the limit, the conflicting id. */
  details?: unknown;
  /** One line of guidance for the client (a photo refused for its quality). */
  feedback?: string;
  headers?: Record<string, string>;
}

/** The one error type: handlers throw it, the app's `onError` renders it. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  readonly feedback?: string;
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, message: string, options: ApiErrorOptions = {}) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.details = options.details;
    this.feedback = options.feedback;
    this.headers = options.headers;
  }

  get status(): ErrorStatus {
    return ERROR_STATUS[this.code];
  }
}
