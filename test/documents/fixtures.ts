// The generated fixture PDFs (scripts/make-pdf-fixtures.ts) and what they should yield.
import acroform from "../fixtures/documents/acroform.pdf";
import bomb from "../fixtures/documents/bomb.pdf";
import cms1500Like from "../fixtures/documents/cms1500-like.pdf";
import empty from "../fixtures/documents/empty.pdf";
import encrypted from "../fixtures/documents/encrypted.pdf";
import expected from "../fixtures/documents/expected.json";
import jpegRenamed from "../fixtures/documents/jpeg-renamed.pdf";
import mixed from "../fixtures/documents/mixed-text-and-scan.pdf";
import ownerLocked from "../fixtures/documents/owner-locked.pdf";
import scanned1bitLetter from "../fixtures/documents/scanned-1bit-letter.pdf";
import scannedForm from "../fixtures/documents/scanned-form.pdf";
import scannedLetter from "../fixtures/documents/scanned-letter.pdf";
import scannedPngForm from "../fixtures/documents/scanned-png-form.pdf";
import scannedTable from "../fixtures/documents/scanned-table.pdf";
import truncated from "../fixtures/documents/truncated.pdf";
import typedForm from "../fixtures/documents/typed-form.pdf";
import typedLetter from "../fixtures/documents/typed-letter.pdf";
import typedTable from "../fixtures/documents/typed-table.pdf";

export const FIXTURE_FILES: Record<string, ArrayBuffer> = {
  "typed-form.pdf": typedForm,
  "typed-table.pdf": typedTable,
  "typed-letter.pdf": typedLetter,
  "scanned-form.pdf": scannedForm,
  "scanned-table.pdf": scannedTable,
  "scanned-letter.pdf": scannedLetter,
  "acroform.pdf": acroform,
  "cms1500-like.pdf": cms1500Like,
  "truncated.pdf": truncated,
  "jpeg-renamed.pdf": jpegRenamed,
  "empty.pdf": empty,
  "encrypted.pdf": encrypted,
  "bomb.pdf": bomb,
  "owner-locked.pdf": ownerLocked,
  "mixed-text-and-scan.pdf": mixed,
  "scanned-png-form.pdf": scannedPngForm,
  "scanned-1bit-letter.pdf": scanned1bitLetter,
};

export interface FixtureSpec {
  file: string;
  kind: "typed" | "scanned" | "form";
  layout: string;
  fields: Record<string, string | number>;
}

export const FIXTURES = expected.fixtures as unknown as FixtureSpec[];
export const MALFORMED = expected.malformed as unknown as Record<string, string>;

/** Compares an extracted value with the fixture's known value (descriptions by word overlap). */
export function matches(field: string, actual: unknown, want: string | number): boolean {
  if (actual === undefined || actual === null) return false;
  if (field === "description") {
    const words = (s: string) => new Set(s.toLowerCase().match(/[a-z]{3,}/g) ?? []);
    const a = words(String(actual));
    const w = [...words(String(want))];
    return w.filter((x) => a.has(x)).length / w.length >= 0.8;
  }
  if (field === "diagnosis_codes" || field === "procedure_codes") return (actual as string[]).join("|") === want;
  if (typeof want === "number") return Number(actual) === want;
  return String(actual).toLowerCase() === String(want).toLowerCase();
}
