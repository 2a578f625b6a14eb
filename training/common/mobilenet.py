"""MobileNet v1 (width 0.75, 224 px) rebuilt in torch from the TensorFlow.js weights.

Facts (from ../shared/pretrained/mobilenet_v1_0.75_224/README.md): conv1 3x3/2 then 13
depthwise-separable blocks; BatchNorm eps 1e-3; ReLU6; TF "same" padding (stride 1:
pad 1 everywhere, stride 2 on even input: pad bottom/right only); Keras kernels are
HWIO (depthwise HW C 1) and are transposed to torch's OIHW.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

STRIDES = [1, 2, 1, 2, 1, 2, 1, 1, 1, 1, 1, 2, 1]
WIDTHS = [48, 96, 96, 192, 192, 384, 384, 384, 384, 384, 384, 768, 768]
STEM = 24
BN_EPS = 1e-3


class TFSamePad(nn.Module):
    """TF 'same' padding for a 3x3 kernel on an even-sized input."""

    def __init__(self, stride: int):
        super().__init__()
        self.pad = (1, 1, 1, 1) if stride == 1 else (0, 1, 0, 1)

    def forward(self, x):
        return F.pad(x, self.pad)


class ConvBNReLU6(nn.Module):
    def __init__(self, cin: int, cout: int, k: int, stride: int, groups: int = 1):
        super().__init__()
        self.pad = TFSamePad(stride) if k == 3 else nn.Identity()
        self.conv = nn.Conv2d(cin, cout, k, stride=stride, padding=0, groups=groups, bias=False)
        self.bn = nn.BatchNorm2d(cout, eps=BN_EPS)
        self.act = nn.ReLU6()

    def forward(self, x):
        return self.act(self.bn(self.conv(self.pad(x))))


class Block(nn.Module):
    def __init__(self, cin: int, cout: int, stride: int):
        super().__init__()
        self.dw = ConvBNReLU6(cin, cin, 3, stride, groups=cin)
        self.pw = ConvBNReLU6(cin, cout, 1, 1)

    def forward(self, x):
        return self.pw(self.dw(x))


class MobileNetV1(nn.Module):
    """layers[0] is the stem, layers[i] for i=1..13 is depthwise-separable block i."""

    def __init__(self):
        super().__init__()
        layers = [ConvBNReLU6(3, STEM, 3, 2)]
        cin = STEM
        for s, w in zip(STRIDES, WIDTHS):
            layers.append(Block(cin, w, s))
            cin = w
        self.layers = nn.ModuleList(layers)
        self.imagenet = nn.Linear(768, 1000)  # conv_preds (1x1 conv == linear)

    def features(self, x, start: int = 0, stop: int = 14):
        for layer in self.layers[start:stop]:
            x = layer(x)
        return x

    def forward(self, x):
        f = self.features(x).mean(dim=(2, 3))
        return self.imagenet(f)


def read_tfjs_weights(tfjs_dir: Path) -> dict[str, np.ndarray]:
    manifest = json.loads((tfjs_dir / "model.json").read_text())["weightsManifest"]
    out = {}
    for group in manifest:
        buf = b"".join((tfjs_dir / p).read_bytes() for p in group["paths"])
        off = 0
        for w in group["weights"]:
            assert w["dtype"] == "float32", w
            n = int(np.prod(w["shape"])) if w["shape"] else 1
            out[w["name"]] = np.frombuffer(buf, dtype="<f4", count=n, offset=off).reshape(w["shape"]).copy()
            off += 4 * n
        assert off == len(buf), (group["paths"], off, len(buf))
    return out


def _load_bn(bn: nn.BatchNorm2d, w: dict, prefix: str):
    bn.weight.data = torch.from_numpy(w[f"{prefix}/gamma"])
    bn.bias.data = torch.from_numpy(w[f"{prefix}/beta"])
    bn.running_mean.data = torch.from_numpy(w[f"{prefix}/moving_mean"])
    bn.running_var.data = torch.from_numpy(w[f"{prefix}/moving_variance"])


def load_mobilenet(tfjs_dir: Path) -> MobileNetV1:
    w = read_tfjs_weights(Path(tfjs_dir))
    m = MobileNetV1()
    used = set()

    def take(name):
        used.add(name)
        return w[name]

    stem = m.layers[0]
    stem.conv.weight.data = torch.from_numpy(take("conv1/kernel").transpose(3, 2, 0, 1).copy())
    _load_bn(stem.bn, w, "conv1_bn")
    used.update(f"conv1_bn/{k}" for k in ("gamma", "beta", "moving_mean", "moving_variance"))
    for i in range(1, 14):
        blk = m.layers[i]
        dw = take(f"conv_dw_{i}/depthwise_kernel")  # H W C 1
        blk.dw.conv.weight.data = torch.from_numpy(dw.transpose(2, 3, 0, 1).copy())
        pw = take(f"conv_pw_{i}/kernel")  # 1 1 Cin Cout
        blk.pw.conv.weight.data = torch.from_numpy(pw.transpose(3, 2, 0, 1).copy())
        for part, bn in (("dw", blk.dw.bn), ("pw", blk.pw.bn)):
            _load_bn(bn, w, f"conv_{part}_{i}_bn")
            used.update(f"conv_{part}_{i}_bn/{k}" for k in ("gamma", "beta", "moving_mean", "moving_variance"))
    k = take("conv_preds/kernel")  # 1 1 768 1000
    m.imagenet.weight.data = torch.from_numpy(k.reshape(768, 1000).T.copy())
    m.imagenet.bias.data = torch.from_numpy(take("conv_preds/bias"))
    missing = set(w) - used
    assert not missing, f"unused tfjs weights: {sorted(missing)}"
    n_params = sum(int(np.prod(v.shape)) for v in w.values())
    m.n_tfjs_params = n_params
    return m.eval()


class MobileNetClassifier(nn.Module):
    """Backbone + a new linear head over the 768 pooled features; forward returns softmax probabilities."""

    def __init__(self, backbone: MobileNetV1, n_classes: int, dropout: float = 0.2):
        super().__init__()
        self.layers = backbone.layers
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(768, n_classes)

    def logits_from(self, x, start: int = 0):
        for layer in self.layers[start:]:
            x = layer(x)
        f = x.mean(dim=(2, 3))
        return self.head(self.dropout(f))

    def forward(self, image):
        return torch.softmax(self.logits_from(image, 0), dim=1)
