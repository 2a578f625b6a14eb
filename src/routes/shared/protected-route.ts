import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { authenticate, requireRole } from "../../auth/middleware";
import { ROLES, type Role } from "../../db/schema";
import type { HonoEnv } from "../../env";
import { type ErrorDescriptions, errorResponses } from "../../errors/responses";
import { JSON_BODY_LIMIT, limitBody } from "../../middleware/body-limit";
import { type RateLimitDeclaration, rateLimitDescription, rateLimited } from "../../middleware/rate-limit";
import { timedPhase } from "../../middleware/server-timing";

type RouteMiddleware = MiddlewareHandler<HonoEnv>;

/** What a route file states: method, path, request, success responses, and what is particular to it. */
export type RouteDeclaration = Omit<RouteConfig, "middleware" | "security"> & {
  /** Error statuses this route answers with beyond the ones the helper adds, each with why. */
  errors?: ErrorDescriptions;
  /** The largest request body in bytes (default JSON_BODY_LIMIT). */
  bodyLimit?: number;
  /** Runs after authentication and the role check (e.g. idempotency, cache invalidation). */
  middleware?: RouteMiddleware[];
  /** Expensive or public-creating work: counted per user and per client address, 429 + Retry-After beyond. */
  rateLimit?: RateLimitDeclaration;
};

export type ProtectedRouteDeclaration = RouteDeclaration & {
  /** The roles that may call the route; anyone else gets 403 (no token: 401). */
  roles: readonly Role[];
  /** Replaces the bearer-token check for a route that also accepts another credential (a stream ticket). */
  authentication?: RouteMiddleware;
};

type Declared<D extends RouteDeclaration> = Omit<
  D,
  "errors" | "bodyLimit" | "middleware" | "roles" | "authentication" | "rateLimit"
> & {
  middleware: RouteMiddleware[];
  getRoutingPath(): string;
};

/** The error responses every route of this shape can give. */
function commonErrors(config: RouteDeclaration, maxBytes: number): ErrorDescriptions {
  const request = config.request;
  const validated = Boolean(request?.params || request?.query || request?.headers || request?.body);
  const json = Boolean(request?.body?.content["application/json"]);
  return {
    ...(validated ? { 400: "The request failed validation (VALIDATION_ERROR, with the failing fields)" } : {}),
    ...(request?.body ? { 413: `Body larger than ${maxBytes} bytes` } : {}),
    ...(json ? { 415: "The body is not JSON" } : {}),
    500: "Unexpected error (INTERNAL_ERROR); the request id identifies it in the logs",
  };
}

function declare<D extends RouteDeclaration>(
  declaration: D,
  auth: { roles: readonly Role[]; authentication?: RouteMiddleware } | null,
): Declared<D> {
  const { errors, bodyLimit, middleware = [], rateLimit, responses, ...config } = declaration;
  const maxBytes = bodyLimit ?? JSON_BODY_LIMIT;
  const everyRole = auth !== null && ROLES.every((role) => auth.roles.includes(role));
  const authErrors: ErrorDescriptions = auth
    ? {
        401: "Missing, malformed, expired or invalid bearer token",
        ...(everyRole ? {} : { 403: `Only ${auth.roles.join(", ")} may call this route` }),
      }
    : {};
  const guards: RouteMiddleware[] = auth
    ? [timedPhase("auth", auth.authentication ?? authenticate), ...(everyRole ? [] : [requireRole(...auth.roles)])]
    : [];
  const route = createRoute({
    ...config,
    ...(auth
      ? {
          security: [{ bearerAuth: [] }],
          "x-roles": [...auth.roles],
          description: [config.description, `Roles: ${auth.roles.join(", ")}.`].filter(Boolean).join("\n\n"),
        }
      : {}),
    ...(rateLimit ? { "x-rate-limit": { family: rateLimit.family, tier: rateLimit.tier } } : {}),
    middleware: [
      limitBody(maxBytes),
      ...guards,
      ...(rateLimit ? [timedPhase("ratelimit", rateLimited(rateLimit))] : []),
      ...middleware,
    ],
    responses: {
      ...responses,
      ...errorResponses({
        ...commonErrors(declaration, maxBytes),
        ...authErrors,
        ...(rateLimit ? { 429: rateLimitDescription(rateLimit) } : {}),
        ...errors,
      }),
    },
  });
  return route as unknown as Declared<D>;
}

/**
 * The way to add an endpoint that needs a caller: bearer security, authentication, the role
 * check, the body limit and every error response in the OpenAPI document come from here, so a
 * route file states only what is particular to it.
 */
export function protectedRoute<D extends ProtectedRouteDeclaration>(declaration: D): Declared<D> {
  const { roles, authentication, ...rest } = declaration;
  return declare(rest as unknown as D, { roles, authentication });
}

/** An endpoint anyone may call (login, health): the same body limit and error responses, no auth. */
export function publicRoute<D extends RouteDeclaration>(declaration: D): Declared<D> {
  return declare(declaration, null);
}
