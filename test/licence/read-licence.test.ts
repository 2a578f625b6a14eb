// readDriversLicence inside workerd: real decoders (@jsquash), zxing-wasm and tesseract-wasm
// on the generated licence images.
import { describe, expect, it } from "vitest";
import traineddata from "../../node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz";
import { PhotoError } from "../../src/domain/photo/errors";
import { readDriversLicence } from "../../src/licence";
import { getPageOcr } from "../../src/pdf/ocr";
import { jpegHeader } from "../photo/bytes";
import { CORE_KEYS, imageBytes, LICENCE_FIXTURES, wrongFields } from "./fixtures";

const ocr = () => getPageOcr(async () => traineddata);
const read = (file: string, ocrMode?: "auto" | "always" | "never") =>
  readDriversLicence(imageBytes(file), { ocr, ocrMode });

describe("backs: the PDF417 barcode", () => {
  for (const fx of LICENCE_FIXTURES.filter(
    (f) => f.side === "back" && f.variant === "scan" && f.layout.startsWith("v"),
  )) {
    it(`${fx.file}: every field from the barcode`, async () => {
      const reading = await read(fx.file);
      expect(reading.barcodeFound).toBe(true);
      expect(wrongFields(reading.fields, fx.fields)).toEqual([]);
      for (const key of Object.keys(reading.sources))
        expect(reading.sources[key as keyof typeof reading.sources]).toBe("barcode");
      expect(reading.confidence).toBeGreaterThan(0.95);
      expect(reading.ocr.ran).toBe(false);
    });
  }

  it("phone photos of backs: most barcodes decode, and a decoded one is read exactly", async () => {
    const photos = LICENCE_FIXTURES.filter((f) => f.side === "back" && f.variant === "photo");
    let decoded = 0;
    for (const fx of photos) {
      const reading = await read(fx.file, "never");
      if (!reading.barcodeFound) continue;
      decoded++;
      expect(wrongFields(reading.fields, fx.fields)).toEqual([]);
    }
    expect(decoded).toBeGreaterThanOrEqual(photos.length - 2);
  });

  for (const [file, reason] of [
    ["back-malformed-payload.jpg", /designator|subfile|6 digits|version/],
    ["back-not-a-licence-barcode.jpg", /compliance indicator/],
  ] as const) {
    it(`${file}: a symbol that decodes but is no licence is refused with its reason`, async () => {
      const reading = await read(file);
      expect(reading.barcodeFound).toBe(false);
      expect(reading.barcode.rejected).toHaveLength(1);
      expect(reading.barcode.rejected[0]).toMatch(reason);
      expect(Object.values(reading.fields).every((v) => v === "")).toBe(true);
    });
  }

  it("a half-covered barcode: nothing decoded, nothing made up, no crash", async () => {
    const reading = await read("back-covered-barcode.jpg");
    expect(reading.barcodeFound).toBe(false);
    expect(reading.fields.DOCUMENT_NUMBER).toBe("");
    expect(reading.fields.ID_TYPE).toBe("");
  });
});

describe("fronts: OCR", () => {
  for (const fx of LICENCE_FIXTURES.filter((f) => f.side === "front" && f.variant === "scan")) {
    it(`${fx.file}: the core fields, and no wrong value with high confidence`, async () => {
      const reading = await read(fx.file);
      expect(reading.barcodeFound).toBe(false);
      expect(reading.fields.ID_TYPE).toBe("DRIVER LICENSE FRONT");
      expect(wrongFields(reading.fields, fx.fields, CORE_KEYS)).toEqual([]);
      const wrong = wrongFields(
        reading.fields,
        fx.fields,
        Object.keys(fx.fields).filter((k) => fx.fields[k]),
      );
      expect(wrong.length).toBeLessThanOrEqual(3);
      for (const key of Object.keys(reading.sources))
        expect(reading.sources[key as keyof typeof reading.sources]).toBe("ocr");
    });
  }

  it("a phone photo of a front (tilted, blurred, unevenly lit): most core fields", async () => {
    const fx = LICENCE_FIXTURES.find((f) => f.file === "front-stacked-1-photo.jpg")!;
    const reading = await read(fx.file);
    expect(reading.fields.ID_TYPE).toBe("DRIVER LICENSE FRONT");
    expect(wrongFields(reading.fields, fx.fields, CORE_KEYS).length).toBeLessThanOrEqual(1);
  });
});

describe("images that are not licences, and images refused before decoding", () => {
  it("a car photo: no fields, no crash", async () => {
    const reading = await read("car-photo.jpg");
    expect(reading.barcodeFound).toBe(false);
    expect(Object.values(reading.fields).every((v) => v === "")).toBe(true);
    expect(reading.confidence).toBe(0);
  });

  const refused: Array<[string, Uint8Array, string]> = [
    ["empty", new Uint8Array(0), "VALIDATION_ERROR"],
    ["a PDF", new TextEncoder().encode("%PDF-1.7\n..."), "INVALID_IMAGE_FORMAT"],
    ["a tiny JPEG (100x80)", jpegHeader({ width: 100, height: 80 }), "VALIDATION_ERROR"],
    ["a JPEG claiming 30000x30000", jpegHeader({ width: 30000, height: 30000 }), "PAYLOAD_TOO_LARGE"],
    ["a JPEG header with no image data", jpegHeader({ width: 1024, height: 768 }), "INVALID_IMAGE"],
  ];
  it("a truncated licence photo: refused or read as what is left, never a crash", async () => {
    const outcome = await readDriversLicence(imageBytes("front-inline-1-scan.jpg").slice(0, 2000), { ocr }).catch(
      (e: unknown) => e,
    );
    if (outcome instanceof PhotoError) expect(outcome.code).toBe("INVALID_IMAGE");
    else expect((outcome as { fields: Record<string, string> }).fields.DOCUMENT_NUMBER).toBe("");
  });

  for (const [name, bytes, code] of refused) {
    it(`${name} → ${code}`, async () => {
      const error = await readDriversLicence(bytes, { ocr }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PhotoError);
      expect((error as PhotoError).code).toBe(code);
    });
  }
});
