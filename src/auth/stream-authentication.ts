import { createMiddleware } from "hono/factory";
import type { HonoEnv } from "../env";
import { ApiError } from "../errors/api-error";
import { redeemStreamTicket } from "../events/stream-tickets";
import { authenticate } from "./middleware";

/**
 * The event stream's credential: the bearer token, or — for browsers, which cannot set headers on a
 * WebSocket — a single-use ticket in `?ticket=` from POST /events/stream/ticket.
 */
export const authenticateStream = createMiddleware<HonoEnv>(async (c, next) => {
  const ticket = c.req.query("ticket");
  if (ticket === undefined || c.req.header("authorization")) return authenticate(c, next);
  const user = await redeemStreamTicket(c.get("db"), ticket);
  if (!user) throw new ApiError("UNAUTHORIZED", "The stream ticket is invalid, expired or already used");
  c.set("user", user);
  await next();
});
