import type { z } from "@hono/zod-openapi";

/** A required JSON request body. */
export const jsonBody = <S extends z.ZodType>(schema: S) => ({
  required: true,
  content: { "application/json": { schema } },
});

/** A JSON response. */
export const jsonResponse = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** A file in a request or response, for the OpenAPI document (read from the raw body or the form). */
export const binaryFile = { type: "string", format: "binary" } as const;
