// The facts of one made-up auto claim: the claimant and their policy, the loss, and the
// numbers around them that a reader must not confuse with the claim's own (report and
// policy dates, date of birth, deductible, VIN, phone numbers, zip codes, the other
// party's policy and estimate).
import type { Random } from "./random";

const FIRST = [
  "Maria",
  "Robert",
  "James",
  "Aisha",
  "Wei",
  "Priya",
  "Daniel",
  "Olivia",
  "Mohammed",
  "Sofia",
  "Liam",
  "Emma",
  "Noah",
  "Grace",
  "Lucas",
  "Hannah",
  "Mateo",
  "Chloe",
  "Ethan",
  "Fatima",
  "Jonas",
  "Ingrid",
  "Carlos",
  "Mei",
  "Tyrone",
  "Keisha",
  "Patrick",
  "Siobhan",
  "Dmitri",
  "Anya",
  "Kwame",
  "Ama",
  "Hiroshi",
  "Yuki",
  "Rafael",
  "Lucia",
  "Samuel",
  "Rachel",
  "Oluwaseun",
  "Bianca",
  "Victor",
  "Elena",
  "Marcus",
  "Jessica",
  "Thomas",
  "Patricia",
  "Kevin",
  "Linda",
  "Omar",
  "Leila",
];
const MIDDLE = ["Anne", "James", "Lee", "Marie", "J.", "R.", "Elizabeth", "Michael", "Ann", "David", "K.", "Louise"];
const LAST = [
  "Garcia-Lopez",
  "Thompson",
  "Nguyen",
  "O'Brien",
  "McAllister",
  "Patel",
  "Okafor",
  "Schmidt",
  "Kowalski",
  "Rossi",
  "Johnson",
  "Williams",
  "Brown",
  "Davis",
  "Martinez",
  "Anderson",
  "Taylor",
  "Moore",
  "Jackson",
  "White",
  "Harris",
  "Clark",
  "Lewis",
  "Walker",
  "Young",
  "Hernandez",
  "King",
  "Wright",
  "Lopez",
  "Hill",
  "Scott",
  "Green",
  "Adams",
  "Baker",
  "Nelson",
  "Carter",
  "Mitchell",
  "Roberts",
  "Turner",
  "Phillips",
  "Campbell",
  "Parker",
  "Evans",
  "Edwards",
  "Collins",
  "Stewart",
  "Sanchez",
  "Morris",
  "Rogers",
  "Reed",
  "Cook",
  "Morgan",
  "Bell",
  "Murphy",
  "Bailey",
  "Rivera",
  "Cooper",
  "Richardson",
  "Cox",
  "Howard",
  "Ward",
  "Torres",
  "Peterson",
  "Gray",
  "Ramirez",
  "Watson",
  "Brooks",
  "Van der Berg",
  "St. Clair",
  "Abernathy-Cole",
  "Yamamoto",
  "Haddad",
  "Fitzgerald",
];
export const CITIES: Array<[string, string, string]> = [
  ["Columbus", "OH", "43215"],
  ["Austin", "TX", "78704"],
  ["Springfield", "IL", "62701"],
  ["Riverside", "CA", "92501"],
  ["Albany", "NY", "12207"],
  ["Tampa", "FL", "33602"],
  ["Denver", "CO", "80202"],
  ["Portland", "OR", "97205"],
  ["Charlotte", "NC", "28202"],
  ["Madison", "WI", "53703"],
  ["Phoenix", "AZ", "85004"],
  ["Nashville", "TN", "37203"],
  ["Boise", "ID", "83702"],
  ["Richmond", "VA", "23219"],
  ["Omaha", "NE", "68102"],
  ["Salt Lake City", "UT", "84101"],
];
const STREETS = [
  "Oak Valley Drive",
  "Main Street",
  "Broad Street",
  "Elm Avenue",
  "Lakeshore Blvd",
  "Maple Court",
  "Cedar Lane",
  "Pine Road",
  "Hillcrest Way",
  "Riverside Parkway",
];
const MAKES: Array<[string, string[]]> = [
  ["Honda", ["Civic", "Accord", "CR-V"]],
  ["Toyota", ["Camry", "Corolla", "RAV4"]],
  ["Ford", ["F-150", "Escape", "Focus"]],
  ["Chevrolet", ["Malibu", "Equinox", "Silverado"]],
  ["Nissan", ["Altima", "Rogue"]],
  ["Subaru", ["Outback", "Forester"]],
  ["Hyundai", ["Elantra", "Tucson"]],
  ["BMW", ["330i", "X3"]],
  ["Kia", ["Soul", "Sorento"]],
  ["Mazda", ["CX-5", "Mazda3"]],
];
const INSURERS = [
  "Northwind Mutual",
  "Lakeside Insurance Co.",
  "Granite State Casualty",
  "Bluebonnet Auto Insurance",
  "Harbor Point Insurance",
  "Summit Assurance",
  "Prairie Farm Mutual",
  "Coastal Indemnity",
];
const SHOPS = [
  "Joe's Auto Body & Collision",
  "Precision Collision Center",
  "Main Street Body Works",
  "Eastside Auto Repair",
  "Reliable Paint & Body",
  "Quality Collision Repair",
];

