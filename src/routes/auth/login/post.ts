import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { clearFailures, recordFailure, secondsLocked, throttleKeys } from "../../../auth/login-throttle";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "../../../auth/password";
import { issueAccessToken } from "../../../auth/tokens";
import { users } from "../../../db/schema";
import { appConfig } from "../../../env";
import { ApiError } from "../../../errors/api-error";
import type { Api } from "../../api";
import { jsonBody, jsonResponse } from "../../shared/content";
import { publicRoute } from "../../shared/protected-route";
import { emailSchema, toUserView, userSchema } from "../schema";

const loginRequest = z
  .object({
    email: emailSchema.openapi({ example: "admin@claimsedge.local" }),
    password: z.string().min(1).max(1024).openapi({ example: "change-me-please" }),
  })
  .strict()
  .openapi("LoginRequest");

export const loginResponseSchema = z
  .object({
    access_token: z.string(),
    token_type: z.literal("Bearer"),
    expires_in: z.number().int(),
    user: userSchema,
  })
  .openapi("LoginResponse");

export const postLoginRoute = publicRoute({
  method: "post",
  path: "/auth/login",
  tags: ["auth"],
  summary: "Exchange email and password for a JWT",
  request: { body: jsonBody(loginRequest) },
  responses: { 200: jsonResponse(loginResponseSchema, "Logged in") },
  errors: {
    401: "Invalid email or password",
    429: "Too many failed attempts for this email or client; see Retry-After",
  },
});

export const registerPostLogin = (app: Api) =>
  app.openapi(postLoginRoute, async (c) => {
    const { email, password } = c.req.valid("json");
    const db = c.get("db");
    const keys = throttleKeys(email, c.req.header("cf-connecting-ip") ?? "unknown");

    const retryAfter = await secondsLocked(db, keys);
    if (retryAfter > 0) {
      throw new ApiError("RATE_LIMITED", "Too many failed login attempts; try again later", {
        headers: { "Retry-After": String(retryAfter) },
        details: { retry_after_seconds: retryAfter },
      });
    }

    const user = await db.query.users.findFirst({ where: eq(users.email, email) });
    const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
    if (!user || !valid) {
      await recordFailure(db, keys);
      throw new ApiError("UNAUTHORIZED", "Invalid email or password");
    }

    await clearFailures(db, email);
    const config = appConfig(c.env);
    const accessToken = await issueAccessToken(user, config);
    return c.json(
      {
        access_token: accessToken,
        token_type: "Bearer" as const,
        expires_in: config.JWT_TTL_SECONDS,
        user: toUserView(user),
      },
      200,
    );
  });
