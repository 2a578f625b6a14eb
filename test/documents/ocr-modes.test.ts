// The page segmentation mode each reading asks for is the one tesseract reads with. Loading an
// image into tesseract-wasm sets the automatic layout: a mode set before the image would not hold,
// and a single caption read "as one line" would in fact go through page layout, which finds no
// text in bold print whose letters touch ("Empty page!!").
import { createOCREngine } from "tesseract-wasm";
import { expect, it } from "vitest";
import traineddata from "../../node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz";
import tesseractWasm from "../../node_modules/tesseract-wasm/dist/tesseract-core.wasm";
import { gunzipIfNeeded, TesseractPageOcr } from "../../src/pdf/ocr-engine";
import { wasmBinaryFor } from "../../src/platform/wasm";

it.each([
  [7, "7"],
  [11, "11"],
  [undefined, "3"],
] as const)("a reading asked for in mode %s is made in mode %s", async (mode, applied) => {
  const engine = await createOCREngine({ wasmBinary: wasmBinaryFor(tesseractWasm) });
  engine.loadModel(await gunzipIfNeeded(new Uint8Array(traineddata)));
  const ocr = new TesseractPageOcr(engine);
  const blank = { width: 64, height: 32, data: new Uint8Array(64 * 32 * 4).fill(255) };
  ocr.recognize(blank, mode ? { pageSegMode: mode } : {});
  expect(engine.getVariable("tessedit_pageseg_mode")).toBe(applied);
});
