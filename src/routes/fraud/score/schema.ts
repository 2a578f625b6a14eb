import { z } from "@hono/zod-openapi";
import { fraudScoreOptionsSchema, insuranceClaimInputSchema, vehicleClaimInputSchema } from "../../../domain/fraud";
import { EXAMPLE_AUTO_CLAIM } from "../../../domain/fraud/example-claim";

export const explanationItemSchema = z
  .object({
    feature: z.string().openapi({ description: "User-facing label", example: "Incident Severity" }),
    feature_key: z.string().openapi({ example: "incident_severity" }),
    direction: z.enum(["UP", "DOWN"]),
    text: z.string().openapi({ example: "Major Damage severity raises the fraud risk" }),
    importance: z.number(),
    contribution: z.number(),
    value: z.unknown(),
  })
  .openapi("ExplanationItem");

export const fraudScoreSchema = z
  .object({
    dataset: z.enum(["insurance_claims", "vehicle_claims_fraud"]),
    model: z.enum(["rf", "et", "gbdt", "voting"]),
    model_name: z.string(),
    calibrated: z.boolean(),
    probability: z.number(),
    threshold: z.number(),
    threshold_flag: z.enum(["AUTO_FLAG", "AUTO_APPROVE"]).nullable(),
    scenario: z.enum(["auto_flagger", "dashboard"]),
    explanation: z.array(explanationItemSchema).nullable(),
    explanation_base_value: z.number().nullable(),
    explanation_scale: z.enum(["probability", "log-odds"]).nullable(),
    model_version: z.string(),
  })
  .openapi("FraudScore");

/** The scoring options in the query (the data set is fixed by the path, or given in a batch body). */
export const scoreQuerySchema = fraudScoreOptionsSchema.omit({ dataset: true });

const nonEmpty = (claim: Record<string, unknown>) =>
  Object.values(claim).some((value) => value !== null && value !== undefined);
const atLeastOneFact = { message: "give at least one claim fact" };

export const insuranceClaimFacts = insuranceClaimInputSchema
  .strict()
  .refine(nonEmpty, atLeastOneFact)
  .openapi("InsuranceClaimFacts", { example: EXAMPLE_AUTO_CLAIM });

export const vehicleClaimRecord = vehicleClaimInputSchema
  .strict()
  .refine(nonEmpty, atLeastOneFact)
  .openapi("VehicleClaimRecord");

export const SCORE_OPTIONS_DESCRIPTION =
  "Query options: model (rf | et | gbdt | voting; xgb = gbdt), calibrated, scenario (auto_flagger → AUTO_FLAG / " +
  "AUTO_APPROVE at the model's validated threshold; dashboard → probability), explain (top 5 drivers by exact " +
  "TreeSHAP). Every fact is optional; an absent fact is missing to the model.";

export const SCORE_ERRORS = {
  500: "INFERENCE_ERROR: the requested model is not available or failed (see GET /health)",
} as const;
