// PDF417 symbols in a decoded image, read by ZXing-C++ compiled to wasm (zxing-wasm). Free of
// the wasm import so that Node scripts can run it with the wasm bytes they read themselves.
import { prepareZXingModule, type ReaderOptions, readBarcodes } from "zxing-wasm/reader";
import type { RgbaImage } from "../domain/photo/image";
import { crop, enlargedSharpened, type Region } from "./barcode-image";
import { turnedBy } from "./skew";

/** One way to get zxing's module: workerd hands over the precompiled Module, Node the bytes. */
export type ZxingWasm = { module: WebAssembly.Module } | { bytes: ArrayBuffer };

let prepared: ZxingWasm | undefined;

export function prepareZxing(wasm: ZxingWasm): void {
  if (prepared) return;
  prepared = wasm;
  if ("bytes" in wasm) {
    prepareZXingModule({ overrides: { wasmBinary: wasm.bytes } });
    return;
  }
  // Emscripten's own hook: instantiate the imported Module instead of fetching and compiling bytes.
  prepareZXingModule({
    overrides: {
      instantiateWasm(
        imports: WebAssembly.Imports,
        receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
      ) {
        void WebAssembly.instantiate(wasm.module, imports).then((instance) => receive(instance, wasm.module));
        return {};
      },
    },
  });
}

const OPTIONS: ReaderOptions = {
  formats: ["PDF417"],
  tryHarder: true,
  tryRotate: true,
  tryInvert: true,
  tryDownscale: true,
  maxNumberOfSymbols: 2,
  textMode: "Plain",
  returnErrors: true,
};

/** Images above this long side are sharp enough; enlarging them only costs memory. */
const MAX_ENLARGED_SIDE = 3200;

interface Attempt {
  symbols: Uint8Array[];
  /** Symbols found but not decoded (a checksum failed): where they are. */
  seen: Region[];
}

async function attempt(image: RgbaImage): Promise<Attempt> {
  const data =
    image.data instanceof Uint8ClampedArray
      ? image.data
      : new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  const results = await readBarcodes(
    { data, width: image.width, height: image.height, colorSpace: "srgb" } as unknown as Parameters<
      typeof readBarcodes
    >[0],
    OPTIONS,
  );
  const symbols = results.filter((r) => r.isValid && r.bytes.length > 0).map((r) => r.bytes);
  const seen = results
    .filter((r) => !r.isValid)
    .map((r) => {
      const xs = [r.position.topLeft.x, r.position.topRight.x, r.position.bottomLeft.x, r.position.bottomRight.x];
      const ys = [r.position.topLeft.y, r.position.topRight.y, r.position.bottomLeft.y, r.position.bottomRight.y];
      return {
        x: Math.min(...xs),
        y: Math.min(...ys),
        width: Math.max(...xs) - Math.min(...xs),
        height: Math.max(...ys) - Math.min(...ys),
      };
    })
    .filter((r) => r.width > 8 && r.height > 8);
  return { symbols, seen };
}

export interface Pdf417Reading {
  symbols: Uint8Array[];
  attempts: number;
}

/**
 * The raw bytes of each valid PDF417 symbol in `image`. When a symbol is seen but fails its
 * checksum, the region is enlarged, sharpened and turned.
 */
export async function readPdf417(image: RgbaImage): Promise<Pdf417Reading> {
  if (!prepared) throw new Error("zxing is not prepared: call prepareZxing first");
  const first = await attempt(image);
  if (first.symbols.length > 0) return { symbols: first.symbols, attempts: 1 };
  // Nothing seen (a front, a car): no symbol to try harder on.
  const region = first.seen[0];
  if (!region) return { symbols: [], attempts: 1 };
  const source = crop(image, region);
  const factor = Math.min(2, MAX_ENLARGED_SIDE / Math.max(source.width, source.height));
  if (factor < 1.2) return { symbols: [], attempts: 1 };
  const enlarged = enlargedSharpened(source, factor);
  let attempts = 1;
  for (const degrees of [0, 3, -3, 6, -6]) {
    attempts++;
    const next = await attempt(degrees === 0 ? enlarged : turnedBy(enlarged, degrees));
    if (next.symbols.length > 0) return { symbols: next.symbols, attempts };
  }
  return { symbols: [], attempts };
}
