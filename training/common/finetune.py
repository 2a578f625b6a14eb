"""Fine-tuning the top MobileNet blocks plus a new head on cached activations."""
from __future__ import annotations

import time
from typing import Callable

import numpy as np
import torch
import torch.nn as nn

from .feature_cache import log


def set_bn_eval(model):
    """Keep the pretrained BatchNorm statistics: the training sets are too small to re-estimate them."""
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.eval()


@torch.no_grad()
def probs_from_feats(model, feats, start: int, bs: int = 64) -> np.ndarray:
    """Softmax probabilities from activations cached at the input of layers[start]."""
    model.eval()
    out = []
    for i in range(0, len(feats), bs):
        x = torch.from_numpy(np.asarray(feats[i:i + bs], dtype=np.float32))
        out.append(torch.softmax(model.logits_from(x, start), 1))
    return torch.cat(out).numpy()


def finetune(model, train_feats, y_train: np.ndarray, *, epochs: int, seed: int, cut: int, cache_at: int,
             select: Callable[[object], tuple[float, dict]], lr_head: float = 1e-3, lr_body: float = 2e-4,
             bs: int = 32, label_smoothing: float = 0.05, class_weights: np.ndarray | None = None,
             weight_decay: float = 1e-4):
    """Trains layers[cut:] and the head with AdamW + one-cycle; each epoch draws one cached view per
    image. `select(model)` scores the epoch on the selection split (higher is better) and returns
    what to log; the best epoch's weights are kept. Returns (best epoch, history)."""
    g = torch.Generator().manual_seed(seed)
    body = [p for layer in model.layers[cut:] for p in layer.parameters()]
    for layer in model.layers[:cut]:
        for p in layer.parameters():
            p.requires_grad_(False)
    groups = ([{"params": body, "lr": lr_body}] if body else []) + [{"params": model.head.parameters(), "lr": lr_head}]
    opt = torch.optim.AdamW(groups, weight_decay=weight_decay)
    steps_per_epoch = (len(y_train) + bs - 1) // bs
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=[grp["lr"] for grp in groups], epochs=epochs,
                                                steps_per_epoch=steps_per_epoch, pct_start=0.15)
    weight = torch.from_numpy(class_weights).float() if class_weights is not None else None
    lossf = nn.CrossEntropyLoss(weight=weight, label_smoothing=label_smoothing)
    n_views = train_feats.shape[1]
    yt = torch.from_numpy(y_train).long()
    best, history = None, []
    for ep in range(epochs):
        t0 = time.time()
        model.train()
        set_bn_eval(model)
        order = torch.randperm(len(y_train), generator=g).numpy()
        views = torch.randint(0, n_views, (len(y_train),), generator=g).numpy()
        tot = 0.0
        for s in range(0, len(order), bs):
            idx = order[s:s + bs]
            x = torch.from_numpy(np.stack([np.asarray(train_feats[i, v], dtype=np.float32) for i, v in zip(idx, views[idx])]))
            with torch.no_grad():  # frozen blocks between the cache point and the cut
                for layer in model.layers[cache_at:cut]:
                    x = layer(x)
            loss = lossf(model.logits_from(x, cut), yt[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            tot += float(loss) * len(idx)
        score, record = select(model)
        history.append({"epoch": ep + 1, "train_loss": round(tot / len(y_train), 4), **record})
        log(f"epoch {ep + 1}/{epochs} loss {tot / len(y_train):.4f} "
            + " ".join(f"{k} {v}" for k, v in record.items()) + f" ({time.time() - t0:.0f}s)")
        if best is None or score > best[0]:
            best = (score, ep + 1, {k: v.detach().clone() for k, v in model.state_dict().items()})
    model.load_state_dict(best[2])
    model.eval()
    log(f"best epoch {best[1]} (selection score {best[0]:.4f})")
    return best[1], history
