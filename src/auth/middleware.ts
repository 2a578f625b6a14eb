import { createMiddleware } from "hono/factory";
import type { Role } from "../db/schema";
import { appConfig, type HonoEnv } from "../env";
import { ApiError } from "../errors/api-error";
import { checkSession } from "./session-check";
import { verifyAccessToken } from "./tokens";

/** Requires a valid bearer token of a live session and puts the caller, as it is now, in `c.get("user")`. */
export const authenticate = createMiddleware<HonoEnv>(async (c, next) => {
  const header = c.req.header("authorization");
  const match = header?.match(/^Bearer\s+([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*\.[A-Za-z0-9\-_]*)\s*$/);
  if (!header) throw new ApiError("UNAUTHORIZED", "Missing bearer token");
  if (!match?.[1]) throw new ApiError("UNAUTHORIZED", "Malformed Authorization header: expected 'Bearer <jwt>'");
  const token = await verifyAccessToken(match[1], appConfig(c.env));
  c.set("user", await checkSession(c.get("db"), token));
  await next();
});

/** Lets only the given roles through (after `authenticate`). */
export const requireRole = (...roles: Role[]) =>
  createMiddleware<HonoEnv>(async (c, next) => {
    const user = c.get("user");
    if (!roles.includes(user.role)) {
      const message =
        roles.length === 1 && roles[0] === "admin" ? "Admin access required" : `Requires role: ${roles.join(" or ")}`;
      throw new ApiError("FORBIDDEN", message);
    }
    await next();
  });
