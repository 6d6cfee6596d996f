"""The activations page: its deep-net experiment at default and heaviest settings, and the page itself.

`python -m bench.activations` prints the figures; `run()` returns them for `python -m bench`.

- ``train_default_s``: ``nnviz.gradients.train()`` at the page's defaults (3 nets × 16 layers × 24 units
  × 200 epochs on the diabetes table);
- ``train_heaviest_s``: the heaviest allowed setting — 3 nets (GELU, SiLU, ELU: the slowest
  activations) × 20 layers × 64 units × 200 epochs with Adam at a learning rate that does not diverge;
- the same two with torch's default intra-op threads (``*_threads_default_s``): on this shared 2-core
  machine one thread is usually faster for these small matrices;
- page figures from AppTest: first render (cold cache), rerun after a new seed, rerun to a seen seed
  (median, cache hits), and the heaviest setting from a URL (cold cache).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import streamlit as st
import torch

from nnviz import gradients as G

ROOT = Path(__file__).resolve().parents[1]
HEAVIEST = dict(acts=("gelu", "silu", "elu"), depth=20, width=64, epochs=200, optimizer="adam", lr=1e-4,
                init="kaiming_normal")
HEAVIEST_QUERY = {"acts": "gelu,silu,elu", "depth": "20", "width": "64", "epochs": "200", "optimizer": "adam",
                  "lr": "0.0001", "init": "kaiming_normal"}


def _timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def library(threads: int) -> dict:
    before = torch.get_num_threads()
    torch.set_num_threads(threads)
    try:
        G.train(epochs=10)  # warm up imports and the data set
        return {"default": _timed(G.train), "heaviest": _timed(lambda: G.train(**HEAVIEST))}
    finally:
        torch.set_num_threads(before)


def page() -> dict:
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import assert_clean, open_page

    open_page(None)  # imports outside the timings
    st.cache_data.clear()
    t0 = time.perf_counter()
    at = open_page("activations", timeout=300)
    cold = time.perf_counter() - t0
    assert_clean(at)

    def seed(s: int) -> float:
        at.number_input(key="activations.seed").set_value(s)
        took = _timed(lambda: at.run(timeout=300))
        assert_clean(at)
        return took

    new = seed(1)
    warm = statistics.median(seed(s) for s in (0, 1, 0, 1, 0))
    st.cache_data.clear()
    t0 = time.perf_counter()
    heavy = open_page("activations", timeout=300, **HEAVIEST_QUERY)
    heaviest = time.perf_counter() - t0
    assert_clean(heavy)
    return {"first_render_s": cold, "rerun_new_seed_s": new, "rerun_cached_median_s": warm,
            "heaviest_s": heaviest}


def run() -> dict:
    one, default = library(1), library(torch.get_num_threads())
    return {"threads": torch.get_num_threads(), "train_default_s": one["default"],
            "train_heaviest_s": one["heaviest"], "train_default_threads_default_s": default["default"],
            "train_heaviest_threads_default_s": default["heaviest"], **page()}


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key:36s} {value:.3g}" if isinstance(value, float) else f"{key:36s} {value}")
