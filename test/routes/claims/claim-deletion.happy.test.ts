import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { photoClaimCoordinator } from "../../../src/durable/claim-coordinator";
import { postHealthClaimRoute } from "../../../src/routes/claims/post";
import { postPhotoValidationRoute } from "../../../src/routes/claims/validate/post";
import typedForm from "../../fixtures/documents/typed-form.pdf";
import { api, createUser, expectError, readAs, type TestUser } from "../../helpers";
import { encodeJpeg, makeScene } from "../../photo/scene";
import { acceptedUpload, prepareDocumentClaims, waitUntilFinished } from "./document-fixtures";
import { freshMember, healthClaim, loadDemoData } from "./health-fixtures";
import { installDamageModel, toBase64 } from "./photo-fixtures";

let admin: TestUser;
let customer: TestUser;
let otherCustomer: TestUser;

beforeAll(async () => {
  await installDamageModel();
  await loadDemoData();
  admin = await createUser("admin");
  customer = await createUser("customer");
  otherCustomer = await createUser("customer");
});

const scene = async (seed: number) => toBase64(await encodeJpeg(makeScene(800, 600, seed), 85));
const validate = (user: TestUser, claimId: string, image: string) =>
  api("/api/v1/claims/validate", {
    method: "POST",
    token: user.token,
    body: { claim_id: claimId, customer_id: user.customerId, image },
  });
const count = async (sql: string, ...bindings: unknown[]) =>
  (await env.DB.prepare(sql)
    .bind(...bindings)
    .first<{ n: number }>())!.n;
const objectKeys = async (prefix: string) => (await env.DOCUMENTS.list({ prefix })).objects.map((o) => o.key);
const deleteClaim = (id: string) => api(`/api/v1/claims/${id}`, { method: "DELETE", token: admin.token });

describe("DELETE /api/v1/claims/{id} removes everything that belongs to the claim except its audit trail", () => {
  it("a resubmitted photo claim: every photo, the fingerprints, the coordinator's state; the trail stays", async () => {
    const claimId = `CLM-${crypto.randomUUID().slice(0, 8)}`;
    const prefix = `photos/${customer.customerId}/${claimId}/`;
    await readAs(await validate(customer, claimId, await scene(11)), postPhotoValidationRoute, 200);
    const [firstPhoto] = await objectKeys(prefix);
    await readAs(await validate(customer, claimId, await scene(12)), postPhotoValidationRoute, 200);
    // The resubmission replaced the photo: only the new one is kept.
    const kept = await objectKeys(prefix);
    expect(kept).toHaveLength(1);
    expect(kept[0]).not.toBe(firstPhoto);
    // Another customer sends the same photo: both claims carry fingerprints.
    await readAs(
      await validate(otherCustomer, `CLM-${crypto.randomUUID().slice(0, 8)}`, await scene(12)),
      postPhotoValidationRoute,
      200,
    );
    const { id } = (await env.DB.prepare("SELECT id FROM claims WHERE client_claim_id = ? AND customer_id = ?")
      .bind(claimId, customer.customerId)
      .first<{ id: string }>())!;
    expect(await count("SELECT count(*) AS n FROM photo_fingerprints WHERE claim_id = ?", id)).toBe(8);
    const coordinator = photoClaimCoordinator(env, customer.customerId!, claimId);
    await coordinator.sequence();

    expect((await deleteClaim(id)).status).toBe(204);

    expect(await objectKeys(prefix)).toEqual([]);
    expect(await count("SELECT count(*) AS n FROM claims WHERE id = ?", id)).toBe(0);
    expect(await count("SELECT count(*) AS n FROM photo_fingerprints WHERE claim_id = ?", id)).toBe(0);
    expect(await runInDurableObject(coordinator, async (_, state) => (await state.storage.list()).size)).toBe(0);
    const trail = await env.DB.prepare(
      "SELECT action FROM audit_events WHERE entity_type = 'claim' AND entity_id = ? ORDER BY id",
    )
      .bind(id)
      .all<{ action: string }>();
    expect(trail.results.map((e) => e.action)).toEqual([
      "claim.photo_submitted",
      "claim.photo_resubmitted",
      "claim.deleted",
    ]);
    await expectError(await api(`/api/v1/claims/${claimId}`, { token: customer.token }), 404, "CLAIM_NOT_FOUND");
    await expectError(await deleteClaim(id), 404, "CLAIM_NOT_FOUND");
    // The customer may send the claim again: a new claim.
    await readAs(await validate(customer, claimId, await scene(13)), postPhotoValidationRoute, 200);
    expect(await objectKeys(prefix)).toHaveLength(1);
  });

  it("a submission whose photo the deletion removed is not recorded (its coordinator runs the deletion and the recording one at a time)", async () => {
    const claimId = `CLM-${crypto.randomUUID().slice(0, 8)}`;
    const outcome = await photoClaimCoordinator(env, customer.customerId!, claimId).submitPhoto({
      customerId: customer.customerId!,
      clientClaimId: claimId,
      photoKey: `photos/${customer.customerId}/${claimId}/removed-by-a-deletion.jpg`,
      decision: "REJECTED",
      result: {},
      perceptualHash: "0".repeat(16),
      duplicateOf: null,
      actor: { id: customer.id, role: "customer" },
      requestId: "deletion-race",
      now: new Date().toISOString(),
    });
    expect(outcome).toEqual({ recorded: false, reason: "photo_gone" });
    expect(await count("SELECT count(*) AS n FROM claims WHERE client_claim_id = ?", claimId)).toBe(0);
  });

  it("a health claim: the idempotency record that would replay it, and its duplicate key", async () => {
    const hospital = await createUser("provider", { providerId: "H456" });
    const member = await freshMember(100_000);
    const key = `delete-${crypto.randomUUID()}`;
    const submit = () =>
      api("/api/v1/claims", {
        method: "POST",
        token: hospital.token,
        headers: { "idempotency-key": key },
        body: healthClaim({ member_id: member, claim_amount: 250, service_date: "2026-01-15" }),
      });
    const first = await readAs(await submit(), postHealthClaimRoute, 201);
    expect(await count("SELECT count(*) AS n FROM idempotency_keys WHERE key = ?", key)).toBe(1);

    expect((await deleteClaim(first.claim_id)).status).toBe(204);

    expect(await count("SELECT count(*) AS n FROM idempotency_keys WHERE key = ?", key)).toBe(0);
    // The same key is not replayed as a claim that no longer exists; nor is the new claim its duplicate.
    const again = await readAs(await submit(), postHealthClaimRoute, 201);
    expect(again.claim_id).not.toBe(first.claim_id);
    expect(again.status).toBe("APPROVED");
  });

  it("a document claim: the PDF and the prediction", async () => {
    const insurer = await createUser("insurer");
    await prepareDocumentClaims(admin);
    const accepted = await acceptedUpload(typedForm, insurer.token);
    await waitUntilFinished(accepted.claim_id, insurer.token);
    expect(await count("SELECT count(*) AS n FROM predictions WHERE claim_id = ?", accepted.claim_id)).toBe(1);

    expect((await deleteClaim(accepted.claim_id)).status).toBe(204);

    expect(await objectKeys(`claims/${accepted.claim_id}/`)).toEqual([]);
    expect(await count("SELECT count(*) AS n FROM predictions WHERE claim_id = ?", accepted.claim_id)).toBe(0);
    expect(await count("SELECT count(*) AS n FROM claims WHERE id = ?", accepted.claim_id)).toBe(0);
  });
});
