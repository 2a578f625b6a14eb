import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, createUser, expectError, validationIssues } from "../../helpers";

const newUser = () => ({
  email: `u-${crypto.randomUUID().slice(0, 8)}@claimsedge.test`,
  password: "password-123",
  first_name: "U",
  last_name: "Ser",
  role: "insurer",
});

describe("POST /api/v1/auth/register", () => {
  it("refuses to register an existing email with 409 and writes nothing", async () => {
    const admin = await createUser("admin");
    const existing = await createUser("insurer");
    const before = await env.DB.prepare("SELECT count(*) AS n FROM audit_events").first<{ n: number }>();
    const duplicate = { ...newUser(), email: existing.email.toUpperCase() };
    await expectError(
      await api("/api/v1/auth/register", { method: "POST", token: admin.token, body: duplicate }),
      409,
      "CONFLICT",
    );
    const after = await env.DB.prepare("SELECT count(*) AS n FROM audit_events").first<{ n: number }>();
    expect(after!.n).toBe(before!.n);
  });

  it("requires the binding id for provider and customer roles", async () => {
    const admin = await createUser("admin");
    const body = await expectError(
      await api("/api/v1/auth/register", {
        method: "POST",
        token: admin.token,
        body: { ...newUser(), role: "provider" },
      }),
      400,
      "VALIDATION_ERROR",
    );
    expect(validationIssues(body)[0]?.path).toBe("body.provider_id");
  });
});
