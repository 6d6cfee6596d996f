"""Why a net sits where it does: wrong points, merged hidden points, saturated or dead units, curvature."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import torch

from nnviz.engine import ACT_CODES, forward
from nnviz.xor.model import POINT_NAMES, Run, data
from nnviz.xor.outcomes import outcome
from nnviz.xor.views import layer_outputs, point_table

SATURATED_BELOW = 0.01  # a unit's activation slope under this at the merged points: it barely moves them
FLAT_BELOW = 1e-9  # a Hessian eigenvalue this close to 0 counts as flat (no curvature)


def _act_slope(name: str, z: torch.Tensor) -> torch.Tensor:
    """The activation's derivative at z: how much a nudge of z still moves the unit's output."""
    if name == "sigmoid":
        s = torch.sigmoid(z)
        return s * (1 - s)
    if name == "tanh":
        return 1 - torch.tanh(z) ** 2
    return (z > 0).to(z.dtype)


@dataclass(frozen=True)
class Diagnosis:
    """What holds a net where it is (at one step).

    ``wrong``: points on the wrong side of p = ½ (a coin flip counts as wrong). ``merged``: pairs of
    points with different targets that the last hidden layer maps (almost) to the same vector — no
    output line can then tell them apart, and the best it can do is predict their mean. ``slopes``: each
    hidden unit's activation slope at each point (sigmoid′, tanh′ or the ReLU's 0/1): where it is ≈ 0,
    the gradient that would move that unit is ≈ 0 too. ``hessian_eigs``: the curvature of the loss in
    every direction of weight space, ascending; all > 0 means every small step goes uphill.
    """

    step: int
    loss: float
    outcome: str
    wrong: tuple[str, ...]
    merged: tuple[tuple[str, str, float], ...]
    slopes: pd.DataFrame  # layer, unit, s00, s01, s10, s11
    dead_units: tuple[tuple[int, int], ...]  # (layer, unit) of ReLU units off at all four points
    grad_norm: float
    hessian_eigs: tuple[float, ...]

    @property
    def curvature(self) -> str:
        """The smallest curvature: "flat" (≈ 0), "minimum" (> 0: every small step goes uphill) or
        "saddle" (< 0: some direction goes down)."""
        lam = self.hessian_eigs[0]
        return "flat" if abs(lam) < FLAT_BELOW else "minimum" if lam > 0 else "saddle"

    @property
    def merged_slope(self) -> float:
        """The largest activation slope of any hidden unit at the merged points (NaN if none merged)."""
        pts = sorted({p for a, b, _ in self.merged for p in (a, b)})
        return float(self.slopes[[f"s{p}" for p in pts]].to_numpy().max()) if pts else float("nan")

    @property
    def held_by(self) -> str | None:
        """What keeps the hidden layer from moving: "dead" ReLU units, "saturated" units at the merged
        points (slope < ``SATURATED_BELOW``), or None."""
        if self.dead_units:
            return "dead"
        if self.merged and self.merged_slope < SATURATED_BELOW:
            return "saturated"
        return None


def _loss_of_vector(run: Run, vec: torch.Tensor) -> torch.Tensor:
    """The BCE of the net whose parameters are the flat vector ``vec`` (differentiable, any dtype)."""
    X, y = data()
    p = forward(vec.reshape(-1, 1), list(run.layout.sizes), ACT_CODES[run.activation], X.to(vec.dtype)[:, :, None])[-1]
    return torch.nn.functional.binary_cross_entropy(p[..., 0], y.to(vec.dtype))


def merged_pairs(run: Run, step: int | None = None, tol: float = 0.05) -> tuple[tuple[str, str, float], ...]:
    """Pairs of inputs with different targets that the last hidden layer sends to (almost) the same vector.

    "Almost": closer than ``tol`` × the activation's range × √H. Each pair is (point, point, distance).
    """
    X, y = data()
    h = layer_outputs(run, X, step)[-2][1]
    scale = {"sigmoid": 1.0, "tanh": 2.0}.get(run.activation, max(float(h.abs().max()), 1e-6))
    out = []
    for i in range(4):
        for j in range(i + 1, 4):
            if y[i] != y[j]:
                d = float((h[i] - h[j]).norm())
                if d < tol * scale * math.sqrt(h.shape[1]):
                    out.append((POINT_NAMES[i], POINT_NAMES[j], d))
    return tuple(out)


def merged_groups(pairs: Sequence[tuple[str, str, float]]) -> list[tuple[list[str], float]]:
    """Merged pairs joined into groups of points that share one hidden spot: (points, largest distance)."""
    groups: list[tuple[set[str], float]] = []
    for a, b, d in pairs:
        hit = [g for g in groups if a in g[0] or b in g[0]]
        pts = {a, b}.union(*(g[0] for g in hit))
        dist = max([d, *(g[1] for g in hit)])
        groups = [g for g in groups if g not in hit] + [(pts, dist)]
    return [(sorted(p), d) for p, d in groups]


def diagnose(run: Run, step: int | None = None, merge_tol: float = 0.05) -> Diagnosis:
    """Why the net at ``step`` (default: final) sits where it does: see :class:`Diagnosis`."""
    k = run.frame(step)
    outs = layer_outputs(run, data()[0], k)
    q = point_table(outs[-1][1][:, 0])[1]
    wrong = tuple(n for n, qi in zip(POINT_NAMES, q.tolist()) if not qi > 0.5)
    merged = merged_pairs(run, k, merge_tol)
    rows, dead = [], []
    for li, (z, _) in enumerate(outs[:-1], 1):
        s = _act_slope(run.activation, z)
        for j in range(z.shape[1]):
            rows.append({"layer": li, "unit": j + 1, **{f"s{n}": float(v) for n, v in zip(POINT_NAMES, s[:, j])}})
            if run.activation == "relu" and bool((z[:, j] <= 0).all()):
                dead.append((li, j + 1))
    vec = run.vector(k).double().clone().requires_grad_(True)
    loss = _loss_of_vector(run, vec)
    (g,) = torch.autograd.grad(loss, vec)
    H = torch.func.hessian(lambda v: _loss_of_vector(run, v))(vec.detach())
    eigs = torch.linalg.eigvalsh(H)
    value = float(loss.detach())
    return Diagnosis(k, value, outcome(value), wrong, merged, pd.DataFrame(rows),
                     tuple(dead), float(g.norm()), tuple(float(e) for e in eigs))
