// AAMVA DL/ID payloads as issuers write them, for the fixtures' PDF417 symbols: version 01
// (full name in DAA, CCYYMMDD dates), 03 (given names in DCT), 08–10 (DAC/DAD), Canadian
// files (CCYYMMDD), a jurisdiction Z subfile, and the mangled header some scanners produce.
import type { Person } from "./people";

export type PayloadStyle = "v01" | "v03" | "v08" | "v09" | "v10" | "v10-mangled-header";

const mdy = ([m, d, y]: [number, number, number]) => `${String(m).padStart(2, "0")}${String(d).padStart(2, "0")}${y}`;
const ymd = ([m, d, y]: [number, number, number]) => `${y}${String(m).padStart(2, "0")}${String(d).padStart(2, "0")}`;

export function aamvaPayload(p: Person, style: PayloadStyle): string {
  const version = style === "v01" ? 1 : style === "v03" ? 3 : style === "v08" ? 8 : style === "v09" ? 9 : 10;
  const canadian = p.place.country === "CAN";
  const date = version === 1 || canadian ? ymd : mdy;
  const zip = p.zip
    .replace(/[\s-]/g, "")
    .padEnd(canadian ? 6 : 9, "0")
    .padEnd(11, " ");
  const el: Array<[string, string]> = [];
  if (version === 1) {
    el.push(["DAQ", p.number], ["DAA", [p.last, p.first, p.middle, p.suffix].join(",").replace(/,+$/, "")]);
    el.push(["DAG", p.street], ["DAI", p.place.city], ["DAJ", p.place.state], ["DAK", zip]);
    el.push(["DAR", p.cls], ["DAS", p.restrictions], ["DAT", p.endorsements]);
    el.push(["DBA", date(p.expiry)], ["DBB", date(p.dob)], ["DBC", p.sex === "M" ? "1" : "2"], ["DBD", date(p.issue)]);
  } else {
    el.push(["DCA", p.cls], ["DCB", p.restrictions], ["DCD", p.endorsements], ["DBA", date(p.expiry)], ["DCS", p.last]);
    if (version === 3) el.push(["DCT", [p.first, p.middle].filter(Boolean).join(",")]);
    else el.push(["DAC", p.first], ["DAD", p.middle || "NONE"]);
    if (version >= 4 && p.suffix) el.push(["DCU", p.suffix]);
    el.push(
      ["DBD", date(p.issue)],
      ["DBB", date(p.dob)],
      ["DBC", p.sex === "M" ? "1" : "2"],
      ["DAY", "BRO"],
      ["DAU", "069 IN"],
    );
    el.push(["DAG", p.street], ["DAI", p.place.city], ["DAJ", p.place.state], ["DAK", zip], ["DAQ", p.number]);
    el.push(
      ["DCF", `${p.number.slice(-4)}${p.issue[2]}${p.dob[0]}DF`],
      ["DCG", p.place.country],
      ["DDE", "N"],
      ["DDF", "N"],
      ["DDG", "N"],
    );
    if (version >= 8 && p.veteran) el.push(["DDL", "1"]);
  }
  const dl = `DL${el.map(([k, v]) => k + v).join("\n")}\n\r`;
  const z = `Z${p.place.state[0]}Z${p.place.state[0]}A${p.place.state}\n\r`;
  const entries = 2;
  const headerLength = 4 + 5 + 6 + 2 + (version >= 2 ? 2 : 0) + 2 + entries * 10;
  const designator = (type: string, offset: number, length: number) =>
    `${type}${String(offset).padStart(4, "0")}${String(length).padStart(4, "0")}`;
  const designators =
    designator("DL", headerLength, dl.length) + designator(`Z${p.place.state[0]}`, headerLength + dl.length, z.length);
  const prefix = style === "v10-mangled-header" ? "@\n\nANSI " : "@\n\x1e\rANSI ";
  const versions = String(version).padStart(2, "0") + (version >= 2 ? "01" : "");
  return `${prefix}${p.place.iin}${versions}${String(entries).padStart(2, "0")}${designators}${dl}${z}`;
}
