// Field-level extraction accuracy on the generated fixtures (typed, scanned, filled forms
// separately) and on the real CMS-1500 in ../shared/data/claim_forms when present.
// The reader and extractor are the production code; OCR is tesseract-wasm run by Node.
// Run: npx tsx bench/extraction-accuracy.ts
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createOCREngine } from "tesseract-wasm";
import { extractClaimFields } from "../src/domain/documents";
import { gunzipIfNeeded, TesseractPageOcr } from "../src/pdf/ocr-engine";
import { readClaimDocument } from "../src/pdf/reader";

const ROOT = join(import.meta.dirname, "..");
const FIXTURES = join(ROOT, "test", "fixtures", "documents");
const SHARED_FORMS = join(ROOT, "..", "shared", "data", "claim_forms");

interface Spec {
  file: string;
  kind: string;
  layout: string;
  fields: Record<string, string | number>;
}

export async function nodeOcr() {
  const engine = await createOCREngine({
    wasmBinary: readFileSync(join(ROOT, "node_modules/tesseract-wasm/dist/tesseract-core.wasm")),
  });
  engine.loadModel(
    await gunzipIfNeeded(
      readFileSync(join(ROOT, "node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz")),
    ),
  );
  return new TesseractPageOcr(engine);
}

function matches(field: string, actual: unknown, want: unknown): boolean {
  if (actual === undefined || actual === null) return false;
  if (field === "description") {
    const words = (s: string) => new Set(s.toLowerCase().match(/[a-z]{3,}/g) ?? []);
    const a = words(String(actual));
    const w = [...words(String(want))];
    return w.filter((x) => a.has(x)).length / w.length >= 0.8;
  }
  if (Array.isArray(want)) return JSON.stringify(actual) === JSON.stringify(want);
  if (field === "diagnosis_codes" || field === "procedure_codes") return (actual as string[]).join("|") === want;
  if (typeof want === "number") return Number(actual) === want;
  return String(actual).toLowerCase() === String(want).toLowerCase();
}

const SWAPS: Record<string, string[]> = {
  "0": ["O", "o"],
  O: ["0"],
  o: ["0"],
  "1": ["l", "I", "|"],
  l: ["1", "|"],
  I: ["1", "l"],
  "5": ["S"],
  S: ["5"],
  "8": ["B"],
  B: ["8"],
  ":": [";", ".", ""],
  ",": [".", ""],
  ".": [",", ""],
  "-": ["—", " - "],
  m: ["rn"],
  " ": ["  ", ""],
};

/** OCR-like corruption of `rate` of the characters, reproducible from `seed`. */
function corrupt(text: string, rate: number, seed: number): string {
  let x = seed;
  const rnd = () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x / 0x7fffffff;
  };
  let out = "";
  for (const ch of text) {
    const options = SWAPS[ch];
    out += options && rnd() < rate ? options[Math.floor(rnd() * options.length)]! : ch;
  }
  return out;
}

