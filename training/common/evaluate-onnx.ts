// Evaluates an exported photo classifier with onnxruntime-node, on the Worker's own code path
// where it matters: images decoded by @jsquash (the Worker's decoders) and preprocessed by
// src/domain/photo/preprocess.ts. Called by the training scripts (training/*/train.py):
//
//   node --import tsx training/common/evaluate-onnx.ts --model m.onnx \
//     [--tensors a.npy b.npy ...]        float32 [N,3,224,224] tensors made by numpy -> outputs[file][image]
//     [--images list.json]               JSON array of image paths: decode + TS preprocessing -> image_outputs
//     [--compare-tensors x.npy]          numpy's tensors of the same images: how far the TS tensors are
//     [--synthetic '<json specs>']       formula images: TS preprocessing vs the LAST --tensors file
//     [--runs 200]                       native timing, batch 1 (0 = skip)
//
// Prints one JSON line on stdout.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import decodeJpeg, { init as initJpeg } from "@jsquash/jpeg/decode.js";
import decodePng, { init as initPng } from "@jsquash/png/decode.js";
import * as ort from "onnxruntime-node";
import type { RgbaImage } from "../../src/domain/photo/image";
import { damageModelInput } from "../../src/domain/photo/preprocess";
import { formulaImage } from "../../test/photo/formula";

const SIZE = 224;
const PER_IMAGE = 3 * SIZE * SIZE;
const require = createRequire(import.meta.url);

interface Args {
  model: string;
  tensors: string[];
  images?: string;
  compareTensors?: string;
  synthetic?: { name: string; width: number; height: number; formula: { r: string; g: string; b: string } }[];
  runs: number;
}

function parseArgs(argv: string[]): Args {
  const a: Partial<Args> & { tensors: string[]; runs: number } = { tensors: [], runs: 200 };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    if (k === "--model") a.model = argv[++i];
    else if (k === "--runs") a.runs = Number(argv[++i]);
    else if (k === "--images") a.images = argv[++i];
    else if (k === "--compare-tensors") a.compareTensors = argv[++i];
    else if (k === "--synthetic") a.synthetic = JSON.parse(argv[++i]!);
    else if (k === "--tensors") {
      while (i + 1 < argv.length && !argv[i + 1]!.startsWith("--")) a.tensors.push(argv[++i]!);
    } else throw new Error(`unknown argument ${k}`);
  }
  if (!a.model) throw new Error("--model is required");
  return a as Args;
}

function readNpyF32(path: string): { shape: number[]; data: Float32Array } {
  const buf = readFileSync(path);
  if (buf.readUInt8(0) !== 0x93 || buf.toString("latin1", 1, 6) !== "NUMPY") throw new Error(`${path}: not .npy`);
  const major = buf.readUInt8(6);
  const hlen = major === 1 ? buf.readUInt16LE(8) : buf.readUInt32LE(8);
  const hstart = major === 1 ? 10 : 12;
  const header = buf.toString("latin1", hstart, hstart + hlen);
  if (!header.includes("'<f4'") || header.includes("'fortran_order': True"))
    throw new Error(`${path}: need C-order <f4`);
  const shape = header
    .match(/'shape': \(([^)]*)\)/)![1]!
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
  const off = hstart + hlen;
  return { shape, data: new Float32Array(buf.buffer.slice(buf.byteOffset + off, buf.byteOffset + buf.length)) };
}

async function classify(session: ort.InferenceSession, data: Float32Array, n: number): Promise<number[][]> {
  const [input] = session.inputNames;
  const [output] = session.outputNames;
  const probs: number[][] = [];
  for (let i = 0; i < n; i += 16) {
    const b = Math.min(16, n - i);
    const r = await session.run({
      [input!]: new ort.Tensor("float32", data.subarray(i * PER_IMAGE, (i + b) * PER_IMAGE), [b, 3, SIZE, SIZE]),
    });
    const p = r[output!]!.data as Float32Array;
    const k = p.length / b;
    for (let j = 0; j < b; j++) probs.push(Array.from(p.subarray(j * k, (j + 1) * k)));
  }
  return probs;
}

