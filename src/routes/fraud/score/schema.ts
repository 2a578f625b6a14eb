import { z } from "@hono/zod-openapi";
import { fraudScoreOptionsSchema } from "../../../domain/fraud";

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

/** Seed 004's query options, for the single-claim routes (their data set is fixed by the path). */
export const scoreQuerySchema = fraudScoreOptionsSchema.omit({ dataset: true });
