// Vehicle identification numbers (ISO 3779 with the North-American check digit, 49 CFR 565).

const TRANSLITERATION: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
// Position 10 encodes the model year in a 30-year cycle (no I, O, Q, U, Z or 0).
const YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789";

export type VinCheck = { ok: true; vin: string } | { ok: false; reason: string };

const characterValue = (char: string): number => (/\d/.test(char) ? Number(char) : (TRANSLITERATION[char] ?? -1));

/** The check digit (position 9) a VIN must carry: 0–9 or X. */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += characterValue(vin[i]!) * WEIGHTS[i]!;
  const remainder = sum % 11;
  return remainder === 10 ? "X" : String(remainder);
}

/** The two model years (30 years apart) position 10 can mean, or undefined when it encodes none. */
export function vinModelYears(vin: string): [number, number] | undefined {
  const index = YEAR_CODES.indexOf(vin[9] ?? "");
  if (index < 0) return undefined;
  return [1980 + index, 2010 + index];
}

/**
 * A VIN as entered (any case, spaces or dashes between groups) → the 17 characters, or why not:
 * length, I/O/Q, the check digit, and — when position 10 encodes a year — the model year given.
 */
export function checkVin(raw: string, modelYear?: number): VinCheck {
  const vin = raw.toUpperCase().replace(/[\s-]/g, "");
  if (vin.length !== 17) return { ok: false, reason: `must be 17 characters (got ${vin.length})` };
  if (/[IOQ]/.test(vin)) return { ok: false, reason: "must not contain the letters I, O or Q" };
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(vin)) return { ok: false, reason: "may contain only letters and digits" };
  const expected = vinCheckDigit(vin);
  if (vin[8] !== expected) return { ok: false, reason: "check digit (9th character) does not match" };
  const years = vinModelYears(vin);
  if (modelYear !== undefined && years && !years.includes(modelYear)) {
    return { ok: false, reason: `encodes model year ${years[0]} or ${years[1]}, not ${modelYear}` };
  }
  return { ok: true, vin };
}
