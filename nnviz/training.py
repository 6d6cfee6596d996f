"""What every training loop in nnviz shares: stopping on a NaN/inf loss or gradient, and saying where."""

from __future__ import annotations

import contextlib
import math
import threading
from collections.abc import Iterable
from dataclasses import dataclass

import torch


# torch's global generator is one per process, and the server runs each session in a thread: two
# sessions seeding at once would interleave their draws (and cache a wrong result). Every use of the
# global generator (torch.manual_seed, nn.Linear's init, nn.Dropout's masks) holds this lock.
RNG_LOCK = threading.RLock()


@contextlib.contextmanager
def seeded(seed: int):
    """``with seeded(s):`` torch's global generator seeded with ``s``, under :data:`RNG_LOCK`;
    the caller's random state is restored afterwards."""
    with RNG_LOCK, torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        yield


@dataclass(frozen=True)
class Divergence:
    """Training stopped at ``step`` because ``what`` ("loss" or "grad") was not finite."""

    step: int
    what: str
    value: float

    @property
    def reason_key(self) -> str:
        """i18n key of the plain explanation shown on pages."""
        return f"diverged.{self.what}"


def check_finite(step: int, loss: torch.Tensor, params: Iterable[torch.Tensor] = ()) -> Divergence | None:
    """None if the loss and every gradient are finite, else where training went wrong."""
    value = float(loss.detach().reshape(-1)[0]) if loss.numel() == 1 else float("nan")
    if not math.isfinite(value) or not torch.isfinite(loss).all():
        return Divergence(step, "loss", value)
    for p in params:
        if p.grad is not None and not torch.isfinite(p.grad).all():
            bad = p.grad[~torch.isfinite(p.grad)].reshape(-1)[0]
            return Divergence(step, "grad", float(bad))
    return None
