// Decodes a PDF stream's filter chain with a hard cap on the output: inflation by fflate's
// streaming decoder fed 1 KB at a time (at most ~1 MB of output per step, so a bomb never
// materialises), and small decoders for LZW, run-length, ASCIIHex and ASCII85. Image codecs
// end the chain: their output size is judged from their headers (image-headers.ts).
// (workerd's DecompressionStream hands out 4 KB per read and took 10 s to reach 16 MB of a
// maximally compressed stream; fflate takes 0.2–0.5 s.)
import { Unzlib } from "fflate";
import { decodeHex } from "./pdf-syntax";

export interface DecodedStream {
  /** Bytes produced by the measurable part of the chain (at most cap + one chunk). */
  size: number;
  /** The decoded bytes, when asked for and within the cap. */
  bytes?: Uint8Array;
  /** The output passed the cap. */
  overflow: boolean;
  /** The first filter the chain could not decode (an image codec or an unknown filter). */
  stoppedAt?: string;
}

const FILTER_ALIASES: Record<string, string> = {
  Fl: "FlateDecode",
  LZW: "LZWDecode",
  AHx: "ASCIIHexDecode",
  A85: "ASCII85Decode",
  RL: "RunLengthDecode",
  DCT: "DCTDecode",
  CCF: "CCITTFaxDecode",
};
export const filterName = (name: string) => FILTER_ALIASES[name] ?? name;

/** Output of one stage, or overflow. `keep` false: only count. */
interface Stage {
  size: number;
  bytes?: Uint8Array;
  overflow: boolean;
}

class BoundedSink {
  size = 0;
  private readonly chunks: Uint8Array[] = [];
  constructor(
    private readonly cap: number,
    private readonly keep: boolean,
  ) {}
  /** False once the cap is passed. */
  push(chunk: Uint8Array): boolean {
    this.size += chunk.byteLength;
    if (this.size > this.cap) return false;
    if (this.keep) this.chunks.push(chunk);
    return true;
  }
  result(): Stage {
    const overflow = this.size > this.cap;
    if (!this.keep || overflow) return { size: this.size, overflow };
    const bytes = new Uint8Array(this.size);
    let at = 0;
    for (const c of this.chunks) {
      bytes.set(c, at);
      at += c.byteLength;
    }
    return { size: this.size, bytes, overflow };
  }
}

const INFLATE_STEP = 1024;

function inflate(data: Uint8Array, cap: number, keep: boolean): Stage {
  const sink = new BoundedSink(cap, keep);
  let full = false;
  const inflater = new Unzlib((chunk) => {
    if (!full && !sink.push(chunk)) full = true;
  });
  try {
    for (let at = 0; at < data.length && !full; at += INFLATE_STEP)
      inflater.push(data.subarray(at, at + INFLATE_STEP), false);
  } catch {
    // Corrupt or truncated data: what came out so far is what a reader would get.
  }
  return sink.result();
}

function lzw(data: Uint8Array, cap: number, keep: boolean, earlyChange: number): Stage {
  const sink = new BoundedSink(cap, keep);
  const prefix = new Int32Array(4096);
  const suffix = new Uint8Array(4096);
  const length = new Int32Array(4096);
  for (let i = 0; i < 256; i++) {
    prefix[i] = -1;
    suffix[i] = i;
    length[i] = 1;
  }
  let next = 258;
  let width = 9;
  let previous = -1;
  let bitBuffer = 0;
  let bits = 0;
  const scratch = new Uint8Array(4096);
  const emit = (code: number): number => {
    const n = length[code]!;
    for (let c = code, k = n - 1; k >= 0; k--, c = prefix[c]!) scratch[k] = suffix[c]!;
    return n;
  };
  for (let i = 0; i < data.length; i++) {
    bitBuffer = ((bitBuffer << 8) | data[i]!) >>> 0;
    bits += 8;
    while (bits >= width) {
      const code = (bitBuffer >>> (bits - width)) & ((1 << width) - 1);
      bits -= width;
      if (code === 256) {
        next = 258;
        width = 9;
        previous = -1;
        continue;
      }
      if (code === 257) return sink.result();
      let n: number;
      if (code < next && (code < 256 || code >= 258)) {
        n = emit(code);
        if (previous >= 0 && next < 4096) {
          prefix[next] = previous;
          suffix[next] = scratch[0]!;
          length[next] = length[previous]! + 1;
          next++;
        }
      } else if (code === next && previous >= 0) {
        const first = emit(previous);
        scratch[first] = scratch[0]!;
        n = first + 1;
        if (next < 4096) {
          prefix[next] = previous;
          suffix[next] = scratch[0]!;
          length[next] = n;
          next++;
        }
      } else return sink.result();
      if (!sink.push(scratch.slice(0, n))) return sink.result();
      previous = code;
      if (next + earlyChange >= 1 << width && width < 12) width++;
    }
  }
  return sink.result();
}

