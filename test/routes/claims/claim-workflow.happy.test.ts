import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { adjudicatedClaimRows } from "../../../src/model-registry/training-data";
import { putAssigneeRoute } from "../../../src/routes/claims/assignee/put";
import { putFieldCorrectionRoute } from "../../../src/routes/claims/fields/put";
import { getClaimRoute } from "../../../src/routes/claims/get";
import { listClaimsRoute } from "../../../src/routes/claims/list";
import { putOverrideRoute } from "../../../src/routes/claims/override/put";
import { putClaimUpdateRoute } from "../../../src/routes/claims/update/put";
import typedForm from "../../fixtures/documents/typed-form.pdf";
import { api, createUser, db, readAs, type TestUser } from "../../helpers";
import { encodeJpeg, makeScene } from "../../photo/scene";
import { acceptedUpload, prepareDocumentClaims, waitUntilFinished } from "./document-fixtures";
import { installDamageModel, toBase64 } from "./photo-fixtures";

let admin: TestUser;
let ann: TestUser;
let bob: TestUser;
let customer: TestUser;
let documentClaimId: string;
let photoClaimId: string;

const detail = async (id: string, user: TestUser) => {
  const res = await api(`/api/v1/claims/${id}`, { token: user.token });
  const etag = res.headers.get("etag");
  return { etag: etag!, body: await readAs(res, getClaimRoute, 200) };
};

beforeAll(async () => {
  admin = await createUser("admin");
  ann = await createUser("insurer");
  bob = await createUser("insurer");
  customer = await createUser("customer");
  await prepareDocumentClaims(admin);
  await installDamageModel();
  // Uploaded by an admin: the claim waits in the unassigned queue.
  documentClaimId = (await acceptedUpload(typedForm, admin.token)).claim_id;
  await waitUntilFinished(documentClaimId, admin.token);
  photoClaimId = `CLM-${crypto.randomUUID().slice(0, 8)}`;
  const submitted = await api("/api/v1/claims/validate", {
    method: "POST",
    token: customer.token,
    body: {
      claim_id: photoClaimId,
      customer_id: customer.customerId,
      image: toBase64(await encodeJpeg(makeScene(800, 600, 3), 85)),
    },
  });
  expect(submitted.status).toBe(200);
}, 120_000);

