// Seconds per page: text layer vs OCR, tesseract-wasm (inside workerd via vitest, and in
// Node) next to the native `tesseract` CLI on the same page images, in one run.
// Run: npx tsx bench/ocr-speed.ts        (needs the tesseract-ocr Debian package)
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openPdf } from "../src/pdf/inspect";
import { fitForOcr, pageImages, readClaimDocument } from "../src/pdf/reader";
import { readScan } from "../src/pdf/scan-reading";
import { nodeOcr } from "./extraction-accuracy";

const ROOT = join(import.meta.dirname, "..");
const FIXTURES = join(ROOT, "test", "fixtures", "documents");
const { fixtures } = JSON.parse(readFileSync(join(FIXTURES, "expected.json"), "utf8")) as {
  fixtures: Array<{ file: string; kind: string }>;
};

const time = (f: () => void) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};

/** The page's scan as the reader sees it (production code path), plus a PGM for the CLI. */
async function pageImage(file: string) {
  const pdf = await openPdf(new Uint8Array(readFileSync(join(FIXTURES, file))));
  const [rgba] = await pageImages(pdf, 1);
  if (!rgba) throw new Error(`${file}: no image`);
  const gray = Buffer.alloc(rgba.width * rgba.height);
  for (let i = 0; i < gray.length; i++) gray[i] = rgba.data[i * 4]!;
  return { rgba, pgm: Buffer.concat([Buffer.from(`P5\n${rgba.width} ${rgba.height}\n255\n`), gray]) };
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), "ocr-speed-"));
  try {
    // 1. Text layer (Node): seconds per page of the typed fixtures.
    const typed = fixtures.filter((f) => f.kind === "typed");
    for (const f of typed) await readClaimDocument(readFileSync(join(FIXTURES, f.file))); // warm up pdf.js
    let textMs = 0;
    for (const f of typed) {
      const t = performance.now();
      await readClaimDocument(readFileSync(join(FIXTURES, f.file)));
      textMs += performance.now() - t;
    }
    console.log(
      `text layer (Node, unpdf): ${(textMs / typed.length / 1000).toFixed(4)} s/page over ${typed.length} pages`,
    );

    // 2. OCR of the same scanned page images: tesseract-wasm in Node vs the tesseract CLI.
    const initStart = performance.now();
    const ocr = await nodeOcr();
    console.log(
      `tesseract-wasm engine start (Node, model load): ${((performance.now() - initStart) / 1000).toFixed(2)} s`,
    );
    const first = await pageImage(fixtures.find((x) => x.kind === "scanned")!.file);
    console.log(
      `first page OCR'd by a fresh engine (cold): ${(time(() => readScan(ocr, fitForOcr(first.rgba))) / 1000).toFixed(2)} s`,
    );
    const rows: Array<{ file: string; wasm: number; cli: number; cli1: number }> = [];
    for (const f of fixtures.filter((x) => x.kind === "scanned")) {
      const { rgba, pgm } = await pageImage(f.file);
      const img = join(work, `${f.file}.pgm`);
      writeFileSync(img, pgm);
      // The production path: straightened, upscaled, cleaned, retried if it reads badly.
      const wasm = time(() => readScan(ocr, fitForOcr(rgba)));
      const cli = time(() => execFileSync("tesseract", [img, "-"], { stdio: ["ignore", "pipe", "ignore"] }));
      const cli1 = time(() =>
        execFileSync("tesseract", [img, "-"], {
          stdio: ["ignore", "pipe", "ignore"],
          env: { ...process.env, OMP_THREAD_LIMIT: "1" },
        }),
      );
      rows.push({ file: f.file, wasm, cli, cli1 });
      console.log(
        `${f.file.padEnd(20)} ${rgba.width}x${rgba.height}  wasm(Node) ${(wasm / 1000).toFixed(2)} s   CLI ${(cli / 1000).toFixed(2)} s   CLI 1 thread ${(cli1 / 1000).toFixed(2)} s`,
      );
    }
    const avg = (k: "wasm" | "cli" | "cli1") => rows.reduce((s, r) => s + r[k], 0) / rows.length / 1000;
    console.log(
      `OCR s/page: tesseract-wasm (Node) ${avg("wasm").toFixed(2)}, native CLI ${avg("cli").toFixed(2)} (1 thread ${avg("cli1").toFixed(2)}); ratio wasm/CLI ${(avg("wasm") / avg("cli")).toFixed(2)} (vs 1 thread ${(avg("wasm") / avg("cli1")).toFixed(2)})`,
    );

    // 3. The same pages inside workerd (the vitest plugin), same run.
    if (!process.argv.includes("--no-workerd")) {
      const run = spawnSync(
        join(ROOT, "node_modules/.bin/vitest"),
        ["run", "test/documents/ocr-speed.test.ts", "--silent=false"],
        { cwd: ROOT, encoding: "utf8" },
      );
      const all = `${run.stdout}\n${run.stderr}`
        .split("\n")
        .filter((l) => l.includes("OCR_SPEED "))
        .map(
          (l) =>
            JSON.parse(l.slice(l.indexOf("{"))) as {
              pass: string;
              file: string;
              kind: string;
              textMs: number;
              ocrMs: number;
              ocrInitMs: number;
              ocrPages: number;
              pages: number;
            },
        );
      const lines = all.filter((l) => l.pass === "warm");
      const cold = all.find((l) => l.pass === "cold" && l.kind === "scanned");
      if (cold)
        console.log(
          `workerd: first OCR'd page in a fresh isolate ${(cold.ocrMs / 1000).toFixed(2)} s (+ engine start ${(cold.ocrInitMs / 1000).toFixed(2)} s)`,
        );
      if (lines.length === 0)
        console.log(`workerd run produced no timings:\n${run.stdout.slice(-2000)}${run.stderr.slice(-2000)}`);
      const scanned = lines.filter((l) => l.kind === "scanned");
      const typedW = lines.filter((l) => l.kind === "typed");
      const init = cold?.ocrInitMs ?? 0;
      const wOcr = scanned.reduce((s, l) => s + l.ocrMs, 0) / Math.max(1, scanned.length) / 1000;
      const wText = typedW.reduce((s, l) => s + l.textMs, 0) / Math.max(1, typedW.length) / 1000;
      console.log(
        `workerd: text layer ${wText.toFixed(4)} s/page; OCR engine start ${(init / 1000).toFixed(2)} s (once per isolate); OCR ${wOcr.toFixed(2)} s/page warm; ratio workerd-wasm/CLI ${(wOcr / avg("cli")).toFixed(2)} (vs CLI 1 thread ${(wOcr / avg("cli1")).toFixed(2)})`,
      );
      for (const l of scanned) console.log(`  ${l.file.padEnd(20)} workerd OCR ${(l.ocrMs / 1000).toFixed(2)} s`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
