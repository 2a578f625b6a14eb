import { ERROR_STATUS, type ErrorStatus } from "./codes";
import { errorBodySchemaFor } from "./error-body";

export type ErrorDescriptions = Partial<Record<ErrorStatus, string>>;

const STATUSES = [...new Set(Object.values(ERROR_STATUS))];
const SCHEMAS = new Map(STATUSES.map((status) => [status, errorBodySchemaFor(status)]));

/** Every 429 says when to come back. */
const RETRY_AFTER = {
  "Retry-After": { description: "Seconds to wait before trying again", schema: { type: "integer" as const } },
};

/** A route's error responses for the OpenAPI document: each status with its own body schema. */
export function errorResponses(descriptions: ErrorDescriptions) {
  return Object.fromEntries(
    Object.entries(descriptions).map(([status, description]) => [
      Number(status),
      {
        description,
        content: { "application/json": { schema: SCHEMAS.get(Number(status) as ErrorStatus)! } },
        ...(Number(status) === 429 ? { headers: RETRY_AFTER } : {}),
      },
    ]),
  ) as Record<
    ErrorStatus,
    { description: string; content: { "application/json": { schema: ReturnType<typeof errorBodySchemaFor> } } }
  >;
}
