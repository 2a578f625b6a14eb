// Evaluate the exported damage classifier with onnxruntime-node and time it natively.
// Called by train.py:
//   node training/damage/evaluate-onnx.mjs --model models/damage/damage-classifier.onnx \
//        --tensors a.npy b.npy ... [--runs 200] [--synthetic '<json specs>']
// Each .npy holds float32 [N,3,224,224] preprocessed images; prints one JSON line:
//   { outputs: [[[p0,p1],...] per file], timing: {...}, synthetic_js: [...] }
// With --synthetic it also re-implements the preprocessing in plain JS for the synthetic
// parity images (formula -> box resize -> normalise) and reports the sum / first values,
// so the spec is proven reproducible outside numpy.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import * as ort from "onnxruntime-node";

const SIZE = 224;

function parseArgs(argv) {
  const a = { tensors: [], runs: 200, synthetic: null, model: null };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    if (k === "--model") a.model = argv[++i];
    else if (k === "--runs") a.runs = Number(argv[++i]);
    else if (k === "--synthetic") a.synthetic = JSON.parse(argv[++i]);
    else if (k === "--tensors") {
      while (i + 1 < argv.length && !argv[i + 1].startsWith("--")) a.tensors.push(argv[++i]);
    } else throw new Error(`unknown argument ${k}`);
  }
  if (!a.model) throw new Error("--model is required");
  return a;
}

function readNpyF32(path) {
  const buf = readFileSync(path);
  if (buf.readUInt8(0) !== 0x93 || buf.toString("latin1", 1, 6) !== "NUMPY") throw new Error(`${path}: not .npy`);
  const major = buf.readUInt8(6);
  const hlen = major === 1 ? buf.readUInt16LE(8) : buf.readUInt32LE(8);
  const hstart = major === 1 ? 10 : 12;
  const header = buf.toString("latin1", hstart, hstart + hlen);
  if (!header.includes("'<f4'") || header.includes("'fortran_order': True"))
    throw new Error(`${path}: need C-order <f4`);
  const shape = header
    .match(/'shape': \(([^)]*)\)/)[1]
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
  const off = hstart + hlen;
  const data = new Float32Array(buf.buffer.slice(buf.byteOffset + off, buf.byteOffset + buf.length));
  return { shape, data };
}

// ---- the Worker's preprocessing, written from the spec in damage-classifier.json ----
function boxBounds(src, dst) {
  const start = new Int32Array(dst),
    end = new Int32Array(dst);
  for (let o = 0; o < dst; o++) {
    const s = Math.floor((o * src) / dst);
    start[o] = s;
    end[o] = Math.min(Math.max(Math.floor(((o + 1) * src) / dst), s + 1), src);
  }
  return [start, end];
}

/** rgb: Uint8Array length W*H*3 (RGB interleaved) -> Float32Array 3*224*224 (NCHW). */
export function preprocessRGB(rgb, W, H) {
  const [c0, c1] = boxBounds(W, SIZE);
  const [r0, r1] = boxBounds(H, SIZE);
  const out = new Float32Array(3 * SIZE * SIZE);
  const colSums = new Float64Array(H * SIZE * 3); // per source row, summed over each output column's block
  const prefix = new Float64Array((W + 1) * 3);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      for (let c = 0; c < 3; c++) prefix[(x + 1) * 3 + c] = prefix[x * 3 + c] + rgb[(y * W + x) * 3 + c];
    }
    for (let ox = 0; ox < SIZE; ox++) {
      for (let c = 0; c < 3; c++) colSums[(y * SIZE + ox) * 3 + c] = prefix[c1[ox] * 3 + c] - prefix[c0[ox] * 3 + c];
    }
  }
  for (let oy = 0; oy < SIZE; oy++) {
    const rows = r1[oy] - r0[oy];
    for (let ox = 0; ox < SIZE; ox++) {
      const count = rows * (c1[ox] - c0[ox]);
      for (let c = 0; c < 3; c++) {
        let s = 0;
        for (let y = r0[oy]; y < r1[oy]; y++) s += colSums[(y * SIZE + ox) * 3 + c];
        out[c * SIZE * SIZE + oy * SIZE + ox] = s / count / 127.5 - 1;
      }
    }
  }
  return out;
}

function syntheticRGB(spec) {
  const { width: W, height: H, formula } = spec;
  const f = ["r", "g", "b"].map((k) => new Function("x", "y", `return ${formula[k]};`));
  const rgb = new Uint8Array(W * H * 3);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) for (let c = 0; c < 3; c++) rgb[(y * W + x) * 3 + c] = f[c](x, y);
  return rgb;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function timeSession(modelPath, runs, opts) {
  const t0 = performance.now();
  const session = await ort.InferenceSession.create(modelPath, opts);
  const createMs = performance.now() - t0;
  const x = new ort.Tensor("float32", new Float32Array(3 * SIZE * SIZE).fill(0.1), [1, 3, SIZE, SIZE]);
  for (let i = 0; i < 20; i++) await session.run({ image: x });
  const ts = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await session.run({ image: x });
    ts.push(performance.now() - t);
  }
  return {
    session_create_ms: +createMs.toFixed(1),
    median_ms: +median(ts).toFixed(3),
    p90_ms: +[...ts].sort((a, b) => a - b)[Math.floor(0.9 * ts.length)].toFixed(3),
    runs,
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const session = await ort.InferenceSession.create(args.model);
  const outputs = [];
  let syntheticX = null;
  for (const path of args.tensors) {
    const { shape, data } = readNpyF32(path);
    const [n] = shape;
    const per = 3 * SIZE * SIZE;
    const probs = [];
    for (let i = 0; i < n; i += 16) {
      const b = Math.min(16, n - i);
      const t = new ort.Tensor("float32", data.subarray(i * per, (i + b) * per), [b, 3, SIZE, SIZE]);
      const r = await session.run({ image: t });
      const p = r.probabilities.data;
      for (let j = 0; j < b; j++) probs.push([p[2 * j], p[2 * j + 1]]);
    }
    outputs.push(probs);
    syntheticX = { shape, data };
  }
  const timing = {
    onnxruntime_node: "1.30.0",
    batch: 1,
    default_threads: await timeSession(args.model, args.runs, {}),
    single_thread: await timeSession(args.model, args.runs, { intraOpNumThreads: 1, interOpNumThreads: 1 }),
  };
  let syntheticJs = null;
  if (args.synthetic) {
    // the last --tensors file is expected to hold the python tensors of the synthetic images
    syntheticJs = args.synthetic.map((spec, k) => {
      const x = preprocessRGB(syntheticRGB(spec), spec.width, spec.height);
      let sum = 0;
      let maxDiff = 0;
      const per = 3 * SIZE * SIZE;
      for (let i = 0; i < x.length; i++) {
        sum += x[i];
        if (syntheticX) maxDiff = Math.max(maxDiff, Math.abs(x[i] - syntheticX.data[k * per + i]));
      }
      return { name: spec.name, sum, first10: Array.from(x.subarray(0, 10)), max_abs_diff_vs_python: maxDiff };
    });
  }
  console.log(JSON.stringify({ outputs, timing, synthetic_js: syntheticJs }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
