import { errorBodySchema } from "../../errors/api-error";

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: errorBodySchema } },
});

/** The error responses every authenticated route can give, for the OpenAPI document. */
export const authErrors = {
  401: errorResponse("Missing, malformed, expired or invalid token"),
  403: errorResponse("The caller's role may not use this route"),
} as const;

export const validationErrors = {
  400: errorResponse("The request failed validation"),
  415: errorResponse("The body is not JSON"),
} as const;

export { errorResponse };

export const bearerSecurity = [{ bearerAuth: [] }];
