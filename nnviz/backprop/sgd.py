"""Training: plain SGD steps on the real model (w ← w − lr·∂L/∂w), optionally forgetting
``optimizer.zero_grad()`` to show gradients accumulating."""

from __future__ import annotations

import copy
from typing import cast
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import torch
from torch import nn

from nnviz.backprop.autograd import criterion
from nnviz.backprop.graph import as_batch
from nnviz.backprop.net import build, sample
from nnviz.backprop.settings import SETTINGS
from nnviz.backprop.weights import Slot
from nnviz.training import Divergence, check_finite


@dataclass(frozen=True)
class Training:
    """Plain SGD on the real model: ``params[t]``/``losses[t]`` before update t (the last: after all)."""

    names: tuple[str, ...]
    params: tuple[dict[str, torch.Tensor], ...]  # updates + 1 snapshots
    losses: tuple[float, ...]  # updates + 1
    grads: tuple[dict[str, torch.Tensor], ...]  # param.grad as optimizer.step() used it, per update
    fresh: tuple[dict[str, torch.Tensor], ...]  # this update's own gradient (what zero_grad() leaves)
    lr: float
    zero_grad: bool
    divergence: Divergence | None = None

    @property
    def updates(self) -> int:
        """Updates actually made (fewer than asked if training diverged)."""
        return len(self.grads)

    @property
    def max_abs_weight(self) -> float:
        """The largest |parameter| after the last update."""
        return max(float(p.abs().max()) for p in self.params[-1].values())

    def update_frame(self, t: int = 0, symbols: Mapping[str, str] | None = None) -> pd.DataFrame:
        """Update ``t`` for every parameter: w, its .grad, lr·grad, and w − lr·grad.

        ``symbols`` (entry → symbol, e.g. :attr:`Trace.symbols`) adds a first column ``symbol``.
        """
        rows = []
        for name in self.names:
            w, g, w_new = self.params[t][name], self.grads[t][name], self.params[t + 1][name]
            for idx in np.ndindex(*w.shape):
                rows.append(
                    {
                        **({"symbol": symbols.get(str(Slot(name, idx)))} if symbols is not None else {}),
                        "parameter": str(Slot(name, idx)),
                        "w": float(w[idx]),
                        "grad": float(g[idx]),
                        "lr_grad": float(self.lr * g[idx]),
                        "w_new": float(w_new[idx]),
                    }
                )
        return pd.DataFrame(rows)

    def history_frame(self) -> pd.DataFrame:
        """Per update: the loss before it and the size ‖.grad‖ of the gradient it used."""
        rows = [
            {
                "update": t,
                "loss": self.losses[t],
                "grad_norm": float(torch.sqrt(sum(((g**2).sum() for g in self.grads[t].values()), torch.zeros(()))))
                if t < self.updates
                else None,
            }
            for t in range(len(self.losses))
        ]
        return pd.DataFrame(rows)

    def accumulation_frame(self, name: str, index: tuple[int, ...]) -> pd.DataFrame:
        """One parameter (its tensor's ``name``, its ``index``) over the updates: this step's gradient, the
        ``.grad`` used, and their running sum."""
        rows, running = [], 0.0
        for t in range(self.updates):
            fresh, used = float(self.fresh[t][name][index]), float(self.grads[t][name][index])
            running += fresh
            rows.append({"update": t + 1, "step_grad": fresh, "grad": used, "sum_of_step_grads": running})
        return pd.DataFrame(rows)


def sgd(
    model: nn.Module, x, y, loss: str = "mse", lr: float = 1.0, updates: int = 20, zero_grad: bool = True
) -> Training:
    """``updates`` steps of plain SGD on a deep copy of ``model`` (full batch): p ← p − lr·p.grad.

    The update is written out (``p.add_(p.grad, alpha=-lr)``, ``p.grad = None``): bit for bit what
    ``torch.optim.SGD(lr).step()`` and ``.zero_grad()`` do (a test checks it), without the optimizer's
    first-use import of torch._dynamo, which costs seconds on a cold server.
    With ``zero_grad=False`` the loop forgets ``optimizer.zero_grad()``: each ``loss.backward()``
    *adds* to ``param.grad``, so update t uses the sum of the gradients of updates 1…t. Stops at the
    first non-finite loss or gradient (``divergence``).
    """
    SETTINGS.check(loss=loss, lr=lr, updates=updates, forget=not zero_grad)
    twin = copy.deepcopy(model)
    x, y = as_batch(x, y, next(twin.parameters()).dtype)
    crit = criterion(loss)
    plist = list(twin.parameters())
    names = tuple(n for n, _ in twin.named_parameters())
    params = [_snapshot(twin)]
    losses, grads, fresh = [], [], []
    div = None
    for t in range(updates):
        if zero_grad:  # optimizer.zero_grad()
            for p in plist:
                p.grad = None
        L = crit(twin(x), y)
        own = torch.autograd.grad(L, plist, retain_graph=True)
        L.backward()
        losses.append(float(L.detach()))
        div = check_finite(t, L, twin.parameters())
        if div is not None:
            break
        grads.append({n: cast(torch.Tensor, p.grad).detach().clone() for n, p in twin.named_parameters()})
        fresh.append({n: g.detach().clone() for n, g in zip(names, own)})
        with torch.no_grad():  # optimizer.step()
            for p in plist:
                p.add_(cast(torch.Tensor, p.grad), alpha=-lr)
        params.append(_snapshot(twin))
    if div is None:
        with torch.no_grad():
            losses.append(float(crit(twin(x), y)))
    else:
        params = params[: len(grads) + 1]
    return Training(names, tuple(params), tuple(losses), tuple(grads), tuple(fresh), float(lr), zero_grad, div)


def _snapshot(model: nn.Module) -> dict[str, torch.Tensor]:
    return {n: p.detach().clone() for n, p in model.named_parameters()}


def page_training(
    sample_name: str = "x10",
    width: int = 2,
    depth: int = 1,
    activation: str = "sigmoid",
    loss: str = "mse",
    lr: float = 1.0,
    updates: int = 20,
    forget: bool = False,
    seed: int = 0,
    weights: Sequence[float] = (),
) -> Training:
    """:func:`sgd` on the page's net (float32, as a script would run it)."""
    x, y = sample(sample_name)
    return sgd(build(width, depth, activation, seed, weights), x, y, loss, lr, updates, zero_grad=not forget)
