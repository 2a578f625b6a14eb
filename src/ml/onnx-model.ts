import type { onnx as OnnxNs } from "onnx-proto";
import onnxProto from "onnx-proto";
import protobuf from "protobufjs/minimal";
import type { ScoringModel } from "./model";
import type { Tree, TreeEnsemble } from "./tree";

/**
 * ScoringModel <-> ONNX. Each tree ensemble is one `ai.onnx.ml.TreeEnsembleRegressor`
 * (BRANCH_LEQ nodes, NaN routed by `nodes_missing_value_tracks_true`, node covers kept in
 * `nodes_hitrates` so TreeSHAP can run on a model read back from ONNX). Voting, the logistic
 * link and Platt calibration are standard ops in the same graph, so the graph's output is the
 * final probability: `probabilities` float [N, 2] (no ZipMap) for classifiers, `prediction`
 * float [N, 1] for regressors; `score` float [N, 1] is the pre-calibration score.
 * Model metadata (features, threshold, metrics…) travels in `metadata_props["claimsedge"]`.
 */

export const INPUT_NAME = "features";
const META_KEY = "claimsedge";
// onnx-proto is CommonJS: take its namespace from the default export in every host.
const { onnx } = onnxProto as unknown as { onnx: typeof OnnxNs };
const ML = "ai.onnx.ml";
const A = onnx.AttributeProto.AttributeType;
const enc = new TextEncoder();
const dec = new TextDecoder();

interface StructureMeta {
  task: ScoringModel["task"];
  components: { name: string; link: TreeEnsemble["link"] }[];
  calibration?: ScoringModel["calibration"];
}

const ints = (name: string, v: number[]): OnnxNs.IAttributeProto => ({ name, type: A.INTS, ints: v });
const floats = (name: string, v: number[]): OnnxNs.IAttributeProto => ({ name, type: A.FLOATS, floats: v });
const str = (name: string, v: string): OnnxNs.IAttributeProto => ({ name, type: A.STRING, s: enc.encode(v) });
const int = (name: string, v: number): OnnxNs.IAttributeProto => ({ name, type: A.INT, i: v });

function ensembleNode(name: string, e: TreeEnsemble, output: string): OnnxNs.INodeProto {
  const n = {
    treeids: [] as number[],
    nodeids: [] as number[],
    featureids: [] as number[],
    modes: [] as Uint8Array[],
    values: [] as number[],
    trues: [] as number[],
    falses: [] as number[],
    missing: [] as number[],
    hit: [] as number[],
  };
  const t = { treeids: [] as number[], nodeids: [] as number[], ids: [] as number[], weights: [] as number[] };
  const branch = enc.encode("BRANCH_LEQ");
  const leaf = enc.encode("LEAF");
  e.trees.forEach((tree, ti) => {
    for (let k = 0; k < tree.feature.length; k++) {
      const isLeaf = (tree.feature[k] as number) < 0;
      n.treeids.push(ti);
      n.nodeids.push(k);
      n.featureids.push(isLeaf ? 0 : (tree.feature[k] as number));
      n.modes.push(isLeaf ? leaf : branch);
      n.values.push(isLeaf ? 0 : (tree.threshold[k] as number));
      n.trues.push(isLeaf ? 0 : (tree.left[k] as number));
      n.falses.push(isLeaf ? 0 : (tree.right[k] as number));
      n.missing.push(!isLeaf && tree.missingLeft[k] ? 1 : 0);
      n.hit.push(tree.cover[k] as number);
      if (isLeaf) {
        t.treeids.push(ti);
        t.nodeids.push(k);
        t.ids.push(0);
        t.weights.push(tree.value[k] as number);
      }
    }
  });
  return {
    name,
    opType: "TreeEnsembleRegressor",
    domain: ML,
    input: [INPUT_NAME],
    output: [output],
    attribute: [
      str("aggregate_function", "SUM"),
      floats("base_values", [e.base]),
      int("n_targets", 1),
      ints("nodes_falsenodeids", n.falses),
      ints("nodes_featureids", n.featureids),
      floats("nodes_hitrates", n.hit),
      ints("nodes_missing_value_tracks_true", n.missing),
      { name: "nodes_modes", type: A.STRINGS, strings: n.modes },
      ints("nodes_nodeids", n.nodeids),
      ints("nodes_treeids", n.treeids),
      ints("nodes_truenodeids", n.trues),
      floats("nodes_values", n.values),
      str("post_transform", "NONE"),
      ints("target_ids", t.ids),
      ints("target_nodeids", t.nodeids),
      ints("target_treeids", t.treeids),
      floats("target_weights", t.weights),
    ],
  };
}

