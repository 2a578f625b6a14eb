import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import encodeJpeg, { init as initJpegEncoder } from "@jsquash/jpeg/encode.js";

const require = createRequire(import.meta.url);

/** Compiles a wasm file from node_modules (Node allows what workerd forbids). */
export const compileWasm = (path: string) =>
  (WebAssembly as unknown as { compile(bytes: Uint8Array): Promise<WebAssembly.Module> }).compile(
    readFileSync(require.resolve(path)),
  );

/** The benchmarks' photo: a photo-like scene (gradients, a car-coloured block, fine noise) as a JPEG, quality 85. */
export async function benchJpeg(width = 1280, height = 960): Promise<Uint8Array> {
  await initJpegEncoder(await compileWasm("@jsquash/jpeg/codec/enc/mozjpeg_enc.wasm"));
  let s = 12345;
  const random = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const body = x > 0.15 * width && x < 0.85 * width && y > 0.35 * height && y < 0.75 * height;
      const [r, g, b] = body
        ? [180 * (1 - (0.4 * y) / height), 40, 50]
        : y < 0.5 * height
          ? [140 + (60 * y) / height, 180, 220]
          : [100, 95, 90];
      const t = (random() - 0.5) * 30;
      data.set([r! + t, g! + t, b! + t, 255], i);
    }
  return new Uint8Array(
    await encodeJpeg({ data, width, height, colorSpace: "srgb" } as unknown as Parameters<typeof encodeJpeg>[0], {
      quality: 85,
    }),
  );
}
