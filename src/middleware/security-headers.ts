import { createMiddleware } from "hono/factory";
import { BASE_SECURITY_HEADERS, DEFAULT_HTML_CSP, mustNotBeStored } from "../domain/http/security-headers";
import type { HonoEnv } from "../env";

/** Security headers on every response; `no-store` on authenticated ones; a CSP on HTML that has none. */
export const securityHeaders = createMiddleware<HonoEnv>(async (c, next) => {
  await next();
  const headers = c.res.headers;
  for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) if (!headers.has(name)) headers.set(name, value);
  const authenticated =
    Boolean(c.req.header("authorization")) || Boolean(c.var.user) || c.req.query("ticket") !== undefined;
  if (mustNotBeStored({ authenticated, path: c.req.path })) {
    headers.set("Cache-Control", "no-store");
    headers.set("Pragma", "no-cache");
  }
  if (headers.get("content-type")?.startsWith("text/html") && !headers.has("Content-Security-Policy"))
    headers.set("Content-Security-Policy", DEFAULT_HTML_CSP);
});
