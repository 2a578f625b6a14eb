// Prints what the reader sees on each page of a PDF (text layer, form values or OCR) and
// what the extractor makes of it. For checking a real document by eye.
// Run: npx tsx bench/ocr-dump.ts path/to/claim.pdf
import { readFileSync } from "node:fs";
import { extractClaimFields } from "../src/domain/documents";
import { readClaimDocument } from "../src/pdf/reader";
import { nodeOcr } from "./extraction-accuracy";

const file = process.argv[2];
if (!file) throw new Error("usage: tsx bench/ocr-dump.ts <file.pdf>");
const doc = await readClaimDocument(readFileSync(file), { ocr: await nodeOcr() });
for (const p of doc.pages) {
  console.log(
    `===== page ${p.number} (${p.source}${p.ocrConfidence !== undefined ? `, OCR confidence ${p.ocrConfidence}` : ""})`,
  );
  console.log(p.text);
}
if (Object.keys(doc.formFields).length) console.log("===== form fields", doc.formFields);
const r = extractClaimFields({ pages: doc.pages, formFields: doc.formFields });
console.log(`===== ${r.document_type}`);
for (const [name, f] of Object.entries(r.fields))
  console.log(`${name.padEnd(28)} ${JSON.stringify(f.value).slice(0, 90).padEnd(92)} ${f.confidence}  ${f.method}`);
console.log("timings", doc.timings);
