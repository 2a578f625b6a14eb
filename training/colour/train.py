#!/usr/bin/env python3
"""Train the car body-colour classifier (MobileNet v1 0.75 transfer) and export ONNX.

Run from the repo root:  npm run train:colour   (= python3 training/colour/train.py [--data DIR])

Data: ../shared/data/car_colors/training/<colour>/*.jpg (9 colours; silver covers grey).
Exact duplicates count once and near-duplicates (re-crops, re-encodes, mirror images) stay on
one side of a stratified 70/15/15 split made once with a fixed seed. Writes models/colour/:
colour-classifier.onnx, colour-classifier.json (contract), parity.json, metrics.json.
Intermediate results are cached outside the repo (default /tmp/claimsedge-colour-cache).
"""
from __future__ import annotations

import sys

sys.dont_write_bytecode = True  # keep training/ free of __pycache__

from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common.system_python import reexec_with_system_python  # noqa: E402

reexec_with_system_python()

import argparse  # noqa: E402
import os  # noqa: E402

import numpy as np  # noqa: E402

from common import photo_classifier  # noqa: E402
from common.data import list_labelled_images, near_duplicate_groups, stratified_split  # noqa: E402
from common.colour_statistics import ColourStatistics  # noqa: E402
from common.onnx_evaluator import REPO  # noqa: E402
from common.preprocess import SIZE, box_resize, centre_crop, degrade, jpeg_roundtrip  # noqa: E402

LABELS = ["black", "blue", "brown", "green", "pink", "red", "silver", "white", "yellow"]
MODEL_VERSION = "colour-mnv1-0.75-v2"

# Photometric changes stay small and hue-free: a colour model must not learn that colour varies.
VIEW_RECIPE = {
    "crop": "random crop, 60-100 % of each side independently", "flip": "horizontal, p=0.5",
    "resolution": "box-downscale to a random longest side in 112-224 px", "jpeg": "re-encode at quality 60-95",
    "brightness": "x0.8-1.2", "contrast": "x0.85-1.15 around the mean", "white_balance": "per-channel gain x0.96-1.04",
    "version": 1,
}


def colour_view(img: np.ndarray, rng: np.random.RandomState) -> np.ndarray:
    h, w = img.shape[:2]
    sx, sy = rng.uniform(0.6, 1.0, size=2)
    cw, ch = max(1, int(round(w * sx))), max(1, int(round(h * sy)))
    x0, y0 = rng.randint(0, w - cw + 1), rng.randint(0, h - ch + 1)
    img = img[y0:y0 + ch, x0:x0 + cw]
    if rng.rand() < 0.5:
        img = img[:, ::-1]
    img = degrade(np.ascontiguousarray(img), int(rng.randint(112, 225)), int(rng.randint(60, 96)))
    m = box_resize(img, SIZE, SIZE)
    brightness, contrast = rng.uniform(0.8, 1.2), rng.uniform(0.85, 1.15)
    gains = rng.uniform(0.96, 1.04, size=3)
    mean = m.mean()
    m = ((m - mean) * contrast + mean) * brightness * gains
    m = np.clip(m, 0, 255)
    return (m / 127.5 - 1.0).transpose(2, 0, 1).astype(np.float32)


def scaled(img: np.ndarray, gains) -> np.ndarray:
    return np.clip(np.rint(img.astype(np.float64) * np.asarray(gains)), 0, 255).astype(np.uint8)


# How the held-out accuracy moves under conditions the web photos rarely show.
TEST_VARIANTS = {
    "centre_crop_60pct": lambda img: centre_crop(img, 0.6),
    "darker_x0.7": lambda img: scaled(img, (0.7, 0.7, 0.7)),
    "brighter_x1.3": lambda img: scaled(img, (1.3, 1.3, 1.3)),
    "warm_light_r1.1_b0.9": lambda img: scaled(img, (1.1, 1.0, 0.9)),
    "jpeg_q40": lambda img: jpeg_roundtrip(img, 40),
}

HARD_PAIRS = [("white", "silver"), ("red", "pink"), ("black", "blue"), ("brown", "red")]


def hard_pairs(probs: np.ndarray, y: np.ndarray) -> dict:
    pred = probs.argmax(1)
    out = {}
    for a, b in HARD_PAIRS:
        ia, ib = LABELS.index(a), LABELS.index(b)
        out[f"{a}_as_{b}"] = int(((y == ia) & (pred == ib)).sum())
        out[f"{b}_as_{a}"] = int(((y == ib) & (pred == ia)).sum())
    return {"hard_pair_confusions": out}


