"""Every operation of the graph: its forward value and its local derivative, in one place.

Like micrograd's ``engine.py``: a :class:`Value` is one scalar of the graph, and each operation that
makes one records, as it computes its output, the local derivative of that output with respect to
each of its inputs. The chain rule (:func:`nnviz.backprop.graph.backprop`) only multiplies them.
A value holds one number per sample, so a mini-batch is the same graph with vectors.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from torch import nn

BCE_EPS = 1e-12  # nn.BCELoss divides by max(a(1 − a), 1e-12) in its backward


# --- an activation a = f(z): forward f, and ∂a/∂z written with z and a (the textbook forms) -----------------
def _sigmoid(z):
    with np.errstate(over="ignore"):  # e^{-z} may overflow to inf; 1/(1+inf) = 0 is the right limit
        return 1.0 / (1.0 + np.exp(-z))


def _erf(z):
    return np.vectorize(math.erf, otypes=[z.dtype])(z)


ACT_FORWARD: dict[str, Callable[..., np.ndarray]] = {
    "sigmoid": _sigmoid,
    "tanh": np.tanh,
    "relu": lambda z, s=0.0: np.where(z > 0, z, 0 * z),
    "leaky_relu": lambda z, s=0.01: np.where(z > 0, z, s * z),
    "elu": lambda z, s=1.0: np.where(z > 0, z, s * np.expm1(np.minimum(z, 0))),
    "gelu": lambda z: 0.5 * z * (1 + _erf(z / math.sqrt(2))),
    "silu": lambda z: z * _sigmoid(z),
    "softplus": lambda z, s=(1.0, 20.0): np.where(
        z * s[0] > s[1], z, np.log1p(np.exp(np.minimum(z * s[0], s[1]))) / s[0]
    ),
    "linear": lambda z: z,
}

ACT_LOCAL: dict[str, Callable[..., np.ndarray]] = {  # ∂a/∂z
    "sigmoid": lambda z, a: a * (1 - a),  # σ′ = σ(1 − σ)
    "tanh": lambda z, a: 1 - a**2,  # tanh′ = 1 − tanh²
    "relu": lambda z, a, s=0.0: np.where(z > 0, 1.0, 0.0).astype(z.dtype),  # 0 at z = 0, as PyTorch
    "leaky_relu": lambda z, a, s=0.01: np.where(z > 0, 1.0, s).astype(z.dtype),
    "elu": lambda z, a, s=1.0: np.where(z > 0, 1.0, a + s).astype(z.dtype),  # α·eᶻ = a + α
    "gelu": lambda z, a: (0.5 * (1 + _erf(z / math.sqrt(2))) + z * np.exp(-0.5 * z**2) / math.sqrt(2 * math.pi)).astype(
        z.dtype
    ),
    "silu": lambda z, a: (_sigmoid(z) * (1 + z * (1 - _sigmoid(z)))).astype(z.dtype),
    "softplus": lambda z, a, s=(1.0, 20.0): np.where(z * s[0] > s[1], 1.0, _sigmoid(s[0] * z)).astype(z.dtype),
    "linear": lambda z, a: np.ones_like(z),
}


# --- the loss over N numbers (samples × outputs): forward per element (then averaged), and ∂L/∂a ------------
def _clamped_log(v):
    with np.errstate(divide="ignore"):
        return np.maximum(np.log(v), -100.0)


LOSS_FORWARD = {
    "mse": lambda a, y: (a - y) ** 2,
    # nn.BCELoss clamps each log at −100, so a saturated output costs at most 100
    "bce": lambda a, y: -(y * _clamped_log(a) + (1 - y) * _clamped_log(1 - a)),
}
LOSS_LOCAL = {  # ∂L/∂a for L = (1/N) Σ loss(a, y)
    "mse": lambda a, y, n: 2 * (a - y) / n,
    "bce": lambda a, y, n: (a - y) / np.maximum(a * (1 - a), BCE_EPS) / n,
}

# The weighted sum z = Σᵢ wᵢ·aᵢ + b has the simplest local derivatives of all:
#   ∂z/∂wᵢ = aᵢ,  ∂z/∂aᵢ = wᵢ,  ∂z/∂b = 1            (see weighted_sum)


# --- the graph's scalars, and the operations that make them -------------------------------------------------
class Value:
    """micrograd's ``Value``, vectorised over the samples of a mini-batch."""

    def __init__(self, data, id: str, kind: str, op: str = "", parents=(), local=()):
        self.data = data  # shape (samples,) for per-sample values; () for parameters (shared by all samples)
        self.id, self.kind, self.op = id, kind, op
        self.parents = tuple(parents)
        self.local = tuple(local)  # ∂self/∂parent for each parent, recorded when self is computed
        self.grad = np.zeros_like(data)
        self.received: list[tuple[Value, np.ndarray, np.ndarray]] = []  # (child, ∂L/∂child, ∂child/∂self)
        self.needs_grad = kind not in ("input", "target")


