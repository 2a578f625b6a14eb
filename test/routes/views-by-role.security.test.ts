import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import type { Role } from "../../src/db/schema";
import { exampleCopy } from "../fhir/fhir-examples";
import { api, createUser, type TestUser } from "../helpers";
import { encodeJpeg, makeScene } from "../photo/scene";
import { freshMember, healthClaim, loadDemoData } from "./claims/health-fixtures";
import { installDamageModel, toBase64 } from "./claims/photo-fixtures";
import { exampleReferenceData } from "./fhir/fhir-fixtures";
import { FRAUD_REASON, storedFnolClaim } from "./fnol/fnol-claim-rows";

// Every route a customer or a provider may call is called the way they would, and every response
// (errors included) is searched for what only staff may know.

const routes = createApp().openAPIRegistry.definitions.flatMap((definition) =>
  definition.type === "route" ? [definition.route as typeof definition.route & { "x-roles"?: Role[] }] : [],
);
const callableBy = (role: Role) =>
  routes
    .filter((route) => route["x-roles"]?.includes(role))
    .map((route) => `${route.method.toUpperCase()} /api/v1${route.path.replace(/^\/api\/v1/, "")}`)
    .sort();

/** Keys that name staff-only facts: fraud checks, stored files, fingerprints, model internals, processing internals. */
const STAFF_ONLY_KEYS = [
  "fraud_reason",
  "fraud_flag",
  "photo_key",
  "document_key",
  "perceptual_hash",
  "probabilities",
  "fraud_score",
  "fraud_explanation",
  "duplicate_key",
  "lease_expires_at",
  "processing_attempts",
];

interface Seen {
  request: string;
  status: number;
  body: unknown;
}

function* walk(value: unknown, path: string): Generator<{ path: string; key?: string; text?: string }> {
  if (typeof value === "string") yield { path, text: value };
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* walk(item, `${path}[${i}]`);
  else if (value && typeof value === "object")
    for (const [key, item] of Object.entries(value)) {
      yield { path: `${path}.${key}`, key };
      yield* walk(item, `${path}.${key}`);
    }
}

function leaks(seen: Seen[], forbiddenKeys: string[], forbiddenValues: string[]): string[] {
  const found: string[] = [];
  for (const { request, body } of seen)
    for (const { path, key, text } of walk(body, "$")) {
      // The provider's own health claims carry the health-claims engine's fraud_flag and fraud_reason.
      if (key && forbiddenKeys.includes(key)) found.push(`${request}: key ${path}`);
      // A 404 may repeat the id the caller itself asked for.
      for (const value of forbiddenValues)
        if (text?.includes(value) && !request.includes(value))
          found.push(`${request}: ${path} contains ${JSON.stringify(value)}`);
    }
  return found;
}

