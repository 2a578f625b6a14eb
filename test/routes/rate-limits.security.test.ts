import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import type { Role } from "../../src/db/schema";
import { api, createUser, expectError, uniqueIp } from "../helpers";
import { withinOneRateWindow } from "../rate-window";

type Operation = {
  method: string;
  path: string;
  security?: unknown[];
  "x-roles"?: Role[];
  "x-rate-limit"?: { family: string; tier: string };
  responses: Record<string, { headers?: Record<string, unknown> }>;
};

// The limits of wrangler.toml's [[ratelimits]] for each tier: per user when authenticated, else per address.
const LIMIT_OF_TIER: Record<string, number> = { expensive: 60, public: 30 };

const app = createApp();
const operations = app.openAPIRegistry.definitions.flatMap((definition) =>
  definition.type === "route" ? [definition.route as unknown as Operation] : [],
);
const limited = operations.filter((route) => route["x-rate-limit"]);
const name = (route: Operation) => `${route.method.toUpperCase()} ${route.path}`;

describe("rate limits on expensive work", () => {
  it("are declared on photo validation, PDF upload, batch scoring, retraining, registration, signup and uploads", () => {
    expect(limited.map(name).sort()).toEqual([
      "POST /api/v1/auth/register",
      "POST /api/v1/claims/upload",
      "POST /api/v1/claims/validate",
      "POST /api/v1/customers",
      "POST /api/v1/customers/verify",
      "POST /api/v1/customers/verify/resend",
      "POST /api/v1/fraud/score/batch",
      "POST /api/v1/models/retrain",
      "PUT /api/v1/uploads/{token}",
    ]);
  });

  it("document 429 with Retry-After in the OpenAPI document", () => {
    for (const route of [...limited, ...operations.filter((r) => r.path === "/api/v1/auth/login")]) {
      expect(route.responses["429"]?.headers, name(route)).toHaveProperty("Retry-After");
    }
  });

  describe.each(limited.map((route) => ({ name: name(route), route })))("$name", ({ route }) => {
    it("answers 429 with Retry-After under a burst, for that caller only", async () => {
      const authenticated = (route.security ?? []).length > 0;
      const role = route["x-roles"]?.[0];
      const caller = authenticated && role ? await createUser(role) : undefined;
      const ip = uniqueIp();
      const limit = LIMIT_OF_TIER[route["x-rate-limit"]!.tier]!;
      const call = (token?: string, from = ip) =>
        api(route.path.replace(/\{[^}]+\}/g, "x-1"), {
          method: route.method.toUpperCase(),
          body: {},
          ip: from,
          ...(token ? { token } : {}),
        });
      await withinOneRateWindow(10);
      const statuses = await Promise.all(Array.from({ length: limit }, () => call(caller?.token)));
      expect(statuses.map((res) => res.status)).not.toContain(429);
      const over = await call(caller?.token);
      expect(over.headers.get("retry-after")).toBe("60");
      await expectError(over, 429, "RATE_LIMITED");
      // Someone else (another user, or for public routes another address) is not held back.
      const other = authenticated && role ? await createUser(role) : undefined;
      expect((await call(other?.token, uniqueIp())).status).not.toBe(429);
    });
  });
});