function floatTensorType(dims: (number | string)[]): OnnxNs.ITypeProto {
  return {
    tensorType: {
      elemType: onnx.TensorProto.DataType.FLOAT,
      shape: { dim: dims.map((d) => (typeof d === "string" ? { dimParam: d } : { dimValue: d })) },
    },
  };
}

export function exportOnnx(model: ScoringModel, nFeatures: number, metadata: Record<string, unknown> = {}): Uint8Array {
  const nodes: OnnxNs.INodeProto[] = [];
  const inits: OnnxNs.ITensorProto[] = [];
  const constant = (name: string, v: number) =>
    inits.push({ name, dataType: onnx.TensorProto.DataType.FLOAT, dims: [1], floatData: [v] });
  const op = (opType: string, input: string[], output: string, attribute: OnnxNs.IAttributeProto[] = []) =>
    nodes.push({ name: output, opType, input, output: [output], attribute });

  const raws = model.components.map((c) => {
    nodes.push(ensembleNode(c.name, c.ensemble, `${c.name}_raw`));
    return `${c.name}_raw`;
  });
  let score: string;
  if (model.components.length === 1) score = raws[0] as string;
  else {
    const probs = model.components.map((c, i) => {
      if (c.ensemble.link !== "logistic") return raws[i] as string;
      op("Sigmoid", [raws[i] as string], `${c.name}_prob`);
      return `${c.name}_prob`;
    });
    op("Sum", probs, "vote_sum");
    constant("vote_weight", 1 / model.components.length);
    op("Mul", ["vote_sum", "vote_weight"], "vote_mean");
    score = "vote_mean";
  }
  op("Identity", [score], "score");
  const outputs: OnnxNs.IValueInfoProto[] = [{ name: "score", type: floatTensorType(["N", 1]) }];
  if (model.task === "regression") {
    op("Identity", [score], "prediction");
    outputs.unshift({ name: "prediction", type: floatTensorType(["N", 1]) });
  } else {
    let p: string;
    if (model.calibration) {
      constant("platt_a", model.calibration.a);
      constant("platt_b", model.calibration.b);
      op("Mul", [score, "platt_a"], "platt_scaled");
      op("Add", ["platt_scaled", "platt_b"], "platt_logit");
      op("Sigmoid", ["platt_logit"], "p_fraud");
      p = "p_fraud";
    } else if (model.components.length === 1 && model.components[0]?.ensemble.link === "logistic") {
      op("Sigmoid", [score], "p_fraud");
      p = "p_fraud";
    } else p = score;
    constant("one", 1);
    op("Sub", ["one", p], "p_legit");
    op("Concat", ["p_legit", p], "probabilities", [int("axis", 1)]);
    outputs.unshift({ name: "probabilities", type: floatTensorType(["N", 2]) });
  }
  const structure: StructureMeta = {
    task: model.task,
    components: model.components.map((c) => ({ name: c.name, link: c.ensemble.link })),
    ...(model.calibration ? { calibration: model.calibration } : {}),
  };
  const proto = onnx.ModelProto.create({
    irVersion: 8,
    producerName: "claimsedge",
    producerVersion: "1",
    opsetImport: [
      { domain: "", version: 15 },
      { domain: ML, version: 3 },
    ],
    metadataProps: [{ key: META_KEY, value: JSON.stringify({ ...metadata, structure }) }],
    graph: {
      name: "claimsedge_model",
      node: nodes,
      initializer: inits,
      input: [{ name: INPUT_NAME, type: floatTensorType(["N", nFeatures]) }],
      output: outputs,
    },
  });
  // The plain Uint8Array writer: protobufjs's Buffer writer mis-writes long strings under workerd's Buffer.
  return onnx.ModelProto.encode(proto, new protobuf.Writer()).finish();
}

