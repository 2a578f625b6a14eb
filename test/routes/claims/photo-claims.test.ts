import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { api, createUser, expectError, json, type TestUser } from "../../helpers";
import { encodeJpeg, makeScene } from "../../photo/scene";
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

const validate = (body: unknown, user = customer) => api("/api/v1/claims/validate", { method: "POST", token: user.token, body });
const newClaimId = () => `CLM-${crypto.randomUUID().slice(0, 8)}`;
const photoObjects = async () => (await env.DOCUMENTS.list({ prefix: "photos/" })).objects.length;
const photoClaims = async () => (await env.DB.prepare("SELECT count(*) AS n FROM claims WHERE channel = 'photo'").first<{ n: number }>())!.n;

describe("POST /api/v1/claims/validate", () => {
  it("decides a photo with the model and answers in the photo-validation shape", async () => {
    const claimId = newClaimId();
    const res = await validate({ claim_id: claimId, customer_id: customer.customerId, image: toBase64(images.sharp) });
    expect(res.status).toBe(200);
    expect(res.headers.get("server-timing")).toMatch(/decode;dur=.*quality;dur=.*inference;dur=.*storage;dur=/);
    const body = await json(res);
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
    expect(body.system_status).toBeUndefined();

    const detail = await json(await api(`/api/v1/claims/${claimId}`, { token: customer.token }));
    expect(detail).toMatchObject({ claim_id: claimId, channel: "photo", effective_status: body.effective_status, system_status: body.effective_status, user_override: false });
    expect(detail.fraud_flag).toBeUndefined();
    expect(detail.audit_trail.map((e: { action: string }) => e.action)).toEqual(["claim.photo_submitted"]);
  });

  it("accepts the photo as multipart and as a raw image/jpeg body", async () => {
    const form = new FormData();
    const claimId = newClaimId();
    form.append("claim_id", claimId);
    form.append("customer_id", customer.customerId!);
    form.append("image", new File([images.sharp], "photo.jpg", { type: "image/jpeg" }));
    const multipart = await api("/api/v1/claims/validate", { method: "POST", token: customer.token, body: form });
    expect(multipart.status).toBe(200);

    const raw = await api(`/api/v1/claims/validate?claim_id=${newClaimId()}&customer_id=${customer.customerId}`, {
      method: "POST",
      token: customer.token,
      body: images.sharp,
      headers: { "content-type": "image/jpeg" },
    });
    expect(raw.status).toBe(200);
  });

  it("replaces the result when the same customer resubmits the claim id, and keeps other customers apart", async () => {
    const claimId = newClaimId();
    await validate({ claim_id: claimId, customer_id: customer.customerId, image: toBase64(images.sharp) });
    const other2 = await encodeJpeg(makeScene(1024, 768, 99), 85);
    await validate({ claim_id: claimId, customer_id: customer.customerId, image: toBase64(other2) });
    const rows = await env.DB.prepare("SELECT id, customer_id FROM claims WHERE client_claim_id = ?").bind(claimId).all();
    expect(rows.results).toHaveLength(1);
    const detail = await json(await api(`/api/v1/claims/${claimId}`, { token: customer.token }));
    expect(detail.audit_trail.map((e: { action: string }) => e.action)).toEqual(["claim.photo_submitted", "claim.photo_resubmitted"]);

    // Another customer using the same claim id gets a claim of its own.
    await validate({ claim_id: claimId, customer_id: other.customerId, image: toBase64(other2) }, other);
    const both = await env.DB.prepare("SELECT customer_id FROM claims WHERE client_claim_id = ? ORDER BY customer_id").bind(claimId).all();
    expect(both.results).toHaveLength(2);
    const mine = await json(await api(`/api/v1/claims/${claimId}`, { token: customer.token }));
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
    const staffView = await json(await api(`/api/v1/claims/${second}`, { token: admin.token }));
    expect(staffView.fraud_flag).toBe(true);
    expect(staffView.fraud_reason).toMatch(/near-duplicate/);
    const ownView = await json(await api(`/api/v1/claims/${second}`, { token: other.token }));
    expect(ownView.fraud_flag).toBeUndefined();
    // Resubmitting one's own photo is not reuse.
    const mine = await json(await api(`/api/v1/claims/${first}`, { token: admin.token }));
    expect(mine.fraud_flag).toBe(false);
  });
});

describe("POST /api/v1/claims/validate refuses bad photos and stores nothing", () => {
  const refused = async (body: unknown, status: number, code: string) => {
    const before = { objects: await photoObjects(), claims: await photoClaims() };
    const error = await expectError(await validate(body), status, code);
    expect({ objects: await photoObjects(), claims: await photoClaims() }).toEqual(before);
    return error;
  };

  it("QUALITY_TOO_LOW with the breakdown, issues and guidance, for a blurred and a dark photo", async () => {
    for (const image of [images.blurred, images.dark]) {
      const body = await refused({ claim_id: newClaimId(), customer_id: customer.customerId, image: toBase64(image) }, 400, "QUALITY_TOO_LOW");
      expect(body.error.details.quality_score).toBeLessThan(0.4);
      expect(body.error.details.issues.length).toBeGreaterThan(0);
      expect(typeof body.error.feedback).toBe("string");
    }
  });

  it.each([
    ["bad base64", "!!!not base64!!!", "INVALID_IMAGE"],
    ["a GIF", toBase64(new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0, 0, 0])), "INVALID_IMAGE_FORMAT"],
  ])("%s", async (_, image, code) => {
    await refused({ claim_id: newClaimId(), customer_id: customer.customerId, image }, 400, code);
  });

  it("a photo under 320×320 and a missing field → VALIDATION_ERROR", async () => {
    const small = await encodeJpeg(makeScene(300, 300, 3), 90);
    await refused({ claim_id: newClaimId(), customer_id: customer.customerId, image: toBase64(small) }, 400, "VALIDATION_ERROR");
    await refused({ claim_id: newClaimId(), image: toBase64(images.sharp) }, 400, "VALIDATION_ERROR");
  });

  it("a 30000×30000 image is refused from its header, before decoding", async () => {
    const { jpegHeader } = await import("../photo/bytes");
    const huge = jpegHeader({ width: 30000, height: 30000 });
    await refused({ claim_id: newClaimId(), customer_id: customer.customerId, image: toBase64(huge) }, 413, "PAYLOAD_TOO_LARGE");
  });

  it("a customer may not submit for another customer; insurers and providers may not submit", async () => {
    await expectError(await validate({ claim_id: newClaimId(), customer_id: other.customerId, image: toBase64(images.sharp) }), 403, "FORBIDDEN");
    for (const role of ["insurer", "provider"] as const) {
      const user = await createUser(role);
      await expectError(await validate({ claim_id: newClaimId(), customer_id: "X", image: "x" }, user), 403, "FORBIDDEN");
    }
  });
});
