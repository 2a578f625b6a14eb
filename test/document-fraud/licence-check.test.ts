import { describe, expect, it } from "vitest";
import { checkDriversLicence, isoFromLicenceDate } from "../../src/domain/document-fraud/licence-check";
import { emptyLicenceFields, type LicenceFields } from "../../src/domain/licence/fields";

const licence = (fields: Partial<LicenceFields>): LicenceFields => ({
  ...emptyLicenceFields(),
  FIRST_NAME: "JELANI",
  LAST_NAME: "CHEN",
  DOCUMENT_NUMBER: "B2706987",
  EXPIRATION_DATE: "10/01/2029",
  ...fields,
});

const check = (fields: Partial<LicenceFields>, options: { today?: string; readByOcr?: string[] } = {}) =>
  checkDriversLicence({
    signup: { firstName: "Jelani", lastName: "Chen" },
    fields: licence(fields),
    readByOcr: new Set(options.readByOcr ?? []),
    today: options.today ?? "2026-11-28",
  });

describe("checkDriversLicence", () => {
  it("passes a licence whose names are the signup's and that is valid today", () => {
    expect(check({})).toEqual({ fraud: false, notes: [] });
  });

  it.each([
    [{ FIRST_NAME: "CONNOR" }, ["First Name provided does not match with First Name in Driver's License"]],
    [{ LAST_NAME: "SAMPLE" }, ["Last Name provided does not match with Last Name in Driver's License"]],
    [
      { FIRST_NAME: "CONNOR", LAST_NAME: "SAMPLE" },
      [
        "First Name provided does not match with First Name in Driver's License",
        "Last Name provided does not match with Last Name in Driver's License",
      ],
    ],
    [{ EXPIRATION_DATE: "11/27/2026" }, ["Driver's License expired on 11/27/2026"]],
    [{ EXPIRATION_DATE: "" }, ["Expiration date could not be read from the Driver's License"]],
    [{ EXPIRATION_DATE: "13/45/2029" }, ["Expiration date could not be read from the Driver's License"]],
    [{ FIRST_NAME: "" }, ["First Name could not be read from the Driver's License"]],
    [{ LAST_NAME: "" }, ["Last Name could not be read from the Driver's License"]],
    [{ DOCUMENT_NUMBER: "" }, ["License number could not be read from the Driver's License"]],
  ])("flags %o", (fields, reasons) => {
    expect(check(fields)).toEqual({ fraud: true, reasons, notes: [] });
  });

  it("treats the expiration date as the last valid day", () => {
    expect(check({ EXPIRATION_DATE: "11/28/2026" }).fraud).toBe(false);
    expect(check({ EXPIRATION_DATE: "11/28/2026" }, { today: "2026-11-29" }).fraud).toBe(true);
  });

  it("forgives one letter OCR may have slipped on, never on a barcode reading", () => {
    expect(check({ FIRST_NAME: "JELANL" }, { readByOcr: ["FIRST_NAME"] }).fraud).toBe(false);
    expect(check({ FIRST_NAME: "JELANL" }).fraud).toBe(true);
  });
});

describe("isoFromLicenceDate", () => {
  it.each([
    ["10/01/2029", "2029-10-01"],
    ["02/29/2028", "2028-02-29"],
    ["02/29/2027", undefined],
    ["2029-10-01", undefined],
    ["", undefined],
  ])("%s → %s", (value, iso) => {
    expect(isoFromLicenceDate(value)).toBe(iso);
  });
});
