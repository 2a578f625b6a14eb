"""Labelled photo folders: exact-duplicate removal, near-duplicate groups, grouped stratified splits."""
from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png")


def list_labelled_images(data: Path, class_dirs: dict[str, int]):
    """Items [{path, label, sha256, w, h}] from one folder per class, exact duplicates removed.

    Files with identical bytes count once; identical bytes under two labels are dropped entirely.
    """
    by_hash: dict[str, list] = {}
    n_files = 0
    for d, label in sorted(class_dirs.items()):
        folder = data / d
        if not folder.is_dir():
            raise SystemExit(f"class folder not found: {folder}")
        for p in sorted(folder.iterdir()):
            if not p.is_file() or p.suffix.lower() not in IMAGE_SUFFIXES:
                continue
            n_files += 1
            h = hashlib.sha256(p.read_bytes()).hexdigest()
            by_hash.setdefault(h, []).append((p, label))
    items, dup_removed, conflicts = [], 0, 0
    for h, group in sorted(by_hash.items(), key=lambda kv: str(kv[1][0][0])):
        if len({lab for _, lab in group}) > 1:
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


def _dhash_bits(im: Image.Image) -> np.ndarray:
    """256-bit difference hash: is each pixel brighter than its left neighbour on a 17x16 grey thumbnail."""
    a = np.asarray(im.convert("L").resize((17, 16), Image.BILINEAR), dtype=np.int16)
    return (a[:, 1:] > a[:, :-1]).reshape(-1)


def near_duplicate_groups(items, max_bits: int = 28) -> tuple[list[int], dict]:
    """Group id per item: photos whose difference hashes (as is, or one of them mirrored) differ
    in at most `max_bits` of 256 bits are the same picture re-cropped, re-encoded or flipped, and
    must land on the same side of a split. The threshold was set by looking at the pairs found."""
    plain, mirrored = [], []
    for it in items:
        with Image.open(it["path"]) as im:
            plain.append(_dhash_bits(im))
            mirrored.append(_dhash_bits(ImageOps.mirror(im.convert("RGB"))))
    a = np.stack(plain).astype(np.uint8)
    m = np.stack(mirrored).astype(np.uint8)
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    pairs, cross_label = 0, 0
    for i in range(len(items)):
        d = np.minimum((a[i + 1:] != a[i]).sum(1), (m[i + 1:] != a[i]).sum(1))
        for j in np.nonzero(d <= max_bits)[0] + i + 1:
            pairs += 1
            cross_label += items[i]["label"] != items[j]["label"]
            parent[find(int(j))] = find(i)
    roots = [find(i) for i in range(len(items))]
    sizes: dict[int, int] = {}
    for r in roots:
        sizes[r] = sizes.get(r, 0) + 1
    stats = {"near_duplicate_max_bits_of_256": max_bits, "near_duplicate_pairs": pairs,
             "near_duplicate_pairs_across_labels": cross_label,
             "images_in_near_duplicate_groups": sum(s for s in sizes.values() if s > 1),
             "near_duplicate_groups": sum(1 for s in sizes.values() if s > 1)}
    return roots, stats


def stratified_split(items, seed: int, val_frac: float = 0.15, test_frac: float = 0.15, groups: list[int] | None = None,
                     labels: list[int] | None = None):
    """Indices per split, stratified by label, with every group on one side.

    A group belongs to the label of its first member; per label, groups are ordered by their
    members' hashes (independent of file names), shuffled with a fixed seed, and taken in order
    until each split holds its share of images. Without groups every image is its own group.
    """
    rng = np.random.RandomState(seed)
    groups = groups if groups is not None else list(range(len(items)))
    members: dict[int, list[int]] = {}
    for i, g in enumerate(groups):
        members.setdefault(g, []).append(i)
    split = {"train": [], "val": [], "test": []}
    for label in labels if labels is not None else sorted({it["label"] for it in items}):
        units = [sorted(ms, key=lambda i: items[i]["sha256"]) for ms in members.values() if items[ms[0]]["label"] == label]
        units.sort(key=lambda ms: items[ms[0]]["sha256"])
        rng.shuffle(units)
        n = sum(len(u) for u in units)
        n_test, n_val = int(round(n * test_frac)), int(round(n * val_frac))
        taken = {"test": 0, "val": 0}
        for unit in units:
            side = "test" if taken["test"] < n_test else "val" if taken["val"] < n_val else "train"
            if side != "train":
                taken[side] += len(unit)
            split[side] += unit
    return {k: sorted(v) for k, v in split.items()}
