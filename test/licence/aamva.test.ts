import { describe, expect, it } from "vitest";
import { MAX_AAMVA_PAYLOAD, parseAamva } from "../../src/domain/licence";
import {
  aamvaFile,
  CALIFORNIA_V08,
  NEW_YORK_V03_MANGLED,
  OHIO_ID_CARD,
  ONTARIO_V09,
  TEXAS_V10_VETERAN,
  WASHINGTON_V01,
} from "./aamva-payloads";

const fieldsOf = (payload: string | Uint8Array) => {
  const r = parseAamva(payload);
  if (!r.ok) throw new Error(r.reason);
  return r.licence;
};

describe("AAMVA payloads of several versions and jurisdictions", () => {
  const cases: Array<
    [
      string,
      string,
      Record<string, string>,
      Partial<{ version: number; iin: string; subfileType: string; country: string }>,
    ]
  > = [
    [
      "California, version 08",
      CALIFORNIA_V08,
      {
        FIRST_NAME: "JOHN",
        MIDDLE_NAME: "QUINCY",
        LAST_NAME: "SAMPLE",
        ADDRESS: "123 MAIN STREET",
        CITY_IN_ADDRESS: "SACRAMENTO",
        STATE_IN_ADDRESS: "CA",
        ZIP_CODE_IN_ADDRESS: "95823",
        STATE_NAME: "CALIFORNIA",
        DOCUMENT_NUMBER: "I1234568",
        DATE_OF_BIRTH: "08/31/1977",
        EXPIRATION_DATE: "08/31/2029",
        DATE_OF_ISSUE: "08/31/2021",
        ID_TYPE: "DRIVER LICENSE BACK",
        CLASS: "C",
        RESTRICTIONS: "NONE",
        ENDORSEMENTS: "NONE",
      },
      { version: 8, iin: "636014", subfileType: "DL", country: "USA" },
    ],
    [
      "New York, version 03, header without RS/CR, padded values, given names in DCT",
      NEW_YORK_V03_MANGLED,
      {
        FIRST_NAME: "ALDO",
        MIDDLE_NAME: "RAY",
        LAST_NAME: "ADAMS",
        ADDRESS: "1234 ANY STREET",
        CITY_IN_ADDRESS: "ANYTOWN",
        STATE_IN_ADDRESS: "NY",
        ZIP_CODE_IN_ADDRESS: "11111",
        STATE_NAME: "NEW YORK",
        DOCUMENT_NUMBER: "123456789",
        DATE_OF_BIRTH: "02/02/1972",
        EXPIRATION_DATE: "02/02/2028",
        DATE_OF_ISSUE: "02/02/2019",
        CLASS: "DM",
        RESTRICTIONS: "NONE",
        ENDORSEMENTS: "NONE",
      },
      { version: 3, iin: "636001" },
    ],
    [
      "Washington, version 01: full name in DAA, CCYYMMDD dates",
      WASHINGTON_V01,
      {
        FIRST_NAME: "JOHN",
        MIDDLE_NAME: "Q",
        LAST_NAME: "PUBLIC",
        SUFFIX: "JR",
        ADDRESS: "1900 W 4TH AVE",
        CITY_IN_ADDRESS: "OLYMPIA",
        STATE_IN_ADDRESS: "WA",
        ZIP_CODE_IN_ADDRESS: "98501",
        STATE_NAME: "WASHINGTON",
        DOCUMENT_NUMBER: "WDLABCD456DG",
        DATE_OF_BIRTH: "07/04/1980",
        EXPIRATION_DATE: "07/04/2030",
        DATE_OF_ISSUE: "06/11/2022",
        CLASS: "D",
      },
      { version: 1, iin: "636045" },
    ],
    [
      "Ontario, version 09: Canadian CCYYMMDD dates and postal code",
      ONTARIO_V09,
      {
        FIRST_NAME: "EMILY",
        MIDDLE_NAME: "MARIE",
        LAST_NAME: "MORRISON",
        CITY_IN_ADDRESS: "TORONTO",
        STATE_IN_ADDRESS: "ON",
        ZIP_CODE_IN_ADDRESS: "M5V 2T6",
        STATE_NAME: "ONTARIO",
        DOCUMENT_NUMBER: "M88329667603029",
        DATE_OF_BIRTH: "02/14/1990",
        EXPIRATION_DATE: "02/14/2031",
        DATE_OF_ISSUE: "02/13/2023",
        CLASS: "G",
      },
      { version: 9, country: "CAN" },
    ],
    [
      "Texas, version 10: suffix, second street line, ZIP+4, veteran, place of birth, middle name NONE",
      TEXAS_V10_VETERAN,
      {
        FIRST_NAME: "CARLOS",
        LAST_NAME: "GARCIA",
        SUFFIX: "JR",
        ADDRESS: "500 OAK AVE APT 4",
        ZIP_CODE_IN_ADDRESS: "78701-1234",
        STATE_NAME: "TEXAS",
        DOCUMENT_NUMBER: "12345678",
        VETERAN: "VETERAN",
        PLACE_OF_BIRTH: "EL PASO TX",
        RESTRICTIONS: "B",
        ENDORSEMENTS: "M",
        DATE_OF_BIRTH: "01/15/1985",
      },
      { version: 10 },
    ],
    [
      "Ohio identification card (ID subfile)",
      OHIO_ID_CARD,
      {
        FIRST_NAME: "ANNA",
        LAST_NAME: "SMITH",
        DOCUMENT_NUMBER: "RS123456",
        STATE_NAME: "OHIO",
        DATE_OF_BIRTH: "03/12/1960",
      },
      { subfileType: "ID" },
    ],
    [
      "keyboard-wedge scanner output: CRLF line ends and C1 control noise",
      CALIFORNIA_V08.replace(/\n/g, "\r\n").replace("DCS", "\u0085DCS"),
      { LAST_NAME: "SAMPLE", FIRST_NAME: "JOHN", DOCUMENT_NUMBER: "I1234568", DATE_OF_BIRTH: "08/31/1977" },
      {},
    ],
    [
      "designator offsets that point at the wrong place",
      CALIFORNIA_V08.replace(/DL(\d{4})(\d{4})/, "DL0007$2"),
      { LAST_NAME: "SAMPLE", DOCUMENT_NUMBER: "I1234568" },
      {},
    ],
    [
      "'AAMVA' file type of 2000-era files",
      WASHINGTON_V01.replace("ANSI ", "AAMVA"),
      { LAST_NAME: "PUBLIC", DOCUMENT_NUMBER: "WDLABCD456DG" },
      {},
    ],
  ];
  for (const [name, payload, expected, meta] of cases) {
    it(name, () => {
      const licence = fieldsOf(payload);
      for (const [key, value] of Object.entries(expected))
        expect(licence.fields[key as keyof typeof licence.fields] ?? "", key).toBe(value);
      expect(licence).toMatchObject(meta);
    });
  }

  it("reads raw bytes as Latin-1", () => {
    const bytes = Uint8Array.from(CALIFORNIA_V08.replace("SAMPLE", "SAMPL\u00c9"), (c) => c.charCodeAt(0));
    expect(fieldsOf(bytes).fields.LAST_NAME).toBe("SAMPLÉ");
  });

  it("leaves out what the file does not carry, and turns NONE in a name into nothing", () => {
    const licence = fieldsOf(TEXAS_V10_VETERAN);
    expect(licence.fields.MIDDLE_NAME).toBeUndefined();
    expect(fieldsOf(CALIFORNIA_V08).fields.VETERAN).toBeUndefined();
    expect(fieldsOf(CALIFORNIA_V08).fields.COUNTY).toBeUndefined();
  });

  it("reads a US file that wrote CCYYMMDD anyway, and says which dates broke its rule", () => {
    const licence = fieldsOf(CALIFORNIA_V08.replace("DBB08311977", "DBB19770831"));
    expect(licence.fields.DATE_OF_BIRTH).toBe("08/31/1977");
    expect(licence.dateOrderFallbacks).toEqual(["DATE_OF_BIRTH"]);
  });

  it("drops a date that is no date in either order", () => {
    expect(fieldsOf(CALIFORNIA_V08.replace("DBA08312029", "DBA13452029")).fields.EXPIRATION_DATE).toBeUndefined();
    expect(fieldsOf(CALIFORNIA_V08.replace("DBA08312029", "DBA02302029")).fields.EXPIRATION_DATE).toBeUndefined();
  });
});

