"""Training a :class:`~nnviz.engine.batched.Batch` and keeping what the views need.

:func:`trace`: many nets, each one's first step below a loss threshold, first diverging step and sampled
loss curve. :func:`history`: one net, its loss at every step and its weights at (almost) every step.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import torch

from nnviz.engine.batched import Batch
from nnviz.engine.loss import bce
from nnviz.engine.threads import one_thread
from nnviz.training import Divergence

CHUNK = 250  # steps between bookkeeping passes (and progress reports)


@dataclass(frozen=True)
class Trace:
    """What a batched run records per net: first step below the threshold, first diverging step, losses."""

    solved_at: torch.Tensor  # (S,) long, -1 = never
    diverged_at: torch.Tensor  # (S,) long, -1 = never
    diverged_what: tuple[str, ...]  # "loss" | "grad" | ""
    curve_steps: tuple[int, ...]
    curves: torch.Tensor  # (len(curve_steps), S), NaN from the divergence on
    final_loss: torch.Tensor  # (S,) loss of the final weights
    final_p: torch.Tensor  # (N, S) predictions of the final weights


def trace(batch: Batch, steps: int, curve_steps: Sequence[int] = (), solved_below: float = 0.05,
          progress: Callable[[float], None] | None = None) -> Trace:
    """Train all nets of ``batch`` for ``steps`` steps; keep each net's losses at ``curve_steps``.

    The loss of step t is the one computed in step t's forward pass (before its update), as the plain
    loop prints it; step ``steps`` means the final weights. A net is solved at the first step whose loss
    is below ``solved_below``. A net whose loss or gradient stops being finite is marked diverged at
    that step (its later numbers are NaN); the others are unaffected.
    """
    S, N = batch.S, batch.n_points
    want = sorted({int(k) for k in curve_steps if 0 <= k <= steps})
    row_of = {k: i for i, k in enumerate(want)}
    curves = torch.full((len(want), S), float("nan"))
    solved_at = torch.full((S,), -1, dtype=torch.long)
    div_at = torch.full((S,), -1, dtype=torch.long)
    div_what = [""] * S
    qbuf = torch.empty(min(CHUNK, steps + 1), N, 1, S)
    gbuf = torch.empty(min(CHUNK, steps + 1), S)
    with one_thread(), torch.no_grad():
        start = 0
        while start <= steps:
            n = min(CHUNK, steps + 1 - start)
            n_train = min(n, steps - start)
            batch.steps(n_train, qbuf, gbuf)
            if n_train < n:  # the last row: the final weights' loss, no update
                batch.q(batch.forward()[-1], out=qbuf[n_train])
                gbuf[n_train] = 0.0
            loss, gsum = bce(qbuf[:n]), gbuf[:n]
            bad = ~torch.isfinite(loss) | ~torch.isfinite(gsum)
            first_bad = torch.where(bad.any(0), bad.int().argmax(0), -1)
            for s in ((first_bad >= 0) & (div_at < 0)).nonzero().flatten().tolist():
                j = int(first_bad[s])
                div_at[s] = start + j
                div_what[s] = "loss" if not math.isfinite(float(loss[j, s])) else "grad"
            ok = loss < solved_below
            first_ok = torch.where(ok.any(0), ok.int().argmax(0), -1)
            hit = (first_ok >= 0) & (solved_at < 0) & ((div_at < 0) | (div_at > start + first_ok))
            solved_at = torch.where(hit, start + first_ok, solved_at)
            rows = [(row_of[k], k - start) for k in range(start, start + n) if k in row_of]
            if rows:
                curves[[r for r, _ in rows]] = loss[[j for _, j in rows]]
            start += n
            if progress is not None:
                progress(min(1.0, start / (steps + 1)))
        final_loss, final_p = batch.final()
    if want:
        after_div = (torch.tensor(want)[:, None] >= div_at[None, :]) & (div_at[None, :] >= 0)
        curves[after_div] = float("nan")
    return Trace(solved_at, div_at, tuple(div_what), tuple(want), curves, final_loss, final_p)


@dataclass(frozen=True)
class History:
    """One net's training: ``losses[k]`` is the loss of step k (before update k); weights at ``snap_steps``,
    the last entry being the final weights."""

    losses: torch.Tensor  # (n,) n = steps, or the divergence step
    snap_steps: tuple[int, ...]
    snaps: torch.Tensor  # (len(snap_steps), P)
    final_loss: float
    diverged: Divergence | None


def snap_every(n_params: int, steps: int, budget: int = 200_000) -> int:
    """Keep every step's weights when that is under ``budget`` numbers, else every 2nd, 5th, 10th …"""
    for every in (1, 2, 5, 10, 20, 25, 50, 100):
        if n_params * (steps // every + 2) <= budget:
            return every
    return 100


def history(batch: Batch, steps: int, progress: Callable[[float], None] | None = None) -> History:
    """Train the one net of ``batch`` for ``steps`` steps and keep its whole history.

    Stops at the first step whose loss or gradient is not finite (``History.diverged``), keeping the
    weights before it.
    """
    assert batch.S == 1, "history() follows one net"
    every = snap_every(batch.layout.n_params, steps)
    qbuf = torch.empty(steps, batch.n_points, 1, 1)
    gbuf = torch.empty(steps, 1)
    snaps = torch.empty(steps // every + 1, batch.layout.n_params)
    diverged, end = None, 0
    with one_thread(), torch.no_grad():
        while end < steps:
            n = min(4 * CHUNK, steps - end)
            done = batch.steps(n, qbuf[end:], gbuf[end:], snaps, every, stop_if_bad=True)
            end += done
            if done < n:  # step `end` produced a non-finite loss or gradient: stop before its update
                loss_k = float(bce(qbuf[end])[0])
                if not math.isfinite(loss_k):
                    diverged = Divergence(end, "loss", loss_k)
                else:
                    g = batch.grad[:, 0]
                    diverged = Divergence(end, "grad", float(g[~torch.isfinite(g)][0]))
                break
            if progress is not None:
                progress(end / steps)
        final_loss, _ = batch.final()
        snap_steps = list(range(0, end + 1, every))
        snap_list = list(snaps[: len(snap_steps)])
        if snap_steps[-1] != end:
            snap_steps.append(end)
            snap_list.append(batch.flat[:, 0].clone())
        else:
            snap_list[-1] = batch.flat[:, 0].clone()
    losses = bce(qbuf[:end])[:, 0] if end else torch.empty(0)
    return History(losses, tuple(snap_steps), torch.stack(snap_list), float(final_loss[0]), diverged)
