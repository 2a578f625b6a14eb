import { describe, expect, inject, it } from "vitest";
import { loginResponseSchema } from "../../src/routes/auth/login/post";
import { postRefreshRoute } from "../../src/routes/auth/refresh/post";
import { registerResponseSchema } from "../../src/routes/auth/register/post";
import { declaredSchema } from "../typed-response";
import { adminToken, as, call, expectErrorCode } from "./http";

const refreshSchema = declaredSchema(postRefreshRoute, 200);

describe("sessions, revocation and HTTP hardening (over HTTP against wrangler dev)", () => {
  it("refresh rotates, logout revokes, a deleted user's token stops working", async () => {
    const admin = await adminToken();
    const email = `revoked-${Date.now()}@insurer.example`;
    const registered = as(
      await call("/api/v1/auth/register", {
        method: "POST",
        token: admin,
        body: { email, password: "insurer-password", first_name: "Re", last_name: "Voked", role: "insurer" },
      }),
      registerResponseSchema,
      201,
    );
    const login = as(
      await call("/api/v1/auth/login", { method: "POST", body: { email, password: "insurer-password" } }),
      loginResponseSchema,
    );
    expect(login.expires_in).toBe(900);
    const next = as(
      await call("/api/v1/auth/refresh", { method: "POST", body: { refresh_token: login.refresh_token } }),
      refreshSchema,
    ) as { access_token: string; refresh_token: string };
    expect((await call("/api/v1/auth/session", { token: next.access_token })).status).toBe(200);

    const logout = await call("/api/v1/auth/logout", { method: "POST", token: next.access_token });
    expect(logout.status).toBe(200);
    expect(logout.headers.get("cache-control")).toBe("no-store");
    expectErrorCode(await call("/api/v1/auth/session", { token: next.access_token }), 401, "UNAUTHORIZED");
    expectErrorCode(
      await call("/api/v1/auth/refresh", { method: "POST", body: { refresh_token: next.refresh_token } }),
      401,
      "UNAUTHORIZED",
    );

    const again = as(
      await call("/api/v1/auth/login", { method: "POST", body: { email, password: "insurer-password" } }),
      loginResponseSchema,
    );
    expect((await call(`/api/v1/users/${registered.user.id}`, { method: "DELETE", token: admin })).status).toBe(200);
    expectErrorCode(await call("/api/v1/claims", { token: again.access_token }), 401, "UNAUTHORIZED");
  });

  it("answers a CORS preflight from the console's origin and sends the security headers", async () => {
    const preflight = await call("/api/v1/claims", {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:5173",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    const docs = await call("/docs");
    expect(docs.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(docs.headers.get("x-content-type-options")).toBe("nosniff");
    expect(inject("baseUrl")).toMatch(/^http:\/\/127\.0\.0\.1:/);
  });
});
