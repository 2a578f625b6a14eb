/**
 * Feature engineering shared by training (scripts/train-models.ts, trainChallenger) and
 * scoring (scoreFraud, estimateReserve): the one place where a raw claim record becomes a
 * model's feature vector, so the two can never drift. A raw claim is a plain record under
 * the data set's own column names; anything absent, empty or "?" is missing (NaN), and a
 * category never seen in training is encoded like any other unseen value (all zeros).
 */

export type RawClaim = Record<string, unknown>;
export type FeatureValue = number | string | undefined;

export interface FeatureDef {
  /** Technical name: the source column, or the derived feature's name. */
  name: string;
  /** What a user reads: the feature's label in an explanation. */
  label: string;
  kind: "numeric" | "categorical";
  read(raw: RawClaim): FeatureValue;
  /** How a category reads in a sentence, e.g. "Major Damage severity". */
  phrase?: (category: string) => string;
  /** How a number reads, e.g. "$71,610". */
  format?: (value: number) => string;
}

export type FeatureSetName = "insurance_claims" | "vehicle_claims_fraud" | "insurance_reserve";

const MISSING_TEXT = new Set(["", "?", "na", "n/a", "null", "none given"]);

export function readNumber(raw: RawClaim, key: string): number | undefined {
  const v = raw[key];
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "string") {
    const t = v.trim().replace(/,/g, "");
    if (MISSING_TEXT.has(t.toLowerCase())) return undefined;
    const n = Number(t);
    return Number.isFinite(n) ? n : undefined;
  }
  if (typeof v === "boolean") return v ? 1 : 0;
  return undefined;
}

export function readText(raw: RawClaim, key: string): string | undefined {
  const v = raw[key];
  if (typeof v === "string") {
    const t = v.trim();
    return MISSING_TEXT.has(t.toLowerCase()) ? undefined : t;
  }
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v === "boolean") return v ? "YES" : "NO";
  return undefined;
}

/** Dates as the data set writes them (dd/mm/yyyy) or ISO (yyyy-mm-dd…); epoch days. */
export function readDate(raw: RawClaim, key: string): number | undefined {
  const t = readText(raw, key);
  if (!t) return undefined;
  let ms: number;
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (dmy) ms = Date.UTC(Number(dmy[3]), Number(dmy[2]) - 1, Number(dmy[1]));
  else ms = Date.parse(t);
  return Number.isFinite(ms) ? Math.floor(ms / 86_400_000) : undefined;
}

const numeric = (name: string, label: string, extra: Partial<FeatureDef> = {}): FeatureDef => ({
  name,
  label,
  kind: "numeric",
  read: (r) => readNumber(r, name),
  ...extra,
});
const categorical = (name: string, label: string, phrase?: (c: string) => string): FeatureDef => ({
  name,
  label,
  kind: "categorical",
  read: (r) => readText(r, name),
  ...(phrase ? { phrase } : {}),
});
const money = (v: number) => `$${Math.round(v).toLocaleString("en-US")}`;
const percent = (v: number) => `${Math.round(v * 100)}%`;

/** A share of the total claim, given directly or from the claim's parts. */
const share = (name: string, part: string, label: string): FeatureDef => ({
  name,
  label,
  kind: "numeric",
  format: percent,
  read: (r) => {
    const direct = readNumber(r, name);
    if (direct !== undefined) return direct;
    const p = readNumber(r, part);
    const total = readNumber(r, "total_claim_amount");
    return p !== undefined && total ? p / total : undefined;
  },
});

const vehicleAge: FeatureDef = {
  name: "vehicle_age",
  label: "Vehicle Age",
  kind: "numeric",
  format: (v) => `${v} years`,
  read: (r) => {
    const direct = readNumber(r, "vehicle_age");
    if (direct !== undefined) return direct;
    const year = readNumber(r, "auto_year");
    const incident = readDate(r, "incident_date");
    return year !== undefined && incident !== undefined
      ? new Date(incident * 86_400_000).getUTCFullYear() - year
      : undefined;
  },
};

