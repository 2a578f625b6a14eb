// The settlement's severity classifier: the Worker module of models/severity (minor, moderate, severe).
export { classifyDamageSeverity, type DamageSeverityPrediction } from "../image/severity-model";
