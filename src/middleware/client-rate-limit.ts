import { createMiddleware } from "hono/factory";
import type { HonoEnv } from "../env";
import { ApiError } from "../errors/api-error";

/**
 * Public routes that create things (signup, email codes): at most the SIGNUP_LIMITER binding's
 * limit per client address and route family, counted by the Workers Rate Limiting binding.
 */
export const rateLimitedByClient = (family: string) =>
  createMiddleware<HonoEnv>(async (c, next) => {
    const client = c.req.header("cf-connecting-ip") ?? "unknown";
    const { success } = await c.env.SIGNUP_LIMITER.limit({ key: `${family}:${client}` });
    if (!success) {
      throw new ApiError("RATE_LIMITED", "Too many requests from this address; try again in a minute", {
        headers: { "Retry-After": "60" },
      });
    }
    await next();
  });
