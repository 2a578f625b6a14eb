import { OpenAPIHono } from "@hono/zod-openapi";
import { Scalar } from "@scalar/hono-api-reference";
import { bodyLimit } from "hono/body-limit";
import type { HonoEnv } from "./env";
import { ApiError, handleValidationHook, renderError } from "./errors/api-error";
import { forgetReferenceData } from "./claims/health/reference-cache";
import { requestContext } from "./middleware/request-context";
import { registerAuthRoutes } from "./routes/auth";
import { registerClaimRoutes } from "./routes/claims";
import { MAX_CSV_BYTES } from "./routes/codes/code-set/import/post";
import { registerCodeRoutes } from "./routes/codes";
import { registerFraudScoreRoutes } from "./routes/fraud/score/post";
import { registerModelRoutes } from "./routes/models";
import { registerMemberRoutes } from "./routes/members";
import { registerProviderRoutes } from "./routes/providers";
import { registerPolicyRoutes } from "./routes/policies/import/post";
import { MAX_DOCUMENT_BYTES } from "./routes/claims/upload/post";
import { MAX_VALIDATE_BODY } from "./routes/claims/validate/post";
import { registerHealth } from "./routes/health/get";
import { knownRoutes, notFoundHandler } from "./errors/not-found";

export const API_PREFIX = "/api/v1";
const JSON_BODY_LIMIT = 1024 * 1024;

/** Bodies larger than JSON_BODY_LIMIT are accepted only where a route expects files. */
const BODY_LIMITS: [RegExp, number][] = [
  [/\/(codes\/[a-z]+|policies)\/import$/, MAX_CSV_BYTES],
  // The PDF limit itself is checked by the route (413 with the reason); allow the multipart overhead.
  [/\/claims\/upload$/, MAX_DOCUMENT_BYTES + 1024 * 1024],
  [/\/claims\/validate$/, MAX_VALIDATE_BODY],
];

const bodySizeLimit = (path: string) => BODY_LIMITS.find(([pattern]) => pattern.test(path))?.[1] ?? JSON_BODY_LIMIT;

const newApp = () => new OpenAPIHono<HonoEnv>({ defaultHook: handleValidationHook });

export function createApp() {
  const app = newApp();
  app.use("*", requestContext);
  app.use(`${API_PREFIX}/*`, (c, next) => {
    const maxSize = bodySizeLimit(c.req.path);
    return bodyLimit({
      maxSize,
      onError: () => {
        throw new ApiError("PAYLOAD_TOO_LARGE", `Request body exceeds ${maxSize} bytes`);
      },
    })(c, next);
  });

  // A change to providers, codes or rules is seen at once by the health claims of this isolate.
  for (const path of ["/providers", "/providers/*", "/codes/*"]) {
    app.use(`${API_PREFIX}${path}`, async (c, next) => {
      await next();
      if (c.req.method !== "GET") forgetReferenceData();
    });
  }

  const api = newApp();
  registerAuthRoutes(api);
  registerClaimRoutes(api);
  registerMemberRoutes(api);
  registerProviderRoutes(api);
  registerCodeRoutes(api);
  registerPolicyRoutes(api);
  registerFraudScoreRoutes(api);
  registerModelRoutes(api);
  registerHealth(api);

  registerHealth(app);
  app.route(API_PREFIX, api);

  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
  });
  app.doc31(`${API_PREFIX}/openapi.json`, (c) => ({
    openapi: "3.1.0",
    info: {
      title: "ClaimsEdge API",
      version: c.env.APP_VERSION,
      description: "Insurance claims at the edge: health claims, damage photos, claim documents, fraud scoring.",
    },
    servers: [{ url: new URL(c.req.url).origin }],
  }));
  app.get("/docs", Scalar({ url: `${API_PREFIX}/openapi.json`, pageTitle: "ClaimsEdge API" }));

  let routes: ReturnType<typeof knownRoutes> | undefined;
  app.notFound(notFoundHandler(() => (routes ??= knownRoutes(app))));
  app.onError(renderError);
  return app;
}