const num = (v: unknown): number => (typeof v === "number" ? v : Number((v as { toString(): string }).toString()));

export interface ParsedModel<M = Record<string, unknown>> {
  model: ScoringModel;
  metadata: M;
  nFeatures: number;
}

/** Reads a model written by exportOnnx back into trees (for TreeSHAP) and its metadata. */
export function parseOnnx<M = Record<string, unknown>>(bytes: Uint8Array | ArrayBuffer): ParsedModel<M> {
  const proto = onnx.ModelProto.decode(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  const metaProp = proto.metadataProps.find((p) => p.key === META_KEY);
  if (!metaProp?.value) throw new Error("not a claimsedge model: metadata missing");
  const { structure, ...metadata } = JSON.parse(metaProp.value) as { structure: StructureMeta } & Record<
    string,
    unknown
  >;
  const graph = proto.graph as OnnxNs.GraphProto;
  const components = structure.components.map(({ name, link }) => {
    const node = graph.node.find((n) => n.name === name && n.opType === "TreeEnsembleRegressor");
    if (!node) throw new Error(`ensemble ${name} missing from graph`);
    const attr = (k: string) => (node.attribute ?? []).find((a) => a.name === k) as OnnxNs.AttributeProto;
    const I = (k: string) => attr(k).ints.map(num);
    const F = (k: string) => attr(k).floats;
    const treeids = I("nodes_treeids");
    const nodeids = I("nodes_nodeids");
    const featureids = I("nodes_featureids");
    const modes = attr("nodes_modes").strings.map((s) => dec.decode(s));
    const values = F("nodes_values");
    const trues = I("nodes_truenodeids");
    const falses = I("nodes_falsenodeids");
    const missing = I("nodes_missing_value_tracks_true");
    const hit = F("nodes_hitrates");
    const nTrees = treeids.reduce((m, t) => Math.max(m, t + 1), 0);
    const trees: Tree[] = Array.from({ length: nTrees }, () => ({
      feature: [],
      threshold: [],
      left: [],
      right: [],
      missingLeft: [],
      value: [],
      cover: [],
    }));
    treeids.forEach((t, k) => {
      const tree = trees[t] as Tree;
      const id = nodeids[k] as number;
      const isLeaf = modes[k] === "LEAF";
      tree.feature[id] = isLeaf ? -1 : (featureids[k] as number);
      tree.threshold[id] = isLeaf ? 0 : (values[k] as number);
      tree.left[id] = isLeaf ? -1 : (trues[k] as number);
      tree.right[id] = isLeaf ? -1 : (falses[k] as number);
      tree.missingLeft[id] = (missing[k] as number) === 1;
      tree.value[id] = 0;
      tree.cover[id] = hit[k] as number;
    });
    const tt = I("target_treeids");
    const tn = I("target_nodeids");
    const tw = F("target_weights");
    tt.forEach((t, k) => {
      const tree = trees[t] as Tree;
      tree.value[tn[k] as number] = (tree.value[tn[k] as number] as number) + (tw[k] as number);
    });
    return { name, ensemble: { trees, base: F("base_values")[0] ?? 0, link } };
  });
  const inputDims = graph.input[0]?.type?.tensorType?.shape?.dim ?? [];
  const nFeatures = num(inputDims[1]?.dimValue ?? 0);
  return {
    model: {
      task: structure.task,
      components,
      ...(structure.calibration ? { calibration: structure.calibration } : {}),
    },
    metadata: metadata as M,
    nFeatures,
  };
}
