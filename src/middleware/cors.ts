import { cors } from "hono/cors";
import { createMiddleware } from "hono/factory";
import { allowedOrigin } from "../domain/http/security-headers";
import { appConfig, type HonoEnv } from "../env";

/**
 * CORS for the origins in CORS_ORIGINS (the mobile app's web build, the console): preflight answered
 * with the methods and headers the API takes, `Vary: Origin`, never `*`; bearer tokens, not cookies,
 * so no credentials mode.
 */
export const corsAllowList = createMiddleware<HonoEnv>(async (c, next) => {
  const allowList = appConfig(c.env).CORS_ORIGINS;
  return cors({
    origin: (origin) => allowedOrigin(origin, allowList),
    allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
    allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id"],
    exposeHeaders: ["X-Request-Id", "Retry-After", "Content-Disposition"],
    maxAge: 600,
    credentials: false,
  })(c, next);
});
