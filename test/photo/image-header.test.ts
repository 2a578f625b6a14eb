import { describe, expect, it } from "vitest";
import { inspectImage, readJpegFrame, sniffImageFormat } from "../../src/domain/photo/image-header";
import { MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, MIN_IMAGE_SIDE } from "../../src/domain/photo/limits";
import { app1Exif, concat, jpegHeader, pngHeader, SOI, segment, sof } from "./bytes";

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe("sniffImageFormat", () => {
  it.each([
    ["jpeg", Uint8Array.of(0xff, 0xd8, 0xff, 0xe0), "jpeg"],
    ["png", Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), "png"],
    ["jpeg magic cut short", Uint8Array.of(0xff, 0xd8), undefined],
    ["png magic with a wrong byte", Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x00), undefined],
    ["gif", ascii("GIF89a......"), undefined],
    ["empty", new Uint8Array(0), undefined],
  ])("%s", (_name, bytes, expected) => {
    expect(sniffImageFormat(bytes)).toBe(expected);
  });
});

describe("inspectImage: accepted headers", () => {
  it.each([
    ["baseline JPEG", jpegHeader({ width: 1280, height: 960 }), 1280, 960, false],
    ["progressive JPEG (SOF2)", jpegHeader({ width: 800, height: 600, sofMarker: 0xc2 }), 800, 600, true],
    ["extended JPEG (SOF1)", jpegHeader({ width: 640, height: 480, sofMarker: 0xc1 }), 640, 480, false],
    ["JPEG with APP1/EXIF before the frame", jpegHeader({ width: 4032, height: 3024, exif: true }), 4032, 3024, false],
    ["JPEG exactly 320x320", jpegHeader({ width: 320, height: 320 }), 320, 320, false],
    ["portrait JPEG", jpegHeader({ width: 960, height: 1280, exif: true, sofMarker: 0xc2 }), 960, 1280, true],
    ["RGBA PNG", pngHeader({ width: 1024, height: 768 }), 1024, 768, false],
    ["grey 16-bit PNG", pngHeader({ width: 500, height: 400, colour: 0, depth: 16 }), 500, 400, false],
    ["palette PNG", pngHeader({ width: 320, height: 320, colour: 3, depth: 4 }), 320, 320, false],
  ])("%s", (_name, bytes, width, height, progressive) => {
    const r = inspectImage(bytes);
    expect(r).toMatchObject({ ok: true, value: { width, height, progressive } });
  });

  it("JPEG with fill bytes and stray bytes between segments", () => {
    const bytes = concat(SOI, [0xff, 0xff], app1Exif(10), [0x00, 0x13], sof(0xc0, 700, 500));
    expect(inspectImage(bytes)).toMatchObject({ ok: true, value: { format: "jpeg", width: 700, height: 500 } });
  });

  it("a thumbnail JPEG inside the EXIF segment does not give its size", () => {
    const thumbnail = [...SOI, ...sof(0xc0, 160, 120), 0xff, 0xd9];
    const exif = segment(0xe1, [...Array.from("Exif\0\0", (c) => c.charCodeAt(0)), ...thumbnail]);
    const bytes = concat(SOI, exif, sof(0xc2, 4032, 3024));
    expect(inspectImage(bytes)).toMatchObject({ ok: true, value: { width: 4032, height: 3024, progressive: true } });
  });

  it("DHT/DAC/JPG markers are not mistaken for frames", () => {
    const bytes = concat(SOI, segment(0xc4, [1, 2, 3]), segment(0xcc, [1, 2]), sof(0xc2, 401, 402));
    expect(readJpegFrame(bytes)).toEqual({ width: 401, height: 402, progressive: true, orientation: 1 });
  });
});

