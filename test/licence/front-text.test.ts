import { describe, expect, it } from "vitest";
import { extractFrontFields, type OcrTextLine } from "../../src/domain/licence";

const ocr = (text: string, confidence = 0.9): OcrTextLine[] => text.split("\n").map((t) => ({ text: t, confidence }));
const values = (text: string) =>
  Object.fromEntries(Object.entries(extractFrontFields(ocr(text)).readings).map(([k, r]) => [k, r!.value]));

describe("licence fronts of different layouts, as OCR reads them", () => {
  const cases: Array<[string, string, Record<string, string>]> = [
    [
      "AAMVA numbered fields, labels partly garbled",
      `  CALIFORNIA                              DRIVER LICENSE
                                                     USA
                  4d DLN I1234568
                  awexe 08/31/2029      9 CLASS C
                   1 SAMPLE
                  2 JOHN QUINCY
                  8 123 MAIN ST
                   SACRAMENTO, CA 95823
                  3 DOB 08/31/1977     4a ISS 08/31/2021
                  9a END NONE      12 REST NONE
                  15 SEX M  16 HGT 5'-09"  18 EYES BRN`,
      {
        DOCUMENT_NUMBER: "I1234568",
        EXPIRATION_DATE: "08/31/2029",
        CLASS: "C",
        LAST_NAME: "SAMPLE",
        FIRST_NAME: "JOHN",
        MIDDLE_NAME: "QUINCY",
        ADDRESS: "123 MAIN ST",
        CITY_IN_ADDRESS: "SACRAMENTO",
        STATE_IN_ADDRESS: "CA",
        ZIP_CODE_IN_ADDRESS: "95823",
        DATE_OF_BIRTH: "08/31/1977",
        DATE_OF_ISSUE: "08/31/2021",
        ENDORSEMENTS: "NONE",
        RESTRICTIONS: "NONE",
        STATE_NAME: "CALIFORNIA",
        ID_TYPE: "DRIVER LICENSE FRONT",
      },
    ],
    [
      "inline LN/FN labels, OCR reading 'FN' as 'RN', veteran",
      `  ARIZONA                                    DRIVER LICENSE
  DL D08954142              CLASS D
  EXP 01/01/2039
  LN SAMPLE
  rn JELANI
  123 MAIN ST
  PHOENIX, AZ 85007
  DOB 01/01/1974
  END NONE          REST NONE
  ISS 03/01/2016                         VETERAN`,
      {
        DOCUMENT_NUMBER: "D08954142",
        CLASS: "D",
        EXPIRATION_DATE: "01/01/2039",
        LAST_NAME: "SAMPLE",
        FIRST_NAME: "JELANI",
        ADDRESS: "123 MAIN ST",
        CITY_IN_ADDRESS: "PHOENIX",
        ZIP_CODE_IN_ADDRESS: "85007",
        DATE_OF_BIRTH: "01/01/1974",
        DATE_OF_ISSUE: "03/01/2016",
        VETERAN: "VETERAN",
        STATE_NAME: "ARIZONA",
      },
    ],
    [
      "labels above their values, in columns",
      `  TEXAS                                        DRIVER LICENSE
                    LIC#                CLASS       EXP
                    41032788            E           10/17/2028
                    LAST NAME
                    ANDERSON
                    FIRST NAME
                    KWAME ANN
                    862 ELM ST
                    AUSTIN, TX 78701-5293
                    DOB             ISS            REST
                    10/17/1950      02/05/2024     NONE`,
      {
        DOCUMENT_NUMBER: "41032788",
        CLASS: "E",
        EXPIRATION_DATE: "10/17/2028",
        LAST_NAME: "ANDERSON",
        FIRST_NAME: "KWAME",
        MIDDLE_NAME: "ANN",
        ZIP_CODE_IN_ADDRESS: "78701-5293",
        DATE_OF_BIRTH: "10/17/1950",
        DATE_OF_ISSUE: "02/05/2024",
        RESTRICTIONS: "NONE",
      },
    ],
    [
      "family name first with a comma, dashed number, suffix",
      `   FLORIDA                             DRIVER LICENSE
   NO. S123-456-78-901-0
   SMITH JR, JOHN Q
   9751 MAIN ST
   TALLAHASSEE, FL 32301
   DOB: 04/03/1950
   ISS: 06/17/2016
   EXP: 04/03/2024
   CLASS: E  REST: NONE
   END: NONE`,
      {
        DOCUMENT_NUMBER: "S123456789010",
        LAST_NAME: "SMITH",
        SUFFIX: "JR",
        FIRST_NAME: "JOHN",
        MIDDLE_NAME: "Q",
        DATE_OF_ISSUE: "06/17/2016",
        EXPIRATION_DATE: "04/03/2024",
        CLASS: "E",
      },
    ],
    [
      "given names first, long labels, spaced number",
      `NEW YORK STATE                      DRIVER LICENSE
        ID NO. 123 456 789        CLASS D
        JOHN Q SAMPLE
        2345 ANYWHERE STREET
        ALBANY, NY 12207
        DATE OF BIRTH 08/31/1990
        EXPIRES 08/31/2030
        ISSUED 09/01/2022
        RESTRICTIONS B`,
      {
        DOCUMENT_NUMBER: "123456789",
        FIRST_NAME: "JOHN",
        MIDDLE_NAME: "Q",
        LAST_NAME: "SAMPLE",
        DATE_OF_BIRTH: "08/31/1990",
        EXPIRATION_DATE: "08/31/2030",
        DATE_OF_ISSUE: "09/01/2022",
        RESTRICTIONS: "B",
        STATE_NAME: "NEW YORK",
        ADDRESS: "2345 ANYWHERE STREET",
      },
    ],
    [
      "a blurred photo: every label lost, values only",
      `      CALIFORNIA
                 won B5954168
                      12/23/2028
                   ANDERSON
                   PRIYA T
                    8421 PINE ST
                    SACRAMENTO, CA 95823
               12/23/1950      05/17/2021`,
      {
        DOCUMENT_NUMBER: "B5954168",
        LAST_NAME: "ANDERSON",
        FIRST_NAME: "PRIYA",
        MIDDLE_NAME: "T",
        DATE_OF_BIRTH: "12/23/1950",
        DATE_OF_ISSUE: "05/17/2021",
        EXPIRATION_DATE: "12/23/2028",
        ADDRESS: "8421 PINE ST",
        ID_TYPE: "DRIVER LICENSE FRONT",
      },
    ],
    [
      "OCR letter-for-digit slips inside dates and numbers; California's leading letter put back",
      `CALIFORNIA  DRIVER LICENSE
DL 1234567B
EXP O8/3l/2029
LN DOE   FN JANE
DOB 01/02/198O
12 OAK AVE
FRESNO, CA 93701`,
      {
        DOCUMENT_NUMBER: "I2345678",
        EXPIRATION_DATE: "08/31/2029",
        DATE_OF_BIRTH: "01/02/1980",
        LAST_NAME: "DOE",
        FIRST_NAME: "JANE",
      },
    ],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const got = values(text);
      for (const [k, v] of Object.entries(expected)) expect(got[k], k).toBe(v);
    });
  }

  it("labelled values are surer than inferred ones", () => {
    const { readings } = extractFrontFields(
      ocr(
        "TEXAS DRIVER LICENSE\nDL 12345678\nDOB 01/02/1980\nEXP 01/02/2030\n12 OAK AVE\nAUSTIN, TX 78701\n01/02/2022",
      ),
    );
    expect(readings.DATE_OF_BIRTH!.confidence).toBeGreaterThan(readings.DATE_OF_ISSUE!.confidence);
  });
});

describe("text that is not a licence front yields nothing", () => {
  const notFronts: Array<[string, string]> = [
    ["nothing", ""],
    ["a car photo's stray words", "TOYOTA\n  ,,  ii\n~ :"],
    [
      "a licence back's printed text",
      "CLASS D: PASSENGER VEHICLES\nRESTRICTIONS: CORR LENS ENDORSEMENTS: NONE\nNEW YORK DEPARTMENT OF MOTOR VEHICLES",
    ],
    ["a receipt", "STARBUCKS STORE 1234\n2 LATTE 9.50\nTOTAL 9.50\nVISA 4242\n12/01/2024 10:31"],
    ["a letter", "Dear John Smith,\nThank you for your letter of 01/02/2024.\nSincerely,\nJane Doe"],
    ["a thousand lines of junk", Array.from({ length: 1000 }, (_, i) => `${i} ${"X".repeat(i % 400)}`).join("\n")],
  ];
  for (const [name, text] of notFronts) {
    it(name, () => {
      const { readings } = extractFrontFields(ocr(text));
      expect(readings.ID_TYPE).toBeUndefined();
      expect(Object.keys(readings)).toEqual([]);
    });
  }
});
