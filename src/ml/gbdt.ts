import { type BinnedMatrix, binMatrix, type Matrix, MISSING_BIN } from "./matrix";
import { Rng } from "./random";
import { growTree, sigmoid, type TreeEnsemble } from "./tree";

export interface GbdtOptions {
  loss: "logistic" | "squared";
  nTrees: number;
  learningRate: number;
  maxDepth: number;
  minSamplesLeaf: number;
  lambda: number;
  /** Row fraction per tree (stochastic boosting). */
  subsample: number;
  /** Column fraction per split. */
  colsample: number;
  randomState: number;
  maxBins?: number;
}

/** Gradient-boosted trees with Newton leaves: logistic loss (raw = log-odds) or squared loss. */
export function trainGbdt(x: Matrix | BinnedMatrix, y: ArrayLike<number>, opts: GbdtOptions): TreeEnsemble {
  const data = "bins" in x ? x : binMatrix(x, opts.maxBins ?? 64);
  const n = data.rows;
  const rng = new Rng(opts.randomState);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i] as number;
  mean /= n;
  const base = opts.loss === "logistic" ? Math.log(Math.max(mean, 1e-6) / Math.max(1 - mean, 1e-6)) : mean;
  const raw = new Float64Array(n).fill(base);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const model: TreeEnsemble = { trees: [], base, link: opts.loss === "logistic" ? "logistic" : "identity" };
  const mtry = Math.max(1, Math.round(opts.colsample * data.cols));
  const bag = Math.max(1, Math.round(opts.subsample * n));
  // Rows of the binned matrix route through the tree by bin code, equal to routing by value.
  const routeBinned = (tree: TreeEnsemble["trees"][number], i: number) => {
    let node = 0;
    while ((tree.feature[node] as number) >= 0) node = stepOnce(tree, data, n, node, i);
    return node;
  };
  for (let t = 0; t < opts.nTrees; t++) {
    for (let i = 0; i < n; i++) {
      if (opts.loss === "logistic") {
        const p = sigmoid(raw[i] as number);
        g[i] = (y[i] as number) - p;
        h[i] = Math.max(p * (1 - p), 1e-12);
      } else {
        g[i] = (y[i] as number) - (raw[i] as number);
        h[i] = 1;
      }
    }
    const rows = Uint32Array.from(bag < n ? rng.sample(n, bag) : Array.from({ length: n }, (_, i) => i));
    const tree = growTree(data, g, h, rows, {
      maxDepth: opts.maxDepth,
      minSamplesLeaf: opts.minSamplesLeaf,
      maxFeatures: mtry,
      randomSplits: false,
      lambda: opts.lambda,
      minGain: 1e-9,
      leafScale: opts.learningRate,
      rng,
    });
    // Covers must describe the whole training set for TreeSHAP, not just the subsample.
    if (bag < n) {
      tree.cover.fill(0);
      for (let i = 0; i < n; i++) {
        let node = 0;
        tree.cover[0] = (tree.cover[0] as number) + 1;
        while ((tree.feature[node] as number) >= 0) {
          node = stepOnce(tree, data, n, node, i);
          tree.cover[node] = (tree.cover[node] as number) + 1;
        }
      }
    }
    model.trees.push(tree);
    for (let i = 0; i < n; i++) raw[i] = (raw[i] as number) + (tree.value[routeBinned(tree, i)] as number);
  }
  return model;
}

function stepOnce(tree: TreeEnsemble["trees"][number], data: BinnedMatrix, n: number, node: number, i: number): number {
  const f = tree.feature[node] as number;
  const b = data.bins[f * n + i] as number;
  const left =
    b === MISSING_BIN
      ? (tree.missingLeft[node] as boolean)
      : ((data.edges[f] as Float32Array)[b] as number) <= (tree.threshold[node] as number);
  return left ? (tree.left[node] as number) : (tree.right[node] as number);
}
