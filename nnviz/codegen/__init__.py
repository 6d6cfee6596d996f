"""Runnable PyTorch scripts for what a page shows: ``script(topic, values, lang)``.

Each topic has ``nnviz/codegen/<topic>.py`` with ``script(values, lang) -> str``: a short, idiomatic
script (nn.Sequential, an optimizer loop) that, run with plain ``python``, prints the numbers the
page shows. Comments come in the page's language.
"""

from __future__ import annotations

import importlib
import subprocess
import sys


def script(topic: str, values: dict, lang: str = "en") -> str:
    """The script for ``topic`` at the page's current settings ``values``."""
    module = importlib.import_module(f"{__name__}.{topic}")
    return module.script(values, lang)


def run(source: str, timeout: float = 120) -> str:
    """Run a generated script in a fresh interpreter and return what it printed (for tests)."""
    done = subprocess.run(
        [sys.executable, "-c", source], capture_output=True, text=True, timeout=timeout, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"generated script failed:\n{done.stderr}")
    return done.stdout
