import { applyLink, predictRaw, sigmoid, type TreeEnsemble } from "./tree";

export type ModelKind = "rf" | "et" | "gbdt" | "voting";

/** Platt scaling on the uncalibrated score: p = sigmoid(a * score + b). */
export interface PlattCalibration {
  a: number;
  b: number;
}

/**
 * A scoring model: one tree ensemble, or several averaged (soft voting), optionally calibrated.
 * score = raw output of the single ensemble (probability for forests, log-odds for GBDT,
 * the value for regression), or for voting the mean of the members' probabilities.
 */
export interface ScoringModel {
  task: "classification" | "regression";
  components: { name: string; ensemble: TreeEnsemble }[];
  calibration?: PlattCalibration;
}

export function modelScore(model: ScoringModel, x: ArrayLike<number>): number {
  if (model.components.length === 1) return predictRaw((model.components[0] as { ensemble: TreeEnsemble }).ensemble, x);
  let s = 0;
  for (const c of model.components) s += applyLink(c.ensemble, predictRaw(c.ensemble, x));
  return s / model.components.length;
}

/** Maps a score to the model's output (fraud probability, or the regression value). */
export function scoreToOutput(model: ScoringModel, score: number): number {
  if (model.task === "regression") return score;
  if (model.calibration) return sigmoid(model.calibration.a * score + model.calibration.b);
  const single = model.components.length === 1 ? model.components[0]?.ensemble : undefined;
  return single && single.link === "logistic" ? sigmoid(score) : score;
}

export function predict(model: ScoringModel, x: ArrayLike<number>): number {
  return scoreToOutput(model, modelScore(model, x));
}

/** Fits Platt scaling by Newton's method on the log loss (with Platt's smoothed targets). */
export function fitPlatt(scores: ArrayLike<number>, labels: ArrayLike<number>): PlattCalibration {
  let nPos = 0;
  for (let i = 0; i < labels.length; i++) nPos += labels[i] as number;
  const nNeg = labels.length - nPos;
  const hiT = (nPos + 1) / (nPos + 2);
  const loT = 1 / (nNeg + 2);
  let a = 1;
  let b = 0;
  for (let iter = 0; iter < 100; iter++) {
    let ga = 0,
      gb = 0,
      haa = 0,
      hab = 0,
      hbb = 0;
    for (let i = 0; i < labels.length; i++) {
      const s = scores[i] as number;
      const t = (labels[i] as number) === 1 ? hiT : loT;
      const p = sigmoid(a * s + b);
      const w = Math.max(p * (1 - p), 1e-12);
      ga += (p - t) * s;
      gb += p - t;
      haa += w * s * s;
      hab += w * s;
      hbb += w;
    }
    haa += 1e-9;
    hbb += 1e-9;
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-18) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) break;
  }
  return { a, b };
}
