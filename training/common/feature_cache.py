"""Frozen-backbone activations cached on disk (outside the repo), so fine-tuning only runs the top blocks."""
from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import Callable

import numpy as np
import torch

from .preprocess import decode_rgb


def log(*a):
    print(f"[{time.strftime('%H:%M:%S')}]", *a, flush=True)


def cache_key(**parts) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()[:16]


@torch.no_grad()
def frozen_features(backbone, x: np.ndarray, stop: int, bs: int = 32) -> np.ndarray:
    """Activations at the input of layers[stop] (float16, NCHW)."""
    out = []
    for i in range(0, len(x), bs):
        out.append(backbone.features(torch.from_numpy(x[i:i + bs]), 0, stop).numpy().astype(np.float16))
    return np.concatenate(out)


def cache_train_views(items, idx: list[int], backbone, folder: Path, n_views: int, seed: int, cache_at: int,
                      view: Callable[[np.ndarray, np.random.RandomState], np.ndarray]) -> np.ndarray:
    """[len(idx), n_views, C, H, W] activations of augmented views; each image has its own seeded
    random stream (seed, first 32 bits of its hash), so a view does not depend on the others."""
    folder.mkdir(parents=True, exist_ok=True)
    f = folder / "train_feats.npy"
    if not f.exists():
        log(f"caching {n_views} augmented views x {len(idx)} training images -> {folder}")
        feats = None
        t0 = time.time()
        for j, i in enumerate(idx):
            rng = np.random.RandomState([seed % 2**32, int(items[i]["sha256"][:8], 16)])
            img = decode_rgb(items[i]["path"].read_bytes())
            xs = np.stack([view(img, rng) for _ in range(n_views)])
            fx = frozen_features(backbone, xs, cache_at)
            if feats is None:
                feats = np.lib.format.open_memmap(folder / "train_feats.tmp.npy", mode="w+", dtype=np.float16,
                                                  shape=(len(idx), n_views, *fx.shape[1:]))
            feats[j] = fx
            if (j + 1) % 100 == 0:
                log(f"  {j + 1}/{len(idx)} ({time.time() - t0:.0f}s)")
        feats.flush()
        del feats
        os.replace(folder / "train_feats.tmp.npy", f)
    return np.load(f, mmap_mode="r")


def cache_eval_views(items, idx: list[int], backbone, folder: Path, name: str, cache_at: int,
                     variants: dict[str, Callable[[np.ndarray], np.ndarray]]) -> dict[str, tuple[np.ndarray, Path]]:
    """Per variant (e.g. "plain" = the deployment view): (activations, path of the model-input tensors .npy)."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {v: (folder / f"{name}_feats_{v}.npy", folder / f"{name}_x_{v}.npy") for v in variants}
    if not all(fp.exists() and tp.exists() for fp, tp in files.values()):
        log(f"caching eval views for {name} ({len(idx)} images)")
        imgs = [decode_rgb(items[i]["path"].read_bytes()) for i in idx]
        for v, fn in variants.items():
            x = np.stack([fn(img) for img in imgs])
            fp, tp = files[v]
            np.save(tp, x)
            np.save(fp, frozen_features(backbone, x, cache_at))
    return {v: (np.load(fp), tp) for v, (fp, tp) in files.items()}
