import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { postRegisterRoute } from "../../../src/routes/auth/register/post";
import { signUp } from "../../customers/journey";
import { api, createUser, readAs, uniqueIp } from "../../helpers";

describe("POST /api/v1/auth/register", () => {
  it("lets an admin create an insurer who can then log in", async () => {
    const admin = await createUser("admin");
    const email = `new-insurer-${crypto.randomUUID().slice(0, 8)}@insurer.test`;
    const created = await api("/api/v1/auth/register", {
      method: "POST",
      token: admin.token,
      body: { email, password: "a-good-password", first_name: "Jane", last_name: "Doe", role: "insurer" },
    });
    const body = await readAs(created, postRegisterRoute, 201);
    expect(body.message).toBe("User created successfully");
    expect(body.user).toMatchObject({
      email,
      first_name: "Jane",
      last_name: "Doe",
      role: "insurer",
      provider_id: null,
    });

    const login = await api("/api/v1/auth/login", {
      method: "POST",
      body: { email, password: "a-good-password" },
      ip: uniqueIp(),
    });
    expect(login.status).toBe(200);

    const audit = await env.DB.prepare("SELECT action, actor_id FROM audit_events WHERE entity_id = ?")
      .bind(body.user.id)
      .first();
    expect(audit).toEqual({ action: "user.registered", actor_id: admin.id });
  });

  it("binds a provider user to its provider id and a customer to its customer id", async () => {
    const admin = await createUser("admin");
    const providerId = `H-${crypto.randomUUID().slice(0, 8)}`;
    await api("/api/v1/providers", {
      method: "POST",
      token: admin.token,
      body: { provider_id: providerId, name: "St Mary" },
    });
    const provider = await api("/api/v1/auth/register", {
      method: "POST",
      token: admin.token,
      body: {
        email: `h-${crypto.randomUUID().slice(0, 6)}@hospital.test`,
        password: "hospital-pass",
        first_name: "H",
        last_name: "Desk",
        role: "provider",
        provider_id: providerId,
      },
    });
    expect((await readAs(provider, postRegisterRoute, 201)).user.provider_id).toBe(providerId);

    const { customerId } = await signUp();

    const customer = await api("/api/v1/auth/register", {
      method: "POST",
      token: admin.token,
      body: {
        email: `c-${crypto.randomUUID().slice(0, 6)}@mobile.test`,
        password: "customer-pass",
        first_name: "C",
        last_name: "User",
        role: "customer",
        customer_id: customerId,
      },
    });
    expect((await readAs(customer, postRegisterRoute, 201)).user.customer_id).toBe(customerId);
  });
});
