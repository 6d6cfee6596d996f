"""How a training run ends, by name: solved, stuck on a plateau, overshoot, other, diverged."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

SOLVED_BELOW = 0.05  # a net "solves" XOR when its BCE loss is below this (all four outputs on the right side, confidently)
LN2 = math.log(2)
# The stalls a stuck net sits on: k of the four points merged into one hidden point predicted at the
# mean of their targets. Two points (one 0, one 1) at p = ½ cost 2·ln 2 / 4 = ln 2 / 2.
PLATEAUS = {
    "half_ln2": LN2 / 2,  # two points merged: 0.3466
    "three": (math.log(3) + 2 * math.log(1.5)) / 4,  # three points merged (two of one class): 0.4774
    "ln2": LN2,  # all four merged, p = ½ everywhere: what a single unit does (perceptron page)
}
PLATEAU_TOL = 0.02  # a stuck net's loss is this close to its plateau
OUTCOMES = ("solved", "half_ln2", "three", "ln2", "other", "overshoot", "diverged")


def outcome(final_loss: float, diverged: bool = False) -> str:
    """Name a final state: solved, one of the plateaus (``PLATEAUS``), overshoot (worse than predicting ½
    everywhere: the learning rate is too large), other (none of these), or diverged."""
    if diverged or not math.isfinite(final_loss):
        return "diverged"
    if final_loss < SOLVED_BELOW:
        return "solved"
    name, level = min(PLATEAUS.items(), key=lambda kv: abs(kv[1] - final_loss))
    if abs(level - final_loss) <= PLATEAU_TOL:
        return name
    return "overshoot" if final_loss > LN2 else "other"


def is_stuck(name: str) -> bool:
    """Whether an outcome is one of the plateaus."""
    return name in PLATEAUS


def solved_at(losses: Sequence[float], final_loss: float, last_step: int) -> int | None:
    """The first step whose loss is below :data:`SOLVED_BELOW` (``last_step`` if only the final weights
    are), or None: what the plain loop's ``solved_at`` prints."""
    k = next((k for k, loss in enumerate(losses) if loss < SOLVED_BELOW), None)
    if k is None and final_loss < SOLVED_BELOW:
        return last_step
    return k


def reference_levels() -> pd.DataFrame:
    """The loss levels worth a rule on every loss chart: the success threshold and the plateaus."""
    return pd.DataFrame({
        "code": ["solved_below", "half_ln2", "three", "ln2"],
        "loss": [SOLVED_BELOW, PLATEAUS["half_ln2"], PLATEAUS["three"], PLATEAUS["ln2"]],
        "side": ["right", "right", "left", "right"],  # where a chart writes the label: close levels alternate
    })
