"""Runs training/common/evaluate-onnx.ts (onnxruntime-node, the Worker's decoders and preprocessing)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .feature_cache import log

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent


def run_evaluator(node: str, args: list[str]) -> dict:
    """`node` is the project's Node 22 (node_modules/.bin/node); tsx is resolved from node_modules."""
    cmd = [node, "--import", "tsx", str(HERE / "evaluate-onnx.ts"), *args]
    log("running", " ".join(a if len(a) < 200 else a[:60] + "..." for a in cmd))
    r = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
    sys.stderr.write(r.stderr)
    if r.returncode != 0:
        raise RuntimeError(f"evaluate-onnx.ts failed: {r.returncode}\n{r.stdout}")
    return json.loads(r.stdout.strip().splitlines()[-1])
