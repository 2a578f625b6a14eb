#!/usr/bin/env python3
"""Resolution-trap checks for the exported damage classifier (ONNX via onnxruntime-node).

In this data set damaged photos are ~260 px thumbnails and whole cars ~580 px, so a model
could score image size instead of damage. Here every held-out test image is re-sized to a
common size *before* the deployment preprocessing, and accuracy per class is compared
with the plain run:
  - thumb260: every image box-downscaled to 260 px longest side (whole cars become
    thumbnails like the damaged ones);
  - up640: every image upscaled to 640 px longest side with PIL bicubic (damaged photos
    become large like the whole cars, and like real API uploads, which must be >= 320 px).
A size-cheating model loses no_damage accuracy at thumb260 and damage recall at up640.

Standalone: python3 training/damage/resolution_check.py   (merges into models/damage/metrics.json)
train.py calls run() after export.
"""
from __future__ import annotations

import os
import sys

sys.dont_write_bytecode = True

from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from common.system_python import reexec_with_system_python  # noqa: E402

reexec_with_system_python()

import json  # noqa: E402

import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

from common.preprocess import decode_rgb, downscale_longest, to_tensor  # noqa: E402


def upscale_longest(img: np.ndarray, longest: int) -> np.ndarray:
    h, w = img.shape[:2]
    s = longest / max(h, w)
    if s <= 1.0:
        return img
    im = Image.fromarray(img).resize((max(1, round(w * s)), max(1, round(h * s))), Image.BICUBIC)
    return np.asarray(im, dtype=np.uint8)


VARIANTS = {
    "thumb260": lambda img: downscale_longest(img, 260),
    "up640": lambda img: upscale_longest(img, 640),
}


def per_class(p_damage: np.ndarray, y: np.ndarray) -> dict:
    pred = (p_damage >= 0.5).astype(int)
    return {
        "accuracy": round(float((pred == y).mean()), 4),
        "accuracy_no_damage": round(float((pred[y == 0] == 0).mean()), 4),
        "recall_damage": round(float((pred[y == 1] == 1).mean()), 4),
        "approved_share_of_damage_photos": round(float((p_damage[y == 1] >= 0.7).mean()), 4),
        "approved_share_of_no_damage_photos": round(float((p_damage[y == 0] >= 0.7).mean()), 4),
        "mean_p_damage_damage_photos": round(float(p_damage[y == 1].mean()), 4),
        "mean_p_damage_no_damage_photos": round(float(p_damage[y == 0].mean()), 4),
    }


def run(items, test_idx, onnx_path: Path, node: str, cache_dir: Path, run_node) -> dict:
    y = np.array([items[i]["label"] for i in test_idx])
    paths = []
    for name, fn in VARIANTS.items():
        f = cache_dir / f"test_x_{name}.npy"
        if not f.exists():
            x = np.stack([to_tensor(fn(decode_rgb(items[i]["path"].read_bytes()))) for i in test_idx])
            np.save(f, x)
        paths.append(str(f))
    plain = cache_dir / "test_x_plain.npy"
    out = run_node(node, ["--model", str(onnx_path), "--tensors", str(plain), *paths, "--runs", "1"])
    probs = [np.array(o, dtype=np.float32)[:, 1] for o in out["outputs"]]
    res = {"plain": per_class(probs[0], y)}
    for (name, _), p in zip(VARIANTS.items(), probs[1:]):
        r = per_class(p, y)
        r["prediction_flips_vs_plain"] = round(float(((p >= 0.5) != (probs[0] >= 0.5)).mean()), 4)
        res[name] = r
    return res


def main():
    import train  # reuse the exact split logic and defaults

    repo = train.REPO
    data = repo.parent / "shared/data/car_damage/training"
    if len(sys.argv) > 1:
        data = Path(sys.argv[1])
    items, _ = train.list_dataset(data)
    seed = 20261121
    split = train.stratified_split(items, seed)
    out_dir = repo / "models/damage"
    metrics_path = out_dir / "metrics.json"
    metrics = json.loads(metrics_path.read_text())
    assert metrics["seed"] == seed
    cache = Path(os.environ.get("DAMAGE_CACHE", "/tmp/claimsedge-damage-cache"))
    evals = sorted(cache.glob("eval-*/test_x_plain.npy"), key=lambda p: p.stat().st_mtime)
    if not evals:
        raise SystemExit("run train.py first (it caches the test tensors)")
    res = run(items, split["test"], out_dir / "damage-classifier.onnx", str(repo / "node_modules/.bin/node"),
              evals[-1].parent, train.run_evaluator)
    print(json.dumps(res, indent=2))
    metrics["test_onnx_resolution_checks"] = res
    metrics_path.write_text(json.dumps(metrics, indent=2) + "\n")


if __name__ == "__main__":
    main()
