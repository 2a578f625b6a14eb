import { describe, expect, inject, it } from "vitest";
import { call } from "./http";

describe("a person's first minutes with ClaimsEdge (over HTTP against wrangler dev)", () => {
  it("health answers with every binding working", async () => {
    const health = await call("/health");
    expect(health.status).toBe(200);
    expect(health.body.status).toBe("ok");
    expect(Object.values<{ ok: boolean }>(health.body.checks).every((check) => check.ok)).toBe(true);
  });

  it("logs in as the first admin, registers an insurer, and the insurer calls an authenticated route", async () => {
    const admin = await call("/api/v1/auth/login", {
      method: "POST",
      body: { email: inject("adminEmail"), password: inject("adminPassword") },
    });
    expect(admin.status).toBe(200);

    const email = `insurer-${Date.now()}@insurer.example`;
    const registered = await call("/api/v1/auth/register", {
      method: "POST",
      token: admin.body.access_token,
      body: { email, password: "insurer-password", first_name: "Ina", last_name: "Surer", role: "insurer" },
    });
    expect(registered.status).toBe(201);

    const insurer = await call("/api/v1/auth/login", { method: "POST", body: { email, password: "insurer-password" } });
    expect(insurer.status).toBe(200);
    const me = await call("/api/v1/auth/me", { token: insurer.body.access_token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email, role: "insurer" });

    const forbidden = await call("/api/v1/auth/register", {
      method: "POST",
      token: insurer.body.access_token,
      body: { email: `x-${email}`, password: "whatever-1", first_name: "X", last_name: "Y", role: "admin" },
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe("FORBIDDEN");
  });

  it("serves the OpenAPI document and the docs page", async () => {
    const doc = await call("/api/v1/openapi.json");
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe("3.1.0");
    const docs = await call("/docs");
    expect(docs.status).toBe(200);
    expect(docs.headers.get("content-type")).toContain("text/html");
  });

  it("answers unknown routes with the JSON error shape and a request id", async () => {
    const missing = await call("/api/v1/nowhere");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("NOT_FOUND");
    expect(missing.headers.get("x-request-id")).toBeTruthy();
  });
});
