import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { deleteUserRoute } from "../../../src/routes/users/delete";
import { listUsersRoute } from "../../../src/routes/users/list";
import { patchUserRoute } from "../../../src/routes/users/patch";
import { api, createUser, readAs } from "../../helpers";

describe("user administration", () => {
  it("lists users with filters, without password hashes", async () => {
    const admin = await createUser("admin");
    const provider = await createUser("provider");
    const page = await readAs(
      await api("/api/v1/users?role=provider&active=true&page_size=500", { token: admin.token }),
      listUsersRoute,
      200,
    );
    expect(page.users.every((user) => user.role === "provider" && user.active)).toBe(true);
    expect(page.users.map((user) => user.id)).toContain(provider.id);
    expect(JSON.stringify(page)).not.toMatch(/password|pbkdf2/);
  });

  it("deactivates and reactivates a user, audits both, and keeps the row", async () => {
    const admin = await createUser("admin");
    const insurer = await createUser("insurer");
    const deleted = await readAs(
      await api(`/api/v1/users/${insurer.id}`, { method: "DELETE", token: admin.token }),
      deleteUserRoute,
      200,
    );
    expect(deleted).toMatchObject({ id: insurer.id, active: false });
    expect(deleted.deactivated_at).not.toBeNull();
    const sessions = await env.DB.prepare("SELECT revoked_reason FROM sessions WHERE user_id = ?")
      .bind(insurer.id)
      .all<{ revoked_reason: string }>();
    expect(sessions.results).toEqual([{ revoked_reason: "user deactivated" }]);

    const reactivated = await readAs(
      await api(`/api/v1/users/${insurer.id}`, { method: "PATCH", token: admin.token, body: { active: true } }),
      patchUserRoute,
      200,
    );
    expect(reactivated).toMatchObject({ active: true, deactivated_at: null });
    const audit = await env.DB.prepare(
      "SELECT action, actor_id, json_extract(before, '$.active') AS was, json_extract(after, '$.active') AS now FROM audit_events WHERE entity_type = 'user' AND entity_id = ? ORDER BY id",
    )
      .bind(insurer.id)
      .all();
    expect(audit.results).toEqual([
      { action: "user.deleted", actor_id: admin.id, was: 1, now: 0 },
      { action: "user.updated", actor_id: admin.id, was: 0, now: 1 },
    ]);
  });

  it("refuses an unknown user, a binding to nothing, and a provider role without its provider", async () => {
    const admin = await createUser("admin");
    const insurer = await createUser("insurer");
    expect((await api("/api/v1/users/nobody", { method: "DELETE", token: admin.token })).status).toBe(404);
    for (const body of [{ role: "provider" }, { role: "provider", provider_id: "NO-SUCH-HOSPITAL" }, {}]) {
      const res = await api(`/api/v1/users/${insurer.id}`, { method: "PATCH", token: admin.token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });
});
