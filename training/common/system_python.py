"""Run the training scripts on the interpreter that has Debian's python3-torch."""
from __future__ import annotations

import os
import sys


def reexec_with_system_python() -> None:
    """A pyenv/venv python3 on PATH may not see /usr/bin/python3's site-packages: re-run there."""
    try:
        import torch  # noqa: F401  (only whether it imports)
    except ImportError:  # pragma: no cover
        system = "/usr/bin/python3"
        if os.path.exists(system) and os.path.realpath(sys.executable) != os.path.realpath(system):
            os.execv(system, [system, *sys.argv])
        raise
