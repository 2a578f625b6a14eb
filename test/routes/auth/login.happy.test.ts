import { describe, expect, it } from "vitest";
import { postLoginRoute } from "../../../src/routes/auth/login/post";
import { getMeRoute } from "../../../src/routes/auth/me/get";
import { api, createUser, readAs, uniqueIp } from "../../helpers";

describe("POST /api/v1/auth/login", () => {
  it("returns a bearer token that opens authenticated routes", async () => {
    const insurer = await createUser("insurer");
    const login = await api("/api/v1/auth/login", {
      method: "POST",
      body: { email: insurer.email, password: insurer.password },
      ip: uniqueIp(),
    });
    const body = await readAs(login, postLoginRoute, 200);
    expect(body.token_type).toBe("Bearer");
    expect(body.expires_in).toBe(900);
    expect(body.refresh_token).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    expect(body.user).toMatchObject({ email: insurer.email, role: "insurer" });
    expect(body.user).not.toHaveProperty("password_hash");

    const me = await api("/api/v1/auth/me", { token: body.access_token });
    expect(await readAs(me, getMeRoute, 200)).toMatchObject({ id: insurer.id, email: insurer.email, role: "insurer" });
  });

  it("accepts the email in any case and with surrounding spaces", async () => {
    const user = await createUser("customer");
    const login = await api("/api/v1/auth/login", {
      method: "POST",
      body: { email: `  ${user.email.toUpperCase()} `, password: user.password },
      ip: uniqueIp(),
    });
    expect(login.status).toBe(200);
  });
});
