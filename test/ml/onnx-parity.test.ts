import { describe, expect, it } from "vitest";
import { trainForest } from "../../src/ml/forest";
import { trainGbdt } from "../../src/ml/gbdt";
import { matrixFromRows, row } from "../../src/ml/matrix";
import { fitPlatt, modelScore, predict, type ScoringModel } from "../../src/ml/model";
import { exportOnnx, INPUT_NAME, parseOnnx } from "../../src/ml/onnx-model";
import { Rng } from "../../src/ml/random";
import { loadSession, runRows } from "../../src/platform/onnx";

function data(n: number, seed: number) {
  const rng = new Rng(seed);
  const rows: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = [rng.next() * 100, rng.next(), rng.int(3), rng.next() * 1e5 - 5e4];
    const z = (r[0] as number) / 25 - 2 + ((r[2] as number) === 1 ? 1.5 : 0) + (r[1] as number);
    for (let j = 0; j < r.length; j++) if (rng.next() < 0.15) r[j] = NaN;
    rows.push(r);
    y.push(rng.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0);
  }
  return { x: matrixFromRows(rows), y };
}

describe("ONNX export runs in onnxruntime-web inside workerd with the TS model's predictions", () => {
  const train = data(500, 1);
  const probe = data(200, 2);
  const rf = trainForest(train.x, train.y, {
    nTrees: 15,
    maxDepth: 6,
    minSamplesLeaf: 3,
    maxFeatures: "sqrt",
    extra: false,
    randomState: 1,
  });
  const et = trainForest(train.x, train.y, {
    nTrees: 15,
    maxDepth: 6,
    minSamplesLeaf: 3,
    maxFeatures: "sqrt",
    extra: true,
    randomState: 2,
  });
  const gb = trainGbdt(train.x, train.y, {
    loss: "logistic",
    nTrees: 30,
    learningRate: 0.2,
    maxDepth: 3,
    minSamplesLeaf: 5,
    lambda: 1,
    subsample: 0.8,
    colsample: 1,
    randomState: 3,
  });
  const voting: ScoringModel = {
    task: "classification",
    components: [
      { name: "rf", ensemble: rf },
      { name: "et", ensemble: et },
      { name: "gbdt", ensemble: gb },
    ],
  };
  const scores = Array.from({ length: train.x.rows }, (_, i) => modelScore(voting, row(train.x, i)));
  const cases: { name: string; model: ScoringModel }[] = [
    { name: "rf", model: { task: "classification", components: [{ name: "rf", ensemble: rf }] } },
    { name: "gbdt", model: { task: "classification", components: [{ name: "gbdt", ensemble: gb }] } },
    { name: "voting", model: voting },
    { name: "voting calibrated", model: { ...voting, calibration: fitPlatt(scores, train.y) } },
    { name: "regressor", model: { task: "regression", components: [{ name: "reserve", ensemble: gb }] } },
  ];
  for (const c of cases)
    it(c.name, async () => {
      const bytes = exportOnnx(c.model, train.x.cols, { name: c.name });
      const parsed = parseOnnx(bytes);
      expect(parsed.metadata).toEqual({ name: c.name });
      expect(parsed.nFeatures).toBe(4);
      const session = await loadSession(bytes, `parity-${c.name}`);
      const out = await runRows(session, INPUT_NAME, probe.x.data, probe.x.cols);
      let withNaN = 0;
      for (let i = 0; i < probe.x.rows; i++) {
        const x = row(probe.x, i);
        if (x.some(Number.isNaN)) withNaN++;
        const expected = predict(c.model, x);
        const fromParsed = predict(parsed.model, x);
        expect(Math.abs(fromParsed - expected)).toBeLessThan(1e-5);
        if (c.model.task === "regression")
          expect(Math.abs((out.prediction?.[i] as number) - expected)).toBeLessThan(
            1e-5 * Math.max(1, Math.abs(expected)),
          );
        else {
          expect(Math.abs((out.probabilities?.[2 * i + 1] as number) - expected)).toBeLessThan(1e-5);
          expect(Math.abs((out.probabilities?.[2 * i] as number) - (1 - expected))).toBeLessThan(1e-5);
        }
      }
      expect(withNaN).toBeGreaterThan(50);
      expect(withNaN).toBeLessThan(probe.x.rows);
    });

  it("caches sessions by key", async () => {
    const bytes = exportOnnx(cases[0]!.model, 4);
    expect(await loadSession(bytes, "same")).toBe(await loadSession(bytes, "same"));
  });
});
