// One pass over a PDF's bytes (or a decoded object stream): where each object starts, the
// dictionary and data range of each stream, trailers, how many page objects exist and how
// deep arrays and dictionaries nest. It never follows references, so a loop cannot trap it.
import { indexOfAscii, isWhitespace, NestingTooDeepError, PdfDict, PdfTokenizer, parseValue } from "./pdf-syntax";

export interface ScannedStream {
  num: number;
  gen: number;
  dict: PdfDict;
  dataStart: number;
  dataEnd: number;
}

export interface PdfScan {
  /** Object number → offset of its value in the scanned bytes. */
  objects: Map<number, number>;
  streams: ScannedStream[];
  trailers: PdfDict[];
  /** Dictionaries with /Type /Page (not /Pages), and the distinct objects holding them. */
  pageObjects: number;
  pageObjectNumbers: Set<number>;
  deepest: number;
  /** Bare keywords: in a content stream, its operators. */
  keywords: number;
}

export interface ScanOptions {
  maxDepth: number;
  /** Recognise "stream … endstream" (files) or not (object and content streams). */
  streams: boolean;
}

/** Scans bytes[start, end). Throws NestingTooDeepError past `maxDepth`. */
export function scanPdfBytes(bytes: Uint8Array, options: ScanOptions, start = 0, end = bytes.length): PdfScan {
  const scan: PdfScan = {
    objects: new Map(),
    streams: [],
    trailers: [],
    pageObjects: 0,
    pageObjectNumbers: new Set(),
    deepest: 0,
    keywords: 0,
  };
  const tokens = new PdfTokenizer(bytes, start, end);
  let depth = 0;
  // The last two integers (for "n g obj") and whether the previous token was the name /Type.
  let int1: number | undefined;
  let int2: number | undefined;
  let afterType = false;
  let current: { num: number; gen: number } | undefined;
  let topDictStart = -1;
  let lastTopDict: { start: number; end: number } | undefined;
  let wantTrailer = false;

  for (let token = tokens.next(); token; token = tokens.next()) {
    const wasType = afterType;
    afterType = false;
    switch (token.kind) {
      case "open-array":
      case "open-dict":
        if (token.kind === "open-dict" && depth === 0) topDictStart = tokens.pos - 2;
        if (++depth > options.maxDepth) throw new NestingTooDeepError(options.maxDepth);
        if (depth > scan.deepest) scan.deepest = depth;
        break;
      case "close-array":
      case "close-dict":
        if (depth > 0) depth--;
        if (token.kind === "close-dict" && depth === 0 && topDictStart >= 0) {
          lastTopDict = { start: topDictStart, end: tokens.pos };
          topDictStart = -1;
          if (wantTrailer) {
            const dict = dictAt(bytes, lastTopDict, options.maxDepth);
            if (dict) scan.trailers.push(dict);
            wantTrailer = false;
          }
        }
        break;
      case "name":
        if (wasType && token.text === "Page") {
          scan.pageObjects++;
          if (current) scan.pageObjectNumbers.add(current.num);
        }
        afterType = token.text === "Type";
        break;
      case "number":
        if (token.integer) {
          int1 = int2;
          int2 = token.value;
          continue;
        }
        break;
      case "keyword":
        scan.keywords++;
        if (token.text === "obj" && int1 !== undefined && int2 !== undefined) {
          current = { num: int1, gen: int2 };
          scan.objects.set(int1, tokens.pos);
          depth = 0;
          lastTopDict = undefined;
        } else if (token.text === "endobj") {
          current = undefined;
          depth = 0;
        } else if (token.text === "trailer") {
          wantTrailer = true;
          depth = 0;
        } else if (token.text === "stream" && options.streams) {
          const dict = lastTopDict && dictAt(bytes, lastTopDict, options.maxDepth);
          const range = streamRange(bytes, tokens.pos, end, dict?.number("Length"));
          if (dict) {
            scan.streams.push({ num: current?.num ?? -1, gen: current?.gen ?? 0, dict, ...range });
            // A cross-reference stream's dictionary is also the file's trailer.
            if (dict.name("Type") === "XRef") scan.trailers.push(dict);
          }
          tokens.pos = range.dataEnd;
          lastTopDict = undefined;
        }
        break;
      default:
        break;
    }
    int1 = int2 = undefined;
  }
  return scan;
}

function dictAt(bytes: Uint8Array, range: { start: number; end: number }, maxDepth: number): PdfDict | undefined {
  const { value } = parseValue(bytes, range.start, range.end, maxDepth);
  return value instanceof PdfDict ? value : undefined;
}

/** The data of a stream whose keyword ends at `pos`: by its /Length if that lands on "endstream", else by search. */
function streamRange(
  bytes: Uint8Array,
  pos: number,
  end: number,
  length: number | undefined,
): { dataStart: number; dataEnd: number } {
  let dataStart = pos;
  if (bytes[dataStart] === 13) dataStart++;
  if (bytes[dataStart] === 10) dataStart++;
  if (length !== undefined && length >= 0 && dataStart + length <= end) {
    let k = dataStart + length;
    while (k < end && isWhitespace(bytes[k])) k++;
    if (indexOfAscii(bytes, "endstream", k, k + 9) === k) return { dataStart, dataEnd: dataStart + length };
  }
  const found = indexOfAscii(bytes, "endstream", dataStart, end);
  if (found < 0) return { dataStart, dataEnd: end };
  let dataEnd = found;
  if (bytes[dataEnd - 1] === 10) dataEnd--;
  if (bytes[dataEnd - 1] === 13) dataEnd--;
  return { dataStart, dataEnd: Math.max(dataStart, dataEnd) };
}

export { NestingTooDeepError };
