/** Evaluation metrics for binary scores and regression; all take plain arrays. */

/** Area under the ROC curve (Mann–Whitney with tied scores sharing the average rank). */
export function rocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const idx = Array.from({ length: labels.length }, (_, i) => i).sort(
    (a, b) => (scores[a] as number) - (scores[b] as number),
  );
  let rankSumPos = 0;
  let nPos = 0;
  let i = 0;
  while (i < idx.length) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1] as number] === scores[idx[i] as number]) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++)
      if ((labels[idx[k] as number] as number) === 1) {
        rankSumPos += avgRank;
        nPos++;
      }
    i = j + 1;
  }
  const nNeg = labels.length - nPos;
  if (nPos === 0 || nNeg === 0) return NaN;
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

/** Points of the precision–recall curve, one per distinct score, from the highest threshold down. */
function prCurve(labels: ArrayLike<number>, scores: ArrayLike<number>) {
  const idx = Array.from({ length: labels.length }, (_, i) => i).sort(
    (a, b) => (scores[b] as number) - (scores[a] as number),
  );
  const nPos = Array.from(labels as ArrayLike<number>).filter((v) => v === 1).length;
  const points: { threshold: number; precision: number; recall: number }[] = [];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < idx.length; k++) {
    if ((labels[idx[k] as number] as number) === 1) tp++;
    else fp++;
    const s = scores[idx[k] as number] as number;
    const next = k + 1 < idx.length ? (scores[idx[k + 1] as number] as number) : undefined;
    if (next === s) continue;
    points.push({ threshold: s, precision: tp / (tp + fp), recall: nPos ? tp / nPos : 0 });
  }
  return points;
}

/** Average precision (area under the precision–recall curve, step-wise as sklearn). */
export function averagePrecision(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  let ap = 0;
  let prevRecall = 0;
  for (const p of prCurve(labels, scores)) {
    ap += (p.recall - prevRecall) * p.precision;
    prevRecall = p.recall;
  }
  return ap;
}

/** Highest recall reachable with precision >= target, and the threshold giving it (null if never reached). */
export function recallAtPrecision(labels: ArrayLike<number>, scores: ArrayLike<number>, target: number) {
  let best: { recall: number; threshold: number; precision: number } | null = null;
  for (const p of prCurve(labels, scores))
    if (p.precision >= target && (!best || p.recall > best.recall))
      best = { recall: p.recall, threshold: p.threshold, precision: p.precision };
  return best;
}

export interface ThresholdMetrics {
  threshold: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** Confusion-matrix metrics when a score >= threshold is called positive. */
export function atThreshold(labels: ArrayLike<number>, scores: ArrayLike<number>, threshold: number): ThresholdMetrics {
  let tp = 0,
    fp = 0,
    tn = 0,
    fn = 0;
  for (let i = 0; i < labels.length; i++) {
    const pos = (scores[i] as number) >= threshold;
    const y = labels[i] as number;
    if (pos && y === 1) tp++;
    else if (pos) fp++;
    else if (y === 1) fn++;
    else tn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { threshold, accuracy: (tp + tn) / labels.length, precision, recall, f1, tp, fp, tn, fn };
}

/** Threshold maximising F1 (ties: the higher threshold, fewer flags). */
export function bestF1Threshold(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  let best = 0.5;
  let bestF1 = -1;
  for (const p of prCurve(labels, scores)) {
    const f1 = p.precision + p.recall ? (2 * p.precision * p.recall) / (p.precision + p.recall) : 0;
    if (f1 > bestF1 + 1e-12) {
      bestF1 = f1;
      best = p.threshold;
    }
  }
  return best;
}

export function brierScore(labels: ArrayLike<number>, probs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < labels.length; i++) s += ((probs[i] as number) - (labels[i] as number)) ** 2;
  return s / labels.length;
}

/** Expected calibration error over equal-width probability bins. */
export function expectedCalibrationError(labels: ArrayLike<number>, probs: ArrayLike<number>, bins = 10): number {
  const count = new Float64Array(bins);
  const sumP = new Float64Array(bins);
  const sumY = new Float64Array(bins);
  for (let i = 0; i < labels.length; i++) {
    const p = probs[i] as number;
    const b = Math.min(bins - 1, Math.max(0, Math.floor(p * bins)));
    count[b] = (count[b] as number) + 1;
    sumP[b] = (sumP[b] as number) + p;
    sumY[b] = (sumY[b] as number) + (labels[i] as number);
  }
  let ece = 0;
  for (let b = 0; b < bins; b++)
    if ((count[b] as number) > 0) ece += Math.abs((sumP[b] as number) - (sumY[b] as number)) / labels.length;
  return ece;
}

export function logLoss(labels: ArrayLike<number>, probs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(1 - 1e-15, Math.max(1e-15, probs[i] as number));
    s -= (labels[i] as number) === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return s / labels.length;
}

export function meanAbsoluteError(y: ArrayLike<number>, pred: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += Math.abs((y[i] as number) - (pred[i] as number));
  return s / y.length;
}

export function rSquared(y: ArrayLike<number>, pred: ArrayLike<number>): number {
  let mean = 0;
  for (let i = 0; i < y.length; i++) mean += y[i] as number;
  mean /= y.length;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < y.length; i++) {
    ssRes += ((y[i] as number) - (pred[i] as number)) ** 2;
    ssTot += ((y[i] as number) - mean) ** 2;
  }
  return 1 - ssRes / ssTot;
}

export interface ClassificationReport {
  roc_auc: number;
  pr_auc: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  threshold: number;
  brier: number;
  ece: number;
  log_loss: number;
  recall_at_precision_50: number | null;
  recall_at_precision_25: number | null;
  positives: number;
  rows: number;
}

export function classificationReport(
  labels: ArrayLike<number>,
  probs: ArrayLike<number>,
  threshold: number,
): ClassificationReport {
  const t = atThreshold(labels, probs, threshold);
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i] as number;
  return {
    roc_auc: rocAuc(labels, probs),
    pr_auc: averagePrecision(labels, probs),
    accuracy: t.accuracy,
    precision: t.precision,
    recall: t.recall,
    f1: t.f1,
    threshold,
    brier: brierScore(labels, probs),
    ece: expectedCalibrationError(labels, probs),
    log_loss: logLoss(labels, probs),
    recall_at_precision_50: recallAtPrecision(labels, probs, 0.5)?.recall ?? null,
    recall_at_precision_25: recallAtPrecision(labels, probs, 0.25)?.recall ?? null,
    positives,
    rows: labels.length,
  };
}
