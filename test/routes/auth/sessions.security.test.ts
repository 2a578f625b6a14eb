import { env } from "cloudflare:workers";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { SESSION_CACHE_TTL_MS } from "../../../src/auth/session-cache";
import { postRefreshRoute } from "../../../src/routes/auth/refresh/post";
import { getSessionRoute } from "../../../src/routes/auth/session/get";
import { loginAs, signUp } from "../../customers/journey";
import { api, createUser, expectError, readAs, uniqueIp } from "../../helpers";

const newInsurer = () => ({
  email: `u-${crypto.randomUUID().slice(0, 8)}@claimsedge.test`,
  password: "password-123",
  first_name: "U",
  last_name: "Ser",
  role: "insurer",
});
const refresh = (refreshToken: string) =>
  api("/api/v1/auth/refresh", { method: "POST", body: { refresh_token: refreshToken }, ip: uniqueIp() });

describe("tokens of users that no longer exist or are deactivated", () => {
  it("refuses a correctly signed token whose user row is gone, everywhere (it cannot register an admin)", async () => {
    const admin = await createUser("admin");
    await env.DB.prepare("DELETE FROM users WHERE id = ?").bind(admin.id).run();
    await expectError(await api("/api/v1/auth/session", { token: admin.token }), 401, "UNAUTHORIZED");
    await expectError(await api("/api/v1/claims", { token: admin.token }), 401, "UNAUTHORIZED");
    const register = await api("/api/v1/auth/register", {
      method: "POST",
      token: admin.token,
      body: { ...newInsurer(), role: "admin" },
    });
    await expectError(register, 401, "UNAUTHORIZED");
  });

  it("refuses a deleted user's access and refresh tokens at once, and its password", async () => {
    const admin = await createUser("admin");
    const insurer = await createUser("insurer");
    expect((await api("/api/v1/auth/session", { token: insurer.token })).status).toBe(200);
    const deleted = await api(`/api/v1/users/${insurer.id}`, { method: "DELETE", token: admin.token });
    expect(deleted.status).toBe(200);
    await expectError(await api("/api/v1/auth/session", { token: insurer.token }), 401, "UNAUTHORIZED");
    await expectError(await refresh(insurer.refreshToken), 401, "UNAUTHORIZED");
    const login = await api("/api/v1/auth/login", {
      method: "POST",
      body: { email: insurer.email, password: insurer.password },
      ip: uniqueIp(),
    });
    const body = await expectError(login, 401, "UNAUTHORIZED");
    expect(body.error.message).toBe("Invalid email or password");
  });

  it("refuses an erased customer's token at once", async () => {
    const signup = await signUp();
    const token = await loginAs(signup.body.email, signup.body.password);
    const erased = await api(`/api/v1/customers/${signup.customerId}`, { method: "DELETE", token });
    expect(erased.status).toBe(200);
    await expectError(await api("/api/v1/auth/session", { token }), 401, "UNAUTHORIZED");
  });

  it(`takes a change made elsewhere (another isolate, the database) into account within ${SESSION_CACHE_TTL_MS / 1000} s`, async () => {
    const insurer = await createUser("insurer");
    expect((await api("/api/v1/auth/session", { token: insurer.token })).status).toBe(200);
    await env.DB.prepare("UPDATE users SET active = 0 WHERE id = ?").bind(insurer.id).run();
    await new Promise((resolve) => setTimeout(resolve, SESSION_CACHE_TTL_MS + 100));
    await expectError(await api("/api/v1/auth/session", { token: insurer.token }), 401, "UNAUTHORIZED");
  });

  it("refuses a token whose iat is in the future", async () => {
    const insurer = await createUser("insurer");
    const now = Math.floor(Date.now() / 1000);
    const future = await new SignJWT({
      sid: insurer.sessionId,
      email: insurer.email,
      role: "insurer",
      provider_id: null,
      customer_id: null,
    })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(insurer.id)
      .setIssuer(env.JWT_ISSUER)
      .setAudience(env.JWT_AUDIENCE)
      .setIssuedAt(now + 3600)
      .setExpirationTime(now + 7200)
      .sign(new TextEncoder().encode(env.JWT_SECRET));
    await expectError(await api("/api/v1/auth/session", { token: future }), 401, "UNAUTHORIZED");
  });

  it("refuses a token without a session id, as every token issued before sessions existed", async () => {
    const insurer = await createUser("insurer");
    const legacy = await new SignJWT({ email: insurer.email, role: "insurer", provider_id: null, customer_id: null })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(insurer.id)
      .setIssuer(env.JWT_ISSUER)
      .setAudience(env.JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(new TextEncoder().encode(env.JWT_SECRET));
    await expectError(await api("/api/v1/auth/session", { token: legacy }), 401, "UNAUTHORIZED");
  });

  it("refuses a token of one user carrying another user's session id", async () => {
    const insurer = await createUser("insurer");
    const other = await createUser("admin");
    const borrowed = await new SignJWT({
      sid: other.sessionId,
      email: insurer.email,
      role: "admin",
      provider_id: null,
      customer_id: null,
    })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(insurer.id)
      .setIssuer(env.JWT_ISSUER)
      .setAudience(env.JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(new TextEncoder().encode(env.JWT_SECRET));
    await expectError(await api("/api/v1/auth/session", { token: borrowed }), 401, "UNAUTHORIZED");
  });
});

describe("role changes", () => {
  it("invalidates the old role's token and a refresh issues one with the new role", async () => {
    const admin = await createUser("admin");
    const insurer = await createUser("insurer");
    expect((await api("/api/v1/fraud/score", { method: "POST", token: insurer.token, body: {} })).status).not.toBe(401);
    const patched = await api(`/api/v1/users/${insurer.id}`, {
      method: "PATCH",
      token: admin.token,
      body: { role: "admin" },
    });
    expect(patched.status).toBe(200);
    await expectError(await api("/api/v1/auth/session", { token: insurer.token }), 401, "UNAUTHORIZED");
    const refreshed = await readAs(await refresh(insurer.refreshToken), postRefreshRoute, 200);
    expect(refreshed.user.role).toBe("admin");
    const session = await readAs(
      await api("/api/v1/auth/session", { token: refreshed.access_token }),
      getSessionRoute,
      200,
    );
    expect(session.role).toBe("admin");
  });

  it("demotion takes admin rights away at once", async () => {
    const admin = await createUser("admin");
    const demoted = await createUser("admin");
    await api(`/api/v1/users/${demoted.id}`, { method: "PATCH", token: admin.token, body: { role: "insurer" } });
    const refreshed = await readAs(await refresh(demoted.refreshToken), postRefreshRoute, 200);
    await expectError(
      await api("/api/v1/auth/register", { method: "POST", token: refreshed.access_token, body: newInsurer() }),
      403,
      "FORBIDDEN",
    );
    await expectError(
      await api("/api/v1/auth/register", { method: "POST", token: demoted.token, body: newInsurer() }),
      401,
      "UNAUTHORIZED",
    );
  });
});

describe("logout and refresh", () => {
  it("logout revokes the session: its access and refresh tokens stop working, other sessions do not", async () => {
    const insurer = await createUser("insurer");
    const login = await api("/api/v1/auth/login", {
      method: "POST",
      body: { email: insurer.email, password: insurer.password },
      ip: uniqueIp(),
    });
    const other = await readAs(login, postRefreshRoute, 200);
    expect((await api("/api/v1/auth/logout", { method: "POST", token: insurer.token })).status).toBe(200);
    await expectError(await api("/api/v1/auth/session", { token: insurer.token }), 401, "UNAUTHORIZED");
    await expectError(await refresh(insurer.refreshToken), 401, "UNAUTHORIZED");
    expect((await api("/api/v1/auth/session", { token: other.access_token })).status).toBe(200);
  });

  it("rotates the refresh token; reusing an old one revokes the whole session", async () => {
    const insurer = await createUser("insurer");
    const first = await readAs(await refresh(insurer.refreshToken), postRefreshRoute, 200);
    expect(first.refresh_token).not.toBe(insurer.refreshToken);
    const second = await readAs(await refresh(first.refresh_token), postRefreshRoute, 200);
    expect((await api("/api/v1/auth/session", { token: second.access_token })).status).toBe(200);

    // A thief replays the first refresh token: the family is revoked, the legitimate holder's tokens too.
    const replay = await expectError(await refresh(insurer.refreshToken), 401, "UNAUTHORIZED");
    expect(replay.error.message).toMatch(/already used/);
    await expectError(await api("/api/v1/auth/session", { token: second.access_token }), 401, "UNAUTHORIZED");
    await expectError(await refresh(second.refresh_token), 401, "UNAUTHORIZED");
    const audit = await env.DB.prepare(
      "SELECT action FROM audit_events WHERE entity_type = 'session' AND entity_id = ?",
    )
      .bind(insurer.sessionId)
      .all<{ action: string }>();
    expect(audit.results.map((row) => row.action)).toEqual(["session.refresh_token_reused"]);
  });

  it("of two concurrent refreshes with one token, at most one succeeds", async () => {
    const insurer = await createUser("insurer");
    const results = await Promise.all([refresh(insurer.refreshToken), refresh(insurer.refreshToken)]);
    expect(results.filter((res) => res.status === 200).length).toBeLessThanOrEqual(1);
  });

  it("refuses forged and malformed refresh tokens", async () => {
    const insurer = await createUser("insurer");
    for (const token of [`${insurer.sessionId}.${"A".repeat(43)}`, "not-a-token", `${crypto.randomUUID()}.x`]) {
      await expectError(await refresh(token), 401, "UNAUTHORIZED");
    }
    // The forged token named a real session; the holder's own refresh token still works.
    expect((await refresh(insurer.refreshToken)).status).toBe(200);
  });
});

describe("registration", () => {
  it("refuses a provider_id or customer_id that does not exist", async () => {
    const admin = await createUser("admin");
    for (const binding of [
      { role: "provider", provider_id: "NO-SUCH-HOSPITAL" },
      { role: "customer", customer_id: "NO-SUCH-CUSTOMER" },
    ]) {
      const res = await api("/api/v1/auth/register", {
        method: "POST",
        token: admin.token,
        body: { ...newInsurer(), ...binding },
      });
      await expectError(res, 400, "VALIDATION_ERROR");
    }
  });
});
