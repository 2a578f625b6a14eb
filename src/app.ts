import { DOCS_CSP, DOCS_INIT_PATH, docsInitScript, docsPageHtml } from "./docs/api-reference-page";
import { errorBodySchema } from "./errors/error-body";
import { renderError } from "./errors/handlers";
import { knownRoutes, notFoundHandler } from "./errors/not-found";
import { asyncApiDocument } from "./events/asyncapi";
import { REACTORS } from "./events/reactors";
import { corsAllowList } from "./middleware/cors";
import { requestContext } from "./middleware/request-context";
import { securityHeaders } from "./middleware/security-headers";
import { serverTiming } from "./middleware/server-timing";
import { newApi } from "./routes/api";
import { registerAuthRoutes } from "./routes/auth";
import { registerClaimRoutes } from "./routes/claims";
import { registerCodeRoutes } from "./routes/codes";
import { registerCustomerRoutes } from "./routes/customers";
import { registerListOutbox } from "./routes/dev/outbox/list";
import { registerEventRoutes } from "./routes/events";
import { registerFhirRoutes } from "./routes/fhir";
import { withFhirErrors, withFhirNotFound } from "./routes/fhir/errors";
import { registerFnolRoutes } from "./routes/fnol";
import { registerFraudRoutes } from "./routes/fraud";
import { registerGetHealth } from "./routes/health/get";
import { registerMemberRoutes } from "./routes/members";
import { registerModelRoutes } from "./routes/models";
import { registerPolicyRoutes } from "./routes/policies";
import { registerProviderRoutes } from "./routes/providers";
import { registerReportRoutes } from "./routes/reports";
import { registerGetEventReport } from "./routes/reports/events/get";
import { registerUploadRoutes } from "./routes/uploads";
import { registerUserRoutes } from "./routes/users";
import { registerVendorRoutes } from "./routes/vendors";

export const API_PREFIX = "/api/v1";

export function createApp() {
  const app = newApi();
  app.use("*", requestContext);
  app.use("*", securityHeaders);
  app.use("*", corsAllowList);
  app.use(`${API_PREFIX}/*`, serverTiming);

  const api = newApi();
  registerAuthRoutes(api);
  registerUserRoutes(api);
  registerClaimRoutes(api);
  registerMemberRoutes(api);
  registerProviderRoutes(api);
  registerCodeRoutes(api);
  registerPolicyRoutes(api);
  registerFraudRoutes(api);
  registerModelRoutes(api);
  registerReportRoutes(api);
  registerFhirRoutes(api);
  registerGetHealth(api);
  registerCustomerRoutes(api);
  registerUploadRoutes(api);
  registerEventRoutes(api);
  registerGetEventReport(api);
  registerListOutbox(api);
  registerFnolRoutes(api);
  registerVendorRoutes(api);

  // Development-only routes exist only where local config sets DEV_ROUTES.
  app.use(`${API_PREFIX}/dev/*`, async (c, next) => {
    if (c.env.DEV_ROUTES !== "true") return notFoundHandler(() => [])(c);
    await next();
  });
  registerGetHealth(app);
  app.route(API_PREFIX, api);

  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
  });
  // Every error body has this shape; each route's error responses name the codes of their status.
  app.openAPIRegistry.register("Error", errorBodySchema);
  app.doc31(`${API_PREFIX}/openapi.json`, (c) => ({
    openapi: "3.1.0",
    info: {
      title: "ClaimsEdge API",
      version: c.env.APP_VERSION,
      description:
        "Insurance claims at the edge: health claims, damage photos, claim documents, fraud scoring, first notice " +
        `of loss. Its events are catalogued in [AsyncAPI 3.0](${API_PREFIX}/asyncapi.json).`,
    },
    servers: [{ url: new URL(c.req.url).origin }],
  }));
  app.get(`${API_PREFIX}/asyncapi.json`, (c) =>
    c.json(asyncApiDocument({ origin: new URL(c.req.url).origin, version: c.env.APP_VERSION, reactors: REACTORS })),
  );
  app.get("/docs", (c) => c.html(docsPageHtml("ClaimsEdge API"), 200, { "Content-Security-Policy": DOCS_CSP }));
  app.get(DOCS_INIT_PATH, (c) =>
    c.body(docsInitScript(`${API_PREFIX}/openapi.json`), 200, {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=300",
    }),
  );

  let routes: ReturnType<typeof knownRoutes> | undefined;
  app.notFound(withFhirNotFound(notFoundHandler(() => (routes ??= knownRoutes(app)))));
  app.onError(withFhirErrors(renderError));
  return app;
}
