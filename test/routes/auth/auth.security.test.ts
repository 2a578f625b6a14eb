import { env } from "cloudflare:workers";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { api, createUser, expectError } from "../../helpers";

const b64url = (value: unknown) =>
  btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
const secret = () => new TextEncoder().encode(env.JWT_SECRET);
const claimsFor = (user: { id: string; email: string; sessionId: string }, role = "insurer") => ({
  sub: user.id,
  sid: user.sessionId,
  email: user.email,
  role,
  provider_id: null,
  customer_id: null,
});

describe("bearer tokens", () => {
  it("rejects a request without a token", async () => {
    await expectError(await api("/api/v1/auth/me"), 401, "UNAUTHORIZED");
  });

  it("rejects a malformed Authorization header", async () => {
    for (const header of ["Token abc", "Bearer", "Bearer not-a-jwt", "Basic dXNlcjpwYXNz"]) {
      await expectError(await api("/api/v1/auth/me", { headers: { authorization: header } }), 401, "UNAUTHORIZED");
    }
  });

  it("rejects an expired token", async () => {
    const user = await createUser("insurer");
    const expired = await new SignJWT(claimsFor(user))
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer(env.JWT_ISSUER)
      .setAudience(env.JWT_AUDIENCE)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(secret());
    const body = await expectError(await api("/api/v1/auth/me", { token: expired }), 401, "UNAUTHORIZED");
    expect(body.error.message).toBe("Token expired");
  });

  it("rejects a token signed with another key", async () => {
    const user = await createUser("admin");
    const forged = await new SignJWT(claimsFor(user, "admin"))
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer(env.JWT_ISSUER)
      .setAudience(env.JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode("another-secret-another-secret-another-secret"));
    await expectError(await api("/api/v1/auth/me", { token: forged }), 401, "UNAUTHORIZED");
  });

  it("rejects alg: none", async () => {
    const user = await createUser("admin");
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${b64url({ alg: "none", typ: "JWT" })}.${b64url({ ...claimsFor(user, "admin"), iss: env.JWT_ISSUER, aud: env.JWT_AUDIENCE, iat: now, exp: now + 3600 })}.`;
    await expectError(await api("/api/v1/auth/me", { token: unsigned }), 401, "UNAUTHORIZED");
  });

  it("rejects a token whose role claim was edited", async () => {
    const insurer = await createUser("insurer");
    const [header, payload, signature] = insurer.token.split(".");
    const claims = JSON.parse(atob(payload!.replace(/-/g, "+").replace(/_/g, "/")));
    const tampered = `${header}.${b64url({ ...claims, role: "admin" })}.${signature}`;
    await expectError(await api("/api/v1/auth/me", { token: tampered }), 401, "UNAUTHORIZED");
    const register = await api("/api/v1/auth/register", {
      method: "POST",
      token: tampered,
      body: { email: "x@y.test", password: "password1", first_name: "X", last_name: "Y", role: "admin" },
    });
    await expectError(register, 401, "UNAUTHORIZED");
  });

  it("rejects a token for another issuer or audience", async () => {
    const user = await createUser("insurer");
    for (const [issuer, audience] of [
      ["someone-else", env.JWT_AUDIENCE],
      [env.JWT_ISSUER, "another-api"],
    ]) {
      const token = await new SignJWT(claimsFor(user))
        .setProtectedHeader({ alg: "HS256" })
        .setIssuer(issuer!)
        .setAudience(audience!)
        .setIssuedAt()
        .setExpirationTime("1h")
        .sign(secret());
      await expectError(await api("/api/v1/auth/me", { token }), 401, "UNAUTHORIZED");
    }
  });
});

describe("admin routes", () => {
  const newUser = () => ({
    email: `u-${crypto.randomUUID().slice(0, 8)}@claimsedge.test`,
    password: "password-123",
    first_name: "U",
    last_name: "Ser",
    role: "insurer",
  });

  it("refuses an insurer, a provider and a customer with 403", async () => {
    for (const role of ["insurer", "provider", "customer"] as const) {
      const user = await createUser(role);
      const body = await expectError(
        await api("/api/v1/auth/register", { method: "POST", token: user.token, body: newUser() }),
        403,
        "FORBIDDEN",
      );
      expect(body.error.message).toBe("Admin access required");
    }
  });
});
