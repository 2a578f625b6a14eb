import type { ScoringModel } from "./model";
import { applyLink, predictRaw, sigmoid, type Tree, type TreeEnsemble } from "./tree";

/**
 * Exact path-dependent TreeSHAP (Lundberg et al., "Consistent individualized feature
 * attribution for tree ensembles", Algorithm 2), polynomial in depth. Conditional
 * expectations use the training covers stored at each node; a missing value follows the
 * node's missing route, so its "hot" child is where the model really sends the row.
 */

/** The paths of one recursion, as in the reference implementation: level k starts where level k−1's path ends. */
class PathStore {
  readonly feature: Int32Array;
  readonly zero: Float64Array;
  readonly one: Float64Array;
  readonly weight: Float64Array;
  constructor(maxDepth: number) {
    const size = ((maxDepth + 3) * (maxDepth + 4)) / 2;
    this.feature = new Int32Array(size);
    this.zero = new Float64Array(size);
    this.one = new Float64Array(size);
    this.weight = new Float64Array(size);
  }
}

function extendPath(p: PathStore, o: number, depth: number, zero: number, one: number, feature: number): void {
  p.feature[o + depth] = feature;
  p.zero[o + depth] = zero;
  p.one[o + depth] = one;
  p.weight[o + depth] = depth === 0 ? 1 : 0;
  for (let i = depth - 1; i >= 0; i--) {
    p.weight[o + i + 1] = (p.weight[o + i + 1] as number) + (one * (p.weight[o + i] as number) * (i + 1)) / (depth + 1);
    p.weight[o + i] = (zero * (p.weight[o + i] as number) * (depth - i)) / (depth + 1);
  }
}

function unwindPath(p: PathStore, o: number, depth: number, index: number): void {
  const one = p.one[o + index] as number;
  const zero = p.zero[o + index] as number;
  let next = p.weight[o + depth] as number;
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = p.weight[o + i] as number;
      p.weight[o + i] = (next * (depth + 1)) / ((i + 1) * one);
      next = tmp - ((p.weight[o + i] as number) * zero * (depth - i)) / (depth + 1);
    } else p.weight[o + i] = ((p.weight[o + i] as number) * (depth + 1)) / (zero * (depth - i));
  }
  for (let i = index; i < depth; i++) {
    p.feature[o + i] = p.feature[o + i + 1] as number;
    p.zero[o + i] = p.zero[o + i + 1] as number;
    p.one[o + i] = p.one[o + i + 1] as number;
  }
}

function unwoundPathSum(p: PathStore, o: number, depth: number, index: number): number {
  const one = p.one[o + index] as number;
  const zero = p.zero[o + index] as number;
  let next = p.weight[o + depth] as number;
  let total = 0;
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = (next * (depth + 1)) / ((i + 1) * one);
      total += tmp;
      next = (p.weight[o + i] as number) - (tmp * zero * (depth - i)) / (depth + 1);
    } else if (zero !== 0) total += (p.weight[o + i] as number) / zero / ((depth - i) / (depth + 1));
  }
  return total;
}

function goesLeft(tree: Tree, node: number, x: ArrayLike<number>): boolean {
  const v = x[tree.feature[node] as number] as number;
  return Number.isNaN(v) ? (tree.missingLeft[node] as boolean) : Math.fround(v) <= (tree.threshold[node] as number);
}

