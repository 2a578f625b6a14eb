import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { gateLogin, loginAttempt, recordFailure, recordSuccess } from "../../../auth/login-throttle";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "../../../auth/password";
import { openSession } from "../../../auth/sessions";
import { users } from "../../../db/schema";
import { appConfig } from "../../../env";
import { ApiError } from "../../../errors/api-error";
import type { Api } from "../../api";
import { jsonBody, jsonResponse } from "../../shared/content";
import { publicRoute } from "../../shared/protected-route";
import { emailSchema, tokenResponseSchema } from "../schema";
import { tokenResponse } from "../token-response";

const loginRequest = z
  .object({
    email: emailSchema.openapi({ example: "admin@claimsedge.local" }),
    password: z.string().min(1).max(1024).openapi({ example: "change-me-please" }),
  })
  .strict()
  .openapi("LoginRequest");

export const loginResponseSchema = tokenResponseSchema;

export const postLoginRoute = publicRoute({
  method: "post",
  path: "/auth/login",
  tags: ["auth"],
  summary: "Exchange email and password for a short-lived access token and a refresh token (a new session)",
  request: { body: jsonBody(loginRequest) },
  responses: { 200: jsonResponse(loginResponseSchema, "Logged in") },
  errors: {
    401: "Invalid email or password",
    429: "Too many attempts from this address, for this account from this address, or for this account from addresses it never logged in from; see Retry-After",
  },
});

export const registerPostLogin = (app: Api) =>
  app.openapi(postLoginRoute, async (c) => {
    const { email, password } = c.req.valid("json");
    const db = c.get("db");
    const attempt = await loginAttempt(c.env, email, c.req.header("cf-connecting-ip"));
    const user = await db.query.users.findFirst({ where: eq(users.email, email) });

    const { gate, knownAddress } = await gateLogin(c.env, db, attempt, user?.id);
    if (!gate.allowed) {
      throw new ApiError("RATE_LIMITED", "Too many login attempts; try again later", {
        headers: { "Retry-After": String(gate.retryAfterSeconds) },
        details: { retry_after_seconds: gate.retryAfterSeconds, reason: gate.reason },
      });
    }

    const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
    // A deactivated user is told exactly what a wrong password is told.
    if (!user || !valid || !user.active) {
      await recordFailure(db, attempt, knownAddress);
      throw new ApiError("UNAUTHORIZED", "Invalid email or password");
    }

    await recordSuccess(db, attempt, user.id);
    const config = appConfig(c.env);
    const session = await openSession(db, user.id, config);
    return c.json(await tokenResponse(user, session, config), 200);
  });