const daysSinceBind: FeatureDef = {
  name: "days_since_bind",
  label: "Days Since Policy Start",
  kind: "numeric",
  read: (r) => {
    const direct = readNumber(r, "days_since_bind");
    if (direct !== undefined) return direct;
    const bind = readDate(r, "policy_bind_date");
    const incident = readDate(r, "incident_date");
    return bind !== undefined && incident !== undefined ? incident - bind : undefined;
  },
};

const yesNo = (yes: string, no: string) => (c: string) =>
  /^y(es)?$/i.test(c) ? yes : /^no?$/i.test(c) ? no : `${c} (${yes})`;

const INCIDENT_FACTS: FeatureDef[] = [
  categorical("incident_type", "Incident Type", (c) => `${c} incident`),
  categorical("collision_type", "Collision Type", (c) => `${c} type`),
  categorical("incident_severity", "Incident Severity", (c) => `${c} severity`),
  categorical("authorities_contacted", "Authorities Contacted", (c) =>
    c === "None" ? "No authorities contacted" : `Contacting ${c}`,
  ),
  numeric("number_of_vehicles_involved", "Vehicles Involved"),
  numeric("bodily_injuries", "Bodily Injuries"),
  numeric("witnesses", "Witnesses"),
  categorical("property_damage", "Property Damage", yesNo("Property damage reported", "No property damage")),
  categorical("police_report_available", "Police Report", yesNo("Police report available", "No police report")),
  numeric("incident_hour_of_the_day", "Incident Time", { format: (v) => `${v}:00` }),
  categorical("incident_state", "Incident State", (c) => `Incident in ${c}`),
];

const POLICY_FACTS: FeatureDef[] = [
  numeric("policy_annual_premium", "Annual Premium", { format: money }),
  numeric("months_as_customer", "Policy Tenure", { format: (v) => `${v} months` }),
  daysSinceBind,
  numeric("umbrella_limit", "Umbrella Limit", { format: money }),
  numeric("policy_deductable", "Deductible", { format: money }),
  categorical("policy_csl", "Coverage Limits", (c) => `Coverage limits ${c}`),
  categorical("policy_state", "Policy State", (c) => `Policy from ${c}`),
  numeric("age", "Insured Age", { format: (v) => `${v} years` }),
  categorical("insured_sex", "Insured Sex", (c) => `${c.toLowerCase()} insured`),
  categorical("insured_education_level", "Education Level", (c) => `Education level ${c}`),
  categorical("insured_occupation", "Occupation", (c) => `Occupation ${c}`),
  categorical("insured_hobbies", "Hobbies", (c) => `Hobby ${c}`),
  categorical("insured_relationship", "Relationship", (c) => `Relationship ${c}`),
  numeric("capital-gains", "Capital Gains", { format: money }),
  numeric("capital-loss", "Capital Losses", { format: money }),
  vehicleAge,
  categorical("auto_make", "Vehicle Make", (c) => `${c} vehicle`),
];

const CLAIM_AMOUNTS: FeatureDef[] = [
  numeric("total_claim_amount", "Claim Value", { format: money }),
  share("injury_share", "injury_claim", "Injury Cost Portion"),
  share("property_share", "property_claim", "Property Damage Portion"),
];

