"""Does the init matter for training? The net on digits with SGD, one run per scheme."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import cast

import pandas as pd
import torch
import torch.nn.functional as F
from torch import nn

from nnviz.init.net import _check, _digits, _flush_denormals, _scale, build, sizes
from nnviz.init.settings import BATCH_SEED_OFFSET, EVAL_EVERY, EVAL_TRAIN, TRAIN_BATCH, TRAIN_WIDTH
from nnviz.training import Divergence, check_finite

CHANCE_LOSS = math.log(10)  # cross-entropy of a uniform guess over the ten digits: where a stalled net sits
STUCK_TOL = 0.02  # a final loss this close to chance: the net has not learned
OVERSHOOT_FACTOR = 1.5  # a final loss 1.5× the first: the step size threw training off


@dataclass(frozen=True)
class TrainRun:
    """One scheme's training on digits: loss and accuracy every ``EVAL_EVERY`` steps."""

    scheme: str
    history: pd.DataFrame  # step, train_loss, train_acc, test_acc
    diverged: Divergence | None

    @property
    def final_loss(self) -> float:
        return float(self.history["train_loss"].iloc[-1])

    @property
    def status(self) -> str:
        """How the run ended: ``diverged``, ``overshoot`` (ended well above where it began), ``stuck`` (at
        chance, ln 10) or ``ok``."""
        if self.diverged is not None:
            return "diverged"
        if self.final_loss > OVERSHOOT_FACTOR * float(self.history["train_loss"].iloc[0]):
            return "overshoot"
        return "stuck" if self.final_loss > CHANCE_LOSS - STUCK_TOL else "ok"

    @property
    def test_acc(self) -> float:
        return float(self.history["test_acc"].iloc[-1])


