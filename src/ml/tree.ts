import { type BinnedMatrix, MISSING_BIN } from "./matrix";
import type { Rng } from "./random";

/**
 * One binary decision tree as flat arrays; node 0 is the root, `feature[n] === -1` marks a leaf.
 * A row goes left when `x[feature] <= threshold` (float32 compare, as in ONNX BRANCH_LEQ);
 * a missing (NaN) value goes left when `missingLeft[n]`. `cover[n]` counts the training rows
 * that reached the node (children's covers sum to the parent's), which TreeSHAP needs.
 * The same arrays are written to and read back from ONNX, so training, ONNX and SHAP share them.
 */
export interface Tree {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  missingLeft: boolean[];
  value: number[];
  cover: number[];
}

/** Additive tree model: raw = base + sum of the leaves the row reaches. */
export interface TreeEnsemble {
  trees: Tree[];
  base: number;
  /** How raw output maps to a prediction: identity (forest probability, regression) or logistic (GBDT log-odds). */
  link: "identity" | "logistic";
}

export function leafIndex(tree: Tree, x: ArrayLike<number>): number {
  let n = 0;
  while ((tree.feature[n] as number) >= 0) {
    const v = x[tree.feature[n] as number] as number;
    const goLeft = Number.isNaN(v) ? (tree.missingLeft[n] as boolean) : Math.fround(v) <= (tree.threshold[n] as number);
    n = goLeft ? (tree.left[n] as number) : (tree.right[n] as number);
  }
  return n;
}

export function predictRaw(model: TreeEnsemble, x: ArrayLike<number>): number {
  let s = model.base;
  for (const t of model.trees) s += t.value[leafIndex(t, x)] as number;
  return s;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function applyLink(model: TreeEnsemble, raw: number): number {
  return model.link === "logistic" ? sigmoid(raw) : raw;
}

export function nodeCount(model: TreeEnsemble): number {
  return model.trees.reduce((s, t) => s + t.feature.length, 0);
}

export interface GrowOptions {
  maxDepth: number;
  minSamplesLeaf: number;
  /** Number of candidate features per split (random subset). */
  maxFeatures: number;
  /** Extra-trees: one random cut point per candidate feature instead of the best one. */
  randomSplits: boolean;
  /** L2 penalty on leaf values (GBDT); 0 for plain variance reduction. */
  lambda: number;
  minGain: number;
  /** Multiplies every leaf value (learning rate, 1/number of trees). */
  leafScale: number;
  rng: Rng;
}

/**
 * Grows one tree on binned data from per-row first- and second-order statistics.
 * Leaf value = scale * G / (H + lambda); split gain = GL²/(HL+λ) + GR²/(HR+λ) − G²/(H+λ).
 * With g = y and h = 1 this is CART variance reduction (equivalent to Gini for 0/1 labels);
 * with g = negative gradient and h = hessian it is a Newton boosting step.
 * `rows` may repeat indices (bootstrap), each repetition counting once.
 */
export function growTree(
  data: BinnedMatrix,
  g: Float64Array,
  h: Float64Array,
  rows: Uint32Array,
  opts: GrowOptions,
): Tree {
  const tree: Tree = { feature: [], threshold: [], left: [], right: [], missingLeft: [], value: [], cover: [] };
  const n = data.rows;
  const maxBins = data.edges.reduce((m, e) => Math.max(m, e.length), 1);
  const histG = new Float64Array(maxBins + 1);
  const histH = new Float64Array(maxBins + 1);
  const histC = new Float64Array(maxBins + 1);
  const scratch = new Uint32Array(rows.length);

  const score = (G: number, H: number) => (H + opts.lambda > 0 ? (G * G) / (H + opts.lambda) : 0);

  const build = (start: number, end: number, depth: number): number => {
    let G = 0;
    let H = 0;
    for (let k = start; k < end; k++) {
      const i = rows[k] as number;
      G += g[i] as number;
      H += h[i] as number;
    }
    const count = end - start;
    const id = tree.feature.length;
    tree.feature.push(-1);
    tree.threshold.push(0);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.missingLeft.push(false);
    tree.value.push(H + opts.lambda > 0 ? (opts.leafScale * G) / (H + opts.lambda) : 0);
    tree.cover.push(count);
    if (depth >= opts.maxDepth || count < 2 * opts.minSamplesLeaf) return id;

    const parentScore = score(G, H);
    let bestGain = opts.minGain;
    let bestFeature = -1;
    let bestBin = -1;
    let bestMissingLeft = false;
    const candidates = opts.rng.sample(data.cols, opts.maxFeatures);
    for (const f of candidates) {
      const nb = (data.edges[f] as Float32Array).length;
      if (nb < 2) continue;
      histG.fill(0, 0, nb);
      histH.fill(0, 0, nb);
      histC.fill(0, 0, nb);
      let mG = 0;
      let mH = 0;
      let mC = 0;
      const col = f * n;
      let lo = nb;
      let hi = -1;
      for (let k = start; k < end; k++) {
        const i = rows[k] as number;
        const b = data.bins[col + i] as number;
        if (b === MISSING_BIN) {
          mG += g[i] as number;
          mH += h[i] as number;
          mC++;
        } else {
          histG[b] = (histG[b] as number) + (g[i] as number);
          histH[b] = (histH[b] as number) + (h[i] as number);
          histC[b] = (histC[b] as number) + 1;
          if (b < lo) lo = b;
          if (b > hi) hi = b;
        }
      }
      if (hi <= lo) continue;
      let cut = -1;
      if (opts.randomSplits) cut = lo + opts.rng.int(hi - lo);
      let lG = 0;
      let lH = 0;
      let lC = 0;
      for (let b = lo; b < hi; b++) {
        lG += histG[b] as number;
        lH += histH[b] as number;
        lC += histC[b] as number;
        if (cut >= 0 && b !== cut) continue;
        const rG = G - mG - lG;
        const rH = H - mH - lH;
        const rC = count - mC - lC;
        // Missing rows on the left, then on the right; with none, they follow the larger child.
        for (const mLeft of mC > 0 ? [true, false] : [lC >= rC]) {
          const cl = lC + (mLeft ? mC : 0);
          const cr = rC + (mLeft ? 0 : mC);
          if (cl < opts.minSamplesLeaf || cr < opts.minSamplesLeaf) continue;
          const gain = mLeft
            ? score(lG + mG, lH + mH) + score(rG, rH) - parentScore
            : score(lG, lH) + score(rG + mG, rH + mH) - parentScore;
          if (gain > bestGain) {
            bestGain = gain;
            bestFeature = f;
            bestBin = b;
            bestMissingLeft = mLeft;
          }
        }
      }
    }
    if (bestFeature < 0) return id;

    const col = bestFeature * n;
    let mid = start;
    let tail = 0;
    for (let k = start; k < end; k++) {
      const i = rows[k] as number;
      const b = data.bins[col + i] as number;
      const left = b === MISSING_BIN ? bestMissingLeft : b <= bestBin;
      if (left) rows[mid++] = i;
      else scratch[tail++] = i;
    }
    rows.set(scratch.subarray(0, tail), mid);
    tree.feature[id] = bestFeature;
    tree.threshold[id] = (data.edges[bestFeature] as Float32Array)[bestBin] as number;
    tree.missingLeft[id] = bestMissingLeft;
    const l = build(start, mid, depth + 1);
    const r = build(mid, end, depth + 1);
    tree.left[id] = l;
    tree.right[id] = r;
    return id;
  };
  build(0, rows.length, 0);
  return tree;
}
