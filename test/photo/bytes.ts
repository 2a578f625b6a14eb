/** Hand-made image headers for the header-parsing tables (no decoder needed). */

export function concat(...parts: Array<ArrayLike<number>>): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(Array.from(p), o);
    o += p.length;
  }
  return out;
}

const be16 = (v: number) => [(v >> 8) & 0xff, v & 0xff];
const be32 = (v: number) => [(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];

export function segment(marker: number, payload: ArrayLike<number>): number[] {
  return [0xff, marker, ...be16(payload.length + 2), ...Array.from(payload)];
}

export const SOI = [0xff, 0xd8];
export const EOI = [0xff, 0xd9];

export function sof(marker: number, width: number, height: number): number[] {
  return segment(marker, [8, ...be16(height), ...be16(width), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
}

export function app1Exif(size = 200): number[] {
  const payload = [...Array.from("Exif\0\0", (c) => c.charCodeAt(0)), ...new Array(size).fill(0xff)];
  return segment(0xe1, payload);
}

export function jpegHeader(opts: { width: number; height: number; sofMarker?: number; exif?: boolean }): Uint8Array {
  return concat(
    SOI,
    segment(
      0xe0,
      Array.from("JFIF\0\x01\x01\0\0\x01\0\x01\0\0", (c) => c.charCodeAt(0)),
    ),
    opts.exif ? app1Exif() : [],
    segment(0xdb, new Array(65).fill(1)),
    sof(opts.sofMarker ?? 0xc0, opts.width, opts.height),
    segment(0xc4, new Array(30).fill(0)),
    segment(0xda, [3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0]),
    [1, 2, 3, 4],
    EOI,
  );
}

let table: Uint32Array | undefined;
function crc32(bytes: ArrayLike<number>): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function pngHeader(opts: {
  width: number;
  height: number;
  depth?: number;
  colour?: number;
  badCrc?: boolean;
}): Uint8Array {
  const body = [
    ...Array.from("IHDR", (c) => c.charCodeAt(0)),
    ...be32(opts.width),
    ...be32(opts.height),
    opts.depth ?? 8,
    opts.colour ?? 6,
    0,
    0,
    0,
  ];
  const crc = crc32(body) ^ (opts.badCrc ? 1 : 0);
  return concat(
    PNG_SIGNATURE,
    be32(13),
    body,
    be32(crc >>> 0),
    be32(0),
    Array.from("IEND", (c) => c.charCodeAt(0)),
  );
}

export function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
