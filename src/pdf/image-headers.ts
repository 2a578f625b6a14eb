// The pixel dimensions an image codec will decode to, read from the codec's own header:
// a JPEG's frame header, a JPEG 2000 codestream's SIZ marker, a JBIG2 stream's page and
// region headers. A PDF's /Width and /Height may say 300×300 while the data says 60000².

export interface PixelSize {
  width: number;
  height: number;
}

const u16 = (b: Uint8Array, i: number) => ((b[i]! << 8) | b[i + 1]!) >>> 0;
const u32 = (b: Uint8Array, i: number) => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;

/** Every frame header (SOFn) of a JPEG; empty when there is none before the scan data. */
export function jpegFrameSizes(b: Uint8Array): PixelSize[] {
  const out: PixelSize[] = [];
  let i = 0;
  while (i < b.length && b[i] !== 0xff) i++;
  for (let guard = 0; i + 4 <= b.length && guard < 10_000; guard++) {
    if (b[i] !== 0xff) {
      i++;
      continue;
    }
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    if (marker === 0xd9) break;
    const length = u16(b, i + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame && i + 9 <= b.length) out.push({ height: u16(b, i + 5), width: u16(b, i + 7) });
    // Progressive and multi-scan JPEGs carry more segments after the first scan; the frame comes first.
    if (marker === 0xda) break;
    i += 2 + Math.max(2, length);
  }
  return out;
}

/** The image size in a JPEG 2000 codestream (raw, or inside a JP2 file). */
export function jpxSize(b: Uint8Array): PixelSize | undefined {
  for (let i = 0; i + 22 <= b.length && i < 1 << 20; i++) {
    if (b[i] === 0xff && b[i + 1] === 0x51) {
      const width = u32(b, i + 6) - u32(b, i + 14);
      const height = u32(b, i + 10) - u32(b, i + 18);
      return { width: Math.max(0, width), height: Math.max(0, height) };
    }
  }
  return undefined;
}

const REGION_SEGMENTS = new Set([4, 6, 7, 20, 22, 23, 36, 38, 39, 40, 42, 43]);
const PAGE_INFORMATION = 48;

/** Page and region sizes declared in an embedded (PDF) JBIG2 stream. */
export function jbig2Sizes(b: Uint8Array): PixelSize[] {
  const out: PixelSize[] = [];
  let i = 0;
  for (let guard = 0; i + 11 <= b.length && guard < 100_000; guard++) {
    const number = u32(b, i);
    const flags = b[i + 4]!;
    const type = flags & 0x3f;
    const pageAssociationBytes = flags & 0x40 ? 4 : 1;
    let k = i + 5;
    let referred = b[k]! >> 5;
    if (referred === 7) {
      referred = u32(b, k) & 0x1fffffff;
      k += 4 + Math.ceil((referred + 1) / 8);
    } else k += 1;
    const referredBytes = number <= 256 ? 1 : number <= 65536 ? 2 : 4;
    k += referred * referredBytes + pageAssociationBytes;
    if (k + 4 > b.length) break;
    const dataLength = u32(b, k);
    const data = k + 4;
    if ((type === PAGE_INFORMATION || REGION_SEGMENTS.has(type)) && data + 8 <= b.length) {
      out.push({ width: u32(b, data), height: u32(b, data + 4) });
    }
    // An unknown length (0xffffffff) is only allowed for immediate generic regions at the end.
    if (dataLength === 0xffffffff) break;
    i = data + dataLength;
  }
  return out;
}