export type IncidentType = "Single Vehicle Collision" | "Multi-vehicle Collision" | "Vehicle Theft" | "Parked Car";

export interface Person {
  first: string;
  middle?: string;
  last: string;
}

export interface Vehicle {
  year: number;
  make: string;
  model: string;
  vin: string;
  plate: string;
}

export interface ClaimFacts {
  claimant: Person;
  /** How the name is written on this document (first-middle-last order is the expected value). */
  policyNumber: string;
  insurer: string;
  claimNumber: string;
  lossDate: Date;
  lossHour: number;
  lossMinute: number;
  reportDate: Date;
  policyEffective: Date;
  policyExpiration: Date;
  birthDate: Date;
  amount: number;
  deductible: number;
  phone: string;
  altPhone: string;
  street: string;
  city: string;
  state: string;
  zip: string;
  vehicle: Vehicle;
  incidentType: IncidentType;
  otherParty?: {
    person: Person;
    insurer: string;
    policyNumber: string;
    estimate: number;
    vehicle: Vehicle;
    phone: string;
  };
  witnesses: Person[];
  injured: Person[];
  policeDepartment?: string;
  policeReport?: string;
  shop: string;
}

export const fullName = (p: Person) => [p.first, p.middle, p.last].filter(Boolean).join(" ");

function person(rng: Random, middle = 0.3): Person {
  return { first: rng.pick(FIRST), last: rng.pick(LAST), ...(rng.chance(middle) ? { middle: rng.pick(MIDDLE) } : {}) };
}

function vin(rng: Random): string {
  // VINs never use I, O or Q; they carry many digits (a trap for amount and date readers).
  return (
    rng.letters(1, "123456789JKLS") +
    rng.letters(2, "ABCDEFGHJKLMNPRSTUVWXYZ") +
    rng.digits(2) +
    rng.letters(3, "ABCDEFGHJKLMNPRSTUVWXYZ0123456789") +
    rng.digits(9)
  );
}

function vehicle(rng: Random): Vehicle {
  const [make, models] = rng.pick(MAKES);
  return {
    year: rng.int(2008, 2025),
    make,
    model: rng.pick(models),
    vin: vin(rng),
    plate: `${rng.letters(3)}-${rng.digits(4)}`,
  };
}

const phone = (rng: Random) => `(${rng.int(201, 989)}) ${rng.int(200, 989)}-${rng.digits(4)}`;

/** Policy numbers as insurers write them, including letters that OCR confuses with digits. */
export function policyNumber(rng: Random): string {
  const year = rng.int(2018, 2026);
  switch (rng.int(0, 7)) {
    case 0:
      return `${rng.pick(["POL", "AUT", "PA", "CAR"])}-${year}-${rng.digits(6)}`;
    case 1:
      return `${rng.pick(["HOM", "BOS", "LOB", "ZIO", "SIB"])}${rng.digits(6)}-${rng.digits(2)}`;
    case 2:
      return `${rng.letters(2)}-AUTO-${year}-${rng.digits(6)}`;
    case 3:
      return `${rng.int(1, 9)}${rng.digits(9)}`;
    case 4:
      return `${rng.letters(1)}${rng.digits(8)}`;
    case 5:
      return `${rng.letters(2)}${rng.digits(7)}${rng.letters(1)}`;
    case 6:
      return `${rng.digits(3)}-${rng.digits(4)}-${rng.letters(2, "ABCDEFGHJKLMNOPRSTUVWXYZ")}`;
    default:
      return `${rng.pick(["PAP", "AU", "OH"])}${rng.digits(4)}${rng.letters(1, "OIBSZ")}${rng.digits(3)}`;
  }
}

