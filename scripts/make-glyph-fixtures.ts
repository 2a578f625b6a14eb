// Scanned identifiers for the look-alike tests: words cut from a photocopied page in fonts the
// look-alike models never learned from, as OCR read them, with what was printed. The crops are
// raw grey bytes one after another in test/fixtures/documents/glyphs/crops.bin, listed (offset,
// size, word box) in index.json.
// Run: npx tsx scripts/make-glyph-fixtures.ts
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { nodeOcr } from "../bench/extraction-accuracy";
import { cropWord, packCrops, readIdentifierPage, type WordCrop } from "../training/glyphs/identifier-pages";

const OUT = join(import.meta.dirname, "../test/fixtures/documents/glyphs");
const PAGES = [
  { seed: 771, font: "Times-Bold" },
  { seed: 772, font: "/usr/share/fonts/opentype/urw-base35/P052-Roman.otf" },
  { seed: 773, font: "/usr/share/fonts/truetype/dejavu/DejaVuSerifCondensed.ttf" },
];
const PER_PAGE = { misread: 4, digits: 3 };

const ocr = await nodeOcr();
const crops: Array<WordCrop & { font: string; dpi: number }> = [];
for (const { seed, font } of PAGES) {
  const page = await readIdentifierPage(ocr, seed, font);
  const misread = page.words.filter(({ box, printed }) => /[ZSB]/.test(printed) && box.text !== printed);
  // Words printed with 2, 5 or 8 and no Z, S or B, read right: these must stay digits.
  const digits = page.words.filter(
    ({ box, printed }) => /[258]/.test(printed) && !/[ZSB]/.test(printed) && box.text === printed,
  );
  for (const word of [...misread.slice(0, PER_PAGE.misread), ...digits.slice(0, PER_PAGE.digits)])
    crops.push({ ...cropWord(page.image, word), font: font.split("/").pop()!, dpi: page.degradation.dpi });
}
const { bytes, index } = packCrops(crops);
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, "crops.bin"), bytes);
writeFileSync(join(OUT, "index.json"), `${JSON.stringify(index, null, 2)}\n`);
console.log(`${index.length} words in ${OUT}`);
