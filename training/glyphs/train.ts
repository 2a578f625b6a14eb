// Trains the Z/2, S/5, B/8, O/0 and I/1 look-alike models (src/pdf/look-alike-model.ts) on
// identifiers as the service meets them: pages of policy-number-like words drawn in many fonts,
// photocopied (skew, blur, JPEG, grey paper, fax-like copies), read by the production OCR, and
// each word's glyphs cut where tesseract placed the word. Fonts are split: the models learn on
// some and are measured on others they never saw. Writes
// models/glyphs/{look-alikes.json,metrics.json,MODEL_CARD.md}.
// Run: npm run train:glyphs [-- --pages 48] (the pages' words are cached in training/glyphs/cache/).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { nodeOcr } from "../../bench/extraction-accuracy";
import { identifierGlyphs } from "../../src/pdf/glyph-shapes";
import { LOOK_ALIKE_LETTERS, type Logistic, logistic, lookAlikeFeatures } from "../../src/pdf/look-alike-model";
import type { PageOcr } from "../../src/pdf/ocr-engine";
import { cropWord, packCrops, readIdentifierPage, unpackCrops, type WordCrop } from "./identifier-pages";

const ROOT = join(import.meta.dirname, "../..");
const OUT = join(ROOT, "models/glyphs");
const CACHE = join(import.meta.dirname, "cache");
const DEJAVU = "/usr/share/fonts/truetype/dejavu";
const URW = "/usr/share/fonts/opentype/urw-base35";

/**
 * Fonts to learn from, and fonts kept apart to measure on. None of them is a font the document
 * families hold out (Nimbus Sans Narrow, URW Bookman, C059, URW Gothic), so that their benchmark
 * stays a test of fonts the models never saw.
 */
const FONTS = {
  train: [
    "Helvetica",
    "Helvetica-Bold",
    "Times-Roman",
    "Courier",
    `${DEJAVU}/DejaVuSans.ttf`,
    `${DEJAVU}/DejaVuSans-Bold.ttf`,
    `${DEJAVU}/DejaVuSerif.ttf`,
    `${DEJAVU}/DejaVuSansMono.ttf`,
    `${DEJAVU}/DejaVuSansCondensed.ttf`,
  ],
  evaluation: [`${DEJAVU}/DejaVuSerifCondensed.ttf`, `${URW}/P052-Roman.otf`, "Courier-Bold", "Times-Bold"],
} as const;

interface Sample {
  digit: string;
  letter: boolean;
  features: number[];
}

const LETTER_AT_LEAST = 0.9;

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};

/** The page's words as OCR read them, cut out; read once and kept in the cache. */
async function pageWords(ocr: PageOcr, seed: number, font: string): Promise<WordCrop[]> {
  const file = join(CACHE, `page-${seed}`);
  if (existsSync(`${file}.json`))
    return unpackCrops(readFileSync(`${file}.bin`), JSON.parse(readFileSync(`${file}.json`, "utf8")));
  const page = await readIdentifierPage(ocr, seed, font);
  const crops = page.words.map((w) => cropWord(page.image, w));
  const { bytes, index } = packCrops(crops);
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(`${file}.bin`, bytes);
  writeFileSync(`${file}.json`, JSON.stringify(index));
  return crops;
}

/**
 * Each look-alike of the words (0, 1, 2, 5, 8 and O, I, Z, S, B), cut and measured as the
 * service cuts a word: by its reading.
 */
function samplesOf(words: WordCrop[]): Sample[] {
  const samples: Sample[] = [];
  for (const { image, box, read, printed } of words) {
    const cut = identifierGlyphs(image, { ...box, text: read });
    if (!cut) continue;
    for (const [i, g] of cut.glyphs.entries()) {
      const t = printed[i]!;
      const digit = Object.keys(LOOK_ALIKE_LETTERS).find((d) => d === t || LOOK_ALIKE_LETTERS[d] === t);
      if (digit) samples.push({ digit, letter: t !== digit, features: lookAlikeFeatures(g, cut.digitWidth) });
    }
  }
  return samples;
}

/** L2-regularised logistic regression by full-batch gradient descent on standardised features. */
function fitLogistic(samples: Sample[], l2: number) {
  const n = samples[0]!.features.length;
  const mean = Array.from({ length: n }, (_, j) => samples.reduce((s, x) => s + x.features[j]!, 0) / samples.length);
  const scale = mean.map((m, j) =>
    Math.max(1e-3, Math.sqrt(samples.reduce((s, x) => s + (x.features[j]! - m) ** 2, 0) / samples.length)),
  );
  const xs = samples.map((s) => s.features.map((v, j) => (v - mean[j]!) / scale[j]!));
  const ys = samples.map((s) => (s.letter ? 1 : 0));
  // Each class weighs half: letters are rarer on a page than digits.
  const positives = ys.filter((y) => y === 1).length;
  const weight = ys.map((y) => (y === 1 ? 0.5 / positives : 0.5 / (ys.length - positives)));
  const w = new Array<number>(n).fill(0);
  let b = 0;
  for (let step = 0; step < 3000; step++) {
    const gw = w.map((v) => l2 * v);
    let gb = 0;
    for (let i = 0; i < xs.length; i++) {
      const z = b + xs[i]!.reduce((s, v, j) => s + v * w[j]!, 0);
      const err = (1 / (1 + Math.exp(-z)) - ys[i]!) * weight[i]!;
      for (let j = 0; j < n; j++) gw[j]! += err * xs[i]![j]!;
      gb += err;
    }
    for (let j = 0; j < n; j++) w[j]! -= 0.5 * gw[j]!;
    b -= 0.5 * gb;
  }
  return { weights: w, bias: b, mean, scale };
}

