"""One training run of a multi-class photo classifier on the shared MobileNet backbone:
cache frozen activations, fine-tune the top blocks, export ONNX, evaluate the ONNX model on the
held-out split (numpy tensors, and the Worker's own decode + TypeScript preprocessing), and write
the model's contract, parity fixtures and metrics. The car-colour and damage-severity trainers
describe their data and augmentation in a PhotoClassifierTask and call run()."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np
import torch

from .feature_cache import cache_eval_views, cache_key, cache_train_views, log
from .finetune import finetune, probs_from_feats
from .metrics import classification_metrics, wilson_interval
from .mobilenet import MobileNetClassifier, load_mobilenet
from .onnx_evaluator import REPO, run_evaluator
from .onnx_export import OPSET, export_onnx
from .preprocess import PREPROCESSING_CONTRACT, SIZE, SYNTHETIC, synthetic_image, to_tensor

CACHE_VERSION = "v1"
HELD_OUT_EXAMPLES_PER_CLASS = 3


@dataclass
class PhotoClassifierTask:
    name: str  # folder under models/ and cache prefix, e.g. "colour"
    file_stem: str  # e.g. "colour-classifier" -> colour-classifier.onnx / .json
    model_version: str
    description: str  # what the model says, one line
    labels: list[str]  # output order of `probabilities`
    items: list  # from common.data.list_labelled_images
    split: dict[str, list[int]]  # train / val (model choice) / test (held out)
    split_about: dict  # how the split was made, for metrics.json
    data_stats: dict
    train_view: Callable[[np.ndarray, np.random.RandomState], np.ndarray]  # image -> augmented model input
    view_recipe: dict  # describes train_view; part of the cache key
    test_variants: dict[str, Callable[[np.ndarray], np.ndarray]] = field(default_factory=dict)  # robustness checks
    extra_metrics: Callable[[np.ndarray, np.ndarray], dict] | None = None  # task-specific numbers on the held-out split


def add_arguments(ap: argparse.ArgumentParser, *, cache: str, epochs: int, views: int, cut: int, cache_at: int,
                  seed: int = 20261121, lr_body: float = 2e-4, lr_head: float = 1e-3):
    ap.add_argument("--pretrained", type=Path, default=REPO.parent / "shared/pretrained/mobilenet_v1_0.75_224/tfjs")
    ap.add_argument("--cache", type=Path, default=Path(cache))
    ap.add_argument("--node", default=str(REPO / "node_modules/.bin/node"))
    ap.add_argument("--seed", type=int, default=seed)
    ap.add_argument("--views", type=int, default=views, help="cached augmented views per training image")
    ap.add_argument("--epochs", type=int, default=epochs)
    ap.add_argument("--cut", type=int, default=cut, help="layers[0:cut] frozen (0 = stem, i = block i)")
    ap.add_argument("--cache-at", type=int, default=cache_at, help="activations cached at the input of layers[cache_at]")
    ap.add_argument("--lr-body", type=float, default=lr_body)
    ap.add_argument("--lr-head", type=float, default=lr_head)
    ap.add_argument("--balanced", action="store_true", help="weight the loss by inverse class frequency")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--selection-only", action="store_true",
                    help="recipe search: train, report the selection split, write nothing and never touch the held-out split")


def seed_all(seed: int):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def _counts(task: PhotoClassifierTask) -> dict:
    y = np.array([it["label"] for it in task.items])
    return {k: {"total": len(v), **{lab: int((y[v] == i).sum()) for i, lab in enumerate(task.labels)}}
            for k, v in task.split.items()}


def run(task: PhotoClassifierTask, args, out: Path) -> dict | None:
    t_start = time.time()
    torch.set_num_threads(args.threads)
    seed_all(args.seed)
    assert 0 <= args.cache_at <= args.cut <= 13, "need 0 <= --cache-at <= --cut <= 13"
    tr, va, te = (task.split[k] for k in ("train", "val", "test"))
    assert not (set(tr) & set(te)) and not (set(va) & set(te)) and not (set(tr) & set(va))
    counts = _counts(task)
    log(f"data: {task.data_stats}")
    log(f"split: {counts}")
    y_all = np.array([it["label"] for it in task.items])
    y_tr, y_va, y_te = y_all[tr], y_all[va], y_all[te]

    backbone = load_mobilenet(args.pretrained)
    base = {"v": CACHE_VERSION, "task": task.name, "cache_at": args.cache_at,
            "items": [it["sha256"] for it in task.items], "split": task.split}
    cache = args.cache
    train_feats = cache_train_views(
        task.items, tr, backbone, cache / f"train-{cache_key(**base, views=args.views, seed=args.seed, recipe=task.view_recipe)}",
        args.views, args.seed, args.cache_at, task.train_view)
    eval_dir = cache / f"eval-{cache_key(**base)}"
    val = cache_eval_views(task.items, va, backbone, eval_dir, "val", args.cache_at, {"plain": to_tensor})["plain"][0]

    class_weights = None
    if args.balanced:
        freq = np.bincount(y_tr, minlength=len(task.labels)).astype(np.float64)
        class_weights = (freq.sum() / (len(freq) * freq)).astype(np.float32)

    def select(model):
        p = probs_from_feats(model, val, args.cache_at)
        m = classification_metrics(p, y_va, task.labels)
        return m["accuracy"] - 0.01 * m["log_loss"], {"val_acc": m["accuracy"], "val_macro_f1": m["macro_f1"],
                                                      "val_nll": m["log_loss"]}

    seed_all(args.seed)
    model = MobileNetClassifier(backbone, len(task.labels))
    best_epoch, history = finetune(model, train_feats, y_tr, epochs=args.epochs, seed=args.seed, cut=args.cut,
                                   cache_at=args.cache_at, select=select, lr_body=args.lr_body, lr_head=args.lr_head,
                                   class_weights=class_weights)
    train_seconds = round(time.time() - t_start, 1)
    recipe = {"frozen": f"stem + blocks 1-{args.cut - 1}" if args.cut > 1 else "stem",
              "fine_tuned": f"blocks {args.cut}-13 + new Linear(768,{len(task.labels)}) head (dropout 0.2)",
              "activations_cached_at_input_of": f"layer {args.cache_at} (0 = stem, i = block i)",
              "views_per_train_image": args.views, "epochs": args.epochs, "best_epoch": best_epoch,
              "lr_body": args.lr_body, "lr_head": args.lr_head, "class_weighted_loss": bool(args.balanced),
              "augmentation": task.view_recipe, "optimiser": "AdamW (weight decay 1e-4), one-cycle, batch 32, label smoothing 0.05",
              "selection": "epoch with the best validation accuracy - 0.01 x validation log loss"}
    if args.selection_only:
        best = history[best_epoch - 1]
        print(json.dumps({"selection_only": True, "recipe": recipe, "best": best, "seconds": train_seconds}))
        return None

    # held-out split: the deployment view and the robustness variants
    variants = {"plain": to_tensor, **{k: (lambda fn: lambda img: to_tensor(fn(img)))(fn) for k, fn in task.test_variants.items()}}
    test = cache_eval_views(task.items, te, backbone, eval_dir, "test", args.cache_at, variants)
    p_torch = probs_from_feats(model, test["plain"][0], args.cache_at)

    out.mkdir(parents=True, exist_ok=True)
    onnx_path = out / f"{task.file_stem}.onnx"
    ops = export_onnx(model, onnx_path, f"claimsedge training/{task.name}/train.py",
                      f"{task.model_version}: {task.description}, input image[N,3,224,224] (x=p/127.5-1), "
                      f"output probabilities[N,{len(task.labels)}]={task.labels}")
    log(f"exported {onnx_path} ({onnx_path.stat().st_size / 1e6:.2f} MB), ops: {ops}")

    syn = []
    for spec in SYNTHETIC:
        x = to_tensor(synthetic_image(spec))
        with torch.no_grad():
            syn.append((spec, x, model(torch.from_numpy(x[None]))[0].numpy()))
    syn_path = eval_dir / "synthetic_x.npy"
    np.save(syn_path, np.stack([s[1] for s in syn]))
    paths_file = eval_dir / "test_paths.json"
    paths_file.write_text(json.dumps([str(task.items[i]["path"]) for i in te]))
    tensor_files = [str(test[v][1]) for v in variants]
    node_out = run_evaluator(args.node, ["--model", str(onnx_path), "--tensors", *tensor_files, str(syn_path),
                                         "--images", str(paths_file), "--compare-tensors", tensor_files[0],
                                         "--runs", "200", "--synthetic", json.dumps([s[0] for s in syn])])
    outs = {v: np.array(o, dtype=np.float32) for v, o in zip(variants, node_out["outputs"])}
    po = outs["plain"]
    po_syn = np.array(node_out["outputs"][len(variants)], dtype=np.float32)
    with torch.no_grad():  # the full float32 torch model on the exact tensors ONNX saw
        x_plain = np.load(test["plain"][1])
        pt_full = np.concatenate([model(torch.from_numpy(x_plain[i:i + 32])).numpy() for i in range(0, len(te), 32)])
    parity_diff = float(np.abs(po - pt_full).max())
    log(f"ONNX (onnxruntime-node) vs torch float32 on {len(te)} held-out tensors: max |dp| = {parity_diff:.2e}")

    m_test = classification_metrics(po, y_te, task.labels)
    m_test["accuracy_95ci"] = wilson_interval(int((po.argmax(1) == y_te).sum()), len(y_te))
    if task.extra_metrics:
        m_test.update(task.extra_metrics(po, y_te))
    log(f"TEST (ONNX): accuracy {m_test['accuracy']} {m_test['accuracy_95ci']}, macro F1 {m_test['macro_f1']}")
    log(f"TEST confusion (rows true, cols predicted, {task.labels}): {m_test['confusion_matrix']['matrix']}")

    po_ts = np.array(node_out["image_outputs"], dtype=np.float32)
    m_ts = classification_metrics(po_ts, y_te, task.labels)
    if task.extra_metrics:
        m_ts.update(task.extra_metrics(po_ts, y_te))
    ts_differ = int((po_ts.argmax(1) != po.argmax(1)).sum())
    log(f"TEST (ONNX, Worker decode + TS preprocessing): accuracy {m_ts['accuracy']}; {ts_differ} predictions differ "
        f"from the numpy pipeline; tensors {node_out['ts_vs_numpy_tensors']}")

    robustness = {}
    for v in task.test_variants:
        r = classification_metrics(outs[v], y_te, task.labels)
        robustness[v] = {"accuracy": r["accuracy"], "macro_f1": r["macro_f1"],
                         "prediction_flips_vs_plain": round(float((outs[v].argmax(1) != po.argmax(1)).mean()), 4),
                         "per_class_recall": {k: c["recall"] for k, c in r["per_class"].items()}}
        log(f"TEST variant {v}: accuracy {r['accuracy']}, flips vs plain {robustness[v]['prediction_flips_vs_plain']}")

    parity_items = []
    for (spec, x, pt), js, p_onnx in zip(syn, node_out["synthetic_js"], po_syn):
        tsum = float(x.astype(np.float64).sum())
        assert js["max_abs_diff_vs_python"] < 1e-6 and abs(js["sum"] - tsum) < 1e-3, (spec["name"], js)
        parity_items.append({**spec, "tensor_first10": [float(v) for v in x.reshape(-1)[:10]], "tensor_sum": tsum,
                             "probabilities": [float(v) for v in p_onnx], "probabilities_torch": [float(v) for v in pt],
                             "js_reference_sum": js["sum"], "js_reference_max_abs_diff": js["max_abs_diff_vs_python"]})

    # A few held-out photos per class (the first by file hash, right or wrong) with what the Worker's
    # decode + preprocessing + this ONNX model gave in Node: the workerd test classifies them again.
    data_root = REPO.parent / "shared/data"
    examples = []
    for k, lab in enumerate(task.labels):
        of_class = sorted((j for j, i in enumerate(te) if y_te[j] == k), key=lambda j: task.items[te[j]]["sha256"])
        for j in of_class[:HELD_OUT_EXAMPLES_PER_CLASS]:
            path = task.items[te[j]]["path"].resolve()
            examples.append({"file": str(path.relative_to(data_root.resolve())), "label": lab,
                             "probabilities": [float(v) for v in po_ts[j]]})

    today = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d")
    (out / f"{task.file_stem}.json").write_text(json.dumps({
        "model_version": task.model_version,
        "model_file": f"{task.file_stem}.onnx",
        "trained_on": today,
        "framework": f"torch 1.13 -> ONNX opset {OPSET} (softmax inside the graph)",
        "input": {"name": "image", "dtype": "float32", "shape": ["N", 3, SIZE, SIZE]},
        "output": {"name": "probabilities", "dtype": "float32", "shape": ["N", len(task.labels)], "labels": task.labels,
                   "meaning": task.description},
        "preprocessing": PREPROCESSING_CONTRACT,
        "parity_fixtures": "parity.json",
        "metrics": "metrics.json",
        "base_model": "Google tfjs-models mobilenet_v1_0.75_224 (Apache-2.0)",
    }, indent=2) + "\n")
    (out / "parity.json").write_text(json.dumps({
        "model_version": task.model_version,
        "about": "Synthetic RGB images defined by formula (x = column, y = row, integer arithmetic). Preprocess per "
                 f"{task.file_stem}.json and compare: tensor_first10 = first 10 float32 values of the flattened NCHW tensor; "
                 "tensor_sum = float64 sum of all 3*224*224 values; probabilities = onnxruntime-node output in the order "
                 f"{task.labels}. Suggested tolerances: values 1e-6, sum 1e-2, probabilities 1e-4.",
        "images": parity_items,
        "held_out_photos_about": "files under ../shared/data (never copied here), probabilities from @jsquash decode + "
                                 "src/domain/photo/preprocess.ts + onnxruntime-node",
        "held_out_photos": examples,
    }, indent=2) + "\n")
    metrics = {
        "model_version": task.model_version,
        "trained_on": today,
        "seed": args.seed,
        "labels": task.labels,
        "data": {**task.data_stats, "split": counts, "split_rule": task.split_about},
        "recipe": recipe,
        "history": history,
        "test_onnx": m_test,
        "test_onnx_worker_pipeline": {**m_ts, "predictions_differing_from_numpy_pipeline": ts_differ,
                                      "max_abs_probability_difference_vs_numpy_pipeline": float(np.abs(po_ts - po).max()),
                                      "tensor_difference_vs_numpy": node_out["ts_vs_numpy_tensors"]},
        "test_onnx_robustness": robustness,
        "test_torch_accuracy": round(float((p_torch.argmax(1) == y_te).mean()), 4),
        "onnx_vs_torch_max_abs_diff": parity_diff,
        "onnx_ops": ops,
        "onnx_bytes": onnx_path.stat().st_size,
        "native_inference_onnxruntime_node": node_out["timing"],
        "train_seconds_until_model_chosen": train_seconds,
        "train_seconds_total": round(time.time() - t_start, 1),
        "threads": args.threads,
        "machine_cpus": os.cpu_count(),
    }
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n")
    log(f"wrote {out}/{task.file_stem}.onnx, {task.file_stem}.json, parity.json, metrics.json in {time.time() - t_start:.0f}s")
    return metrics
