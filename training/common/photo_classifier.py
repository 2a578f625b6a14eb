"""One training run of a multi-class photo classifier on the shared MobileNet backbone:
cache the frozen backbone's pooled features of augmented views (onnxruntime-node), train a
linear softmax head on them, export backbone + head as one ONNX graph, evaluate the ONNX model on the
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

from .feature_cache import cache_key, log
from .linear_head import TapClassifier, head_probs, train_head
from .metrics import classification_metrics, wilson_interval
from .model_card import write_model_card
from .mobilenet import load_mobilenet
from .onnx_evaluator import REPO, run_evaluator
from .onnx_export import OPSET, export_onnx
from .preprocess import PREPROCESSING_CONTRACT, SIZE, SYNTHETIC, synthetic_image, to_tensor
from .tap_features import eval_tap_features, train_tap_features
from .view_statistics import statistics_of, train_view_statistics

CACHE_VERSION = "v1"
HELD_OUT_EXAMPLES_PER_CLASS = 3
PARITY_SAMPLE = 64
# Pooled outputs of these layers feed the head. Measured on the colour selection split (linear
# head, L2 0.01): last block only 0.76, blocks 11+13 0.78, + block 6 0.86, + block 6's centre and
# max poolings 0.87: colour lives in the earlier layers and in the middle of the photo.
TAPS = {6: ("mean", "centre", "max"), 11: ("mean",), 13: ("mean",)}
TAPS_WHY = ("chosen on the car-colour selection split (validation accuracy of a linear head: block 13 alone 0.76, "
            "blocks 11+13 0.78, + block 6 mean 0.86, + block 6 centre and max 0.87)")
# Earlier runs cached training views' activations at the input of this layer: reused when present.
REUSABLE_ACTIVATIONS_AT = 7


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
    card: dict = field(default_factory=dict)  # model card prose: title, what, use, data, split, extra(metrics) -> str
    # computed in the graph from the input tensor and appended to the pooled taps (e.g. colour_statistics);
    # needs an `about` attribute (one line, also the cache key)
    input_statistics: torch.nn.Module | None = None


def add_arguments(ap: argparse.ArgumentParser, *, cache: str, views: int = 8, seed: int = 20261121,
                  l2: tuple[float, ...] = (0.01,)):
    ap.add_argument("--pretrained", type=Path, default=REPO.parent / "shared/pretrained/mobilenet_v1_0.75_224/tfjs")
    ap.add_argument("--cache", type=Path, default=Path(cache))
    ap.add_argument("--node", default=str(REPO / "node_modules/.bin/node"))
    ap.add_argument("--seed", type=int, default=seed)
    ap.add_argument("--views", type=int, default=views, help="cached augmented views per training image")
    ap.add_argument("--l2", type=float, nargs="+", default=list(l2), help="L2 penalties to choose from on the selection split")
    ap.add_argument("--balanced", action="store_true", help="weight the loss by inverse class frequency")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--card-only", action="store_true", help="rewrite MODEL_CARD.md from the existing metrics.json, train nothing")
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
    if args.card_only:
        metrics = json.loads((out / "metrics.json").read_text())
        write_model_card(out / "MODEL_CARD.md", file_stem=task.file_stem, metrics=metrics, **task.card)
        return metrics
    t_start = time.time()
    torch.set_num_threads(args.threads)
    seed_all(args.seed)
    tr, va, te = (task.split[k] for k in ("train", "val", "test"))
    assert not (set(tr) & set(te)) and not (set(va) & set(te)) and not (set(tr) & set(va))
    counts = _counts(task)
    log(f"data: {task.data_stats}")
    log(f"split: {counts}")
    y_all = np.array([it["label"] for it in task.items])
    y_tr, y_va, y_te = y_all[tr], y_all[va], y_all[te]

    backbone = load_mobilenet(args.pretrained)
    base = {"v": CACHE_VERSION, "task": task.name, "cache_at": REUSABLE_ACTIVATIONS_AT,
            "items": [it["sha256"] for it in task.items], "split": task.split}
    cache = args.cache
    train_dir = cache / f"train-{cache_key(**base, views=args.views, seed=args.seed, recipe=task.view_recipe)}"
    train_feats = train_tap_features(task.items, tr, backbone, args.node, args.threads, train_dir, args.views, args.seed,
                                     TAPS, task.train_view, (train_dir / "train_feats.npy", REUSABLE_ACTIVATIONS_AT))
    eval_dir = cache / f"eval-{cache_key(**base)}"
    val, val_x = eval_tap_features(task.items, va, backbone, args.node, args.threads, eval_dir, "val", TAPS,
                                   {"plain": to_tensor})["plain"]
    stats = task.input_statistics
    inputs = {False: (train_feats, val)}  # with input statistics or not -> (train, val) features
    if stats is not None:
        stats.eval()
        name = f"input-{cache_key(about=stats.about)}"
        inputs[True] = (np.concatenate([train_feats, train_view_statistics(
            task.items, tr, stats, name, train_dir, args.views, args.seed, task.train_view, args.threads)], axis=2),
                        np.concatenate([val, statistics_of(stats, np.load(val_x, mmap_mode="r"))], axis=1))
    log(f"features cached ({time.time() - t_start:.0f}s): train {train_feats.shape}, val {val.shape}"
        + (f", input statistics {stats.about}" if stats is not None else ""))

    class_weights = None
    if args.balanced:
        freq = np.bincount(y_tr, minlength=len(task.labels)).astype(np.float64)
        class_weights = (freq.sum() / (len(freq) * freq)).astype(np.float32)

    # How strong the L2 penalty is, and whether the input statistics help: chosen on the selection split only.
    trials = []
    for with_stats, (x_tr, x_va) in inputs.items():
        for l2 in args.l2:
            seed_all(args.seed)
            w, b, loss = train_head(x_tr, y_tr, l2=l2, n_classes=len(task.labels), class_weights=class_weights)
            m = classification_metrics(head_probs(w, b, x_va), y_va, task.labels)
            trials.append({"l2": l2, "input_statistics": with_stats, "train_loss": round(loss, 4),
                           "val_acc": m["accuracy"], "val_macro_f1": m["macro_f1"], "val_nll": m["log_loss"],
                           "val_recall": {k: c["recall"] for k, c in m["per_class"].items()},
                           "score": m["accuracy"] - 0.01 * m["log_loss"], "w": w, "b": b})
            log(f"  selection split (input statistics {with_stats}): accuracy {m['accuracy']}, macro F1 {m['macro_f1']}, "
                f"log loss {m['log_loss']}")
    chosen = max(trials, key=lambda t: t["score"])
    weight, bias = chosen["w"], chosen["b"]
    if not chosen["input_statistics"]:
        stats = None
    history = [{k: v for k, v in t.items() if k not in ("w", "b")} for t in trials]
    log(f"chosen: L2 {chosen['l2']}, input statistics {chosen['input_statistics']}, selection accuracy {chosen['val_acc']}")
    train_seconds = round(time.time() - t_start, 1)
    recipe = {"frozen": "the whole pretrained MobileNet (ImageNet BatchNorm statistics kept)",
              "trained": f"one Linear({weight.shape[1]},{len(task.labels)}) softmax layer over pooled outputs of layers "
                         f"{ {t: list(h) for t, h in TAPS.items()} } (0 = stem, i = depthwise-separable block i; "
                         "mean = spatial mean, centre = mean of the middle half of each side, max = spatial max)"
                         + (f", and {stats.about}, computed in the graph from the input" if stats is not None else ""),
              "why_these_layers": TAPS_WHY,
              "views_per_train_image": args.views, "l2": chosen["l2"], "class_weighted_loss": bool(args.balanced),
              "augmentation": task.view_recipe,
              "optimiser": "full-batch L-BFGS (60 iterations), features standardised (folded into the layer's weights)",
              "selection": "L2 penalty" + (" and whether to add the input statistics" if task.input_statistics is not None
                                            else "") + ", the best selection-split accuracy - 0.01 x log loss"}
    if args.selection_only:
        print(json.dumps({"selection_only": True, "recipe": recipe, "seconds": train_seconds}))
        return None

    # held-out split: the deployment view and the robustness variants
    variants = {"plain": to_tensor, **{k: (lambda fn: lambda img: to_tensor(fn(img)))(fn) for k, fn in task.test_variants.items()}}
    test = eval_tap_features(task.items, te, backbone, args.node, args.threads, eval_dir, "test", TAPS, variants)
    test_feats = test["plain"][0]
    if stats is not None:
        test_feats = np.concatenate([test_feats, statistics_of(stats, np.load(test["plain"][1], mmap_mode="r"))], axis=1)
    p_torch = head_probs(weight, bias, test_feats)
    model = TapClassifier(backbone, TAPS, weight, bias, stats).eval()

    out.mkdir(parents=True, exist_ok=True)
    onnx_path = out / f"{task.file_stem}.onnx"
    ops = export_onnx(model, onnx_path, f"claimsedge training/{task.name}/train.py",
                      f"{task.model_version}: {task.description}, input image[N,3,224,224] (x=p/127.5-1), "
                      f"output probabilities[N,{len(task.labels)}]={task.labels}", padded_convs=max(TAPS) + 1)
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
    with torch.no_grad():  # the full float32 torch model on the exact tensors ONNX saw (a sample: torch is slow here)
        x_plain = np.load(test["plain"][1], mmap_mode="r")
        pt_full = np.concatenate([model(torch.from_numpy(np.array(x_plain[i:i + 16]))).numpy()
                                  for i in range(0, min(len(te), PARITY_SAMPLE), 16)])
    parity_diff = float(np.abs(po[:len(pt_full)] - pt_full).max())
    log(f"ONNX (onnxruntime-node) vs torch float32 on {len(pt_full)} held-out tensors: max |dp| = {parity_diff:.2e}")

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
        "test_accuracy_from_cached_features": round(float((p_torch.argmax(1) == y_te).mean()), 4),
        "onnx_vs_torch_max_abs_diff": parity_diff,
        "onnx_vs_torch_compared_on": len(pt_full),
        "onnx_ops": ops,
        "onnx_bytes": onnx_path.stat().st_size,
        "native_inference_onnxruntime_node": node_out["timing"],
        "train_seconds_until_model_chosen": train_seconds,
        "train_seconds_total": round(time.time() - t_start, 1),
        "threads": args.threads,
        "machine_cpus": os.cpu_count(),
    }
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n")
    write_model_card(out / "MODEL_CARD.md", file_stem=task.file_stem, metrics=metrics, **task.card)
    log(f"wrote {out}/{task.file_stem}.onnx, {task.file_stem}.json, parity.json, metrics.json in {time.time() - t_start:.0f}s")
    return metrics
