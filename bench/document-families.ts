// Field-level accuracy per document family, typed and photocopied, on documents generated at
// run time (scripts/document-families): the held-out split by default (other seeds, wordings,
// formats, fonts and degradations than development). The reader and extractor are the
// production code (extractFieldsFromPdf); OCR is tesseract-wasm run by Node.
// Run: npx tsx bench/document-families.ts [--split heldout|dev] [--per-family 12] [--families a,b]
//        [--no-scans] [--misses] [--save /tmp/dir] [--real-acord2 file.pdf] [--ocr-cache /tmp/dir]
//        [--fax-only]
// --fax-only reads only the black-and-white (fax-like) copies, the typed documents skipped.
// --ocr-cache keeps each page's reading on disk (for iterating on extraction; clear it after
// changing OCR or preprocessing; OCR times are then meaningless).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  FAMILIES,
  type FamilyName,
  type GeneratedDocument,
  generateDocument,
  photocopyOf,
  type Split,
} from "../scripts/document-families";
import { fieldMatches } from "../scripts/document-families/matching";
import { extractFieldsFromPdf } from "../src/claims/documents/extract-from-pdf";
import type { PageOcr } from "../src/pdf/ocr-engine";
import { nodeOcr } from "./extraction-accuracy";
import { cachedOcr } from "./lib/ocr-cache";

