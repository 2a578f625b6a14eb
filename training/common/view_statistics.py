"""Input-tensor statistics (e.g. colour_statistics) of the augmented training views, cached on disk.

The views are regenerated with the same per-image random streams as tap_features' views (seed,
first 32 bits of the image's hash), so view k's statistics belong to view k's backbone features."""
from __future__ import annotations

import os
import time
from multiprocessing import get_context
from pathlib import Path
from typing import Callable

import numpy as np
import torch

from .feature_cache import log
from .preprocess import decode_rgb

@torch.no_grad()
def statistics_of(module: torch.nn.Module, x: np.ndarray, batch: int = 64) -> np.ndarray:
    """[N, width] float32 for model-input tensors x [N, 3, 224, 224] (may be a memmap)."""
    return np.concatenate([module(torch.from_numpy(np.array(x[i:i + batch], dtype=np.float32))).numpy()
                           for i in range(0, len(x), batch)])


_job: dict = {}  # set in the parent before forking: the workers inherit it


def _one(i: int) -> np.ndarray:
    items, view, module, n_views, seed = (_job[k] for k in ("items", "view", "module", "n_views", "seed"))
    rng = np.random.RandomState([seed % 2**32, int(items[i]["sha256"][:8], 16)])
    img = decode_rgb(items[i]["path"].read_bytes())
    return statistics_of(module, np.stack([view(img, rng) for _ in range(n_views)]))


def train_view_statistics(items, idx: list[int], module: torch.nn.Module, name: str, folder: Path, n_views: int,
                          seed: int, view: Callable[[np.ndarray, np.random.RandomState], np.ndarray],
                          processes: int) -> np.ndarray:
    """[len(idx), n_views, width] statistics of the training views (folder = tap_features' cache folder)."""
    folder.mkdir(parents=True, exist_ok=True)
    f = folder / f"train_stats_{name}.npy"
    if f.exists():
        return np.load(f)
    t0 = time.time()
    log(f"{name} of {n_views} augmented views x {len(idx)} training images ({processes} processes)")
    _job.update(items=items, view=view, module=module.eval(), n_views=n_views, seed=seed)
    torch_threads = torch.get_num_threads()
    torch.set_num_threads(1)  # one per worker process
    try:
        with get_context("fork").Pool(processes) as pool:
            out = np.stack(pool.map(_one, idx, chunksize=16))
    finally:
        torch.set_num_threads(torch_threads)
        _job.clear()
    tmp = folder / f"train_stats_{name}.tmp.npy"
    np.save(tmp, out)
    os.replace(tmp, f)
    log(f"  done in {time.time() - t0:.0f}s: {out.shape}")
    return out
