// The authorisation table: every claim route that takes a claim id × every role that may call it
// × a claim of every channel the caller does not own answers 404 CLAIM_NOT_FOUND (no existence
// oracle) and changes nothing — not the claim, not its trail. Lists never carry them either.

import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../src/app";
import type { Role } from "../../../src/db/schema";
import { api, createUser, expectError, type TestUser } from "../../helpers";

const routes = createApp()
  .openAPIRegistry.definitions.flatMap((definition) =>
    definition.type === "route" ? [definition.route as typeof definition.route & { "x-roles"?: Role[] }] : [],
  )
  .map((route) => ({ ...route, path: route.path.replace(/^\/api\/v1/, "") }))
  .filter((route) => /^\/claims\/\{id\}/.test(route.path));

/** A body that passes each route's validation, so the answer is about the claim, not the request. */
const VALID_BODIES: Record<string, unknown> = {
  "GET /claims/{id}": undefined,
  "GET /claims/{id}/document": undefined,
  "PUT /claims/{id}/override": { reason: "The dent is visible on the rear door" },
  "PUT /claims/{id}/update": { status: "approved", is_fraudulent: false },
  "DELETE /claims/{id}": undefined,
  "POST /claims/{id}/rerun": undefined,
  "POST /claims/{id}/fail": { reason: "The insured withdrew the claim" },
  "GET /claims/{id}/photo": undefined,
  "PUT /claims/{id}/assignee": { assignee_id: null },
  "PUT /claims/{id}/fields/{field}": { value: "Major Damage" },
};

type Channel = "health" | "photo" | "document";
const owners = {} as Record<"provider" | "customer" | "insurer", TestUser>;
const strangers = {} as Record<"provider" | "customer" | "insurer", TestUser>;
const foreign = {} as Record<Channel, string>;

async function insertClaim(channel: Channel): Promise<string> {
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  const columns = {
    health: {
      status: "APPROVED",
      owner: owners.provider.id,
      provider_id: owners.provider.providerId,
      customer_id: null,
    },
    photo: {
      status: "REJECTED",
      owner: owners.customer.id,
      provider_id: null,
      customer_id: owners.customer.customerId,
    },
    document: { status: "PROCESSED", owner: owners.insurer.id, provider_id: null, customer_id: null },
  }[channel];
  await env.DB.prepare(
    `INSERT INTO claims (id, channel, status, owner_user_id, provider_id, customer_id, member_id, client_claim_id,
       system_status, document_key, fraud_reason, updated_at, assigned_insurer_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
    .bind(
      id,
      channel,
      columns.status,
      columns.owner,
      columns.provider_id,
      columns.customer_id,
      channel === "health" ? "M-FOREIGN" : null,
      channel === "photo" ? `CLM-${id.slice(0, 8)}` : null,
      channel === "photo" ? "REJECTED" : null,
      channel === "document" ? `claims/${id}/document.pdf` : null,
      "staff-only fact",
      now,
      // Assigned to the owning adjuster: out of the unassigned queue every adjuster sees.
      owners.insurer.id,
    )
    .run();
  if (channel === "document") await env.DOCUMENTS.put(`claims/${id}/document.pdf`, "%PDF-1.4 foreign");
  return id;
}

const snapshot = async (id: string) => ({
  claim: await env.DB.prepare("SELECT * FROM claims WHERE id = ?").bind(id).first(),
  trail: (
    await env.DB.prepare("SELECT count(*) AS n FROM audit_events WHERE entity_id = ?").bind(id).first<{ n: number }>()
  )?.n,
  stored: (await env.DOCUMENTS.list({ prefix: `claims/${id}/` })).objects.length,
});

beforeAll(async () => {
  for (const role of ["provider", "customer", "insurer"] as const) {
    owners[role] = await createUser(role);
    strangers[role] = await createUser(role);
  }
  for (const channel of ["health", "photo", "document"] as const) foreign[channel] = await insertClaim(channel);
});

const rows = routes.flatMap((route) => {
  const key = `${route.method.toUpperCase()} ${route.path}`;
  return (["provider", "customer", "insurer"] as const)
    .filter((role) => route["x-roles"]?.includes(role))
    .flatMap((role) => (["health", "photo", "document"] as const).map((channel) => ({ key, role, channel })));
});

describe("claim routes × roles × claims the caller does not own", () => {
  it("every claim route has a valid body in this table", () => {
    expect(routes.map((route) => `${route.method.toUpperCase()} ${route.path}`).sort()).toEqual(
      Object.keys(VALID_BODIES).sort(),
    );
    expect(rows.length).toBeGreaterThan(15);
  });

  it.each(rows)("$key as another $role on a $channel claim → 404, nothing changed", async ({ key, role, channel }) => {
    const id = foreign[channel];
    const [method, path] = key.split(" ") as [string, string];
    const before = await snapshot(id);
    const body = VALID_BODIES[key];
    const res = await api(`/api/v1${path.replace("{id}", id).replace("{field}", "incident_severity")}`, {
      method,
      token: strangers[role].token,
      ...(body === undefined ? {} : { body }),
    });
    const error = await expectError(res, 404, "CLAIM_NOT_FOUND");
    expect(JSON.stringify(error)).not.toContain("staff-only fact");
    expect(await snapshot(id)).toEqual(before);
  });

  it.each(["provider", "customer", "insurer"] as const)(
    "GET /claims as another %s lists none of them",
    async (role) => {
      const res = await api("/api/v1/claims?page_size=100", { token: strangers[role].token });
      expect(res.status).toBe(200);
      const text = await res.text();
      for (const id of Object.values(foreign)) expect(text).not.toContain(id);
    },
  );
});
