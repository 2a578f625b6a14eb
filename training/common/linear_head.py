"""A linear softmax head over pooled features of the frozen backbone, and the deployable model."""
from __future__ import annotations

import time

import numpy as np
import torch
import torch.nn as nn

from .feature_cache import log
from .onnx_trunk import pooled_taps


class TapClassifier(nn.Module):
    """Frozen MobileNet, poolings of the outputs of layers[t] for t in taps (then, if given, the
    input statistics module's output on the image itself), one Linear layer;
    forward(image [N,3,224,224]) returns softmax probabilities."""

    def __init__(self, backbone, taps: dict[int, tuple[str, ...]], weight: np.ndarray, bias: np.ndarray,
                 input_statistics: nn.Module | None = None):
        super().__init__()
        self.layers = backbone.layers[:max(taps) + 1]
        self.taps = taps
        self.input_statistics = input_statistics
        self.head = nn.Linear(weight.shape[1], weight.shape[0])
        self.head.weight.data = torch.from_numpy(weight.astype(np.float32))
        self.head.bias.data = torch.from_numpy(bias.astype(np.float32))

    def forward(self, image):
        features = pooled_taps(self.layers, image, 0, self.taps)
        if self.input_statistics is not None:
            features = torch.cat([features, self.input_statistics(image)], dim=1)
        return torch.softmax(self.head(features), dim=1)


def head_probs(weight: np.ndarray, bias: np.ndarray, feats: np.ndarray) -> np.ndarray:
    z = feats.astype(np.float64) @ weight.T.astype(np.float64) + bias
    z -= z.max(1, keepdims=True)
    e = np.exp(z)
    return (e / e.sum(1, keepdims=True)).astype(np.float32)


def train_head(x_train: np.ndarray, y_train: np.ndarray, *, l2: float, n_classes: int, max_iter: int = 60,
               class_weights: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, float]:
    """Multinomial logistic regression (full-batch L-BFGS, L2 penalty `l2` on the weights) on
    standardised features, every cached view of every image a sample. The standardisation is folded
    into the returned (weight [classes, features], bias), which apply to raw features."""
    t0 = time.time()
    n, v, d = x_train.shape
    flat = torch.from_numpy(np.ascontiguousarray(x_train.reshape(n * v, d), dtype=np.float32))
    yt = torch.from_numpy(np.repeat(y_train, v)).long()
    mu, sd = flat.mean(0), flat.std(0) + 1e-3
    z = (flat - mu) / sd
    w = torch.zeros(d, n_classes, requires_grad=True)
    b = torch.zeros(n_classes, requires_grad=True)
    cw = torch.from_numpy(class_weights).float() if class_weights is not None else None
    opt = torch.optim.LBFGS([w, b], lr=1, max_iter=max_iter, history_size=20, line_search_fn="strong_wolfe")

    def closure():
        opt.zero_grad()
        loss = nn.functional.cross_entropy(z @ w + b, yt, weight=cw) + l2 * (w ** 2).sum()
        loss.backward()
        return loss

    opt.step(closure)
    with torch.no_grad():
        loss = float(nn.functional.cross_entropy(z @ w + b, yt, weight=cw))  # data term at the optimum
        weight = (w.T / sd).double().numpy()
        bias = (b - ((mu / sd) @ w)).double().numpy()
    log(f"  L2 {l2}: training loss {loss:.4f} ({time.time() - t0:.0f}s)")
    return weight, bias, loss
