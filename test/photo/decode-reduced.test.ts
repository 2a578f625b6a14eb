import { describe, expect, it } from "vitest";
import { PHOTO_DECODE_NEEDS } from "../../src/domain/photo/decode-scale";
import type { RgbaImage } from "../../src/domain/photo/image";
import type { ImageHeader } from "../../src/domain/photo/image-header";
import { damageModelInput } from "../../src/domain/photo/preprocess";
import { assessPhotoQuality } from "../../src/domain/photo/quality";
import { decodePhoto, decodePhotoReduced } from "../../src/image/decode";
import { preparePhoto } from "../../src/image/pipeline";
import { header, meanAbsDiff } from "./decode-helpers";
import { encodeJpeg, encodePng, gaussianBlur, makeScene, mapColours } from "./scene";

/** Full decode (@jsquash) against the reduced decode (libjpeg-turbo DCT scaling) of one JPEG. */
async function both(jpeg: Uint8Array): Promise<[RgbaImage, RgbaImage]> {
  const h = header(jpeg);
  return [await decodePhoto(jpeg, h), await decodePhotoReduced(jpeg, h, PHOTO_DECODE_NEEDS)];
}

describe("decodePhotoReduced: a 1280×960 JPEG decoded at 1/2 scale inside workerd (libjpeg-turbo wasm)", () => {
  it("gives 640×480 RGBA whose model input matches the full decode's", async () => {
    const [full, reduced] = await both(await encodeJpeg(makeScene(1280, 960, 31), 85));
    expect([reduced.width, reduced.height, reduced.data.length]).toEqual([640, 480, 640 * 480 * 4]);
    // Both squash to 224×224 block means (block bounds differ at edges): on average within 2 of 255 levels.
    expect(meanAbsDiff(damageModelInput(full), damageModelInput(reduced))).toBeLessThan(2 / 127.5);
  });

  it.each([
    ["sharp", (s: RgbaImage) => s, true],
    ["blurred σ=4", (s: RgbaImage) => gaussianBlur(s, 4), false],
    ["dark ×0.2", (s: RgbaImage) => mapColours(s, (v) => v * 0.2), false],
    ["washed out", (s: RgbaImage) => mapColours(s, (v) => 0.3 * v + 0.7 * 235), false],
  ])("the quality gate decides a %s photo the same way", async (_name, degrade, passes) => {
    const [full, reduced] = await both(await encodeJpeg(degrade(makeScene(1280, 960, 32)), 85));
    const [a, b] = [assessPhotoQuality(full), assessPhotoQuality(reduced)];
    expect(a.passed).toBe(passes);
    expect(b.passed).toBe(passes);
    expect(Math.abs(a.qualityScore - b.qualityScore)).toBeLessThanOrEqual(0.05);
  });

  it("a progressive JPEG decodes reduced too", async () => {
    const jpeg = await encodeJpeg(makeScene(1280, 960, 33), 85, true);
    const [full, reduced] = await both(jpeg);
    expect(reduced.width).toBe(640);
    expect(meanAbsDiff(damageModelInput(full), damageModelInput(reduced))).toBeLessThan(2 / 127.5);
  });

  it("a JPEG under twice the working size and a PNG decode in full", async () => {
    const small = await encodeJpeg(makeScene(800, 600, 34), 85);
    expect((await decodePhotoReduced(small, header(small), PHOTO_DECODE_NEEDS)).width).toBe(800);
    const png = await encodePng(makeScene(1280, 960, 35));
    expect((await decodePhotoReduced(png, header(png), PHOTO_DECODE_NEEDS)).width).toBe(1280);
  });

  it("corrupt data is INVALID_IMAGE, and the next photo decodes on a fresh decoder", async () => {
    const jpeg = await encodeJpeg(makeScene(1280, 960, 36), 85);
    const broken = jpeg.slice();
    broken.fill(0xff, 600, 2000); // through the quantisation/Huffman tables
    await expect(decodePhotoReduced(broken, header(broken), PHOTO_DECODE_NEEDS)).rejects.toMatchObject({
      code: "INVALID_IMAGE",
    });
    expect((await decodePhotoReduced(jpeg, header(jpeg), PHOTO_DECODE_NEEDS)).width).toBe(640);
  });

  it("a header that lies about the size is INVALID_IMAGE", async () => {
    const jpeg = await encodeJpeg(makeScene(1280, 960, 37), 85);
    const lie: ImageHeader = { ...header(jpeg), width: 1600 };
    await expect(decodePhotoReduced(jpeg, lie, PHOTO_DECODE_NEEDS)).rejects.toMatchObject({ code: "INVALID_IMAGE" });
  });

  it("preparePhoto keeps the stored size in its header and hands the model a full 224×224 input", async () => {
    const photo = await preparePhoto(await encodeJpeg(makeScene(1280, 960, 38), 85));
    expect(photo.header).toMatchObject({ width: 1280, height: 960 });
    expect([photo.image.width, photo.image.height]).toEqual([640, 480]);
    expect(photo.modelInput.length).toBe(3 * 224 * 224);
  });
});
