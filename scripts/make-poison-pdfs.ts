// Generates hostile claim PDFs into test/fixtures/documents/poison/, with poison.json naming
// the reason each must be refused for. Each file is small; what it asks a reader to do is not:
// decode a 60000×60000 image, inflate half a gigabyte, walk a page tree that lies or loops,
// recurse a hundred thousand levels deep, or show millions of text items.
// Run: npx tsx scripts/make-poison-pdfs.ts   (needs ImageMagick's `convert` and `qpdf`)
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { type RawObject, rawPdf } from "./fixtures/raw-pdf";

const OUT = join(import.meta.dirname, "..", "test", "fixtures", "documents", "poison");
const enc = new TextEncoder();

const catalog = "<< /Type /Catalog /Pages 2 0 R >>";
const font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

/** One page whose content is object 4 and whose resources may name an image as object 5. */
function onePage(content: RawObject, image?: RawObject, extraPage = ""): Uint8Array {
  const xobject = image ? "/XObject << /Im0 5 0 R >>" : "";
  const objects: RawObject[] = [
    catalog,
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 6 0 R >> ${xobject} >> /Contents 4 0 R ${extraPage}>>`,
    content,
    image ?? "null",
    font,
  ];
  return rawPdf(objects);
}

const drawImage = {
  dict: "<< >>",
  data: enc.encode("q 612 0 0 792 0 0 cm /Im0 Do Q\nBT /F1 12 Tf 72 720 Td (Claim form) Tj ET"),
};

/** A 60000×60000 RGB image (10.8 GB decoded) from 1 KB of deflated zeros. */
function hugeImage(): Uint8Array {
  const image = {
    dict: "<< /Type /XObject /Subtype /Image /Width 60000 /Height 60000 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode >>",
    data: deflateSync(new Uint8Array(1024)),
  };
  return onePage(drawImage, image);
}

/** An image declared 300×300 whose JPEG data says 60000×60000. */
function lyingJpeg(): Uint8Array {
  const jpeg = new Uint8Array(execFileSync("convert", ["-size", "16x16", "xc:gray", "-quality", "50", "jpeg:-"]));
  for (let i = 2; i < jpeg.length - 9; i++) {
    if (jpeg[i] === 0xff && (jpeg[i + 1] === 0xc0 || jpeg[i + 1] === 0xc2)) {
      jpeg.set([0xea, 0x60, 0xea, 0x60], i + 5); // height, width = 60000
      break;
    }
  }
  const image = {
    dict: "<< /Type /XObject /Subtype /Image /Width 300 /Height 300 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode >>",
    data: jpeg,
  };
  return onePage(drawImage, image);
}

/** A content stream deflated twice: ~1 KB in the file, 512 MiB of spaces once inflated. */
function inflationBomb(): Uint8Array {
  const chunk = new Uint8Array(1 << 20).fill(0x20);
  const once = deflateSync(Buffer.concat(Array.from({ length: 512 }, () => chunk)), { level: 9 });
  const twice = deflateSync(once, { level: 9 });
  return onePage({ dict: "<< /Filter [/FlateDecode /FlateDecode] >>", data: twice });
}

/**
 * A page tree with `pages` leaves whose root claims `declared`, all of it (tree and pages)
 * packed in one compressed object stream, out of a raw byte scan's sight.
 */
function pagesInObjectStream(pages: number, declared: number): Uint8Array {
  const first = 4;
  const kids = Array.from({ length: pages }, (_, i) => `${first + i} 0 R`).join(" ");
  const packed = [
    { num: 2, body: `<< /Type /Pages /Kids [${kids}] /Count ${declared} >>` },
    ...Array.from({ length: pages }, (_, i) => ({
      num: first + i,
      body: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 9 9] >>",
    })),
  ];
  const header: string[] = [];
  let offset = 0;
  for (const { num, body } of packed) {
    header.push(`${num} ${offset}`);
    offset += body.length + 1;
  }
  const head = `${header.join(" ")}\n`;
  const objstm = enc.encode(head + packed.map((p) => p.body).join("\n"));
  const body = rawPdf([
    catalog,
    "null",
    {
      dict: `<< /Type /ObjStm /N ${packed.length} /First ${head.length} /Filter /FlateDecode >>`,
      data: deflateSync(objstm, { level: 9 }),
    },
  ]);
  // A cross-reference stream (not a table) is what lets objects live in an object stream.
  const text = new TextDecoder("latin1").decode(body);
  const entries = first + pages;
  const xref = new Uint8Array(entries * 7);
  const put = (n: number, type: number, a: number, b: number) =>
    xref.set([type, (a >> 24) & 255, (a >> 16) & 255, (a >> 8) & 255, a & 255, (b >> 8) & 255, b & 255], n * 7);
  put(0, 0, 0, 65535);
  put(1, 1, text.indexOf("\n1 0 obj") + 1, 0);
  put(3, 1, text.indexOf("\n3 0 obj") + 1, 0);
  packed.forEach(({ num }, i) => {
    put(num, 2, 3, i);
  });
  const cut = text.indexOf("xref\n");
  const compressed = deflateSync(xref, { level: 9 });
  const xrefObject = `${entries} 0 obj\n<< /Type /XRef /Size ${entries + 1} /W [1 4 2] /Index [0 ${entries}] /Root 1 0 R /Filter /FlateDecode /Length ${compressed.length} >>\nstream\n`;
  return Buffer.concat([
    Buffer.from(body.subarray(0, cut)),
    Buffer.from(xrefObject, "latin1"),
    compressed,
    Buffer.from(`\nendstream\nendobj\nstartxref\n${cut}\n%%EOF\n`, "latin1"),
  ]);
}

/** A page tree whose Kids include the tree itself. */
function pageTreeLoop(): Uint8Array {
  return rawPdf([
    catalog,
    "<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    { dict: "<< >>", data: enc.encode("BT /F1 12 Tf 72 720 Td (Claim form) Tj ET") },
    font,
  ]);
}

/** A page dictionary holding an array nested 10,000 levels deep. */
function deepNesting(): Uint8Array {
  const depth = 10_000;
  const nested = "[".repeat(depth) + "]".repeat(depth);
  return rawPdf([
    catalog,
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /Nested ${nested} >>`,
    { dict: "<< >>", data: enc.encode("BT /F1 12 Tf 72 720 Td (Claim form) Tj ET") },
    font,
  ]);
}

