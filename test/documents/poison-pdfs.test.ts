import { describe, expect, it } from "vitest";
import { inspectPdf, PdfRejectedError, readClaimDocument } from "../../src/pdf";
import { fitForOcr } from "../../src/pdf/reader";
import { checkPdfStructure } from "../../src/pdf/structure-check";
import { FIXTURE_FILES } from "./fixtures";
import { FAILS_ONLY_WHEN_READ, POISON_FILES, POISON_REASONS } from "./poison-fixtures";

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e as PdfRejectedError,
  );

describe("hostile PDFs are refused for what they would cost, before pdf.js decodes anything", () => {
  for (const [file, reason] of Object.entries(POISON_REASONS)) {
    it(`${file} → ${reason}`, async () => {
      const bytes = POISON_FILES[file]!;
      const started = Date.now();
      const read = await rejection(readClaimDocument(bytes));
      console.log(`${file}: ${read?.code} after ${Date.now() - started} ms`);
      expect(read).toBeInstanceOf(PdfRejectedError);
      expect(read!.code).toBe(reason);
      const inspected = await rejection(inspectPdf(bytes));
      if (FAILS_ONLY_WHEN_READ.has(file)) expect(inspected).toBeUndefined();
      else expect(inspected?.code).toBe(reason);
    });
  }

  it("says which image and how large", async () => {
    const err = await rejection(checkPdfStructure(new Uint8Array(POISON_FILES["lying-jpeg.pdf"]!)));
    expect(err?.details).toMatchObject({ width: 60000, height: 60000, source: "JPEG header" });
  });

  it("measures a claim form's real structure without refusing it", async () => {
    const structure = await checkPdfStructure(new Uint8Array(FIXTURE_FILES["typed-form.pdf"]!));
    expect(structure).toMatchObject({ pageObjects: 1, encrypted: false });
    expect(structure.decodedBytes).toBeGreaterThan(1000);
    expect(structure.contentOperators).toBeGreaterThan(50);
    const owner = await checkPdfStructure(new Uint8Array(FIXTURE_FILES["owner-locked.pdf"]!));
    expect(owner.encrypted).toBe(true);
  });

  it("a page with more text than any claim form stops being read once past the item cap", async () => {
    // Lift the operator cap so that the file reaches pdf.js: the text-item cap must hold on its own.
    const err = await rejection(
      readClaimDocument(POISON_FILES["text-flood.pdf"]!, { maxContentOperators: 10_000_000 }),
    );
    expect(err?.code).toBe("TOO_MUCH_CONTENT");
    expect(err?.message).toMatch(/more text than any claim form/);
  });

  it("reading stops at the time budget", async () => {
    const err = await rejection(readClaimDocument(FIXTURE_FILES["typed-form.pdf"]!, { readTimeBudgetMs: 0 }));
    expect(err?.code).toBe("READ_TIME_EXCEEDED");
  });

  it("a scan over the OCR pixel cap is shrunk by a whole factor before OCR", () => {
    const image = { data: new Uint8ClampedArray(4000 * 3000 * 4).fill(200), width: 4000, height: 3000 };
    const fitted = fitForOcr(image, 3_000_000);
    expect([fitted.width, fitted.height]).toEqual([2000, 1500]);
    expect(fitted.data[0]).toBe(200);
    expect(fitForOcr(image, 20_000_000)).toBe(image);
  });
});
