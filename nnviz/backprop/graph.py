"""The trace: a model's forward pass re-done one scalar at a time, then the chain rule as one loop.

:func:`trace` walks an ``nn.Sequential`` of ``nn.Linear`` layers and activations into a graph of
:class:`~nnviz.backprop.ops.Value` nodes (the forward pass), runs :func:`backprop` over it (the
backward pass, without autograd), and puts beside it what autograd computes for the same model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from nnviz.backprop import autograd, ops, symbols, typesetting
from nnviz.backprop.ops import Value
from nnviz.backprop.records import Node, Trace
from nnviz.backprop.settings import SETTINGS

MAX_TRACE_PARAMS = 2_000  # trace draws one node per scalar: bigger nets are not for this view


# --- the chain rule, as one loop ---------------------------------------------------------------------
def backprop(order: Sequence[Value]) -> None:
    """Fill every ``.grad`` with ∂L/∂node; ``order`` is topological (inputs first, the loss last).

    Walking it backwards, each node's gradient is complete when we reach it (all its consumers come
    later in ``order``), so it can be handed on: parent.grad += ∂L/∂node · ∂node/∂parent. The
    upstream ∂L/∂node is computed once and reused by every parent — that is backpropagation.
    """
    order[-1].grad = np.ones_like(order[-1].data)  # ∂L/∂L = 1
    for node in reversed(order):
        for parent, local in zip(node.parents, node.local):
            if not parent.needs_grad:
                continue
            contribution = node.grad * local
            if parent.data.ndim == 0:  # a parameter is shared by all samples: add up their parts
                contribution = contribution.sum()
            parent.grad = parent.grad + contribution
            parent.received.append((node, node.grad, local))


# --- the forward pass, module by module, into a graph -------------------------------------------------
@dataclass(frozen=True)
class _Place:
    """A value's symbol and where it sits in the model (what a :class:`Node` records beside its numbers)."""

    tex: str
    label: str
    layer: int
    unit: int
    col: int = 0
    module: int = -1  # the nn.Sequential module that computes it (-1: none)
    param: str = ""  # a parameter's tensor name, and its index in it
    index: tuple[int, ...] = ()
    arg: object = None  # an activation's parameter (e.g. leaky_relu's slope)


