"""The frozen part of the backbone as an ONNX graph, run by onnxruntime-node to compute cached activations.

This machine's torch build runs MobileNet's depthwise convolutions ~100x slower than onnxruntime's
native kernels, so the frozen layers run there (training/common/extract-features.ts) and torch
only trains what sits above them."""
from __future__ import annotations

import subprocess
import tempfile
import threading
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn

from .onnx_evaluator import HERE, REPO
from .onnx_export import OPSET, fold_pads_into_convs
from .preprocess import SIZE


class Trunk(nn.Module):
    """layers[0:stop] of the backbone; with `pooled`, the spatial mean of their output ([N, C])."""

    def __init__(self, backbone, stop: int, pooled: bool):
        super().__init__()
        self.layers = backbone.layers[:stop]
        self.pooled = pooled

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x.mean(dim=(2, 3)) if self.pooled else x


def export_trunk(backbone, stop: int, pooled: bool, path: Path) -> tuple[int, ...]:
    """Writes the trunk to `path`; returns the shape of one image's output."""
    import onnx

    trunk = Trunk(backbone, stop, pooled).eval()
    dummy = torch.zeros(1, 3, SIZE, SIZE)
    with torch.no_grad():
        shape = tuple(trunk(dummy).shape[1:])
    torch.onnx.export(trunk, dummy, str(path), opset_version=OPSET, input_names=["image"], output_names=["features"],
                      do_constant_folding=True, dynamic_axes={"image": {0: "batch"}, "features": {0: "batch"}})
    m = onnx.load(str(path))
    fold_pads_into_convs(m, expected=stop)  # the stem and each block have one padded 3x3 conv
    onnx.checker.check_model(m)
    onnx.save(m, str(path))
    return shape


class TrunkExtractor:
    """Activations of layers[0:stop] for batches of model inputs, computed by onnxruntime-node.

    One Node process per extractor; inputs go in on its stdin (from a writer thread, so a full
    stdout pipe cannot deadlock the two) and activations come back on its stdout."""

    def __init__(self, backbone, stop: int, pooled: bool, node: str, threads: int = 2):
        self._dir = tempfile.TemporaryDirectory(prefix="claimsedge-trunk-")
        model = Path(self._dir.name) / f"trunk-{stop}{'-pooled' if pooled else ''}.onnx"
        self.shape = export_trunk(backbone, stop, pooled, model)
        self._proc = subprocess.Popen([node, "--import", "tsx", str(HERE / "extract-features.ts"), str(model), str(threads)],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=REPO)

    def __call__(self, x: np.ndarray) -> np.ndarray:
        x = np.ascontiguousarray(x, dtype="<f4")
        assert x.shape[1:] == (3, SIZE, SIZE), x.shape
        error: list[BaseException] = []

        def feed():
            try:
                self._proc.stdin.write(x.tobytes())
                self._proc.stdin.flush()
            except BaseException as e:  # noqa: BLE001  (re-raised in the caller's thread)
                error.append(e)

        writer = threading.Thread(target=feed)
        writer.start()
        per_image = int(np.prod(self.shape))
        want = len(x) * per_image * 4
        data = self._proc.stdout.read(want)
        writer.join()
        if error or len(data) != want:
            raise RuntimeError(f"extract-features.ts stopped (exit {self._proc.poll()}): "
                               f"{len(data)} of {want} bytes, {error[0] if error else ''}")
        return np.frombuffer(data, dtype="<f4").reshape(len(x), *self.shape)

    def close(self):
        if self._proc.stdin and not self._proc.stdin.closed:
            self._proc.stdin.close()
        self._proc.wait(timeout=60)
        self._dir.cleanup()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
