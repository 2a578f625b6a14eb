import type { Api } from "../../api";
import { insuranceClaimFacts } from "./schema";
import { registerSingleClaimScore, type SingleClaimScoring, singleClaimScoreRoute } from "./single-claim";

const insuranceClaimScoring: SingleClaimScoring = {
  path: "/fraud/score",
  summary: "Score one auto-insurance claim for fraud",
  body: insuranceClaimFacts,
  dataset: "insurance_claims",
};

export const postFraudScoreRoute = singleClaimScoreRoute(insuranceClaimScoring);

export const registerPostFraudScore = (app: Api) => registerSingleClaimScore(app, insuranceClaimScoring);
