import type { Api } from "../api";
import { registerPostFraudScoreBatch } from "./score/batch/post";
import { registerPostFraudScore } from "./score/post";
import { registerPostVehicleFraudScore } from "./score/vehicle/post";

export function registerFraudRoutes(app: Api): void {
  registerPostFraudScore(app);
  registerPostVehicleFraudScore(app);
  registerPostFraudScoreBatch(app);
}
