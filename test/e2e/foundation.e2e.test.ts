import { describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { loginResponseSchema } from "../../src/routes/auth/login/post";
import { registerResponseSchema } from "../../src/routes/auth/register/post";
import { userSchema } from "../../src/routes/auth/schema";
import { healthSchema } from "../../src/routes/health/schema";
import { as, call, expectErrorCode } from "./http";

describe("a person's first minutes with ClaimsEdge (over HTTP against wrangler dev)", () => {
  it("health answers with every binding working", async () => {
    const health = as(await call("/health"), healthSchema);
    expect(health.status).toBe("ok");
    expect(Object.values(health.checks).every((check) => check.ok)).toBe(true);
  });

  it("logs in as the first admin, registers an insurer, and the insurer calls an authenticated route", async () => {
    const admin = as(
      await call("/api/v1/auth/login", {
        method: "POST",
        body: { email: inject("adminEmail"), password: inject("adminPassword") },
      }),
      loginResponseSchema,
    );

    const email = `insurer-${Date.now()}@insurer.example`;
    const registered = await call("/api/v1/auth/register", {
      method: "POST",
      token: admin.access_token,
      body: { email, password: "insurer-password", first_name: "Ina", last_name: "Surer", role: "insurer" },
    });
    as(registered, registerResponseSchema, 201);

    const insurer = as(
      await call("/api/v1/auth/login", { method: "POST", body: { email, password: "insurer-password" } }),
      loginResponseSchema,
    );
    const me = as(await call("/api/v1/auth/me", { token: insurer.access_token }), userSchema);
    expect(me).toMatchObject({ email, role: "insurer" });

    const forbidden = await call("/api/v1/auth/register", {
      method: "POST",
      token: insurer.access_token,
      body: { email: `x-${email}`, password: "whatever-1", first_name: "X", last_name: "Y", role: "admin" },
    });
    expectErrorCode(forbidden, 403, "FORBIDDEN");
  });

  it("serves the OpenAPI document and the docs page", async () => {
    expect(as(await call("/api/v1/openapi.json"), z.object({ openapi: z.string() })).openapi).toBe("3.1.0");
    const docs = await call("/docs");
    expect(docs.status).toBe(200);
    expect(docs.headers.get("content-type")).toContain("text/html");
  });

  it("answers unknown routes with the JSON error shape and a request id", async () => {
    const missing = await call("/api/v1/nowhere");
    expectErrorCode(missing, 404, "NOT_FOUND");
    expect(missing.headers.get("x-request-id")).toBeTruthy();
  });
});
