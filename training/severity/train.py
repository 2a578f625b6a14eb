#!/usr/bin/env python3
"""Train the damage-severity classifier (minor / moderate / severe; MobileNet v1 0.75 transfer) and export ONNX.

Run from the repo root:  npm run train:severity   (= python3 training/severity/train.py [--data DIR])

Data: ../shared/data/damage_severity/{training,validation}/{minor,moderate,severe}/*.jpg.
The model is chosen on 15 % of training/ (stratified, fixed seed, near-duplicates on one side)
and evaluated once on validation/, which no training step sees. Writes models/severity/:
severity-classifier.onnx, severity-classifier.json (contract), parity.json, metrics.json.
Intermediate results are cached outside the repo (default /tmp/claimsedge-severity-cache).
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
from PIL import Image  # noqa: E402

from common import photo_classifier  # noqa: E402
from common.data import list_labelled_images, near_duplicate_groups, stratified_split  # noqa: E402
from common.onnx_evaluator import REPO  # noqa: E402
from common.preprocess import SIZE, box_resize, degrade, downscale_longest, jpeg_roundtrip  # noqa: E402

LABELS = ["minor", "moderate", "severe"]
MODEL_VERSION = "severity-mnv1-0.75-v1"

VIEW_RECIPE = {
    "crop": "random crop, 75-100 % of each side", "flip": "horizontal, p=0.5",
    "resolution": "box-downscale to a random longest side in 128-224 px (the classes differ in typical photo size)",
    "jpeg": "re-encode at quality 75", "jitter": "brightness, contrast, saturation x0.85-1.15",
    "version": 1,
}


def severity_view(img: np.ndarray, rng: np.random.RandomState) -> np.ndarray:
    h, w = img.shape[:2]
    s = rng.uniform(0.75, 1.0)
    cw, ch = max(1, int(round(w * s))), max(1, int(round(h * s)))
    x0, y0 = rng.randint(0, w - cw + 1), rng.randint(0, h - ch + 1)
    img = img[y0:y0 + ch, x0:x0 + cw]
    if rng.rand() < 0.5:
        img = img[:, ::-1]
    img = degrade(np.ascontiguousarray(img), int(rng.randint(128, 225)), 75)
    m = box_resize(img, SIZE, SIZE)
    b, c, sat = rng.uniform(0.85, 1.15, size=3)
    gray = m.mean(axis=2, keepdims=True)
    m = gray + (m - gray) * sat
    m = (m - m.mean()) * c + m.mean() * b
    m = np.clip(m, 0, 255)
    return (m / 127.5 - 1.0).transpose(2, 0, 1).astype(np.float32)


def upscale_longest(img: np.ndarray, longest: int) -> np.ndarray:
    h, w = img.shape[:2]
    s = longest / max(h, w)
    if s <= 1.0:
        return img
    im = Image.fromarray(img).resize((max(1, round(w * s)), max(1, round(h * s))), Image.BICUBIC)
    return np.asarray(im, dtype=np.uint8)


# Photo size differs by class here (severe photos are rarely large): re-size every held-out photo
# to one size first; a model scoring size instead of damage would move.
TEST_VARIANTS = {
    "all_downscaled_to_224px": lambda img: downscale_longest(img, 224),
    "all_upscaled_to_640px": lambda img: upscale_longest(img, 640),
    "jpeg_q40": lambda img: jpeg_roundtrip(img, 40),
}


def settlement_errors(probs: np.ndarray, y: np.ndarray) -> dict:
    """The mistakes that move a repair estimate most: severe taken for minor and minor for severe."""
    pred = probs.argmax(1)
    minor, moderate, severe = (LABELS.index(k) for k in LABELS)
    n_severe, n_minor = int((y == severe).sum()), int((y == minor).sum())
    severe_as_minor = int(((y == severe) & (pred == minor)).sum())
    minor_as_severe = int(((y == minor) & (pred == severe)).sum())
    return {"settlement_errors": {
        "severe_as_minor": severe_as_minor,
        "severe_as_minor_share_of_severe": round(severe_as_minor / n_severe, 4) if n_severe else None,
        "minor_as_severe": minor_as_severe,
        "minor_as_severe_share_of_minor": round(minor_as_severe / n_minor, 4) if n_minor else None,
        "two_step_errors_share_of_all": round((severe_as_minor + minor_as_severe) / len(y), 4),
        "mean_absolute_class_distance": round(float(np.abs(pred - y).mean()), 4),
    }}


def settlement_text(metrics: dict) -> str:
    e = metrics["test_onnx"]["settlement_errors"]
    return ("The mistakes that move a repair estimate most (held-out validation/ photos):\n\n"
            "| mistake | photos | share |\n|---|---|---|\n"
            f"| severe taken for minor | {e['severe_as_minor']} | {e['severe_as_minor_share_of_severe']} of severe photos |\n"
            f"| minor taken for severe | {e['minor_as_severe']} | {e['minor_as_severe_share_of_minor']} of minor photos |\n"
            f"| either (two classes apart) | {e['severe_as_minor'] + e['minor_as_severe']} | "
            f"{e['two_step_errors_share_of_all']} of all photos |\n\n"
            f"Mean distance between true and predicted class (0 = minor, 1 = moderate, 2 = severe): "
            f"{e['mean_absolute_class_distance']}. The settlement should weigh the repair estimate by the "
            "probabilities rather than take the top class, as src/domain/settlement does.")


CARD = {
    "title": "damage-severity classifier",
    "what": "A 3-class image classifier of how severe the damage in a claim's damage photo looks: minor, moderate, "
            "severe.",
    "use": "The Worker runs it with onnxruntime-web (src/image/severity-model.ts, model loaded from R2 once per "
           "isolate) on the damage photo of a claim; the probabilities feed the settlement's repair estimate by "
           "severity. It assumes the photo shows damage (the damage classifier decides that first).",
    "data": "`../shared/data/damage_severity/{training,validation}/{minor,moderate,severe}/*.jpg` (never copied into "
            "this repo; some of its photos also appear in car_damage). Exact duplicates count once; training photos "
            "that duplicate or nearly duplicate a validation photo are dropped from training.",
    "split": "Held out: the data set's own validation/ folder, untouched by any training step or choice. The L2 "
             "penalty was chosen on 15 % of training/ (stratified, fixed seed, near-duplicate groups on one side). "
             "The classes differ in typical photo size; the robustness table re-sizes every held-out photo to one "
             "size to show the model does not score size.",
    "extra": settlement_text,
}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared/data/damage_severity")
    ap.add_argument("--out", type=Path, default=REPO / "models/severity")
    photo_classifier.add_arguments(ap, cache=os.environ.get("SEVERITY_CACHE", "/tmp/claimsedge-severity-cache"),
                                   views=4)
    args = ap.parse_args()
    if not (args.data / "training").is_dir() or not (args.data / "validation").is_dir():
        raise SystemExit(f"data folders not found: {args.data}/training and /validation (pass --data)")

    classes = {c: i for i, c in enumerate(LABELS)}
    training, train_stats = list_labelled_images(args.data / "training", classes)
    validation, val_stats = list_labelled_images(args.data / "validation", classes)
    # Nothing of validation/ may reach training: drop training photos that duplicate a validation photo.
    items = training + validation
    groups, near = near_duplicate_groups(items)
    val_groups = {groups[len(training) + j] for j in range(len(validation))}
    leaked = [i for i in range(len(training)) if groups[i] in val_groups]
    keep = [i for i in range(len(training)) if groups[i] not in val_groups]
    training = [training[i] for i in keep]
    train_groups = [groups[i] for i in keep]
    choice = stratified_split(training, args.seed, val_frac=0.15, test_frac=0.0, groups=train_groups)
    items = training + validation
    split = {"train": choice["train"], "val": choice["val"], "test": list(range(len(training), len(items)))}
    task = photo_classifier.PhotoClassifierTask(
        name="severity",
        file_stem="severity-classifier",
        model_version=MODEL_VERSION,
        description="softmax probabilities of how severe the damage in the photo is",
        labels=LABELS,
        items=items,
        split=split,
        split_about={"rule": "test = the data set's validation/ folder, untouched; model choice on 15 % of training/ "
                             "(stratified, fixed seed, near-duplicate groups on one side); training photos that "
                             "duplicate or nearly duplicate a validation photo are dropped",
                     "seed": args.seed, "training_photos_dropped_as_validation_duplicates": len(leaked)},
        data_stats={"path_default": "../shared/data/damage_severity", "training_folder": train_stats,
                    "validation_folder": val_stats, **near},
        train_view=severity_view,
        view_recipe=VIEW_RECIPE,
        test_variants=TEST_VARIANTS,
        extra_metrics=settlement_errors,
        card=CARD,
    )
    photo_classifier.run(task, args, args.out)


if __name__ == "__main__":
    main()
