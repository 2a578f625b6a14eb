import { describe, expect, it } from "vitest";
import { api, createUser, json, uniqueIp } from "../helpers";

describe("POST /api/v1/auth/login", () => {
  it("returns a bearer token that opens authenticated routes", async () => {
    const insurer = await createUser("insurer");
    const login = await api("/api/v1/auth/login", { method: "POST", body: { email: insurer.email, password: insurer.password }, ip: uniqueIp() });
    expect(login.status).toBe(200);
    const body = await json(login);
    expect(body.token_type).toBe("Bearer");
    expect(body.expires_in).toBe(3600);
    expect(body.user).toMatchObject({ email: insurer.email, role: "insurer" });
    expect(body.user.password_hash).toBeUndefined();

    const me = await api("/api/v1/auth/me", { token: body.access_token });
    expect(me.status).toBe(200);
    expect(await json(me)).toMatchObject({ id: insurer.id, email: insurer.email, role: "insurer" });
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
