// The licence fields of the event contract (the keys Amazon Textract AnalyzeID used in the
// source system): upper-case strings, dates MM/DD/YYYY, "" when absent.

export const LICENCE_FIELD_KEYS = [
  "FIRST_NAME",
  "MIDDLE_NAME",
  "LAST_NAME",
  "SUFFIX",
  "ADDRESS",
  "CITY_IN_ADDRESS",
  "STATE_IN_ADDRESS",
  "ZIP_CODE_IN_ADDRESS",
  "STATE_NAME",
  "COUNTY",
  "DOCUMENT_NUMBER",
  "DATE_OF_BIRTH",
  "EXPIRATION_DATE",
  "DATE_OF_ISSUE",
  "ID_TYPE",
  "CLASS",
  "ENDORSEMENTS",
  "RESTRICTIONS",
  "VETERAN",
  "PLACE_OF_BIRTH",
  "MRZ_CODE",
] as const;

export type LicenceFieldKey = (typeof LICENCE_FIELD_KEYS)[number];
export type LicenceFields = Record<LicenceFieldKey, string>;

export type LicenceFieldSource = "barcode" | "ocr";

/** One field as read from one side of the card. */
export interface FieldReading {
  value: string;
  /** 0–1: how sure the reader is that `value` is what the card says. */
  confidence: number;
}

export type PartialReadings = Partial<Record<LicenceFieldKey, FieldReading>>;

export const ID_TYPE_FRONT = "DRIVER LICENSE FRONT";
export const ID_TYPE_BACK = "DRIVER LICENSE BACK";

export function emptyLicenceFields(): LicenceFields {
  return Object.fromEntries(LICENCE_FIELD_KEYS.map((k) => [k, ""])) as LicenceFields;
}

/** Upper case, no control characters, single spaces, trimmed: the contract's value form. */
export function cleanValue(raw: string, maxLength = 120): string {
  return (
    raw
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .toUpperCase()
      .slice(0, maxLength)
      .trim()
  );
}

/** Licence numbers are compared without the spaces and dashes some cards print. */
export function normaliseDocumentNumber(raw: string): string {
  return cleanValue(raw).replace(/[\s-]/g, "");
}
