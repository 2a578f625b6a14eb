import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { ErrorCode } from "../../../src/errors/codes";
import { api, createUser, expectError, type TestUser } from "../../helpers";
import { encodeJpeg, makeScene } from "../../photo/scene";
import { installDamageModel, photos, toBase64 } from "./photo-fixtures";

let customer: TestUser;
let images: Awaited<ReturnType<typeof photos>>;

beforeAll(async () => {
  await installDamageModel();
  customer = await createUser("customer");
  images = await photos();
});

const validate = (body: unknown, user = customer) =>
  api("/api/v1/claims/validate", { method: "POST", token: user.token, body });
const newClaimId = () => `CLM-${crypto.randomUUID().slice(0, 8)}`;
const photoObjects = async () => (await env.DOCUMENTS.list({ prefix: "photos/" })).objects.length;
const photoClaims = async () =>
  (await env.DB.prepare("SELECT count(*) AS n FROM claims WHERE channel = 'photo'").first<{ n: number }>())!.n;

describe("POST /api/v1/claims/validate refuses bad photos and stores nothing", () => {
  const refused = async (body: unknown, status: number, code: ErrorCode) => {
    const before = { objects: await photoObjects(), claims: await photoClaims() };
    const error = await expectError(await validate(body), status, code);
    expect({ objects: await photoObjects(), claims: await photoClaims() }).toEqual(before);
    return error;
  };

  it("QUALITY_TOO_LOW with the breakdown, issues and guidance, for a blurred and a dark photo", async () => {
    for (const image of [images.blurred, images.dark]) {
      const body = await refused(
        { claim_id: newClaimId(), customer_id: customer.customerId, image: toBase64(image) },
        400,
        "QUALITY_TOO_LOW",
      );
      const details = z.object({ quality_score: z.number(), issues: z.array(z.string()) }).parse(body.error.details);
      expect(details.quality_score).toBeLessThan(0.4);
      expect(details.issues.length).toBeGreaterThan(0);
      expect(typeof body.error.feedback).toBe("string");
    }
  });

  it.each([
    ["bad base64", "!!!not base64!!!", "INVALID_IMAGE"],
    [
      "a GIF",
      toBase64(new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0, 0, 0])),
      "INVALID_IMAGE_FORMAT",
    ],
  ] as const)("%s", async (_, image, code) => {
    await refused({ claim_id: newClaimId(), customer_id: customer.customerId, image }, 400, code);
  });

  it("a photo under 320×320 and a missing field → VALIDATION_ERROR", async () => {
    const small = await encodeJpeg(makeScene(300, 300, 3), 90);
    await refused(
      { claim_id: newClaimId(), customer_id: customer.customerId, image: toBase64(small) },
      400,
      "VALIDATION_ERROR",
    );
    await refused({ claim_id: newClaimId(), image: toBase64(images.sharp) }, 400, "VALIDATION_ERROR");
  });

  it("a 30000×30000 image is refused from its header, before decoding", async () => {
    const { jpegHeader } = await import("../../photo/bytes");
    const huge = jpegHeader({ width: 30000, height: 30000 });
    await refused(
      { claim_id: newClaimId(), customer_id: customer.customerId, image: toBase64(huge) },
      413,
      "PAYLOAD_TOO_LARGE",
    );
  });
});
