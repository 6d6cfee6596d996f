"""Runnable PyTorch scripts for what a page shows: ``script(slug, values, lang)``.

Each lesson's record (:mod:`nnviz.lessons`) names its exporter, ``nnviz/codegen/<slug>.py``'s
``script(values, lang) -> str``: a short, idiomatic
script (nn.Sequential, an optimizer loop) that, run with plain ``python``, prints the numbers the
page shows. Comments come in the page's language. Every script starts by pinning what the server
pins (:func:`pin`), so it prints the page's digits on a machine with more cores.
"""

from __future__ import annotations

import os
import subprocess
import sys

from nnviz.i18n import t

IMPORT = "import torch\n"


def pin(lang: str = "en") -> str:
    """The lines every script runs after its imports: what nnviz.ui sets for the pages."""
    return (f"# {t('codegen.pin', lang)}\n"
            "torch.set_num_threads(1)\n"
            "torch.use_deterministic_algorithms(True)\n"
            "torch.set_default_dtype(torch.float32)\n")


def script(slug: str, values: dict, lang: str = "en") -> str:
    """The script of lesson ``slug`` at the page's current settings ``values``, pinned (:func:`pin`)."""
    from nnviz.lessons import BY_SLUG  # here, not above: the registry imports the exporters of this package

    export = BY_SLUG[slug].script
    if export is None:
        raise ValueError(f"lesson {slug!r} has no script export")
    source = export(values, lang)
    at = source.find(IMPORT)
    end = source.find("\n\n", at)  # the end of the import block that holds ``import torch``
    if at < 0 or end < 0:
        raise AssertionError(f"codegen.{slug} wrote no {IMPORT.strip()!r} import block")
    return source[:end + 1] + "\n" + pin(lang) + source[end + 1:]


def run(source: str, timeout: float = 120, threads: int | None = None) -> str:
    """Run a generated script in a fresh interpreter and return what it printed (for tests).

    ``threads``: run it on a machine with that many threads — OMP_NUM_THREADS and torch's own count are
    set to it before the script starts (the script's pin then decides)."""
    env = None
    if threads is not None:
        env = {**os.environ, "OMP_NUM_THREADS": str(threads), "MKL_NUM_THREADS": str(threads)}
        source = f"import torch\ntorch.set_num_threads({threads})\n" + source
    done = subprocess.run(
        [sys.executable, "-c", source], capture_output=True, text=True, timeout=timeout, check=False, env=env
    )
    if done.returncode != 0:
        raise RuntimeError(f"generated script failed:\n{done.stderr}")
    return done.stdout
