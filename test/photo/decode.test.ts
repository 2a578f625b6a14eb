import { describe, expect, it } from "vitest";
import { decodeBase64Image } from "../../src/domain/photo/base64";
import { PhotoError } from "../../src/domain/photo/errors";
import type { ImageHeader } from "../../src/domain/photo/image-header";
import { orientUpright } from "../../src/domain/photo/orientation";
import { perceptualHash } from "../../src/domain/photo/phash";
import { damageModelInput } from "../../src/domain/photo/preprocess";
import { assessPhotoQuality } from "../../src/domain/photo/quality";
import { decodePhoto } from "../../src/image/decode";
import { preparePhoto } from "../../src/image/pipeline";
import { toBase64 } from "./bytes";
import { header, meanAbsDiff } from "./decode-helpers";
import { encodeJpeg, encodePng, gaussianBlur, makeScene } from "./scene";

describe("decodePhoto inside workerd (@jsquash, wasm imported as modules)", () => {
  const scene = makeScene(640, 480, 5);

  it.each([
    ["baseline JPEG", false],
    ["progressive JPEG", true],
  ])("%s decodes to RGBA of the header's size, close to the source", async (_name, progressive) => {
    const jpeg = await encodeJpeg(scene, 90, progressive);
    const h = header(jpeg);
    expect(h.progressive).toBe(progressive);
    const img = await decodePhoto(jpeg, h);
    expect([img.width, img.height, img.data.length]).toEqual([640, 480, 640 * 480 * 4]);
    expect(meanAbsDiff(img.data, scene.data)).toBeLessThan(6);
  });

  it("EXIF orientation is applied: a JPEG stored 640x480 and tagged 'rotate 90°' decodes upright, 480x640", async () => {
    const jpeg = await encodeJpeg(scene, 90);
    // APP1 Exif, big-endian TIFF, one IFD entry: Orientation (0x0112) SHORT = 6
    const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0];
    const payload = [...Array.from("Exif\0\0", (c) => c.charCodeAt(0)), ...tiff];
    const app1 = [0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload];
    const tagged = new Uint8Array(jpeg.length + app1.length);
    tagged.set(jpeg.subarray(0, 2));
    tagged.set(app1, 2);
    tagged.set(jpeg.subarray(2), 2 + app1.length);
    const h = header(tagged);
    expect([h.width, h.height]).toEqual([640, 480]);
    const img = await decodePhoto(tagged, h);
    expect([img.width, img.height]).toEqual([480, 640]);
    expect(meanAbsDiff(img.data, orientUpright(scene, 6).data)).toBeLessThan(6);
  });

  it("PNG decodes losslessly", async () => {
    const png = await encodePng(scene);
    const img = await decodePhoto(png, header(png));
    expect(Array.from(img.data.subarray(0, 4000))).toEqual(Array.from(scene.data.subarray(0, 4000)));
  });

  it("a JPEG view into a larger buffer decodes (no stray bytes around it)", async () => {
    const jpeg = await encodeJpeg(scene, 80);
    const padded = new Uint8Array(jpeg.length + 64);
    padded.set(jpeg, 32);
    const view = padded.subarray(32, 32 + jpeg.length);
    expect((await decodePhoto(view, header(view))).width).toBe(640);
  });

  it("a PNG whose data is garbage behind a valid IHDR is INVALID_IMAGE", async () => {
    const png = await encodePng(scene);
    const broken = png.slice(0, 60);
    const error = await decodePhoto(broken, header(broken)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PhotoError);
    expect((error as PhotoError).code).toBe("INVALID_IMAGE");
  });

  it("a JPEG whose header lies about its size is INVALID_IMAGE", async () => {
    const jpeg = await encodeJpeg(scene, 80);
    const lie: ImageHeader = { ...header(jpeg), width: 800 };
    await expect(decodePhoto(jpeg, lie)).rejects.toMatchObject({ code: "INVALID_IMAGE" });
  });
});

describe("the photo pipeline end to end on a 1280x960 JPEG", () => {
  it("base64 → header → decode → quality → model input → pHash", async () => {
    const jpeg = await encodeJpeg(makeScene(1280, 960, 21), 85);
    const text = `data:image/jpeg;base64,${toBase64(jpeg)}`;

    const bytes = decodeBase64Image(text);
    if (!bytes.ok) throw new Error(bytes.error.message);
    const h = header(bytes.value);
    expect(h).toMatchObject({ format: "jpeg", width: 1280, height: 960 });
    const image = await decodePhoto(bytes.value, h);
    const quality = assessPhotoQuality(image);
    expect(quality.passed).toBe(true);
    const input = damageModelInput(image);
    expect(input.length).toBe(3 * 224 * 224);
    expect(perceptualHash(image)).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("preparePhoto (what POST /claims/validate calls)", () => {
  it("accepts a good photo as base64 or as raw bytes, with the same hash", async () => {
    const jpeg = await encodeJpeg(makeScene(1280, 960, 22), 85);
    const fromText = await preparePhoto(toBase64(jpeg));
    const fromBytes = await preparePhoto(jpeg);
    expect(fromText.header).toMatchObject({ format: "jpeg", width: 1280, height: 960 });
    expect(fromText.quality.passed).toBe(true);
    expect(fromText.modelInput.length).toBe(3 * 224 * 224);
    expect(fromText.perceptualHash).toBe(fromBytes.perceptualHash);
    expect(fromText.perceptualHash).toBe(perceptualHash(fromText.image));
    for (const ms of Object.values(fromText.timings)) expect(ms).toBeGreaterThanOrEqual(0);
  });

  it("refuses a blurry photo with the QUALITY_TOO_LOW rejection", async () => {
    const jpeg = await encodeJpeg(gaussianBlur(makeScene(640, 480, 23), 4), 85);
    const error = (await preparePhoto(jpeg).catch((e: unknown) => e)) as PhotoError;
    expect(error).toBeInstanceOf(PhotoError);
    expect(error.code).toBe("QUALITY_TOO_LOW");
    expect(error.message).toBe("Image quality insufficient for automated processing");
    expect(error.details).toMatchObject({ issues: ["Image too blurry - hold camera steady"] });
    expect((error.details as { quality_score: number }).quality_score).toBeLessThan(0.4);
    expect(Object.keys(error.details?.quality_breakdown as object)).toEqual(["sharpness", "brightness", "contrast"]);
    expect(error.feedback).toBe("Please retake the photo with a steady hand.");
  });

  it.each([
    ["not base64", "!!!", "INVALID_IMAGE"],
    ["a GIF", toBase64(Uint8Array.from("GIF89a\x01\x00\x01\x00", (c) => c.charCodeAt(0))), "INVALID_IMAGE_FORMAT"],
    ["empty", "", "VALIDATION_ERROR"],
  ])("refuses %s with %s", async (_name, text, code) => {
    await expect(preparePhoto(text)).rejects.toMatchObject({ code });
  });

  it("refuses a small photo before decoding it", async () => {
    const jpeg = await encodeJpeg(makeScene(300, 300, 2), 85);
    await expect(preparePhoto(jpeg)).rejects.toMatchObject({
      code: "VALIDATION_ERROR",
      details: { width: 300, height: 300 },
    });
  });
});
