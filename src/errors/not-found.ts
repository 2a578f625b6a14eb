import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { HonoEnv } from "../env";
import { errorResponse } from "./handlers";

interface KnownRoute {
  method: string;
  pattern: RegExp;
}

/** The declared routes, so an unknown method on a known path is a 405, not a 404. */
export function knownRoutes(app: OpenAPIHono<HonoEnv>): KnownRoute[] {
  return app.openAPIRegistry.definitions.flatMap((definition) =>
    definition.type === "route"
      ? [
          {
            method: definition.route.method.toUpperCase(),
            pattern: new RegExp(`^${definition.route.path.replace(/\{[^/]+\}/g, "[^/]+")}/?$`),
          },
        ]
      : [],
  );
}

export function notFoundHandler(routes: () => KnownRoute[]) {
  return (c: Context<HonoEnv>) => {
    const allowed = routes()
      .filter((route) => route.pattern.test(c.req.path))
      .map((route) => route.method);
    if (allowed.length > 0) {
      const methods = [...new Set(allowed)];
      return errorResponse(c, "METHOD_NOT_ALLOWED", `Method ${c.req.method} not allowed on ${c.req.path}`, {
        details: { allowed },
        headers: { Allow: methods.join(", ") },
      });
    }
    return errorResponse(c, "NOT_FOUND", `No route for ${c.req.method} ${c.req.path}`);
  };
}
