import { describe, expect, it } from "vitest";
import { trainForest } from "../../src/ml/forest";
import { trainGbdt } from "../../src/ml/gbdt";
import { matrixFromRows, row } from "../../src/ml/matrix";
import { modelScore, type ScoringModel } from "../../src/ml/model";
import { Rng } from "../../src/ml/random";
import { leafIndex, type Tree } from "../../src/ml/tree";
import { modelShap, treeShap } from "../../src/ml/treeshap";

/** E[f(x) | x_S] as path-dependent TreeSHAP defines it: unknown features split by cover. */
function conditional(tree: Tree, x: ArrayLike<number>, known: Set<number>, node = 0): number {
  const f = tree.feature[node] as number;
  if (f < 0) return tree.value[node] as number;
  const l = tree.left[node] as number;
  const r = tree.right[node] as number;
  if (known.has(f)) {
    const v = x[f] as number;
    const left = Number.isNaN(v) ? tree.missingLeft[node] : Math.fround(v) <= (tree.threshold[node] as number);
    return conditional(tree, x, known, left ? l : r);
  }
  const c = tree.cover[node] as number;
  return (
    ((tree.cover[l] as number) * conditional(tree, x, known, l) +
      (tree.cover[r] as number) * conditional(tree, x, known, r)) /
    c
  );
}

function bruteForceShapley(tree: Tree, x: ArrayLike<number>, m: number): number[] {
  const fact = (n: number): number => (n <= 1 ? 1 : n * fact(n - 1));
  const phi = new Array<number>(m).fill(0);
  for (let i = 0; i < m; i++)
    for (let mask = 0; mask < 1 << m; mask++) {
      if (mask & (1 << i)) continue;
      const s = new Set<number>();
      for (let j = 0; j < m; j++) if (mask & (1 << j)) s.add(j);
      const w = (fact(s.size) * fact(m - s.size - 1)) / fact(m);
      const withI = new Set(s).add(i);
      phi[i] = (phi[i] as number) + w * (conditional(tree, x, withI) - conditional(tree, x, s));
    }
  return phi;
}

// A hand-made tree that splits on feature 0 twice and routes missing values both ways.
const tiny: Tree = {
  feature: [0, 1, -1, -1, 2, 0, -1, -1, -1],
  threshold: [5, 2, 0, 0, 1, 8, 0, 0, 0],
  left: [1, 2, -1, -1, 5, 6, -1, -1, -1],
  right: [4, 3, -1, -1, 8, 7, -1, -1, -1],
  missingLeft: [true, false, false, false, true, false, false, false, false],
  value: [0, 0, 1, 3, 0, 0, -2, 7, 4],
  cover: [100, 40, 15, 25, 60, 35, 20, 15, 25],
};

describe("TreeSHAP", () => {
  it.each([
    [[3, 1, 0]],
    [[3, 4, 9]],
    [[6, 0, 0]],
    [[9, 0, 0]],
    [[9, 0, 5]],
    [[NaN, 1, 0]],
    [[6, NaN, NaN]],
    [[NaN, NaN, NaN]],
  ])("matches brute-force Shapley values on a tiny tree at %j", (x) => {
    const ensemble = { trees: [tiny], base: 0, link: "identity" as const };
    const s = treeShap(ensemble, x, 3);
    const expected = bruteForceShapley(tiny, x, 3);
    for (let j = 0; j < 3; j++) expect(s.contributions[j]).toBeCloseTo(expected[j] as number, 10);
    expect(s.base + s.contributions.reduce((a, b) => a + b, 0)).toBeCloseTo(
      tiny.value[leafIndex(tiny, x)] as number,
      10,
    );
  });

  it("sums to the raw output of forests, boosted trees and voting on many rows with missing values", () => {
    const rng = new Rng(4);
    const rows: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 400; i++) {
      const r = Array.from({ length: 6 }, () => (rng.next() < 0.1 ? NaN : rng.next()));
      rows.push(r);
      y.push(((r[0] ?? 0.5) > 0.5 ? 1 : 0) ^ (rng.next() < 0.2 ? 1 : 0));
    }
    const x = matrixFromRows(rows);
    const rf = trainForest(x, y, {
      nTrees: 10,
      maxDepth: 7,
      minSamplesLeaf: 2,
      maxFeatures: "sqrt",
      extra: false,
      randomState: 1,
    });
    const et = trainForest(x, y, {
      nTrees: 10,
      maxDepth: 7,
      minSamplesLeaf: 2,
      maxFeatures: "sqrt",
      extra: true,
      randomState: 2,
    });
    const gb = trainGbdt(x, y, {
      loss: "logistic",
      nTrees: 20,
      learningRate: 0.3,
      maxDepth: 4,
      minSamplesLeaf: 3,
      lambda: 1,
      subsample: 0.7,
      colsample: 1,
      randomState: 3,
    });
    const models: ScoringModel[] = [
      { task: "classification", components: [{ name: "rf", ensemble: rf }] },
      { task: "classification", components: [{ name: "gbdt", ensemble: gb }] },
      {
        task: "classification",
        components: [
          { name: "rf", ensemble: rf },
          { name: "et", ensemble: et },
          { name: "gbdt", ensemble: gb },
        ],
      },
    ];
    for (const model of models)
      for (let i = 0; i < x.rows; i++) {
        const xi = row(x, i);
        const s = modelShap(model, xi, 6);
        expect(Math.abs(s.base + s.contributions.reduce((a, b) => a + b, 0) - modelScore(model, xi))).toBeLessThan(
          1e-9,
        );
      }
    // The informative feature dominates.
    const s = modelShap(models[1]!, [0.9, 0.5, 0.5, 0.5, 0.5, 0.5], 6);
    expect(s.contributions[0]).toBeGreaterThan(0);
    expect(Math.abs(s.contributions[0] as number)).toBeGreaterThan(Math.abs(s.contributions[3] as number));
  });
});
