import { describe, expect, it } from "vitest";
import { trainForest } from "../../src/ml/forest";
import { trainGbdt } from "../../src/ml/gbdt";
import { matrixFromRows } from "../../src/ml/matrix";
import {
  atThreshold,
  averagePrecision,
  bestF1Threshold,
  brierScore,
  expectedCalibrationError,
  meanAbsoluteError,
  recallAtPrecision,
  rocAuc,
  rSquared,
} from "../../src/ml/metrics";
import { fitPlatt, predict } from "../../src/ml/model";
import { Rng, stratifiedSplit } from "../../src/ml/random";
import { predictRaw, sigmoid, type Tree } from "../../src/ml/tree";

function checkCovers(t: Tree) {
  for (let n = 0; n < t.feature.length; n++)
    if ((t.feature[n] as number) >= 0)
      expect((t.cover[t.left[n] as number] as number) + (t.cover[t.right[n] as number] as number)).toBe(t.cover[n]);
}

/** y = 1 when x0 > 0.5, or when x0 is missing and x1 > 0.5: the missing route has to be learned. */
function synthetic(n: number, seed: number) {
  const rng = new Rng(seed);
  const rows: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const x0 = rng.next();
    const x1 = rng.next();
    const missing = rng.next() < 0.3;
    rows.push([missing ? NaN : x0, x1, rng.next()]);
    y.push(missing ? (x1 > 0.5 ? 1 : 0) : x0 > 0.5 ? 1 : 0);
  }
  return { x: matrixFromRows(rows), y, rows };
}

describe("trees", () => {
  const { x, y, rows } = synthetic(600, 1);
  const test = synthetic(300, 2);
  const cases = [
    {
      name: "random forest",
      model: () =>
        trainForest(x, y, { nTrees: 20, maxDepth: 6, minSamplesLeaf: 2, maxFeatures: 1, extra: false, randomState: 3 }),
    },
    {
      name: "extra trees",
      model: () =>
        trainForest(x, y, { nTrees: 30, maxDepth: 8, minSamplesLeaf: 2, maxFeatures: 1, extra: true, randomState: 3 }),
    },
    {
      name: "gbdt",
      model: () =>
        trainGbdt(x, y, {
          loss: "logistic",
          nTrees: 40,
          learningRate: 0.3,
          maxDepth: 3,
          minSamplesLeaf: 2,
          lambda: 1,
          subsample: 0.8,
          colsample: 1,
          randomState: 3,
        }),
    },
  ];
  for (const c of cases)
    it(`${c.name} learns the rule including its missing-value route`, () => {
      const m = c.model();
      m.trees.forEach(checkCovers);
      const p = test.rows.map((r) => (m.link === "logistic" ? sigmoid(predictRaw(m, r)) : predictRaw(m, r)));
      expect(rocAuc(test.y, p)).toBeGreaterThan(0.95);
      const missingRows = test.rows.map((r, i) => ({ r, i })).filter(({ r }) => Number.isNaN(r[0]));
      const acc =
        missingRows.filter(({ i }) => ((p[i] as number) >= 0.5 ? 1 : 0) === test.y[i]).length / missingRows.length;
      expect(acc).toBeGreaterThan(0.85);
    });

  it("is deterministic for a seed", () => {
    const a = trainForest(x, y, {
      nTrees: 5,
      maxDepth: 4,
      minSamplesLeaf: 2,
      maxFeatures: 1,
      extra: false,
      randomState: 9,
    });
    const b = trainForest(x, y, {
      nTrees: 5,
      maxDepth: 4,
      minSamplesLeaf: 2,
      maxFeatures: 1,
      extra: false,
      randomState: 9,
    });
    expect(a).toEqual(b);
    expect(rows.length).toBe(600);
  });

  it("squared-loss boosting fits a regression target", () => {
    const rng = new Rng(5);
    const r = Array.from({ length: 400 }, () => [rng.next() * 10, rng.next()]);
    const target = r.map(([a, b]) => 3 * (a as number) + ((b as number) > 0.5 ? 5 : 0));
    const m = trainGbdt(matrixFromRows(r), target, {
      loss: "squared",
      nTrees: 100,
      learningRate: 0.2,
      maxDepth: 3,
      minSamplesLeaf: 3,
      lambda: 0,
      subsample: 1,
      colsample: 1,
      randomState: 1,
    });
    const pred = r.map((row) => predictRaw(m, row));
    expect(rSquared(target, pred)).toBeGreaterThan(0.98);
    expect(meanAbsoluteError(target, pred)).toBeLessThan(1);
  });
});