const DAY = 86_400_000;
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY);

/** Round amounts, cents, and everything between, from small repairs to total losses. */
function amount(rng: Random): number {
  const scale = rng.pick([900, 2500, 6000, 15000, 42000]);
  const value = rng.float(0.35, 1.6) * scale;
  if (rng.chance(0.25)) return Math.round(value / 50) * 50;
  return Math.round(value * 100) / 100;
}

export function claimFacts(rng: Random): ClaimFacts {
  const lossDate = new Date(Date.UTC(rng.int(2023, 2026), rng.int(0, 11), rng.int(1, 28)));
  const latest = Date.UTC(2026, 9, 31);
  if (lossDate.getTime() > latest) lossDate.setTime(latest - rng.int(0, 200) * DAY);
  const term = rng.pick([182, 365]);
  // The loss falls inside the policy period, usually well into it.
  const policyEffective = addDays(lossDate, -rng.int(10, term - 10));
  const [city, state, zip] = rng.pick(CITIES);
  const incidentType = rng.pick<IncidentType>([
    "Multi-vehicle Collision",
    "Multi-vehicle Collision",
    "Single Vehicle Collision",
    "Parked Car",
    "Vehicle Theft",
  ]);
  const twoVehicles = incidentType === "Multi-vehicle Collision" || incidentType === "Parked Car";
  const claimantAmount = amount(rng);
  const police = incidentType === "Vehicle Theft" || rng.chance(0.6);
  return {
    claimant: person(rng),
    policyNumber: policyNumber(rng),
    insurer: rng.pick(INSURERS),
    claimNumber: `CLM-${rng.digits(2)}-${rng.digits(6)}`,
    lossDate,
    lossHour: rng.int(0, 23),
    lossMinute: rng.pick([0, 5, 10, 15, 20, 30, 40, 45, 50]),
    reportDate: addDays(lossDate, rng.int(1, 25)),
    policyEffective,
    policyExpiration: addDays(policyEffective, term),
    birthDate: new Date(Date.UTC(rng.int(1948, 2004), rng.int(0, 11), rng.int(1, 28))),
    amount: claimantAmount,
    deductible: rng.pick([250, 500, 500, 1000, 2500]),
    phone: phone(rng),
    altPhone: phone(rng),
    street: `${rng.int(12, 9800)} ${rng.pick(STREETS)}`,
    city,
    state,
    zip,
    vehicle: vehicle(rng),
    incidentType,
    ...(twoVehicles
      ? {
          otherParty: {
            person: person(rng, 0.2),
            insurer: rng.pick(INSURERS),
            policyNumber: policyNumber(rng),
            estimate: amount(rng),
            vehicle: vehicle(rng),
            phone: phone(rng),
          },
        }
      : {}),
    witnesses: Array.from({ length: rng.pick([0, 0, 1, 2]) }, () => person(rng, 0)),
    injured: Array.from({ length: rng.pick([0, 0, 0, 1, 2]) }, () => person(rng, 0)),
    ...(police
      ? {
          policeDepartment: `${city} Police Department`,
          policeReport: `${rng.letters(2)}-${rng.digits(4)}-${rng.digits(5)}`,
        }
      : {}),
    shop: rng.pick(SHOPS),
  };
}

/** What a reader must return for the four core fields. */
export interface ExpectedFields {
  claimant_name: string;
  policy_number: string;
  incident_date: string;
  amount_claimed: number;
  [field: string]: string | number;
}

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export function expectedCore(f: ClaimFacts, amountClaimed = f.amount): ExpectedFields {
  return {
    claimant_name: fullName(f.claimant),
    policy_number: f.policyNumber,
    incident_date: isoDate(f.lossDate),
    amount_claimed: amountClaimed,
  };
}

export const addDaysTo = addDays;
