import { toRawClaim } from "../../../../domain/fraud";
import { scoreWithActiveModel } from "../../../../model-registry/score-with-active-models";
import type { Api } from "../../../api";
import { jsonBody, jsonResponse } from "../../../shared/content";
import { protectedRoute } from "../../../shared/protected-route";
import { fraudScoreSchema, SCORE_ERRORS, SCORE_OPTIONS_DESCRIPTION, scoreQuerySchema, vehicleClaimRecord } from "../schema";

export const postVehicleFraudScoreRoute = protectedRoute({
  method: "post",
  path: "/fraud/score/vehicle",
  tags: ["fraud"],
  summary: "Score one vehicle-claims record with the models trained on that data set",
  description: SCORE_OPTIONS_DESCRIPTION,
  roles: ["insurer", "admin"],
  request: { query: scoreQuerySchema, body: jsonBody(vehicleClaimRecord) },
  responses: { 200: jsonResponse(fraudScoreSchema, "The fraud score") },
  errors: SCORE_ERRORS,
});

export const registerPostVehicleFraudScore = (app: Api) =>
  app.openapi(postVehicleFraudScoreRoute, async (c) => {
    const options = { ...c.req.valid("query"), dataset: "vehicle_claims_fraud" as const };
    const { scores, serverTiming } = await scoreWithActiveModel(c.env, [toRawClaim(c.req.valid("json"))], options);
    c.header("Server-Timing", serverTiming);
    return c.json(scores[0]!, 200);
  });
