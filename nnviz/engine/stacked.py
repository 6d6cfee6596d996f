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
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import cast

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


# --- nn.Linear stacks through torch.baddbmm: the same numbers as each net's own nn.Linear -------------------
BMM_MIN_WORK = 400  # torch's CPU bmm multiplies smaller products (n·in·out) with its own loop, not the BLAS gemm
VEC_BLOCK = 64  # an elementwise kernel's vector loop handles blocks of up to this many floats, the rest one by one


def bmm_exact(sizes: Sequence[int], n: int) -> bool:
    """Whether :func:`linear_stack_forward` of an MLP with layer sizes ``sizes`` on ``n`` rows (and its
    autograd backward) gives each net's ``nn.Linear`` numbers bit for bit (torch's CPU float32 bmm).

    torch's bmm multiplies batch by batch with the gemm that ``nn.Linear``'s addmm calls — unless a
    product is small (n·in·out < 400: a loop of its own) or a matrix-vector one (a layer of width 1 in or
    out: the BLAS takes another path). The activations run once over all nets' hidden layers: each net's
    (n, width) block must be a whole number of vector blocks (``VEC_BLOCK``), else an element computed in
    the vector loop for the stack is computed by the scalar tail for its own net (sigmoid's last bit
    differs). Measured (tests/test_engine.py), not promised by torch.
    """
    return (n > 1 and all(min(a, b) > 1 and n * a * b >= BMM_MIN_WORK for a, b in zip(sizes[:-1], sizes[1:]))
            and all(n * w % VEC_BLOCK == 0 for w in sizes[1:-1]) and bmm_matches_linear())


@functools.cache
def bmm_matches_linear() -> bool:
    """Whether this machine's bmm gives ``nn.Linear``'s numbers bit for bit, forward and backward, where the
    rule of :func:`bmm_exact` says it should (measured once: it depends on the CPU's BLAS kernels; where it
    does not hold, callers train net by net)."""
    g = torch.Generator().manual_seed(0)
    sizes, n = (64, 64, 64, 10), 64
    layers = [[layer for a, b in zip(sizes[:-1], sizes[1:]) for layer in (nn.Linear(a, b), nn.Tanh())][:-1]
              for _ in range(2)]
    models = [nn.Sequential(*ls) for ls in layers]
    with torch.no_grad():
        for p in (p for m in models for p in m.parameters()):
            p.copy_(torch.randn(p.shape, generator=g) * 0.2)
    x = torch.randn(n, sizes[0], generator=g)
    Ws, bs = stack_linears(models)
    out = linear_stack_forward(Ws, bs, models[0][1], x)
    torch.autograd.backward([o.square().mean() for o in out])
    for i, m in enumerate(models):
        mine = m(x)
        mine.square().mean().backward()
        lins = [layer for layer in m if isinstance(layer, nn.Linear)]
        if not torch.equal(out[i], mine) or not all(
                torch.equal(cast(torch.Tensor, W.grad)[i], cast(torch.Tensor, lin.weight.grad))
                and torch.equal(cast(torch.Tensor, b.grad)[i], cast(torch.Tensor, lin.bias.grad))
                for W, b, lin in zip(Ws, bs, lins)):
            return False
    return True


def stack_linears(models: Sequence[nn.Module]) -> tuple[list[torch.Tensor], list[torch.Tensor]]:
    """Every net's ``nn.Linear`` weights and biases stacked: ([W (S, out, in)], [b (S, out)]), leaves that
    require grad (copies: the models are left as they were)."""
    lins = [[m for m in model.modules() if isinstance(m, nn.Linear)] for model in models]
    if len({len(ls) for ls in lins}) != 1:
        raise ValueError("the models must have the same nn.Linear layers")
    Ws = [torch.stack([ls[i].weight.detach() for ls in lins]).requires_grad_(True) for i in range(len(lins[0]))]
    bs = [torch.stack([ls[i].bias.detach() for ls in lins]).requires_grad_(True) for i in range(len(lins[0]))]
    return Ws, bs


def linear_stack_forward(Ws: Sequence[torch.Tensor], bs: Sequence[torch.Tensor], act: Callable | None,
                         x: torch.Tensor) -> torch.Tensor:
    """(S, N, out): the MLP ``Linear, act, …, Linear`` of every net on ``x`` ((N, in) shared, or (S, N, in)).

    Each layer is ``torch.baddbmm(b, h, Wᵀ)``, which per net is ``nn.Linear``'s ``addmm(b, h, Wᵀ)`` with
    the same strides; see :func:`bmm_exact` for the sizes where that holds bit for bit.
    """
    S = Ws[0].shape[0]
    h = x.expand(S, *x.shape) if x.dim() == 2 else x
    for i, (W, b) in enumerate(zip(Ws, bs)):
        h = torch.baddbmm(b.unsqueeze(1), h, W.transpose(1, 2))
        if act is not None and i < len(Ws) - 1:
            h = act(h)
    return h
