// readDriversLicence: an uploaded image of a driver's licence (front or back) → the contract's
// fields, each with its source and confidence. The image is checked from its header before
// anything is decoded; the PDF417 barcode is read first and wins field by field; the front is
// read by OCR when the barcode is missing or incomplete (or always, when asked).
import {
  barcodeReadings,
  type MergedLicence,
  mergeLicenceReadings,
  type PartialReadings,
  parseAamva,
} from "../domain/licence";
import { PhotoError } from "../domain/photo/errors";
import { inspectImage } from "../domain/photo/image-header";
import { decodePhoto } from "../image/decode";
import type { PageOcr } from "../pdf/ocr-engine";
import { readLicenceBarcodes } from "./barcode-reader";
import { type OcrPass, readFrontByOcr } from "./front-ocr";

export interface ReadLicenceOptions {
  /** The isolate's OCR engine (src/documents/ocr.ts getPageOcr). */
  ocr: () => Promise<PageOcr>;
  /** "auto": OCR only when no barcode gave the core fields; "always": also OCR a card whose barcode read. */
  ocrMode?: "auto" | "always" | "never";
}

export interface BarcodeReport {
  found: boolean;
  /** Symbols decoded but not an AAMVA licence payload, with the reason. */
  rejected: string[];
  /** Decoder passes run (1 when the first look decoded or saw nothing worth a second). */
  attempts: number;
  version?: number;
  iin?: string;
  subfileType?: "DL" | "ID";
  country?: string;
}

export interface LicenceReading extends MergedLicence {
  barcodeFound: boolean;
  barcode: BarcodeReport;
  ocr: { ran: boolean; pass?: OcrPass; passes: OcrPass[]; labelsFound: number; confidence: number };
  image: { format: "jpeg" | "png"; width: number; height: number };
  timings: { decodeMs: number; barcodeMs: number; ocrMs: number; totalMs: number };
}

export async function readDriversLicence(bytes: Uint8Array, options: ReadLicenceOptions): Promise<LicenceReading> {
  const started = Date.now();
  const header = inspectImage(bytes);
  if (!header.ok) throw new PhotoError(header.error);
  const image = await decodePhoto(bytes, header.value);
  const decoded = Date.now();

  const barcode: BarcodeReport = { found: false, rejected: [], attempts: 0 };
  let fromBarcode: PartialReadings | undefined;
  const pdf417 = await readLicenceBarcodes(image);
  barcode.attempts = pdf417.attempts;
  for (const symbol of pdf417.symbols) {
    const parsed = parseAamva(symbol);
    if (!parsed.ok) {
      barcode.rejected.push(parsed.reason);
      continue;
    }
    const { licence } = parsed;
    Object.assign(barcode, {
      found: true,
      version: licence.version,
      iin: licence.iin,
      subfileType: licence.subfileType,
      country: licence.country,
    });
    fromBarcode = barcodeReadings(licence.fields, licence.dateOrderFallbacks);
    break;
  }
  const barcodeDone = Date.now();

  const mode = options.ocrMode ?? "auto";
  const barcodeComplete = !!fromBarcode?.DOCUMENT_NUMBER && !!fromBarcode.LAST_NAME && !!fromBarcode.DATE_OF_BIRTH;
  const runOcr = mode === "always" || (mode === "auto" && !barcodeComplete);
  const front = runOcr ? readFrontByOcr(image, await options.ocr()) : undefined;

  const merged = mergeLicenceReadings(fromBarcode, front?.extraction.readings);
  const finished = Date.now();
  return {
    ...merged,
    barcodeFound: barcode.found,
    barcode,
    ocr: {
      ran: !!front,
      pass: front?.pass,
      passes: front?.passes ?? [],
      labelsFound: front?.extraction.labelsFound ?? 0,
      confidence: front?.ocrConfidence ?? 0,
    },
    image: { format: header.value.format, width: header.value.width, height: header.value.height },
    timings: {
      decodeMs: decoded - started,
      barcodeMs: barcodeDone - decoded,
      ocrMs: front?.ms ?? 0,
      totalMs: finished - started,
    },
  };
}
