// Labels printed on the fronts of US and Canadian licences, as OCR reads them: plain words
// ("DOB", "EXP", "LIC#"), AAMVA's numbered fields ("4d DLN", "4b EXP", "1", "2", "8") and
// the labels of fields the contract does not carry, which still end the value before them.
import type { LicenceFieldKey } from "./fields";

export type FrontLabelKind = LicenceFieldKey | "FULL_NAME" | "GIVEN_NAMES" | "OTHER";

export interface FrontLabel {
  kind: FrontLabelKind;
  pattern: RegExp;
}

// Patterns run on upper-cased OCR text; "0"/"O" and "1"/"I" confusions are tolerated where OCR makes them.
// Date labels may be fuzzy (OCR garbles small label type): only a date is accepted after them.
export const FRONT_LABELS: readonly FrontLabel[] = [
  {
    kind: "DATE_OF_BIRTH",
    pattern: /(?<![A-Z0-9])(?:3\s*)?(?:[DP0O][O0][B8S]|DATE\s+OF\s+BIRTH|BIRTH\s*DATE|BIRTHDATE|BORN)(?![A-Z])/g,
  },
  {
    kind: "EXPIRATION_DATE",
    pattern: /(?<![A-Z0-9])(?:4\s*B\s*)?(?:E[XK][PO](?:IRES|IRATION|IRY)?(?:\s+DATE)?|EXPDATE)(?![A-Z])/g,
  },
  {
    kind: "DATE_OF_ISSUE",
    pattern: /(?<![A-Z0-9])(?:4\s*A\s*)?(?:[IL1]?SS(?:UED?)?(?:\s+DATE)?|DATE\s+ISSUED|ISSUE\s+DATE)(?![A-Z])/g,
  },
  {
    kind: "DOCUMENT_NUMBER",
    pattern:
      /(?<![A-Z0-9])(?:4\s*D\s*(?:DLN|DL|LIC|NO\.?)?|DLN|D\.?L\.?\s*(?:NO\.?|#|NUMBER)|DL(?=\s*[:#]?\s*[A-Z0-9]*\d)|LIC(?:ENSE)?\s*(?:NO\.?|#|NUMBER)|LIC\s*#?(?=\s*[:#]?\s*[A-Z0-9]*\d)|NO\.(?=\s*[A-Z0-9]*\d)|ID\s*(?:NO\.?|#)|CUSTOMER\s*(?:NO\.?|ID))(?![A-Z])/g,
  },
  { kind: "CLASS", pattern: /(?<![A-Z0-9])(?:[9G]\s*)?C[LIT1]?[AE]SS(?![A-Z])/g },
  { kind: "ENDORSEMENTS", pattern: /(?<![A-Z0-9])(?:[9G]\s*A\s*)?EN[DON0](?:ORSEMENTS?|ORSE|ORS|S)?(?![A-Z])/g },
  { kind: "RESTRICTIONS", pattern: /(?<![A-Z0-9])(?:12\s*)?(?:R?REST(?:RICTIONS?|R)?|RSTR)(?![A-Z])/g },
  // "LN"/"FN" are tiny on the cards that use them: OCR's usual misreadings count when a name follows.
  {
    kind: "LAST_NAME",
    pattern: /(?<![A-Z0-9])(?:LN|[IVT1|]N(?=\s+[A-Z]{2})|LAST(?:\s+NAME)?|SURNAME|FAMILY\s+NAME)(?![A-Z])/g,
  },
  {
    kind: "GIVEN_NAMES",
    pattern: /(?<![A-Z0-9])(?:FN|[RPE]N(?=\s+[A-Z]{2})|FIRST(?:\s+NAME)?|GIVEN\s+NAMES?)(?![A-Z])/g,
  },
  { kind: "FULL_NAME", pattern: /(?<![A-Z0-9])NAME(?![A-Z])/g },
  { kind: "ADDRESS", pattern: /(?<![A-Z0-9])(?:ADDRESS|ADDR)(?![A-Z])/g },
  { kind: "COUNTY", pattern: /(?<![A-Z0-9])COUNTY(?![A-Z])/g },
  {
    kind: "OTHER",
    pattern:
      /(?<![A-Z0-9])(?:(?:15\s*)?SEX|(?:16\s*)?(?:HGT|HT|HEIGHT)|(?:17\s*)?(?:WGT|WT|WEIGHT)|(?:18\s*)?EYES?|(?:19\s*)?HAIR|(?:5\s*)?DD|DONOR|ORGAN\s+DONOR|DUPS?|REV|CASE|DOC\s+DISC)(?![A-Z])/g,
  },
];

/** AAMVA field numbers printed without a word label: "1 SAMPLE", "2 JOHN Q", "8 123 MAIN ST". */
export const NUMBERED_FIELDS: ReadonlyArray<{ kind: FrontLabelKind; pattern: RegExp }> = [
  { kind: "LAST_NAME", pattern: /^1(?:[\s.]+(?=[A-Z])|(?=[A-Z]{3}))/ },
  { kind: "GIVEN_NAMES", pattern: /^2(?:[\s.]+(?=[A-Z])|(?=[A-Z]{3}))/ },
  { kind: "ADDRESS", pattern: /^8[\s.]+(?=\d)/ },
];

/** Words on card fronts that are never a name. */
export const NOT_NAME_WORDS = new Set([
  "DRIVER",
  "DRIVERS",
  "DRIVER'S",
  "LICENSE",
  "LICENCE",
  "USA",
  "STATE",
  "OF",
  "THE",
  "IDENTIFICATION",
  "CARD",
  "ID",
  "CLASS",
  "NONE",
  "REAL",
  "VETERAN",
  "DONOR",
  "ORGAN",
  "COMMERCIAL",
  "OPERATOR",
  "PERMIT",
  "INSTRUCTION",
  "DEPARTMENT",
  "MOTOR",
  "VEHICLES",
  "VEHICLE",
  "TRANSPORTATION",
  "PUBLIC",
  "SAFETY",
  "NOT",
  "FOR",
  "FEDERAL",
  "PURPOSES",
  "SAMPLE CARD",
  "UNDER",
  "UNTIL",
  "AGE",
  "SEX",
  "HGT",
  "WGT",
  "EYES",
  "HAIR",
  "DOB",
  "EXP",
  "ISS",
  "END",
  "REST",
  "DL",
  "DLN",
]);

export const NAME_SUFFIXES = new Set(["JR", "SR", "II", "III", "IV", "V", "2ND", "3RD"]);
