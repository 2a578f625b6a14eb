import { type BinnedMatrix, binMatrix, type Matrix } from "./matrix";
import { Rng } from "./random";
import { growTree, type TreeEnsemble } from "./tree";

export interface ForestOptions {
  nTrees: number;
  maxDepth: number;
  minSamplesLeaf: number;
  /** Candidate features per split: "sqrt" of the column count, or a fraction of it. */
  maxFeatures: "sqrt" | number;
  /** Random forest: bootstrap rows, best split. Extra trees: all rows, random cut points. */
  extra: boolean;
  randomState: number;
  maxBins?: number;
}

export function featureCount(cols: number, maxFeatures: "sqrt" | number): number {
  const k = maxFeatures === "sqrt" ? Math.sqrt(cols) : maxFeatures * cols;
  return Math.max(1, Math.min(cols, Math.round(k)));
}

/** Random forest or extra trees on a 0/1 (or real) target; raw output is the mean leaf value. */
export function trainForest(x: Matrix | BinnedMatrix, y: ArrayLike<number>, opts: ForestOptions): TreeEnsemble {
  const data = "bins" in x ? x : binMatrix(x, opts.maxBins ?? 64);
  const rng = new Rng(opts.randomState);
  const g = Float64Array.from(y);
  const h = new Float64Array(data.rows).fill(1);
  const trees = [];
  for (let t = 0; t < opts.nTrees; t++) {
    const rows = new Uint32Array(data.rows);
    for (let i = 0; i < data.rows; i++) rows[i] = opts.extra ? i : rng.int(data.rows);
    trees.push(
      growTree(data, g, h, rows, {
        maxDepth: opts.maxDepth,
        minSamplesLeaf: opts.minSamplesLeaf,
        maxFeatures: featureCount(data.cols, opts.maxFeatures),
        randomSplits: opts.extra,
        lambda: 0,
        minGain: 1e-12,
        leafScale: 1 / opts.nTrees,
        rng,
      }),
    );
  }
  return { trees, base: 0, link: "identity" };
}
