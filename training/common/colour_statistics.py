"""Colour statistics of the model's input tensor, computed inside the exported graph (Slice,
AveragePool, ReduceMax/Min/Mean/Sum), so the Worker's preprocessing stays the same.

The frozen ImageNet backbone normalises colour away in its later layers; these pixel statistics
give the head the paint's hue and saturation directly (brown and green gained most on the
selection split)."""
from __future__ import annotations

import torch
import torch.nn as nn
import torch.nn.functional as F

CENTRE = (28, 196)  # the middle 168 px of each side, where the photographed car usually is
GRID = 4  # 4 x 4 cells of 42 px
NAMES = ([f"grid_{c}_{r}_{k}" for c in "rgb" for r in range(GRID) for k in range(GRID)]
         + [f"chroma_weighted_{c}" for c in "rgb"] + [f"chroma2_weighted_{c}" for c in "rgb"]
         + ["chroma_mean", "luma_mean"] + [f"mean_{c}" for c in "rgb"])
WIDTH = len(NAMES)  # 59
ABOUT = (f"{WIDTH} colour statistics of the input tensor's centre {CENTRE[1] - CENTRE[0]} px: {GRID}x{GRID} grid channel means, "
         "channel means weighted by chroma (max - min over R, G, B) and by chroma squared, mean chroma, mean luma "
         "(channel average), channel means")


class ColourStatistics(nn.Module):
    """image [N, 3, 224, 224] (x = p / 127.5 - 1) -> [N, WIDTH] in the order of NAMES."""

    about = ABOUT

    def forward(self, image):
        a, b = CENTRE
        c = image[:, :, a:b, a:b]
        grid = F.avg_pool2d(c, (b - a) // GRID, count_include_pad=False).flatten(1)  # no padding: no Pad node
        chroma = c.amax(dim=1, keepdim=True) - c.amin(dim=1, keepdim=True)  # [N, 1, h, w]
        chroma2 = chroma * chroma
        weighted = (c * chroma).sum(dim=(2, 3)) / (chroma.sum(dim=(2, 3)) + 1e-3)
        weighted2 = (c * chroma2).sum(dim=(2, 3)) / (chroma2.sum(dim=(2, 3)) + 1e-3)
        return torch.cat([grid, weighted, weighted2, chroma.mean(dim=(1, 2, 3)).unsqueeze(1),
                          c.mean(dim=(1, 2, 3)).unsqueeze(1), c.mean(dim=(2, 3))], dim=1)