function runLength(data: Uint8Array, cap: number, keep: boolean): Stage {
  const sink = new BoundedSink(cap, keep);
  for (let i = 0; i < data.length; ) {
    const n = data[i]!;
    if (n === 128) break;
    const chunk = n < 128 ? data.slice(i + 1, i + 2 + n) : new Uint8Array(257 - n).fill(data[i + 1] ?? 0);
    i += n < 128 ? n + 2 : 2;
    if (!sink.push(chunk)) break;
  }
  return sink.result();
}

function asciiHex(data: Uint8Array, cap: number, keep: boolean): Stage {
  const sink = new BoundedSink(cap, keep);
  sink.push(decodeHex(data, 0, data.length).bytes);
  return sink.result();
}

function ascii85(data: Uint8Array, cap: number, keep: boolean): Stage {
  const sink = new BoundedSink(cap, keep);
  const out: number[] = [];
  const group: number[] = [];
  const flush = (n: number) => {
    while (group.length < 5) group.push(84);
    let v = 0;
    for (const g of group) v = v * 85 + g;
    for (let k = 0; k < n; k++) out.push((v >>> (24 - 8 * k)) & 255);
    group.length = 0;
  };
  for (const c of data) {
    if (c === 0x7e) break;
    if (c === 0x7a && group.length === 0) out.push(0, 0, 0, 0);
    else if (c >= 0x21 && c <= 0x75) {
      group.push(c - 33);
      if (group.length === 5) flush(4);
    }
    if (out.length >= 65536) {
      if (!sink.push(Uint8Array.from(out))) return sink.result();
      out.length = 0;
    }
  }
  if (group.length > 1) flush(group.length - 1);
  sink.push(Uint8Array.from(out));
  return sink.result();
}

/**
 * Runs `filters` over `data` with every stage's output capped at `cap` bytes. `keep`: return
 * the final bytes (intermediate stages are always kept, within the cap).
 */
export async function decodeStream(
  data: Uint8Array,
  filters: string[],
  options: { cap: number; keep: boolean; earlyChange?: number[] },
): Promise<DecodedStream> {
  let current: Stage = { size: data.length, bytes: data, overflow: false };
  for (const [index, raw] of filters.entries()) {
    const input = current.bytes;
    if (!input) break;
    const keep = options.keep || index < filters.length - 1;
    const name = filterName(raw);
    switch (name) {
      case "FlateDecode":
        current = inflate(input, options.cap, keep);
        break;
      case "LZWDecode":
        current = lzw(input, options.cap, keep, options.earlyChange?.[index] ?? 1);
        break;
      case "RunLengthDecode":
        current = runLength(input, options.cap, keep);
        break;
      case "ASCIIHexDecode":
        current = asciiHex(input, options.cap, keep);
        break;
      case "ASCII85Decode":
        current = ascii85(input, options.cap, keep);
        break;
      case "Crypt":
        continue;
      default:
        return {
          size: current.size,
          ...(options.keep && current.bytes ? { bytes: current.bytes } : {}),
          overflow: false,
          stoppedAt: name,
        };
    }
    if (current.overflow) return { size: current.size, overflow: true };
  }
  return { size: current.size, ...(options.keep && current.bytes ? { bytes: current.bytes } : {}), overflow: false };
}