function recurse(
  tree: Tree,
  x: ArrayLike<number>,
  phi: Float64Array,
  p: PathStore,
  node: number,
  parent: number,
  depthIn: number,
  zero: number,
  one: number,
  feature: number,
): void {
  const o = parent + depthIn + 1;
  for (let i = 0; i <= depthIn; i++) {
    p.feature[o + i] = p.feature[parent + i] as number;
    p.zero[o + i] = p.zero[parent + i] as number;
    p.one[o + i] = p.one[parent + i] as number;
    p.weight[o + i] = p.weight[parent + i] as number;
  }
  let depth = depthIn;
  extendPath(p, o, depth, zero, one, feature);
  const f = tree.feature[node] as number;
  if (f < 0) {
    const value = tree.value[node] as number;
    for (let i = 1; i <= depth; i++) {
      const j = p.feature[o + i] as number;
      phi[j] =
        (phi[j] as number) +
        unwoundPathSum(p, o, depth, i) * ((p.one[o + i] as number) - (p.zero[o + i] as number)) * value;
    }
    return;
  }
  const left = tree.left[node] as number;
  const right = tree.right[node] as number;
  const hotLeft = goesLeft(tree, node, x);
  const hot = hotLeft ? left : right;
  const cold = hotLeft ? right : left;
  const cover = tree.cover[node] as number;
  let incomingZero = 1;
  let incomingOne = 1;
  let k = 0;
  for (; k <= depth; k++) if (p.feature[o + k] === f) break;
  if (k !== depth + 1) {
    incomingZero = p.zero[o + k] as number;
    incomingOne = p.one[o + k] as number;
    unwindPath(p, o, depth, k);
    depth -= 1;
  }
  recurse(tree, x, phi, p, hot, o, depth + 1, ((tree.cover[hot] as number) / cover) * incomingZero, incomingOne, f);
  recurse(tree, x, phi, p, cold, o, depth + 1, ((tree.cover[cold] as number) / cover) * incomingZero, 0, f);
}

function treeDepth(tree: Tree, node = 0): number {
  return (tree.feature[node] as number) < 0
    ? 0
    : 1 + Math.max(treeDepth(tree, tree.left[node] as number), treeDepth(tree, tree.right[node] as number));
}

/** Cover-weighted mean leaf value: the tree's output when no feature is known. */
export function expectedValue(tree: Tree): number {
  let s = 0;
  for (let n = 0; n < tree.feature.length; n++)
    if ((tree.feature[n] as number) < 0) s += (tree.value[n] as number) * (tree.cover[n] as number);
  return s / (tree.cover[0] as number);
}

export interface ShapResult {
  /** One contribution per feature column; base + sum(contributions) == output. */
  contributions: Float64Array;
  base: number;
  /** The explained output (raw scale of the ensemble or score scale of the model). */
  output: number;
}

/** SHAP values of one ensemble on its raw scale (probability for forests, log-odds for GBDT). */
export function treeShap(ensemble: TreeEnsemble, x: ArrayLike<number>, nFeatures: number): ShapResult {
  const phi = new Float64Array(nFeatures);
  let base = ensemble.base;
  const maxDepth = ensemble.trees.reduce((m, t) => Math.max(m, treeDepth(t)), 0);
  const store = new PathStore(maxDepth + 1);
  store.feature[0] = -1;
  for (const tree of ensemble.trees) {
    base += expectedValue(tree);
    if ((tree.feature[0] as number) >= 0) recurse(tree, x, phi, store, 0, 0, 0, 1, 1, -1);
  }
  return { contributions: phi, base, output: predictRaw(ensemble, x) };
}

/**
 * SHAP values on the model's score scale (before calibration, a monotone map):
 * one ensemble: its raw scale. Voting: the mean of the members on the probability scale;
 * a logistic member's log-odds SHAP values are rescaled by (σ(raw) − σ(base)) / (raw − base),
 * which keeps them additive and exact in sum (the usual linearisation of the link).
 */
export function modelShap(model: ScoringModel, x: ArrayLike<number>, nFeatures: number): ShapResult {
  if (model.components.length === 1)
    return treeShap((model.components[0] as { ensemble: TreeEnsemble }).ensemble, x, nFeatures);
  const contributions = new Float64Array(nFeatures);
  let base = 0;
  let output = 0;
  const k = model.components.length;
  for (const { ensemble } of model.components) {
    const s = treeShap(ensemble, x, nFeatures);
    let scale = 1;
    if (ensemble.link === "logistic") {
      const d = s.output - s.base;
      scale = Math.abs(d) > 1e-9 ? (sigmoid(s.output) - sigmoid(s.base)) / d : sigmoid(s.base) * (1 - sigmoid(s.base));
    }
    for (let j = 0; j < nFeatures; j++)
      contributions[j] = (contributions[j] as number) + ((s.contributions[j] as number) * scale) / k;
    base += applyLink(ensemble, s.base) / k;
    output += applyLink(ensemble, s.output) / k;
  }
  return { contributions, base, output };
}