class _Graph:
    """The graph being built: its values in topological order, grouped as they were made (a layer's
    parameters, its weighted sums, its activations…), and each value's symbol and place in the model."""

    def __init__(self, np_dtype):
        self.np_dtype = np_dtype
        self.order: list[Value] = []
        self.groups: list[list[Value]] = []
        self.places: dict[str, _Place] = {}
        self.layer = 0  # the nn.Linear layers seen so far

    def add(self, values: list[Value]) -> list[Value]:
        self.order += values
        self.groups.append(values)
        return values

    def _name(self, v: Value, symbol: tuple[str, str], layer: int, unit: int, **more) -> None:
        self.places[v.id] = _Place(*symbol, layer, unit, **more)

    def inputs(self, X: np.ndarray) -> list[Value]:
        xs = [Value(X[:, i].copy(), f"x{i + 1}", "input") for i in range(X.shape[1])]
        for i, x in enumerate(xs, 1):
            self._name(x, symbols.data("x", i, single=False), layer=0, unit=i)
        return self.add(xs)

    def linear(self, mi: int, module: nn.Linear, current: list[Value], name_of: dict) -> list[Value]:
        """Layer ``mi``'s parameters, one Value each, and its weighted sums z = W·a + b."""
        if module.in_features != len(current):
            raise ValueError(f"module {mi} expects {module.in_features} inputs, gets {len(current)}")
        self.layer += 1
        layer, single = self.layer, module.out_features == 1
        W = self._numpy(module.weight)
        bias = self._numpy(module.bias) if module.bias is not None else None
        params, zs = [], []
        for j in range(module.out_features):
            ws = []
            for i in range(module.in_features):
                w = Value(np.asarray(W[j, i]), f"w{layer}_{j + 1}_{i + 1}", "weight")
                self._name(w, symbols.weight(layer, j + 1, i + 1), layer, j + 1, col=i + 1,
                           param=name_of[id(module.weight)], index=(j, i))
                ws.append(w)
            b = None
            if bias is not None:
                b = Value(np.asarray(bias[j]), f"b{layer}_{j + 1}", "bias")
                self._name(b, symbols.unit("b", layer, j + 1, single), layer, j + 1,
                           param=name_of[id(module.bias)], index=(j,))
            params += ws + ([b] if b is not None else [])
            z = ops.weighted_sum(ws, current, b, f"z{layer}_{j + 1}")
            self._name(z, symbols.unit("z", layer, j + 1, single), layer, j + 1, module=mi)
            zs.append(z)
        self.add(params)
        return self.add(zs)

    def activation(self, mi: int, module: nn.Module, current: list[Value]) -> list[Value]:
        """Module ``mi``'s activation of each weighted sum, a = f(z)."""
        op, arg = ops.act_of(module)
        if not current or current[0].kind != "z":
            raise ValueError(f"module {mi} ({type(module).__name__}) must follow an nn.Linear")
        acts = []
        for z in current:
            j = self.places[z.id].unit
            a = ops.activation(op, z, f"a{self.layer}_{j}", arg)
            self._name(a, symbols.unit("a", self.layer, j, len(current) == 1), self.layer, j, module=mi, arg=arg)
            acts.append(a)
        return self.add(acts)

    def loss(self, loss: str, outputs: list[Value], Y: np.ndarray) -> Value:
        """The targets, and the loss L of ``outputs`` against them."""
        if Y.shape[1] != len(outputs):
            raise ValueError(f"y has {Y.shape[1]} outputs per sample, the model {len(outputs)}")
        if loss == "bce":
            outs = np.stack([o.data for o in outputs])
            if (outs < 0).any() or (outs > 1).any() or (Y < 0).any() or (Y > 1).any():
                raise ValueError("loss='bce' needs outputs and targets in [0, 1] (end the model with nn.Sigmoid)")
        targets = [Value(Y[:, k].copy(), f"y{k + 1}", "target") for k in range(Y.shape[1])]
        for k, t in enumerate(targets, 1):
            self._name(t, symbols.data("y", k, single=len(targets) == 1), self.layer + 1, k)
        self.add(targets)
        L = ops.loss(loss, outputs, targets)
        self._name(L, ("L", "L"), self.layer + 1, 1)
        self.add([L])
        return L

    def _numpy(self, p: torch.Tensor) -> np.ndarray:
        dtype = torch.float64 if self.np_dtype == np.float64 else torch.float32
        return p.detach().to(dtype).numpy().astype(self.np_dtype)

    def module_nodes(self) -> dict[int, list[str]]:
        """The ids of the nodes each module computes."""
        by_module: dict[int, list[str]] = {}
        for v in self.order:
            if self.places[v.id].module >= 0:
                by_module.setdefault(self.places[v.id].module, []).append(v.id)
        return by_module

    def record(self, v: Value) -> Node:
        at = self.places[v.id]
        return Node(
            id=v.id,
            kind=v.kind,
            tex=at.tex,
            label=at.label,
            layer=at.layer,
            unit=at.unit,
            col=at.col,
            op=v.op,
            module=at.module,
            parents=tuple(p.id for p in v.parents),
            data=tuple(float(t) for t in np.atleast_1d(v.data)),
            grad=tuple(float(t) for t in np.atleast_1d(v.grad)) if v.needs_grad else None,
            param=at.param,
            index=at.index,
        )


# --- trace ---------------------------------------------------------------------------------------------
def as_batch(x, y, dtype) -> tuple[torch.Tensor, torch.Tensor]:
    """``x`` as (samples, inputs) and ``y`` as (samples, outputs) in ``dtype``; one sample may be 1-D."""
    x = torch.as_tensor(x).detach().to(dtype)
    y = torch.as_tensor(y).detach().to(dtype)
    if x.ndim == 1:
        x = x.unsqueeze(0)
    if y.ndim == 0:
        y = y.reshape(1, 1)
    elif y.ndim == 1:
        y = y.unsqueeze(0) if len(x) == 1 else y.unsqueeze(1)
    if x.ndim != 2 or y.ndim != 2 or len(x) != len(y):
        raise ValueError(f"x must be (batch, inputs) and y (batch, outputs); got {tuple(x.shape)} and {tuple(y.shape)}")
    if len(x) == 0:
        raise ValueError("x must hold at least one sample")
    return x, y