def weighted_sum(weights: Sequence[Value], inputs: Sequence[Value], bias: Value | None, id: str) -> Value:
    """z = Σᵢ wᵢ·aᵢ + b; parents alternate wᵢ, aᵢ, then b."""
    z = sum((w.data * a.data for w, a in zip(weights, inputs)), start=0 * inputs[0].data)
    parents, local = [], []
    for w, a in zip(weights, inputs):
        parents += [w, a]
        local += [a.data, np.broadcast_to(w.data, a.data.shape)]  # ∂z/∂w = a, ∂z/∂a = w
    if bias is not None:
        z = z + bias.data
        parents.append(bias)
        local.append(np.ones_like(z))  # ∂z/∂b = 1
    return Value(z, id, "z", "linear", parents, local)


def activation(op: str, z: Value, id: str, arg=None) -> Value:
    """a = f(z) for the activation ``op`` (``arg``: its parameter, e.g. leaky_relu's slope)."""
    extra = () if arg is None else (arg,)
    a = ACT_FORWARD[op](z.data, *extra).astype(z.data.dtype)
    return Value(a, id, "a", op, [z], [ACT_LOCAL[op](z.data, a, *extra)])


def loss(op: str, outputs: Sequence[Value], targets: Sequence[Value]) -> Value:
    """L = (1/N) Σ loss(a, y) over every output of every sample; targets are parents that get no gradient."""
    n = sum(o.data.size for o in outputs)  # N = samples × outputs, as nn.MSELoss / nn.BCELoss average
    total = sum(LOSS_FORWARD[op](o.data, t.data).sum() for o, t in zip(outputs, targets))
    local = [LOSS_LOCAL[op](o.data, t.data, n) for o, t in zip(outputs, targets)]
    local += [np.zeros_like(t.data) for t in targets]
    return Value(np.asarray(total / n, dtype=outputs[0].data.dtype), "L", "loss", op, [*outputs, *targets], local)


# --- which operation a PyTorch module is ----------------------------------------------------------------------
ACT_MODULES = {
    nn.Sigmoid: "sigmoid",
    nn.Tanh: "tanh",
    nn.ReLU: "relu",
    nn.LeakyReLU: "leaky_relu",
    nn.ELU: "elu",
    nn.GELU: "gelu",
    nn.SiLU: "silu",
    nn.Softplus: "softplus",
    nn.Identity: "linear",
}


def act_of(module: Any) -> tuple[str, object]:
    """(op name, its parameter) for a supported activation module; ValueError otherwise."""
    op = ACT_MODULES.get(type(module))
    if op is None:
        raise ValueError(
            f"trace supports nn.Linear and the activations {sorted(set(ACT_MODULES.values()))}; "
            f"got {type(module).__name__}"
        )
    if op == "leaky_relu":
        return op, float(module.negative_slope)
    if op == "elu":
        return op, float(module.alpha)
    if op == "softplus":
        return op, (float(module.beta), float(module.threshold))
    if op == "gelu" and module.approximate != "none":
        raise ValueError("trace supports nn.GELU(approximate='none') only")
    return op, None
