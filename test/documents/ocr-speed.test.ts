// Timings inside workerd, printed as "OCR_SPEED {json}" lines for bench/ocr-speed.ts.
// Local workerd advances Date.now() during CPU work (production Workers do not).
import { expect, it } from "vitest";
import traineddata from "../../node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz";
import { readClaimDocument } from "../../src/pdf";
import { getPageOcr } from "../../src/pdf/ocr";
import { FIXTURE_FILES, FIXTURES } from "./fixtures";

it("measures text-layer and OCR seconds per page inside workerd", async () => {
  const ocr = () => getPageOcr(async () => traineddata);
  // Two passes: the first page an isolate OCRs pays tesseract's lazy start-up.
  for (const pass of ["cold", "warm"]) {
    for (const fx of FIXTURES.filter((f) => f.kind !== "form")) {
      const doc = await readClaimDocument(FIXTURE_FILES[fx.file]!, { ocr });
      const line = { pass, file: fx.file, kind: fx.kind, pages: doc.pageCount, ...doc.timings };
      console.log(`OCR_SPEED ${JSON.stringify(line)}`);
      if (fx.kind === "scanned") expect(doc.timings.ocrPages).toBe(1);
    }
  }
}, 120_000);
