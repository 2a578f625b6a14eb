#!/usr/bin/env python3
"""Train the car-damage photo classifier (MobileNet v1 0.75 transfer) and export ONNX.

Run from the repo root:  python3 training/damage/train.py [--data DIR]

Outputs (models/damage/): damage-classifier.onnx, damage-classifier.json (the
preprocessing + decision contract), parity.json (synthetic fixtures for the TypeScript
side), metrics.json (measured results of this run).
Intermediate results (decoded/augmented views, frozen-backbone activations) are cached
outside the repo (default /tmp/claimsedge-damage-cache); nothing from the data set is
written into the project.
"""
from __future__ import annotations

import sys

sys.dont_write_bytecode = True  # keep training/ free of __pycache__

from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from common.system_python import reexec_with_system_python  # noqa: E402

reexec_with_system_python()

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
import torch  # noqa: E402

import resolution_check  # noqa: E402
from common.data import list_labelled_images, stratified_split  # noqa: E402
from common.feature_cache import cache_eval_views, cache_key, cache_train_views, log  # noqa: E402
from common.finetune import finetune, probs_from_feats  # noqa: E402
from common.mobilenet import MobileNetClassifier, load_mobilenet  # noqa: E402
from common.onnx_evaluator import run_evaluator  # noqa: E402
from common.onnx_export import export_onnx  # noqa: E402
from common.preprocess import (  # noqa: E402
    PREPROCESSING_CONTRACT,
    SIZE,
    SYNTHETIC,
    box_resize,
    decode_rgb,
    degrade,
    downscale_longest,
    synthetic_image,
    to_tensor,
)

REPO = HERE.parent.parent
LABELS = ["no_damage", "damage"]  # output order of `probabilities`
CLASS_DIRS = {"00-damage": 1, "01-whole": 0}
THRESHOLD = 0.7
MODEL_VERSION = "damage-mnv1-0.75-v1"
CUT = 9  # layers[0:CUT] (stem + blocks 1-8) frozen; blocks 9-13 + head fine-tuned
CACHE_AT = 7  # activations cached at the input of block 7 (14x14x384), so any CUT >= 7 reuses them
RES_CHECK_PX = 160
CACHE_VERSION = "v1"


def seed_all(seed: int):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


# ------------------------------------------------------------------------------ data

def list_dataset(data: Path):
    """Deduplicated items [{path, label, sha256, w, h}] and dedupe stats."""
    return list_labelled_images(data, CLASS_DIRS)


# ------------------------------------------------------------------------------ views

def train_view(img: np.ndarray, rng: np.random.RandomState, jpeg_q: int) -> np.ndarray:
    """One augmented training view -> 3x224x224 float32 via the deployment pipeline.

    Resolution-cue removal: every view is first box-downscaled to a random longest side
    in [128, 224] and JPEG re-encoded at a fixed quality, so damaged thumbnails (~260 px)
    and large whole-car photos (~580 px) reach the network with the same detail level.
    """
    h, w = img.shape[:2]
    # small random crop (80-100% of each side) - keeps most of the car in view
    s = rng.uniform(0.8, 1.0)
    cw, ch = max(1, int(round(w * s))), max(1, int(round(h * s)))
    x0, y0 = rng.randint(0, w - cw + 1), rng.randint(0, h - ch + 1)
    img = img[y0:y0 + ch, x0:x0 + cw]
    if rng.rand() < 0.5:
        img = img[:, ::-1]
    img = degrade(np.ascontiguousarray(img), int(rng.randint(128, 225)), jpeg_q)
    m = box_resize(img, SIZE, SIZE)
    # colour jitter: brightness / contrast / saturation +-15 %
    b, c, sat = rng.uniform(0.85, 1.15, size=3)
    gray = m.mean(axis=2, keepdims=True)
    m = gray + (m - gray) * sat
    m = (m - m.mean()) * c + m.mean() * b
    m = np.clip(m, 0, 255)
    return (m / 127.5 - 1.0).transpose(2, 0, 1).astype(np.float32)


EVAL_VARIANTS = {  # the deployment view, and every image first shrunk to 160 px (resolution check)
    "plain": to_tensor,
    f"res{RES_CHECK_PX}": lambda img: to_tensor(downscale_longest(img, RES_CHECK_PX)),
}


