import { ERROR_STATUS, type ErrorStatus } from "./codes";
import { errorBodySchemaFor } from "./error-body";

export type ErrorDescriptions = Partial<Record<ErrorStatus, string>>;

const STATUSES = [...new Set(Object.values(ERROR_STATUS))];
const SCHEMAS = new Map(STATUSES.map((status) => [status, errorBodySchemaFor(status)]));

/** A route's error responses for the OpenAPI document: each status with its own body schema. */
export function errorResponses(descriptions: ErrorDescriptions) {
  return Object.fromEntries(
    Object.entries(descriptions).map(([status, description]) => [
      Number(status),
      { description, content: { "application/json": { schema: SCHEMAS.get(Number(status) as ErrorStatus)! } } },
    ]),
  ) as Record<
    ErrorStatus,
    { description: string; content: { "application/json": { schema: ReturnType<typeof errorBodySchemaFor> } } }
  >;
}