/**
 * How the model does at a threshold: letters found and digits wrongly turned into letters (p at or
 * above it), digits found and letters wrongly turned into digits (p at or below one minus it).
 */
function rates(m: Logistic, samples: Sample[], at: number) {
  const letters = samples.filter((s) => s.letter);
  const digits = samples.filter((s) => !s.letter);
  const letter = (s: Sample) => logistic(m, s.features) >= at;
  const digit = (s: Sample) => logistic(m, s.features) <= 1 - at;
  return {
    letters: letters.length,
    digits: digits.length,
    letters_found: letters.filter(letter).length,
    digits_turned: digits.filter(letter).length,
    digits_found: digits.filter(digit).length,
    letters_turned: letters.filter(digit).length,
  };
}

async function main() {
  const pages = Number(arg("pages", "48"));
  const started = Date.now();
  const ocr = await nodeOcr();
  const split = { train: [] as Sample[], evaluation: [] as Sample[] };
  for (let p = 0; p < pages; p++) {
    // Three pages in four to learn from, the fourth in a font kept apart.
    const part = p % 4 === 3 ? "evaluation" : "train";
    const fonts = FONTS[part];
    const fontName = fonts[Math.floor(p / (part === "train" ? 1 : 4)) % fonts.length]!;
    split[part].push(...samplesOf(await pageWords(ocr, 20_261_129 + p * 7_919, fontName)));
    process.stdout.write(
      `page ${p + 1}/${pages}: ${split.train.length} train, ${split.evaluation.length} evaluation\n`,
    );
  }
  const models: Record<string, unknown> = {};
  const metrics: Record<string, unknown> = {};
  for (const digit of Object.keys(LOOK_ALIKE_LETTERS)) {
    const train = split.train.filter((s) => s.digit === digit);
    const evaluation = split.evaluation.filter((s) => s.digit === digit);
    const m = fitLogistic(train, 0.01);
    // The threshold turns at most 1 in 1,000 of the training fonts' digits into letters, and is
    // never below 0.9: a wrong letter in a policy number costs more than a letter left as a
    // digit, which the policy parser already sends to review.
    const digitScores = train
      .filter((s) => !s.letter)
      .map((s) => logistic(m, s.features))
      .sort((a, b) => b - a);
    const letterAt = Math.max(LETTER_AT_LEAST, digitScores[Math.floor(digitScores.length * 0.001)] ?? 1);
    models[digit] = { ...m, letterAt };
    metrics[`${digit}/${LOOK_ALIKE_LETTERS[digit]}`] = {
      letter_at: letterAt,
      train: rates(m, train, letterAt),
      evaluation: rates(m, evaluation, letterAt),
    };
  }
  mkdirSync(OUT, { recursive: true });
  const round = (v: unknown): unknown =>
    typeof v === "number" ? Number(v.toPrecision(6)) : Array.isArray(v) ? v.map(round) : v;
  const rounded = Object.fromEntries(
    Object.entries(models).map(([k, m]) => [
      k,
      Object.fromEntries(Object.entries(m as object).map(([f, v]) => [f, round(v)])),
    ]),
  );
  writeFileSync(join(OUT, "look-alikes.json"), `${JSON.stringify({ version: "look-alikes-v2", pairs: rounded })}\n`);
  const summary = {
    pages,
    fonts: FONTS,
    samples: { train: split.train.length, evaluation: split.evaluation.length },
    pairs: metrics,
    trained_on: new Date().toISOString().slice(0, 10),
    seconds: Math.round((Date.now() - started) / 1000),
  };
  writeFileSync(join(OUT, "metrics.json"), `${JSON.stringify(summary, null, 2)}\n`);
  writeFileSync(join(OUT, "MODEL_CARD.md"), modelCard(summary));
  console.log(JSON.stringify(metrics, null, 2));
}

type Rates = ReturnType<typeof rates>;
const share = (n: number, of: number) => `${n}/${of} (${((100 * n) / Math.max(1, of)).toFixed(1)}%)`;

