"""The three factors of a weight gradient, layer by layer: ∂L/∂W⁽ˡ⁾ = δ⁽ˡ⁾·h⁽ˡ⁻¹⁾ᵀ.

δ⁽ˡ⁾ = ∂L/∂z⁽ˡ⁾ is the gradient that reaches layer l going back, h⁽ˡ⁻¹⁾ the activations that enter it
going forward. When both shrink by the same factor per layer (in opposite directions) they cancel and
the weight gradients stay level (Glorot & Bengio 2010, Fig. 8); nn.Linear's default biases stop h
shrinking at a floor, and then the cancellation breaks. :func:`mechanism` measures all of it on the
/activations page's own nets, and :func:`verdict` / :func:`cause` pick the page's wording from the numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import torch
from torch import nn

from nnviz import gradients as G

FACTOR_COLUMNS = ("layer", "delta_rms", "input_rms", "weight_grad_norm")
VANISH, EXPLODE = 1e-2, 1e2  # first/last weight-gradient ratios beyond which the page says so


def factors(model: nn.Sequential, X: torch.Tensor, y: torch.Tensor, loss: str = "mse") -> pd.DataFrame:
    """One row per ``nn.Linear`` (input side first): RMS of δ = ∂L/∂z over samples and units, RMS of the
    layer's input h, and the Frobenius norm of ∂L/∂W, for one full-batch backward pass."""
    lins = [m for m in model.modules() if isinstance(m, nn.Linear)]
    if not lins:
        raise ValueError("model has no nn.Linear layer")
    ins: list[torch.Tensor] = []
    outs: list[torch.Tensor] = []

    def keep(_m, i, o) -> None:
        ins.append(i[0].detach())
        outs.append(o)

    hooks = [m.register_forward_hook(keep) for m in lins]
    try:
        with torch.enable_grad():
            value = G._loss(model(X), y, loss)
            grads = torch.autograd.grad(value, outs + [m.weight for m in lins])
    finally:
        for h in hooks:
            h.remove()
    deltas, wgrads = grads[:len(lins)], grads[len(lins):]
    rms = lambda t: float(t.double().square().mean().sqrt())  # noqa: E731
    rows = [(k + 1, rms(d), rms(h), float(g.double().norm())) for k, (d, h, g) in enumerate(zip(deltas, ins, wgrads))]
    return pd.DataFrame(rows, columns=list(FACTOR_COLUMNS))


def per_layer(values) -> float:
    """The geometric-mean factor from one layer to the next: (last / first)^(1 / (n − 1))."""
    v = np.asarray(values, dtype=float)
    if len(v) < 2 or not (v[0] > 0 and v[-1] > 0):
        return math.nan
    return float((v[-1] / v[0]) ** (1 / (len(v) - 1)))


@dataclass(frozen=True)
class Mechanism:
    """The factors of one activation's net at initialisation, with the page's biases and with zero biases.

    ``table``: :data:`FACTOR_COLUMNS` plus ``biases`` (default / zeros). ``back``: per-layer factor of δ going
    back (output → layer 1); ``forward``: per-layer factor of h going forward, with zero biases; ``floor``:
    RMS of the last hidden layer's output with the default biases over that with zero biases.
    ``ratio``: layer 1's ‖∂L/∂W‖ over the output layer's, per biases setting.
    """

    activation: str
    table: pd.DataFrame
    back: float
    forward: float
    floor: float
    ratio: dict[str, float]


def mechanism(act: str, *, data: str = "diabetes", depth: int = 16, width: int = 24, init: str = "default",
              seed: int = 0, slope: float = 0.01) -> Mechanism:
    """Build ``act``'s net as the page does (both biases settings) and measure its three factors."""
    d = G.dataset(data, seed)
    parts, ratio = [], {}
    for biases in G.BIASES:
        model = G.build(act, d.X_train.shape[1], depth, width, init, seed, slope, biases)
        t = factors(model, d.X_train, d.y_train, d.loss).assign(biases=biases)
        parts.append(t)
        ratio[biases] = G._ratio(t["weight_grad_norm"].to_numpy())
    table = pd.concat(parts, ignore_index=True)
    default, zero = (table[table["biases"] == b].reset_index(drop=True) for b in G.BIASES)
    hidden = slice(1, depth + 1)  # inputs of layers 2 … depth+1: outputs of the hidden layers
    back = per_layer(default["delta_rms"].to_numpy()[::-1][:depth])  # output layer's δ back to layer 2's
    forward = per_layer(zero["input_rms"].to_numpy()[hidden])
    floor = float(default["input_rms"].iloc[-1] / zero["input_rms"].iloc[-1])
    return Mechanism(act, table, back, forward, floor, ratio)


def verdict(ratio: float) -> str:
    """How the first layer's weight gradient compares to the output layer's: ``dead`` (exactly 0),
    ``vanish`` (< 1e-2), ``explode`` (> 1e2), ``ok`` — or ``none`` when there is no ratio."""
    if ratio is None or not math.isfinite(ratio):
        return "none"
    if ratio == 0:
        return "dead"
    return "vanish" if ratio < VANISH else "explode" if ratio > EXPLODE else "ok"


def orders(ratio: float) -> int:
    """Orders of magnitude below 1 (rounded)."""
    return round(-math.log10(ratio))


def cancels(m: Mechanism, tol: float = 0.25) -> bool:
    """δ's backward factor and h's forward factor (zero biases) agree within ``tol`` (relative)."""
    return math.isfinite(m.back) and math.isfinite(m.forward) and abs(m.back / m.forward - 1) <= tol


def cause(m: Mechanism) -> str | None:
    """Why layer 1's weight gradient vanished with the default biases, read from the numbers:
    ``bias_floor`` when zero biases alone bring the ratio back (δ and h cancel; the biases' floor breaks it),
    ``no_cancel`` when it vanishes with zero biases too (δ shrinks faster than h: the slopes), None when it
    did not vanish."""
    if verdict(m.ratio["default"]) != "vanish":
        return None
    return "bias_floor" if verdict(m.ratio["zeros"]) == "ok" and cancels(m) else "no_cancel"
