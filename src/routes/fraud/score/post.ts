import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { authenticate, requireRole } from "../../../auth/middleware";
import {
  fraudModelName,
  fraudScoreBatchSchema,
  insuranceClaimInputSchema,
  MAX_BATCH,
  ModelNotAvailableError,
  scoreFraudBatch,
  toRawClaim,
  vehicleClaimInputSchema,
  type FraudScore,
  type ScoreOptions,
} from "../../../domain/fraud";
import { SEED_004_CLAIM } from "../../../domain/fraud/example-claim";
import type { HonoEnv } from "../../../env";
import { ApiError } from "../../../errors/api-error";
import { activeModelSet, ModelUnavailableError } from "../../../model-registry/loader";
import { authErrors, bearerSecurity, errorResponse, validationErrors } from "../../shared/responses";
import { fraudScoreSchema, scoreQuerySchema } from "./schema";

const nonEmpty = (claim: Record<string, unknown>) => Object.values(claim).some((value) => value !== null && value !== undefined);
const atLeastOneFact = { message: "give at least one claim fact" };

const insuranceBody = insuranceClaimInputSchema.strict().refine(nonEmpty, atLeastOneFact).openapi("InsuranceClaimFacts", { example: SEED_004_CLAIM });
const vehicleBody = vehicleClaimInputSchema.strict().refine(nonEmpty, atLeastOneFact).openapi("VehicleClaimRecord");

const scoreErrors = {
  ...validationErrors,
  ...authErrors,
  500: errorResponse("INFERENCE_ERROR: the requested model is not available or failed (see GET /health)"),
};

/** Scores with the active model version, timing the work for the Server-Timing header. */
async function score(env: HonoEnv["Bindings"], claims: Record<string, unknown>[], options: ScoreOptions): Promise<{ scores: FraudScore[]; timing: string }> {
  const started = performance.now();
  const name = fraudModelName(options.dataset ?? "insurance_claims", options.model ?? "rf", options.calibrated ?? true);
  try {
    const models = await activeModelSet(env, [name]);
    const loadedAt = performance.now();
    const scores = await scoreFraudBatch(models, claims.map(toRawClaim), options);
    return { scores, timing: `load;dur=${(loadedAt - started).toFixed(2)}, score;dur=${(performance.now() - loadedAt).toFixed(2)}` };
  } catch (err) {
    if (err instanceof ModelUnavailableError || err instanceof ModelNotAvailableError) {
      throw new ApiError("INFERENCE_ERROR", `Model ${name} is not available`, { details: { model: name } });
    }
    throw err;
  }
}

function singleRoute(path: string, body: typeof insuranceBody | typeof vehicleBody, summary: string) {
  return createRoute({
    method: "post",
    path,
    tags: ["fraud"],
    summary,
    description:
      "Query options as seed 004: model (rf | et | gbdt | voting; xgb = gbdt), calibrated, scenario (auto_flagger → AUTO_FLAG / AUTO_APPROVE at the " +
      "model's validated threshold; dashboard → probability), explain (top 5 drivers by exact TreeSHAP). Every fact is optional; an absent fact is missing to the model.",
    security: bearerSecurity,
    middleware: [authenticate, requireRole("insurer", "admin")] as const,
    request: { query: scoreQuerySchema, body: { required: true, content: { "application/json": { schema: body } } } },
    responses: { 200: { description: "The fraud score", content: { "application/json": { schema: fraudScoreSchema } } }, ...scoreErrors },
  });
}

const insuranceRoute = singleRoute("/fraud/score", insuranceBody, "Score one auto-insurance claim for fraud (seed 004)");
const vehicleRoute = singleRoute("/fraud/score/vehicle", vehicleBody, "Score one vehicle-claims record with the models trained on that data set");

const batchRoute = createRoute({
  method: "post",
  path: "/fraud/score/batch",
  tags: ["fraud"],
  summary: `Score up to ${MAX_BATCH} claims of one data set in one call`,
  security: bearerSecurity,
  middleware: [authenticate, requireRole("insurer", "admin")] as const,
  request: { query: scoreQuerySchema, body: { required: true, content: { "application/json": { schema: fraudScoreBatchSchema } } } },
  responses: {
    200: { description: "One score per claim, in order", content: { "application/json": { schema: z.object({ scores: z.array(fraudScoreSchema) }) } } },
    ...scoreErrors,
  },
});

export function registerFraudScoreRoutes(app: OpenAPIHono<HonoEnv>): void {
  app.openapi(insuranceRoute, async (c) => {
    const { scores, timing } = await score(c.env, [c.req.valid("json")], { ...c.req.valid("query"), dataset: "insurance_claims" });
    c.header("Server-Timing", timing);
    return c.json(scores[0]!, 200);
  });
  app.openapi(vehicleRoute, async (c) => {
    const { scores, timing } = await score(c.env, [c.req.valid("json")], { ...c.req.valid("query"), dataset: "vehicle_claims_fraud" });
    c.header("Server-Timing", timing);
    return c.json(scores[0]!, 200);
  });
  app.openapi(batchRoute, async (c) => {
    const body = c.req.valid("json");
    const { scores, timing } = await score(c.env, body.claims, { ...c.req.valid("query"), dataset: body.dataset });
    c.header("Server-Timing", timing);
    return c.json({ scores }, 200);
  });
}