const arg = (name: string, fallback?: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const flag = (name: string) => process.argv.includes(`--${name}`);

const CORE = ["claimant_name", "policy_number", "incident_date", "amount_claimed"] as const;
const split = arg("split", "heldout") as Split;
const perFamily = Number(arg("per-family", "12"));
const families = (arg("families")?.split(",") ?? Object.keys(FAMILIES)) as FamilyName[];
const saveDir = arg("save");

interface Tally {
  right: Record<string, number>;
  total: Record<string, number>;
  reviewed: number;
  reviewedWrong: number;
  wrongUnflagged: number;
  docs: number;
}
const tally = (): Tally => ({ right: {}, total: {}, reviewed: 0, reviewedWrong: 0, wrongUnflagged: 0, docs: 0 });
const results = new Map<string, Tally>();
// Scans by how hard the copy is: a photocopy as the issue describes it (grey, 150 dpi or more),
// a fax-like black-and-white copy, or a copy below 150 dpi.
const tiers = new Map<string, { right: number; total: number; wrongUnflagged: number; docs: number }>();
const misses: string[] = [];
let ocrMs = 0;
let ocrPages = 0;

async function evaluate(
  doc: GeneratedDocument,
  kind: "typed" | "scanned",
  pdf: Uint8Array,
  ocr: PageOcr,
  tier?: string,
) {
  const { extraction, document } = await extractFieldsFromPdf(pdf, { ocr });
  ocrMs += document.timings.ocrMs;
  ocrPages += document.timings.ocrPages;
  const key = `${doc.family}|${kind}`;
  const t = results.get(key) ?? tally();
  t.docs++;
  const review = new Set(extraction.needs_review ?? []);
  for (const [field, want] of Object.entries(doc.expected)) {
    const got = extraction.extracted_data[field];
    const ok = fieldMatches(field, got, want);
    t.total[field] = (t.total[field] ?? 0) + 1;
    if (ok) t.right[field] = (t.right[field] ?? 0) + 1;
    if (tier && (CORE as readonly string[]).includes(field)) {
      const tt = tiers.get(tier) ?? { right: 0, total: 0, wrongUnflagged: 0, docs: 0 };
      tt.total++;
      if (ok) tt.right++;
      else if (!review.has(field)) tt.wrongUnflagged++;
      tiers.set(tier, tt);
    }
    if ((CORE as readonly string[]).includes(field)) {
      if (review.has(field)) {
        t.reviewed++;
        if (!ok) t.reviewedWrong++;
      } else if (!ok) t.wrongUnflagged++;
    }
    if (!ok && flag("misses")) {
      const f = extraction.fields[field];
      misses.push(
        `${doc.id} ${kind} ${field}: want ${JSON.stringify(want)} got ${JSON.stringify(got)}${f ? ` (${f.source ?? f.method}, ${f.confidence})` : ""} [${doc.variant}${tier ? `; ${tier}` : ""}]`,
      );
    }
  }
  results.set(key, t);
}

const pct = (a: number, b: number) => (b ? `${((a / b) * 100).toFixed(1)}%` : "-");

async function main() {
  const cacheDir = arg("ocr-cache");
  const engine = await nodeOcr();
  const cache = cacheDir ? cachedOcr(engine, cacheDir) : undefined;
  const ocr: PageOcr = cache ?? engine;
  if (saveDir) mkdirSync(saveDir, { recursive: true });
  const started = Date.now();
  for (const family of families) {
    for (let i = 0; i < perFamily; i++) {
      const doc = await generateDocument(family, split, i);
      if (!flag("fax-only")) await evaluate(doc, "typed", doc.pdf, ocr);
      if (!flag("no-scans")) {
        const copy = await photocopyOf(doc);
        if (flag("fax-only") && !copy.degradation.bilevel) continue;
        if (saveDir) writeFileSync(join(saveDir, `${doc.id}-scan.pdf`), copy.pdf);
        const d = copy.degradation;
        const tier = d.bilevel
          ? "black-and-white (fax-like)"
          : d.dpi < 150
            ? "grey, below 150 dpi"
            : "grey, 150 dpi or more";
        await evaluate(doc, "scanned", copy.pdf, ocr, tier);
      }
      if (saveDir) writeFileSync(join(saveDir, `${doc.id}.pdf`), doc.pdf);
    }
    process.stderr.write(`${family} done (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  }

  console.log(`\n${split} split, ${perFamily} documents per family; core fields: ${CORE.join(", ")}\n`);
  const header = [
    "family",
    "kind",
    ...CORE.map((c) => c.replace(/_.*/, "")),
    "core",
    "incident type",
    "flagged for review (wrong among them)",
    "wrong, not flagged",
  ];
  console.log(`| ${header.join(" | ")} |\n|${header.map(() => "---").join("|")}|`);
  const overall: Record<string, { right: number; total: number }> = {};
  for (const [key, t] of results) {
    const [family, kind] = key.split("|");
    const coreRight = CORE.reduce((s, c) => s + (t.right[c] ?? 0), 0);
    const coreTotal = CORE.reduce((s, c) => s + (t.total[c] ?? 0), 0);
    overall[kind!] ??= { right: 0, total: 0 };
    const o = overall[kind!]!;
    o.right += coreRight;
    o.total += coreTotal;
    console.log(
      `| ${family} | ${kind} | ${CORE.map((c) => pct(t.right[c] ?? 0, t.total[c] ?? 0)).join(" | ")} | **${pct(coreRight, coreTotal)}** | ${pct(t.right.incident_type ?? 0, t.total.incident_type ?? 0)} | ${t.reviewed} (${t.reviewedWrong}) | ${t.wrongUnflagged} |`,
    );
  }
  for (const [kind, o] of Object.entries(overall))
    console.log(`\n${kind}: core field accuracy ${pct(o.right, o.total)} (${o.right}/${o.total})`);
  for (const [tier, t] of tiers)
    console.log(
      `scanned, ${tier}: core field accuracy ${pct(t.right, t.total)} (${t.right}/${t.total}), wrong and not flagged ${t.wrongUnflagged}`,
    );
  if (ocrPages)
    console.log(
      `OCR: ${ocrPages} pages, ${(ocrMs / ocrPages / 1000).toFixed(2)} s per page (tesseract-wasm in Node, preprocessing included)${cache ? `; ${cache.hits} readings from the cache, times not comparable` : ""}`,
    );
  if (misses.length) console.log(`\nmisses:\n  ${misses.join("\n  ")}`);

  const real = arg("real-acord2");
  if (real && existsSync(real)) {
    const { extraction } = await extractFieldsFromPdf(new Uint8Array(readFileSync(real)), { ocr });
    console.log(`\n${real}: document_type ${extraction.document_type}`);
    for (const [field, f] of Object.entries(extraction.fields))
      console.log(
        `  ${field.padEnd(26)} ${JSON.stringify(f.value).slice(0, 90)} (${f.source ?? f.method}, ${f.confidence})`,
      );
    console.log(`  needs_review: ${JSON.stringify(extraction.needs_review ?? [])}`);
  }
}

await main();