def _check(model, loss: str, dtype) -> None:
    SETTINGS.check(loss=loss)
    if not isinstance(model, nn.Sequential):
        raise ValueError(f"model must be an nn.Sequential, got {type(model).__name__}")
    if dtype not in (torch.float32, torch.float64):
        raise ValueError(f"dtype must be torch.float32 or torch.float64, got {dtype}")
    n_params = sum(p.numel() for p in model.parameters())
    if n_params > MAX_TRACE_PARAMS:
        raise ValueError(f"model has {n_params} parameters; trace draws each one, at most {MAX_TRACE_PARAMS}")
    if not any(isinstance(m, nn.Linear) for m in model):
        raise ValueError("model must contain at least one nn.Linear")


def trace(model: nn.Sequential, x, y, loss: str = "mse", dtype: torch.dtype = torch.float64) -> Trace:
    """Forward and backward through ``model`` on ``x`` (one sample or a mini-batch) against ``y``.

    ``model`` is an ``nn.Sequential`` of ``nn.Linear`` and activations (sigmoid, tanh, relu, leaky_relu,
    elu, gelu, silu, softplus, identity); ``loss`` is ``"mse"`` (nn.MSELoss) or ``"bce"`` (nn.BCELoss,
    outputs must lie in (0, 1)). Both the hand computation and autograd run in ``dtype`` (float64 by
    default, so that they agree to ~1e-12; pass torch.float32 to see single-precision rounding) —
    autograd on a deep copy of ``model`` converted to ``dtype``. ``model`` itself is not changed.
    """
    _check(model, loss, dtype)
    x, y = as_batch(x, y, dtype)
    np_dtype = np.float64 if dtype == torch.float64 else np.float32
    X, Y = x.numpy().astype(np_dtype), y.numpy().astype(np_dtype)

    # 1. Forward: the graph, module by module.
    graph = _Graph(np_dtype)
    name_of = {id(p): n for n, p in model.named_parameters()}
    current = graph.inputs(X)
    for mi, module in enumerate(model):
        if isinstance(module, nn.Linear):
            current = graph.linear(mi, module, current, name_of)
        else:
            current = graph.activation(mi, module, current)
    L = graph.loss(loss, current, Y)

    # 2. Backward: the chain rule.
    backprop(graph.order)

    # 3. The same by autograd, and both written out.
    manual = _grads_by_parameter(graph, model, dtype)
    autograd_grads, autograd_loss, grad_fns = autograd.backward(model, x, y, loss, dtype, graph.module_nodes())
    tex = {k: at.tex for k, at in graph.places.items()}
    args = {k: at.arg for k, at in graph.places.items() if at.arg is not None}
    return Trace(
        nodes=tuple(graph.record(v) for v in graph.order),
        forward=typesetting.forward_steps(graph.groups, tex, args, loss),
        backward=typesetting.backward_steps(graph.groups, tex, args, loss, len(X)),
        loss_fn=loss,
        loss=float(L.data),
        autograd_loss=autograd_loss,
        output=tuple(tuple(float(o.data[s]) for o in current) for s in range(len(X))),
        manual_grads=manual,
        autograd_grads=autograd_grads,
        grad_fns=grad_fns,
        modules=tuple(_short_module(m) for m in model),
        batch=len(X),
        dtype=str(dtype).replace("torch.", ""),
    )


def _grads_by_parameter(graph: _Graph, model: nn.Module, dtype) -> dict[str, torch.Tensor]:
    """The hand-made gradients, shaped like the parameters (what autograd leaves in ``param.grad``)."""
    manual = {n: torch.zeros_like(p.detach(), dtype=dtype) for n, p in model.named_parameters()}
    for v in graph.order:
        if v.kind in ("weight", "bias"):
            manual[graph.places[v.id].param][graph.places[v.id].index] = float(v.grad)
    return manual


def _short_module(m: nn.Module) -> str:
    if isinstance(m, nn.Linear):
        return f"Linear({m.in_features}, {m.out_features}" + ("" if m.bias is not None else ", bias=False") + ")"
    return f"{type(m).__name__}()"
