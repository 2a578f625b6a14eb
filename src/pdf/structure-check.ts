// A cheap structural check of a PDF before pdf.js sees it: the nesting depth, the number of
// objects and of page objects (in the file and inside object streams, whatever the page
// tree's /Count says), every image's pixel count (from the PDF and from its codec's header)
// and every other stream's decoded size (inflated with a hard cap, decrypted first when the
// file is owner-password protected). Anything beyond the limits is a PdfRejectedError.
import { PdfRejectedError } from "./errors";
import { jbig2Sizes, jpegFrameSizes, jpxSize, type PixelSize } from "./image-headers";
import { type PdfLimits, withDefaults } from "./limits";
import { type StreamDecryptor, streamDecryptor } from "./pdf-decrypt";
import { type PdfScan, type ScannedStream, scanPdfBytes } from "./pdf-scan";
import { NestingTooDeepError, PdfDict, PdfName, PdfRef, PdfString, type PdfValue, parseValue } from "./pdf-syntax";
import { yieldToEventLoop } from "./read-budget";
import { decodeStream, filterName } from "./stream-decode";

export interface PdfStructure {
  objects: number;
  /** Distinct objects with /Type /Page. */
  pageObjects: number;
  streams: number;
  images: number;
  largestImagePixels: number;
  /** Decoded bytes of every non-image stream. */
  decodedBytes: number;
  /** Operators in page contents, form XObjects and patterns. */
  contentOperators: number;
  encrypted: boolean;
}

/** Where an object's value can be parsed: the file, or a decoded object stream. */
type Locations = Map<number, { bytes: Uint8Array; offset: number }>;

const IMAGE_CODECS = new Set(["DCTDecode", "JPXDecode", "JBIG2Decode", "CCITTFaxDecode"]);

function namesOf(value: PdfValue | undefined): string[] {
  if (value instanceof PdfName) return [value.name];
  if (Array.isArray(value)) return value.filter((v): v is PdfName => v instanceof PdfName).map((v) => v.name);
  return [];
}

function resolve(value: PdfValue | undefined, locations: Locations, maxDepth: number): PdfValue | undefined {
  if (!(value instanceof PdfRef)) return value;
  const at = locations.get(value.num);
  if (!at) return undefined;
  try {
    return parseValue(at.bytes, at.offset, Math.min(at.bytes.length, at.offset + 4096), maxDepth).value;
  } catch {
    return undefined;
  }
}

/** A stream's data after decryption (the stream itself is never decrypted twice). */
async function streamData(
  bytes: Uint8Array,
  s: ScannedStream,
  decrypt: StreamDecryptor | undefined,
): Promise<Uint8Array> {
  const raw = bytes.subarray(s.dataStart, s.dataEnd);
  if (!decrypt || s.dict.name("Type") === "XRef") return raw;
  return decrypt(s.num, s.gen, raw);
}

/** Content-like streams (page contents, form XObjects, patterns) are checked for nesting too. */
const isContentLike = (d: PdfDict) =>
  !d.get("Length1") &&
  !d.get("N") &&
  !d.get("FunctionType") &&
  d.name("Type") !== "Metadata" &&
  d.name("Type") !== "EmbeddedFile" &&
  (d.name("Subtype") === undefined || d.name("Subtype") === "Form");