// Node compiles wasm from bytes; the Workers types in tsconfig leave compile() out because workerd forbids it.
const nodeWasm = WebAssembly as unknown as { compile(bytes: Uint8Array): Promise<WebAssembly.Module> };
const compile = (path: string) => nodeWasm.compile(readFileSync(require.resolve(path)));

async function decode(bytes: Buffer): Promise<RgbaImage> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer;
  const png = bytes[0] === 0x89 && bytes[1] === 0x50;
  return png ? await decodePng(buffer) : await decodeJpeg(buffer, { preserveOrientation: false });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

async function timeSession(model: string, runs: number, opts: ort.InferenceSession.SessionOptions) {
  const t0 = performance.now();
  const session = await ort.InferenceSession.create(model, opts);
  const createMs = performance.now() - t0;
  const x = new ort.Tensor("float32", new Float32Array(PER_IMAGE).fill(0.1), [1, 3, SIZE, SIZE]);
  const feeds = { [session.inputNames[0]!]: x };
  for (let i = 0; i < 20; i++) await session.run(feeds);
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await session.run(feeds);
    ts.push(performance.now() - t);
  }
  const sorted = [...ts].sort((a, b) => a - b);
  return {
    session_create_ms: +createMs.toFixed(1),
    median_ms: +median(ts).toFixed(3),
    p90_ms: +sorted[Math.floor(0.9 * ts.length)]!.toFixed(3),
    runs,
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const session = await ort.InferenceSession.create(args.model);
  const outputs: number[][][] = [];
  let last: { shape: number[]; data: Float32Array } | undefined;
  for (const path of args.tensors) {
    last = readNpyF32(path);
    outputs.push(await classify(session, last.data, last.shape[0]!));
  }

  let imageOutputs: number[][] | null = null;
  let tensorDiff: Record<string, number> | null = null;
  if (args.images) {
    await Promise.all([
      initJpeg(await compile("@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm")),
      initPng(await compile("@jsquash/png/codec/pkg/squoosh_png_bg.wasm")),
    ]);
    const paths = JSON.parse(readFileSync(args.images, "utf8")) as string[];
    const numpy = args.compareTensors ? readNpyF32(args.compareTensors) : undefined;
    const data = new Float32Array(paths.length * PER_IMAGE);
    let maxDiff = 0;
    let sumDiff = 0;
    for (let i = 0; i < paths.length; i++) {
      const x = damageModelInput(await decode(readFileSync(paths[i]!)));
      data.set(x, i * PER_IMAGE);
      if (numpy)
        for (let j = 0; j < PER_IMAGE; j++) {
          const d = Math.abs(x[j]! - numpy.data[i * PER_IMAGE + j]!);
          sumDiff += d;
          if (d > maxDiff) maxDiff = d;
        }
    }
    imageOutputs = await classify(session, data, paths.length);
    if (numpy)
      tensorDiff = {
        max_abs: maxDiff,
        mean_abs: sumDiff / data.length,
        in_8bit_levels_mean: (sumDiff / data.length) * 127.5,
      };
  }

  const timing =
    args.runs > 0
      ? {
          onnxruntime_node: "1.30.0",
          batch: 1,
          default_threads: await timeSession(args.model, args.runs, {}),
          single_thread: await timeSession(args.model, args.runs, { intraOpNumThreads: 1, interOpNumThreads: 1 }),
        }
      : null;

  const syntheticJs =
    args.synthetic?.map((spec, k) => {
      const x = damageModelInput(formulaImage(spec.width, spec.height, spec.formula));
      let sum = 0;
      let maxDiff = 0;
      for (let i = 0; i < x.length; i++) {
        sum += x[i]!;
        if (last) maxDiff = Math.max(maxDiff, Math.abs(x[i]! - last.data[k * PER_IMAGE + i]!));
      }
      return { name: spec.name, sum, first10: Array.from(x.subarray(0, 10)), max_abs_diff_vs_python: maxDiff };
    }) ?? null;

  console.log(
    JSON.stringify({
      outputs,
      image_outputs: imageOutputs,
      ts_vs_numpy_tensors: tensorDiff,
      timing,
      synthetic_js: syntheticJs,
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