/** One page showing a million tiny strings in a 1000×1000 grid: 15 MB of content from 40 KB. */
function textFlood(): Uint8Array {
  const row = `${"(x) Tj 0.5 0 Td ".repeat(1000)}-500 -0.7 Td\n`;
  const content = `BT /F1 0.5 Tf 50 750 Td ${row.repeat(1000)} ET`;
  return onePage({ dict: "<< /Filter /FlateDecode >>", data: deflateSync(enc.encode(content), { level: 9 }) });
}

/** A page of no text and a million line segments: all drawing, nothing to read, much to parse. */
function drawingFlood(): Uint8Array {
  const row = `${"0 0 m 1 1 l S 2 0 m 3 1 l S ".repeat(500)}\n`;
  const content = `0.1 w ${row.repeat(1000)}`;
  return onePage({ dict: "<< /Filter /FlateDecode >>", data: deflateSync(enc.encode(content), { level: 9 }) });
}

/** The inflation bomb behind an owner password (opens without one; its streams are encrypted). */
function encrypted(make: () => Uint8Array, ...encryption: string[]): () => Uint8Array {
  return () => {
    const work = mkdtempSync(join(tmpdir(), "poison-"));
    try {
      writeFileSync(join(work, "in.pdf"), make());
      // qpdf must copy the stream data as it is, not re-compress it.
      execFileSync("qpdf", [
        "--stream-data=preserve",
        "--static-id",
        "--static-aes-iv",
        "--allow-weak-crypto",
        "--encrypt",
        "",
        "owner-secret",
        ...encryption,
        "--",
        join(work, "in.pdf"),
        join(work, "out.pdf"),
      ]);
      return new Uint8Array(readFileSync(join(work, "out.pdf")));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  };
}

const POISONS: Record<string, { make: () => Uint8Array; reason: string }> = {
  "huge-image.pdf": { make: hugeImage, reason: "IMAGE_TOO_LARGE" },
  "lying-jpeg.pdf": { make: lyingJpeg, reason: "IMAGE_TOO_LARGE" },
  "inflation-bomb.pdf": { make: inflationBomb, reason: "STREAM_TOO_LARGE" },
  "encrypted-bomb-aes256.pdf": { make: encrypted(inflationBomb, "256"), reason: "STREAM_TOO_LARGE" },
  "encrypted-bomb-rc4.pdf": { make: encrypted(inflationBomb, "128", "--use-aes=n"), reason: "STREAM_TOO_LARGE" },
  // The page tree says one page; its Kids hold 5,000.
  "lying-page-count.pdf": { make: () => pagesInObjectStream(5000, 1), reason: "TOO_MANY_PAGES" },
  "page-tree-loop.pdf": { make: pageTreeLoop, reason: "BROKEN_PDF" },
  "deep-nesting.pdf": { make: deepNesting, reason: "TOO_DEEPLY_NESTED" },
  // 10,000 nine-point pages, honestly counted (the page cap is 50).
  "many-tiny-pages.pdf": { make: () => pagesInObjectStream(10_000, 10_000), reason: "TOO_MANY_PAGES" },
  "text-flood.pdf": { make: textFlood, reason: "TOO_MUCH_CONTENT" },
  "drawing-flood.pdf": { make: drawingFlood, reason: "TOO_MUCH_CONTENT" },
};

mkdirSync(OUT, { recursive: true });
const expected: Record<string, { reason: string; bytes: number }> = {};
for (const [file, { make, reason }] of Object.entries(POISONS)) {
  const bytes = make();
  writeFileSync(join(OUT, file), bytes);
  expected[file] = { reason, bytes: bytes.length };
  console.log(`${file.padEnd(22)} ${String(bytes.length).padStart(8)} bytes → ${reason}`);
}
writeFileSync(join(OUT, "poison.json"), `${JSON.stringify(expected, null, 2)}\n`);
