"""The frozen backbone as an ONNX graph, run by onnxruntime-node to compute pooled features.

This machine's torch build runs MobileNet's depthwise convolutions ~10-100x slower than
onnxruntime's native kernels, so the frozen layers run there (training/common/extract-features.ts)
and torch only trains the head that sits above them."""
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


def _pool(x, how: str):
    if how == "mean":
        return x.mean(dim=(2, 3))
    if how == "centre":  # the middle half of each side, where the photographed car usually is
        h, w = x.shape[2], x.shape[3]
        return x[:, :, h // 4:h - h // 4, w // 4:w - w // 4].mean(dim=(2, 3))
    if how == "max":
        return x.amax(dim=(2, 3))
    raise ValueError(how)


def pooled_taps(layers, x, start: int, taps: dict[int, tuple[str, ...]]):
    """Runs layers[start:] on x (the input of layers[start]) and concatenates, for each tapped layer t
    in order, the poolings taps[t] of its output ([N, features]); t = start - 1 pools x itself."""
    out = [_pool(x, how) for how in taps.get(start - 1, ())]
    for i in range(start, max(taps) + 1):
        x = layers[i](x)
        out += [_pool(x, how) for how in taps.get(i, ())]
    return torch.cat(out, dim=1)


def taps_key(taps: dict[int, tuple[str, ...]]) -> str:
    return "_".join(f"{t}-{'-'.join(h)}" for t, h in sorted(taps.items()))


class Trunk(nn.Module):
    """layers[start:] of the backbone, returning pooled_taps."""

    def __init__(self, backbone, start: int, taps: dict[int, tuple[str, ...]]):
        super().__init__()
        assert min(taps) >= start - 1, (start, taps)
        self.layers = backbone.layers
        self.start, self.taps = start, taps

    def forward(self, x):
        return pooled_taps(self.layers, x, self.start, self.taps)


def input_shape(backbone, start: int) -> tuple[int, ...]:
    """Shape of one image's activations at the input of layers[start]."""
    with torch.no_grad():
        return tuple(backbone.features(torch.zeros(1, 3, SIZE, SIZE), 0, start).shape[1:])


def export_trunk(backbone, start: int, taps: dict[int, tuple[str, ...]], path: Path) -> tuple[tuple[int, ...], int]:
    """Writes the trunk to `path`; returns (input shape, feature width) of one image."""
    import onnx

    trunk = Trunk(backbone, start, taps).eval()
    shape = input_shape(backbone, start)
    dummy = torch.zeros(1, *shape)
    with torch.no_grad():
        width = int(trunk(dummy).shape[1])
    torch.onnx.export(trunk, dummy, str(path), opset_version=OPSET, input_names=["image"], output_names=["features"],
                      do_constant_folding=True, dynamic_axes={"image": {0: "batch"}, "features": {0: "batch"}})
    m = onnx.load(str(path))
    fold_pads_into_convs(m, expected=max(taps) + 1 - start)  # the stem and each block have one padded 3x3 conv
    onnx.checker.check_model(m)
    onnx.save(m, str(path))
    return shape, width


class TrunkExtractor:
    """Pooled features of layers[start:] for batches of activations, computed by onnxruntime-node.

    One Node process per extractor; inputs go in on its stdin (from a writer thread, so a full
    stdout pipe cannot deadlock the two) and features come back on its stdout."""

    def __init__(self, backbone, start: int, taps: dict[int, tuple[str, ...]], node: str, threads: int = 2):
        self._dir = tempfile.TemporaryDirectory(prefix="claimsedge-trunk-")
        model = Path(self._dir.name) / f"trunk-{start}.onnx"
        self.in_shape, self.width = export_trunk(backbone, start, taps, model)
        per_image = int(np.prod(self.in_shape))
        self._proc = subprocess.Popen([node, "--import", "tsx", str(HERE / "extract-features.ts"), str(model),
                                       str(threads), ",".join(map(str, self.in_shape)), str(self.width)],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=REPO)
        self._per_image = per_image

    def __call__(self, x: np.ndarray) -> np.ndarray:
        x = np.ascontiguousarray(x, dtype="<f4")
        assert x.shape[1:] == self.in_shape, (x.shape, self.in_shape)
        error: list[BaseException] = []

        def feed():
            try:
                self._proc.stdin.write(x.tobytes())
                self._proc.stdin.flush()
            except BaseException as e:  # noqa: BLE001  (re-raised in the caller's thread)
                error.append(e)

        writer = threading.Thread(target=feed)
        writer.start()
        want = len(x) * self.width * 4
        data = self._proc.stdout.read(want)
        writer.join()
        if error or len(data) != want:
            raise RuntimeError(f"extract-features.ts stopped (exit {self._proc.poll()}): "
                               f"{len(data)} of {want} bytes, {error[0] if error else ''}")
        return np.frombuffer(data, dtype="<f4").reshape(len(x), self.width)

    def close(self):
        if self._proc.stdin and not self._proc.stdin.closed:
            self._proc.stdin.close()
        self._proc.wait(timeout=60)
        self._dir.cleanup()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
