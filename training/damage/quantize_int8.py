"""Static int8 (QDQ) quantisation of the damage classifier, no calibration set needed.

Every activation a Conv reads has a range fixed by the graph: the image is x = v/127.5 - 1 in
[-1, 1], and every other Conv input is a ReLU6 (Clip 0..6) output. So activations are uint8 with
those exact ranges (as in TFLite's quantised MobileNets), Conv weights int8 symmetric per output
channel, biases int32 at input scale x weight scale. onnxruntime fuses DQ -> Conv -> Clip -> Q
into QLinearConv; the pooling, the head (Gemm) and the softmax stay float32.

  /usr/bin/python3 training/damage/quantize_int8.py --model models/damage/damage-classifier.onnx --out m-int8.onnx
"""
import argparse
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

IMAGE_SCALE, IMAGE_ZERO = 2.0 / 255.0, 128
RELU6_SCALE, RELU6_ZERO = 6.0 / 255.0, 0


def constant_of(graph, name):
    for init in graph.initializer:
        if init.name == name:
            return numpy_helper.to_array(init)
    for node in graph.node:
        if node.op_type == "Constant" and node.output[0] == name:
            return numpy_helper.to_array(node.attribute[0].t)
    raise KeyError(name)


def quantize(model: onnx.ModelProto) -> onnx.ModelProto:
    g = model.graph
    inits = {i.name: i for i in g.initializer}
    new_inits, nodes = [], []
    act_scale = {}  # float activation name -> its uint8 scale (after Q/DQ)
    renamed = {}  # float activation name -> its dequantised name

    def qdq(name, scale, zero):
        s, z = f"{name}_scale", f"{name}_zero"
        new_inits.extend([numpy_helper.from_array(np.array(scale, np.float32), s),
                          numpy_helper.from_array(np.array(zero, np.uint8), z)])
        nodes.append(helper.make_node("QuantizeLinear", [name, s, z], [f"{name}_q"]))
        nodes.append(helper.make_node("DequantizeLinear", [f"{name}_q", s, z], [f"{name}_dq"]))
        renamed[name], act_scale[name] = f"{name}_dq", scale

    image = g.input[0].name
    qdq(image, IMAGE_SCALE, IMAGE_ZERO)
    for node in g.node:
        if node.op_type == "Conv":
            x, w_name, b_name = node.input
            w = numpy_helper.to_array(inits[w_name]).astype(np.float64)
            b = numpy_helper.to_array(inits[b_name]).astype(np.float64)
            w_scale = np.abs(w).reshape(w.shape[0], -1).max(axis=1) / 127.0
            # A channel whose weights are all zero still needs a scale its bias fits in int32 at.
            w_scale = np.maximum(w_scale, np.maximum(np.abs(b), 1e-6) / (act_scale[x] * 2.0**30))
            w_q = np.clip(np.round(w / w_scale[:, None, None, None]), -127, 127).astype(np.int8)
            b_scale = act_scale[x] * w_scale
            b_q = np.round(b / b_scale).astype(np.int32)
            new_inits.extend([
                numpy_helper.from_array(w_q, f"{w_name}_q"),
                numpy_helper.from_array(w_scale.astype(np.float32), f"{w_name}_scale"),
                numpy_helper.from_array(np.zeros(w.shape[0], np.int8), f"{w_name}_zero"),
                numpy_helper.from_array(b_q, f"{b_name}_q"),
                numpy_helper.from_array(b_scale.astype(np.float32), f"{b_name}_scale"),
                numpy_helper.from_array(np.zeros(w.shape[0], np.int32), f"{b_name}_zero"),
            ])
            nodes.append(helper.make_node("DequantizeLinear", [f"{w_name}_q", f"{w_name}_scale", f"{w_name}_zero"],
                                          [f"{w_name}_dq"], axis=0))
            nodes.append(helper.make_node("DequantizeLinear", [f"{b_name}_q", f"{b_name}_scale", f"{b_name}_zero"],
                                          [f"{b_name}_dq"], axis=0))
            conv = onnx.NodeProto()
            conv.CopyFrom(node)
            conv.input[:] = [renamed[x], f"{w_name}_dq", f"{b_name}_dq"]
            nodes.append(conv)
        elif node.op_type == "Clip":
            lo, hi = (float(constant_of(g, n)) for n in node.input[1:3])
            assert (lo, hi) == (0.0, 6.0), f"{node.name}: only ReLU6 clips are expected, got {lo}..{hi}"
            nodes.append(node)
            qdq(node.output[0], RELU6_SCALE, RELU6_ZERO)
        else:
            copy = onnx.NodeProto()
            copy.CopyFrom(node)
            copy.input[:] = [renamed.get(i, i) for i in node.input]
            nodes.append(copy)

    used = {i for n in nodes for i in n.input}
    keep = [i for i in g.initializer if i.name in used]
    del g.node[:]
    g.node.extend(nodes)
    del g.initializer[:]
    g.initializer.extend(keep + [i for i in new_inits if i.name in used])
    onnx.checker.check_model(model)
    return model


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", type=Path, default=Path("models/damage/damage-classifier.onnx"))
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    quantised = quantize(onnx.load(str(args.model)))
    onnx.save(quantised, str(args.out))
    print(f"{args.out}: {args.out.stat().st_size} bytes")
