// Parses the AAMVA DL/ID payload of a licence's PDF417 barcode (DL/ID Card Design Standard,
// versions 01–10) into the contract's fields. Strict about what it accepts, never throws.
import { type AamvaHeader, readAamvaHeader } from "./aamva-header";
import { type AamvaDateOrder, parseAamvaDate } from "./dates";
import { cleanValue, ID_TYPE_BACK, type LicenceFieldKey, normaliseDocumentNumber } from "./fields";
import { jurisdictionByCode, jurisdictionByIin, type LicenceCountry } from "./jurisdictions";

/** PDF417 holds at most 1,850 text characters; anything longer was not read from one. */
export const MAX_AAMVA_PAYLOAD = 4096;
const MAX_ELEMENTS = 200;
const MAX_ELEMENT_VALUE = 200;

export interface AamvaLicence {
  iin: string;
  version: number;
  jurisdictionVersion: number | undefined;
  /** "DL" for a driver's licence, "ID" for an identification card. */
  subfileType: "DL" | "ID";
  country: LicenceCountry;
  /** Raw data elements of the DL/ID subfile by element id (DAQ, DCS, …), trimmed. */
  elements: Record<string, string>;
  fields: Partial<Record<LicenceFieldKey, string>>;
  /** Date elements whose order broke the file's own country rule (read the other way round). */
  dateOrderFallbacks: LicenceFieldKey[];
}

export type AamvaParseResult = { ok: true; licence: AamvaLicence } | { ok: false; reason: string };

