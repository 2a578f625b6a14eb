// Checks return every problem at once so a route or a Workflow step can answer one VALIDATION_ERROR.

/** One thing wrong with an input: where, a stable code, and a sentence for the caller. */
export interface InputProblem {
  path: string;
  code: string;
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

export const accepted = <T>(value: T): Checked<T> => ({ ok: true, value });

export const refused = <T = never>(problems: InputProblem[]): Checked<T> => ({ ok: false, problems });

/** The largest amount any settlement figure may hold: $100,000,000, far above any car, far below integer overflow. */
export const MAX_AMOUNT_CENTS = 10_000_000_000;

/** A problem when `value` is not a whole number of cents between 0 and MAX_AMOUNT_CENTS. */
export function amountProblem(path: string, value: unknown): InputProblem | undefined {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    return { path, code: "NOT_CENTS", message: `${path} must be a whole number of cents` };
  }
  if (value < 0) return { path, code: "NEGATIVE_AMOUNT", message: `${path} must not be negative` };
  if (value > MAX_AMOUNT_CENTS)
    return { path, code: "AMOUNT_TOO_LARGE", message: `${path} must not exceed ${MAX_AMOUNT_CENTS} cents` };
  return undefined;
}

/** A problem when `value` is not a non-blank string of at most `maxLength` characters. */
export function textProblem(path: string, value: unknown, maxLength: number): InputProblem | undefined {
  if (typeof value !== "string" || value.trim() === "")
    return { path, code: "REQUIRED", message: `${path} is required` };
  if (value.length > maxLength)
    return { path, code: "TOO_LONG", message: `${path} must be at most ${maxLength} characters` };
  return undefined;
}

/** Longest stay any rental or repair figure may hold. */
export const MAX_DAYS = 365;

export const daysProblem = (path: string, value: unknown): InputProblem | undefined =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_DAYS
    ? undefined
    : { path, code: "INVALID_DAYS", message: `${path} must be a whole number of days from 0 to ${MAX_DAYS}` };

/** The one problem of an input that is not an object at all. */
export const notAnObject = (path: string): InputProblem => ({
  path,
  code: "REQUIRED",
  message: `${path} must be an object`,
});

export const isObject = (value: unknown): value is object => typeof value === "object" && value !== null;

export const present = <T>(items: (T | undefined)[]): T[] => items.filter((item): item is T => item !== undefined);
