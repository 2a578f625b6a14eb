// The licence reader's domain code run by Node (sharp decodes, tesseract-wasm and zxing-wasm
// load their wasm from bytes): for quick comparisons outside workerd, e.g. of barcode decoders.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import {
  barcodeReadings,
  type MergedLicence,
  mergeLicenceReadings,
  type PartialReadings,
  parseAamva,
} from "../src/domain/licence";
import type { RgbaImage } from "../src/domain/photo/image";
import { readFrontByOcr } from "../src/licence/front-ocr";
import { prepareZxing, readPdf417 } from "../src/licence/pdf417";
import type { PageOcr } from "../src/pdf/ocr-engine";

const ROOT = join(import.meta.dirname, "..");

export async function decodeWithSharp(bytes: Uint8Array): Promise<RgbaImage> {
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength),
    width: info.width,
    height: info.height,
  };
}

export function nodeZxing(): void {
  const bytes = readFileSync(join(ROOT, "node_modules/zxing-wasm/dist/reader/zxing_reader.wasm"));
  prepareZxing({ bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });
}

/** The same steps as readDriversLicence, with Node's decoders and engines. */
export async function readLicenceInNode(
  bytes: Uint8Array,
  ocr: PageOcr,
  ocrMode: "auto" | "always" = "auto",
): Promise<MergedLicence & { barcodeFound: boolean; passes: string[] }> {
  const image = await decodeWithSharp(bytes);
  let fromBarcode: PartialReadings | undefined;
  for (const symbol of (await readPdf417(image)).symbols) {
    const parsed = parseAamva(symbol);
    if (parsed.ok) {
      fromBarcode = barcodeReadings(parsed.licence.fields, parsed.licence.dateOrderFallbacks);
      break;
    }
  }
  const complete = !!fromBarcode?.DOCUMENT_NUMBER && !!fromBarcode.LAST_NAME && !!fromBarcode.DATE_OF_BIRTH;
  const front = ocrMode === "always" || !complete ? readFrontByOcr(image, ocr) : undefined;
  return {
    ...mergeLicenceReadings(fromBarcode, front?.extraction.readings),
    barcodeFound: !!fromBarcode,
    passes: front?.passes ?? [],
  };
}
