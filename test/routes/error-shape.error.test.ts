import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getHealthRoute } from "../../src/routes/health/get";
import { api, createUser, expectError, readAs, validationIssues } from "../helpers";

describe("one JSON error shape for every failure", () => {
  it("unknown route → 404 NOT_FOUND", async () => {
    await expectError(await api("/api/v1/no-such-thing"), 404, "NOT_FOUND");
    await expectError(await api("/definitely/not/here"), 404, "NOT_FOUND");
  });

  it("wrong method on a known route → 405 with Allow", async () => {
    const res = await api("/api/v1/auth/login", { method: "GET" });
    expect(res.headers.get("allow")).toBe("POST");
    await expectError(res, 405, "METHOD_NOT_ALLOWED");
  });

  it("a body that is not JSON → 400 VALIDATION_ERROR", async () => {
    const res = await api("/api/v1/auth/login", {
      method: "POST",
      body: "{not json",
      headers: { "content-type": "application/json" },
    });
    await expectError(res, 400, "VALIDATION_ERROR");
  });

  it("a body of another media type → 415 UNSUPPORTED_MEDIA_TYPE", async () => {
    const res = await api("/api/v1/auth/login", {
      method: "POST",
      body: "email=a&password=b",
      headers: { "content-type": "text/plain" },
    });
    await expectError(res, 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  it("zod validation failure → 400 with the failing fields", async () => {
    const body = await expectError(
      await api("/api/v1/auth/login", { method: "POST", body: { email: "not-an-email" } }),
      400,
      "VALIDATION_ERROR",
    );
    const paths = validationIssues(body).map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(["body.email", "body.password"]));
  });

  it("unknown fields are refused", async () => {
    const body = await expectError(
      await api("/api/v1/auth/login", { method: "POST", body: { email: "a@b.test", password: "x", role: "admin" } }),
      400,
      "VALIDATION_ERROR",
    );
    expect(JSON.stringify(body.error.details)).toContain("role");
  });

  it("an oversized body → 413 PAYLOAD_TOO_LARGE", async () => {
    const huge = JSON.stringify({ email: "a@b.test", password: "x".repeat(1024 * 1024 + 10) });
    await expectError(
      await api("/api/v1/auth/login", { method: "POST", body: huge, headers: { "content-type": "application/json" } }),
      413,
      "PAYLOAD_TOO_LARGE",
    );
  });

  it("an unexpected exception → 500 INTERNAL_ERROR without a stack", async () => {
    const admin = await createUser("admin");
    // A corrupted stored hash makes the password check throw deep inside the handler.
    await env.DB.prepare("UPDATE users SET password_hash = 'pbkdf2-sha256$100000$!!!$!!!' WHERE id = ?")
      .bind(admin.id)
      .run();
    const res = await api("/api/v1/auth/login", {
      method: "POST",
      body: { email: admin.email, password: "whatever" },
      ip: "192.0.2.77",
    });
    const body = await expectError(res, 500, "INTERNAL_ERROR");
    expect(JSON.stringify(body)).not.toMatch(/at .*\(|stack|atob/i);
  });

  it("every response carries a request id, echoing a sane client-supplied one", async () => {
    const ok = await api("/health", { headers: { "x-request-id": "client-req-12345" } });
    expect(ok.headers.get("x-request-id")).toBe("client-req-12345");
    const generated = await api("/health", { headers: { "x-request-id": "bad id with spaces" } });
    expect(generated.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect((await readAs(ok, getHealthRoute, 200)).status).toBe("ok");
  });
});
