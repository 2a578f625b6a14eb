// Tesseract (tesseract-wasm) inside workerd. The wasm is imported as a precompiled module
// (Workers forbid compiling wasm from bytes); the English model comes in as bytes, from R2
// in production or an imported .gz in tests. One engine per isolate: loading the model
// costs far more than recognising a page.
import { createOCREngine } from "tesseract-wasm";
import tesseractWasm from "../../node_modules/tesseract-wasm/dist/tesseract-core.wasm";
import { wasmBinaryFor } from "../platform/wasm";
import { gunzipIfNeeded, type PageOcr, TesseractPageOcr } from "./ocr-engine";

export type { OcrResult, PageOcr, RgbaImage } from "./ocr-engine";

/** A new OCR engine from the traineddata bytes (gzipped or not). */
export async function createPageOcr(traineddata: ArrayBuffer | Uint8Array): Promise<PageOcr> {
  const engine = await createOCREngine({ wasmBinary: wasmBinaryFor(tesseractWasm) });
  engine.loadModel(await gunzipIfNeeded(new Uint8Array(traineddata)));
  return new TesseractPageOcr(engine);
}

let shared: Promise<PageOcr> | undefined;

/**
 * The isolate's OCR engine, created on first use. `loadTraineddata` is called once
 * (e.g. `() => env.MODELS.get("ocr/eng.traineddata.gz").then((o) => o!.arrayBuffer())`).
 */
export function getPageOcr(loadTraineddata: () => Promise<ArrayBuffer | Uint8Array>): Promise<PageOcr> {
  shared ??= loadTraineddata()
    .then(createPageOcr)
    .catch((err: unknown) => {
      shared = undefined;
      throw err;
    });
  return shared;
}

/** Drops the isolate's engine (after it failed): the next use creates a new one. */
export function resetPageOcr(): void {
  shared = undefined;
}
