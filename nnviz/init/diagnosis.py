"""What a probe's numbers say, in plain words: vanish, explode, saturate or steady through depth."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd


def short_number(x: float) -> str:
    """3 significant digits, exponent without padding: 0.0455, 1.23e4, 8.56e-7, nan."""
    if not math.isfinite(x):
        return str(x)
    if x == 0 or 1e-3 <= abs(x) < 1e4:
        return f"{x:.3g}"
    mant, exp = f"{x:.2e}".split("e")
    return f"{mant}e{int(exp)}"


# --- what the numbers say -------------------------------------------------------------------------
@dataclass(frozen=True)
class Finding:
    """One plain-words observation about a probe: ``kind`` names it, ``values`` fill its sentence."""

    kind: str  # constant | vanish | explode | saturate | grad_vanish | grad_explode | steady
    values: dict


def diagnose(stats: pd.DataFrame, activation: str, factor: float = 5.0) -> list[Finding]:
    """Read a :func:`layer_stats` table: does the signal vanish, explode or saturate through depth?

    Activations vanish/explode when layer L's std is below 1/factor or above factor × layer 1's;
    gradients likewise for ∂L/∂h from the last hidden layer back to layer 1. tanh/sigmoid saturate
    when more than half the units of the last hidden layer are flat (φ′ < 0.01).
    """
    hid = stats[stats.kind == "hidden"]
    n = int(hid.layer.iloc[-1])
    if (stats.weight_std == 0).all():
        return [Finding("constant", {})]
    found = []
    a1, an = float(hid.activation_std.iloc[0]), float(hid.activation_std.iloc[-1])
    g1, gn = float(hid.act_grad_std.iloc[0]), float(hid.act_grad_std.iloc[-1])
    ratio = an / a1 if a1 > 0 else float("nan")
    gratio = g1 / gn if gn > 0 else float("nan")
    flat = float(hid.flat_fraction.iloc[-1])
    if activation in ("tanh", "sigmoid") and flat > 0.5:
        found.append(Finding("saturate", dict(flat=flat, n=n)))
    elif ratio < 1 / factor:
        found.append(Finding("vanish", dict(ratio=ratio, n=n)))
    elif ratio > factor:
        found.append(Finding("explode", dict(ratio=ratio, n=n)))
    if gratio < 1 / factor:
        found.append(Finding("grad_vanish", dict(ratio=gratio, n=n)))
    elif gratio > factor:
        found.append(Finding("grad_explode", dict(ratio=gratio, n=n)))
    if not found:
        found.append(Finding("steady", dict(ratio=max(ratio, 1 / ratio) if ratio > 0 else float("nan"),
                                            gratio=max(gratio, 1 / gratio) if gratio > 0 else float("nan"), n=n)))
    return found
