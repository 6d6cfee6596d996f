"""Runnable PyTorch scripts for what a page shows: ``script(slug, values, lang)``.

Each lesson's record (:mod:`nnviz.lessons`) names its exporter, ``nnviz/codegen/<slug>.py``'s
``script(values, lang) -> str``: a short, idiomatic
script (nn.Sequential, an optimizer loop) that, run with plain ``python``, prints the numbers the
page shows. Comments come in the page's language.
"""

from __future__ import annotations

import subprocess
import sys


def script(slug: str, values: dict, lang: str = "en") -> str:
    """The script of lesson ``slug`` at the page's current settings ``values``."""
    from nnviz.lessons import BY_SLUG  # here, not above: the registry imports the exporters of this package

    export = BY_SLUG[slug].script
    if export is None:
        raise ValueError(f"lesson {slug!r} has no script export")
    return export(values, lang)


def run(source: str, timeout: float = 120) -> str:
    """Run a generated script in a fresh interpreter and return what it printed (for tests)."""
    done = subprocess.run(
        [sys.executable, "-c", source], capture_output=True, text=True, timeout=timeout, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"generated script failed:\n{done.stderr}")
    return done.stdout
