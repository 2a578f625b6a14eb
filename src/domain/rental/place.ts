import { normalizeLabel } from "../settlement/label";
import { US_STATE_CODE_SET, US_STATE_CODES } from "./us-states";

/** Where a customer or a rental vendor is: any of an address's parts and, best, coordinates. */
export interface Place {
  city?: string | null;
  state?: string | null;
  zip?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

/** The USPS code for "CA", "ca" or "California"; undefined when it names no US state or territory. */
export function stateCode(state: string | null | undefined): string | undefined {
  if (!state) return undefined;
  const label = normalizeLabel(state);
  if (US_STATE_CODE_SET.has(label.toUpperCase())) return label.toUpperCase();
  return US_STATE_CODES[label] ?? US_STATE_CODES[label.replace(/^state of /, "")];
}

// Abbreviations a city name is written with either way.
const CITY_WORDS: Readonly<Record<string, string>> = {
  saint: "st",
  sainte: "ste",
  fort: "ft",
  mount: "mt",
  point: "pt",
  port: "pt",
};

/** A city name for comparison: "St. Louis" and "Saint Louis" meet, case and punctuation aside. */
export function cityKey(city: string | null | undefined): string | undefined {
  if (!city) return undefined;
  const key = normalizeLabel(city)
    .split(" ")
    .map((word) => CITY_WORDS[word] ?? word)
    .join(" ");
  return key === "" ? undefined : key;
}

/** The five-digit ZIP code of "94107", "94107-1234" or "94107 1234"; undefined otherwise. */
export function zip5(zip: string | null | undefined): string | undefined {
  if (!zip) return undefined;
  const match = /^(\d{5})(?:[- ]?\d{4})?$/.exec(String(zip).trim());
  return match?.[1];
}

export function coordinates(place: Place): { latitude: number; longitude: number } | undefined {
  const { latitude, longitude } = place;
  if (typeof latitude !== "number" || typeof longitude !== "number") return undefined;
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180)
    return undefined;
  return { latitude, longitude };
}