export async function checkPdfStructure(bytes: Uint8Array, options: PdfLimits = {}): Promise<PdfStructure> {
  const limits = withDefaults(options);
  const reject = (
    code: ConstructorParameters<typeof PdfRejectedError>[0],
    message: string,
    details: Record<string, unknown>,
  ) => {
    throw new PdfRejectedError(code, message, details);
  };
  const tooDeep = (err: unknown): never => {
    if (err instanceof NestingTooDeepError) {
      reject("TOO_DEEPLY_NESTED", `The PDF nests objects more than ${limits.maxNesting} levels deep`, {
        max_nesting: limits.maxNesting,
      });
    }
    throw err;
  };

  let scan: PdfScan;
  try {
    scan = scanPdfBytes(bytes, { maxDepth: limits.maxNesting, streams: true });
  } catch (err) {
    return tooDeep(err);
  }
  const locations: Locations = new Map();
  for (const [num, offset] of scan.objects) locations.set(num, { bytes, offset });
  const pageNumbers = new Set(scan.pageObjectNumbers);

  const trailer = scan.trailers.find((t) => t.get("Encrypt") !== undefined);
  let decrypt: StreamDecryptor | undefined;
  if (trailer) {
    const encrypt = resolve(trailer.get("Encrypt"), locations, limits.maxNesting);
    const ids = trailer.get("ID") ?? scan.trailers.map((t) => t.get("ID")).find(Boolean);
    const firstId = Array.isArray(ids) && ids[0] instanceof PdfString ? ids[0].bytes : new Uint8Array(0);
    if (encrypt instanceof PdfDict) decrypt = await streamDecryptor(encrypt, firstId);
  }

  let decodedBytes = 0;
  let contentOperators = 0;
  const images: ScannedStream[] = [];
  let lastYield = Date.now();
  for (const stream of scan.streams) {
    if (Date.now() - lastYield > 20) {
      await yieldToEventLoop();
      lastYield = Date.now();
    }
    const { dict } = stream;
    if (
      dict.name("Subtype") === "Image" ||
      (dict.get("Width") !== undefined && dict.get("BitsPerComponent") !== undefined)
    ) {
      images.push(stream);
      continue;
    }
    const filters = namesOf(dict.get("Filter"));
    const isObjectStream = dict.name("Type") === "ObjStm";
    const contentLike = isContentLike(dict);
    const data = await streamData(bytes, stream, decrypt);
    const decoded = await decodeStream(data, filters, {
      cap: limits.maxStreamBytes,
      keep: isObjectStream || contentLike,
    });
    decodedBytes += decoded.size;
    if (decoded.overflow) {
      reject("STREAM_TOO_LARGE", `A stream in the PDF inflates to more than ${limits.maxStreamBytes} bytes`, {
        object: stream.num,
        max_stream_bytes: limits.maxStreamBytes,
      });
    }
    if (decodedBytes > limits.maxDecodedBytes) {
      reject("STREAM_TOO_LARGE", `The PDF's streams inflate to more than ${limits.maxDecodedBytes} bytes in all`, {
        max_decoded_bytes: limits.maxDecodedBytes,
      });
    }
    if (!decoded.bytes) continue;
    try {
      if (isObjectStream) {
        for (const { num, start, end } of objectStreamEntries(decoded.bytes, dict)) {
          if (scan.objects.size + locations.size > 2 * limits.maxObjects) break;
          locations.set(num, { bytes: decoded.bytes, offset: start });
          if (scanPdfBytes(decoded.bytes, { maxDepth: limits.maxNesting, streams: false }, start, end).pageObjects > 0)
            pageNumbers.add(num);
        }
      } else if (contentLike) {
        contentOperators += scanPdfBytes(decoded.bytes, { maxDepth: limits.maxNesting, streams: false }).keywords;
      }
    } catch (err) {
      tooDeep(err);
    }
  }

  if (contentOperators > limits.maxContentOperators) {
    reject(
      "TOO_MUCH_CONTENT",
      `The PDF's pages draw with ${contentOperators} operators; at most ${limits.maxContentOperators} are accepted`,
      {
        operators: contentOperators,
        max_operators: limits.maxContentOperators,
      },
    );
  }
  if (locations.size > limits.maxObjects) {
    reject("TOO_MUCH_CONTENT", `The PDF holds ${locations.size} objects; at most ${limits.maxObjects} are accepted`, {
      objects: locations.size,
      max_objects: limits.maxObjects,
    });
  }
  if (pageNumbers.size > 2 * limits.maxPages) {
    reject(
      "TOO_MANY_PAGES",
      `The PDF contains ${pageNumbers.size} page objects; at most ${limits.maxPages} pages are accepted`,
      { page_objects: pageNumbers.size, max_pages: limits.maxPages },
    );
  }

  let largestImagePixels = 0;
  for (const image of images) {
    const pixels = await imagePixels(bytes, image, locations, decrypt, limits.maxNesting, limits.maxStreamBytes);
    largestImagePixels = Math.max(largestImagePixels, pixels.pixels);
    if (pixels.pixels > limits.maxImagePixels) {
      reject(
        "IMAGE_TOO_LARGE",
        `An image in the PDF is ${pixels.width}×${pixels.height} pixels; at most ${limits.maxImagePixels} pixels are accepted`,
        {
          object: image.num,
          width: pixels.width,
          height: pixels.height,
          source: pixels.source,
          max_image_pixels: limits.maxImagePixels,
        },
      );
    }
  }
  return {
    objects: locations.size,
    pageObjects: pageNumbers.size,
    streams: scan.streams.length,
    images: images.length,
    largestImagePixels,
    decodedBytes,
    contentOperators,
    encrypted: trailer !== undefined,
  };
}

