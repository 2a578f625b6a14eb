// Public surface of the fraud and reserve scoring brain (see each module for details).
export {
  scoreFraud,
  scoreFraudBatch,
  estimateReserve,
  estimateReserveBatch,
  type FraudScore,
  type ReserveEstimate,
  type ScoreOptions,
  type Scenario,
} from "./score";
export {
  insuranceClaimInputSchema,
  vehicleClaimInputSchema,
  fraudScoreOptionsSchema,
  fraudScoreBatchSchema,
  toRawClaim,
  MAX_BATCH,
} from "./score-input";
export {
  ModelSet,
  ModelUnavailableError,
  fraudModelName,
  RESERVE_MODEL_NAME,
  loadModel,
  type LoadedModel,
  type ModelRunner,
} from "./model-set";
export {
  trainChallenger,
  evaluateModel,
  challengerWins,
  TrainingRefusedError,
  type Challenger,
  type ChallengerOptions,
  type RefusalReason,
} from "./retrain";
export {
  trainFraudModels,
  trainReserveModel,
  crossValidateFraud,
  type FraudDataset,
  type ModelMetadata,
  THRESHOLD_RULE,
} from "./train";
export type { ExplanationItem } from "./explain";
export type { RawClaim } from "./features";
