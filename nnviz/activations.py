"""Activation functions and their derivatives: f and f′ on a grid, and how a product of f′ shrinks with depth.

f′ is computed by autograd through the real ``torch.nn`` modules; the closed forms below are kept
beside them so tests can check one against the other.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd
import torch

from nnviz.models import ACTIVATIONS, activation
from nnviz.params import Choice, Float, Int, Spec

# Every activation the pages offer, except "linear" (f′ = 1: nothing to see).
NAMES: tuple[str, ...] = tuple(n for n in ACTIVATIONS if n != "linear")

# A unit passes on less than this fraction of the gradient: |f′(z)| < 0.05. Used for the shaded
# "saturated" regions here and for the saturated-unit share in nnviz.gradients.
SATURATION_THRESHOLD = 0.05

# Checked arguments of the public functions below (ValueError naming the argument and its range).
ARGS = Spec(
    Float("negative_slope", 0.01, lo=0.0, hi=0.5, widget="select_slider",
          options=(0.0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5)),
    Float("x_range", 6.0, lo=2.0, hi=12.0, widget="select_slider", options=(2.0, 3.0, 4.0, 6.0, 8.0, 10.0, 12.0)),
    Int("points", 161, lo=11, hi=2001),
    Int("max_layers", 20, lo=1, hi=100),
    Float("threshold", SATURATION_THRESHOLD, lo=0.0, hi=1.0),
    Choice("name", "relu", options=NAMES),
)


def _check_names(names: Sequence[str]) -> tuple[str, ...]:
    names = (names,) if isinstance(names, str) else tuple(names)
    if not names:
        raise ValueError(f"names must list at least one of {list(NAMES)}")
    for n in names:
        ARGS.check(name=n)
    return names


def derivative(name: str, x: torch.Tensor, negative_slope: float = 0.01) -> tuple[torch.Tensor, torch.Tensor]:
    """(f(x), f′(x)) through the torch module, f′ by autograd (elementwise)."""
    ARGS.check(name=name, negative_slope=negative_slope)
    x = x.detach().clone().requires_grad_(True)
    with torch.enable_grad():
        y = activation(name, negative_slope)(x)
        (grad,) = torch.autograd.grad(y.sum(), x)
    return y.detach(), grad


def closed_form(name: str, x: torch.Tensor, negative_slope: float = 0.01) -> tuple[torch.Tensor, torch.Tensor]:
    """(f(x), f′(x)) written out by hand, for checking autograd and the torch modules.

    At x = 0 the kinked functions follow PyTorch's convention: ReLU′(0) = 0, LeakyReLU′(0) = slope,
    ELU′(0) = 1; softplus is linear above x = 20 (nn.Softplus's threshold).
    """
    ARGS.check(name=name, negative_slope=negative_slope)
    x = x.detach()
    pos = x > 0
    one = torch.ones_like(x)
    if name == "sigmoid":
        s = 1 / (1 + torch.exp(-x))
        return s, s * (1 - s)
    if name == "tanh":
        t = torch.tanh(x)
        return t, 1 - t * t
    if name == "relu":
        return torch.where(pos, x, 0 * x), torch.where(pos, one, 0 * one)
    if name == "leaky_relu":
        return torch.where(pos, x, negative_slope * x), torch.where(pos, one, negative_slope * one)
    if name == "elu":  # alpha = 1
        return torch.where(pos, x, torch.expm1(x)), torch.where(pos, one, torch.exp(x))
    if name == "gelu":  # exact form x·Φ(x), as nn.GELU() (approximate="none")
        cdf = 0.5 * (1 + torch.erf(x / math.sqrt(2)))
        pdf = torch.exp(-0.5 * x * x) / math.sqrt(2 * math.pi)
        return x * cdf, cdf + x * pdf
    if name == "silu":  # x·σ(x)
        s = torch.sigmoid(x)
        return x * s, s * (1 + x * (1 - s))
    if name == "softplus":  # log(1 + eˣ), derivative σ(x); nn.Softplus returns x itself above x = 20
        big = x > 20
        f = torch.where(big, x, torch.log1p(torch.exp(-x.abs())) + x.clamp_min(0))
        return f, torch.where(big, one, torch.sigmoid(x))
    raise AssertionError(name)  # unreachable: ARGS.check rejected it


def curves(
    names: Sequence[str] = NAMES,
    x_range: float = 6.0,
    points: int = 161,
    negative_slope: float = 0.01,
    threshold: float = SATURATION_THRESHOLD,
) -> pd.DataFrame:
    """f and f′ (autograd) on ``points`` evenly spaced x in [−x_range, x_range], one block per activation.

    Columns: ``activation, x, f, df, saturated`` (saturated: |f′| < threshold).
    """
    names = _check_names(names)
    ARGS.check(x_range=x_range, points=points, negative_slope=negative_slope, threshold=threshold)
    x = torch.linspace(-x_range, x_range, points, dtype=torch.float64)
    frames = []
    for name in names:
        f, df = derivative(name, x, negative_slope)
        frames.append(pd.DataFrame({
            "activation": name, "x": x.numpy(), "f": f.numpy(), "df": df.numpy(),
            "saturated": (df.abs() < threshold).numpy(),
        }))
    return pd.concat(frames, ignore_index=True)


def saturated_regions(curves_df: pd.DataFrame) -> pd.DataFrame:
    """The x-intervals where each activation is saturated, from a :func:`curves` frame.

    Columns: ``activation, x_start, x_end`` (interval ends halfway between grid points).
    """
    rows = []
    for name, block in curves_df.groupby("activation", sort=False):
        x = block["x"].to_numpy()
        sat = block["saturated"].to_numpy()
        i = 0
        while i < len(x):
            if not sat[i]:
                i += 1
                continue
            j = i
            while j + 1 < len(x) and sat[j + 1]:
                j += 1
            lo = x[i] if i == 0 else (x[i - 1] + x[i]) / 2
            hi = x[j] if j == len(x) - 1 else (x[j] + x[j + 1]) / 2
            rows.append({"activation": name, "x_start": float(lo), "x_end": float(hi)})
            i = j + 1
    return pd.DataFrame(rows, columns=["activation", "x_start", "x_end"])


def derivative_stats(names: Sequence[str] = NAMES, negative_slope: float = 0.01) -> pd.DataFrame:
    """How much of the gradient one activation lets through, per activation.

    Columns: ``activation``; ``max_df`` and ``argmax`` — the largest |f′| and where (searched on
    [−20, 20]; softplus only approaches its supremum 1); ``rms_df`` — √E[f′(z)²] for z ~ N(0, 1), the
    typical factor by which a layer's f′ scales the size of the gradient.
    """
    names = _check_names(names)
    ARGS.check(negative_slope=negative_slope)
    x = torch.linspace(-20, 20, 40_001, dtype=torch.float64)
    # The mean uses the midpoint rule: the kinks at 0 fall on cell edges, so ReLU's step integrates exactly.
    dx = float(x[1] - x[0])
    mid = x[:-1] + dx / 2
    pdf = torch.exp(-0.5 * mid * mid) / math.sqrt(2 * math.pi)
    rows = []
    for name in names:
        _, df = derivative(name, x, negative_slope)
        _, df_mid = derivative(name, mid, negative_slope)
        k = int(df.abs().argmax())
        mean_sq = float((df_mid * df_mid * pdf).sum() * dx)
        rows.append({"activation": name, "max_df": float(df[k].abs()), "argmax": float(x[k]),
                     "rms_df": math.sqrt(mean_sq)})
    return pd.DataFrame(rows)


def shrink_table(names: Sequence[str] = NAMES, max_layers: int = 20, negative_slope: float = 0.01) -> pd.DataFrame:
    """The product of L derivatives, L = 1 … max_layers: at best (max|f′|ᴸ) and typically (rms f′ᴸ).

    Columns: ``activation, layers, best, typical``. Sigmoid's best is 0.25ᴸ; ReLU's is 1.
    """
    ARGS.check(max_layers=max_layers)
    stats = derivative_stats(names, negative_slope)
    rows = []
    for s in stats.itertuples():
        for n in range(1, max_layers + 1):
            rows.append({"activation": s.activation, "layers": n, "best": s.max_df**n, "typical": s.rms_df**n})
    return pd.DataFrame(rows)


def shrink_at(table: pd.DataFrame, activation: str, layers: int, which: str = "best") -> float:
    """One number of a :func:`shrink_table`: the product of ``layers`` slopes of ``activation``,
    ``which`` = "best" or "typical"."""
    row = table[(table["activation"] == activation) & (table["layers"] == layers)]
    if row.empty or which not in ("best", "typical"):
        raise ValueError(f"no {which!r} product for {activation!r} over {layers} layers in this table")
    return float(row[which].iloc[0])
