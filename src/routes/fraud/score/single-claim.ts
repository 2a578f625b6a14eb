import type { FraudDataset } from "../../../domain/fraud";
import { toRawClaim } from "../../../domain/fraud";
import { scoreWithActiveModel } from "../../../model-registry/score-with-active-models";
import type { Api } from "../../api";
import { jsonBody, jsonResponse } from "../../shared/content";
import { protectedRoute } from "../../shared/protected-route";
import {
  fraudScoreSchema,
  type insuranceClaimFacts,
  SCORE_ERRORS,
  SCORE_OPTIONS_DESCRIPTION,
  scoreQuerySchema,
  type vehicleClaimRecord,
} from "./schema";

/** The one-claim scoring routes differ only in their path, body and data set (./post.ts, ./vehicle/post.ts). */
export interface SingleClaimScoring {
  path: "/fraud/score" | "/fraud/score/vehicle";
  summary: string;
  body: typeof insuranceClaimFacts | typeof vehicleClaimRecord;
  dataset: FraudDataset;
}

export const singleClaimScoreRoute = (scoring: SingleClaimScoring) =>
  protectedRoute({
    method: "post",
    path: scoring.path,
    tags: ["fraud"],
    summary: scoring.summary,
    description: SCORE_OPTIONS_DESCRIPTION,
    roles: ["insurer", "admin"],
    request: { query: scoreQuerySchema, body: jsonBody(scoring.body) },
    responses: { 200: jsonResponse(fraudScoreSchema, "The fraud score") },
    errors: SCORE_ERRORS,
  });

export const registerSingleClaimScore = (app: Api, scoring: SingleClaimScoring) =>
  app.openapi(singleClaimScoreRoute(scoring), async (c) => {
    const options = { ...c.req.valid("query"), dataset: scoring.dataset };
    const { scores, serverTiming } = await scoreWithActiveModel(c.env, [toRawClaim(c.req.valid("json"))], options);
    c.header("Server-Timing", serverTiming);
    return c.json(scores[0]!, 200);
  });
