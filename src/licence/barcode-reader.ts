// The PDF417 reader inside workerd: zxing's wasm imported as a precompiled module (Workers
// forbid compiling wasm from bytes).
import zxingReaderWasm from "../../node_modules/zxing-wasm/dist/reader/zxing_reader.wasm";
import type { RgbaImage } from "../domain/photo/image";
import { type Pdf417Reading, prepareZxing, readPdf417 } from "./pdf417";

export function readLicenceBarcodes(image: RgbaImage): Promise<Pdf417Reading> {
  prepareZxing({ module: zxingReaderWasm });
  return readPdf417(image);
}
