import { ok, type PhotoResult, reject } from "./errors";
import { MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, MIN_IMAGE_SIDE } from "./limits";
import { exifOrientation, type Orientation } from "./orientation";

export type ImageFormat = "jpeg" | "png";

export interface ImageHeader {
  format: ImageFormat;
  mimeType: "image/jpeg" | "image/png";
  width: number;
  height: number;
  /** JPEG only: SOF2/SOF6/SOF10/SOF14 (progressive scans). */
  progressive: boolean;
  /** JPEG only: the EXIF orientation (1 = stored upright); width and height are as stored. */
  orientation: Orientation;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Formats people actually send by mistake, named so the error can say what was received. */
const OTHER_SIGNATURES: Array<[string, (b: Uint8Array) => boolean]> = [
  ["gif", (b) => ascii(b, 0, 4) === "GIF8"],
  ["webp", (b) => ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 4) === "WEBP"],
  ["heic", (b) => ascii(b, 4, 4) === "ftyp" && /^(heic|heix|hevc|mif1|msf1|avif)$/.test(ascii(b, 8, 4))],
  ["bmp", (b) => ascii(b, 0, 2) === "BM"],
  ["tiff", (b) => ascii(b, 0, 4) === "II*\0" || ascii(b, 0, 4) === "MM\0*"],
  ["pdf", (b) => ascii(b, 0, 5) === "%PDF-"],
];

/** JPEG (FF D8 FF) or PNG (89 50 4E 47 0D 0A 1A 0A) by magic bytes; anything else is undefined. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.length >= 8 && PNG_SIGNATURE.every((v, i) => bytes[i] === v)) return "png";
  return undefined;
}

/**
 * Every check that needs no decoding: byte size, magic bytes, dimensions from the JPEG frame
 * header or the PNG IHDR, minimum side and maximum pixel count. Never throws, whatever the input.
 */
export function inspectImage(bytes: Uint8Array): PhotoResult<ImageHeader> {
  if (bytes.length === 0) return reject("VALIDATION_ERROR", "Field 'image' is empty", { field: "image" });
  if (bytes.length > MAX_IMAGE_BYTES) {
    return reject("PAYLOAD_TOO_LARGE", `Image exceeds the maximum size of ${MAX_IMAGE_BYTES / (1024 * 1024)} MB`, {
      max_bytes: MAX_IMAGE_BYTES,
      bytes: bytes.length,
    });
  }
  const format = sniffImageFormat(bytes);
  if (!format) {
    const detected = OTHER_SIGNATURES.find(([, test]) => test(bytes))?.[0] ?? "unknown";
    return reject("INVALID_IMAGE_FORMAT", "Image must be JPEG or PNG", { detected_format: detected });
  }
  const dims = format === "jpeg" ? readJpegFrame(bytes) : readPngHeader(bytes);
  if (typeof dims === "string") return reject("INVALID_IMAGE", `Image is corrupt or truncated: ${dims}`, { format });

  const { width, height } = dims;
  if (width * height > MAX_IMAGE_PIXELS) {
    return reject(
      "PAYLOAD_TOO_LARGE",
      `Image dimensions ${width}x${height} exceed the maximum of ${MAX_IMAGE_PIXELS} pixels`,
      {
        width,
        height,
        max_pixels: MAX_IMAGE_PIXELS,
      },
    );
  }
  if (width < MIN_IMAGE_SIDE || height < MIN_IMAGE_SIDE) {
    return reject(
      "VALIDATION_ERROR",
      `Image must be at least ${MIN_IMAGE_SIDE}x${MIN_IMAGE_SIDE} pixels (got ${width}x${height})`,
      {
        field: "image",
        width,
        height,
        min_width: MIN_IMAGE_SIDE,
        min_height: MIN_IMAGE_SIDE,
      },
    );
  }
  return ok({
    format,
    mimeType: format === "jpeg" ? "image/jpeg" : "image/png",
    width,
    height,
    progressive: format === "jpeg" && (dims as JpegFrame).progressive,
    orientation: format === "jpeg" ? (dims as JpegFrame).orientation : 1,
  });
}

interface Dimensions {
  width: number;
  height: number;
}

interface JpegFrame extends Dimensions {
  progressive: boolean;
  orientation: Orientation;
}

/** Walks the marker segments (APPn/EXIF, DQT, DHT, COM, …) up to the first SOFn. Returns a reason on failure. */
export function readJpegFrame(b: Uint8Array): JpegFrame | string {
  const n = b.length;
  let i = 2;
  let orientation: Orientation = 1;
  while (i < n) {
    if (b[i] !== 0xff) {
      i++; // stray bytes between segments: libjpeg skips them too
      continue;
    }
    while (i < n && b[i] === 0xff) i++; // fill bytes
    if (i >= n) break;
    const marker = b[i++]!;
    if (marker === 0x00 || marker === 0x01 || marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    if (marker === 0xd9 || marker === 0xda) return "no frame header before image data";
    if (i + 2 > n) break;
    const length = (b[i]! << 8) | b[i + 1]!;
    if (length < 2) return "bad segment length";
    if (isStartOfFrame(marker)) {
      if (length < 8 || i + 8 > n) break;
      const height = (b[i + 3]! << 8) | b[i + 4]!;
      const width = (b[i + 5]! << 8) | b[i + 6]!;
      if (width === 0 || height === 0) return "zero or deferred (DNL) dimensions";
      return { width, height, progressive: (marker & 0x03) === 0x02, orientation };
    }
    if (marker === 0xe1 && orientation === 1) orientation = exifOrientation(b.subarray(i + 2, Math.min(n, i + length)));
    i += length;
  }
  return "no frame header (truncated)";
}

function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** IHDR must be the first chunk: length 13, sane dimensions, valid depth/colour type and CRC. */
export function readPngHeader(b: Uint8Array): Dimensions | string {
  if (b.length < 33) return "missing IHDR (truncated)";
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (view.getUint32(8) !== 13 || ascii(b, 12, 4) !== "IHDR") return "first chunk is not IHDR";
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff) return "invalid dimensions";
  const depth = b[24]!;
  const colour = b[25]!;
  const validDepths: Record<number, number[]> = {
    0: [1, 2, 4, 8, 16],
    2: [8, 16],
    3: [1, 2, 4, 8],
    4: [8, 16],
    6: [8, 16],
  };
  if (!validDepths[colour]?.includes(depth)) return "invalid bit depth or colour type";
  if (crc32(b, 12, 17) !== view.getUint32(29)) return "IHDR checksum mismatch";
  return { width, height };
}

function ascii(b: Uint8Array, at: number, len: number): string {
  if (b.length < at + len) return "";
  let s = "";
  for (let i = at; i < at + len; i++) s += String.fromCharCode(b[i]!);
  return s;
}

let crcTable: Uint32Array | undefined;
function crc32(b: Uint8Array, at: number, len: number): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = at; i < at + len; i++) c = crcTable[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
