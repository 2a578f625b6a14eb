// AAMVA payloads in the forms issuers and scanners produce them, for the parser's tables.
// Names, numbers and addresses are made up; the structure follows the DL/ID Card Design Standard.

/** Builds header + designators with correct offsets around the given subfiles. */
export function aamvaFile(opts: {
  iin: string;
  version: string;
  jurisdictionVersion?: string;
  subfiles: Array<[string, string]>;
  prefix?: string;
  fileType?: string;
}): string {
  const prefix = opts.prefix ?? "@\n\x1e\r";
  const head = `${prefix}${opts.fileType ?? "ANSI "}${opts.iin}${opts.version}${opts.jurisdictionVersion ?? ""}${String(opts.subfiles.length).padStart(2, "0")}`;
  let offset = head.length + opts.subfiles.length * 10;
  let designators = "";
  for (const [type, body] of opts.subfiles) {
    designators += `${type}${String(offset).padStart(4, "0")}${String(body.length).padStart(4, "0")}`;
    offset += body.length;
  }
  return head + designators + opts.subfiles.map(([, body]) => body).join("");
}

const subfile = (type: string, elements: string[]) => `${type}${elements.join("\n")}\n\r`;

export const CALIFORNIA_V08 = aamvaFile({
  iin: "636014",
  version: "08",
  jurisdictionVersion: "01",
  subfiles: [
    [
      "DL",
      subfile("DL", [
        "DCAC",
        "DCBNONE",
        "DCDNONE",
        "DBA08312029",
        "DCSSAMPLE",
        "DACJOHN",
        "DADQUINCY",
        "DBD08312021",
        "DBB08311977",
        "DBC1",
        "DAYBRO",
        "DAU069 IN",
        "DAG123 MAIN STREET",
        "DAISACRAMENTO",
        "DAJCA",
        "DAK958230000  ",
        "DAQI1234568",
        "DCF08/31/202163ABC/AAFD/29",
        "DCGUSA",
        "DDEN",
        "DDFN",
        "DDGN",
      ]),
    ],
    ["ZC", subfile("ZC", ["ZCAGRN", "ZCBBRN"])],
  ],
});

/** New York, 2005 standard (version 03): given names in DCT, padded values, scanner-mangled header. */
export const NEW_YORK_V03_MANGLED = aamvaFile({
  prefix: "@\n\n",
  iin: "636001",
  version: "03",
  jurisdictionVersion: "03",
  subfiles: [
    [
      "DL",
      subfile("DL", [
        "DCADM  ",
        "DCBNONE      ",
        "DCDNONE ",
        "DBA02022028",
        "DCSADAMS                  ",
        "DCTALDO,RAY              ",
        "DBD02022019",
        "DBB02021972",
        "DBC1",
        "DAYBRO",
        "DAU601   ",
        "DAG1234 ANY STREET       ",
        "DAIANYTOWN             ",
        "DAJNY",
        "DAK111110000  ",
        "DAQ123456789",
        "DCFABC123",
        "DCGUSA",
        "DDAF",
        "DDB09092017",
      ]),
    ],
    ["ZN", subfile("ZN", ["ZNAABC"])],
  ],
});

/** AAMVA DL/ID-2000 (version 01): full name in DAA, CCYYMMDD dates, no jurisdiction version. */
export const WASHINGTON_V01 = aamvaFile({
  iin: "636045",
  version: "01",
  subfiles: [
    [
      "DL",
      subfile("DL", [
        "DAQWDLABCD456DG",
        "DAAPUBLIC,JOHN,Q,JR",
        "DAG1900 W 4TH AVE",
        "DAIOLYMPIA",
        "DAJWA",
        "DAK985010000",
        "DARD",
        "DASNONE",
        "DATNONE",
        "DBA20300704",
        "DBB19800704",
        "DBC1",
        "DBD20220611",
      ]),
    ],
  ],
});

/** Ontario (Canada), version 09: CCYYMMDD dates, a postal code, country CAN. */
export const ONTARIO_V09 = aamvaFile({
  iin: "636012",
  version: "09",
  jurisdictionVersion: "00",
  subfiles: [
    [
      "DL",
      subfile("DL", [
        "DCAG",
        "DCBNONE",
        "DCDNONE",
        "DBA20310214",
        "DCSMORRISON",
        "DACEMILY",
        "DADMARIE",
        "DBD20230213",
        "DBB19900214",
        "DBC2",
        "DAYBLU",
        "DAU165 CM",
        "DAG9284 PARK PL",
        "DAITORONTO",
        "DAJON",
        "DAKM5V2T6",
        "DAQM88329667603029",
        "DCFON123",
        "DCGCAN",
        "DDEN",
        "DDFN",
        "DDGN",
      ]),
    ],
  ],
});

/** Version 10 with a suffix, a second street line, a veteran and a place of birth. */
export const TEXAS_V10_VETERAN = aamvaFile({
  iin: "636015",
  version: "10",
  jurisdictionVersion: "00",
  subfiles: [
    [
      "DL",
      subfile("DL", [
        "DCAC",
        "DCBB",
        "DCDM",
        "DBA01152030",
        "DCSGARCIA",
        "DACCARLOS",
        "DADNONE",
        "DCUJR",
        "DBD01152022",
        "DBB01151985",
        "DBC1",
        "DAYBRN",
        "DAU070 IN",
        "DAG500 OAK AVE",
        "DAHAPT 4",
        "DAIAUSTIN",
        "DAJTX",
        "DAK787011234",
        "DAQ12345678",
        "DCFTX987",
        "DCGUSA",
        "DCIEL PASO TX",
        "DDEN",
        "DDFN",
        "DDGN",
        "DDL1",
      ]),
    ],
    ["ZT", subfile("ZT", ["ZTAX"])],
  ],
});

/** An identification card (ID subfile), not a driver's licence. */
export const OHIO_ID_CARD = aamvaFile({
  iin: "636023",
  version: "09",
  jurisdictionVersion: "00",
  subfiles: [
    [
      "ID",
      subfile("ID", [
        "DBA03122031",
        "DCSSMITH",
        "DACANNA",
        "DADLEE",
        "DBD03122023",
        "DBB03121960",
        "DBC2",
        "DAG1 HIGH ST",
        "DAICOLUMBUS",
        "DAJOH",
        "DAK43215",
        "DAQRS123456",
        "DCGUSA",
      ]),
    ],
  ],
});
