// Generates the regression fixtures for documents as insurers receive them (issue 14) into
// test/fixtures/documents/families/, plus expected.json: one generated document (development
// split, but for the issue's own held-out wording) per failure the issue names, typed, and photocopies of the boxed loss notice and the
// two-page form. Each case is the first development document that has the trait it covers.
// Run: npx tsx scripts/make-family-fixtures.ts   (needs pdftoppm and ImageMagick)
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { extractText, getDocumentProxy } from "unpdf";
import { type FamilyName, type GeneratedDocument, generateDocument, photocopyOf } from "./document-families";

const OUT = join(import.meta.dirname, "..", "test", "fixtures", "documents", "families");

interface Case {
  name: string;
  family: FamilyName;
  /** The failure of the issue this document guards against. */
  covers: string;
  has: (doc: GeneratedDocument) => boolean | Promise<boolean>;
  scanned?: boolean;
  /** Only the photocopy is kept (the typed document is another case's). */
  scannedOnly?: boolean;
  /** The issue's own wording is held out of development; the regression case takes it from there. */
  split?: "dev" | "heldout";
}

const CASES: Case[] = [
  {
    name: "acord2-other-party",
    family: "acord2",
    covers: "ACORD 2: policy and estimate never from the other party's section; description not a label",
    has: (d) => d.variant.startsWith("other party"),
  },
  {
    name: "acord2-scanned",
    family: "acord2",
    covers: "a printed, filled ACORD 2 photocopied: read by the form's boxes, the other party's never taken",
    has: async (d) => d.variant.startsWith("other party") && (await photocopyOf(d)).degradation.dpi >= 150,
    scannedOnly: true,
  },
  {
    name: "loss-notice-labels-above",
    family: "loss-notice",
    covers: "labels above values in boxes, two or more columns, distracting dates, amounts and a VIN",
    has: (d) => d.variant.includes("labels above"),
    scanned: true,
  },
  {
    name: "loss-notice-letter-o-policy",
    family: "loss-notice",
    covers: "a policy number with the letter O stays as written in a text layer",
    has: async (d) => /^[A-Z]*O[A-Z]*\d/.test(d.expected.policy_number),
  },
  {
    name: "repair-estimate-total",
    family: "repair-estimate",
    covers: "the claimed amount is the estimate's total, not a line, the subtotal, the tax or the deductible",
    has: () => true,
  },
  {
    name: "correspondence-letter",
    family: "correspondence",
    covers: "a letter: facts in sentences, dates written out, a letter date and a deductible as distractors",
    has: (d) => d.variant.startsWith("letter"),
  },
  {
    name: "correspondence-email",
    family: "correspondence",
    covers: "an e-mail: facts in sentences",
    has: (d) => d.variant.startsWith("e-mail"),
  },
  {
    name: "two-page-form",
    family: "two-page-form",
    covers: 'two-page form: claimant on page 1 ("Full name of policyholder"), loss facts on page 2',
    has: async (d) => (await textOf(d)).includes("Full name of policyholder"),
    split: "heldout",
    scanned: true,
  },
];

async function textOf(doc: GeneratedDocument): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(doc.pdf.slice()), { mergePages: true });
  return text;
}

async function firstWith(c: Case): Promise<GeneratedDocument> {
  for (let i = 0; i < 60; i++) {
    const doc = await generateDocument(c.family, c.split ?? "dev", i);
    if (await c.has(doc)) return doc;
  }
  throw new Error(`no generated document has the trait of ${c.name}`);
}

async function main() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const fixtures = [];
  for (const c of CASES) {
    const doc = await firstWith(c);
    const base = { family: c.family, covers: c.covers, variant: doc.variant, source: doc.id, fields: doc.expected };
    if (!c.scannedOnly) {
      writeFileSync(join(OUT, `${c.name}.pdf`), doc.pdf);
      fixtures.push({ file: `${c.name}.pdf`, kind: "typed", ...base });
    }
    if (c.scanned || c.scannedOnly) {
      const copy = await photocopyOf(doc);
      const file = c.scannedOnly ? `${c.name}.pdf` : `${c.name}-photocopy.pdf`;
      writeFileSync(join(OUT, file), copy.pdf);
      fixtures.push({ file, kind: "scanned", degradation: copy.degradation, ...base });
    }
  }
  writeFileSync(join(OUT, "expected.json"), `${JSON.stringify({ fixtures }, null, 2)}\n`);
  console.log(`${fixtures.length} fixtures in ${OUT}`);
}

await main();
