import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { postPhotoValidationRoute } from "../../../src/routes/claims/validate/post";
import { api, createUser, readAs, readBody, type TestUser } from "../../helpers";
import { encodeJpeg, makeScene } from "../../photo/scene";
import { photoClaimDetail } from "./claim-details";
import { installDamageModel, photos, toBase64 } from "./photo-fixtures";

let customer: TestUser;
let other: TestUser;
let images: Awaited<ReturnType<typeof photos>>;

beforeAll(async () => {
  await installDamageModel();
  customer = await createUser("customer");
  other = await createUser("customer");
  images = await photos();
});

const validate = (body: unknown, user = customer) =>
  api("/api/v1/claims/validate", { method: "POST", token: user.token, body });
const newClaimId = () => `CLM-${crypto.randomUUID().slice(0, 8)}`;

describe("POST /api/v1/claims/validate", () => {
  it("decides a photo with the model and answers in the photo-validation shape", async () => {
    const claimId = newClaimId();
    const res = await validate({ claim_id: claimId, customer_id: customer.customerId, image: toBase64(images.sharp) });
    expect(res.headers.get("server-timing")).toMatch(
      /auth;dur=.*body;dur=.*decode;dur=.*quality;dur=.*inference;dur=.*storage;dur=.*claim_write;dur=.*total;dur=/,
    );
    const body = await readAs(res, postPhotoValidationRoute, 200);
    expect(body.claim_id).toBe(claimId);
    expect(["APPROVED", "REJECTED"]).toContain(body.effective_status);
    expect(body.result.quality_score).toBeGreaterThanOrEqual(0.4);
    expect(Object.keys(body.result.quality_breakdown).sort()).toEqual(["brightness", "contrast", "sharpness"]);
    expect(body.result.confidence).toBeGreaterThanOrEqual(0.5);
    // The approval rule, checked against the model's own output.
    const approved = body.result.damage_detected && body.result.confidence >= 0.7;
    expect(body.effective_status).toBe(approved ? "APPROVED" : "REJECTED");
    expect(body.user_override_allowed).toBe(!approved);
    if (!approved) expect(body.reason).toBe(body.result.confidence < 0.7 ? "low_confidence" : "no_damage");
    expect(body).not.toHaveProperty("system_status");

    const detail = await readBody(await api(`/api/v1/claims/${claimId}`, { token: customer.token }), photoClaimDetail);
    expect(detail).toMatchObject({
      claim_id: claimId,
      channel: "photo",
      effective_status: body.effective_status,
      system_status: body.effective_status,
      user_override: false,
    });
    expect(detail.fraud_flag).toBeUndefined();
    expect(detail.audit_trail.map((e) => e.action)).toEqual(["claim.photo_submitted"]);
  });

  it("accepts the photo as multipart and as a raw image/jpeg body", async () => {
    const form = new FormData();
    const claimId = newClaimId();
    form.append("claim_id", claimId);
    form.append("customer_id", customer.customerId!);
    form.append("image", new File([images.sharp], "photo.jpg", { type: "image/jpeg" }));
    const multipart = await api("/api/v1/claims/validate", { method: "POST", token: customer.token, body: form });
    expect(await readAs(multipart, postPhotoValidationRoute, 200)).toMatchObject({ claim_id: claimId });

    const raw = await api(`/api/v1/claims/validate?claim_id=${newClaimId()}&customer_id=${customer.customerId}`, {
      method: "POST",
      token: customer.token,
      body: images.sharp,
      headers: { "content-type": "image/jpeg" },
    });
    await readAs(raw, postPhotoValidationRoute, 200);
  });

  it("replaces the result when the same customer resubmits the claim id, and keeps other customers apart", async () => {
    const claimId = newClaimId();
    await validate({ claim_id: claimId, customer_id: customer.customerId, image: toBase64(images.sharp) });
    const other2 = await encodeJpeg(makeScene(1024, 768, 99), 85);
    await validate({ claim_id: claimId, customer_id: customer.customerId, image: toBase64(other2) });
    const rows = await env.DB.prepare("SELECT id, customer_id FROM claims WHERE client_claim_id = ?")
      .bind(claimId)
      .all();
    expect(rows.results).toHaveLength(1);
    const detail = await readBody(await api(`/api/v1/claims/${claimId}`, { token: customer.token }), photoClaimDetail);
    expect(detail.audit_trail.map((e) => e.action)).toEqual(["claim.photo_submitted", "claim.photo_resubmitted"]);

    // Another customer using the same claim id gets a claim of its own.
    await validate({ claim_id: claimId, customer_id: other.customerId, image: toBase64(other2) }, other);
    const both = await env.DB.prepare("SELECT customer_id FROM claims WHERE client_claim_id = ? ORDER BY customer_id")
      .bind(claimId)
      .all();
    expect(both.results).toHaveLength(2);
    const mine = await readBody(await api(`/api/v1/claims/${claimId}`, { token: customer.token }), photoClaimDetail);
    expect(mine.audit_trail).toHaveLength(2);
  });

  it("flags a photo that is a near duplicate of another customer's (staff see it, the customer does not)", async () => {
    const reused = await encodeJpeg(makeScene(1280, 960, 4242), 90);
    const first = newClaimId();
    await validate({ claim_id: first, customer_id: customer.customerId, image: toBase64(reused) });
    // The same photo, re-encoded at another quality, from another customer.
    const second = newClaimId();
    const copy = await encodeJpeg(makeScene(1280, 960, 4242), 70);
    await validate({ claim_id: second, customer_id: other.customerId, image: toBase64(copy) }, other);
    const admin = await createUser("admin");
    const staffView = await readBody(await api(`/api/v1/claims/${second}`, { token: admin.token }), photoClaimDetail);
    expect(staffView.fraud_flag).toBe(true);
    expect(staffView.fraud_reason).toMatch(/near-duplicate/);
    const ownView = await readBody(await api(`/api/v1/claims/${second}`, { token: other.token }), photoClaimDetail);
    expect(ownView.fraud_flag).toBeUndefined();
    // Resubmitting one's own photo is not reuse.
    const mine = await readBody(await api(`/api/v1/claims/${first}`, { token: admin.token }), photoClaimDetail);
    expect(mine.fraud_flag).toBe(false);
  });
});
