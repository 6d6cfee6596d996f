"""Several nets of one structure trained as one computation with torch.func: any loss, any PyTorch layer.

The batched program (:mod:`nnviz.engine.batched`) is the fast path for the XOR lesson's tiny BCE nets;
this one serves the lessons that compare a few larger nets (init schemes, with/without a layer):
``torch.func.stack_module_state`` stacks their parameters, ``vmap`` of ``grad`` computes every net's
gradient at once, and one ``torch.optim`` optimizer updates the stacked tensors (SGD and Adam act
element by element, so that equals one optimizer per net). Net ``i`` equals the plain loop on
``models[i]`` (tests/test_engine.py).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import torch
from torch import nn
from torch.func import functional_call, grad_and_value, stack_module_state, vmap

from nnviz.engine.threads import one_thread

OPTIMIZERS = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam}


@dataclass(frozen=True)
class Stacked:
    """What :func:`train_stacked` returns: every net's loss per step and its final parameters."""

    losses: torch.Tensor  # (steps, S): the loss of step t (before update t), per net
    params: dict[str, torch.Tensor]  # name → (S, …): the stacked final parameters, named as in the model

    def load_into(self, models: Sequence[nn.Module]) -> None:
        """Copy net i's final parameters into ``models[i]``."""
        with torch.no_grad():
            for i, m in enumerate(models):
                for name, p in m.named_parameters():
                    p.copy_(self.params[name][i])


def train_stacked(models: Sequence[nn.Module], x: torch.Tensor, y: torch.Tensor,
                  loss: Callable[[torch.Tensor, torch.Tensor], torch.Tensor], optimizer: str = "sgd",
                  lr: float = 0.1, steps: int = 100, batches: torch.Tensor | None = None,
                  on_step: Callable[[int, dict[str, torch.Tensor], dict[str, torch.Tensor]], None] | None = None,
                  progress: Callable[[float], None] | None = None) -> Stacked:
    """Train ``models`` (same structure, own weights) together: ``steps`` steps of the plain loop
    ``zero_grad(); l = loss(model(x), y); l.backward(); opt.step()`` for each, as one computation.

    ``batches`` (steps, B) of row indices: step t trains on ``x[batches[t]]`` (the same mini-batches for
    every net), else every step is full batch. ``on_step(t, params, grads)`` sees every net's stacked
    parameters and gradients of step t before the update (to record per-layer statistics).
    ``models`` are left as they were (see :meth:`Stacked.load_into`).
    """
    if optimizer not in OPTIMIZERS:
        raise ValueError(f"optimizer must be one of {list(OPTIMIZERS)}, got {optimizer!r}")
    params, buffers = stack_module_state(list(models))
    params = {k: v.detach().clone().requires_grad_(True) for k, v in params.items()}
    base = copy.deepcopy(models[0]).to("meta")

    def one(p, b, xb, yb):
        return loss(functional_call(base, (p, b), (xb,)), yb)

    step_all = vmap(grad_and_value(one), in_dims=(0, 0, None, None))
    opt = OPTIMIZERS[optimizer](list(params.values()), lr=lr)
    losses = torch.empty(steps, len(models))
    with one_thread():
        for t in range(steps):
            xb, yb = (x, y) if batches is None else (x[batches[t]], y[batches[t]])
            grads, value = step_all(params, buffers, xb, yb)
            losses[t] = value.detach()
            if on_step is not None:
                on_step(t, params, grads)
            for k, p in params.items():
                p.grad = grads[k]
            opt.step()
            if progress is not None and (t + 1) % max(1, steps // 20) == 0:
                progress((t + 1) / steps)
    return Stacked(losses, {k: v.detach() for k, v in params.items()})
