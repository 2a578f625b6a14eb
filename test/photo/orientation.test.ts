import { describe, expect, it } from "vitest";
import { PHOTO_DECODE_NEEDS } from "../../src/domain/photo/decode-scale";
import { inspectImage } from "../../src/domain/photo/image-header";
import { exifOrientation, type Orientation, orientUpright } from "../../src/domain/photo/orientation";
import { decodePhoto, decodePhotoReduced } from "../../src/image/decode";
import { concat, SOI, segment, sof } from "./bytes";
import { header, meanAbsDiff } from "./decode-helpers";
import { encodeJpeg, makeScene } from "./scene";

const EXIF = Array.from("Exif\0\0", (c) => c.charCodeAt(0));

/** An APP1 payload whose first IFD holds `entries` (tag, type, value), in either byte order. */
function exifPayload(entries: Array<[number, number, number]>, little = true): Uint8Array {
  const tiff = new DataView(new ArrayBuffer(8 + 2 + entries.length * 12 + 4));
  tiff.setUint16(0, little ? 0x4949 : 0x4d4d);
  tiff.setUint16(2, 42, little);
  tiff.setUint32(4, 8, little);
  tiff.setUint16(8, entries.length, little);
  entries.forEach(([tag, type, value], k) => {
    const at = 10 + k * 12;
    tiff.setUint16(at, tag, little);
    tiff.setUint16(at + 2, type, little);
    tiff.setUint32(at + 4, 1, little);
    tiff.setUint16(at + 8, value, little);
  });
  return Uint8Array.from([...EXIF, ...new Uint8Array(tiff.buffer)]);
}

describe("exifOrientation", () => {
  it.each<[string, Uint8Array, Orientation]>([
    ["little-endian, turned 90° (6)", exifPayload([[0x0112, 3, 6]]), 6],
    ["big-endian, turned 270° (8)", exifPayload([[0x0112, 3, 8]], false), 8],
    [
      "after other tags",
      exifPayload([
        [0x010f, 2, 0],
        [0x0110, 2, 0],
        [0x0112, 3, 3],
      ]),
      3,
    ],
    ["no orientation tag", exifPayload([[0x010f, 2, 0]]), 1],
    ["orientation stored as LONG, not SHORT", exifPayload([[0x0112, 4, 6]]), 1],
    ["out-of-range value 9", exifPayload([[0x0112, 3, 9]]), 1],
    ["zero", exifPayload([[0x0112, 3, 0]]), 1],
    [
      "not an Exif block (XMP)",
      Uint8Array.from(Array.from("http://ns.adobe.com/xap/1.0/\0", (c) => c.charCodeAt(0))),
      1,
    ],
    ["cut inside the IFD", exifPayload([[0x0112, 3, 6]]).slice(0, 20), 1],
    ["IFD offset past the end", Uint8Array.from([...EXIF, 0x49, 0x49, 42, 0, 0xff, 0xff, 0, 0]), 1],
    ["bad byte order mark", Uint8Array.from([...EXIF, 0x41, 0x41, 42, 0, 8, 0, 0, 0]), 1],
    ["empty", new Uint8Array(0), 1],
  ])("%s → %i", (_name, payload, expected) => {
    expect(exifOrientation(payload)).toBe(expected);
  });

  it("inspectImage reports it, with the stored width and height", () => {
    const bytes = concat(SOI, segment(0xe1, exifPayload([[0x0112, 3, 6]])), sof(0xc0, 4032, 3024));
    expect(inspectImage(bytes)).toMatchObject({ ok: true, value: { width: 4032, height: 3024, orientation: 6 } });
  });
});

describe("orientUpright", () => {
  // Stored 3×2, each pixel's red channel is its id:  0 1 2 / 3 4 5
  const stored = {
    width: 3,
    height: 2,
    data: Uint8ClampedArray.from([0, 1, 2, 3, 4, 5].flatMap((id) => [id, 0, 0, 255])),
  };
  it.each<[Orientation, number, number, number[]]>([
    [1, 3, 2, [0, 1, 2, 3, 4, 5]],
    [2, 3, 2, [2, 1, 0, 5, 4, 3]],
    [3, 3, 2, [5, 4, 3, 2, 1, 0]],
    [4, 3, 2, [3, 4, 5, 0, 1, 2]],
    [5, 2, 3, [0, 3, 1, 4, 2, 5]],
    [6, 2, 3, [3, 0, 4, 1, 5, 2]],
    [7, 2, 3, [5, 2, 4, 1, 3, 0]],
    [8, 2, 3, [2, 5, 1, 4, 0, 3]],
  ])("orientation %i → %i×%i %j", (orientation, width, height, ids) => {
    const upright = orientUpright(stored, orientation);
    expect([upright.width, upright.height]).toEqual([width, height]);
    expect(Array.from(upright.data).filter((_, i) => i % 4 === 0)).toEqual(ids);
  });
});

describe("a phone's portrait photo, stored sideways with orientation 6, decodes upright inside workerd", () => {
  /** The same JPEG with an APP1 segment saying "turn 90° clockwise" right after SOI. */
  const withOrientation6 = (jpeg: Uint8Array) =>
    concat(SOI, segment(0xe1, exifPayload([[0x0112, 3, 6]])), Array.from(jpeg.subarray(2)));

  it.each([
    ["full decode", decodePhoto],
    ["reduced decode", (b: Uint8Array, h: ReturnType<typeof header>) => decodePhotoReduced(b, h, PHOTO_DECODE_NEEDS)],
  ] as const)("%s", async (_name, decode) => {
    const plain = await encodeJpeg(makeScene(1280, 960, 41), 90);
    const turned = withOrientation6(plain);
    const [a, b] = [await decode(plain, header(plain)), await decode(turned, header(turned))];
    expect([b.width, b.height]).toEqual([a.height, a.width]);
    expect(meanAbsDiff(b.data, orientUpright(a, 6).data)).toBe(0);
  });
});
