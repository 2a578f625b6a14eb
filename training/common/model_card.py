"""MODEL_CARD.md of a photo classifier, written from the numbers its training run measured."""
from __future__ import annotations

from pathlib import Path
from typing import Callable


def _table(rows: list[list], header: list[str]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(lines)


def _confusion(m: dict) -> str:
    labels = m["confusion_matrix"]["rows_true_cols_pred_order"]
    rows = [[f"**{lab}**", *row, sum(row)] for lab, row in zip(labels, m["confusion_matrix"]["matrix"])]
    return _table(rows, ["true ↓ / predicted →", *labels, "total"])


def _per_class(m: dict) -> str:
    rows = [[k, c["precision"], c["recall"], c["f1"], c["support"], c["predicted"]] for k, c in m["per_class"].items()]
    return _table(rows, ["class", "precision", "recall", "F1", "held-out photos", "predicted as"])


def _selection(history: list[dict]) -> str:
    rows = [[t["l2"], "yes" if t.get("input_statistics") else "no", t["val_acc"], t["val_macro_f1"], t["val_nll"]]
            for t in history]
    return _table(rows, ["L2", "input statistics", "accuracy", "macro F1", "log loss"])


def write_model_card(path: Path, *, title: str, what: str, use: str, data: str, split: str, extra: Callable[[dict], str],
                     file_stem: str, metrics: dict, goal_accuracy: float | None = None) -> None:
    t, w, r = metrics["test_onnx"], metrics["test_onnx_worker_pipeline"], metrics["recipe"]
    timing = metrics["native_inference_onnxruntime_node"]
    robust = metrics["test_onnx_robustness"]
    rob_rows = [[k, v["accuracy"], v["prediction_flips_vs_plain"]] for k, v in robust.items()]
    conf_rows = [[k.replace("confidence_ge_", "≥ "), v["share"], v["accuracy"]] for k, v in t["by_confidence"].items()]
    goal = ""
    if goal_accuracy is not None:
        met = "met" if t["accuracy"] >= goal_accuracy else "**not met**"
        goal = f"\n\nGoal set for this model: held-out accuracy ≥ {goal_accuracy} — {met}."
    text = f"""# Model card — {title} (`{metrics['model_version']}`)

Written by the training run (`training/common/model_card.py`) from `metrics.json`: every number
here was measured by that run; nothing is typed in by hand.

## What it is

{what}

{use}

| file | what |
|---|---|
| `{file_stem}.onnx` | the model, ONNX opset 13, {metrics['onnx_bytes'] / 1e6:.2f} MB, float32; ops: {', '.join(metrics['onnx_ops'])} |
| `{file_stem}.json` | the contract: input/output names and shapes, labels, preprocessing, version, training date |
| `parity.json` | synthetic images defined by formula and a few held-out photos, with the probabilities onnxruntime-node gave (the workerd tests compare) |
| `metrics.json` | every number below and more, as written by the training run |

- Input `image`: float32 `[N, 3, 224, 224]`, NCHW RGB, the same tensor as the damage classifier's
  (one resize serves the three photo models: `src/domain/photo/preprocess.ts`).
- Output `probabilities`: float32 `[N, {len(metrics['labels'])}]`, softmax over `{metrics['labels']}`.

## Base model and recipe

MobileNet v1 0.75 224 (Google tfjs-models, Apache-2.0; `../shared/pretrained`), rebuilt in torch
(`training/common/mobilenet.py`) and kept frozen. {r['trained']}.
Training views: {r['views_per_train_image']} augmented views per training photo ({r['augmentation']}),
features computed once by onnxruntime-node and cached outside the repo. Optimiser: {r['optimiser']};
L2 {r['l2']}, {r['selection']}. Layers: {r['why_these_layers']}.

Candidates tried on the selection split (the held-out split played no part in the choice):

{_selection(metrics['history'])}

Seed {metrics['seed']}; trained on {metrics['trained_on']} in {metrics['train_seconds_total']:.0f} s
({metrics['threads']} threads on a shared {metrics['machine_cpus']}-core machine, feature caching included).

## Data and split

{data}

{split}

Split sizes: {metrics['data']['split']}.

## Held-out results (ONNX model in onnxruntime-node)

Accuracy **{t['accuracy']}** on {t['n']} held-out photos (95 % Wilson interval {t['accuracy_95ci']}),
balanced accuracy {t['balanced_accuracy']}, macro F1 {t['macro_f1']}, top-2 accuracy {t['top2_accuracy']},
log loss {t['log_loss']}, expected calibration error {t['expected_calibration_error']}.{goal}

{_per_class(t)}

Confusion matrix (rows: true class, columns: predicted):

{_confusion(t)}

{extra(metrics)}

Accuracy when only confident answers are kept:

{_table(conf_rows, ["top probability", "share of photos", "accuracy"])}

### The Worker's own pipeline

The same held-out photos decoded with the Worker's decoders and preprocessed by the TypeScript
code (`training/common/evaluate-onnx.ts`): accuracy {w['accuracy']}, predictions differing from the
numpy pipeline: {w['predictions_differing_from_numpy_pipeline']}, largest probability difference
{w['max_abs_probability_difference_vs_numpy_pipeline']:.2e}. ONNX vs the torch model on
{metrics['onnx_vs_torch_compared_on']} held-out tensors: largest probability difference {metrics['onnx_vs_torch_max_abs_diff']:.2e}.

### Robustness (held-out photos changed before preprocessing)

{_table(rob_rows, ["variant", "accuracy", "share of predictions that change"])}

## Speed

onnxruntime-node {timing['onnxruntime_node']}, one image per call, median of {timing['default_threads']['runs']} runs:
{timing['default_threads']['median_ms']} ms with default threads, {timing['single_thread']['median_ms']} ms on one thread
(session creation {timing['default_threads']['session_create_ms']} ms), on a shared machine. The Worker runs onnxruntime-web's wasm build:
`npm run bench:photo-classifiers` prints the ratio.

## Limits

- Web photos, mostly whole cars, well lit; night, rain, dirt, wraps and two-tone paint are rare or absent.
- The probabilities are a linear model's softmax, not calibrated beyond what the numbers above show:
  decisions should use the confidence table, and a low top probability should ask for another photo
  or a human rather than act.
"""
    path.write_text(text)
