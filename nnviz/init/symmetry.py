"""Symmetry: a constant init keeps every hidden unit identical, in value and gradient, through training."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import torch
import torch.nn.functional as F
from torch import nn

from nnviz.init.net import _check, _digits, _flush_denormals, _scale, build, sizes
from nnviz.init.probe import _walk
from nnviz.init.training import _train_loop, train_width
from nnviz.training import Divergence


@dataclass(frozen=True)
class SymmetryRun:
    """Hidden units under training: are they still copies of each other?

    ``trace``: step, unit, weight — the weight from the first input of the last hidden layer into its
    first ``units`` units, at every step. ``layers``: per hidden layer at the end, the number of
    distinct units (rows of W equal up to 1e-6 relative), the rank of its activations on a batch,
    the largest difference between two units' activations and weight gradients (relative to their
    mean size), and how far its weights moved. ``history``: the loss as in :func:`train`.
    """

    scheme: str
    trace: pd.DataFrame
    layers: pd.DataFrame
    history: pd.DataFrame
    diverged: Divergence | None


def _distinct_rows(m: torch.Tensor, rtol: float = 1e-6) -> int:
    """How many different rows ``m`` has, rows within ``rtol`` (relative to m's scale) counted as one."""
    m = m.double()
    tol = rtol * max(float(m.abs().max()), 1e-30)
    reps: list[torch.Tensor] = []
    for row in m:
        if not any(float((row - r).abs().max()) <= tol for r in reps):
            reps.append(row)
            if len(reps) > 64:
                break
    return len(reps)


def _spread(m: torch.Tensor) -> float:
    """Largest difference between two units (columns of a batch × units matrix), relative to the mean |m|."""
    m = m.double()
    scale = float(m.abs().mean())
    return float((m.max(1).values - m.min(1).values).max()) / scale if scale > 0 else 0.0


def symmetry(
    scheme: str = "constant",
    activation: str = "tanh",
    depth: int = 10,
    width: int = 256,
    steps: int = 200,
    lr: float = 0.1,
    seed: int = 0,
    *,
    value: float = 0.1,
    std: float = 0.01,
    bound: float = 0.05,
    mode: str = "fan_in",
    gain: str = "torch_default",
    units: int = 6,
) -> SymmetryRun:
    """Train like :func:`train` and watch the hidden units: with a constant init they stay identical."""
    _check(scheme=scheme, activation=activation, depth=depth, width=width, steps=steps, lr=lr, seed=seed,
           value=value, std=std, bound=bound, mode=mode, gain=gain)
    scale = _scale(scheme, activation, std, bound, value, mode, gain)
    tw = train_width(width)
    units = min(units, tw)
    model = build(scale, sizes(tw, depth), torch.Generator().manual_seed(seed))
    linears = [m for m in model if isinstance(m, nn.Linear)]
    # The last hidden layer: nearest the loss, its weights move the most (deep layers below a
    # saturated one barely move at all).
    watched = linears[depth - 1]
    start = [lin.weight.detach().clone() for lin in linears[:depth]]
    trace = [watched.weight.detach()[:units, 0].clone()]

    def record(step, m):
        trace.append(watched.weight.detach()[:units, 0].clone())

    with _flush_denormals():
        history, div = _train_loop(model, steps, lr, seed, record=record)
    tr = torch.stack(trace)
    trace_df = pd.DataFrame(dict(
        step=np.repeat(np.arange(len(tr)), units),
        unit=np.tile(np.arange(1, units + 1), len(tr)),
        weight=tr.reshape(-1).double().numpy(),
    ))

    # One more forward/backward on a training batch to compare units layer by layer.
    X, y, _, _ = _digits(seed)
    xb, yb = X[:256], y[:256]
    _, post = _walk(model, xb)
    model.zero_grad()
    F.cross_entropy(post[-1], yb).backward()
    rows = []
    for i in range(depth):
        lin, out = linears[i], post[i]
        finite = bool(torch.isfinite(out).all() and torch.isfinite(lin.weight).all())
        rows.append(dict(
            layer=i + 1,
            units=lin.out_features,
            distinct_units=_distinct_rows(lin.weight.detach()) if finite else -1,
            rank=int(torch.linalg.matrix_rank(out.detach().double())) if finite else -1,
            act_spread=_spread(out.detach()) if finite else float("nan"),
            grad_spread=_spread(lin.weight.grad.T) if finite and lin.weight.grad is not None else float("nan"),
            weight_change=float((lin.weight.detach() - start[i]).abs().max()),
        ))
    return SymmetryRun(scheme, trace_df, pd.DataFrame(rows), history, div)
