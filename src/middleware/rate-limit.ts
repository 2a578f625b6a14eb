import { createMiddleware } from "hono/factory";
import type { Env, HonoEnv } from "../env";
import { ApiError } from "../errors/api-error";

type LimiterBinding = {
  [K in keyof Env]: Env[K] extends RateLimit ? K : never;
}[keyof Env];

/** A limit tier: which Rate Limiting bindings count the calls (their numbers live in wrangler.toml). */
interface RateLimitTier {
  perUser?: LimiterBinding;
  perAddress?: LimiterBinding;
  /** What the OpenAPI document says; kept in step with wrangler.toml's [[ratelimits]]. */
  description: string;
  periodSeconds: number;
}

export const RATE_LIMIT_TIERS = {
  /** OCR, inference, batch scoring, registration: heavy CPU per call. */
  expensive: {
    perUser: "EXPENSIVE_USER_LIMITER",
    perAddress: "EXPENSIVE_ADDRESS_LIMITER",
    description: "60 a minute per user and 240 a minute per client address",
    periodSeconds: 60,
  },
  /** Public routes that create things (signup, email codes). */
  public: { perAddress: "SIGNUP_LIMITER", description: "30 a minute per client address", periodSeconds: 60 },
} satisfies Record<string, RateLimitTier>;

export type RateLimitTierName = keyof typeof RATE_LIMIT_TIERS;

/** What a route declares: its family (the routes whose calls count together) and its tier. */
export interface RateLimitDeclaration {
  family: string;
  tier: RateLimitTierName;
}

export const rateLimitDescription = ({ tier }: RateLimitDeclaration) =>
  `Rate limited (RATE_LIMITED): ${RATE_LIMIT_TIERS[tier].description}; Retry-After says when to try again`;

/**
 * Counts the call against the tier's bindings, per user (after authentication) and per client
 * address; over either limit the answer is 429 with Retry-After. A request that did not come
 * through Cloudflare's edge has no address and is counted per user only.
 */
export const rateLimited = (declaration: RateLimitDeclaration) =>
  createMiddleware<HonoEnv>(async (c, next) => {
    if (c.env.RATE_LIMITS === "off") return next();
    const tier: RateLimitTier = RATE_LIMIT_TIERS[declaration.tier];
    const address = c.req.header("cf-connecting-ip");
    const user = c.var.user;
    const checks: Promise<{ success: boolean }>[] = [];
    if (tier.perUser && user) checks.push(c.env[tier.perUser].limit({ key: `${declaration.family}:${user.id}` }));
    if (tier.perAddress && address)
      checks.push(c.env[tier.perAddress].limit({ key: `${declaration.family}:${address}` }));
    const answers = await Promise.all(checks);
    if (answers.some((answer) => !answer.success)) {
      throw new ApiError("RATE_LIMITED", `Too many requests; try again in ${tier.periodSeconds} seconds`, {
        headers: { "Retry-After": String(tier.periodSeconds) },
        details: { retry_after_seconds: tier.periodSeconds, family: declaration.family },
      });
    }
    await next();
  });