async function call(
  user: TestUser,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Seen> {
  const res = await api(path, { method, token: user.token, headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // a PDF or empty body stays text
  }
  expect(res.status, `${method} ${path}: ${text.slice(0, 300)}`).toBeLessThan(500);
  return { request: `${method} ${path} → ${res.status}`, status: res.status, body: parsed };
}

let photo: string;
beforeAll(async () => {
  await installDamageModel();
  await loadDemoData();
  photo = toBase64(await encodeJpeg(makeScene(800, 600, 21), 85));
});

describe("what a customer sees", () => {
  it("no response to a customer, errors included, carries a fraud check, a stored file's key or another customer's claim", async () => {
    const customer = await createUser("customer");
    const other = await createUser("customer");
    const ownClaim = `CLM-${crypto.randomUUID().slice(0, 8)}`;
    const otherClaim = `CLM-${crypto.randomUUID().slice(0, 8)}`;
    const validate = (user: TestUser, claimId: string, customerId = user.customerId) =>
      call(user, "POST", "/api/v1/claims/validate", { claim_id: claimId, customer_id: customerId, image: photo });
    // The other customer sends the photo first; the customer's claim is then a near-duplicate of it.
    await validate(other, otherClaim);
    const seen: Seen[] = [await validate(customer, ownClaim)];
    const stored = await env.DB.prepare(
      "SELECT c.id, c.fraud_reason, c.photo_key, o.id AS other_id FROM claims c, claims o WHERE c.client_claim_id = ? AND o.client_claim_id = ?",
    )
      .bind(ownClaim, otherClaim)
      .first<{ id: string; fraud_reason: string; photo_key: string; other_id: string }>();
    expect(stored!.fraud_reason).toContain(stored!.other_id);

    const ownFnolClaim = await storedFnolClaim(customer);
    const otherFnolClaim = await storedFnolClaim(other);
    const recipes: Record<string, () => Promise<Seen[]>> = {
      "GET /api/v1/auth/me": async () => [await call(customer, "GET", "/api/v1/auth/me")],
      "GET /api/v1/auth/session": async () => [await call(customer, "GET", "/api/v1/auth/session")],
      "POST /api/v1/claims/validate": async () => [
        await validate(customer, ownClaim),
        await validate(customer, otherClaim, other.customerId),
      ],
      "PUT /api/v1/claims/{id}/override": async () => {
        const reason = { reason: "The dent is visible on the rear door" };
        const path = `/api/v1/claims/${ownClaim}/override`;
        const first = await call(customer, "PUT", path, reason);
        return [
          first,
          await call(customer, "PUT", path, reason),
          await validate(customer, ownClaim),
          await call(customer, "PUT", `/api/v1/claims/${otherClaim}/override`, reason),
        ];
      },
      "GET /api/v1/claims": async () => [await call(customer, "GET", "/api/v1/claims?channel=photo")],
      "GET /api/v1/claims/{id}": async () => [
        await call(customer, "GET", `/api/v1/claims/${ownClaim}`),
        await call(customer, "GET", `/api/v1/claims/${stored!.id}`),
        await call(customer, "GET", `/api/v1/claims/${stored!.other_id}`),
      ],
      "GET /api/v1/claims/{id}/document": async () => [
        await call(customer, "GET", `/api/v1/claims/${stored!.id}/document`),
      ],
      // First notice of loss: its own records, and the other customer's (refused).
      "GET /api/v1/customers/{id}": async () => [
        await call(customer, "GET", `/api/v1/customers/${customer.customerId}`),
        await call(customer, "GET", `/api/v1/customers/${other.customerId}`),
      ],
      "DELETE /api/v1/customers/{id}": async () => [
        await call(customer, "DELETE", `/api/v1/customers/${other.customerId}`),
      ],
      "GET /api/v1/events": async () => [
        await call(customer, "GET", "/api/v1/events"),
        await call(customer, "GET", `/api/v1/events?claim_id=${ownFnolClaim}`),
        await call(customer, "GET", `/api/v1/events?claim_id=${otherFnolClaim}`),
      ],
      "GET /api/v1/events/stream": async () => [await call(customer, "GET", "/api/v1/events/stream")],
      "POST /api/v1/events/stream/ticket": async () => [await call(customer, "POST", "/api/v1/events/stream/ticket")],
      "POST /api/v1/uploads": async () => [await call(customer, "POST", "/api/v1/uploads", {})],
      "GET /api/v1/claims/{id}/photo": async () => [
        await call(customer, "GET", `/api/v1/claims/${stored!.other_id}/photo`),
      ],
      // A claim needs a verified email and an accepted signup: refused here, and nothing of anyone else's shown.
      "POST /api/v1/fnol/claims": async () => [await call(customer, "POST", "/api/v1/fnol/claims", {})],
      "GET /api/v1/fnol/claims/{id}": async () => [
        await call(customer, "GET", `/api/v1/fnol/claims/${stored!.other_id}`),
        // Its own first notice of loss, held by the fraud check: read without the check or its reasons.
        await call(customer, "GET", `/api/v1/fnol/claims/${ownFnolClaim}`),
        await call(customer, "GET", `/api/v1/fnol/claims/${otherFnolClaim}`),
      ],
      "POST /api/v1/auth/logout": async () => [await call(await createUser("customer"), "POST", "/api/v1/auth/logout")],
    };
    expect(callableBy("customer"), "every route a customer may call needs a recipe here").toEqual(
      Object.keys(recipes).sort(),
    );
    for (const recipe of Object.values(recipes)) seen.push(...(await recipe()));

    // The trail the customer reads went through an override and a resubmission that cleared it.
    const detail = seen.find((s) => s.request.startsWith(`GET /api/v1/claims/${ownClaim} `))!.body as {
      audit_trail: { action: string }[];
    };
    expect(detail.audit_trail.map((e) => e.action)).toContain("claim.override_cleared_by_resubmission");
    expect(
      leaks(seen, STAFF_ONLY_KEYS, [
        stored!.other_id,
        otherClaim,
        other.customerId!,
        stored!.photo_key,
        "photos/",
        "near-duplicate",
        FRAUD_REASON,
        "FRAUD_DETECTED",
        otherFnolClaim,
      ]),
    ).toEqual([]);
  });
});

describe("what a provider sees", () => {
  it("no response to a hospital carries another hospital's claims, stored files or model internals", async () => {
    const hospital = await createUser("provider", { providerId: "H456" });
    const otherHospital = await createUser("provider", { providerId: "H457" });
    const member = await freshMember(100_000);
    const otherClaim = await env.DB.prepare(
      `INSERT INTO claims (id, channel, status, owner_user_id, member_id, provider_id, fraud_flag, fraud_reason, updated_at)
       VALUES (?, 'health', 'REJECTED', ?, ?, 'H457', 1, 'Claim amount (99999.00) exceeds 2.0x average', ?) RETURNING id`,
    )
      .bind(crypto.randomUUID(), otherHospital.id, member, new Date().toISOString())
      .first<{ id: string }>();
    const submit = (body: Record<string, unknown>) => call(hospital, "POST", "/api/v1/claims", healthClaim(body));
    // HL7's example claims name provider "1": a second hospital bound to it files them.
    await exampleReferenceData();
    const exampleHospital = await createUser("provider", { providerId: "1" });
    const fhir = { "content-type": "application/fhir+json" };
    const fhirClaim = await call(exampleHospital, "POST", "/api/v1/fhir/Claim", exampleCopy("oral"), fhir);
    const fhirClaimId = (fhirClaim.body as { id: string }).id;
    const readFhir = (resource: string) => async () => [
      await call(exampleHospital, "GET", `/api/v1/fhir/${resource}/${fhirClaimId}`),
      await call(hospital, "GET", `/api/v1/fhir/${resource}/${fhirClaimId}`),
      await call(hospital, "GET", `/api/v1/fhir/${resource}/${otherClaim!.id}`),
    ];

    const recipes: Record<string, () => Promise<Seen[]>> = {
      "GET /api/v1/auth/me": async () => [await call(hospital, "GET", "/api/v1/auth/me")],
      "GET /api/v1/auth/session": async () => [await call(hospital, "GET", "/api/v1/auth/session")],
      "POST /api/v1/claims": async () => [
        await submit({ member_id: member, claim_amount: 100 }),
        await submit({ member_id: member, claim_amount: 100 }),
        await submit({ member_id: member, provider_id: "H457" }),
      ],
      "GET /api/v1/claims": async () => [
        await call(hospital, "GET", "/api/v1/claims"),
        await call(hospital, "GET", `/api/v1/claims?member_id=${member}&provider_id=H457`),
      ],
      "GET /api/v1/claims/{id}": async () => {
        const own = (await submit({ member_id: member, claim_amount: 150000 })).body as { claim_id: string };
        return [
          await call(hospital, "GET", `/api/v1/claims/${own.claim_id}`),
          await call(hospital, "GET", `/api/v1/claims/${otherClaim!.id}`),
        ];
      },
      "GET /api/v1/claims/{id}/document": async () => [
        await call(hospital, "GET", `/api/v1/claims/${otherClaim!.id}/document`),
      ],
      "GET /api/v1/members/{id}": async () => [await call(hospital, "GET", `/api/v1/members/${member}`)],
      "POST /api/v1/fhir/Claim": async () => [
        fhirClaim,
        await call(hospital, "POST", "/api/v1/fhir/Claim", exampleCopy("oral"), fhir),
      ],
      "GET /api/v1/fhir/Claim/{id}": readFhir("Claim"),
      "GET /api/v1/fhir/ClaimResponse/{id}": readFhir("ClaimResponse"),
      "GET /api/v1/claims/{id}/photo": async () => [
        await call(hospital, "GET", `/api/v1/claims/${otherClaim!.id}/photo`),
      ],
      "POST /api/v1/auth/logout": async () => [
        await call(await createUser("provider", { providerId: "H456" }), "POST", "/api/v1/auth/logout"),
      ],
    };
    expect(callableBy("provider"), "every route a provider may call needs a recipe here").toEqual(
      Object.keys(recipes).sort(),
    );
    const seen: Seen[] = [];
    for (const recipe of Object.values(recipes)) seen.push(...(await recipe()));
    expect(fhirClaim.status).toBe(201);
    expect(
      seen.filter((s) => s.request.includes(`/fhir/`) && s.request.includes(fhirClaimId)).map((s) => s.status),
    ).toEqual([200, 404, 200, 404]);
    const providerKeys = STAFF_ONLY_KEYS.filter((key) => key !== "fraud_flag" && key !== "fraud_reason");
    expect(leaks(seen, providerKeys, [otherClaim!.id, 'H457"', "99999.00", "benefit_limit"])).toEqual([]);
  });
});
