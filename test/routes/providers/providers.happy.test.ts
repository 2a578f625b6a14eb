import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { getProviderRoute } from "../../../src/routes/providers/get";
import { patchProviderRoute } from "../../../src/routes/providers/patch";
import { postProviderRoute } from "../../../src/routes/providers/post";
import { api, createUser, readAs, type TestUser } from "../../helpers";

let admin: TestUser;

beforeAll(async () => {
  admin = await createUser("admin");
});

describe("providers", () => {
  it("an admin registers, reads and deactivates a provider; both changes are audited", async () => {
    const id = `H-${crypto.randomUUID().slice(0, 8)}`;
    await readAs(
      await api("/api/v1/providers", { method: "POST", token: admin.token, body: { provider_id: id, name: "Clinic" } }),
      postProviderRoute,
      201,
    );
    const patched = await readAs(
      await api(`/api/v1/providers/${id}`, { method: "PATCH", token: admin.token, body: { status: "INACTIVE" } }),
      patchProviderRoute,
      200,
    );
    expect(patched).toMatchObject({ provider_id: id, name: "Clinic", status: "INACTIVE" });
    expect(
      (await readAs(await api(`/api/v1/providers/${id}`, { token: admin.token }), getProviderRoute, 200)).status,
    ).toBe("INACTIVE");
    const audit = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_events WHERE entity_type = 'provider' AND entity_id = ?",
    )
      .bind(id)
      .first<{ n: number }>();
    expect(audit!.n).toBe(2);
  });
});