def build_cache(items, split, backbone, cache: Path, n_views: int, seed: int, jpeg_q: int):
    """Cache frozen activations (layers[0:CACHE_AT]) for train views and eval views."""
    base = {"v": CACHE_VERSION, "cache_at": CACHE_AT, "items": [it["sha256"] for it in items], "split": split}
    eval_dir = cache / f"eval-{cache_key(**base)}"
    train_dir = cache / f"train-{cache_key(**base, views=n_views, seed=seed, q=jpeg_q)}"
    out = {"train": cache_train_views(items, split["train"], backbone, train_dir, n_views, seed, CACHE_AT,
                                      lambda img, rng: train_view(img, rng, jpeg_q))}
    for name in ("val", "test"):
        views = cache_eval_views(items, split[name], backbone, eval_dir, name, CACHE_AT, EVAL_VARIANTS)
        out[name] = tuple(views[v][0] for v in EVAL_VARIANTS)
        out[name + "_x"] = tuple(views[v][1] for v in EVAL_VARIANTS)
    return out, eval_dir


# ------------------------------------------------------------------------------ training

def train(model, cached, y_train, y_val, epochs: int, seed: int):
    """Selection: mean of validation accuracy plain and at 160 px, minus a little validation log loss."""

    def select(m):
        pv = probs_from_feats(m, cached["val"][0], CACHE_AT)
        pr = probs_from_feats(m, cached["val"][1], CACHE_AT)
        acc_p = float(((pv[:, 1] >= 0.5) == y_val).mean())
        acc_r = float(((pr[:, 1] >= 0.5) == y_val).mean())
        nll = float(-np.log(np.clip(pv[np.arange(len(y_val)), y_val], 1e-7, 1)).mean())
        return (acc_p + acc_r) / 2 - 0.01 * nll, {"val_acc": round(acc_p, 4), f"val_acc_res{RES_CHECK_PX}": round(acc_r, 4),
                                                  "val_nll": round(nll, 4)}

    return finetune(model, cached["train"], y_train, epochs=epochs, seed=seed, cut=CUT, cache_at=CACHE_AT, select=select)


# ------------------------------------------------------------------------------ metrics

def metrics(p_damage: np.ndarray, y: np.ndarray) -> dict:
    pred = (p_damage >= 0.5).astype(int)
    tp = int(((pred == 1) & (y == 1)).sum())
    tn = int(((pred == 0) & (y == 0)).sum())
    fp = int(((pred == 1) & (y == 0)).sum())
    fn = int(((pred == 0) & (y == 1)).sum())
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    conf = np.maximum(p_damage, 1 - p_damage)
    confident = conf >= THRESHOLD
    approved = p_damage >= THRESHOLD  # APPROVED rule: damage_detected and confidence >= 0.7
    return {
        "n": int(len(y)),
        "accuracy": round((tp + tn) / len(y), 4),
        "precision_damage": round(prec, 4),
        "recall_damage": round(rec, 4),
        "f1_damage": round(f1, 4),
        "confusion_matrix": {"rows_true_cols_pred_order": LABELS, "matrix": [[tn, fp], [fn, tp]]},
        "share_confidence_ge_0.7": round(float(confident.mean()), 4),
        "accuracy_when_confidence_ge_0.7": round(float((pred[confident] == y[confident]).mean()), 4) if confident.any() else None,
        "approved_share_of_damage_photos": round(float(approved[y == 1].mean()), 4),
        "approved_share_of_no_damage_photos": round(float(approved[y == 0].mean()), 4),
    }


def size_groups(p_damage, y, longest):
    groups = {"longest_le_300px": longest <= 300, "longest_301_500px": (longest > 300) & (longest <= 500),
              "longest_gt_500px": longest > 500}
    out = {}
    for name, m in groups.items():
        g = {"n": int(m.sum())}
        for lab, lname in enumerate(LABELS):
            mm = m & (y == lab)
            g[f"n_{lname}"] = int(mm.sum())
            g[f"accuracy_{lname}"] = round(float(((p_damage[mm] >= 0.5) == lab).mean()), 4) if mm.any() else None
        g["accuracy"] = round(float(((p_damage[m] >= 0.5) == y[m]).mean()), 4) if m.any() else None
        out[name] = g
    return out


# ------------------------------------------------------------------------------ export

# ------------------------------------------------------------------------------ main

