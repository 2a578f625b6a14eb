// Public surface of the fraud and reserve scoring brain (see each module for details).

export type { ExplanationItem } from "./explain";
export type { RawClaim } from "./features";
export {
  fraudModelName,
  type LoadedModel,
  loadModel,
  type ModelRunner,
  ModelSet,
  ModelUnavailableError,
  RESERVE_MODEL_NAME,
} from "./model-set";
export {
  type Challenger,
  type ChallengerOptions,
  challengerWins,
  evaluateModel,
  type RefusalReason,
  TrainingRefusedError,
  trainChallenger,
} from "./retrain";
export {
  estimateReserve,
  estimateReserveBatch,
  type FraudScore,
  type ReserveEstimate,
  type Scenario,
  type ScoreOptions,
  scoreFraud,
  scoreFraudBatch,
} from "./score";
export {
  fraudScoreBatchSchema,
  fraudScoreOptionsSchema,
  insuranceClaimInputSchema,
  MAX_BATCH,
  toRawClaim,
  vehicleClaimInputSchema,
} from "./score-input";
export {
  crossValidateFraud,
  type FraudDataset,
  type ModelMetadata,
  THRESHOLD_RULE,
  trainFraudModels,
  trainReserveModel,
} from "./train";