def eval_every(steps: int) -> int:
    """Steps between two evaluations: every 10, but at most ~15 points per curve."""
    return max(EVAL_EVERY, steps // 15 // EVAL_EVERY * EVAL_EVERY)


def train_width(width: int) -> int:
    """The width the training comparison uses: the page's, capped at ``TRAIN_WIDTH``."""
    return min(width, TRAIN_WIDTH)


@torch.no_grad()
def _evaluate(model: nn.Module, X, y, Xt, yt) -> tuple[float, float, float]:
    out = model(X)
    return float(F.cross_entropy(out, y)), float((out.argmax(1) == y).double().mean()), float(
        (model(Xt).argmax(1) == yt).double().mean())


def _batches(n: int, steps: int, seed: int) -> torch.Tensor:
    """Mini-batch indices (steps × TRAIN_BATCH): the same for every scheme at one seed."""
    return torch.randint(0, n, (steps, TRAIN_BATCH), generator=torch.Generator().manual_seed(seed + BATCH_SEED_OFFSET))


def _train_loop(model, steps, lr, seed, on_step=None, record=None):
    X, y, Xt, yt = _digits(seed)
    Xe, ye = X[:EVAL_TRAIN], y[:EVAL_TRAIN]
    params = list(model.parameters())
    opt = torch.optim.SGD(params, lr=lr, foreach=True)
    idx = _batches(len(X), steps, seed)
    rows, div = [], None
    every = eval_every(steps)
    loss0, acc0, tacc0 = _evaluate(model, Xe, ye, Xt, yt)
    rows.append(dict(step=0, train_loss=loss0, train_acc=acc0, test_acc=tacc0))
    for step in range(steps):
        xb, yb = X[idx[step]], y[idx[step]]
        opt.zero_grad()
        loss = F.cross_entropy(model(xb), yb)
        loss.backward()
        # One fused norm over all gradients is finite iff every gradient is (or they are so large that
        # the norm overflows): only then ask check_finite for the exact culprit.
        if not (torch.isfinite(loss) and torch.isfinite(nn.utils.get_total_norm([p.grad for p in params]))):
            div = check_finite(step + 1, loss, params)
            if div is not None:
                break
        opt.step()
        if record is not None:
            record(step + 1, model)
        if (step + 1) % every == 0 or step + 1 == steps:
            l, a, ta = _evaluate(model, Xe, ye, Xt, yt)
            if not math.isfinite(l):
                div = Divergence(step + 1, "loss", l)
                break
            rows.append(dict(step=step + 1, train_loss=l, train_acc=a, test_acc=ta))
        if on_step is not None:
            on_step(step + 1)
    return pd.DataFrame(rows), div


def train(
    scheme: str = "default",
    activation: str = "tanh",
    depth: int = 10,
    width: int = 256,
    steps: int = 200,
    lr: float = 0.1,
    seed: int = 0,
    *,
    std: float = 0.01,
    bound: float = 0.05,
    value: float = 0.1,
    mode: str = "fan_in",
    gain: str = "torch_default",
    on_step: Callable[[int], None] | None = None,
) -> TrainRun:
    """Train the net (width capped at ``TRAIN_WIDTH``) on digits with SGD, mini-batches of 64.

    ``history`` has the loss and accuracy on ``EVAL_TRAIN`` training digits and the accuracy on the
    whole test split at step 0 and every :func:`eval_every` steps.

    Same seed, same mini-batches for every scheme; only the initial weights differ. Stops at the
    first non-finite loss or gradient (``diverged``) with the history up to there.
    """
    _check(scheme=scheme, activation=activation, depth=depth, width=width, steps=steps, lr=lr, seed=seed,
           std=std, bound=bound, value=value, mode=mode, gain=gain)
    scale = _scale(scheme, activation, std, bound, value, mode, gain)
    model = build(scale, sizes(train_width(width), depth), torch.Generator().manual_seed(seed))
    with _flush_denormals():
        history, div = _train_loop(model, steps, lr, seed, on_step)
    return TrainRun(scheme, history, div)


def train_many(runs: Sequence[tuple[str, dict]], activation: str, depth: int, width: int, steps: int, lr: float,
               seed: int, workers: int = 1) -> list[TrainRun]:
    """:func:`train` for several ``(scheme, scheme arguments)``: the same runs, numbers bit for bit.

    Every run has one structure (only the initial weights differ) and sees the same mini-batches, so by
    default they train as one stacked computation (:func:`_train_stacked`: each layer one ``torch.baddbmm``
    for all nets, 1.7–2.8× faster than one run after another at the page's sizes, tests/test_init.py
    checks it equals :func:`train` run by run). ``workers`` > 1 runs :func:`train` itself in threads
    instead: that pays on an idle machine (torch releases the GIL in its kernels) but loses ~50 % on a
    busy one (measured on 2 shared cores).
    """
    from concurrent.futures import ThreadPoolExecutor

    def one(item):
        scheme, args = item
        return train(scheme, activation, depth, width, steps, lr, seed, **dict(args))

    if len(runs) > 1 and workers <= 1:
        return _train_stacked(runs, activation, depth, width, steps, lr, seed)
    if workers <= 1 or len(runs) <= 1:
        return [one(r) for r in runs]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(one, runs))


class _Slot:
    """One net's slice of a stacked parameter, with its gradient: what :func:`check_finite` reads."""

    __slots__ = ("grad",)

    def __init__(self, grad):
        self.grad = grad


