// An adjuster's correction of one field read from a claim document: checked against the field's
// vocabulary, applied to the stored extraction, with the reader's original value kept beside it.
import { toCents } from "../money";
import { normalizePolicyNumber } from "../policies";
import type { ClaimFieldName } from "./labels";
import { parseState } from "./values";
import { AUTHORITIES, COLLISION_TYPES, INCIDENT_SEVERITIES, INCIDENT_TYPES } from "./vocabulary";

type FieldKind =
  | { kind: "text"; maxLength: number }
  | { kind: "choice"; values: readonly string[] }
  | { kind: "count"; max: number }
  | { kind: "hour" }
  | { kind: "date" }
  | { kind: "money" }
  | { kind: "state" }
  | { kind: "policy_number" };

/** Every field the document reader extracts, and what a corrected value must be. */
export const CORRECTABLE_FIELDS: Record<ClaimFieldName, FieldKind> = {
  claimant_name: { kind: "text", maxLength: 200 },
  policy_number: { kind: "policy_number" },
  incident_date: { kind: "date" },
  amount_claimed: { kind: "money" },
  description: { kind: "text", maxLength: 1000 },
  incident_type: { kind: "choice", values: INCIDENT_TYPES },
  collision_type: { kind: "choice", values: COLLISION_TYPES },
  incident_severity: { kind: "choice", values: INCIDENT_SEVERITIES },
  authorities_contacted: { kind: "choice", values: AUTHORITIES },
  police_report_available: { kind: "choice", values: ["YES", "NO"] },
  number_of_vehicles_involved: { kind: "count", max: 50 },
  bodily_injuries: { kind: "count", max: 50 },
  witnesses: { kind: "count", max: 50 },
  incident_state: { kind: "state" },
  incident_city: { kind: "text", maxLength: 100 },
  incident_hour_of_the_day: { kind: "hour" },
  property_damage: { kind: "choice", values: ["YES", "NO"] },
};

export const CORRECTABLE_FIELD_NAMES = Object.keys(CORRECTABLE_FIELDS) as [ClaimFieldName, ...ClaimFieldName[]];

export type CorrectedValue = string | number;
type Checked = { ok: true; value: CorrectedValue } | { ok: false; problem: string };

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const asText = (value: CorrectedValue) => (typeof value === "number" ? String(value) : value.trim());
const asNumber = (value: CorrectedValue) =>
  typeof value === "number" ? value : /^-?\d+(?:\.\d+)?$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;

/** The value as the field stores it, or why it cannot be. `today` is YYYY-MM-DD (UTC). */
export function checkFieldValue(field: ClaimFieldName, value: CorrectedValue, today: string): Checked {
  const spec = CORRECTABLE_FIELDS[field];
  const text = asText(value);
  if (CONTROL.test(text)) return { ok: false, problem: "must not contain control characters" };
  switch (spec.kind) {
    case "text":
      if (!text) return { ok: false, problem: "must not be empty (send null to clear the field)" };
      if (text.length > spec.maxLength) return { ok: false, problem: `must be at most ${spec.maxLength} characters` };
      return { ok: true, value: text.replace(/\s+/g, " ") };
    case "choice": {
      const match = spec.values.find((v) => v.toLowerCase() === text.toLowerCase());
      return match ? { ok: true, value: match } : { ok: false, problem: `must be one of ${spec.values.join(", ")}` };
    }
    case "count": {
      const n = asNumber(value);
      return Number.isInteger(n) && n >= 0 && n <= spec.max
        ? { ok: true, value: n }
        : { ok: false, problem: `must be a whole number from 0 to ${spec.max}` };
    }
    case "hour": {
      const n = asNumber(value);
      return Number.isInteger(n) && n >= 0 && n <= 23
        ? { ok: true, value: n }
        : { ok: false, problem: "must be a whole hour from 0 to 23" };
    }
    case "date": {
      const date = text.match(/^(\d{4})-(\d{2})-(\d{2})$/);
      const parsed = date ? new Date(`${text}T00:00:00Z`) : undefined;
      if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== text)
        return { ok: false, problem: "must be a date as YYYY-MM-DD" };
      if (text > today) return { ok: false, problem: "must not be in the future" };
      if (text < "1900-01-01") return { ok: false, problem: "must not be before 1900" };
      return { ok: true, value: text };
    }
    case "money": {
      const n = asNumber(value);
      return n >= 0 && n <= 100_000_000 && toCents(n) !== undefined
        ? { ok: true, value: n }
        : { ok: false, problem: "must be an amount from 0 to 100000000 with at most two decimals" };
    }
    case "state": {
      const state = text.length <= 40 ? parseState(text) : undefined;
      return state && (text.length === 2 || state.value.length === 2)
        ? { ok: true, value: state.value }
        : { ok: false, problem: "must be a US state (two-letter code or name)" };
    }
    case "policy_number": {
      const number = normalizePolicyNumber(text);
      return /^[A-Z0-9-]{3,40}$/.test(number)
        ? { ok: true, value: number }
        : { ok: false, problem: "must be 3 to 40 letters, digits or '-'" };
    }
  }
}

/** What the reader had found, kept when an adjuster first corrects a field. */
export interface FieldCorrectionRecord {
  original_value: unknown;
  original_confidence: number | null;
  corrected_by: string;
  corrected_at: string;
}

export interface CorrectionResult {
  extracted: Record<string, unknown>;
  before: { value: unknown; confidence: number | null };
  after: { value: CorrectedValue | null };
}

/**
 * The stored extraction with one field set (or cleared, with null) by an adjuster: the value
 * becomes certain (confidence 1), and `corrections` keeps what the reader first found. Retraining
 * and the fraud input read the corrected value, since it is the field's value.
 */
export function applyFieldCorrection(
  stored: Record<string, unknown> | null,
  field: ClaimFieldName,
  value: CorrectedValue | null,
  by: string,
  at: string,
): CorrectionResult {
  const extracted: Record<string, unknown> = { ...(stored ?? {}) };
  const confidence = { ...((extracted.confidence as Record<string, number> | undefined) ?? {}) };
  const corrections = { ...((extracted.corrections as Record<string, FieldCorrectionRecord> | undefined) ?? {}) };
  const before = { value: extracted[field] ?? null, confidence: confidence[field] ?? null };
  const first = corrections[field];
  corrections[field] = {
    original_value: first ? first.original_value : before.value,
    original_confidence: first ? first.original_confidence : before.confidence,
    corrected_by: by,
    corrected_at: at,
  };
  if (value === null) {
    delete extracted[field];
    delete confidence[field];
  } else {
    extracted[field] = value;
    confidence[field] = 1;
  }
  extracted.confidence = confidence;
  extracted.corrections = corrections;
  return { extracted, before, after: { value } };
}