# src/domain/document-fraud/colour-check.ts MISMATCH_MIN_CONFIDENCE: below it a photo never contradicts the policy.
MISMATCH_CUT = 0.7


def hard_pairs_text(metrics: dict) -> str:
    h = metrics["test_onnx"]["hard_pair_confusions"]
    rows = "\n".join(f"| {k.replace('_as_', ' taken for ')} | {v} |" for k, v in h.items())
    cut = metrics["test_onnx"]["by_confidence"][f"confidence_ge_{MISMATCH_CUT}"]
    return ("The pairs that are hard to tell apart in photos (held-out photos of the first colour "
            "predicted as the second):\n\n| mistake | photos |\n|---|---|\n" + rows
            + f"\n\nThe colour check flags a mismatch with the policy only when the top probability is ≥ {MISMATCH_CUT} "
            f"(`MISMATCH_MIN_CONFIDENCE`, src/domain/document-fraud/colour-check.ts; look-alike colours never count): "
            f"{cut['share']:.1%} of the held-out photos reach it, and the colour named there is right for "
            f"{cut['accuracy']:.1%} of them. The rest are given the benefit of the doubt.")


CARD = {
    "title": "car body-colour classifier",
    "what": "A 9-class image classifier naming the body colour of the car in a photo: "
            + ", ".join(LABELS) + ". There is no grey class: the training photos label grey cars silver, so "
            "silver stands for grey (src/domain/photo/car-colour.ts maps policy colour words onto these classes).",
    "use": "The Worker runs it with onnxruntime-web (src/image/colour-model.ts, model loaded from R2 once per "
           "isolate) (a) at signup on the photo of the customer's car, to compare with the colour on the policy, and "
           "(b) on a claim's damage photo. A colour the model has no class for (orange, purple, gold, beige...) must "
           "not be compared.",
    "data": "`../shared/data/car_colors/training/<colour>/*.jpg` (2,887 web-scraped photos, 224x224; never copied "
            "into this repo). Web-scraped: some photos are mislabelled, show several cars, or are renderings. Exact "
            "duplicates (identical bytes) count once; near-duplicates (re-crops, re-encodes, mirror images; 256-bit "
            "difference hash within 28 bits) are grouped.",
    "split": "Split once with the fixed seed, stratified by colour, 70 % training / 15 % selection (choice of the L2 "
             "penalty and of the colour statistics) / 15 % held out; every near-duplicate group sits on one side. The held-out photos were used "
             "for nothing but the numbers below.",
    "extra": hard_pairs_text,
    "goal_accuracy": 0.90,
}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared/data/car_colors/training")
    ap.add_argument("--out", type=Path, default=REPO / "models/colour")
    photo_classifier.add_arguments(ap, cache=os.environ.get("COLOUR_CACHE", "/tmp/claimsedge-colour-cache"),
                                   views=8, l2=(0.003, 0.01, 0.03))
    args = ap.parse_args()
    if not args.data.is_dir():
        raise SystemExit(f"data folder not found: {args.data} (pass --data)")

    items, stats = list_labelled_images(args.data, {c: i for i, c in enumerate(LABELS)})
    groups, near = near_duplicate_groups(items)
    split = stratified_split(items, args.seed, val_frac=0.15, test_frac=0.15, groups=groups)
    task = photo_classifier.PhotoClassifierTask(
        name="colour",
        file_stem="colour-classifier",
        model_version=MODEL_VERSION,
        description="softmax probabilities of the car's body colour (silver includes grey)",
        labels=LABELS,
        items=items,
        split=split,
        split_about={"rule": "stratified by colour, 70 / 15 / 15, made once with the fixed seed; exact duplicates "
                             "counted once; near-duplicate groups kept on one side", "seed": args.seed},
        data_stats={"path_default": "../shared/data/car_colors/training", **stats, **near},
        train_view=colour_view,
        view_recipe=VIEW_RECIPE,
        test_variants=TEST_VARIANTS,
        extra_metrics=hard_pairs,
        card=CARD,
        input_statistics=ColourStatistics(),
    )
    photo_classifier.run(task, args, args.out)


if __name__ == "__main__":
    main()
