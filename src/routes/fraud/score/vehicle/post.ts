import type { Api } from "../../../api";
import { vehicleClaimRecord } from "../schema";
import { registerSingleClaimScore, type SingleClaimScoring, singleClaimScoreRoute } from "../single-claim";

const vehicleClaimScoring: SingleClaimScoring = {
  path: "/fraud/score/vehicle",
  summary: "Score one vehicle-claims record with the models trained on that data set",
  body: vehicleClaimRecord,
  dataset: "vehicle_claims_fraud",
};

export const postVehicleFraudScoreRoute = singleClaimScoreRoute(vehicleClaimScoring);

export const registerPostVehicleFraudScore = (app: Api) => registerSingleClaimScore(app, vehicleClaimScoring);