def _train_stacked(runs: Sequence[tuple[str, dict]], activation: str, depth: int, width: int, steps: int,
                   lr: float, seed: int) -> list[TrainRun]:
    """:func:`train` of every run at once, falling back to one run at a time where the stacked product
    would not give each net's own numbers (:func:`nnviz.engine.bmm_exact`).

    Step by step this is :func:`_train_loop` for every net: the stacked forward is each net's
    ``nn.Linear``/activation sequence, the loss the sum of the nets' own cross-entropies (so each gets its
    own gradient), ``torch.optim.SGD`` (foreach) acts element by element on the stacked tensors, and a net
    whose loss or gradient stops being finite stops there (its history ends, the others go on).
    """
    from nnviz.engine import bmm_exact, linear_stack_forward, one_thread, stack_linears

    checked = []
    for scheme, args in runs:
        kw = dict(args)
        _check(scheme=scheme, activation=activation, depth=depth, width=width, steps=steps, lr=lr, seed=seed, **kw)
        checked.append((scheme, _scale(scheme, activation, kw.get("std", 0.01), kw.get("bound", 0.05),
                                       kw.get("value", 0.1), kw.get("mode", "fan_in"),
                                       kw.get("gain", "torch_default"))))
    layer_sizes = sizes(train_width(width), depth)
    X, y, Xt, yt = _digits(seed)
    Xe, ye = X[:EVAL_TRAIN], y[:EVAL_TRAIN]
    if not all(bmm_exact(layer_sizes, n) for n in (TRAIN_BATCH, len(Xe), len(Xt))):
        return [train(scheme, activation, depth, width, steps, lr, seed, **dict(args)) for scheme, args in runs]
    models = [build(scale, layer_sizes, torch.Generator().manual_seed(seed)) for _, scale in checked]
    act = models[0][1]  # Linear, act, …, Linear: every net has the same (stateless) activation module
    Ws, bs = stack_linears(models)
    S = len(models)
    idx = _batches(len(X), steps, seed)
    every = eval_every(steps)
    rows: list[list[dict]] = [[] for _ in range(S)]
    div: list[Divergence | None] = [None] * S
    live = list(range(S))  # the runs still training, in the order of the stack's rows

    def stack_params() -> tuple[list[torch.Tensor], torch.optim.Optimizer]:
        params = [p for pair in zip(Ws, bs) for p in pair]  # nn.Sequential's order: W1, b1, W2, b2, …
        return params, torch.optim.SGD(params, lr=lr, foreach=True)

    params, opt = stack_params()

    def stop(stopped: list[int]) -> list[int]:
        """Take the stopped runs out of the stack; returns the rows kept. Plain SGD keeps no state, so an
        optimizer over the remaining rows continues exactly."""
        nonlocal Ws, bs, params, opt
        keep = [i for i, s in enumerate(live) if s not in stopped]
        Ws = [W.detach()[keep].requires_grad_(True) for W in Ws]
        bs = [b.detach()[keep].requires_grad_(True) for b in bs]
        live[:] = [live[i] for i in keep]
        params, opt = stack_params()
        return keep

    @torch.no_grad()
    def evaluate(step: int) -> None:
        out, out_t = linear_stack_forward(Ws, bs, act, Xe), linear_stack_forward(Ws, bs, act, Xt)
        stopped = []
        for i, s in enumerate(live):
            l = float(F.cross_entropy(out[i], ye))
            if step > 0 and not math.isfinite(l):
                div[s] = Divergence(step, "loss", l)
                stopped.append(s)
                continue
            rows[s].append(dict(step=step, train_loss=l, train_acc=float((out[i].argmax(1) == ye).double().mean()),
                                test_acc=float((out_t[i].argmax(1) == yt).double().mean())))
        if stopped:
            stop(stopped)

    with one_thread(), _flush_denormals():
        evaluate(0)
        for step in range(steps):
            if not live:
                break
            xb, yb = X[idx[step]], y[idx[step]]
            for p in params:
                p.grad = None
            out = linear_stack_forward(Ws, bs, act, xb)
            losses = [F.cross_entropy(out[i], yb) for i in range(len(live))]
            torch.autograd.backward(losses)
            grads = [cast(torch.Tensor, p.grad) for p in params]  # every parameter takes part in the loss
            if not (all(torch.isfinite(l) for l in losses) and torch.isfinite(nn.utils.get_total_norm(grads))):
                stopped = []
                for i, s in enumerate(live):  # the plain loop's test, net by net
                    mine = [g[i] for g in grads]
                    if not (torch.isfinite(losses[i]) and torch.isfinite(nn.utils.get_total_norm(mine))):
                        d = check_finite(step + 1, losses[i], cast(list[torch.Tensor], [_Slot(g) for g in mine]))
                        if d is not None:
                            div[s] = d
                            stopped.append(s)
                if stopped:
                    keep = stop(stopped)
                    if not live:
                        break
                    for p, g in zip(params, grads):
                        p.grad = g[keep]
            opt.step()
            if (step + 1) % every == 0 or step + 1 == steps:
                evaluate(step + 1)
    return [TrainRun(scheme, pd.DataFrame(r), d) for (scheme, _), r, d in zip(checked, rows, div)]
