"""Image preprocessing shared by the photo classifiers (damage, car colour, damage severity).

One tensor serves all three models, so the Worker resizes a photo once. This is the exact
contract the TypeScript Worker reproduces (src/domain/photo/preprocess.ts; the
"preprocessing" block of each model's JSON in models/):

1. decode (JPEG/PNG), turn upright by the EXIF orientation, convert to RGB (alpha is dropped);
2. squash the whole image to 224x224 with an integer-bounds box filter:
   for output column ox the source columns are
   [floor(ox*W/224), max(floor((ox+1)*W/224), floor(ox*W/224)+1)) clipped to W,
   the same for rows; the output value is the arithmetic mean of that block
   (integer sum / pixel count, in float64; no rounding);
3. x = mean / 127.5 - 1 (float64), stored as float32, layout NCHW (R, G, B planes).

Everything here is numpy only (no PIL resampling) so the rule is explicit.
"""
from __future__ import annotations

import io

import numpy as np
from PIL import Image, ImageOps

SIZE = 224


# The contract as written into each model's JSON (models/*/…-classifier.json).
PREPROCESSING_CONTRACT = {
    "decode": "JPEG or PNG; turned upright as the EXIF orientation says (1-8; no training image carries one that turns); convert to RGB (grayscale -> R=G=B; alpha dropped, no compositing)",
    "resize": {
        "method": "integer-bounds box filter, squash the whole image (no crop, no aspect preservation)",
        "output": [SIZE, SIZE],
        "rule": "for output column ox in 0..223: source columns [floor(ox*W/224), max(floor((ox+1)*W/224), floor(ox*W/224)+1)) clipped to W; same for rows with H; value = (integer sum of the source block's 8-bit values) / (number of pixels in block), computed in float64, no rounding",
    },
    "normalization": "x = value / 127.5 - 1 (computed in float64, then stored as float32)",
    "layout": "NCHW float32, channel order R, G, B; index = c*224*224 + y*224 + x",
}


def decode_rgb(data: bytes) -> np.ndarray:
    """Decode image bytes to an HxWx3 uint8 array (RGB, upright, alpha dropped)."""
    with Image.open(io.BytesIO(data)) as im:
        return np.asarray(ImageOps.exif_transpose(im).convert("RGB"), dtype=np.uint8)


def box_bounds(src: int, dst: int) -> tuple[np.ndarray, np.ndarray]:
    """Start (inclusive) and end (exclusive) source index for each output index."""
    o = np.arange(dst, dtype=np.int64)
    start = (o * src) // dst
    end = np.maximum(((o + 1) * src) // dst, start + 1)
    end = np.minimum(end, src)
    return start, end


def box_resize(img: np.ndarray, out_w: int, out_h: int) -> np.ndarray:
    """Box-filter resize of HxWxC to out_h x out_w x C, float64 means (exact)."""
    h, w = img.shape[:2]
    a = img.astype(np.float64)
    # columns: exact integer sums via prefix sums (integers < 2^53, so exact)
    c0, c1 = box_bounds(w, out_w)
    cs = np.concatenate([np.zeros((h, 1, a.shape[2])), np.cumsum(a, axis=1)], axis=1)
    cols = cs[:, c1] - cs[:, c0]  # h x out_w x C
    r0, r1 = box_bounds(h, out_h)
    rs = np.concatenate([np.zeros((1, out_w, a.shape[2])), np.cumsum(cols, axis=0)], axis=0)
    sums = rs[r1] - rs[r0]  # out_h x out_w x C
    count = (r1 - r0)[:, None, None] * (c1 - c0)[None, :, None]
    return sums / count


def to_tensor(img: np.ndarray) -> np.ndarray:
    """HxWx3 uint8 RGB -> 3x224x224 float32 model input."""
    m = box_resize(img, SIZE, SIZE)
    x = m / 127.5 - 1.0
    return np.ascontiguousarray(x.transpose(2, 0, 1)).astype(np.float32)


def preprocess_bytes(data: bytes) -> np.ndarray:
    return to_tensor(decode_rgb(data))


# ---------------------------------------------------------------- training-only helpers

def downscale_longest(img: np.ndarray, longest: int) -> np.ndarray:
    """Box-downscale so the longest side is `longest` px (never upscales); uint8 out."""
    h, w = img.shape[:2]
    s = longest / max(h, w)
    if s >= 1.0:
        return img
    nw, nh = max(1, round(w * s)), max(1, round(h * s))
    return np.clip(np.rint(box_resize(img, nw, nh)), 0, 255).astype(np.uint8)


def centre_crop(img: np.ndarray, fraction: float) -> np.ndarray:
    """The central `fraction` of each side (a closer framing of the same photo)."""
    h, w = img.shape[:2]
    ch, cw = max(1, int(round(h * fraction))), max(1, int(round(w * fraction)))
    y0, x0 = (h - ch) // 2, (w - cw) // 2
    return np.ascontiguousarray(img[y0:y0 + ch, x0:x0 + cw])


def jpeg_roundtrip(img: np.ndarray, quality: int) -> np.ndarray:
    buf = io.BytesIO()
    Image.fromarray(img).save(buf, format="JPEG", quality=quality)
    return decode_rgb(buf.getvalue())


def degrade(img: np.ndarray, longest: int, quality: int | None) -> np.ndarray:
    """Resolution-cue removal: shrink to `longest` px, optionally re-encode as JPEG."""
    out = downscale_longest(img, longest)
    if quality is not None:
        out = jpeg_roundtrip(out, quality)
    return out


# ---------------------------------------------------------------- synthetic parity images

SYNTHETIC = [
    {
        "name": "gradient_640x480",
        "width": 640,
        "height": 480,
        "formula": {"r": "(7*x + 3*y) % 256", "g": "(x*y) % 256", "b": "(x + 2*y + 128) % 256"},
    },
    {
        "name": "small_200x150",
        "width": 200,
        "height": 150,
        "formula": {"r": "(5*x) % 256", "g": "(9*y) % 256", "b": "(x + y) % 256"},
    },
    {
        "name": "large_1280x960",
        "width": 1280,
        "height": 960,
        "formula": {"r": "(x + y) % 256", "g": "(x*x + y) % 256", "b": "(11*y) % 256"},
    },
]


def synthetic_image(spec: dict) -> np.ndarray:
    w, h = spec["width"], spec["height"]
    y, x = np.mgrid[0:h, 0:w].astype(np.int64)
    chans = []
    for c in ("r", "g", "b"):
        chans.append(eval(spec["formula"][c], {}, {"x": x, "y": y}))  # noqa: S307 (fixed strings above)
    return np.stack(chans, axis=-1).astype(np.uint8)