describe("inspectImage: refused headers", () => {
  const jpeg = jpegHeader({ width: 1280, height: 960, exif: true });
  const cases: Array<[string, Uint8Array, string]> = [
    ["empty", new Uint8Array(0), "VALIDATION_ERROR"],
    ["GIF", ascii("GIF89a\x01\x00\x01\x00"), "INVALID_IMAGE_FORMAT"],
    ["WebP", ascii("RIFF\0\0\0\0WEBPVP8 "), "INVALID_IMAGE_FORMAT"],
    ["HEIC", ascii("\0\0\0\x18ftypheic\0\0\0\0"), "INVALID_IMAGE_FORMAT"],
    ["PDF", ascii("%PDF-1.7\n"), "INVALID_IMAGE_FORMAT"],
    ["text", ascii("hello world, not an image"), "INVALID_IMAGE_FORMAT"],
    ["JPEG magic only", Uint8Array.of(0xff, 0xd8, 0xff), "INVALID_IMAGE"],
    ["JPEG cut inside the EXIF segment", jpeg.subarray(0, 60), "INVALID_IMAGE"],
    ["JPEG cut inside the frame header", jpeg.subarray(0, jpeg.indexOf(0xc0, 100) + 4), "INVALID_IMAGE"],
    ["JPEG with scan before any frame", concat(SOI, segment(0xda, [1, 2, 3]), [0xff, 0xd9]), "INVALID_IMAGE"],
    ["JPEG with EOI before any frame", concat(SOI, [0xff, 0xd9]), "INVALID_IMAGE"],
    ["JPEG with a zero-length segment", concat(SOI, [0xff, 0xe0, 0x00, 0x00]), "INVALID_IMAGE"],
    ["JPEG with zero height (DNL)", concat(SOI, sof(0xc0, 640, 0)), "INVALID_IMAGE"],
    ["JPEG followed by garbage only", concat(SOI, [0xff], new Array(5000).fill(0x41)), "INVALID_IMAGE"],
    ["PNG signature only", pngHeader({ width: 800, height: 600 }).subarray(0, 8), "INVALID_IMAGE"],
    ["PNG with a bad IHDR CRC", pngHeader({ width: 800, height: 600, badCrc: true }), "INVALID_IMAGE"],
    ["PNG with an invalid depth", pngHeader({ width: 800, height: 600, colour: 2, depth: 4 }), "INVALID_IMAGE"],
    ["PNG with zero width", pngHeader({ width: 0, height: 600 }), "INVALID_IMAGE"],
    ["PNG with width >= 2^31", pngHeader({ width: 0x80000000, height: 600 }), "INVALID_IMAGE"],
    ["JPEG below 320 wide", jpegHeader({ width: 319, height: 480 }), "VALIDATION_ERROR"],
    ["PNG below 320 high", pngHeader({ width: 640, height: 200 }), "VALIDATION_ERROR"],
    ["thumbnail 259x194", jpegHeader({ width: 259, height: 194 }), "VALIDATION_ERROR"],
    ["30000x30000 JPEG", jpegHeader({ width: 30000, height: 30000 }), "PAYLOAD_TOO_LARGE"],
    ["65535x65535 JPEG", jpegHeader({ width: 65535, height: 65535 }), "PAYLOAD_TOO_LARGE"],
    ["30000x30000 PNG", pngHeader({ width: 30000, height: 30000 }), "PAYLOAD_TOO_LARGE"],
    ["100000x400 PNG", pngHeader({ width: 100000, height: 400 }), "PAYLOAD_TOO_LARGE"],
    [
      "one pixel over the pixel budget",
      pngHeader({ width: MAX_IMAGE_PIXELS / 2048 + 1, height: 2048 }),
      "PAYLOAD_TOO_LARGE",
    ],
  ];
  it.each(cases)("%s → %s", (_name, bytes, code) => {
    const r = inspectImage(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });

  it("over 10 MB of bytes is refused before the header is read", () => {
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
    big.set(jpegHeader({ width: 1280, height: 960 }));
    const r = inspectImage(big);
    expect(r).toMatchObject({ ok: false, error: { code: "PAYLOAD_TOO_LARGE" } });
  });

  it("the error names what was received and the limits", () => {
    expect(inspectImage(ascii("GIF89a\x01\x00"))).toMatchObject({ error: { details: { detected_format: "gif" } } });
    expect(inspectImage(jpegHeader({ width: 300, height: 300 }))).toMatchObject({
      error: { details: { width: 300, height: 300, min_width: MIN_IMAGE_SIDE } },
    });
  });

  it("never throws on random bytes behind a valid magic", () => {
    let seed = 1;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return (seed >>> 16) & 0xff;
    };
    for (let t = 0; t < 300; t++) {
      const body = Uint8Array.from({ length: 1 + ((t * 37) % 700) }, rand);
      const magic = t % 2 ? [0xff, 0xd8, 0xff] : [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
      const r = inspectImage(concat(magic, body));
      expect(typeof r.ok).toBe("boolean");
    }
  });
});
