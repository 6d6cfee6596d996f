"""Results cached by their arguments, and progress bars that replay with the cache."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import streamlit as st

# Cache sizes: bounded so a public demo's memory stays flat however many settings are tried.
CACHE_MAX_ENTRIES = 64
CACHE_TTL_S = 3600


def cached(fn: Callable) -> Callable:
    """``fn`` cached by its arguments, per server (``st.cache_data``: each caller gets a copy)."""
    return st.cache_data(max_entries=CACHE_MAX_ENTRIES, ttl=CACHE_TTL_S, show_spinner=False)(fn)


@contextlib.contextmanager
def progress(label: str, every: float = 0.05):
    """``with ui.progress(label) as report: f(..., progress=report)``: a progress bar for a long call.

    Use it inside the ``@ui.cached`` function that makes the call: st.cache_data then replays the bar
    (ending empty) on a hit, whereas updating a bar made outside the cached call breaks the replay. The
    bar moves in steps of ``every`` (≤ 21 updates: a short replay) and is removed when the call ends.
    """
    bar, shown = st.progress(0.0, text=label), [0.0]

    def report(fraction: float) -> None:
        fraction = min(1.0, float(fraction))
        if fraction - shown[0] >= every or fraction >= 1:
            shown[0] = fraction
            bar.progress(fraction, text=label)

    try:
        yield report
    finally:
        bar.empty()