/** Parses the text (or raw bytes, read as Latin-1) of a licence barcode. */
export function parseAamva(payload: string | Uint8Array): AamvaParseResult {
  try {
    if (payload.length > MAX_AAMVA_PAYLOAD)
      return { ok: false, reason: `payload longer than ${MAX_AAMVA_PAYLOAD} characters` };
    const text = normalisePayload(typeof payload === "string" ? payload : latin1(payload));
    const header = readAamvaHeader(text);
    if (typeof header === "string") return { ok: false, reason: header };
    const subfileType = header.subfiles.find((s) => s.type === "DL") ? "DL" : "ID";
    const elements = readElements(text, header, subfileType);
    if (typeof elements === "string") return { ok: false, reason: elements };
    return { ok: true, licence: toLicence(header, subfileType, elements) };
  } catch (error) {
    return { ok: false, reason: `unreadable payload: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function latin1(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/** Undoes what keyboard-wedge scanners and copy-paste do: C1 noise, CRLF for LF, leading blanks. */
function normalisePayload(text: string): string {
  let t = text.replace(/[\u0080-\u009f]/g, "").replace(/^\s+(?=@)/, "");
  if (t.includes("\r\n")) t = t.replace(/\r\n/g, "\n");
  return t;
}

/**
 * The data elements of the DL (or ID) subfile. Designator offsets are often wrong in real
 * files, so the subfile is found by its type followed by a first element id.
 */
function readElements(text: string, header: AamvaHeader, type: "DL" | "ID"): Record<string, string> | string {
  const designated = header.subfiles.find((s) => s.type === type)!;
  let start = text.slice(designated.offset, designated.offset + 5).match(new RegExp(`^${type}D[A-Z]{2}`))
    ? designated.offset
    : -1;
  if (start < 0) {
    const found = new RegExp(`${type}(?=D[A-Z]{2})`).exec(text.slice(header.end));
    if (!found) return `no ${type} subfile in the payload`;
    start = header.end + found.index;
  }
  const elements: Record<string, string> = {};
  let count = 0;
  // The subfile runs to its segment terminator (CR) or to the next subfile.
  const body = text.slice(start + 2).split("\r")[0]!;
  for (const rawLine of body.split("\n")) {
    const line = rawLine.replace(/^(DL|ID)(?=D[A-Z]{2})/, "");
    const id = /^(D[A-Z]{2})/.exec(line)?.[1];
    if (!id) {
      if (/^Z[A-Z]{2}/.test(line) || /^Z[A-Z]Z[A-Z]{2}/.test(line)) break; // jurisdiction subfile without a CR before it
      continue;
    }
    if (++count > MAX_ELEMENTS) return "too many data elements";
    if (!Object.hasOwn(elements, id))
      elements[id] = line
        .slice(3, 3 + MAX_ELEMENT_VALUE)
        // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
        .replace(/[\u0000-\u001f]/g, "")
        .trim();
  }
  if (count === 0) return `${type} subfile has no data elements`;
  if (!elements.DAQ && !elements.DCS && !elements.DAA && !elements.DAB)
    return `${type} subfile has neither a number nor a name`;
  return elements;
}

const ABSENT = /^(NONE|UNAVL|UNAVAIL|UNKNOWN|N\/A|NA)$/;

function present(value: string | undefined): string {
  const v = cleanValue(value ?? "");
  return ABSENT.test(v) ? "" : v;
}

function countryOf(header: AamvaHeader, elements: Record<string, string>): LicenceCountry {
  const dcg = cleanValue(elements.DCG ?? "");
  if (dcg === "USA" || dcg === "CAN" || dcg === "MEX") return dcg;
  return jurisdictionByIin(header.iin)?.country ?? jurisdictionByCode(cleanValue(elements.DAJ ?? ""))?.country ?? "USA";
}

/** Full name elements: "FAMILY,GIVEN,MIDDLE,SUFFIX" (commas or $), as AAMVA 2000 files write DAA. */
function splitFullName(value: string): { last: string; first: string; middle: string; suffix: string } | undefined {
  const v = cleanValue(value);
  if (!v) return undefined;
  if (/[,$]/.test(v)) {
    const [last = "", first = "", middle = "", suffix = ""] = v.split(/\s*[,$]\s*/);
    return { last, first, middle, suffix };
  }
  const parts = v.split(" ");
  if (parts.length === 1) return { last: v, first: "", middle: "", suffix: "" };
  return { first: parts[0]!, middle: parts.slice(1, -1).join(" "), last: parts[parts.length - 1]!, suffix: "" };
}

/** Given names: "FIRST,MIDDLE" or "FIRST MIDDLE" (DCT in versions 02–03). */
function splitGivenNames(value: string): { first: string; middle: string } {
  const v = cleanValue(value);
  const [first = "", ...rest] = /[,$]/.test(v) ? v.split(/\s*[,$]\s*/) : v.split(" ");
  return { first, middle: rest.filter(Boolean).join(" ") };
}

function zipCode(raw: string, country: LicenceCountry): string {
  const v = cleanValue(raw).replace(/[\s-]/g, "");
  if (country === "CAN" && /^[A-Z]\d[A-Z]\d[A-Z]\d/.test(v)) return `${v.slice(0, 3)} ${v.slice(3, 6)}`;
  const digits = /^\d{5,}/.exec(v)?.[0];
  if (!digits) return v.slice(0, 10);
  const plus4 = digits.slice(5, 9);
  return plus4.length === 4 && plus4 !== "0000" ? `${digits.slice(0, 5)}-${plus4}` : digits.slice(0, 5);
}

function toLicence(header: AamvaHeader, subfileType: "DL" | "ID", e: Record<string, string>): AamvaLicence {
  const country = countryOf(header, e);
  // AAMVA 2000 wrote CCYYMMDD everywhere; later versions MMDDCCYY for the US, CCYYMMDD for Canada.
  const order: AamvaDateOrder = header.version <= 1 || country === "CAN" ? "CCYYMMDD" : "MMDDCCYY";
  const fields: Partial<Record<LicenceFieldKey, string>> = {};
  const dateOrderFallbacks: LicenceFieldKey[] = [];
  const date = (key: LicenceFieldKey, id: string) => {
    const parsed = e[id] ? parseAamvaDate(e[id]!, order) : undefined;
    if (!parsed) return;
    fields[key] = parsed.date;
    if (parsed.order !== order) dateOrderFallbacks.push(key);
  };

  const full = splitFullName(e.DAA ?? "");
  const given = e.DCT ? splitGivenNames(e.DCT) : undefined;
  fields.LAST_NAME = present(e.DCS) || present(e.DAB) || full?.last || "";
  fields.FIRST_NAME = present(e.DAC) || given?.first || full?.first || "";
  fields.MIDDLE_NAME = present(e.DAD) || given?.middle || full?.middle || "";
  fields.SUFFIX = present(e.DCU) || present(e.DAE) || full?.suffix || "";

  const street = present(e.DAG) || present(e.DAL);
  const street2 = present(e.DAG) ? present(e.DAH) : present(e.DAM);
  fields.ADDRESS = [street, street2].filter(Boolean).join(" ");
  fields.CITY_IN_ADDRESS = present(e.DAI) || present(e.DAN);
  fields.STATE_IN_ADDRESS = present(e.DAJ) || present(e.DAO);
  fields.ZIP_CODE_IN_ADDRESS = zipCode(e.DAK ?? e.DAP ?? "", country);
  const issuer = jurisdictionByIin(header.iin) ?? jurisdictionByCode(fields.STATE_IN_ADDRESS);
  fields.STATE_NAME = issuer?.name ?? "";

  fields.DOCUMENT_NUMBER = normaliseDocumentNumber(e.DAQ ?? "");
  date("DATE_OF_BIRTH", "DBB");
  date("EXPIRATION_DATE", "DBA");
  date("DATE_OF_ISSUE", "DBD");
  fields.ID_TYPE = ID_TYPE_BACK;
  fields.CLASS = cleanValue(e.DCA ?? e.DAR ?? "");
  fields.RESTRICTIONS = cleanValue(e.DCB ?? e.DAS ?? "");
  fields.ENDORSEMENTS = cleanValue(e.DCD ?? e.DAT ?? "");
  fields.VETERAN = cleanValue(e.DDL ?? "") === "1" ? "VETERAN" : "";
  fields.PLACE_OF_BIRTH = present(e.DCI);
  for (const key of Object.keys(fields) as LicenceFieldKey[]) if (fields[key] === "") delete fields[key];
  return {
    iin: header.iin,
    version: header.version,
    jurisdictionVersion: header.jurisdictionVersion,
    subfileType,
    country,
    elements: e,
    fields,
    dateOrderFallbacks,
  };
}
