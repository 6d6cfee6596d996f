"""The same pass by PyTorch's autograd: ``loss.backward()`` on a copy of the model, and the ``grad_fn``
chain it recorded, each node named by the module and the parameters that feed it."""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence

import torch
from torch import nn

from nnviz.backprop.records import GradFn

# autograd nodes that only transpose a weight on its way into addmm (not a step of the data path)
_TRANSPOSES = ("TBackward0", "PermuteBackward0")


def criterion(loss: str) -> nn.Module:
    """The PyTorch loss module of ``loss`` ("mse" or "bce")."""
    return nn.MSELoss() if loss == "mse" else nn.BCELoss()


def backward(
    model: nn.Sequential, x, y, loss: str, dtype: torch.dtype, module_nodes: Mapping[int, Sequence[str]]
) -> tuple[dict[str, torch.Tensor], float, tuple[GradFn, ...]]:
    """``loss.backward()`` on a deep copy of ``model`` in ``dtype``: (param.grad by name, the loss, the
    grad_fn chain). ``module_nodes``: our nodes each module computes, to name the chain's nodes."""
    twin = copy.deepcopy(model).to(dtype)
    twin.zero_grad(set_to_none=True)
    L = criterion(loss)(twin(x), y)
    L.backward()
    grads = {
        n: (p.grad.detach().clone() if p.grad is not None else torch.zeros_like(p.detach()))
        for n, p in twin.named_parameters()
    }
    name_of = {id(p): n for n, p in twin.named_parameters()}
    return grads, float(L.detach()), grad_fn_chain(L, twin, name_of, module_nodes)


def grad_fn_chain(L, model, name_of, module_nodes) -> tuple[GradFn, ...]:
    """Follow ``loss.grad_fn`` back along the data path, naming each node and the parameters feeding it."""

    def leaves(fn) -> list[str]:
        found = []
        for nxt, _ in fn.next_functions:
            if nxt is None:
                continue
            if type(nxt).__name__ == "AccumulateGrad":
                found.append(name_of.get(id(nxt.variable), "?"))
            elif nxt.name() in _TRANSPOSES:  # weight.t() on its way into addmm
                found += leaves(nxt)
        return found

    def data_parent(fn):
        for nxt, _ in fn.next_functions:
            if nxt is None or type(nxt).__name__ == "AccumulateGrad" or nxt.name() in _TRANSPOSES:
                continue
            return nxt
        return None

    # Modules that record a node (nn.Identity passes its input through and records none), last first.
    recording = [mi for mi, m in reversed(list(enumerate(model))) if not isinstance(m, nn.Identity)]
    chain, fn, k = [], L.grad_fn, -1
    while fn is not None:
        mi = -1 if k < 0 else (recording[k] if k < len(recording) else -2)
        nodes = ("L",) if mi == -1 else tuple(module_nodes.get(mi, ()))
        chain.append(GradFn(fn.name(), mi, nodes, tuple(sorted(leaves(fn)))))
        fn, k = data_parent(fn), k + 1
    return tuple(chain)
