"""Page timings with Streamlit's AppTest: first render (cold cache), rerun after a change, heaviest setting."""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import local_script_runner

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from conftest import assert_clean, open_page  # noqa: E402
from test_robustness import _extreme  # noqa: E402

from nnviz.lessons import LESSONS as TOPICS  # noqa: E402

from bench.activations import HEAVIEST_QUERY as ACTIVATIONS_HEAVIEST  # noqa: E402

# AppTest compiles app.py and the page again on every run (a new ScriptCache each time); the server
# compiles a script once. Sharing one cache makes a rerun here cost what it costs on the server.
_SCRIPTS = ScriptCache()
local_script_runner.ScriptCache = lambda: _SCRIPTS

# Where a page's heaviest case is more than "every number at its maximum" (its slowest activations).
# The playground's: one point a batch (the most updates), every feature, dropout, three classes of spirals.
PLAYGROUND_HEAVIEST = {"batch": "1", "test": "10", "dropout": "0.5", "classes": "3", "data": "spirals",
                       **dict.fromkeys(("x1sq", "x2sq", "x1x2", "sin1", "sin2"), "true")}
HEAVIEST = {"activations": ACTIVATIONS_HEAVIEST, "playground": PLAYGROUND_HEAVIEST}


def _timed(fn):
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def _seed_rerun(at, seed: int) -> float:
    box = at.number_input(key=f"{at._slug}.seed")
    box.set_value(seed)
    _, took = _timed(lambda: at.run(timeout=300))
    assert_clean(at)
    return took


def page_figures(slug: str) -> dict:
    """Cold first render, rerun after a new seed (recompute) and after returning to a seen one (cached)."""
    st.cache_data.clear()
    at, cold = _timed(lambda: open_page(slug, timeout=300))
    assert_clean(at)
    at._slug = slug
    new = _seed_rerun(at, 1)  # a value never computed: the page recomputes
    warm = [_seed_rerun(at, s) for s in (0, 1, 0, 1, 0)]  # both computed before: cache hits
    st.cache_data.clear()
    heavy_at, heavy = _timed(lambda: open_page(slug, timeout=300, **{**_extreme(slug, "hi"), **HEAVIEST.get(slug, {})}))
    assert_clean(heavy_at)
    return {"page": f"/{slug}", "first_render_s": cold, "rerun_new_seed_s": new,
            "rerun_cached_median_s": statistics.median(warm), "heaviest_s": heavy}


def run() -> list[dict]:
    open_page(None)  # import torch, streamlit and nnviz once, outside the timings
    return [page_figures(t.slug) for t in TOPICS]
