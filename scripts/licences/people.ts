// Made-up licence holders for the fixtures: names, addresses and dates drawn from a seeded
// generator, so the same seed always gives the same people.

export type Random = () => number;

export function seeded(seed: number): Random {
  // Scrambled first, so that neighbouring seeds give unrelated sequences.
  let s = Math.imul((seed ^ 0x9e3779b9) >>> 0, 0x85ebca6b) >>> 0 || 1;
  s = Math.imul(s ^ (s >>> 13), 0xc2b2ae35) >>> 0 || 1;
  return () => {
    // xorshift32
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

export const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
export const int = (r: Random, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const FIRST = [
  "JOHN",
  "MARIA",
  "JELANI",
  "PRIYA",
  "ROBERT",
  "LINDA",
  "CARLOS",
  "AISHA",
  "WEI",
  "EMILY",
  "DAVID",
  "SOFIA",
  "MICHAEL",
  "GRACE",
  "OMAR",
  "HANNAH",
  "DMITRI",
  "CHLOE",
  "KWAME",
  "ISABEL",
  "NATHAN",
  "FATIMA",
  "LUCAS",
  "YUKI",
];
const MIDDLE = ["QUINCY", "ANN", "LEE", "MARIE", "JAMES", "ROSE", "A", "T", "K", "ELENA", "RAY", "", "", ""];
const LAST = [
  "SAMPLE",
  "GARCIA",
  "OKAFOR",
  "NGUYEN",
  "SMITH",
  "JOHNSON",
  "PATEL",
  "MARTINEZ",
  "BROWN",
  "KOWALSKI",
  "ANDERSON",
  "WILLIAMS",
  "O'BRIEN",
  "HERNANDEZ",
  "TAYLOR",
  "MORRISON",
  "CHEN",
  "MILLER",
  "DUBOIS",
  "ROBINSON",
];
const STREETS = [
  "MAIN ST",
  "OAK AVE",
  "PINE ST",
  "MAPLE DR",
  "CEDAR LN",
  "ELM ST",
  "LAKEVIEW BLVD",
  "HIGHLAND AVE",
  "SUNSET RD",
  "RIVER RD",
  "PARK PL",
  "2ND ST",
];

export interface Place {
  state: string;
  stateName: string;
  iin: string;
  city: string;
  zip: string;
  country: "USA" | "CAN";
}

export const PLACES: readonly Place[] = [
  { state: "CA", stateName: "CALIFORNIA", iin: "636014", city: "SACRAMENTO", zip: "95823", country: "USA" },
  { state: "AZ", stateName: "ARIZONA", iin: "636026", city: "PHOENIX", zip: "85007", country: "USA" },
  { state: "TX", stateName: "TEXAS", iin: "636015", city: "AUSTIN", zip: "78701", country: "USA" },
  { state: "FL", stateName: "FLORIDA", iin: "636010", city: "TALLAHASSEE", zip: "32301", country: "USA" },
  { state: "NY", stateName: "NEW YORK", iin: "636001", city: "ALBANY", zip: "12207", country: "USA" },
  { state: "OH", stateName: "OHIO", iin: "636023", city: "COLUMBUS", zip: "43215", country: "USA" },
  { state: "WA", stateName: "WASHINGTON", iin: "636045", city: "OLYMPIA", zip: "98501", country: "USA" },
  { state: "CO", stateName: "COLORADO", iin: "636020", city: "DENVER", zip: "80202", country: "USA" },
  { state: "ON", stateName: "ONTARIO", iin: "636012", city: "TORONTO", zip: "M5V 2T6", country: "CAN" },
];

export interface Person {
  first: string;
  middle: string;
  last: string;
  suffix: string;
  street: string;
  place: Place;
  zip: string;
  number: string;
  dob: [number, number, number];
  issue: [number, number, number];
  expiry: [number, number, number];
  cls: string;
  endorsements: string;
  restrictions: string;
  veteran: boolean;
  sex: "M" | "F";
}

const NUMBER_SHAPES: Record<string, (r: Random) => string> = {
  CA: (r) => `${pick(r, ["A", "B", "D", "F", "I", "Y"])}${digits(r, 7)}`,
  AZ: (r) => `D${digits(r, 8)}`,
  TX: (r) => digits(r, 8),
  FL: (r) => `${pick(r, ["S", "G", "M", "B"])}${digits(r, 12)}`,
  NY: (r) => digits(r, 9),
  OH: (r) => `${pick(r, ["RS", "TK", "SW"])}${digits(r, 6)}`,
  WA: (r) => `WDL${pick(r, ["AB", "KX", "PQ"])}${digits(r, 4)}${pick(r, ["B", "C"])}`,
  CO: (r) => `${digits(r, 2)}${digits(r, 3)}${digits(r, 4)}`,
  ON: (r) => `${pick(r, ["S", "K", "M"])}${digits(r, 14)}`,
};

function digits(r: Random, n: number): string {
  let s = String(int(r, 1, 9));
  while (s.length < n) s += String(int(r, 0, 9));
  return s;
}

export function makePerson(r: Random, place: Place): Person {
  const by = int(r, 1950, 2004);
  const iy = int(r, 2016, 2024);
  const dob: [number, number, number] = [int(r, 1, 12), int(r, 1, 28), by];
  const zip4 = r() < 0.3 && place.country === "USA" ? `-${digits(r, 4)}` : "";
  return {
    first: pick(r, FIRST),
    middle: pick(r, MIDDLE),
    last: pick(r, LAST),
    suffix: r() < 0.12 ? pick(r, ["JR", "SR", "III"]) : "",
    street: `${int(r, 1, 9899)} ${pick(r, STREETS)}`,
    place,
    zip: place.zip + zip4,
    number: NUMBER_SHAPES[place.state]!(r),
    dob,
    issue: [int(r, 1, 12), int(r, 1, 28), iy],
    expiry: [dob[0], dob[1], iy + int(r, 4, 8)],
    cls: pick(r, ["C", "D", "D", "E", "M", "A", "CM"]),
    endorsements: pick(r, ["NONE", "NONE", "NONE", "M", "P", "H"]),
    restrictions: pick(r, ["NONE", "NONE", "B", "A", "CORR LENS"]),
    veteran: r() < 0.25,
    sex: r() < 0.5 ? "M" : "F",
  };
}

export const us = ([m, d, y]: [number, number, number]) =>
  `${String(m).padStart(2, "0")}/${String(d).padStart(2, "0")}/${y}`;
