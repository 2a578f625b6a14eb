import { z } from "@hono/zod-openapi";
import { fraudScoreBatchSchema, MAX_BATCH, toRawClaim } from "../../../../domain/fraud";
import { scoreWithActiveModel } from "../../../../model-registry/score-with-active-models";
import type { Api } from "../../../api";
import { jsonBody, jsonResponse } from "../../../shared/content";
import { protectedRoute } from "../../../shared/protected-route";
import { fraudScoreSchema, SCORE_ERRORS, scoreQuerySchema } from "../schema";

export const fraudScoreBatchResultSchema = z.object({ scores: z.array(fraudScoreSchema) }).openapi("FraudScoreBatch");

export const postFraudScoreBatchRoute = protectedRoute({
  method: "post",
  path: "/fraud/score/batch",
  tags: ["fraud"],
  summary: `Score up to ${MAX_BATCH} claims of one data set in one call`,
  roles: ["insurer", "admin"],
  rateLimit: { family: "batch-scoring", tier: "expensive" },
  request: { query: scoreQuerySchema, body: jsonBody(fraudScoreBatchSchema) },
  responses: { 200: jsonResponse(fraudScoreBatchResultSchema, "One score per claim, in order") },
  errors: SCORE_ERRORS,
});

export const registerPostFraudScoreBatch = (app: Api) =>
  app.openapi(postFraudScoreBatchRoute, async (c) => {
    const body = c.req.valid("json");
    const options = { ...c.req.valid("query"), dataset: body.dataset };
    const { scores, serverTiming } = await scoreWithActiveModel(c.env, body.claims.map(toRawClaim), options);
    c.header("Server-Timing", serverTiming);
    return c.json({ scores }, 200);
  });
