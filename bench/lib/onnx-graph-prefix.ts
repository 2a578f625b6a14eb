import type { onnx as OnnxNs } from "onnx-proto";
import onnxProto from "onnx-proto";
import protobuf from "protobufjs/minimal";

// onnx-proto is CommonJS: take its namespace from the default export in every host.
const { onnx } = onnxProto as unknown as { onnx: typeof OnnxNs };

/** A model's nodes in graph order: operator and first output (to choose where to cut). */
export function graphNodes(bytes: Uint8Array): { opType: string; output: string }[] {
  const model = onnx.ModelProto.decode(bytes);
  return (model.graph?.node ?? []).map((node) => ({ opType: node.opType ?? "", output: node.output?.[0] ?? "" }));
}

/**
 * The model cut after node `last` (inclusive): same input, the mean of that node's output as the only output,
 * initializers the kept nodes do not read dropped. Timing successive cuts gives each part's cost.
 */
export function graphPrefix(bytes: Uint8Array, last: number): Uint8Array {
  const model = onnx.ModelProto.decode(bytes);
  const graph = model.graph!;
  const nodes = graph.node!.slice(0, last + 1);
  const read = new Set(nodes.flatMap((node) => node.input ?? []));
  const cut = nodes.at(-1)!.output![0]!;
  // The cut is averaged to one number: copying a large activation out would cost more than the layer.
  const output = "cut_mean";
  graph.node = [
    ...nodes,
    onnx.NodeProto.create({
      opType: "ReduceMean",
      input: [cut],
      output: [output],
      attribute: [{ name: "keepdims", type: onnx.AttributeProto.AttributeType.INT, i: 0 }],
    }),
  ];
  graph.initializer = (graph.initializer ?? []).filter((tensor) => read.has(tensor.name ?? ""));
  graph.output = [
    onnx.ValueInfoProto.create({
      name: output,
      type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT } },
    }),
  ];
  graph.valueInfo = [];
  return onnx.ModelProto.encode(model, new protobuf.Writer()).finish();
}
