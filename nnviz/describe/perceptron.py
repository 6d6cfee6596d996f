"""Text alternatives of the /perceptron charts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import torch

from nnviz import perceptron as P
from nnviz.data import logic_gate
from nnviz.describe.base import count, join, number, t, unit_name

# A final loss this close to the plateau (relative) is "on" it, not below.
ON_PLATEAU = 1e-6


def boundary(gate: str, weight, bias, step: int, activation: str, lang: str, unit: str = "step") -> str:
    """The unit's line at the step shown: how many of the gate's four points it puts on their side.

    "At step 2,750 the line puts 4 of AND's 4 points on the right side."
    """
    X, _ = logic_gate(gate)
    w = torch.as_tensor(weight, dtype=X.dtype).reshape(-1)
    z = X @ w + float(bias)
    p = P.step_fn(z) if activation == "step" else z.sigmoid()
    right = int(P.points(gate, p).correct.sum())
    key = "perceptron.no_line" if float(w.abs().max()) == 0 else "perceptron.boundary"
    return t(key, lang, step=count(step), unit=unit_name(unit, lang), right=right, gate=gate.upper())


def all_gates(runs: Mapping, plateau: float, lang: str) -> str:
    """Every gate's final loss from the same start, and the plateau XOR stops on."""
    steps = max(len(r.losses) for r in runs.values())
    items = join(f"{g.upper()} {number(r.final_loss)}" for g, r in runs.items())
    return t("perceptron.all_gates", lang, steps=count(steps), items=items, plateau=number(plateau))


def floor(table: pd.DataFrame, plateau: float, lang: str) -> str:
    """The XOR floor: the lowest final loss of every seed and learning rate, against the plateau."""
    low, high = float(table["final_loss"].min()), float(table["final_loss"].max())
    key = "perceptron.floor.above" if low >= plateau * (1 - ON_PLATEAU) else "perceptron.floor.below"
    return t(key, lang, n=count(len(table)), low=number(low), high=number(high), plateau=number(plateau))


def mistakes(per_epoch: Sequence[int], lang: str) -> str:
    """Rosenblatt's rule: mistakes per epoch, and the first epoch without one."""
    m = [int(x) for x in per_epoch]
    if not m:
        raise ValueError("no epochs")
    zero = next((i for i, x in enumerate(m, 1) if x == 0), None)
    if zero is not None:
        return t("perceptron.mistakes.zero", lang, epoch=count(zero), first=m[0])
    return t("perceptron.mistakes.never", lang, n=count(len(m)), last=m[-1])