describe("metrics", () => {
  it.each([
    { labels: [0, 0, 1, 1], scores: [0.1, 0.4, 0.35, 0.8], auc: 0.75, ap: 0.8333333333 },
    { labels: [0, 1], scores: [0.2, 0.9], auc: 1, ap: 1 },
    { labels: [1, 0], scores: [0.2, 0.9], auc: 0, ap: 0.5 },
    { labels: [0, 1, 0, 1], scores: [0.5, 0.5, 0.5, 0.5], auc: 0.5, ap: 0.5 },
  ])("ROC-AUC and average precision of $scores", ({ labels, scores, auc, ap }) => {
    expect(rocAuc(labels, scores)).toBeCloseTo(auc, 9);
    expect(averagePrecision(labels, scores)).toBeCloseTo(ap, 9);
  });

  it("threshold metrics", () => {
    const m = atThreshold([1, 1, 0, 0, 1], [0.9, 0.4, 0.6, 0.1, 0.7], 0.5);
    expect(m).toMatchObject({ tp: 2, fp: 1, tn: 1, fn: 1, accuracy: 0.6 });
    expect(m.precision).toBeCloseTo(2 / 3);
    expect(m.recall).toBeCloseTo(2 / 3);
    expect(m.f1).toBeCloseTo(2 / 3);
    expect(bestF1Threshold([1, 1, 0, 0, 1], [0.9, 0.4, 0.6, 0.1, 0.7])).toBe(0.4);
    expect(recallAtPrecision([1, 1, 0, 0, 1], [0.9, 0.4, 0.6, 0.1, 0.7], 1)?.recall).toBeCloseTo(2 / 3);
  });

  it.each([
    { labels: [1, 0], probs: [1, 0], brier: 0, ece: 0 },
    { labels: [1, 0], probs: [0.5, 0.5], brier: 0.25, ece: 0 },
    { labels: [1, 1], probs: [0.75, 0.75], brier: 0.0625, ece: 0.25 },
  ])("Brier $brier and ECE $ece", ({ labels, probs, brier, ece }) => {
    expect(brierScore(labels, probs)).toBeCloseTo(brier, 12);
    expect(expectedCalibrationError(labels, probs)).toBeCloseTo(ece, 12);
  });

  it("R² and MAE", () => {
    expect(rSquared([1, 2, 3], [1, 2, 3])).toBe(1);
    expect(rSquared([1, 2, 3], [2, 2, 2])).toBe(0);
    expect(meanAbsoluteError([1, 2, 3], [2, 2, 2])).toBeCloseTo(2 / 3);
  });
});

describe("splits and calibration", () => {
  it("stratified split keeps class shares and covers every row once", () => {
    const labels = Array.from({ length: 1000 }, (_, i) => (i % 10 === 0 ? 1 : 0));
    const s = stratifiedSplit(labels, { validation: 0.2, test: 0.2 }, 42);
    expect(new Set([...s.train, ...s.validation, ...s.test]).size).toBe(1000);
    expect(s.test.filter((i) => labels[i] === 1).length).toBe(20);
    expect(s.validation.filter((i) => labels[i] === 1).length).toBe(20);
  });

  it("Platt scaling recovers a known logistic relation", () => {
    const rng = new Rng(11);
    const scores: number[] = [];
    const labels: number[] = [];
    for (let i = 0; i < 20000; i++) {
      const s = rng.next() * 4 - 2;
      scores.push(s);
      labels.push(rng.next() < sigmoid(2 * s - 0.5) ? 1 : 0);
    }
    const { a, b } = fitPlatt(scores, labels);
    expect(a).toBeCloseTo(2, 0);
    expect(b).toBeCloseTo(-0.5, 0);
    const model = {
      task: "classification" as const,
      components: [{ name: "x", ensemble: { trees: [], base: 0.3, link: "identity" as const } }],
      calibration: { a, b },
    };
    expect(predict(model, [])).toBeCloseTo(sigmoid(a * 0.3 + b), 12);
  });
});
