import { z } from "zod";
import { CONTROL_CHARACTER_MESSAGE, isCalendarDate, isPrintableLine } from "../input-rules";

/**
 * Request schemas of POST /api/v1/fraud/score. Every claim fact is optional: an absent or null
 * fact is missing to the model, never an error. A present fact must have the right type and a
 * plausible range (negative premium, hour 25 → validation error). Categories are free text:
 * a value the model never saw is scored as unseen, not rejected.
 */

const money = () => z.number().finite().min(0).max(1e9).nullish();
const count = (max: number, min = 0) => z.number().int().min(min).max(max).nullish();
const category = () => z.string().trim().max(100).refine(isPrintableLine, CONTROL_CHARACTER_MESSAGE).nullish();
const share = () => z.number().finite().min(0).max(1).nullish();
const date = () =>
  z.string().trim().refine(isCalendarDate, "must be a real date as YYYY-MM-DD or DD/MM/YYYY").nullish();

/** The fraud-scoring service's inputs plus the insurance_claims data set's further columns under their own names. */
export const insuranceClaimInputSchema = z.object({
  policy_annual_premium: money(),
  total_claim_amount: money(),
  vehicle_age: count(100, -1),
  days_since_bind: count(36_500),
  months_as_customer: count(1_200),
  "capital-gains": z.number().finite().min(-1e9).max(1e9).nullish(),
  "capital-loss": z.number().finite().min(-1e9).max(1e9).nullish(),
  injury_share: share(),
  property_share: share(),
  age: count(120, 16),
  umbrella_limit: money(),
  incident_hour_of_the_day: count(23),
  collision_type: category(),
  incident_severity: category(),
  authorities_contacted: category(),
  number_of_vehicles_involved: count(50, 1),
  bodily_injuries: count(100),
  police_report_available: category(),
  // Further claim facts, as named in the training data.
  witnesses: count(100),
  property_damage: category(),
  incident_type: category(),
  incident_state: category(),
  insured_hobbies: category(),
  insured_occupation: category(),
  insured_education_level: category(),
  insured_relationship: category(),
  insured_sex: category(),
  policy_state: category(),
  policy_csl: category(),
  policy_deductable: money(),
  auto_make: category(),
  auto_year: count(2100, 1900),
  incident_date: date(),
  policy_bind_date: date(),
  injury_claim: money(),
  property_claim: money(),
  vehicle_claim: money(),
});

export type InsuranceClaimInput = z.infer<typeof insuranceClaimInputSchema>;

/** A record of the vehicle-claims data set (carclaims.csv): its columns, text or numbers as there. */
export const vehicleClaimInputSchema = z.object({
  Month: category(),
  WeekOfMonth: count(5, 1),
  DayOfWeek: category(),
  Make: category(),
  AccidentArea: category(),
  DayOfWeekClaimed: category(),
  MonthClaimed: category(),
  WeekOfMonthClaimed: count(5, 1),
  Sex: category(),
  MaritalStatus: category(),
  Age: count(120),
  Fault: category(),
  PolicyType: category(),
  VehicleCategory: category(),
  VehiclePrice: category(),
  RepNumber: count(1_000),
  Deductible: money(),
  DriverRating: count(10),
  "Days:Policy-Accident": category(),
  "Days:Policy-Claim": category(),
  PastNumberOfClaims: category(),
  AgeOfVehicle: category(),
  AgeOfPolicyHolder: category(),
  PoliceReportFiled: category(),
  WitnessPresent: category(),
  AgentType: category(),
  NumberOfSuppliments: category(),
  "AddressChange-Claim": category(),
  NumberOfCars: category(),
  Year: count(2100, 1900),
  BasePolicy: category(),
});

export type VehicleClaimInput = z.infer<typeof vehicleClaimInputSchema>;

/** Options (the query parameters): model kind, calibrated, scenario, explain, and the data set. */
export const fraudScoreOptionsSchema = z.object({
  // "xgb" is what existing fraud-scoring clients call the boosted model.
  model: z
    .enum(["rf", "et", "gbdt", "voting", "xgb"])
    .transform((m) => (m === "xgb" ? "gbdt" : m))
    .default("rf"),
  calibrated: z
    .union([z.boolean(), z.enum(["true", "false", "1", "0"])])
    .transform((v) => v === true || v === "true" || v === "1")
    .default(true),
  scenario: z.enum(["auto_flagger", "dashboard"]).default("dashboard"),
  explain: z
    .union([z.boolean(), z.enum(["true", "false", "1", "0"])])
    .transform((v) => v === true || v === "true" || v === "1")
    .default(true),
  dataset: z.enum(["insurance_claims", "vehicle_claims_fraud"]).default("insurance_claims"),
});

export type FraudScoreOptions = z.infer<typeof fraudScoreOptionsSchema>;

export const MAX_BATCH = 1000;

/** Batch form: many claims of one data set, scored with the same options. */
export const fraudScoreBatchSchema = z.union([
  z.object({
    dataset: z.literal("insurance_claims").default("insurance_claims"),
    claims: z.array(insuranceClaimInputSchema).min(1).max(MAX_BATCH),
  }),
  z.object({
    dataset: z.literal("vehicle_claims_fraud"),
    claims: z.array(vehicleClaimInputSchema).min(1).max(MAX_BATCH),
  }),
]);

/** Drops null/undefined facts so that the feature builder sees them as absent. */
export function toRawClaim(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined));
}
