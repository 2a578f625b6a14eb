import { describe, expect, it } from "vitest";
import traineddata from "../../node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz";
import { extractFieldsFromPdf } from "../../src/claims/documents/extract-from-pdf";
import { extractClaimFields } from "../../src/domain/documents";
import { inspectPdf, PdfRejectedError, readClaimDocument } from "../../src/pdf";
import { getPageOcr } from "../../src/pdf/ocr";
import { FIXTURE_FILES, FIXTURES, MALFORMED, matches } from "./fixtures";

const ocr = () => getPageOcr(async () => traineddata);

function fieldReport(fields: Record<string, string | number>, data: Record<string, unknown>) {
  return Object.entries(fields).map(([field, want]) => ({
    field,
    want,
    got: data[field],
    ok: matches(field, data[field], want),
  }));
}

describe("typed PDFs: text layer", () => {
  for (const fx of FIXTURES.filter((f) => f.kind === "typed")) {
    it(`${fx.file}: every field (${fx.layout})`, async () => {
      const { extraction, document } = await extractFieldsFromPdf(FIXTURE_FILES[fx.file]!, { ocr });
      expect(document.pages.every((p) => p.source === "text-layer")).toBe(true);
      expect(document.timings.ocrPages).toBe(0);
      const report = fieldReport(fx.fields, extraction.extracted_data);
      expect(report.filter((r) => !r.ok)).toEqual([]);
      for (const r of report) expect(extraction.confidence[r.field]).toBeGreaterThan(0.5);
    });
  }
});

describe("scanned, image-only PDFs: OCR with tesseract-wasm", () => {
  for (const fx of FIXTURES.filter((f) => f.kind === "scanned")) {
    it(`${fx.file}: core fields (${fx.layout})`, async () => {
      const started = Date.now();
      const { extraction, document } = await extractFieldsFromPdf(FIXTURE_FILES[fx.file]!, { ocr });
      console.log(
        `${fx.file}: OCR ${document.timings.ocrMs} ms for ${document.timings.ocrPages} page(s), total ${Date.now() - started} ms`,
      );
      expect(document.pages[0]!.source).toBe("ocr");
      expect(document.pages[0]!.ocrConfidence).toBeGreaterThan(0.6);
      const report = fieldReport(fx.fields, extraction.extracted_data);
      const core = report.filter((r) =>
        ["claimant_name", "policy_number", "incident_date", "amount_claimed"].includes(r.field),
      );
      // The scans carry specks on purpose; one speck turns "POL-" into "bo L-" in the form
      // scan (native tesseract reads it the same way), so allow one core miss per page.
      expect(core.filter((r) => !r.ok).length).toBeLessThanOrEqual(1);
      // OCR'd values carry less confidence than the same values from a text layer.
      for (const r of core) expect(extraction.confidence[r.field] ?? 0).toBeLessThan(0.99);
      expect(report.filter((r) => r.ok).length / report.length).toBeGreaterThanOrEqual(0.8);
    }, 60_000);
  }

  it("leaves a scanned page flagged, not failed, when no OCR engine is given", async () => {
    const doc = await readClaimDocument(FIXTURE_FILES["scanned-form.pdf"]!);
    expect(doc.pages[0]).toMatchObject({ number: 1, source: "text-layer", needsOcr: true });
  });
});

