"""Pooled backbone features of training views and held-out images, computed once by
onnxruntime-node and cached on disk (outside the repo), so that training a head takes seconds."""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Callable

import numpy as np

from .feature_cache import log
from .onnx_trunk import TrunkExtractor, taps_key
from .preprocess import decode_rgb

CHUNK = 64


def _extract_views(items, idx, extractor, n_views, seed, view, out):
    """out[j, k] = features of view k of image idx[j]; each image has its own seeded random stream
    (seed, first 32 bits of its hash), so a view depends neither on the others nor on the order."""
    t0 = time.time()
    batch, where = [], []

    def flush():
        if batch:
            f = extractor(np.stack(batch))
            for (j, k), row in zip(where, f):
                out[j, k] = row
            batch.clear()
            where.clear()

    for j, i in enumerate(idx):
        rng = np.random.RandomState([seed % 2**32, int(items[i]["sha256"][:8], 16)])
        img = decode_rgb(items[i]["path"].read_bytes())
        for k in range(n_views):
            batch.append(view(img, rng))
            where.append((j, k))
        if len(batch) >= CHUNK:
            flush()
        if (j + 1) % 200 == 0:
            log(f"  {j + 1}/{len(idx)} images ({time.time() - t0:.0f}s)")
    flush()


def _extract_activations(activations: np.ndarray, extractor, out):
    """Features from cached activations [n, views, C, H, W] (float16) at the extractor's input layer."""
    t0 = time.time()
    n, v = activations.shape[:2]
    flat = out.reshape(n * v, -1)
    step = max(1, CHUNK // v)
    for j in range(0, n, step):
        a = np.asarray(activations[j:j + step], dtype=np.float32)
        flat[j * v:(j + len(a)) * v] = extractor(a.reshape(-1, *a.shape[2:]))
        if (j // step) % 50 == 0:
            log(f"  {j}/{n} images ({time.time() - t0:.0f}s)")


def train_tap_features(items, idx, backbone, node: str, threads: int, folder: Path, n_views: int, seed: int,
                       taps: dict[int, tuple[str, ...]], view: Callable[[np.ndarray, np.random.RandomState], np.ndarray],
                       activations: tuple[Path, int] | None = None) -> np.ndarray:
    """[len(idx), n_views, features] of augmented training views. `activations` = (file, layer): the
    same views' activations at the input of that layer, cached by an earlier run, reused if present."""
    folder.mkdir(parents=True, exist_ok=True)
    f = folder / f"train_taps_{taps_key(taps)}.npy"
    if f.exists():
        return np.load(f)
    tmp = folder / f"train_taps_{taps_key(taps)}.tmp.npy"
    if activations and activations[0].exists():
        acts = np.load(activations[0], mmap_mode="r")
        assert acts.shape[:2] == (len(idx), n_views), (acts.shape, len(idx), n_views)
        log(f"features of {n_views} views x {len(idx)} training images from cached layer-{activations[1]} activations")
        with TrunkExtractor(backbone, activations[1], taps, node, threads) as ex:
            out = np.lib.format.open_memmap(tmp, mode="w+", dtype=np.float32, shape=(len(idx), n_views, ex.width))
            _extract_activations(acts, ex, out)
    else:
        log(f"features of {n_views} augmented views x {len(idx)} training images")
        with TrunkExtractor(backbone, 0, taps, node, threads) as ex:
            out = np.lib.format.open_memmap(tmp, mode="w+", dtype=np.float32, shape=(len(idx), n_views, ex.width))
            _extract_views(items, idx, ex, n_views, seed, view, out)
    out.flush()
    del out
    os.replace(tmp, f)
    return np.load(f)


def eval_tap_features(items, idx, backbone, node: str, threads: int, folder: Path, name: str, taps: dict[int, tuple[str, ...]],
                      variants: dict[str, Callable[[np.ndarray], np.ndarray]]) -> dict[str, tuple[np.ndarray, Path]]:
    """Per variant (e.g. "plain" = the deployment view): (features, path of the model-input tensors .npy)."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {v: (folder / f"{name}_taps_{taps_key(taps)}_{v}.npy", folder / f"{name}_x_{v}.npy") for v in variants}
    missing = [v for v, (fp, _) in files.items() if not fp.exists()]
    if missing:
        log(f"features of {name} ({len(idx)} images, {', '.join(missing)})")
        imgs = None
        with TrunkExtractor(backbone, 0, taps, node, threads) as ex:
            for v in missing:
                fp, tp = files[v]
                if not tp.exists():
                    imgs = imgs if imgs is not None else [decode_rgb(items[i]["path"].read_bytes()) for i in idx]
                    np.save(tp, np.stack([variants[v](img) for img in imgs]))
                x = np.load(tp, mmap_mode="r")
                np.save(fp, np.concatenate([ex(np.asarray(x[i:i + CHUNK])) for i in range(0, len(x), CHUNK)]))
    return {v: (np.load(fp), tp) for v, (fp, tp) in files.items()}
