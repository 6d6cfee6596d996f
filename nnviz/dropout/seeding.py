"""Seeding for nn.Dropout, which draws its masks from torch's global generator (it takes no generator)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from nnviz.dropout.settings import SETTINGS
from nnviz.engine.threads import one_thread
from nnviz.training import seeded as global_seeded


@contextlib.contextmanager
def seeded(s: int) -> Iterator[None]:
    """``with seeded(s):`` torch's global generator seeded with ``s`` under the shared RNG lock (Streamlit
    sessions are threads of one process: one session's masks are never interleaved with another's), on one
    intra-op thread (these tensors are ≤ 200 × 512: a second thread made training 5–10× slower on a busy
    2-core machine, with the same numbers); the caller's random state is restored after."""
    with global_seeded(s), one_thread():
        yield


def mask_seed(seed: int, draw: int) -> int:
    """The seed of the ``draw``-th mask sample for page seed ``seed`` (distinct for every pair)."""
    SETTINGS.check(seed=seed, draw=draw)
    return seed * 1000 + draw
