// Licence reading on the held-out images (other seeds, fonts the reader was not tuned on and
// a layout it never saw): field-level accuracy of the barcode path (backs) and the OCR path
// (fronts), flat scans vs phone photos, and seconds per image inside workerd. Ratios against
// baselines measured in the same run: image decoding alone (workerd), and the barcode decoders
// zxing-wasm vs @zxing/library (pure JS) on the same back images (Node).
// Run: npm run bench:licence
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readBarcodes } from "zxing-wasm/reader";
import { LICENCE_FIELD_KEYS } from "../src/domain/licence";
import { decodeWithSharp, nodeZxing } from "./licence-node";

const ROOT = join(import.meta.dirname, "..");
const HELD_OUT = join(ROOT, "test", "fixtures", "licences", "held-out");

interface Fixture {
  file: string;
  side: "front" | "back" | "none";
  layout: string;
  variant: "scan" | "photo";
  fields: Record<string, string>;
}
interface Line {
  file: string;
  fields: Record<string, string>;
  barcodeFound: boolean;
  attempts: number;
  passes: string[];
  timings: { decodeMs: number; barcodeMs: number; ocrMs: number; totalMs: number };
}

const { fixtures } = JSON.parse(readFileSync(join(HELD_OUT, "expected.json"), "utf8")) as { fixtures: Fixture[] };
const pct = (a: number, b: number) => (b === 0 ? "   -  " : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function accuracyTable(groups: Array<[string, Fixture[]]>, results: Map<string, Line>) {
  console.log(`\n${"field".padEnd(22)}${groups.map(([name]) => name.padStart(22)).join("")}`);
  const totals = groups.map(() => ({ ok: 0, n: 0, spurious: 0 }));
  for (const key of LICENCE_FIELD_KEYS) {
    const cells = groups.map(([, fxs], gi) => {
      let ok = 0;
      let n = 0;
      for (const fx of fxs) {
        const got = results.get(fx.file)?.fields[key] ?? "";
        if (fx.fields[key]) {
          n++;
          if (got === fx.fields[key]) ok++;
        } else if (got) totals[gi]!.spurious++;
      }
      totals[gi]!.ok += ok;
      totals[gi]!.n += n;
      return n ? `${ok}/${n} ${pct(ok, n)}`.padStart(22) : "-".padStart(22);
    });
    if (cells.some((c) => c.trim() !== "-")) console.log(`${key.padEnd(22)}${cells.join("")}`);
  }
  console.log(
    `${"ALL FIELDS".padEnd(22)}${totals.map((t) => `${t.ok}/${t.n} ${pct(t.ok, t.n)}`.padStart(22)).join("")}`,
  );
  console.log(`${"values not on card".padEnd(22)}${totals.map((t) => String(t.spurious).padStart(22)).join("")}`);
}

async function decoderComparison() {
  nodeZxing();
  const { PDF417Reader, RGBLuminanceSource, BinaryBitmap, HybridBinarizer, DecodeHintType } = await import(
    "@zxing/library"
  );
  const rows = { wasm: { ok: 0, ms: 0 }, js: { ok: 0, ms: 0 } };
  const backs = fixtures.filter((f) => f.side === "back");
  for (const fx of backs) {
    const image = await decodeWithSharp(new Uint8Array(readFileSync(join(HELD_OUT, fx.file))));
    let t = performance.now();
    const r = await readBarcodes(image as unknown as Parameters<typeof readBarcodes>[0], {
      formats: ["PDF417"],
      tryHarder: true,
      tryRotate: true,
      tryInvert: true,
    });
    rows.wasm.ms += performance.now() - t;
    if (r.some((x) => x.isValid)) rows.wasm.ok++;
    const lum = new Uint8ClampedArray(image.width * image.height);
    for (let i = 0; i < lum.length; i++)
      lum[i] = (image.data[i * 4]! * 77 + image.data[i * 4 + 1]! * 150 + image.data[i * 4 + 2]! * 29) >> 8;
    t = performance.now();
    try {
      new PDF417Reader().decode(
        new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(lum, image.width, image.height))),
        new Map([[DecodeHintType.TRY_HARDER, true]]),
      );
      rows.js.ok++;
    } catch {
      // not decoded
    }
    rows.js.ms += performance.now() - t;
  }
  console.log(`\nBarcode decoders, one look at each of ${backs.length} held-out backs (Node):`);
  console.log(
    `  zxing-wasm (ZXing-C++)   decoded ${rows.wasm.ok}/${backs.length}, ${(rows.wasm.ms / backs.length).toFixed(1)} ms/image`,
  );
  console.log(
    `  @zxing/library (JS port) decoded ${rows.js.ok}/${backs.length}, ${(rows.js.ms / backs.length).toFixed(1)} ms/image  (time ratio JS/wasm ${(rows.js.ms / rows.wasm.ms).toFixed(2)})`,
  );
}

