import type { ClaimFieldName } from "./labels";
import { parseClaimAmount } from "./plausibility";
import {
  type DateOptions,
  type Parsed,
  parseCity,
  parseCount,
  parseDate,
  parseHour,
  parseName,
  parsePolicyNumber,
  parseState,
  parseYesNo,
  US_STATES,
} from "./values";
import { mapAuthorities, mapCollisionType, mapIncidentType, mapSeverity } from "./vocabulary";

/** Fields whose values are words, where OCR's digits-for-letters can be undone first. */
export const WORDY_FIELDS = new Set<ClaimFieldName>([
  "incident_type",
  "collision_type",
  "incident_severity",
  "authorities_contacted",
  "police_report_available",
  "property_damage",
  "incident_city",
  "description",
]);

type FieldParser = (text: string, dates: DateOptions) => Parsed<string | number> | undefined;

export const PARSERS: Record<ClaimFieldName, FieldParser> = {
  claimant_name: (t) => parseName(t),
  policy_number: (t, d) => parsePolicyNumber(t, { ocr: d.ocr ?? false }),
  incident_date: (t, d) => parseDate(t, d),
  amount_claimed: (t, d) => parseClaimAmount(t, { ocr: d.ocr ?? false }),
  description: (t) => parseDescription(t),
  incident_type: (t) => mapIncidentType(t),
  collision_type: (t) => mapCollisionType(t),
  incident_severity: (t) => mapSeverity(t),
  authorities_contacted: (t) => mapAuthorities(t),
  police_report_available: (t) => parseYesNo(t),
  number_of_vehicles_involved: (t) => parseCount(t, 50),
  bodily_injuries: (t) => parseCount(t, 50),
  witnesses: (t) => parseCount(t, 50) ?? countNames(t),
  incident_state: (t) => parseState(t),
  incident_city: (t) => parseCity(t),
  incident_hour_of_the_day: (t) => parseHour(t) ?? bareHour(t),
  property_damage: (t) => parseYesNo(t),
};

function parseDescription(text: string): Parsed<string> | undefined {
  const value = text
    .replace(/\s+/g, " ")
    .replace(/^[\s:\-.]+/, "")
    .trim();
  if (value.split(" ").length < 3 || !/[a-z]{3}/i.test(value)) return undefined;
  return { value: value.slice(0, 1000), certainty: 1 };
}

function bareHour(text: string): Parsed<number> | undefined {
  const m = text.trim().match(/^(\d{1,2})(?:\s*(?:h|hrs?|hours|o'?clock))?$/i);
  if (!m) return undefined;
  const h = Number(m[1]);
  return h >= 0 && h <= 23 ? { value: h, certainty: 0.85 } : undefined;
}

function countNames(text: string): Parsed<number> | undefined {
  const parts = text
    .split(/,|;|\band\b/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0 || parts.length > 10) return undefined;
  if (!parts.every((p) => parseName(p))) return undefined;
  return { value: parts.length, certainty: 0.75 };
}

export function parseLocation(raw: string): { city?: string; state?: string } | undefined {
  const parts = raw
    .replace(/[ \t]+/g, " ")
    .split(/\s*,\s*|\s{2,}|\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const cityOf = (text: string | undefined) => {
    if (!text || /\d/.test(text)) return undefined;
    return parseCity(text)?.value;
  };
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i]!.replace(/\b\d{5}(?:-\d{4})?\b/, "")
      .replace(/\b(?:USA|US)\b\.?/, "")
      .trim();
    if (!part) continue;
    const inline = part.match(/^([A-Za-z][A-Za-z .'-]*?)\s+([A-Z]{2})$/);
    if (inline && parseState(inline[2]!)) {
      const city = cityOf(inline[1]);
      return { state: inline[2]!, ...(city ? { city } : {}) };
    }
    const whole =
      part.length === 2
        ? parseState(part)
        : US_STATES[part.toLowerCase()]
          ? { value: US_STATES[part.toLowerCase()]! }
          : undefined;
    if (whole) {
      const city = cityOf(parts[i - 1]);
      return { state: whole.value, ...(city ? { city } : {}) };
    }
  }
  return undefined;
}
