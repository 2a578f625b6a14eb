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

import os
import sys

sys.dont_write_bytecode = True  # keep training/damage/ free of __pycache__

# Debian's python3-torch lives in /usr/bin/python3's site-packages; a pyenv/venv python3
# on PATH may not see it. Re-exec with the system interpreter in that case.
try:
    import torch  # noqa: F401
except ImportError:  # pragma: no cover
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])
    raise

import argparse
import datetime as dt
import hashlib
import json
import random
import subprocess
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import resolution_check  # noqa: E402
from mobilenet import DamageClassifier, load_mobilenet  # noqa: E402
from preprocess import (  # noqa: E402
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


def log(*a):
    print(f"[{time.strftime('%H:%M:%S')}]", *a, flush=True)


def seed_all(seed: int):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


# ------------------------------------------------------------------------------ data

def list_dataset(data: Path):
    """Return deduplicated items [{path, label, sha256, w, h}] and dedupe stats."""
    from PIL import Image

    by_hash: dict[str, list] = {}
    n_files = 0
    for d, label in sorted(CLASS_DIRS.items()):
        for p in sorted((data / d).iterdir()):
            if not p.is_file() or p.suffix.lower() not in (".jpg", ".jpeg", ".png"):
                continue
            n_files += 1
            h = hashlib.sha256(p.read_bytes()).hexdigest()
            by_hash.setdefault(h, []).append((p, label))
    items, dup_removed, conflicts = [], 0, 0
    for h, group in sorted(by_hash.items(), key=lambda kv: str(kv[1][0][0])):
        labels = {lab for _, lab in group}
        if len(labels) > 1:  # same bytes under both classes: drop entirely
            conflicts += 1
            dup_removed += len(group)
            continue
        dup_removed += len(group) - 1
        p, lab = group[0]
        with Image.open(p) as im:
            w, hgt = im.size
        items.append({"path": p, "label": lab, "sha256": h, "w": w, "h": hgt})
    stats = {"files": n_files, "unique": len(items), "duplicates_removed": dup_removed,
             "cross_class_conflicts": conflicts}
    return items, stats


def stratified_split(items, seed: int, val_frac=0.15, test_frac=0.15):
    rng = np.random.RandomState(seed)
    split = {"train": [], "val": [], "test": []}
    for label in (0, 1):
        idx = [i for i, it in enumerate(items) if it["label"] == label]
        idx.sort(key=lambda i: items[i]["sha256"])  # order independent of file names
        rng.shuffle(idx)
        n_test = int(round(len(idx) * test_frac))
        n_val = int(round(len(idx) * val_frac))
        split["test"] += idx[:n_test]
        split["val"] += idx[n_test:n_test + n_val]
        split["train"] += idx[n_test + n_val:]
    return {k: sorted(v) for k, v in split.items()}


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


def eval_views(img: np.ndarray):
    """Deployment view (plain) and resolution-check view (all images at 160 px first)."""
    return to_tensor(img), to_tensor(downscale_longest(img, RES_CHECK_PX))


@torch.no_grad()
def frozen_features(backbone, x: np.ndarray, bs=32) -> np.ndarray:
    out = []
    for i in range(0, len(x), bs):
        out.append(backbone.features(torch.from_numpy(x[i:i + bs]), 0, CACHE_AT).numpy().astype(np.float16))
    return np.concatenate(out)


def build_cache(items, split, backbone, cache: Path, n_views: int, seed: int, jpeg_q: int):
    """Cache frozen activations (layers[0:CACHE_AT]) for train views and eval views."""
    base = {"v": CACHE_VERSION, "cache_at": CACHE_AT, "items": [it["sha256"] for it in items], "split": split}
    key_eval = hashlib.sha256(json.dumps(base, sort_keys=True).encode()).hexdigest()[:16]
    key_train = hashlib.sha256(json.dumps({**base, "views": n_views, "seed": seed, "q": jpeg_q},
                                          sort_keys=True).encode()).hexdigest()[:16]
    d, dt_ = cache / f"eval-{key_eval}", cache / f"train-{key_train}"
    d.mkdir(parents=True, exist_ok=True)
    dt_.mkdir(parents=True, exist_ok=True)
    out = {}
    # train views
    f = dt_ / "train_feats.npy"
    if not f.exists():
        log(f"caching {n_views} augmented views x {len(split['train'])} train images -> {dt_}")
        feats = None
        t0 = time.time()
        for j, i in enumerate(split["train"]):
            rng = np.random.RandomState([seed % 2**32, int(items[i]["sha256"][:8], 16)])
            img = decode_rgb(items[i]["path"].read_bytes())
            xs = np.stack([train_view(img, rng, jpeg_q) for _ in range(n_views)])
            fx = frozen_features(backbone, xs)
            if feats is None:
                feats = np.lib.format.open_memmap(dt_ / "train_feats.tmp.npy", mode="w+", dtype=np.float16,
                                                  shape=(len(split["train"]), n_views, *fx.shape[1:]))
            feats[j] = fx
            if (j + 1) % 100 == 0:
                log(f"  {j + 1}/{len(split['train'])} ({time.time() - t0:.0f}s)")
        feats.flush()
        del feats
        os.replace(dt_ / "train_feats.tmp.npy", f)
    out["train"] = np.load(f, mmap_mode="r")
    for name in ("val", "test"):
        fp, fr = d / f"{name}_feats_plain.npy", d / f"{name}_feats_res{RES_CHECK_PX}.npy"
        tp, tr = d / f"{name}_x_plain.npy", d / f"{name}_x_res{RES_CHECK_PX}.npy"
        if not (fp.exists() and fr.exists() and tp.exists() and tr.exists()):
            log(f"caching eval views for {name} ({len(split[name])} images)")
            pl, rs = zip(*(eval_views(decode_rgb(items[i]["path"].read_bytes())) for i in split[name]))
            pl, rs = np.stack(pl), np.stack(rs)
            np.save(tp, pl)
            np.save(tr, rs)
            np.save(fp, frozen_features(backbone, pl))
            np.save(fr, frozen_features(backbone, rs))
        out[name] = (np.load(fp), np.load(fr))
        out[name + "_x"] = (tp, tr)
    return out, d


# ------------------------------------------------------------------------------ training

def set_bn_eval(model):
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.eval()


@torch.no_grad()
def probs_from_feats(model, feats, bs=64):
    model.eval()
    out = []
    for i in range(0, len(feats), bs):
        x = torch.from_numpy(np.asarray(feats[i:i + bs], dtype=np.float32))
        out.append(torch.softmax(model.logits_from(x, CACHE_AT), 1))
    return torch.cat(out).numpy()


def train(model, cached, y_train, y_val, epochs: int, seed: int, lr_head=1e-3, lr_body=2e-4, bs=32):
    g = torch.Generator().manual_seed(seed)
    body = [p for layer in model.layers[CUT:] for p in layer.parameters()]
    for layer in model.layers[:CUT]:
        for p in layer.parameters():
            p.requires_grad_(False)
    opt = torch.optim.AdamW([{"params": body, "lr": lr_body}, {"params": model.head.parameters(), "lr": lr_head}],
                            weight_decay=1e-4)
    steps_per_epoch = (len(y_train) + bs - 1) // bs
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=[lr_body, lr_head], epochs=epochs,
                                                steps_per_epoch=steps_per_epoch, pct_start=0.15)
    lossf = nn.CrossEntropyLoss(label_smoothing=0.05)
    feats = cached["train"]
    n_views = feats.shape[1]
    yt = torch.from_numpy(y_train).long()
    best, history = None, []
    for ep in range(epochs):
        t0 = time.time()
        model.train()
        set_bn_eval(model)  # keep the pretrained BatchNorm statistics
        order = torch.randperm(len(y_train), generator=g).numpy()
        views = torch.randint(0, n_views, (len(y_train),), generator=g).numpy()
        tot = 0.0
        for s in range(0, len(order), bs):
            idx = order[s:s + bs]
            x = torch.from_numpy(np.stack([np.asarray(feats[i, v], dtype=np.float32) for i, v in zip(idx, views[idx])]))
            with torch.no_grad():  # frozen blocks between the cache point and CUT
                for layer in model.layers[CACHE_AT:CUT]:
                    x = layer(x)
            loss = lossf(model.logits_from(x, CUT), yt[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            tot += float(loss) * len(idx)
        pv = probs_from_feats(model, cached["val"][0])
        pr = probs_from_feats(model, cached["val"][1])
        acc_p = float(((pv[:, 1] >= 0.5) == y_val).mean())
        acc_r = float(((pr[:, 1] >= 0.5) == y_val).mean())
        nll = float(-np.log(np.clip(pv[np.arange(len(y_val)), y_val], 1e-7, 1)).mean())
        score = (acc_p + acc_r) / 2 - 0.01 * nll
        history.append({"epoch": ep + 1, "train_loss": round(tot / len(y_train), 4), "val_acc": round(acc_p, 4),
                        f"val_acc_res{RES_CHECK_PX}": round(acc_r, 4), "val_nll": round(nll, 4)})
        log(f"epoch {ep + 1}/{epochs} loss {tot / len(y_train):.4f} val acc {acc_p:.4f} "
            f"val acc@{RES_CHECK_PX}px {acc_r:.4f} val nll {nll:.4f} ({time.time() - t0:.0f}s)")
        if best is None or score > best[0]:
            best = (score, ep + 1, {k: v.detach().clone() for k, v in model.state_dict().items()})
    model.load_state_dict(best[2])
    model.eval()
    log(f"best epoch {best[1]} (selection score {best[0]:.4f})")
    return best[1], history


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

def fold_pads_into_convs(m):
    """torch 1.13 exports F.pad as Pad fed by a Slice/Concat chain computing the pads.
    Every Pad here feeds a 3x3 Conv, so move the padding into the Conv's own `pads`
    attribute (stride 1: [1,1,1,1]; stride 2, TF same: top 0, left 0, bottom 1, right 1)
    and drop the Pad nodes and the now-unused helper nodes. Plain Conv/Clip graph results."""
    import onnx

    g = m.graph
    producer = {o: n for n in g.node for o in n.output}
    removed = 0
    for n in g.node:
        if n.op_type != "Conv" or n.input[0] not in producer or producer[n.input[0]].op_type != "Pad":
            continue
        pad = producer[n.input[0]]
        strides = next(list(a.ints) for a in n.attribute if a.name == "strides")
        assert not any(a.name == "pads" and any(a.ints) for a in n.attribute), "conv already padded"
        for a in list(n.attribute):
            if a.name in ("pads", "auto_pad"):
                n.attribute.remove(a)
        n.attribute.append(onnx.helper.make_attribute("pads", [1, 1, 1, 1] if strides == [1, 1] else [0, 0, 1, 1]))
        n.input[0] = pad.input[0]
        removed += 1
    assert removed == 14, f"expected 14 padded 3x3 convs, found {removed}"
    # prune nodes that no longer contribute to the graph outputs
    needed = {o.name for o in g.output}
    keep = []
    for n in reversed(list(g.node)):
        if any(o in needed for o in n.output):
            keep.append(n)
            needed.update(n.input)
    keep.reverse()
    del g.node[:]
    g.node.extend(keep)
    used = {i for n in g.node for i in n.input}
    inits = [t for t in g.initializer if t.name in used]
    del g.initializer[:]
    g.initializer.extend(inits)


def export_onnx(model, path: Path):
    import onnx

    model.eval()
    dummy = torch.zeros(1, 3, SIZE, SIZE)
    torch.onnx.export(model, dummy, str(path), opset_version=13, input_names=["image"],
                      output_names=["probabilities"], do_constant_folding=True,
                      dynamic_axes={"image": {0: "batch"}, "probabilities": {0: "batch"}})
    m = onnx.load(str(path))
    fold_pads_into_convs(m)
    onnx.checker.check_model(m)
    onnx.shape_inference.infer_shapes(m, strict_mode=True)
    ops = sorted({n.op_type for n in m.graph.node})
    m.producer_name = "claimsedge training/damage/train.py"
    m.doc_string = f"{MODEL_VERSION}: car damage classifier, input image[N,3,224,224] (x=p/127.5-1), output probabilities[N,2]={LABELS}"
    onnx.save(m, str(path))
    return ops


def run_node(node: str, args: list[str]):
    cmd = [node, str(HERE / "evaluate-onnx.mjs"), *args]
    log("running", " ".join(cmd))
    r = subprocess.run(cmd, capture_output=True, text=True)
    sys.stderr.write(r.stderr)
    if r.returncode != 0:
        raise RuntimeError(f"evaluate-onnx.mjs failed: {r.returncode}\n{r.stdout}")
    return json.loads(r.stdout.strip().splitlines()[-1])


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
    model = DamageClassifier(backbone)
    best_epoch, history = train(model, cached, y_tr, y_va, args.epochs, args.seed)

    # torch evaluation on the held-out test split
    p_te = probs_from_feats(model, cached["test"][0])
    p_te_r = probs_from_feats(model, cached["test"][1])

    # export + ONNX evaluation (onnxruntime-node)
    onnx_path = args.out / "damage-classifier.onnx"
    ops = export_onnx(model, onnx_path)
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
    node_out = run_node(args.node, ["--model", str(onnx_path), "--tensors", str(tp), str(tr), str(syn_path),
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
    preprocessing = {
        "decode": "JPEG or PNG; convert to RGB (grayscale -> R=G=B; alpha dropped, no compositing); EXIF orientation is NOT applied",
        "resize": {
            "method": "integer-bounds box filter, squash the whole image (no crop, no aspect preservation)",
            "output": [SIZE, SIZE],
            "rule": "for output column ox in 0..223: source columns [floor(ox*W/224), max(floor((ox+1)*W/224), floor(ox*W/224)+1)) clipped to W; same for rows with H; value = (integer sum of the source block's 8-bit values) / (number of pixels in block), computed in float64, no rounding",
        },
        "normalization": "x = value / 127.5 - 1 (computed in float64, then stored as float32)",
        "layout": "NCHW float32, channel order R, G, B; index = c*224*224 + y*224 + x",
    }
    spec_json = {
        "model_version": MODEL_VERSION,
        "model_file": "damage-classifier.onnx",
        "trained_on": today,
        "framework": "torch 1.13 -> ONNX opset 13 (softmax inside the graph)",
        "input": {"name": "image", "dtype": "float32", "shape": ["N", 3, SIZE, SIZE]},
        "output": {"name": "probabilities", "dtype": "float32", "shape": ["N", 2], "labels": LABELS,
                   "meaning": "softmax probabilities, index 1 = damage"},
        "preprocessing": preprocessing,
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
        "test_torch_accuracy": round(float(((p_te[:, 1] >= 0.5) == y_te).mean()), 4),
        "onnx_vs_torch_max_abs_diff": parity_diff,
        "onnx_ops": ops,
        "onnx_bytes": onnx_path.stat().st_size,
        "test_onnx_resolution_checks": resolution_check.run(items, split["test"], onnx_path, args.node, cache_dir, run_node),
        "native_inference_onnxruntime_node": node_out["timing"],
        "train_seconds_total": round(time.time() - t_start, 1),
    }
    (args.out / "metrics.json").write_text(json.dumps(metrics_json, indent=2) + "\n")
    log(f"wrote {args.out}/damage-classifier.onnx, damage-classifier.json, parity.json, metrics.json "
        f"in {time.time() - t_start:.0f}s")


if __name__ == "__main__":
    main()
