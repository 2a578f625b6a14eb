import type { LicenceFields } from "../licence/fields";
import { sameName } from "./person-name";

export interface LicenceCheckInput {
  signup: { firstName: string; lastName: string };
  fields: LicenceFields;
  /** Fields whose value came from OCR of the card's front (not its barcode). */
  readByOcr: ReadonlySet<string>;
  /** The day the document is checked (YYYY-MM-DD, UTC). */
  today: string;
}

export type DocumentVerdict = { fraud: false; notes: string[] } | { fraud: true; reasons: string[]; notes: string[] };

/** "MM/DD/YYYY" → "YYYY-MM-DD", or undefined when it is no date. */
export function isoFromLicenceDate(value: string): string | undefined {
  const match = value.match(/^(\d{2})\/(\d{2})\/(\d{4})$/);
  if (!match) return undefined;
  const [, month, day, year] = match;
  const iso = `${year}-${month}-${day}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

/**
 * The driver's licence rules, in the order a reviewer reads them: the names must be the signup's,
 * the licence must be valid today (through its expiration date), and the card must show what a
 * claim will later be matched against (its number). A field that cannot be read fails its rule:
 * an unreadable licence is not accepted as proof of identity.
 */
export function checkDriversLicence({ signup, fields, readByOcr, today }: LicenceCheckInput): DocumentVerdict {
  const reasons: string[] = [];
  if (!fields.FIRST_NAME) reasons.push("First Name could not be read from the Driver's License");
  else if (
    !sameName({
      given: signup.firstName,
      read: fields.FIRST_NAME,
      middle: fields.MIDDLE_NAME,
      readByOcr: readByOcr.has("FIRST_NAME"),
    })
  )
    reasons.push("First Name provided does not match with First Name in Driver's License");
  if (!fields.LAST_NAME) reasons.push("Last Name could not be read from the Driver's License");
  else if (!sameName({ given: signup.lastName, read: fields.LAST_NAME, readByOcr: readByOcr.has("LAST_NAME") }))
    reasons.push("Last Name provided does not match with Last Name in Driver's License");
  const expires = isoFromLicenceDate(fields.EXPIRATION_DATE);
  if (!expires) reasons.push("Expiration date could not be read from the Driver's License");
  else if (expires < today) reasons.push(`Driver's License expired on ${fields.EXPIRATION_DATE}`);
  if (!fields.DOCUMENT_NUMBER) reasons.push("License number could not be read from the Driver's License");
  return reasons.length > 0 ? { fraud: true, reasons, notes: [] } : { fraud: false, notes: [] };
}