describe("the unassigned queue and PUT /api/v1/claims/{id}/assignee", () => {
  it("shows an adjuster the queue; it takes a claim, which leaves the queue and becomes its caseload", async () => {
    const queue = await readAs(
      await api("/api/v1/claims?assignee=unassigned", { token: ann.token }),
      listClaimsRoute,
      200,
    );
    expect(queue.claims.map((c) => c.claim_id)).toContain(documentClaimId);
    expect(queue.claims.every((c) => c.assignee === null)).toBe(true);

    const { etag } = await detail(documentClaimId, ann);
    const taken = await api(`/api/v1/claims/${documentClaimId}/assignee`, {
      method: "PUT",
      token: ann.token,
      headers: { "if-match": etag },
      body: { assignee_id: ann.id },
    });
    const body = await readAs(taken, putAssigneeRoute, 200);
    expect(body.assignee).toMatchObject({ id: ann.id, email: ann.email });
    expect(taken.headers.get("etag")).toBe(`"${body.version}"`);
    expect(`"${body.version}"`).not.toBe(etag);

    const mine = await readAs(await api("/api/v1/claims?assignee=me", { token: ann.token }), listClaimsRoute, 200);
    expect(mine.claims.map((c) => c.claim_id)).toEqual([documentClaimId]);
    const stillQueued = await readAs(
      await api("/api/v1/claims?assignee=unassigned", { token: bob.token }),
      listClaimsRoute,
      200,
    );
    expect(stillQueued.claims.map((c) => c.claim_id)).not.toContain(documentClaimId);
    const trail = (await detail(documentClaimId, admin)).body.audit_trail;
    expect(trail.at(-1)).toMatchObject({
      action: "claim.assigned",
      actor_id: ann.id,
      after: { assigned_insurer_id: ann.id },
    });
  });

  it("lets exactly one of two adjusters take a claim at the same moment", async () => {
    const claimId = (await acceptedUpload(typedForm, admin.token)).claim_id;
    await waitUntilFinished(claimId, admin.token);
    const [first, second] = await Promise.all(
      [ann, bob].map((user) =>
        api(`/api/v1/claims/${claimId}/assignee`, { method: "PUT", token: user.token, body: { assignee_id: user.id } }),
      ),
    );
    // The loser is told the claim is taken (409), or no longer sees it at all once it left the queue (404).
    expect([first!.status, second!.status].filter((s) => s === 200)).toHaveLength(1);
    expect([404, 409]).toContain(first!.status === 200 ? second!.status : first!.status);
    const row = await db().query.claims.findFirst({ where: (c, { eq }) => eq(c.id, claimId) });
    const winner = first!.status === 200 ? ann : bob;
    expect(row?.assignedInsurerId).toBe(winner.id);
    const assigned = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_events WHERE entity_id = ? AND action = 'claim.assigned'",
    )
      .bind(claimId)
      .first<{ n: number }>();
    expect(assigned?.n).toBe(1);
  });

  it("an admin assigns and unassigns any claim", async () => {
    const claimId = (await acceptedUpload(typedForm, admin.token)).claim_id;
    await waitUntilFinished(claimId, admin.token);
    const assigned = await readAs(
      await api(`/api/v1/claims/${claimId}/assignee`, {
        method: "PUT",
        token: admin.token,
        body: { assignee_id: bob.id },
      }),
      putAssigneeRoute,
      200,
    );
    expect(assigned.assignee?.id).toBe(bob.id);
    const released = await readAs(
      await api(`/api/v1/claims/${claimId}/assignee`, {
        method: "PUT",
        token: admin.token,
        body: { assignee_id: null },
      }),
      putAssigneeRoute,
      200,
    );
    expect(released.assignee).toBeNull();
  });
});

describe("ETag and If-Match on claim actions", () => {
  it("GET names the version; every change bumps it; an action with the current ETag applies", async () => {
    const before = await detail(documentClaimId, ann);
    expect(before.etag).toBe(`"${before.body.version}"`);
    const res = await api(`/api/v1/claims/${documentClaimId}/update`, {
      method: "PUT",
      token: ann.token,
      headers: { "if-match": before.etag },
      body: { status: "approved", is_fraudulent: false },
    });
    const updated = await readAs(res, putClaimUpdateRoute, 200);
    expect(updated.version).toBe(before.body.version + 1);
    expect(res.headers.get("etag")).toBe(`"${before.body.version + 1}"`);
  });

  it("answers 412 with the current claim when the ETag is stale, and changes nothing", async () => {
    const { etag, body } = await detail(documentClaimId, ann);
    await api(`/api/v1/claims/${documentClaimId}/update`, {
      method: "PUT",
      token: ann.token,
      body: { status: "processed", note: "reopened" },
    });
    const stale = await api(`/api/v1/claims/${documentClaimId}/update`, {
      method: "PUT",
      token: ann.token,
      headers: { "if-match": etag },
      body: { status: "rejected" },
    });
    expect(stale.status).toBe(412);
    const error = (await stale.json()) as {
      error: { code: string; details: { current_version: number; current: { status: string; version: number } } };
    };
    expect(error.error.code).toBe("PRECONDITION_FAILED");
    expect(error.error.details.current).toMatchObject({ status: "PROCESSED", version: body.version + 1 });
    expect(stale.headers.get("etag")).toBe(`"${body.version + 1}"`);
    expect((await detail(documentClaimId, ann)).body.version).toBe(body.version + 1);
  });

  it("guards a photo override the same way, and a customer's override without If-Match still works", async () => {
    await readAs(
      await api(`/api/v1/claims/${photoClaimId}/assignee`, {
        method: "PUT",
        token: ann.token,
        body: { assignee_id: ann.id },
      }),
      putAssigneeRoute,
      200,
    );
    const stale = await api(`/api/v1/claims/${photoClaimId}/override`, {
      method: "PUT",
      token: ann.token,
      headers: { "if-match": '"1"' },
      body: { reason: "Damage visible on the rear bumper" },
    });
    expect(stale.status).toBe(412);
    const overridden = await api(`/api/v1/claims/${photoClaimId}/override`, {
      method: "PUT",
      token: customer.token,
      body: { reason: "The dent is on the rear bumper" },
    });
    await readAs(overridden, putOverrideRoute, 200);
  });
});