/** The objects packed in an object stream: their numbers and byte ranges. */
function objectStreamEntries(data: Uint8Array, dict: PdfDict): Array<{ num: number; start: number; end: number }> {
  const n = Math.min(dict.number("N") ?? 0, 1_000_000);
  const first = dict.number("First") ?? 0;
  const header = new TextDecoder("latin1").decode(data.subarray(0, Math.min(first, data.length)));
  const numbers = header.trim().split(/\s+/).map(Number);
  const entries: Array<{ num: number; start: number; end: number }> = [];
  for (let i = 0; i + 1 < numbers.length && entries.length < n; i += 2) {
    const start = first + numbers[i + 1]!;
    if (!Number.isInteger(numbers[i]) || !(start >= first && start <= data.length)) continue;
    entries.push({ num: numbers[i]!, start, end: data.length });
  }
  entries.sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < entries.length; i++) entries[i]!.end = entries[i + 1]!.start;
  return entries;
}

/** The largest pixel count an image will decode to: its /Width × /Height, or its codec header's. */
async function imagePixels(
  bytes: Uint8Array,
  image: ScannedStream,
  locations: Locations,
  decrypt: StreamDecryptor | undefined,
  maxDepth: number,
  cap: number,
): Promise<{ pixels: number; width: number; height: number; source: string }> {
  const { dict } = image;
  const dimension = (long: string, short: string) => {
    const v = resolve(dict.get(long) ?? dict.get(short), locations, maxDepth);
    return typeof v === "number" && Number.isFinite(v) ? Math.max(0, Math.floor(v)) : 0;
  };
  let best = { width: dimension("Width", "W"), height: dimension("Height", "H"), source: "image dictionary" };
  const consider = (size: PixelSize | undefined, source: string) => {
    if (size && size.width * size.height > best.width * best.height) best = { ...size, source };
  };
  const filters = namesOf(dict.get("Filter")).map(filterName);
  const codecAt = filters.findIndex((f) => IMAGE_CODECS.has(f));
  if (codecAt >= 0) {
    const codec = filters[codecAt]!;
    if (codec === "CCITTFaxDecode") {
      const parms = resolve(
        Array.isArray(dict.get("DecodeParms"))
          ? (dict.get("DecodeParms") as PdfValue[])[codecAt]
          : dict.get("DecodeParms"),
        locations,
        maxDepth,
      );
      const columns = parms instanceof PdfDict ? (parms.number("Columns") ?? 1728) : 1728;
      const rows = parms instanceof PdfDict ? (parms.number("Rows") ?? 0) : 0;
      consider({ width: columns, height: Math.max(rows, best.height) }, "CCITT parameters");
    } else {
      const raw = await streamData(bytes, image, decrypt);
      const head =
        codecAt === 0 ? raw : (await decodeStream(raw, filters.slice(0, codecAt), { cap, keep: true })).bytes;
      if (head) {
        if (codec === "DCTDecode") for (const size of jpegFrameSizes(head)) consider(size, "JPEG header");
        if (codec === "JPXDecode") consider(jpxSize(head), "JPEG 2000 header");
        if (codec === "JBIG2Decode") for (const size of jbig2Sizes(head)) consider(size, "JBIG2 header");
      }
    }
  }
  return { ...best, pixels: best.width * best.height };
}
