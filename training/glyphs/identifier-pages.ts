// Pages of policy-number-like identifiers, photocopied and read by the production OCR, with each
// word's reading paired with what was printed: the look-alike models learn from these, and the
// test fixtures of scanned identifiers are cut from them.
import { readFileSync } from "node:fs";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, type StandardFonts } from "pdf-lib";
import { photocopy } from "../../scripts/document-families/photocopy";
import { Random } from "../../scripts/document-families/random";
import { type Degradation, degradation } from "../../scripts/document-families/variations";
import type { OcrResult, OcrWordBox, PageOcr, RecognizeOptions, RgbaImage } from "../../src/pdf/ocr-engine";
import { readClaimDocument } from "../../src/pdf/reader";
import { type GreyImage, toGrey } from "../../src/pdf/scan-preprocess";

/** An identifier with look-alikes among digits and letters, in the shapes policy numbers take. */
function identifier(rng: Random): string {
  const digit = () => (rng.chance(0.6) ? rng.pick(["2", "5", "8", "0", "1"]) : rng.digits(1));
  const letter = () => (rng.chance(0.6) ? rng.pick(["Z", "S", "B", "O", "I"]) : rng.letters(1));
  const run = (n: number, pick: () => string) => Array.from({ length: n }, pick).join("");
  const mixed = (n: number) => run(n, () => (rng.chance(0.7) ? digit() : letter()));
  switch (rng.int(0, 3)) {
    case 0:
      return `${run(2, letter)}${run(4, digit)}${letter()}${run(3, digit)}`;
    case 1:
      return `${run(3, letter)}${mixed(rng.int(6, 8))}`;
    case 2:
      return `${run(3, letter)}${mixed(6)}-${run(2, digit)}`;
    default:
      return `${letter()}${mixed(rng.int(7, 10))}`;
  }
}

/** A standard PDF font by name ("Times-Roman") or a font file by path. */
async function embed(doc: PDFDocument, font: string) {
  if (!font.startsWith("/")) return doc.embedFont(font as StandardFonts);
  doc.registerFontkit(fontkit);
  return doc.embedFont(readFileSync(font), { subset: font.endsWith(".ttf") });
}

/** A word as OCR read it (its box on the page) and what was printed there. */
export interface ReadIdentifier {
  box: OcrWordBox;
  printed: string;
}

export interface IdentifierPage {
  image: GreyImage;
  words: ReadIdentifier[];
  degradation: Degradation;
}

/**
 * A page of identifiers in three columns in `font`, photocopied as development copies are, read
 * as the service reads a scan; each word OCR read the length of a printed one, alike but for
 * look-alikes, is paired with it.
 */
export async function readIdentifierPage(ocr: PageOcr, seed: number, font: string): Promise<IdentifierPage> {
  const rng = new Random(seed);
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  const embedded = await embed(doc, font);
  const size = rng.float(9, 12.5);
  const printed: string[] = [];
  for (let y = 740; y > 60; y -= size * 2.2) {
    for (const x of [50, 240, 420]) {
      const word = identifier(rng);
      printed.push(word);
      page.drawText(word, { x: x + rng.int(0, 20), y, size, font: embedded });
    }
  }
  const copy = degradation(rng, "dev");
  const pdf = await photocopy(await doc.save(), copy, seed);
  // The whole page as OCR first read it, before any line is read again on its own.
  let first: { image: RgbaImage; result: OcrResult } | undefined;
  const capturing: PageOcr = {
    recognize(image: RgbaImage, options?: RecognizeOptions) {
      const result = ocr.recognize(image, options);
      first ??= { image, result };
      return result;
    },
  };
  await readClaimDocument(pdf, { ocr: capturing });
  if (!first) throw new Error(`page ${seed} was not read`);
  const unmatched = new Set(printed);
  const words: ReadIdentifier[] = [];
  for (const box of first.result.boxes ?? []) {
    const match = [...unmatched].find((w) => readsAs(box.text, w));
    if (!match) continue;
    unmatched.delete(match);
    words.push({ box, printed: match });
  }
  return { image: toGrey(first.image), words, degradation: copy };
}

const LOOK_ALIKES = ["2Z", "5S", "8B", "0O", "1I"];
const alike = (a: string, b: string) => a === b || LOOK_ALIKES.some((p) => p.includes(a) && p.includes(b));

/** Whether OCR's reading of a word is a reading of `printed`: as long, alike but for look-alikes and one other. */
function readsAs(read: string, printed: string): boolean {
  if (read.length !== printed.length) return false;
  let differ = 0;
  for (let i = 0; i < read.length; i++) if (!alike(read[i]!, printed[i]!)) differ++;
  return differ <= 1;
}

/** A word read from a page, cut out with a margin: its own small image and its box within it. */
export interface WordCrop {
  printed: string;
  read: string;
  image: GreyImage;
  box: { left: number; top: number; right: number; bottom: number };
}

export function cropWord(page: GreyImage, { box, printed }: ReadIdentifier, margin = 8): WordCrop {
  const left = Math.max(0, Math.floor(box.left) - margin);
  const top = Math.max(0, Math.floor(box.top) - margin);
  const right = Math.min(page.width, Math.ceil(box.right) + margin);
  const bottom = Math.min(page.height, Math.ceil(box.bottom) + margin);
  const width = right - left;
  const height = bottom - top;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    data.set(page.data.subarray((top + y) * page.width + left, (top + y) * page.width + right), y * width);
  return {
    printed,
    read: box.text,
    image: { width, height, data },
    box: { left: box.left - left, top: box.top - top, right: box.right - left, bottom: box.bottom - top },
  };
}

/** Word crops as files: the grey bytes one after another, and an index of where each starts (with any other facts of the crop). */
export function packCrops<T extends WordCrop>(crops: T[]) {
  let offset = 0;
  const index = crops.map(({ image, ...facts }) => {
    const entry = { ...facts, width: image.width, height: image.height, offset };
    offset += image.data.length;
    return entry;
  });
  return { bytes: Buffer.concat(crops.map((c) => c.image.data)), index };
}

export function unpackCrops(bytes: Uint8Array, index: ReturnType<typeof packCrops<WordCrop>>["index"]): WordCrop[] {
  return index.map((e) => ({
    printed: e.printed,
    read: e.read,
    box: e.box,
    image: { width: e.width, height: e.height, data: bytes.subarray(e.offset, e.offset + e.width * e.height) },
  }));
}
