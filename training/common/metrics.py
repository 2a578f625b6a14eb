"""Held-out metrics of a multi-class classifier, as written into metrics.json and the model cards."""
from __future__ import annotations

import numpy as np


def confusion(y: np.ndarray, pred: np.ndarray, n: int) -> np.ndarray:
    m = np.zeros((n, n), dtype=np.int64)
    np.add.at(m, (y, pred), 1)
    return m


def expected_calibration_error(probs: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    """Mean |accuracy - confidence| over equal-width confidence bins, weighted by bin size."""
    conf = probs.max(1)
    correct = probs.argmax(1) == y
    edges = np.linspace(0, 1, bins + 1)
    ece = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        m = (conf > lo) & (conf <= hi)
        if m.any():
            ece += m.mean() * abs(correct[m].mean() - conf[m].mean())
    return float(ece)


def classification_metrics(probs: np.ndarray, y: np.ndarray, labels: list[str],
                           confidence_levels: tuple[float, ...] = (0.5, 0.7, 0.9)) -> dict:
    n = len(labels)
    pred = probs.argmax(1)
    cm = confusion(y, pred, n)
    per_class = {}
    f1s, recalls = [], []
    for k, name in enumerate(labels):
        tp = int(cm[k, k])
        support, predicted = int(cm[k].sum()), int(cm[:, k].sum())
        precision = tp / predicted if predicted else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[name] = {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
                           "support": support, "predicted": predicted}
        f1s.append(f1)
        recalls.append(recall)
    top2 = (np.argsort(-probs, axis=1)[:, :2] == y[:, None]).any(1)
    conf = probs.max(1)
    by_confidence = {}
    for level in confidence_levels:
        m = conf >= level
        by_confidence[f"confidence_ge_{level}"] = {
            "share": round(float(m.mean()), 4),
            "accuracy": round(float((pred[m] == y[m]).mean()), 4) if m.any() else None,
        }
    return {
        "n": int(len(y)),
        "accuracy": round(float((pred == y).mean()), 4),
        "balanced_accuracy": round(float(np.mean(recalls)), 4),
        "macro_f1": round(float(np.mean(f1s)), 4),
        "top2_accuracy": round(float(top2.mean()), 4),
        "log_loss": round(float(-np.log(np.clip(probs[np.arange(len(y)), y], 1e-7, 1)).mean()), 4),
        "expected_calibration_error": round(expected_calibration_error(probs, y), 4),
        "per_class": per_class,
        "confusion_matrix": {"rows_true_cols_pred_order": labels, "matrix": cm.tolist()},
        "by_confidence": by_confidence,
    }


def wilson_interval(successes: int, n: int, z: float = 1.96) -> list[float]:
    """95 % Wilson score interval of a proportion (how far a held-out accuracy can move by chance)."""
    if n == 0:
        return [0.0, 1.0]
    p = successes / n
    d = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / d
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return [round(float(centre - half), 4), round(float(centre + half), 4)]
