import { describe, expect, it } from "vitest";
import { barcodeReadings, findPrintedDates, mergeLicenceReadings, parseAamvaDate } from "../../src/domain/licence";

describe("AAMVA dates", () => {
  const cases: Array<[string, "MMDDCCYY" | "CCYYMMDD", string | undefined]> = [
    ["08312029", "MMDDCCYY", "08/31/2029"],
    ["20290831", "CCYYMMDD", "08/31/2029"],
    ["20290831", "MMDDCCYY", "08/31/2029"],
    ["08312029", "CCYYMMDD", "08/31/2029"],
    ["02292024", "MMDDCCYY", "02/29/2024"],
    ["02292023", "MMDDCCYY", undefined],
    ["13012020", "MMDDCCYY", undefined],
    ["0831202", "MMDDCCYY", undefined],
    ["", "MMDDCCYY", undefined],
  ];
  for (const [raw, order, want] of cases)
    it(`${raw} (${order}) → ${want}`, () => expect(parseAamvaDate(raw, order)?.date).toBe(want));
});

describe("printed dates", () => {
  const cases: Array<[string, string[]]> = [
    ["DOB 01/31/1974", ["01/31/1974"]],
    ["EXP 01-31-2030 ISS 02.01.2022", ["01/31/2030", "02/01/2022"]],
    ["born 31 JAN 1974", ["01/31/1974"]],
    ["JAN 31, 1974", ["01/31/1974"]],
    ["1974-01-31", ["01/31/1974"]],
    ["O1/3l/I974", ["01/31/1974"]],
    ["DOB 01311974", ["01/31/1974"]],
    ["02/30/2020 13/01/2020", []],
    ["ZIP 85007-1234", []],
  ];
  for (const [text, want] of cases) it(text, () => expect(findPrintedDates(text).map((d) => d.date)).toEqual(want));
});

describe("merging barcode and OCR", () => {
  it("the barcode wins field by field; OCR fills the rest; disagreements are listed", () => {
    const merged = mergeLicenceReadings(
      barcodeReadings({
        DOCUMENT_NUMBER: "D08954142",
        LAST_NAME: "SAMPLE",
        FIRST_NAME: "JELANI",
        ID_TYPE: "DRIVER LICENSE BACK",
      }),
      {
        DOCUMENT_NUMBER: { value: "D08954142", confidence: 0.8 },
        LAST_NAME: { value: "SAMPLF", confidence: 0.7 },
        COUNTY: { value: "MARICOPA", confidence: 0.8 },
        ID_TYPE: { value: "DRIVER LICENSE FRONT", confidence: 0.9 },
      },
    );
    expect(merged.fields).toMatchObject({
      DOCUMENT_NUMBER: "D08954142",
      LAST_NAME: "SAMPLE",
      COUNTY: "MARICOPA",
      ID_TYPE: "DRIVER LICENSE FRONT",
      MRZ_CODE: "",
    });
    expect(merged.sources).toMatchObject({
      DOCUMENT_NUMBER: "barcode",
      LAST_NAME: "barcode",
      COUNTY: "ocr",
      ID_TYPE: "ocr",
    });
    expect(merged.conflicts).toEqual([{ field: "LAST_NAME", barcode: "SAMPLE", ocr: "SAMPLF" }]);
    expect(merged.fieldConfidence.COUNTY).toBe(0.8);
  });

  it("dashes and spaces in a printed licence number are no conflict", () => {
    const merged = mergeLicenceReadings(barcodeReadings({ DOCUMENT_NUMBER: "S12345678901" }), {
      DOCUMENT_NUMBER: { value: "S123-456-789-01", confidence: 0.8 },
    });
    expect(merged.conflicts).toEqual([]);
  });

  it("nothing read: every field empty, confidence 0", () => {
    const merged = mergeLicenceReadings(undefined, undefined);
    expect(Object.values(merged.fields).every((v) => v === "")).toBe(true);
    expect(Object.keys(merged.fields)).toHaveLength(21);
    expect(merged.confidence).toBe(0);
  });

  it("a date read against its file's own order is less sure", () => {
    expect(barcodeReadings({ DATE_OF_BIRTH: "08/31/1977" }, ["DATE_OF_BIRTH"]).DATE_OF_BIRTH!.confidence).toBeLessThan(
      0.95,
    );
  });
});
