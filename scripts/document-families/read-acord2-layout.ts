// Reads an ACORD 2 (2016/10) fillable PDF and writes the layout our replica is drawn from:
// each widget's name, kind, page and rectangle, and each printed label's text, position and
// size (footers and notices left out). No filled value is kept. The replica lets the tests
// exercise the form's real field names and geometry without committing the form itself.
// Run: npx tsx scripts/document-families/read-acord2-layout.ts <acord2.pdf>
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { getDocumentProxy } from "unpdf";

interface Annotation {
  subtype?: string;
  fieldType?: string;
  fieldName?: string;
  rect?: number[];
  alternativeText?: string;
  multiLine?: boolean;
}

const NOT_LABELS = /ACORD CORPORATION|registered marks|Forms Boss|^Page \d+ of \d+$/;

const file = process.argv[2];
if (!file) throw new Error("usage: read-acord2-layout.ts <acord2.pdf>");
const pdf = await getDocumentProxy(new Uint8Array(readFileSync(file)));
const pages = [];
for (let number = 1; number <= Math.min(pdf.numPages, 2); number++) {
  const page = await pdf.getPage(number);
  const labels = [];
  for (const item of (await page.getTextContent()).items as Array<{ str?: string; transform?: number[] }>) {
    const text = item.str?.trim();
    if (!text || !item.transform || NOT_LABELS.test(text)) continue;
    const [, , c = 0, d = 0, x = 0, y = 0] = item.transform;
    labels.push({
      text,
      x: Math.round(x * 10) / 10,
      y: Math.round(y * 10) / 10,
      size: Math.round(Math.hypot(c, d) * 10) / 10,
    });
  }
  const widgets = [];
  for (const a of (await page.getAnnotations()) as Annotation[]) {
    if (a.subtype !== "Widget" || !a.fieldName || !a.rect) continue;
    widgets.push({
      name: a.fieldName,
      kind: a.fieldType === "Btn" ? "checkbox" : "text",
      rect: a.rect.map((v) => Math.round(v * 10) / 10),
      ...(a.multiLine ? { multiline: true } : {}),
    });
  }
  pages.push({ number, labels, widgets });
}
const out = join(import.meta.dirname, "..", "..", "src", "domain", "documents", "acord2-layout.json");
writeFileSync(out, `${JSON.stringify({ form: "ACORD 2 (2016/10)", pages }, null, 1)}\n`);
console.log(`wrote ${out}: ${pages.map((p) => `${p.labels.length} labels, ${p.widgets.length} widgets`).join("; ")}`);