async function main() {
  const { fixtures } = JSON.parse(readFileSync(join(FIXTURES, "expected.json"), "utf8")) as { fixtures: Spec[] };
  const ocr = await nodeOcr();
  const totals = new Map<string, { ok: number; all: number; coreOk: number; coreAll: number }>();
  const misses: string[] = [];
  const CORE = ["claimant_name", "policy_number", "incident_date", "amount_claimed"];
  const confHit: number[] = [];
  const confMiss: number[] = [];
  const texts = new Map<string, string[]>();
  for (const fx of fixtures) {
    const doc = await readClaimDocument(readFileSync(join(FIXTURES, fx.file)), { ocr });
    const r = extractClaimFields({ pages: doc.pages, formFields: doc.formFields });
    const t = totals.get(fx.kind) ?? { ok: 0, all: 0, coreOk: 0, coreAll: 0 };
    let ok = 0;
    if (fx.kind === "typed")
      texts.set(
        fx.file,
        doc.pages.map((p) => p.text),
      );
    for (const [field, want] of Object.entries(fx.fields)) {
      const hit = matches(field, r.extracted_data[field], want);
      (hit ? confHit : confMiss).push(r.confidence[field] ?? 0);
      t.all++;
      if (hit) t.ok++;
      if (CORE.includes(field)) {
        t.coreAll++;
        if (hit) t.coreOk++;
      }
      if (hit) ok++;
      else
        misses.push(
          `${fx.file}: ${field} want ${JSON.stringify(want)} got ${JSON.stringify(r.extracted_data[field])} (conf ${r.confidence[field] ?? "-"})`,
        );
    }
    totals.set(fx.kind, t);
    console.log(`${fx.file.padEnd(22)} ${fx.layout.padEnd(12)} ${ok}/${Object.keys(fx.fields).length} fields`);
  }
  console.log("\nfield-level accuracy (all fields | core: claimant, policy, date, amount)");
  for (const [kind, t] of totals) {
    console.log(
      `  ${kind.padEnd(8)} ${((t.ok / t.all) * 100).toFixed(1)}% (${t.ok}/${t.all})   core ${((t.coreOk / t.coreAll) * 100).toFixed(1)}% (${t.coreOk}/${t.coreAll})`,
    );
  }
  if (misses.length) console.log(`\nmisses:\n  ${misses.join("\n  ")}`);
  const mean = (xs: number[]) => (xs.length ? (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(2) : "-");
  console.log(
    `\nconfidence: mean ${mean(confHit)} on correct fields, ${mean(confMiss)} on wrong or missing ones (${confMiss.length})`,
  );

  // Synthetic OCR noise on the typed fixtures' text: how fast does accuracy fall?
  console.log("\nsynthetic OCR noise on the typed text (O/0, l/1, S/5, broken spacing, lost punctuation):");
  for (const rate of [0.01, 0.03, 0.06, 0.1]) {
    let ok = 0;
    let all = 0;
    const hitConf: number[] = [];
    const missConf: number[] = [];
    for (let trial = 0; trial < 20; trial++) {
      for (const fx of fixtures.filter((f) => f.kind === "typed")) {
        const doc = texts.get(fx.file)!;
        const pages = doc.map((t) => ({
          text: corrupt(t, rate, trial * 7919 + 1),
          source: "ocr" as const,
          ocrConfidence: 1 - rate * 3,
        }));
        const r = extractClaimFields({ pages });
        for (const [field, want] of Object.entries(fx.fields)) {
          all++;
          const c = r.confidence[field];
          if (matches(field, r.extracted_data[field], want)) {
            ok++;
            hitConf.push(c ?? 0);
          } else if (c !== undefined) missConf.push(c);
          if (matches(field, r.extracted_data[field], want)) continue;
          else if (process.env.SHOW_NOISE_MISSES) {
            const probe = String(want).slice(0, 5);
            const line =
              pages
                .map((p) => p.text)
                .join("\n")
                .split("\n")
                .find((l) => l.toLowerCase().includes(field.split("_")[1] ?? "") || l.includes(probe)) ?? "";
            console.log(
              `    ${fx.file} ${field}: want ${JSON.stringify(want)} got ${JSON.stringify(r.extracted_data[field])}  | ${line.trim().slice(0, 110)}`,
            );
          }
        }
      }
    }
    console.log(
      `  ${(rate * 100).toFixed(0).padStart(3)}% of characters corrupted: ${((ok / all) * 100).toFixed(1)}% of fields right (${all} field checks); mean confidence ${mean(hitConf)} when right, ${mean(missConf)} when wrong (${missConf.length} wrong values, ${all - ok - missConf.length} missing)`,
    );
  }

  const cms = join(SHARED_FORMS, "cms1500.pdf");
  if (!existsSync(cms)) {
    console.log(`\n${cms} not present: skipping the real CMS-1500`);
    return;
  }
  // Read by a person from the filled form (values as printed on it).
  const want: Record<string, unknown> = {
    patient_name: "Rahul Sharma",
    insured_id: "ID10-45678",
    diagnosis_codes: ["S02.91XA", "S06.899A"],
    procedure_codes: ["A8Z29", "A9X28", "A2X24", "A4V25", "A5C28"],
    charges: [1500, 748.57, 240, 300, 654.9],
    total_charge: 3100.78,
    dates_of_service: [
      { from: "2025-02-23", to: "2025-08-12" },
      { from: "2025-04-18", to: "2025-07-11" },
      { from: "2024-09-07", to: "2025-01-08" },
      { from: "2023-05-13", to: "2024-08-22" },
      { from: "2022-01-30", to: "2023-07-11" },
    ],
  };
  const started = performance.now();
  const doc = await readClaimDocument(readFileSync(cms), { ocr });
  const r = extractClaimFields({ pages: doc.pages, formFields: doc.formFields });
  const ms = performance.now() - started;
  let ok = 0;
  console.log(
    `\n${cms}: document_type=${r.document_type}, ${doc.pageCount} pages (${doc.pages.map((p) => p.source).join(", ")}), ${ms.toFixed(0)} ms`,
  );
  for (const [field, value] of Object.entries(want)) {
    const hit = matches(field, r.extracted_data[field], value);
    if (hit) ok++;
    console.log(
      `  ${hit ? "ok  " : "MISS"} ${field.padEnd(17)} ${JSON.stringify(r.extracted_data[field])} (conf ${r.confidence[field] ?? "-"})`,
    );
  }
  console.log(`  CMS-1500 accuracy: ${ok}/${Object.keys(want).length} fields`);
  for (const other of ["cms1500_blank.pdf", "cms1500_handwritten.pdf"]) {
    const path = join(SHARED_FORMS, other);
    if (!existsSync(path)) continue;
    try {
      const d = await readClaimDocument(readFileSync(path), { ocr });
      const e = extractClaimFields({ pages: d.pages, formFields: d.formFields });
      console.log(
        `  ${other}: document_type=${e.document_type}, pages ${d.pages.map((p) => `${p.source}${p.ocrConfidence !== undefined ? `(${p.ocrConfidence})` : ""}`).join(", ")}, fields ${JSON.stringify(e.extracted_data).slice(0, 300)}`,
      );
    } catch (err) {
      console.log(`  ${other}: ${(err as Error).message}`);
    }
  }
}

if (process.argv[1]?.endsWith("extraction-accuracy.ts")) await main();
