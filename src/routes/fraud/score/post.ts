import { toRawClaim } from "../../../domain/fraud";
import { scoreWithActiveModel } from "../../../model-registry/score-with-active-models";
import type { Api } from "../../api";
import { jsonBody, jsonResponse } from "../../shared/content";
import { protectedRoute } from "../../shared/protected-route";
import { fraudScoreSchema, insuranceClaimFacts, SCORE_ERRORS, SCORE_OPTIONS_DESCRIPTION, scoreQuerySchema } from "./schema";

export const postFraudScoreRoute = protectedRoute({
  method: "post",
  path: "/fraud/score",
  tags: ["fraud"],
  summary: "Score one auto-insurance claim for fraud",
  description: SCORE_OPTIONS_DESCRIPTION,
  roles: ["insurer", "admin"],
  request: { query: scoreQuerySchema, body: jsonBody(insuranceClaimFacts) },
  responses: { 200: jsonResponse(fraudScoreSchema, "The fraud score") },
  errors: SCORE_ERRORS,
});

export const registerPostFraudScore = (app: Api) =>
  app.openapi(postFraudScoreRoute, async (c) => {
    const options = { ...c.req.valid("query"), dataset: "insurance_claims" as const };
    const { scores, serverTiming } = await scoreWithActiveModel(c.env, [toRawClaim(c.req.valid("json"))], options);
    c.header("Server-Timing", serverTiming);
    return c.json(scores[0]!, 200);
  });
