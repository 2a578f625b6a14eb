import { OpenAPIHono } from "@hono/zod-openapi";
import { Scalar } from "@scalar/hono-api-reference";
import { bodyLimit } from "hono/body-limit";
import type { HonoEnv } from "./env";
import { ApiError, handleValidationHook, renderError } from "./errors";
import { requestContext } from "./middleware/request-context";
import { registerAuthRoutes } from "./routes/auth";
import { registerHealth } from "./routes/system/health";
import { knownRoutes, notFoundHandler } from "./routes/system/not-found";

export const API_PREFIX = "/api/v1";
const JSON_BODY_LIMIT = 1024 * 1024;

const newApp = () => new OpenAPIHono<HonoEnv>({ defaultHook: handleValidationHook });

export function createApp() {
  const app = newApp();
  app.use("*", requestContext);
  app.use(
    `${API_PREFIX}/*`,
    bodyLimit({
      maxSize: JSON_BODY_LIMIT,
      onError: () => {
        throw new ApiError("PAYLOAD_TOO_LARGE", `Request body exceeds ${JSON_BODY_LIMIT} bytes`);
      },
    }),
  );

  const api = newApp();
  registerAuthRoutes(api);
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
