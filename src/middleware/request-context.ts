import { createMiddleware } from "hono/factory";
import { routePath } from "hono/route";
import { createDatabase } from "../db/client";
import type { HonoEnv } from "../env";

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** Gives every request an id (kept from the client when sane), a database handle, and one log line. */
export const requestContext = createMiddleware<HonoEnv>(async (c, next) => {
  const started = Date.now();
  const incoming = c.req.header("x-request-id");
  const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
  c.set("requestId", requestId);
  c.set("db", createDatabase(c.env.DB));
  try {
    await next();
  } finally {
    c.res.headers.set("X-Request-Id", requestId);
    console.log(
      JSON.stringify({
        level: "info",
        request_id: requestId,
        method: c.req.method,
        route: routePath(c, -1),
        path: c.req.path,
        status: c.res.status,
        ms: Date.now() - started,
        user_id: c.var.user?.id ?? null,
      }),
    );
  }
});