function modelCard(m: {
  pages: number;
  samples: { train: number; evaluation: number };
  pairs: Record<string, unknown>;
  trained_on: string;
  seconds: number;
}): string {
  const rows = Object.entries(m.pairs as Record<string, { letter_at: number; train: Rates; evaluation: Rates }>)
    .map(
      ([pair, r]) =>
        `| ${pair} | ${r.letter_at.toFixed(2)} | ${share(r.train.letters_found, r.train.letters)} | ${share(r.train.digits_turned, r.train.digits)} | ${share(r.evaluation.letters_found, r.evaluation.letters)} | ${share(r.evaluation.digits_turned, r.evaluation.digits)} | ${share(r.evaluation.digits_found, r.evaluation.digits)} | ${share(r.evaluation.letters_turned, r.evaluation.letters)} |`,
    )
    .join("\n");
  const fontName = (f: string) =>
    f
      .split("/")
      .pop()!
      .replace(/\.\w+$/, "");
  return `# Model card: look-alike glyphs in scanned identifiers (\`look-alikes-v2\`)

Written by the training run (\`npm run train:glyphs\`, \`training/glyphs/train.ts\`) from
\`metrics.json\`: every number here was measured by that run.

## What it is

Five logistic models, one per pair of look-alikes OCR confuses in policy numbers: **Z or 2,
S or 5, B or 8, O or 0, I or 1**. Tesseract's language model reads a capital standing among
digits as a digit ("AU4095Z627" as "AU40952627"), and a digit after a run of capitals as a
capital ("PAP8554…" as "PAPB554…"). \`src/pdf/glyph-shapes.ts\` cuts a scanned identifier into
its glyphs; for each glyph read as 2, 5, 8, Z, S or B in a word read with at least two letters
(or among the letters that start a long number read as digits), the model of that pair gives
the probability that it is the capital: at or above the pair's threshold the glyph is the
capital, at or below one minus it the digit, and between it is left as read
(\`src/pdf/look-alike-model.ts\`). A glyph read as 0, O, 1 or I in those places is decided by
its proportions first (an O wider and rounder than the digits, a bare bar an I, a flag a 1) and
by its pair's model when they leave it open.

- **Input:** the glyph's ink (Otsu-binarised on the word's crop) averaged over a 6 × 9 grid, its
  width to its height, and its width to the median width of the word's digits: 56 numbers,
  standardised with the training mean and scale stored with the weights.
- **Output:** the probability of the capital.
- **File:** \`look-alikes.json\` (weights, bias, mean, scale, threshold per pair), imported by the Worker.

## Data

Generated at training time, never committed (samples cached in \`training/glyphs/cache/\`):
${m.pages} pages of policy-number-like identifiers (letters and digits in the shapes policy
numbers take, with Z, S, B, O, I and 2, 5, 8, 0, 1 over-represented), 9 to 12.5 pt, photocopied as the
development document families are (120 to 200 dpi, skew up to 4.5°, blur, JPEG quality 18 to 60,
grey paper, noise; one copy in five black and white), then read by the production path
(\`readClaimDocument\` with tesseract-wasm). A word is kept when OCR read it as long as it was
printed; its glyphs are cut where tesseract placed it, as in production.

- **Training fonts:** ${FONTS.train.map(fontName).join(", ")}.
- **Evaluation fonts, never trained on:** ${FONTS.evaluation.map(fontName).join(", ")}.
- **Fonts held out by the document-family benchmark** (Nimbus Sans Narrow, URW Bookman, C059,
  URW Gothic) are in neither, so that its held-out accuracy is on fonts these models never saw.
- **Samples:** ${m.samples.train} glyphs to train on, ${m.samples.evaluation} to evaluate on.

## Recipe

Full-batch gradient descent, 3,000 steps, L2 0.01, each class weighted half. The threshold is
the larger of ${LETTER_AT_LEAST} and the score that turns 1 in 1,000 of the training digits into
letters: a wrong letter in a policy number costs more than a letter left as a digit, which the
policy parser already sends to review.

## Measured (threshold applied)

A glyph is the capital at p ≥ threshold and the digit at p ≤ 1 − threshold; between, it is left as read.

| pair | threshold | letters found, training fonts | digits turned into letters, training fonts | letters found, evaluation fonts | digits turned into letters, evaluation fonts | digits found, evaluation fonts | letters turned into digits, evaluation fonts |
|---|---|---|---|---|---|---|---|
${rows}

Trained on ${m.trained_on} in ${m.seconds} s (pages already read are taken from the cache).

## Limits

- In words with fewer than two letters only the glyphs that start a number whose first part has
  six characters or more are decided, while each comes out a letter (where a policy number's
  prefix stands); phone numbers and dates never.
- O/0 and I/1 are the hardest pairs: in some fonts a zero is as round as an O and a 1 as bare as
  an I, so their models find fewer letters, and a zero turned into an O is the error to watch on
  a new font (see the evaluation fonts' rates above).
- Fonts far from the training fonts (script, condensed bold, dot-matrix) are untested; the
  evaluation fonts' digits-turned rate is the one to expect on a new font.
`;
}

await main();