def imagenet_check(backbone, items, tfjs_dir: Path):
    labels = json.loads((tfjs_dir / "metadata.json").read_text())["labels"]
    carish = ("pickup", "sports car", "jeep", "car wheel", "minivan", "convertible", "cab", "limousine",
              "racer", "beach wagon", "station wagon", "tow truck", "police van", "moving van", "grille",
              "Model T", "ambulance", "car mirror", "half track", "minibus", "snowplow", "amphibian", "go-kart")
    whole = [it for it in items if it["label"] == 0][:8]
    x = torch.from_numpy(np.stack([to_tensor(decode_rgb(it["path"].read_bytes())) for it in whole]))
    with torch.no_grad():
        p = torch.softmax(backbone(x), 1)
    hits, rows = 0, []
    for it, pi in zip(whole, p):
        top = pi.topk(3)
        names = [labels[int(i)] for i in top.indices]
        ok = any(c.lower() in names[0].lower() for c in carish)
        hits += ok
        rows.append({"file": it["path"].name, "top3": [[n.split(",")[0], round(float(v), 3)] for n, v in zip(names, top.values)]})
        log(f"  ImageNet top-3 for whole-car {it['path'].name}: " + ", ".join(f"{n.split(',')[0]} {float(v):.2f}" for n, v in zip(names, top.values)))
    log(f"ImageNet conversion check: {hits}/{len(whole)} whole-car photos have a vehicle label at top-1")
    if hits < len(whole) // 2:
        raise SystemExit("conversion check failed: the ImageNet head does not recognise cars")
    return {"vehicle_top1": f"{hits}/{len(whole)}", "examples": rows}


