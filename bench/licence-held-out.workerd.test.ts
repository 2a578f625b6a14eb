// Reads every held-out licence image inside workerd and prints one "LICENCE_BENCH {json}"
// line per image for bench/licence-accuracy.ts. Local workerd advances Date.now() during CPU work.
import { expect, it } from "vitest";
import traineddata from "../node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz";
import { readDriversLicence } from "../src/licence";
import { getPageOcr } from "../src/pdf/ocr";
import expected from "../test/fixtures/licences/held-out/expected.json";
import { LICENCE_IMAGES } from "../test/fixtures/licences/held-out/images";

it("reads the held-out licences", async () => {
  const ocr = () => getPageOcr(async () => traineddata);
  // Warm-up: the first image an isolate reads pays tesseract's and zxing's start-up.
  const warmStart = Date.now();
  await readDriversLicence(new Uint8Array(LICENCE_IMAGES["front-numbered-1-scan.jpg"]!), { ocr });
  console.log(`LICENCE_BENCH ${JSON.stringify({ warmUpMs: Date.now() - warmStart })}`);
  for (const fx of (expected as { fixtures: Array<{ file: string }> }).fixtures) {
    const reading = await readDriversLicence(new Uint8Array(LICENCE_IMAGES[fx.file]!), { ocr });
    const line = {
      file: fx.file,
      fields: reading.fields,
      sources: reading.sources,
      barcodeFound: reading.barcodeFound,
      attempts: reading.barcode.attempts,
      passes: reading.ocr.passes,
      timings: reading.timings,
    };
    console.log(`LICENCE_BENCH ${JSON.stringify(line)}`);
    expect(reading.fields).toBeDefined();
  }
});
