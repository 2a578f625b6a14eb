// The pieces of the structural check, case by case: PDF tokens and nesting, bounded stream
// decoders, codec headers, and MD5 for the security handler.
import { describe, expect, it } from "vitest";
import { jbig2Sizes, jpegFrameSizes, jpxSize } from "../../src/pdf/image-headers";
import { md5 } from "../../src/pdf/md5";
import { scanPdfBytes } from "../../src/pdf/pdf-scan";
import {
  NestingTooDeepError,
  type PdfDict,
  PdfName,
  PdfRef,
  type PdfString,
  parseValue,
} from "../../src/pdf/pdf-syntax";
import { decodeStream } from "../../src/pdf/stream-decode";

const ascii = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | undefined) => new TextDecoder("latin1").decode(b);
const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, "0")).join("");

describe("PDF syntax", () => {
  it("parses a stream dictionary's values", () => {
    const { value } = parseValue(
      ascii(
        "<< /Type /XObject /Width 300 /Height 2 0 R /Filter [/FlateDecode /DCTDecode] /Name (a\\(b\\)) /ID <0A0b> >>",
      ),
      0,
      200,
      8,
    );
    const dict = value as PdfDict;
    expect(dict.name("Type")).toBe("XObject");
    expect(dict.number("Width")).toBe(300);
    expect(dict.get("Height")).toEqual(new PdfRef(2, 0));
    expect(dict.get("Filter")).toEqual([new PdfName("FlateDecode"), new PdfName("DCTDecode")]);
    expect(text((dict.get("Name") as PdfString).bytes)).toBe("a(b)");
    expect(hex((dict.get("ID") as PdfString).bytes)).toBe("0a0b");
  });

  it.each([
    ["[[[1]]]", 3, false],
    ["[[[1]]]", 2, true],
    ["<< /A << /B [1] >> >>", 3, false],
    ["<< /A << /B [1] >> >>", 2, true],
    ["(((([[[[ in a string ))))", 1, false],
  ])("%s with at most %i levels: too deep = %s", (source, depth, tooDeep) => {
    const run = () => scanPdfBytes(ascii(source), { maxDepth: depth, streams: false });
    if (tooDeep) expect(run).toThrow(NestingTooDeepError);
    else expect(run).not.toThrow();
  });

  it("finds objects, streams by /Length or by search, page objects and trailers", () => {
    const file = ascii(
      "1 0 obj << /Type /Page >> endobj\n2 0 obj << /Length 5 >> stream\nhello\nendstream endobj\n" +
        "3 0 obj << /Length 99 >> stream\nwrong length\nendstream endobj\n4 0 obj << /Type /Pages /Kids [1 0 R] >> endobj\ntrailer << /Root 9 0 R >>",
    );
    const scan = scanPdfBytes(file, { maxDepth: 8, streams: true });
    expect([...scan.objects.keys()]).toEqual([1, 2, 3, 4]);
    expect(scan.streams.map((s) => text(file.subarray(s.dataStart, s.dataEnd)))).toEqual(["hello", "wrong length"]);
    expect([...scan.pageObjectNumbers]).toEqual([1]);
    expect(scan.trailers[0]!.get("Root")).toEqual(new PdfRef(9, 0));
  });
});

describe("bounded stream decoding", () => {
  it.each([
    ["ASCIIHexDecode", "48656C6C6F>", "Hello"],
    ["ASCII85Decode", "9jqo^BlbD-BleB1DJ+*+F(f,q~>", "Man is distinguished"],
    ["RunLengthDecode", "\x02abc\xfdx\x80", "abcxxxx"],
  ])("%s", async (filter, input, output) => {
    const data = Uint8Array.from(input, (c) => c.charCodeAt(0));
    expect(text((await decodeStream(data, [filter], { cap: 1000, keep: true })).bytes)).toBe(output);
  });

  it("LZWDecode (the example of the PDF reference)", async () => {
    const data = Uint8Array.from([0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01]);
    expect(text((await decodeStream(data, ["LZWDecode"], { cap: 1000, keep: true })).bytes)).toBe("-----A---B");
  });

  it("inflation stops at the cap, whatever the stream would become", async () => {
    const big = new Uint8Array(4 << 20).fill(32);
    const deflated = new Uint8Array(
      await new Response(new Blob([big]).stream().pipeThrough(new CompressionStream("deflate"))).arrayBuffer(),
    );
    const capped = await decodeStream(deflated, ["FlateDecode"], { cap: 1 << 20, keep: true });
    expect(capped).toMatchObject({ overflow: true });
    expect(capped.bytes).toBeUndefined();
    expect(capped.size).toBeLessThan(3 << 20);
    const whole = await decodeStream(deflated, ["FlateDecode"], { cap: 8 << 20, keep: false });
    expect(whole).toMatchObject({ size: 4 << 20, overflow: false });
  });

  it("an image codec ends the measurable chain", async () => {
    expect(await decodeStream(ascii("xyz"), ["ASCIIHexDecode", "DCTDecode"], { cap: 10, keep: false })).toMatchObject({
      stoppedAt: "DCTDecode",
    });
  });
});

describe("codec headers", () => {
  it("reads a JPEG frame header", () => {
    const jpeg = Uint8Array.from([
      0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0x03, 0x20, 0x04, 0xb0, 1, 1, 0x11, 0, 0xff, 0xda, 0, 2,
    ]);
    expect(jpegFrameSizes(jpeg)).toEqual([{ width: 1200, height: 800 }]);
  });

  it("reads a JPEG 2000 SIZ marker", () => {
    const siz = Uint8Array.from([
      0xff,
      0x4f,
      0xff,
      0x51,
      0,
      41,
      0,
      0,
      0,
      0,
      0x27,
      0x10,
      0,
      0,
      0x13,
      0x88,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      ...new Array(20).fill(0),
    ]);
    expect(jpxSize(siz)).toEqual({ width: 10000, height: 5000 });
  });

  it("reads a JBIG2 page information segment", () => {
    const segment = Uint8Array.from([
      0,
      0,
      0,
      1,
      48,
      0,
      1,
      0,
      0,
      0,
      19,
      0,
      0,
      0xea,
      0x60,
      0,
      0,
      0xea,
      0x60,
      ...new Array(11).fill(0),
    ]);
    expect(jbig2Sizes(segment)).toEqual([{ width: 60000, height: 60000 }]);
  });
});

describe("MD5", () => {
  it.each([
    ["", "d41d8cd98f00b204e9800998ecf8427e"],
    ["abc", "900150983cd24fb0d6963f7d28e17f72"],
    ["The quick brown fox jumps over the lazy dog", "9e107d9d372bb6826bd81d3542a419d6"],
    ["a".repeat(1000), "cabe45dcc9ae5b66ba86600cca6b8ba8"],
  ])("md5(%j)", (input, digest) => {
    expect(hex(md5(ascii(input)))).toBe(digest);
  });
});