def main():
    global CUT
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared/data/car_damage/training")
    ap.add_argument("--pretrained", type=Path, default=REPO.parent / "shared/pretrained/mobilenet_v1_0.75_224/tfjs")
    ap.add_argument("--out", type=Path, default=REPO / "models/damage")
    ap.add_argument("--cache", type=Path, default=Path(os.environ.get("DAMAGE_CACHE", "/tmp/claimsedge-damage-cache")))
    ap.add_argument("--node", default=str(REPO / "node_modules/.bin/node"))
    ap.add_argument("--seed", type=int, default=20261121)
    ap.add_argument("--views", type=int, default=16, help="cached augmented views per training image")
    ap.add_argument("--epochs", type=int, default=16)
    ap.add_argument("--jpeg-quality", type=int, default=75)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--cut", type=int, default=CUT, help="layers[0:cut] frozen (0 = stem, i = block i)")
    args = ap.parse_args()

    CUT = args.cut
    assert CACHE_AT <= CUT <= 13, f"--cut must be in [{CACHE_AT}, 13]"
    t_start = time.time()
    torch.set_num_threads(args.threads)
    seed_all(args.seed)
    if not args.data.is_dir():
        raise SystemExit(f"data folder not found: {args.data} (pass --data)")
    args.out.mkdir(parents=True, exist_ok=True)

    items, dstats = list_dataset(args.data)
    log(f"data: {dstats}")
    split = stratified_split(items, args.seed)
    y_all = np.array([it["label"] for it in items])
    counts = {k: {"total": len(v), "damage": int(y_all[v].sum()), "no_damage": int(len(v) - y_all[v].sum())}
              for k, v in split.items()}
    log(f"split: {counts}")
    assert not (set(split["train"]) & set(split["test"])) and not (set(split["val"]) & set(split["test"]))

    backbone = load_mobilenet(args.pretrained)
    log(f"loaded MobileNet v1 0.75 from tfjs ({backbone.n_tfjs_params} parameters)")
    inet = imagenet_check(backbone, items, args.pretrained.parent / "tfjs" if args.pretrained.name != "tfjs" else args.pretrained)

    cached, cache_dir = build_cache(items, split, backbone, args.cache, args.views, args.seed, args.jpeg_quality)
    y_tr, y_va, y_te = (y_all[split[k]] for k in ("train", "val", "test"))

    seed_all(args.seed)
    model = MobileNetClassifier(backbone, len(LABELS))
    best_epoch, history = train(model, cached, y_tr, y_va, args.epochs, args.seed)

    # torch evaluation on the held-out test split
    p_te = probs_from_feats(model, cached["test"][0], CACHE_AT)

    # export + ONNX evaluation (onnxruntime-node)
    onnx_path = args.out / "damage-classifier.onnx"
    ops = export_onnx(model, onnx_path, "claimsedge training/damage/train.py",
                      f"{MODEL_VERSION}: car damage classifier, input image[N,3,224,224] (x=p/127.5-1), output probabilities[N,2]={LABELS}")
    log(f"exported {onnx_path} ({onnx_path.stat().st_size / 1e6:.2f} MB), ops: {ops}")

    # synthetic parity fixtures
    syn = []
    for spec in SYNTHETIC:
        x = to_tensor(synthetic_image(spec))
        with torch.no_grad():
            pt = model(torch.from_numpy(x[None]))[0].numpy()
        syn.append((spec, x, pt))
    syn_path = cache_dir / "synthetic_x.npy"
    np.save(syn_path, np.stack([s[1] for s in syn]))

    tp, tr = cached["test_x"]
    test_paths = cache_dir / "test_paths.json"
    test_paths.write_text(json.dumps([str(items[i]["path"]) for i in split["test"]]))
    node_out = run_evaluator(args.node, ["--model", str(onnx_path), "--tensors", str(tp), str(tr), str(syn_path),
                                         "--images", str(test_paths), "--compare-tensors", str(tp),
                                         "--runs", "200", "--synthetic", json.dumps([s[0] for s in syn])])
    po = np.array(node_out["outputs"][0], dtype=np.float32)
    po_r = np.array(node_out["outputs"][1], dtype=np.float32)
    po_s = np.array(node_out["outputs"][2], dtype=np.float32)
    with torch.no_grad():  # full float32 torch model on the exact tensors ONNX saw
        pt_full = np.concatenate([model(torch.from_numpy(np.load(path)[i:i + 32])).numpy()
                                  for path in (tp, tr) for i in range(0, len(y_te), 32)])
    parity_diff = float(np.abs(np.concatenate([po, po_r]) - pt_full).max())
    log(f"ONNX (onnxruntime-node) vs torch float32 on test (plain + {RES_CHECK_PX}px, {2 * len(y_te)} tensors): max |dp| = {parity_diff:.2e}")

    longest = np.array([max(items[i]["w"], items[i]["h"]) for i in split["test"]])
    m_plain = metrics(po[:, 1], y_te)
    # the Worker's path: @jsquash decode + src/domain/photo/preprocess.ts, then the same ONNX model
    po_ts = np.array(node_out["image_outputs"], dtype=np.float32)
    m_ts = metrics(po_ts[:, 1], y_te)
    ts_flips = int(((po_ts[:, 1] >= 0.5) != (po[:, 1] >= 0.5)).sum())
    log(f"TEST (ONNX, Worker decode + TS preprocessing): accuracy {m_ts['accuracy']} vs {m_plain['accuracy']} "
        f"(numpy); {ts_flips} predictions differ; tensors {node_out['ts_vs_numpy_tensors']}")
    m_res = metrics(po_r[:, 1], y_te)
    flips = float(((po[:, 1] >= 0.5) != (po_r[:, 1] >= 0.5)).mean())
    groups = size_groups(po[:, 1], y_te, longest)
    groups_res = size_groups(po_r[:, 1], y_te, longest)
    log(f"TEST (ONNX) plain: {json.dumps(m_plain)}")
    log(f"TEST (ONNX) all at {RES_CHECK_PX}px: {json.dumps(m_res)}; prediction flips vs plain: {flips:.4f}")
    log(f"TEST by original size: {json.dumps(groups)}")
    log(f"native timing: {json.dumps(node_out['timing'])}")

    # JS re-implementation of the preprocessing must match numpy on the synthetic images
    js_pre = node_out["synthetic_js"]
    parity_items = []
    for (spec, x, pt), js, onnx_p in zip(syn, js_pre, po_s):
        first10 = [float(v) for v in x.reshape(-1)[:10]]
        tsum = float(x.astype(np.float64).sum())
        js_maxdiff = float(js["max_abs_diff_vs_python"])
        assert js_maxdiff < 1e-6 and abs(js["sum"] - tsum) < 1e-3, (spec["name"], js_maxdiff, js["sum"], tsum)
        parity_items.append({
            **spec,
            "tensor_first10": first10,
            "tensor_sum": tsum,
            "probabilities": [float(v) for v in onnx_p],
            "probabilities_torch": [float(v) for v in pt],
            "js_reference_sum": js["sum"],
            "js_reference_max_abs_diff": js_maxdiff,
        })
    log("JS preprocessing (evaluate-onnx.mjs) matches numpy on the synthetic images: "
        + ", ".join(f"{p['name']} sum {p['tensor_sum']:.4f} vs {p['js_reference_sum']:.4f}" for p in parity_items))

    today = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d")
    spec_json = {
        "model_version": MODEL_VERSION,
        "model_file": "damage-classifier.onnx",
        "trained_on": today,
        "framework": "torch 1.13 -> ONNX opset 13 (softmax inside the graph)",
        "input": {"name": "image", "dtype": "float32", "shape": ["N", 3, SIZE, SIZE]},
        "output": {"name": "probabilities", "dtype": "float32", "shape": ["N", 2], "labels": LABELS,
                   "meaning": "softmax probabilities, index 1 = damage"},
        "preprocessing": PREPROCESSING_CONTRACT,
        "decision": {
            "damage_detected": "probabilities[1] >= 0.5",
            "confidence": "max(probabilities[0], probabilities[1]) (the probability of the predicted class)",
            "threshold": THRESHOLD,
            "approved_rule": "damage_detected AND confidence >= 0.7  (equivalently probabilities[1] >= 0.7)",
        },
        "parity_fixtures": "parity.json",
        "metrics": "metrics.json",
        "base_model": "Google tfjs-models mobilenet_v1_0.75_224 (Apache-2.0)",
    }
    (args.out / "damage-classifier.json").write_text(json.dumps(spec_json, indent=2) + "\n")
    (args.out / "parity.json").write_text(json.dumps({
        "model_version": MODEL_VERSION,
        "about": "Synthetic RGB images defined by formula (x = column 0..W-1, y = row 0..H-1, integer arithmetic, "
                 "channel value = formula result, all operands non-negative). Preprocess per damage-classifier.json and "
                 "compare: tensor_first10 = first 10 float32 values of the flattened NCHW tensor (channel R, row 0, "
                 "columns 0..9); tensor_sum = float64 sum over all 3*224*224 float32 values; probabilities = "
                 "onnxruntime-node output [no_damage, damage]. Suggested tolerances: values 1e-6, sum 1e-2, probabilities 1e-4.",
        "images": parity_items,
    }, indent=2) + "\n")
    metrics_json = {
        "model_version": MODEL_VERSION,
        "trained_on": today,
        "seed": args.seed,
        "data": {"path_default": "../shared/data/car_damage/training", **dstats, "split": counts},
        "imagenet_conversion_check": inet,
        "recipe": {"frozen": f"stem + blocks 1-{CUT - 1}", "fine_tuned": f"blocks {CUT}-13 + new Linear(768,2) head (dropout 0.2)",
                   "views_per_train_image": args.views, "epochs": args.epochs, "best_epoch": best_epoch,
                   "jpeg_quality": args.jpeg_quality},
        "history": history,
        "test_onnx": m_plain,
        f"test_onnx_all_downscaled_to_{RES_CHECK_PX}px": m_res,
        f"test_prediction_flips_plain_vs_{RES_CHECK_PX}px": round(flips, 4),
        "test_by_original_longest_side": groups,
        f"test_by_original_longest_side_at_{RES_CHECK_PX}px": groups_res,
        "test_onnx_worker_pipeline": {**m_ts, "predictions_differing_from_numpy_pipeline": ts_flips,
                                      "tensor_difference_vs_numpy": node_out["ts_vs_numpy_tensors"],
                                      "max_abs_probability_difference_vs_numpy_pipeline": float(np.abs(po_ts - po).max())},
        "test_torch_accuracy": round(float(((p_te[:, 1] >= 0.5) == y_te).mean()), 4),
        "onnx_vs_torch_max_abs_diff": parity_diff,
        "onnx_ops": ops,
        "onnx_bytes": onnx_path.stat().st_size,
        "test_onnx_resolution_checks": resolution_check.run(items, split["test"], onnx_path, args.node, cache_dir, run_evaluator),
        "native_inference_onnxruntime_node": node_out["timing"],
        "train_seconds_total": round(time.time() - t_start, 1),
    }
    (args.out / "metrics.json").write_text(json.dumps(metrics_json, indent=2) + "\n")
    log(f"wrote {args.out}/damage-classifier.onnx, damage-classifier.json, parity.json, metrics.json "
        f"in {time.time() - t_start:.0f}s")


if __name__ == "__main__":
    main()
