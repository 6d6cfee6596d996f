"""Does the init matter for training? The net on digits with SGD, one run per scheme."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

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
    model = build(scale, sizes(depth, train_width(width)), torch.Generator().manual_seed(seed))
    with _flush_denormals():
        history, div = _train_loop(model, steps, lr, seed, on_step)
    return TrainRun(scheme, history, div)


def train_many(runs: Sequence[tuple[str, dict]], activation: str, depth: int, width: int, steps: int, lr: float,
               seed: int, workers: int = 1) -> list[TrainRun]:
    """:func:`train` for several ``(scheme, scheme arguments)``; with ``workers`` > 1, in threads.

    Each run is exactly :func:`train` (own model, own generators, same mini-batches). Threads pay off
    on an idle machine (torch releases the GIL in its kernels) but lose ~50 % on a busy one (measured
    on 2 shared cores), so the page runs them one after another.
    """
    from concurrent.futures import ThreadPoolExecutor

    def one(item):
        scheme, args = item
        return train(scheme, activation, depth, width, steps, lr, seed, **dict(args))

    if workers <= 1 or len(runs) <= 1:
        return [one(r) for r in runs]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(one, runs))
