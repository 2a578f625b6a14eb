import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { deleteClaimObjects, deleteClaimRecords } from "../../../src/claims/delete-claim";
import { api, createUser, type TestUser } from "../../helpers";
import { encodeJpeg, makeScene } from "../../photo/scene";
import { installDamageModel, photos, toBase64 } from "./photo-fixtures";

let customer: TestUser;
let images: Awaited<ReturnType<typeof photos>>;

beforeAll(async () => {
  await installDamageModel();
  customer = await createUser("customer");
  images = await photos();
});

const photoKeys = async (claimId: string) =>
  (await env.DOCUMENTS.list({ prefix: `photos/${customer.customerId}/${claimId}/` })).objects.map((o) => o.key);
const claimRow = (claimId: string) =>
  env.DB.prepare("SELECT id, photo_key FROM claims WHERE client_claim_id = ? AND customer_id = ?")
    .bind(claimId, customer.customerId)
    .first<{ id: string; photo_key: string }>();

const validate = (claimId: string, image: Uint8Array) =>
  api("/api/v1/claims/validate", {
    method: "POST",
    token: customer.token,
    body: { claim_id: claimId, customer_id: customer.customerId, image: toBase64(image) },
  });

// A claim id's first photo is written without its Durable Object; these show it cannot race.
describe("first photo of a claim id written straight to D1", () => {
  it("eight concurrent first submissions of one claim id: one claim, one submitted step, the rest resubmissions", async () => {
    const claimId = `CLM-${crypto.randomUUID().slice(0, 8)}`;
    const other = await encodeJpeg(makeScene(1024, 768, 77), 85);
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => validate(claimId, i % 2 ? images.sharp : other)),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(200));
    const claims = await env.DB.prepare("SELECT id FROM claims WHERE client_claim_id = ? AND customer_id = ?")
      .bind(claimId, customer.customerId)
      .all<{ id: string }>();
    expect(claims.results).toHaveLength(1);
    const id = claims.results[0]!.id;
    const steps = await env.DB.prepare("SELECT action FROM audit_events WHERE entity_id = ? ORDER BY id")
      .bind(id)
      .all<{ action: string }>();
    expect(steps.results.map((s) => s.action)).toEqual([
      "claim.photo_submitted",
      ...Array(7).fill("claim.photo_resubmitted"),
    ]);
    // One fingerprint set, the claim's, whatever photo won last.
    const fingerprints = await env.DB.prepare("SELECT DISTINCT claim_id FROM photo_fingerprints WHERE claim_id = ?")
      .bind(id)
      .all();
    expect(fingerprints.results).toHaveLength(1);
    // Each resubmission removed the photo it replaced: the claim's photo is the one object left.
    expect(await photoKeys(claimId)).toEqual([(await claimRow(claimId))!.photo_key]);
  });

  it("a deletion's file sweep running after a new first submission of the same claim id leaves the new claim's photo", async () => {
    const claimId = `CLM-${crypto.randomUUID().slice(0, 8)}`;
    expect((await validate(claimId, images.sharp)).status).toBe(200);
    const deleted = (await claimRow(claimId))!;
    // The deletion's records go first; the customer sends the claim again before its sweep of the files.
    const files = await deleteClaimRecords(env.DB, deleted.id, { id: "admin", role: "admin" }, "deletion-race");
    expect((await validate(claimId, images.sharp)).status).toBe(200);
    const created = (await claimRow(claimId))!;
    expect(created.id).not.toBe(deleted.id);
    await deleteClaimObjects(env.DOCUMENTS, files!);
    expect(await photoKeys(claimId)).toEqual([created.photo_key]);
    expect(await env.DOCUMENTS.head(deleted.photo_key)).toBeNull();
  });

  it("a resubmission after the first submission updates the same claim (through the Durable Object)", async () => {
    const claimId = `CLM-${crypto.randomUUID().slice(0, 8)}`;
    expect((await validate(claimId, images.sharp)).status).toBe(200);
    const row = await env.DB.prepare("SELECT user_override FROM claims WHERE client_claim_id = ?")
      .bind(claimId)
      .first<{ user_override: number }>();
    expect(row?.user_override).toBe(0);
    expect((await validate(claimId, images.sharp)).status).toBe(200);
    const rows = await env.DB.prepare("SELECT id FROM claims WHERE client_claim_id = ?").bind(claimId).all();
    expect(rows.results).toHaveLength(1);
  });
});