describe("filled forms", () => {
  it("reads AcroForm field values directly", async () => {
    const fx = FIXTURES.find((f) => f.file === "acroform.pdf")!;
    const { extraction, document } = await extractFieldsFromPdf(FIXTURE_FILES[fx.file]!, { ocr });
    expect(document.formFields).toMatchObject({ claimant_name: "Susan Hill", policy_number: "AUT-100200" });
    expect(fieldReport(fx.fields, extraction.extracted_data).filter((r) => !r.ok)).toEqual([]);
    expect(extraction.fields.claimant_name?.method).toBe("form-field");
  });

  it("recognises a CMS-1500 fillable form and reads its codes and charges", async () => {
    const { extraction } = await extractFieldsFromPdf(FIXTURE_FILES["cms1500-like.pdf"]!, { ocr });
    expect(extraction.document_type).toBe("cms1500");
    expect(extraction.extracted_data).toMatchObject({
      patient_name: "Jane M Doe",
      insured_id: "W123456789",
      diagnosis_codes: ["J45.909", "R05.9"],
      procedure_codes: ["99213", "94640"],
      charges: [125, 48.5],
      total_charge: 173.5,
      dates_of_service: [
        { from: "2025-01-10", to: "2025-01-10" },
        { from: "2025-01-10", to: "2025-01-10" },
      ],
    });
  });

  it("form values without meaningful field names are read through their labels on the page", async () => {
    const doc = await readClaimDocument(FIXTURE_FILES["acroform.pdf"]!);
    const r = extractClaimFields({ pages: doc.pages });
    expect(r.extracted_data).toMatchObject({
      claimant_name: "Susan Hill",
      incident_date: "2025-02-01",
      amount_claimed: 3250.75,
    });
  });
});

describe("documents that mix sources", () => {
  it("a typed page followed by a scanned page: each page is read its own way", async () => {
    const { document, extraction } = await extractFieldsFromPdf(FIXTURE_FILES["mixed-text-and-scan.pdf"]!, { ocr });
    expect(document.pages.map((p) => p.source)).toEqual(["text-layer", "ocr"]);
    expect(document.pages[1]!.text).toMatch(/Robert Lee/);
    expect(extraction.extracted_data.policy_number).toBeDefined();
  }, 60_000);

  it("an owner-password PDF (no password needed to open) is accepted, flagged and read", async () => {
    const info = await inspectPdf(FIXTURE_FILES["owner-locked.pdf"]!);
    expect(info).toMatchObject({ pageCount: 1, encrypted: true });
    const { extraction } = await extractFieldsFromPdf(FIXTURE_FILES["owner-locked.pdf"]!);
    expect(extraction.extracted_data).toMatchObject({ claimant_name: "Owner Locked", policy_number: "OL-2025-0042" });
  });

  it("OCR is capped per document; the pages left over are flagged", async () => {
    const doc = await readClaimDocument(FIXTURE_FILES["mixed-text-and-scan.pdf"]!, { ocr, maxOcrPages: 0 });
    expect(doc.pages[1]).toMatchObject({ source: "text-layer", needsOcr: true });
  });

  it("the OCR engine is created once per isolate", async () => {
    let loads = 0;
    const load = async () => {
      loads++;
      return traineddata;
    };
    const [a, b] = await Promise.all([getPageOcr(load), getPageOcr(load)]);
    expect(a).toBe(b);
    expect(loads).toBeLessThanOrEqual(1);
  });
});

describe("malformed uploads each get a clear outcome", () => {
  for (const [file, code] of Object.entries(MALFORMED)) {
    it(`${file} → ${code}`, async () => {
      const bytes = FIXTURE_FILES[file]!;
      const inspected = await inspectPdf(bytes).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(inspected).toBeInstanceOf(PdfRejectedError);
      expect((inspected as PdfRejectedError).code).toBe(code);
      const read = await readClaimDocument(bytes).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect((read as PdfRejectedError).code).toBe(code);
    });
  }

  it("accepts the good fixtures and reports their page count", async () => {
    const info = await inspectPdf(FIXTURE_FILES["typed-form.pdf"]!);
    expect(info).toMatchObject({ pageCount: 1, encrypted: false, hasForm: false });
    expect((await inspectPdf(FIXTURE_FILES["acroform.pdf"]!)).hasForm).toBe(true);
  });

  it("a size limit is enforced before parsing", async () => {
    const err = await inspectPdf(FIXTURE_FILES["typed-form.pdf"]!, { maxBytes: 100 }).catch((e: unknown) => e);
    expect((err as PdfRejectedError).code).toBe("TOO_LARGE");
  });

  it("the page limit is configurable", async () => {
    const info = await inspectPdf(FIXTURE_FILES["bomb.pdf"]!, { maxPages: 5000 });
    expect(info.pageCount).toBe(3000);
  });
});