/** Range texts of the vehicle-claims data ("3 to 5", "more than 30", "under 6 months") as numbers. */
export function rangeNumber(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = text.toLowerCase().replace(/,/g, "").trim();
  if (t === "none" || t === "new") return 0;
  const nums = (t.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  if (nums.length === 0) return undefined;
  const unit = /month/.test(t) ? 1 / 12 : 1;
  const first = nums[0] as number;
  let v: number;
  if (/more than|over/.test(t)) v = first * 1.15;
  else if (/less than|under/.test(t)) v = first * 0.75;
  else if (nums.length >= 2) v = (first + (nums[1] as number)) / 2;
  else v = first;
  return v * unit;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const monthIndex = (t: string | undefined) => (t ? MONTHS.indexOf(t.slice(0, 3).toLowerCase()) : -1);

const ranged = (name: string, label: string, format?: (v: number) => string): FeatureDef => ({
  name,
  label,
  kind: "numeric",
  read: (r) => rangeNumber(readText(r, name)),
  ...(format ? { format } : {}),
});

const VEHICLE_FEATURES: FeatureDef[] = [
  categorical("Month", "Accident Month", (c) => `Accident in ${c}`),
  numeric("WeekOfMonth", "Accident Week of Month"),
  categorical("DayOfWeek", "Accident Weekday", (c) => `Accident on a ${c}`),
  categorical("Make", "Vehicle Make", (c) => `${c} vehicle`),
  categorical("AccidentArea", "Accident Area", (c) => `${c} accident area`),
  categorical("DayOfWeekClaimed", "Claim Weekday", (c) => `Claimed on a ${c}`),
  categorical("MonthClaimed", "Claim Month", (c) => `Claimed in ${c}`),
  numeric("WeekOfMonthClaimed", "Claim Week of Month"),
  {
    name: "claim_delay_months",
    label: "Months From Accident to Claim",
    kind: "numeric",
    read: (r) => {
      const a = monthIndex(readText(r, "Month"));
      const c = monthIndex(readText(r, "MonthClaimed"));
      return a < 0 || c < 0 ? undefined : (c - a + 12) % 12;
    },
  },
  {
    name: "claim_delay_weeks",
    label: "Weeks From Accident to Claim",
    kind: "numeric",
    read: (r) => {
      const a = monthIndex(readText(r, "Month"));
      const c = monthIndex(readText(r, "MonthClaimed"));
      const wa = readNumber(r, "WeekOfMonth");
      const wc = readNumber(r, "WeekOfMonthClaimed");
      if (a < 0 || c < 0 || wa === undefined || wc === undefined) return undefined;
      const months = (c - a + 12) % 12;
      return months * 4.35 + wc - wa;
    },
  },
  {
    name: "accident_period",
    label: "Accident Date",
    kind: "numeric",
    read: (r) => {
      const y = readNumber(r, "Year");
      const m = monthIndex(readText(r, "Month"));
      return y === undefined || m < 0 ? undefined : (y - 1994) * 12 + m;
    },
  },
  categorical("Sex", "Driver Sex", (c) => `${c} driver`),
  categorical("MaritalStatus", "Marital Status", (c) => `${c} driver`),
  {
    name: "Age",
    label: "Driver Age",
    kind: "numeric",
    read: (r) => {
      const a = readNumber(r, "Age");
      return a === undefined || a <= 0 ? undefined : a;
    },
    format: (v) => `${v} years`,
  },
  categorical("Fault", "Fault", (c) => `Fault of ${c.toLowerCase()}`),
  categorical("PolicyType", "Policy Type", (c) => `${c} policy`),
  categorical("VehicleCategory", "Vehicle Category", (c) => `${c} vehicle`),
  ranged("VehiclePrice", "Vehicle Price", money),
  numeric("RepNumber", "Representative"),
  numeric("Deductible", "Deductible", { format: money }),
  numeric("DriverRating", "Driver Rating"),
  ranged("Days:Policy-Accident", "Days From Policy to Accident"),
  ranged("Days:Policy-Claim", "Days From Policy to Claim"),
  ranged("PastNumberOfClaims", "Past Claims"),
  ranged("AgeOfVehicle", "Vehicle Age", (v) => `${Math.round(v)} years`),
  ranged("AgeOfPolicyHolder", "Policy Holder Age", (v) => `${Math.round(v)} years`),
  categorical("PoliceReportFiled", "Police Report", yesNo("Police report filed", "No police report")),
  categorical("WitnessPresent", "Witness", yesNo("Witness present", "No witness")),
  categorical("AgentType", "Agent Type", (c) => `${c} agent`),
  ranged("NumberOfSuppliments", "Supplements"),
  {
    name: "AddressChange-Claim",
    label: "Address Change Before Claim",
    kind: "numeric",
    // "no change" is a fact, not a missing value: place it beyond the longest range.
    read: (r) => {
      const t = readText(r, "AddressChange-Claim");
      return t?.toLowerCase() === "no change" ? 20 : rangeNumber(t);
    },
    format: (v) => (v >= 20 ? "no change" : `${v.toFixed(1)} years`),
  },
  ranged("NumberOfCars", "Cars on Policy"),
  numeric("Year", "Accident Year"),
  categorical("BasePolicy", "Base Policy", (c) => `${c} base policy`),
];

export const FEATURE_SETS: Record<FeatureSetName, FeatureDef[]> = {
  insurance_claims: [...CLAIM_AMOUNTS, ...INCIDENT_FACTS, ...POLICY_FACTS],
  // The reserve predicts the claim's cost, so the claim-amount columns are never its inputs.
  insurance_reserve: [...INCIDENT_FACTS, ...POLICY_FACTS],
  vehicle_claims_fraud: VEHICLE_FEATURES,
};

export interface FeatureColumn {
  /** Column name in the model: the feature, or `feature=category` for a one-hot column. */
  name: string;
  feature: string;
  category?: string;
}

/** What training learned about the features: the categories kept, hence the columns. Stored with the model. */
export interface FeatureSchema {
  featureSet: FeatureSetName;
  columns: FeatureColumn[];
  categories: Record<string, string[]>;
}

/** Categories seen at least `minCount` times become one-hot columns; rarer ones encode as unseen. */
export function fitFeatureSchema(featureSet: FeatureSetName, rows: readonly RawClaim[], minCount = 5): FeatureSchema {
  const columns: FeatureColumn[] = [];
  const categories: Record<string, string[]> = {};
  for (const def of FEATURE_SETS[featureSet]) {
    if (def.kind === "numeric") {
      columns.push({ name: def.name, feature: def.name });
      continue;
    }
    const counts = new Map<string, number>();
    for (const r of rows) {
      const v = def.read(r);
      if (typeof v === "string") counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const kept = [...counts]
      .filter(([, c]) => c >= minCount)
      .map(([k]) => k)
      .sort();
    categories[def.name] = kept;
    for (const c of kept) columns.push({ name: `${def.name}=${c}`, feature: def.name, category: c });
  }
  return { featureSet, columns, categories };
}

export function featureDefs(schema: FeatureSchema): FeatureDef[] {
  return FEATURE_SETS[schema.featureSet];
}

/** The readable value of every feature of a raw claim (what explanations quote). */
export function readFeatures(schema: FeatureSchema, raw: RawClaim): Record<string, FeatureValue> {
  const out: Record<string, FeatureValue> = {};
  for (const def of featureDefs(schema)) out[def.name] = def.read(raw);
  return out;
}

/** Writes one claim's feature vector into `out` at `offset` (NaN = missing). */
export function encodeClaimInto(schema: FeatureSchema, raw: RawClaim, out: Float32Array, offset = 0): void {
  const values = readFeatures(schema, raw);
  schema.columns.forEach((col, j) => {
    const v = values[col.feature];
    if (col.category === undefined) out[offset + j] = typeof v === "number" ? v : NaN;
    else out[offset + j] = v === undefined ? NaN : v === col.category ? 1 : 0;
  });
}

export function encodeClaim(schema: FeatureSchema, raw: RawClaim): Float32Array {
  const out = new Float32Array(schema.columns.length);
  encodeClaimInto(schema, raw, out);
  return out;
}

export function encodeClaims(
  schema: FeatureSchema,
  raws: readonly RawClaim[],
): { rows: number; cols: number; data: Float32Array } {
  const cols = schema.columns.length;
  const data = new Float32Array(raws.length * cols);
  for (const [i, r] of raws.entries()) encodeClaimInto(schema, r, data, i * cols);
  return { rows: raws.length, cols, data };
}

/** Binary label of a training record, or undefined when the record is not labelled. */
export function fraudLabel(featureSet: FeatureSetName, raw: RawClaim): 0 | 1 | undefined {
  const key = featureSet === "vehicle_claims_fraud" ? "FraudFound" : "fraud_reported";
  const v = readText(raw, key)?.toLowerCase();
  if (v === "y" || v === "yes" || v === "1" || v === "true") return 1;
  if (v === "n" || v === "no" || v === "0" || v === "false") return 0;
  return undefined;
}
