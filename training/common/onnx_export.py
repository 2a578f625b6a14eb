"""Export a MobileNetClassifier to an ONNX graph that onnxruntime-web's plain wasm build runs."""
from __future__ import annotations

from pathlib import Path

import torch

from .preprocess import SIZE

OPSET = 13


def fold_pads_into_convs(m, expected: int = 14):
    """torch 1.13 exports F.pad as Pad fed by a Slice/Concat chain computing the pads.
    Every Pad here feeds a 3x3 Conv, so move the padding into the Conv's own `pads`
    attribute (stride 1: [1,1,1,1]; stride 2, TF same: top 0, left 0, bottom 1, right 1)
    and drop the Pad nodes and the now-unused helper nodes. Plain Conv/Clip graph results."""
    import onnx

    g = m.graph
    producer = {o: n for n in g.node for o in n.output}
    removed = 0
    for n in g.node:
        if n.op_type != "Conv" or n.input[0] not in producer or producer[n.input[0]].op_type != "Pad":
            continue
        pad = producer[n.input[0]]
        strides = next(list(a.ints) for a in n.attribute if a.name == "strides")
        assert not any(a.name == "pads" and any(a.ints) for a in n.attribute), "conv already padded"
        for a in list(n.attribute):
            if a.name in ("pads", "auto_pad"):
                n.attribute.remove(a)
        n.attribute.append(onnx.helper.make_attribute("pads", [1, 1, 1, 1] if strides == [1, 1] else [0, 0, 1, 1]))
        n.input[0] = pad.input[0]
        removed += 1
    assert removed == expected, f"expected {expected} padded 3x3 convs, found {removed}"
    # prune nodes that no longer contribute to the graph outputs
    needed = {o.name for o in g.output}
    keep = []
    for n in reversed(list(g.node)):
        if any(o in needed for o in n.output):
            keep.append(n)
            needed.update(n.input)
    keep.reverse()
    del g.node[:]
    g.node.extend(keep)
    used = {i for n in g.node for i in n.input}
    inits = [t for t in g.initializer if t.name in used]
    del g.initializer[:]
    g.initializer.extend(inits)


def export_onnx(model, path: Path, producer_name: str, doc_string: str, padded_convs: int = 14) -> list[str]:
    """Eval-mode export, input `image` [N,3,224,224] -> output `probabilities` [N,classes] (softmax
    inside the graph, dynamic batch); checked with onnx.checker and strict shape inference.
    Returns the op types used."""
    import onnx

    model.eval()
    dummy = torch.zeros(1, 3, SIZE, SIZE)
    torch.onnx.export(model, dummy, str(path), opset_version=OPSET, input_names=["image"],
                      output_names=["probabilities"], do_constant_folding=True,
                      dynamic_axes={"image": {0: "batch"}, "probabilities": {0: "batch"}})
    m = onnx.load(str(path))
    fold_pads_into_convs(m, expected=padded_convs)
    onnx.checker.check_model(m)
    onnx.shape_inference.infer_shapes(m, strict_mode=True)
    ops = sorted({n.op_type for n in m.graph.node})
    m.producer_name = producer_name
    m.doc_string = doc_string
    onnx.save(m, str(path))
    return ops
