import { scaledSize } from "../domain/photo/decode-scale";
import type { RgbaImage } from "../domain/photo/image";

/** TurboJPEG's RGBA pixel format (TJPF_RGBA). */
const TJPF_RGBA = 7;

interface TurboJpegExports {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(pointer: number): void;
  tjInitDecompress(): number;
  tjDestroy(handle: number): number;
  tjDecompressHeader3(h: number, src: number, size: number, w: number, hgt: number, sub: number, cs: number): number;
  tjDecompress2(
    h: number,
    src: number,
    size: number,
    dst: number,
    w: number,
    pitch: number,
    hgt: number,
    pf: number,
    flags: number,
  ): number;
}

class JpegTurboError extends Error {}

// The WASI build needs no files or clock: the imports it names only have to exist. libjpeg's
// error exit longjmps, so longjmp throws (and the instance is dropped: its heap may be mid-call).
const imports = {
  env: {
    setjmp: () => 0,
    longjmp: () => {
      throw new JpegTurboError("corrupt JPEG data");
    },
  },
  wasi_snapshot_preview1: {
    environ_sizes_get: () => 0,
    environ_get: () => 0,
    proc_exit: () => {
      throw new JpegTurboError("libjpeg-turbo exited");
    },
    fd_close: () => 0,
    fd_seek: () => 0,
    fd_write: () => 0,
  },
};

/** Header dimensions as libjpeg-turbo reads them; throws on a JPEG it cannot parse. */
function readHeader(tj: TurboJpegExports, handle: number, src: number, size: number) {
  const meta = tj.malloc(16);
  try {
    if (tj.tjDecompressHeader3(handle, src, size, meta, meta + 4, meta + 8, meta + 12) !== 0)
      throw new JpegTurboError("unreadable JPEG header");
    const [width, height] = new Int32Array(tj.memory.buffer, meta, 2);
    return { width: width!, height: height! };
  } finally {
    tj.free(meta);
  }
}

export type JpegTurboDecode = (
  bytes: Uint8Array,
  scale: number,
) => Promise<{ full: { width: number; height: number }; image: RgbaImage }>;

/**
 * A decoder over one compiled @cwasm/jpeg-turbo module (the Worker imports it; Node compiles it):
 * decodes a JPEG to RGBA at a DCT scaling factor (1/8, 1/4, 1/2 or 1; see jpegDecodeScale), where
 * libjpeg-turbo skips the IDCT work for the dropped frequencies. Throws on corrupt data.
 */
export function createJpegTurboDecoder(module: WebAssembly.Module): JpegTurboDecode {
  let instance: Promise<TurboJpegExports> | undefined;
  const turboJpeg = () => {
    instance ??= WebAssembly.instantiate(module, imports).then(
      (i) => i.exports as unknown as TurboJpegExports,
      (error: unknown) => {
        instance = undefined;
        throw error;
      },
    );
    return instance;
  };
  return async (bytes, scale) => {
    const tj = await turboJpeg();
    let handle = 0;
    let src = 0;
    let dst = 0;
    try {
      src = tj.malloc(bytes.byteLength);
      new Uint8Array(tj.memory.buffer, src, bytes.byteLength).set(bytes);
      handle = tj.tjInitDecompress();
      if (handle === 0) throw new JpegTurboError("could not allocate a decompressor");
      const full = readHeader(tj, handle, src, bytes.byteLength);
      // Asked for exactly the scaled size, TurboJPEG picks exactly that factor.
      const { width: outWidth, height: outHeight } = scaledSize(full.width, full.height, scale);
      dst = tj.malloc(outWidth * outHeight * 4);
      if (dst === 0) throw new JpegTurboError("out of memory");
      if (tj.tjDecompress2(handle, src, bytes.byteLength, dst, outWidth, outWidth * 4, outHeight, TJPF_RGBA, 0) !== 0)
        throw new JpegTurboError("corrupt JPEG data");
      const data = new Uint8ClampedArray(outWidth * outHeight * 4);
      data.set(new Uint8Array(tj.memory.buffer, dst, data.length));
      tj.free(dst);
      tj.free(src);
      tj.tjDestroy(handle);
      return { full, image: { data, width: outWidth, height: outHeight } };
    } catch (error) {
      // Whatever libjpeg was doing was cut short: start the next photo on a fresh instance.
      instance = undefined;
      throw error;
    }
  };
}