async function main() {
  const run = spawnSync(join(ROOT, "node_modules/.bin/vitest"), ["run", "--config", "bench/vitest.licence.config.ts"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const parsed = `${run.stdout}\n${run.stderr}`
    .split("\n")
    .filter((l) => l.includes("LICENCE_BENCH "))
    .map((l) => JSON.parse(l.slice(l.indexOf("{"))) as Line & { warmUpMs?: number });
  const warm = parsed.find((l) => l.warmUpMs !== undefined);
  const results = new Map(parsed.filter((l) => l.file).map((l) => [l.file, l]));
  if (results.size === 0) {
    console.log(`workerd run produced no lines:\n${run.stdout.slice(-3000)}${run.stderr.slice(-3000)}`);
    process.exit(1);
  }
  const by = (side: string, variant?: string) =>
    fixtures.filter((f) => f.side === side && (!variant || f.variant === variant));
  console.log(
    `Held-out licence images: ${fixtures.length} (${by("front").length} fronts in ${new Set(by("front").map((f) => f.layout)).size} layouts, ${by("back").length} backs)`,
  );

  console.log("\nBACKS, barcode path (field-level accuracy):");
  accuracyTable(
    [
      ["scan", by("back", "scan")],
      ["phone photo", by("back", "photo")],
    ],
    results,
  );
  for (const variant of ["scan", "photo"]) {
    const backs = by("back", variant);
    console.log(
      `  barcode decoded on ${backs.filter((f) => results.get(f.file)?.barcodeFound).length}/${backs.length} ${variant}s`,
    );
  }

  console.log("\nFRONTS, OCR path (field-level accuracy):");
  accuracyTable(
    [
      ["scan", by("front", "scan")],
      ["phone photo", by("front", "photo")],
      ["unseen layout, both", fixtures.filter((f) => f.layout === "given-first")],
    ],
    results,
  );

  console.log(
    "\nSeconds per image inside workerd (after a warm-up image" +
      (warm ? ` of ${(warm.warmUpMs! / 1000).toFixed(2)} s` : "") +
      "):",
  );
  for (const [name, fxs] of [
    ["fronts (OCR)", by("front")],
    ["backs (barcode)", by("back")],
  ] as const) {
    const lines = fxs.map((f) => results.get(f.file)!).filter(Boolean);
    const total = lines.map((l) => l.timings.totalMs / 1000);
    const decode = lines.map((l) => l.timings.decodeMs / 1000);
    console.log(
      `  ${name.padEnd(16)} mean ${mean(total).toFixed(2)} s, median ${median(total).toFixed(2)} s, max ${Math.max(...total).toFixed(2)} s; ` +
        `decode alone ${mean(decode).toFixed(3)} s → ratio ${(mean(total) / Math.max(1e-3, mean(decode))).toFixed(1)}x decode; ` +
        `barcode ${mean(lines.map((l) => l.timings.barcodeMs / 1000)).toFixed(2)} s, OCR ${mean(lines.map((l) => l.timings.ocrMs / 1000)).toFixed(2)} s`,
    );
  }
  await decoderComparison();
}

await main();