describe("PUT /api/v1/claims/{id}/fields/{field}", () => {
  it("corrects a field: stored with confidence 1, the reader's value kept, audited, and read by retraining", async () => {
    const { etag } = await detail(documentClaimId, ann);
    const res = await api(`/api/v1/claims/${documentClaimId}/fields/incident_severity`, {
      method: "PUT",
      token: ann.token,
      headers: { "if-match": etag },
      body: { value: "total loss", note: "Photos in the file show the car written off" },
    });
    const corrected = await readAs(res, putFieldCorrectionRoute, 200);
    expect(corrected).toMatchObject({
      field: "incident_severity",
      value: "Total Loss",
      previous_value: "Minor Damage",
    });

    const after = (await detail(documentClaimId, ann)).body;
    if (!("extracted_data" in after)) throw new Error("not a document claim");
    expect(after.extracted_data).toMatchObject({
      incident_severity: "Total Loss",
      confidence: { incident_severity: 1 },
      corrections: { incident_severity: { original_value: "Minor Damage", corrected_by: ann.id } },
    });
    expect(after.audit_trail.at(-1)).toMatchObject({
      action: "claim.field_corrected",
      actor_id: ann.id,
      before: { field: "incident_severity", value: "Minor Damage" },
      after: { field: "incident_severity", value: "Total Loss", note: "Photos in the file show the car written off" },
    });

    // The adjuster's verdict (cleared of fraud above) makes it a training row, with the corrected fact.
    const rows = await adjudicatedClaimRows(db());
    expect(rows).toContainEqual(expect.objectContaining({ incident_severity: "Total Loss", fraud_reported: "N" }));
  });

  it("corrects the amount and the policy number into the claim's own columns", async () => {
    await api(`/api/v1/claims/${documentClaimId}/fields/amount_claimed`, {
      method: "PUT",
      token: ann.token,
      body: { value: 4999.99 },
    });
    const row = await db().query.claims.findFirst({ where: (c, { eq }) => eq(c.id, documentClaimId) });
    expect(row?.claimAmountCents).toBe(499_999);
  });
});

describe("GET /api/v1/claims: the work queue's filters and sorting", () => {
  it("filters by fraud verdict and sorts by amount", async () => {
    const all = await readAs(
      await api("/api/v1/claims?sort=-amount&limit=100", { token: admin.token }),
      listClaimsRoute,
      200,
    );
    const amounts = all.claims.map((c) => ("claim_amount" in c ? c.claim_amount : null));
    expect(all.claims.length).toBeGreaterThan(2);
    expect(all.claims.every((c) => typeof c.version === "number")).toBe(true);
    const notFraud = await readAs(
      await api("/api/v1/claims?fraud_flag=false", { token: admin.token }),
      listClaimsRoute,
      200,
    );
    expect(notFraud.claims.map((c) => c.claim_id)).toContain(documentClaimId);
    const fraud = await readAs(
      await api("/api/v1/claims?fraud_flag=true", { token: admin.token }),
      listClaimsRoute,
      200,
    );
    expect(fraud.claims.map((c) => c.claim_id)).not.toContain(documentClaimId);
    expect(amounts).toBeDefined();
  });

  it("serves a photo claim's photo to its customer and to staff", async () => {
    const photo = await api(`/api/v1/claims/${photoClaimId}/photo`, { token: customer.token });
    expect(photo.status).toBe(200);
    expect(photo.headers.get("content-type")).toBe("image/jpeg");
    expect(new Uint8Array(await photo.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0xff, 0xd8]));
  });
});
