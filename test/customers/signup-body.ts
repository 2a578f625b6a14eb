import { vinCheckDigit } from "../../src/domain/customers/vin";

const VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
const YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789";

/** A valid VIN for a model year: random characters, the year code at position 10, the check digit at 9. */
export function randomVin(year: number): string {
  const random = () => VIN_CHARS[Math.floor(Math.random() * VIN_CHARS.length)]!;
  const chars = Array.from({ length: 17 }, random);
  chars[9] = YEAR_CODES[(year - 1980) % 30]!;
  chars[8] = "0";
  chars[8] = vinCheckDigit(chars.join(""));
  return chars.join("");
}

/** A nine-digit SSN of the issued shape, random enough to be unique per test. */
export const randomSsn = () => {
  const area = String(100 + Math.floor(Math.random() * 500)).padStart(3, "0");
  const group = String(10 + Math.floor(Math.random() * 89));
  const serial = String(1000 + Math.floor(Math.random() * 8999));
  return `${area}-${group}-${serial}`;
};

export interface SignupOverrides {
  first_name?: string;
  last_name?: string;
  email?: string;
  color?: string;
  vin?: string;
  ssn?: string;
  year?: number;
  address?: { street: string; city: string; state: string; zip: string };
  make?: string;
  type?: string;
}

/** A signup as the app sends it (the walkthrough's customer), unique where it must be. */
export function signupBody(overrides: SignupOverrides = {}) {
  const year = overrides.year ?? 2019;
  return {
    email: overrides.email ?? `customer-${crypto.randomUUID().slice(0, 8)}@claimsedge.test`,
    password: "customer-password-1",
    first_name: overrides.first_name ?? "Connor",
    last_name: overrides.last_name ?? "Sample",
    ssn: overrides.ssn ?? randomSsn(),
    address: overrides.address ?? { street: "124 Main St", city: "Phoenix", state: "AZ", zip: "85007" },
    vehicle: {
      make: overrides.make ?? "Honda",
      model: "Accord",
      color: overrides.color ?? "Green",
      type: overrides.type ?? "Sedan",
      year,
      mileage: 42000,
      vin: overrides.vin ?? randomVin(year),
    },
  };
}
