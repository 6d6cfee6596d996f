"""What a training run shows, in words the page can say: diverged, stalled (saturated), loss went up;
and the zero_grad trap's first two gradients adding up."""

from __future__ import annotations

import math

import pandas as pd

from nnviz.backprop.sgd import Training


def saturated(training: Training, tol: float = 1e-4) -> bool:
    """True if training ended with the loss no lower than at the start and the gradient all but gone.

    With a huge learning rate a sigmoid net jumps to outputs of ~0 or ~1: σ′ ≈ 0 there, so the
    gradient (and with it learning) stops, instead of diverging to NaN.
    """
    if training.updates == 0:
        return False
    last = training.fresh[-1]
    norm = math.sqrt(sum(float((g**2).sum()) for g in last.values()))
    return norm < tol and training.losses[-1] >= 0.9 * training.losses[0] and training.losses[-1] > 0.01


def verdict(training: Training) -> str | None:
    """What went wrong, if anything: "diverged" (NaN/inf), "saturated" (frozen), "up" (loss rose), or None."""
    if training.divergence is not None:
        return "diverged"
    if saturated(training):
        return "saturated"
    if training.losses[-1] > training.losses[0]:
        return "up"
    return None


def accumulated(acc: pd.DataFrame) -> tuple[float, float, float] | None:
    """Without zero_grad: (update 1's gradient, update 2's, the ``.grad`` update 2 used — their sum),
    from an :meth:`~nnviz.backprop.sgd.Training.accumulation_frame`; None before a second update."""
    if len(acc) < 2:
        return None
    return float(acc.step_grad[0]), float(acc.step_grad[1]), float(acc.grad[1])
