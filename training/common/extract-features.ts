// Frozen-backbone activations for the training scripts, computed by onnxruntime-node (native
// kernels run MobileNet ~100x faster than this machine's torch build). Streams over pipes so no
// tensor files pile up on disk:
//
//   node --import tsx training/common/extract-features.ts <trunk.onnx> <threads> <C,H,W> <features>
//
// stdin: float32 little-endian inputs of shape C*H*W each (images or cached activations), back to
// back, until EOF. stdout: the trunk's <features> values per input (float32 LE), in the same order.
import { stdin, stdout } from "node:process";
import * as ort from "onnxruntime-node";

const BATCH = 16;

function write(chunk: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stdout.write(chunk, (error) => error && reject(error))) resolve();
    else stdout.once("drain", resolve);
  });
}

async function main(): Promise<void> {
  const [model, threads, shapeArg] = process.argv.slice(2);
  if (!model || !shapeArg) throw new Error("usage: extract-features.ts <trunk.onnx> <threads> <C,H,W> <features>");
  const n = Number(threads);
  const shape = shapeArg.split(",").map(Number);
  const PER_IMAGE = shape.reduce((a, b) => a * b, 1);
  const BYTES_PER_IMAGE = PER_IMAGE * 4;
  const session = await ort.InferenceSession.create(model, { intraOpNumThreads: n, interOpNumThreads: 1 });
  const [input] = session.inputNames;
  const [output] = session.outputNames;
  let pending = Buffer.alloc(0);

  const run = async (bytes: Buffer, images: number) => {
    // Copy into an aligned buffer: a Float32Array view needs a 4-byte-aligned offset.
    const data = new Float32Array(images * PER_IMAGE);
    new Uint8Array(data.buffer).set(bytes);
    const result = await session.run({ [input!]: new ort.Tensor("float32", data, [images, ...shape]) });
    const out = result[output!]!.data as Float32Array;
    await write(new Uint8Array(out.buffer, out.byteOffset, out.byteLength));
  };

  for await (const chunk of stdin) {
    pending = pending.length ? Buffer.concat([pending, chunk as Buffer]) : (chunk as Buffer);
    const whole = Math.floor(pending.length / BYTES_PER_IMAGE);
    for (let start = 0; start < whole; start += BATCH) {
      const images = Math.min(BATCH, whole - start);
      await run(pending.subarray(start * BYTES_PER_IMAGE, (start + images) * BYTES_PER_IMAGE), images);
    }
    pending = Buffer.from(pending.subarray(whole * BYTES_PER_IMAGE));
  }
  if (pending.length) throw new Error(`stdin ended inside an image (${pending.length} bytes left)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