describe("malformed and hostile payloads are refused with a reason, never thrown", () => {
  const refused: Array<[string, string | Uint8Array, RegExp]> = [
    ["empty", "", /compliance indicator/],
    ["plain text", "hello world", /compliance indicator/],
    ["a URL from a QR code", "https://example.com/?a=1", /compliance indicator/],
    ["header only", "@\n\x1e\rANSI ", /6 digits/],
    ["letters in the IIN", "@\n\x1e\rANSI 63A014080102DL00410279", /6 digits/],
    ["no version", "@\n\x1e\rANSI 636014", /version/],
    ["zero entries", "@\n\x1e\rANSI 6360140801" + "00DL00410279DLDAQ1", /designator/],
    [
      "only a jurisdiction subfile",
      aamvaFile({ iin: "636014", version: "08", jurisdictionVersion: "01", subfiles: [["ZC", "ZCZCAX\n\r"]] }),
      /designator/,
    ],
    ["DL designated but absent", `@\n\x1e\rANSI 636014080101DL00310100${"ZZZZ".repeat(10)}`, /no DL subfile/],
    [
      "DL subfile without elements",
      aamvaFile({ iin: "636014", version: "08", jurisdictionVersion: "01", subfiles: [["DL", "DL\n\r"]] }),
      /no DL subfile|no data elements/,
    ],
    [
      "DL subfile with neither number nor name",
      aamvaFile({
        iin: "636014",
        version: "08",
        jurisdictionVersion: "01",
        subfiles: [["DL", "DLDAYBRO\nDAU070 IN\n\r"]],
      }),
      /neither a number nor a name/,
    ],
    ["longer than any PDF417", CALIFORNIA_V08 + "X".repeat(MAX_AAMVA_PAYLOAD), /longer than/],
    [
      "thousands of elements",
      aamvaFile({
        iin: "636014",
        version: "08",
        jurisdictionVersion: "01",
        subfiles: [["DL", `DL${Array.from({ length: 300 }, (_, i) => `DAQ${i}`).join("\n")}\r`]],
      }),
      /too many/,
    ],
  ];
  for (const [name, payload, reason] of refused) {
    it(name, () => {
      const r = parseAamva(payload);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(reason);
    });
  }

  it("survives 3,000 random corruptions of a real payload", () => {
    let seed = 12345;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    let parsed = 0;
    for (let i = 0; i < 3000; i++) {
      const chars = [...CALIFORNIA_V08];
      const edits = 1 + Math.floor(random() * 8);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * chars.length);
        const kind = random();
        if (kind < 0.4) chars[at] = String.fromCharCode(Math.floor(random() * 256));
        else if (kind < 0.7) chars.splice(at, 1 + Math.floor(random() * 20));
        else chars.splice(at, 0, String.fromCharCode(Math.floor(random() * 256)).repeat(1 + Math.floor(random() * 5)));
      }
      const r = parseAamva(chars.join(""));
      expect(typeof r.ok).toBe("boolean");
      if (r.ok) {
        parsed++;
        // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
        for (const v of Object.values(r.licence.fields)) expect(v).not.toMatch(/[\u0000-\u001f]/);
      }
    }
    expect(parsed).toBeGreaterThan(100);
  });
});
