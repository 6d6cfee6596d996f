"""Backpropagation by hand, every number of it, checked against PyTorch's autograd.

:func:`trace` takes any ``nn.Sequential`` of ``nn.Linear`` layers and activations and re-does its
forward and backward pass one scalar at a time, micrograd-style, *without* autograd:

1. every operation records, when it computes its output, the **local derivative** of that output
   with respect to each of its inputs (the table in section 1 — the only place derivatives live);
2. the **chain rule is one loop** (:func:`_backprop`): visit the nodes from the loss backwards and
   hand each node's gradient to its inputs, multiplied by the local derivative.

Each node holds one number per sample, so a mini-batch is the same graph with vectors. Parameters are
shared by all samples, so their gradient is the sum over the samples. The result is a list of steps
(name, LaTeX formula with the numbers substituted, value), the hand-made gradients, and the gradients
``loss.backward()`` leaves in ``param.grad`` on a copy of the same model, with the ``grad_fn`` chain
PyTorch recorded.

:func:`sgd` then takes real ``torch.optim.SGD`` steps (w ← w − lr·∂L/∂w), optionally forgetting
``optimizer.zero_grad()`` to show gradients accumulating.
"""

from __future__ import annotations

import copy
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import torch
from torch import nn

from nnviz.data import logic_gate
from nnviz.models import mlp
from nnviz.params import MAX_RAW_LEN, Bool, Choice, Float, Int, Param, Rejected, Spec, _short, seed
from nnviz.training import Divergence, check_finite

LOSSES = ("mse", "bce")
PAGE_ACTIVATIONS = ("sigmoid", "tanh", "relu")
# The XOR truth table's rows by name, and all four at once as a mini-batch.
SAMPLES = ("x00", "x01", "x10", "x11", "batch")
SHOWN = ("n0", "n1", "n2", "n3", "n4")  # which sample's numbers the graph shows in a mini-batch (n0: all)
LEARNING_RATES = (0.01, 0.03, 0.1, 0.3, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0, 30.0, 100.0)
WEIGHT_BOUND = 10.0  # typed weights live in [-10, 10]: enough to saturate any unit, never overflow
MAX_WEIGHTS = 64  # typed weights accepted at most (the largest page net has 25 parameters)
MAX_WEIGHTS_TEXT = 800  # characters of typed weights accepted in a URL
SEEDED = "seed"  # the typed-weights setting's URL value when the seed's weights are used
MAX_TRACE_PARAMS = 2_000  # trace draws one node per scalar: bigger nets are not for this view
MAX_STEP = 120  # upper bound of the walk position; the page narrows it to the net's step count
MAX_PATHS = 16  # the chain rule written out path by path is kept only up to this many paths
BCE_EPS = 1e-12  # nn.BCELoss divides by max(a(1 − a), 1e-12) in its backward


# --- typed weights: numbers only, bounded, never evaluated -------------------------------------------
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d{1,3})?")
_SEPARATORS = re.compile(r"[,;\s]+")


def parse_weights(text: str) -> tuple[float, ...]:
    """``"0.15, -0.2 0.35"`` → ``(0.15, -0.2, 0.35)``.

    Only plain decimal numbers are accepted (each matched by a regular expression, converted with
    ``float``; nothing is evaluated); each must be finite and within ±WEIGHT_BOUND, at most MAX_WEIGHTS.
    Raises ValueError saying which entry is wrong.
    """
    text = str(text)
    if len(text) > MAX_WEIGHTS_TEXT:
        raise ValueError(f"weights: at most {MAX_WEIGHTS_TEXT} characters, got {len(text)}")
    tokens = [tok for tok in _SEPARATORS.split(text.strip()) if tok]
    if len(tokens) > MAX_WEIGHTS:
        raise ValueError(f"weights: at most {MAX_WEIGHTS} numbers, got {len(tokens)}")
    values = []
    for i, tok in enumerate(tokens, 1):
        if not _NUMBER.fullmatch(tok):
            raise ValueError(f"weights: entry {i} ({_short(tok, 16)!r}) is not a number")
        values.append(check_weight(float(tok), i))
    return tuple(values)


def check_weight(value, position: int = 1) -> float:
    """One typed weight as a float within ±WEIGHT_BOUND (ValueError otherwise)."""
    if isinstance(value, bool):
        raise ValueError(f"weights: entry {position} is not a number")
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"weights: entry {position} is not a number") from None
    if not math.isfinite(v):
        raise ValueError(f"weights: entry {position} must be a finite number, got {value!r}")
    if abs(v) > WEIGHT_BOUND:
        raise ValueError(f"weights: entry {position} must be between {-WEIGHT_BOUND:g} and {WEIGHT_BOUND:g}, got {v:g}")
    return v


@dataclass(frozen=True)
class Weights(Param):
    """The typed weights setting: a tuple of numbers; empty (written ``seed`` in a URL) means the
    initial weights the seed draws."""

    def parse(self, raw: str) -> tuple[float, ...]:
        if raw.strip().lower() in ("", SEEDED):
            return ()
        try:
            return parse_weights(raw)
        except ValueError as e:
            kind = "range" if "between" in str(e) else "finite" if "finite" in str(e) else "type"
            raise self._error(kind, raw, kind="float", lo=-WEIGHT_BOUND, hi=WEIGHT_BOUND) from None

    def check(self, value) -> tuple[float, ...]:
        if isinstance(value, str):
            return self.parse(value)
        try:
            items = list(value)
        except TypeError:
            raise self._error("type", value, kind="float") from None
        if len(items) > MAX_WEIGHTS:
            raise self._error("type", value, kind="float")
        out = []
        for i, v in enumerate(items, 1):
            try:
                out.append(check_weight(v, i))
            except ValueError as e:
                kind = "range" if "between" in str(e) else "finite" if "finite" in str(e) else "type"
                raise self._error(kind, v, kind="float", lo=-WEIGHT_BOUND, hi=WEIGHT_BOUND) from None
        return tuple(out)

    def fmt(self, value) -> str:
        return ",".join(format(float(v), ".6g") for v in value) if len(value) else SEEDED


class _Settings(Spec):
    """The page's settings table. Typed weights may be longer than the shell's 40-character URL cap,
    so their key is parsed here with its own cap (MAX_WEIGHTS_TEXT); every other key as usual."""

    def parse_query(self, query, allowed_extra=()):
        query = dict(query)
        raw = query.pop("w", None)
        values, rejected = super().parse_query(query, allowed_extra)
        if raw is None:
            return values, rejected
        raws = list(raw) if isinstance(raw, (list, tuple)) else [raw]
        shown = _short(raws[-1] if raws else "")
        if len(raws) != 1:
            rejected.append(Rejected("w", shown, "repeated", {"n": len(raws)}))
        elif len(raws[0]) > MAX_WEIGHTS_TEXT:
            rejected.append(Rejected("w", shown, "too_long", {"n": MAX_WEIGHTS_TEXT}))
        else:
            try:
                values["w"] = self.params["w"].parse(raws[0])
            except ValueError as e:
                rejected.append(Rejected("w", shown, getattr(e, "reason", "type"), getattr(e, "detail", {})))
        return values, rejected


SETTINGS = _Settings(
    Choice("sample", "x10", options=SAMPLES),
    Int("width", 2, lo=1, hi=3),
    Int("depth", 1, lo=1, hi=2),
    Choice("activation", "sigmoid", options=PAGE_ACTIVATIONS, widget="segmented"),
    Choice("loss", "mse", options=LOSSES, widget="radio"),
    Float("lr", 1.0, lo=0.01, hi=100.0, options=LEARNING_RATES, widget="select_slider"),
    Int("updates", 20, lo=1, hi=200),
    Bool("forget", False, widget="toggle"),  # forget optimizer.zero_grad()
    Int("step", 0, lo=0, hi=MAX_STEP),  # the forward/backward step the walk shows
    Choice("show", "n0", options=SHOWN),  # mini-batch: the graph shows all samples (n0) or sample n
    Int("follow", -1, lo=-1, hi=MAX_WEIGHTS - 1),  # the parameter the zero_grad view follows (-1: the last)
    Weights("w", ()),
    seed(),
)
assert MAX_RAW_LEN < MAX_WEIGHTS_TEXT  # why _Settings exists


# --- 1. every operation: its forward value and its local derivative, in one place ------------------
# An activation a = f(z): forward f, and ∂a/∂z written with z and a (the textbook forms).
def _sigmoid(z):
    with np.errstate(over="ignore"):  # e^{-z} may overflow to inf; 1/(1+inf) = 0 is the right limit
        return 1.0 / (1.0 + np.exp(-z))


def _erf(z):
    return np.vectorize(math.erf, otypes=[z.dtype])(z)


ACT_FORWARD = {
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

ACT_LOCAL = {  # ∂a/∂z
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

# The loss over N numbers (samples × outputs): forward per element (then averaged), and ∂L/∂a.
LOSS_FORWARD = {
    "mse": lambda a, y: (a - y) ** 2,
    # nn.BCELoss clamps each log at −100, so a saturated output costs at most 100
    "bce": lambda a, y: -(y * _clamped_log(a) + (1 - y) * _clamped_log(1 - a)),
}
LOSS_LOCAL = {  # ∂L/∂a for L = (1/N) Σ loss(a, y)
    "mse": lambda a, y, n: 2 * (a - y) / n,
    "bce": lambda a, y, n: (a - y) / np.maximum(a * (1 - a), BCE_EPS) / n,
}


def _clamped_log(v):
    with np.errstate(divide="ignore"):
        return np.maximum(np.log(v), -100.0)


# The weighted sum z = Σᵢ wᵢ·aᵢ + b has the simplest local derivatives of all:
#   ∂z/∂wᵢ = aᵢ,  ∂z/∂aᵢ = wᵢ,  ∂z/∂b = 1            (see _weighted_sum)


# --- 2. the graph: one node per scalar, holding one number per sample ---------------------------------
class _Value:
    """micrograd's ``Value``, vectorised over the samples of a mini-batch."""

    def __init__(self, data, id: str, kind: str, op: str = "", parents=(), local=()):
        self.data = data  # shape (B,) for per-sample values; () for parameters (shared by all samples)
        self.id, self.kind, self.op = id, kind, op
        self.parents = tuple(parents)
        self.local = tuple(local)  # ∂self/∂parent for each parent, recorded when self is computed
        self.grad = np.zeros_like(data)
        self.received: list[tuple[_Value, np.ndarray, np.ndarray]] = []  # (child, ∂L/∂child, ∂child/∂self)
        self.needs_grad = kind not in ("input", "target")


def _weighted_sum(weights: Sequence[_Value], inputs: Sequence[_Value], bias: _Value | None, id: str) -> _Value:
    z = sum((w.data * a.data for w, a in zip(weights, inputs)), start=0 * inputs[0].data)
    parents, local = [], []
    for w, a in zip(weights, inputs):
        parents += [w, a]
        local += [a.data, np.broadcast_to(w.data, a.data.shape)]  # ∂z/∂w = a, ∂z/∂a = w
    if bias is not None:
        z = z + bias.data
        parents.append(bias)
        local.append(np.ones_like(z))  # ∂z/∂b = 1
    return _Value(z, id, "z", "linear", parents, local)


def _activation(op: str, z: _Value, id: str, arg=None) -> _Value:
    extra = () if arg is None else (arg,)
    a = ACT_FORWARD[op](z.data, *extra).astype(z.data.dtype)
    return _Value(a, id, "a", op, [z], [ACT_LOCAL[op](z.data, a, *extra)])


def _loss(op: str, outputs: Sequence[_Value], targets: Sequence[np.ndarray]) -> _Value:
    n = sum(o.data.size for o in outputs)  # N = samples × outputs, as nn.MSELoss / nn.BCELoss average
    total = sum(LOSS_FORWARD[op](o.data, y).sum() for o, y in zip(outputs, targets))
    local = [LOSS_LOCAL[op](o.data, y, n) for o, y in zip(outputs, targets)]
    return _Value(np.asarray(total / n, dtype=outputs[0].data.dtype), "L", "loss", op, outputs, local)


# --- 3. the chain rule, as one loop ---------------------------------------------------------------------
def _backprop(order: Sequence[_Value]) -> None:
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


# --- the model, walked into nodes --------------------------------------------------------------------------
_ACT_MODULES = {
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


def _act_of(module: nn.Module) -> tuple[str, object]:
    """(op name, its parameter) for a supported activation module; ValueError otherwise."""
    op = _ACT_MODULES.get(type(module))
    if op is None:
        raise ValueError(
            f"trace supports nn.Linear and the activations {sorted(set(_ACT_MODULES.values()))}; "
            f"got {type(module).__name__}"
        )
    if op == "leaky_relu":
        return op, float(module.negative_slope)
    if op == "elu":
        return op, float(module.alpha)
    if op == "softplus":
        return op, (float(module.beta), float(module.threshold))
    if op == "gelu":
        if module.approximate != "none":
            raise ValueError("trace supports nn.GELU(approximate='none') only")
        return op, None
    return op, None


def _sup(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))


def _sub(*ns: int) -> str:
    if any(n > 9 for n in ns):
        return "[" + ",".join(map(str, ns)) + "]"
    return "".join(str(n) for n in ns).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


@dataclass(frozen=True)
class Node:
    """One scalar of the computational graph (its value per sample, and ∂L/∂it)."""

    id: str  # "x1", "w1_2_1", "b1_2", "z1_2", "a1_2", "y1", "L" — safe in DOT
    kind: str  # input | target | weight | bias | z | a | loss
    tex: str  # LaTeX symbol, e.g. "w^{(1)}_{21}"
    label: str  # plain-text symbol, e.g. "w¹₂₁"
    layer: int  # 0 for inputs; l for layer l's parameters, z and a; the last layer + 1 for the loss
    unit: int  # 1-based unit (row j of a weight)
    col: int  # 1-based input (column i of a weight); 0 otherwise
    op: str  # "linear", an activation name, "mse"/"bce"; "" for leaves
    module: int  # index of the nn.Sequential module that computes it (-1 for leaves and the loss)
    parents: tuple[str, ...]
    data: tuple[float, ...]  # one value per sample (one value for parameters and the loss)
    grad: tuple[float, ...] | None  # ∂L/∂node (None for inputs and targets)
    param: str = ""  # its tensor's name in model.named_parameters()
    index: tuple[int, ...] = ()  # its index in that tensor


@dataclass(frozen=True)
class Step:
    """One step of the walk: a value computed going forward, or a gradient going backward."""

    phase: str  # "forward" | "backward"
    nodes: tuple[str, ...]  # node(s) computed at this step
    uses: tuple[str, ...]  # nodes whose value or gradient it reads
    name: str  # LaTeX of what is computed: "z^{(1)}_{1}" or "\frac{\partial L}{\partial z^{(1)}_{1}}"
    formula: str  # LaTeX: definition = numbers substituted = value
    value: tuple[float, ...]  # the result (per sample, or one number)
    kind: str  # what happens: input | linear | activation | loss | seed | loss_grad | act_grad | sum_grad | param_grad
    # Backward only: the value is Σ_terms Π_factors (elementwise over samples), summed over the
    # samples if ``reduce`` — the chain rule's upstream × local, each factor one number per sample.
    terms: tuple[tuple[tuple[float, ...], ...], ...] = ()
    reduce: bool = False
    # Parameters only: the chain rule written out along every path from L (factors per path), and as LaTeX.
    paths: tuple[tuple[tuple[float, ...], ...], ...] | None = None
    chain: str = ""


@dataclass(frozen=True)
class GradFn:
    """One node of the graph autograd recorded, from the loss back to the first layer."""

    name: str  # e.g. "AddmmBackward0"
    module: int  # the nn.Sequential index it belongs to (-1: the loss)
    nodes: tuple[str, ...]  # our nodes it computes (all units of a layer at once)
    params: tuple[str, ...]  # parameters feeding it (through AccumulateGrad)


@dataclass(frozen=True)
class Trace:
    """Every number of one forward and backward pass, by hand and by autograd."""

    nodes: tuple[Node, ...]
    forward: tuple[Step, ...]
    backward: tuple[Step, ...]
    loss_fn: str
    loss: float  # by hand
    autograd_loss: float
    output: tuple[tuple[float, ...], ...]  # the model's output by hand, per sample
    manual_grads: dict[str, torch.Tensor]
    autograd_grads: dict[str, torch.Tensor]
    grad_fns: tuple[GradFn, ...]
    modules: tuple[str, ...]  # the model's modules, e.g. ("Linear(2, 2)", "Sigmoid()", …)
    batch: int
    dtype: str
    node_map: dict[str, Node] = field(repr=False, compare=False, default_factory=dict)

    def __post_init__(self):
        object.__setattr__(self, "node_map", {n.id: n for n in self.nodes})

    @property
    def steps(self) -> tuple[Step, ...]:
        """The whole walk: forward steps, then backward steps."""
        return self.forward + self.backward

    @property
    def grad_fn_names(self) -> tuple[str, ...]:
        """The ``grad_fn`` chain PyTorch recorded, from the loss back to the first layer."""
        return tuple(g.name for g in self.grad_fns)

    def node(self, node_id: str) -> Node:
        return self.node_map[node_id]

    def comparison(self) -> pd.DataFrame:
        """Every parameter: its gradient by hand, by autograd, and their difference."""
        rows = []
        for n in self.nodes:
            if not n.param:
                continue
            manual = float(self.manual_grads[n.param][n.index])
            auto = float(self.autograd_grads[n.param][n.index])
            rows.append(
                {
                    "symbol": n.label,
                    "parameter": f"{n.param}[{', '.join(map(str, n.index))}]",
                    "value": n.data[0],
                    "manual": manual + 0.0,  # no "-0" in the table
                    "autograd": auto + 0.0,
                    "abs_diff": abs(manual - auto),
                }
            )
        return pd.DataFrame(rows)

    @property
    def max_abs_diff(self) -> float:
        """The largest |hand-made − autograd| over all parameters."""
        return max(float((self.manual_grads[k] - self.autograd_grads[k]).abs().max()) for k in self.manual_grads)

    def nodes_frame(self) -> pd.DataFrame:
        """Every node's value and gradient (sample s as ``value_s``/``grad_s`` columns in a batch)."""
        rows = []
        for n in self.nodes:
            row = {
                "node": n.label,
                "kind": n.kind,
                "parameter": n.param and f"{n.param}[{', '.join(map(str, n.index))}]",
            }
            for s, v in enumerate(n.data, 1):
                row["value" if len(n.data) == 1 else f"value_{s}"] = v
            if n.grad is not None:
                for s, g in enumerate(n.grad, 1):
                    row["grad" if len(n.grad) == 1 else f"grad_{s}"] = g
            rows.append(row)
        return pd.DataFrame(rows)

    def steps_frame(self) -> pd.DataFrame:
        """The walk as a table: step, phase, what is computed (LaTeX), value."""
        return pd.DataFrame(
            [
                {
                    "step": i,
                    "phase": s.phase,
                    "kind": s.kind,
                    "name": s.name,
                    "value": ", ".join(_plain(v) for v in s.value),
                }
                for i, s in enumerate(self.steps)
            ]
        )


def _plain(v: float) -> str:
    return format(v, ".6g")


# --- LaTeX with the numbers in -----------------------------------------------------------------------------
def _num(v: float) -> str:
    """A number for a formula: 4 significant digits, powers of ten written out."""
    if v == 0:
        return "0"
    s = format(float(v), ".4g")
    if "e" in s:
        mant, exp = s.split("e")
        return rf"{mant}\times 10^{{{int(exp)}}}"
    return s


def _val(values, paren: bool = True) -> str:
    """One value, or a vector of per-sample values in brackets."""
    values = np.atleast_1d(np.asarray(values, dtype=float))
    if values.size == 1:
        s = _num(values[0])
        return f"({s})" if paren else s
    return r"\left[" + r",\ ".join(_num(v) for v in values) + r"\right]"


def _sv(values) -> str:
    """A value inside a sum or difference: parenthesised only when negative (or a vector)."""
    values = np.atleast_1d(np.asarray(values, dtype=float))
    return _val(values, paren=values.size == 1 and values[0] < 0)


def _d(top: str, bottom: str) -> str:
    return rf"\frac{{\partial {top}}}{{\partial {bottom}}}"


_ACT_TEX = {  # a = f(z): the definition, with %(z)s for z
    "sigmoid": r"\sigma(%(z)s)",
    "tanh": r"\tanh(%(z)s)",
    "relu": r"\max(0,\ %(z)s)",
    "leaky_relu": r"\max(%(s)s\,%(z)s,\ %(z)s)",
    "elu": r"\mathrm{ELU}(%(z)s)",
    "gelu": r"\mathrm{GELU}(%(z)s)",
    "silu": r"%(z)s\,\sigma(%(z)s)",
    "softplus": r"\ln(1+e^{%(z)s})",
    "linear": r"%(z)s",
}
_ACT_LOCAL_TEX = {  # ∂a/∂z, with %(z)s and %(a)s
    "sigmoid": r"%(a)s\left(1-%(a2)s\right)",
    "tanh": r"1-\left(%(a)s\right)^2",
    "relu": r"\mathbb{1}[%(z)s>0]",
    "leaky_relu": r"\begin{cases}1 & %(z)s>0\\ %(s)s & %(z)s\le 0\end{cases}",
    "elu": r"\begin{cases}1 & %(z)s>0\\ %(a)s+%(s)s & %(z)s\le 0\end{cases}",
    "gelu": r"\Phi(%(z)s)+%(z)s\,\varphi(%(z)s)",
    "silu": r"\sigma(%(z)s)\left(1+%(z)s\left(1-\sigma(%(z)s)\right)\right)",
    "softplus": r"\sigma(%(z)s)",
    "linear": "1",
}
_LOSS_TEX = {"mse": r"\left(%(a)s-%(y)s\right)^2", "bce": r"%(y)s\,\ln %(a)s+(1-%(y)s)\ln(1-%(a)s)"}
_LOSS_SIGN = {"mse": "", "bce": "-"}  # BCE: L = −(1/N) Σ [y ln a + (1 − y) ln(1 − a)]
_LOSS_LOCAL_TEX = {
    "mse": r"\frac{2}{%(n)s}\left(%(a)s-%(y)s\right)",
    "bce": r"\frac{1}{%(n)s}\,\frac{%(a)s-%(y)s}{%(a)s(1-%(a)s)}",
}


def _fmt_arg(arg) -> str:
    if arg is None:
        return ""
    if isinstance(arg, tuple):
        return _num(arg[0])
    return _num(arg)


# --- trace -------------------------------------------------------------------------------------------------
def _as_batch(x, y, dtype) -> tuple[torch.Tensor, torch.Tensor]:
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


def trace(model: nn.Sequential, x, y, loss: str = "mse", dtype: torch.dtype = torch.float64) -> Trace:
    """Forward and backward through ``model`` on ``x`` (one sample or a mini-batch) against ``y``.

    ``model`` is an ``nn.Sequential`` of ``nn.Linear`` and activations (sigmoid, tanh, relu, leaky_relu,
    elu, gelu, silu, softplus, identity); ``loss`` is ``"mse"`` (nn.MSELoss) or ``"bce"`` (nn.BCELoss,
    outputs must lie in (0, 1)). Both the hand computation and autograd run in ``dtype`` (float64 by
    default, so that they agree to ~1e-12; pass torch.float32 to see single-precision rounding) —
    autograd on a deep copy of ``model`` converted to ``dtype``. ``model`` itself is not changed.
    """
    SETTINGS.check(loss=loss)
    if not isinstance(model, nn.Sequential):
        raise ValueError(f"model must be an nn.Sequential, got {type(model).__name__}")
    if dtype not in (torch.float32, torch.float64):
        raise ValueError(f"dtype must be torch.float32 or torch.float64, got {dtype}")
    n_params = sum(p.numel() for p in model.parameters())
    if n_params > MAX_TRACE_PARAMS:
        raise ValueError(f"model has {n_params} parameters; trace draws each one, at most {MAX_TRACE_PARAMS}")
    x, y = _as_batch(x, y, dtype)
    np_dtype = np.float64 if dtype == torch.float64 else np.float32
    X, Y = x.numpy().astype(np_dtype), y.numpy().astype(np_dtype)
    B = len(X)

    # Build the graph, module by module (this is the forward pass).
    order: list[_Value] = []
    info: dict[str, dict] = {}  # id → symbol and bookkeeping for the Node records
    groups: list[list[_Value]] = []  # values made together, in order (for the backward walk's order)
    inputs = [_Value(X[:, i].copy(), f"x{i + 1}", "input") for i in range(X.shape[1])]
    for i, v in enumerate(inputs, 1):
        info[v.id] = dict(tex=f"x_{{{i}}}", label=f"x{_sub(i)}", layer=0, unit=i, col=0, module=-1)
    order += inputs
    groups.append(inputs)
    current, layer, prev_linear = inputs, 0, False
    names = dict(model.named_parameters())
    name_of = {id(p): n for n, p in names.items()}
    modules = list(model)
    if not modules or not any(isinstance(m, nn.Linear) for m in modules):
        raise ValueError("model must contain at least one nn.Linear")
    for mi, module in enumerate(modules):
        if isinstance(module, nn.Linear):
            if module.in_features != len(current):
                raise ValueError(f"module {mi} expects {module.in_features} inputs, gets {len(current)}")
            layer += 1
            W = module.weight.detach().to(dtype).numpy().astype(np_dtype)
            bvec = module.bias.detach().to(dtype).numpy().astype(np_dtype) if module.bias is not None else None
            wname, bname = name_of[id(module.weight)], (name_of[id(module.bias)] if module.bias is not None else "")
            single = module.out_features == 1
            params, zs = [], []
            for j in range(module.out_features):
                ws = []
                for i in range(module.in_features):
                    w = _Value(np.asarray(W[j, i]), f"w{layer}_{j + 1}_{i + 1}", "weight")
                    info[w.id] = dict(
                        tex=f"w^{{({layer})}}_{{{j + 1}{i + 1}}}"
                        if max(j, i) < 9
                        else f"w^{{({layer})}}_{{{j + 1},{i + 1}}}",
                        label=f"w{_sup(layer)}{_sub(j + 1, i + 1)}",
                        layer=layer,
                        unit=j + 1,
                        col=i + 1,
                        module=-1,
                        param=wname,
                        index=(j, i),
                    )
                    ws.append(w)
                b = None
                if bvec is not None:
                    b = _Value(np.asarray(bvec[j]), f"b{layer}_{j + 1}", "bias")
                    info[b.id] = dict(
                        tex=f"b^{{({layer})}}" + ("" if single else f"_{{{j + 1}}}"),
                        label=f"b{_sup(layer)}" + ("" if single else _sub(j + 1)),
                        layer=layer,
                        unit=j + 1,
                        col=0,
                        module=-1,
                        param=bname,
                        index=(j,),
                    )
                params += ws + ([b] if b is not None else [])
                z = _weighted_sum(ws, current, b, f"z{layer}_{j + 1}")
                info[z.id] = dict(
                    tex=f"z^{{({layer})}}" + ("" if single else f"_{{{j + 1}}}"),
                    label=f"z{_sup(layer)}" + ("" if single else _sub(j + 1)),
                    layer=layer,
                    unit=j + 1,
                    col=0,
                    module=mi,
                )
                zs.append(z)
            order += params + zs
            groups += [params, zs]
            current, prev_linear = zs, True
        else:
            op, arg = _act_of(module)
            if not prev_linear:
                raise ValueError(f"module {mi} ({type(module).__name__}) must follow an nn.Linear")
            acts = []
            for z in current:
                j = info[z.id]["unit"]
                a = _activation(op, z, f"a{layer}_{j}", arg)
                single = len(current) == 1
                info[a.id] = dict(
                    tex=f"a^{{({layer})}}" + ("" if single else f"_{{{j}}}"),
                    label=f"a{_sup(layer)}" + ("" if single else _sub(j)),
                    layer=layer,
                    unit=j,
                    col=0,
                    module=mi,
                    arg=arg,
                )
                acts.append(a)
            order += acts
            groups.append(acts)
            current, prev_linear = acts, False
    if Y.shape[1] != len(current):
        raise ValueError(f"y has {Y.shape[1]} outputs per sample, the model {len(current)}")
    if loss == "bce":
        outs = np.stack([o.data for o in current])
        if (outs < 0).any() or (outs > 1).any() or (Y < 0).any() or (Y > 1).any():
            raise ValueError("loss='bce' needs outputs and targets in [0, 1] (end the model with nn.Sigmoid)")
    targets = [_Value(Y[:, k].copy(), f"y{k + 1}", "target") for k in range(Y.shape[1])]
    single_out = len(targets) == 1
    for k, t in enumerate(targets, 1):
        info[t.id] = dict(
            tex="y" if single_out else f"y_{{{k}}}",
            label="y" if single_out else f"y{_sub(k)}",
            layer=layer + 1,
            unit=k,
            col=0,
            module=-1,
        )
    L = _loss(loss, current, [t.data for t in targets])
    L.parents = tuple(current) + tuple(targets)
    L.local = L.local + tuple(np.zeros_like(t.data) for t in targets)  # targets get no gradient
    info["L"] = dict(tex="L", label="L", layer=layer + 1, unit=1, col=0, module=-1)
    order += targets + [L]
    groups += [targets, [L]]

    _backprop(order)  # the chain rule

    # Hand-made gradients, shaped like the parameters.
    manual = {n: torch.zeros_like(p.detach(), dtype=dtype) for n, p in names.items()}
    for v in order:
        if v.kind in ("weight", "bias"):
            manual[info[v.id]["param"]][info[v.id]["index"]] = float(v.grad)

    autograd_grads, autograd_loss, grad_fns = _autograd(model, x, y, loss, dtype, info, order)

    nodes = tuple(_node_record(v, info[v.id]) for v in order)
    by_id = {v.id: v for v in order}
    tex = {k: d["tex"] for k, d in info.items()}
    forward = _forward_steps(groups, info, tex, loss, B)
    backward = _backward_steps(groups, info, tex, by_id, loss, B)
    return Trace(
        nodes=nodes,
        forward=forward,
        backward=backward,
        loss_fn=loss,
        loss=float(L.data),
        autograd_loss=autograd_loss,
        output=tuple(tuple(float(o.data[s]) for o in current) for s in range(B)),
        manual_grads=manual,
        autograd_grads=autograd_grads,
        grad_fns=grad_fns,
        modules=tuple(_short_module(m) for m in modules),
        batch=B,
        dtype=str(dtype).replace("torch.", ""),
    )


def _short_module(m: nn.Module) -> str:
    if isinstance(m, nn.Linear):
        return f"Linear({m.in_features}, {m.out_features}" + ("" if m.bias is not None else ", bias=False") + ")"
    return f"{type(m).__name__}()"


def _node_record(v: _Value, d: dict) -> Node:
    data = tuple(float(t) for t in np.atleast_1d(v.data))
    grad = tuple(float(t) for t in np.atleast_1d(v.grad)) if v.needs_grad else None
    return Node(
        id=v.id,
        kind=v.kind,
        tex=d["tex"],
        label=d["label"],
        layer=d["layer"],
        unit=d["unit"],
        col=d["col"],
        op=v.op,
        module=d["module"],
        parents=tuple(p.id for p in v.parents),
        data=data,
        grad=grad,
        param=d.get("param", ""),
        index=d.get("index", ()),
    )


def _criterion(loss: str) -> nn.Module:
    return nn.MSELoss() if loss == "mse" else nn.BCELoss()


def _autograd(model, x, y, loss, dtype, info, order):
    """``loss.backward()`` on a deep copy of the model: param.grad, the loss and the grad_fn chain."""
    twin = copy.deepcopy(model).to(dtype)
    twin.zero_grad(set_to_none=True)
    out = twin(x)
    L = _criterion(loss)(out, y)
    L.backward()
    grads = {
        n: (p.grad.detach().clone() if p.grad is not None else torch.zeros_like(p.detach()))
        for n, p in twin.named_parameters()
    }
    name_of = {id(p): n for n, p in twin.named_parameters()}
    return grads, float(L.detach()), _grad_fn_chain(L, twin, name_of, info, order)


def _grad_fn_chain(L, model, name_of, info, order) -> tuple[GradFn, ...]:
    """Follow ``loss.grad_fn`` back along the data path, naming each node and the parameters feeding it."""

    def leaves(fn) -> list[str]:
        found = []
        for nxt, _ in fn.next_functions:
            if nxt is None:
                continue
            if type(nxt).__name__ == "AccumulateGrad":
                found.append(name_of.get(id(nxt.variable), "?"))
            elif nxt.name() in ("TBackward0", "PermuteBackward0"):  # weight.t() on its way into addmm
                found += leaves(nxt)
        return found

    def data_parent(fn):
        for nxt, _ in fn.next_functions:
            if (
                nxt is None
                or type(nxt).__name__ == "AccumulateGrad"
                or nxt.name() in ("TBackward0", "PermuteBackward0")
            ):
                continue
            return nxt
        return None

    # Modules that record a node (nn.Identity passes its input through and records none), last first.
    recording = [mi for mi, m in reversed(list(enumerate(model))) if not isinstance(m, nn.Identity)]
    by_module: dict[int, list[str]] = {}
    for v in order:
        mi = info[v.id]["module"]
        if mi >= 0:
            by_module.setdefault(mi, []).append(v.id)
    chain, fn, k = [], L.grad_fn, -1
    while fn is not None:
        mi = -1 if k < 0 else (recording[k] if k < len(recording) else -2)
        nodes = ("L",) if mi == -1 else tuple(by_module.get(mi, ()))
        chain.append(GradFn(fn.name(), mi, nodes, tuple(sorted(leaves(fn)))))
        fn, k = data_parent(fn), k + 1
    return tuple(chain)


# --- the walk's steps, with their formulas --------------------------------------------------------------------
def _forward_steps(groups, info, tex, loss, B) -> tuple[Step, ...]:
    steps = []
    inputs, targets = groups[0], groups[-2]
    xs = ",\\ ".join(_val(v.data, paren=False) for v in inputs)
    ys = ",\\ ".join(_val(t.data, paren=False) for t in targets)
    x_tex = ", ".join(tex[v.id] for v in inputs)
    y_tex = ", ".join(tex[t.id] for t in targets)
    steps.append(
        Step(
            "forward",
            tuple(v.id for v in inputs + targets),
            (),
            r"x,\ y",
            rf"({x_tex}) = ({xs}),\quad {y_tex} = {ys}",
            tuple(float(t) for v in inputs for t in v.data),
            "input",
        )
    )
    for group in groups[1:-2]:
        for v in group:
            if v.kind == "z":
                steps.append(_forward_linear(v, tex))
            elif v.kind == "a":
                steps.append(_forward_act(v, tex, info))
    Lv = groups[-1][0]
    steps.append(_forward_loss(Lv, tex, loss))
    return tuple(steps)


def _forward_linear(z: _Value, tex) -> Step:
    pairs = [(z.parents[i], z.parents[i + 1]) for i in range(0, len(z.parents) - 1, 2)]
    bias = z.parents[-1] if len(z.parents) % 2 else None
    sym = " + ".join(rf"{tex[w.id]}\,{tex[a.id]}" for w, a in pairs)
    nums = " + ".join(rf"{_val(w.data)}{_val(a.data)}" for w, a in pairs)
    if bias is not None:
        sym += f" + {tex[bias.id]}"
        nums += f" + {_val(bias.data)}"
    formula = rf"{tex[z.id]} = {sym} = {nums} = {_val(z.data, paren=False)}"
    return Step("forward", (z.id,), tuple(p.id for p in z.parents), tex[z.id], formula, _tuple(z.data), "linear")


def _forward_act(a: _Value, tex, info) -> Step:
    z = a.parents[0]
    arg = _fmt_arg(info[a.id].get("arg"))
    sym = _ACT_TEX[a.op] % {"z": tex[z.id], "s": arg}
    num = _ACT_TEX[a.op] % {"z": _val(z.data, paren=False), "s": arg}
    if a.op == "sigmoid" and z.data.size == 1:
        num = r"\frac{1}{1+e^{-%s}}" % _sv(z.data)  # σ(z) = 1/(1 + e^{−z}) with z in
    formula = rf"{tex[a.id]} = {sym} = {num} = {_val(a.data, paren=False)}"
    return Step("forward", (a.id,), (z.id,), tex[a.id], formula, _tuple(a.data), "activation")


def _forward_loss(L: _Value, tex, loss) -> Step:
    outs = [p for p in L.parents if p.kind != "target"]
    tgts = [p for p in L.parents if p.kind == "target"]
    n = sum(o.data.size for o in outs)
    sym_terms = [_LOSS_TEX[loss] % {"a": tex[o.id], "y": tex[t.id]} for o, t in zip(outs, tgts)]
    num_terms = []
    for o, t in zip(outs, tgts):
        for s in range(o.data.size):
            num_terms.append(_LOSS_TEX[loss] % {"a": _sv(o.data[s]), "y": _sv(t.data[s])})
    if len(num_terms) > 8:
        num_terms = num_terms[:3] + [r"\cdots"] + num_terms[-1:]
    sign = _LOSS_SIGN[loss]
    if n == 1:
        sym, num = sym_terms[0], num_terms[0]
        if sign:
            sym, num = rf"{sign}\left[{sym}\right]", rf"{sign}\left[{num}\right]"
    else:
        sum_over = r"\sum_{n}" if len(outs) == 1 else r"\sum_{n,k}"
        inner = sym_terms[0] if len(outs) == 1 else r"\ell_{n,k}"
        sym = rf"{sign}\frac{{1}}{{{n}}}{sum_over}" + (rf"\left[{inner}\right]" if sign else inner)
        num = (
            rf"{sign}\frac{{1}}{{{n}}}\left("
            + " + ".join(rf"\left[{t}\right]" if sign else t for t in num_terms)
            + r"\right)"
        )
    formula = rf"L = {sym} = {num} = {_num(float(L.data))}"
    return Step("forward", ("L",), tuple(p.id for p in L.parents), "L", formula, (float(L.data),), "loss")


def _tuple(a) -> tuple[float, ...]:
    return tuple(float(t) for t in np.atleast_1d(a))


def _local_tex(child: _Value, parent: _Value, tex, info, n_loss: int) -> str:
    """∂child/∂parent written with symbols (the local derivative's textbook form)."""
    if child.op == "linear":
        i = child.parents.index(parent)
        if parent.kind == "bias":
            return "1"
        return tex[child.parents[i + 1].id] if parent.kind == "weight" else tex[child.parents[i - 1].id]
    if child.kind == "a":
        return _ACT_LOCAL_TEX[child.op] % {
            "z": tex[parent.id],
            "a": tex[child.id],
            "a2": tex[child.id],
            "s": _fmt_arg(info[child.id].get("arg")),
        }
    # the loss: ∂L/∂a
    k = child.parents.index(parent)
    target = [p for p in child.parents if p.kind == "target"][k]
    if n_loss == 1 and child.op == "mse":
        return rf"2\left({tex[parent.id]}-{tex[target.id]}\right)"
    if n_loss == 1 and child.op == "bce":
        return rf"\frac{{{tex[parent.id]}-{tex[target.id]}}}{{{tex[parent.id]}(1-{tex[parent.id]})}}"
    return _LOSS_LOCAL_TEX[child.op] % {"a": tex[parent.id], "y": tex[target.id], "n": n_loss}


def _backward_steps(groups, info, tex, by_id, loss, B) -> tuple[Step, ...]:
    Lv = groups[-1][0]
    n_loss = sum(p.data.size for p in Lv.parents if p.kind != "target")
    steps = [Step("backward", ("L",), (), _d("L", "L"), rf"{_d('L', 'L')} = 1", (1.0,), "seed", terms=(((1.0,),),))]
    for group in reversed(groups[1:-2]):
        for v in group:
            steps.append(_backward_step(v, tex, info, n_loss, loss, B))
    return tuple(steps)


def _backward_step(v: _Value, tex, info, n_loss, loss, B) -> Step:
    name = _d("L", tex[v.id])
    is_param = v.kind in ("weight", "bias")
    # upstream gradient and local derivative, both one number per sample (∂L/∂L = 1 is one for all)
    received = [(c, *np.broadcast_arrays(np.asarray(g), np.asarray(loc))) for c, g, loc in v.received]
    terms = tuple((_tuple(g), _tuple(loc)) for _, g, loc in received)
    uses = tuple(dict.fromkeys(c.id for c, _, _ in v.received))
    value = _tuple(v.grad)
    children = [c for c, _, _ in v.received]

    # 1. The chain rule as backprop applies it: upstream gradient (already computed) × local derivative.
    if len(children) == 1 and children[0].kind == "loss":
        kind = "loss_grad"
        c, g, loc = v.received[0]
        local_sym = _local_tex(c, v, tex, info, n_loss)
        # ∂L/∂L = 1: the first factor is left out
        nums = _loss_local_numbers(c, v, tex, n_loss, loss)
        formula = rf"{name} = {local_sym} = {nums} = {_val(v.grad, paren=False)}"
    else:
        kind = "param_grad" if is_param else ("act_grad" if children[0].kind == "a" else "sum_grad")
        joiner = r"\odot" if B > 1 and not is_param else r"\cdot"
        generic = " + ".join(rf"{_d('L', tex[c.id])}\,{_d(tex[c.id], tex[v.id])}" for c in children)
        with_local = " + ".join(
            rf"{_d('L', tex[c.id])}\cdot {_paren(_local_tex(c, v, tex, info, n_loss))}" for c in children
        )
        num_parts = []
        for c, g, loc in received:
            if is_param and B > 1:  # shared by the samples: one product per sample, added up
                num_parts += [_val(g[s]) if v.kind == "bias" else f"{_val(g[s])}{_val(loc[s])}" for s in range(B)]
                continue
            local_num, join = _val(loc), joiner
            if c.op == "linear" and B > 1:  # ∂z/∂a = w: one weight shared by all samples
                local_num, join = _val(loc[0]), r"\cdot"
            if c.kind == "a" and c.op in ("sigmoid", "tanh") and B == 1:
                # show where σ′ or tanh′ comes from: a(1 − a) with a's value in it
                a_num = float(c.data[0])
                inner = _ACT_LOCAL_TEX[c.op] % {
                    "a": _val(a_num) if c.op == "sigmoid" else _num(a_num),
                    "a2": _sv(a_num),
                    "z": _sv(v.data),
                    "s": "",
                }
                local_num = rf"\underbrace{{{inner}}}_{{{_num(float(loc[0]))}}}"
            num_parts.append(rf"{_val(g)}{join}{local_num}")
        if len(num_parts) > 12:
            num_parts = num_parts[:4] + [r"\cdots"] + num_parts[-2:]
        if is_param and B > 1:
            generic = r"\sum_{n}" + generic
            with_local = r"\sum_{n}" + with_local
        nums = " + ".join(num_parts)
        parts = [name, generic, with_local, nums, _val(v.grad, paren=False)]
        formula = (
            r"\begin{aligned}"
            + rf"{parts[0]} &= {parts[1]}\\ &= {parts[2]}\\ &= "
            + r"\\ &= ".join(parts[3:])
            + r"\end{aligned}"
        )
        if kind == "act_grad" and children[0].op == "sigmoid" and loss == "bce" and _feeds_loss(children[0]):
            # BCE after a sigmoid: (a − y)/(a(1 − a)) · a(1 − a) = a − y, the famous simplification
            a = children[0]
            Lv = a.received[0][0]
            y = [p for p in Lv.parents if p.kind == "target"][Lv.parents.index(a)]
            n = n_loss
            simple = rf"\frac{{1}}{{{n}}}\left({tex[a.id]}-{tex[y.id]}\right)" if n > 1 else rf"{tex[a.id]}-{tex[y.id]}"
            formula = formula.replace(r"\end{aligned}", rf"\\ &= {simple} = {_val(v.grad, paren=False)}\end{{aligned}}")
    paths, chain = (None, "")
    if is_param:
        paths, chain = _paths(v, tex, n_loss, B)
    return Step(
        "backward", (v.id,), uses, name, formula, value, kind, terms=terms, reduce=is_param, paths=paths, chain=chain
    )


def _paren(s: str) -> str:
    needs = any(ch in s for ch in "+-") or r"\begin" in s
    return rf"\left({s}\right)" if needs else s


def _feeds_loss(a: _Value) -> bool:
    return len(a.received) == 1 and a.received[0][0].kind == "loss"


def _loss_local_numbers(Lv: _Value, a: _Value, tex, n_loss, loss) -> str:
    k = Lv.parents.index(a)
    y = [p for p in Lv.parents if p.kind == "target"][k]
    av, yv = _sv(a.data), _sv(y.data)
    if loss == "mse":
        return rf"2\left({av}-{yv}\right)" if n_loss == 1 else rf"\frac{{2}}{{{n_loss}}}\left({av}-{yv}\right)"
    frac = rf"\frac{{{av}-{yv}}}{{{_val(a.data)}\left(1-{av}\right)}}"
    return frac if n_loss == 1 else rf"\frac{{1}}{{{n_loss}}}\,{frac}"


def _paths(v: _Value, tex, n_loss, B):
    """Every path from the loss down to ``v``: its local derivatives (the chain rule written out)."""
    found: list[list[tuple[_Value, _Value, np.ndarray]]] = []

    def walk(node: _Value, suffix: list) -> bool:
        for child, _, local in node.received:
            step = (child, node, np.broadcast_to(local, (B,)))
            if child.kind == "loss":
                found.append([step] + suffix)
            elif not walk(child, [step] + suffix):
                return False
            if len(found) > MAX_PATHS:
                return False
        return True

    if not walk(v, []):
        return None, ""
    paths = tuple(tuple(_tuple(local) for _, _, local in path) for path in found)
    syms = [r"\,".join(_d(tex[c.id], tex[p.id]) for c, p, _ in path) for path in found]
    value = sum(float(np.prod([np.asarray(f) for f in p], axis=0).sum()) for p in paths)
    lhs = _d("L", tex[v.id])
    if B > 1:
        sym = " + ".join(syms)
        chain = rf"{lhs} = \sum_{{n}}\left({sym}\right)_n = {_num(value)}"
        return paths, chain
    nums = ["".join(_val(f[0]) for f in p) for p in paths]
    if len(found) == 1:
        chain = rf"{lhs} = {syms[0]} = {nums[0]} = {_num(value)}"
    else:  # one path per line: the products add up
        body = r"\\ &\quad + ".join(syms) + r"\\ &= " + r"\\ &\quad + ".join(nums)
        chain = r"\begin{aligned}" + rf"{lhs} &= {body}\\ &= {_num(value)}" + r"\end{aligned}"
    return paths, chain


# --- the maths the page's "Why" shows (language-neutral LaTeX) ------------------------------------------------
WHY_LATEX = {
    "chain": r"\frac{\partial L}{\partial w^{(1)}_{11}} = \frac{\partial L}{\partial a^{(2)}}\,"
    r"\frac{\partial a^{(2)}}{\partial z^{(2)}}\,\frac{\partial z^{(2)}}{\partial a^{(1)}_{1}}\,"
    r"\frac{\partial a^{(1)}_{1}}{\partial z^{(1)}_{1}}\,\frac{\partial z^{(1)}_{1}}{\partial w^{(1)}_{11}}",
    "local": r"\begin{array}{ll}"
    r"z = \textstyle\sum_i w_i a_i + b & \qquad \dfrac{\partial z}{\partial w_i} = a_i, \quad "
    r"\dfrac{\partial z}{\partial a_i} = w_i, \quad \dfrac{\partial z}{\partial b} = 1\\[1.2em]"
    r"\sigma(z) = \dfrac{1}{1+e^{-z}} & \qquad \sigma'(z) = \sigma(z)\,\bigl(1-\sigma(z)\bigr)\\[1.2em]"
    r"\tanh(z) & \qquad \tanh'(z) = 1-\tanh^2(z)\\[1em]"
    r"\mathrm{ReLU}(z) = \max(0, z) & \qquad \mathrm{ReLU}'(z) = \begin{cases}1 & z>0\\ 0 & z\le 0\end{cases}"
    r"\\[1.4em]"
    r"\mathrm{MSE} = \dfrac{1}{N}\sum_n (a_n-y_n)^2 & \qquad \dfrac{\partial L}{\partial a_n} = \dfrac{2}{N}(a_n-y_n)"
    r"\\[1.4em]"
    r"\mathrm{BCE} = -\dfrac{1}{N}\sum_n \bigl[y_n\ln a_n+(1-y_n)\ln(1-a_n)\bigr] & \qquad "
    r"\dfrac{\partial L}{\partial a_n} = \dfrac{1}{N}\,\dfrac{a_n-y_n}{a_n(1-a_n)}"
    r"\end{array}",
    "bce": r"\frac{\partial L}{\partial z_n} = \frac{1}{N}\,\frac{a_n-y_n}{a_n(1-a_n)}\cdot a_n(1-a_n) "
    r"= \frac{1}{N}\,(a_n-y_n)",
    "batch": r"\frac{\partial L}{\partial w} = \sum_{n=1}^{N} \frac{\partial L}{\partial z_n}\,"
    r"\frac{\partial z_n}{\partial w}",
}


# --- the page's nets -----------------------------------------------------------------------------------------
def sample(name: str = "x10") -> tuple[torch.Tensor, torch.Tensor]:
    """An XOR input and target by name (``"x10"``: x = (1, 0), y = 1), or ``"batch"`` for all four rows."""
    SETTINGS.check(sample=name)
    X, y = logic_gate("xor")
    if name == "batch":
        return X, y
    row = ("x00", "x01", "x10", "x11").index(name)
    return X[row : row + 1], y[row : row + 1]


def sizes(width: int = 2, depth: int = 1) -> list[int]:
    """Layer sizes of the page's net: 2 inputs, ``depth`` hidden layers of ``width``, 1 output."""
    SETTINGS.check(width=width, depth=depth)
    return [2] + [width] * depth + [1]


def n_params(width: int = 2, depth: int = 1) -> int:
    s = sizes(width, depth)
    return sum((a + 1) * b for a, b in zip(s[:-1], s[1:]))


def build(
    width: int = 2, depth: int = 1, activation: str = "sigmoid", seed: int = 0, weights: Sequence[float] = ()
) -> nn.Sequential:
    """The page's net: ``nn.Sequential(Linear(2, width), act, …, Linear(width, 1), Sigmoid())``.

    Its initial weights are those ``torch.manual_seed(seed)`` then ``nn.Sequential(...)`` gives (drawn
    from a private generator, so that concurrent sessions never share the global one); or ``weights``,
    typed in ``named_parameters()`` order (each layer's weight row by row, then its bias).
    """
    SETTINGS.check(width=width, depth=depth, activation=activation, seed=seed)
    model = mlp(sizes(width, depth), activation, out_act="sigmoid")
    if weights:
        set_weights(model, weights)
    else:
        _default_init(model, torch.Generator().manual_seed(seed))
    return model


@torch.no_grad()
def _default_init(model: nn.Module, g: torch.Generator) -> None:
    """nn.Linear's own initialisation (kaiming_uniform_ with a = √5, bias U(±1/√fan_in)), drawn from ``g``."""
    for layer in model.modules():
        if isinstance(layer, nn.Linear):
            nn.init.kaiming_uniform_(layer.weight, a=math.sqrt(5), generator=g)
            if layer.bias is not None:
                bound = 1 / math.sqrt(layer.in_features)
                nn.init.uniform_(layer.bias, -bound, bound, generator=g)


def flat_weights(model: nn.Module) -> tuple[float, ...]:
    """All parameters in ``named_parameters()`` order, as plain floats (what typed weights replace)."""
    return tuple(float(v) for p in model.parameters() for v in p.detach().reshape(-1))


@torch.no_grad()
def set_weights(model: nn.Module, weights: Sequence[float]) -> nn.Module:
    """Overwrite every parameter with ``weights`` (``named_parameters()`` order); ValueError if the count differs."""
    values = SETTINGS.check(w=tuple(weights))["w"]
    total = sum(p.numel() for p in model.parameters())
    if len(values) != total:
        raise ValueError(f"weights: this net has {total} parameters, got {len(values)} numbers")
    i = 0
    for p in model.parameters():
        n = p.numel()
        p.copy_(torch.tensor(values[i : i + n], dtype=p.dtype).reshape(p.shape))
        i += n
    return model


def weight_slots(width: int = 2, depth: int = 1) -> pd.DataFrame:
    """The parameters of the page's net in typing order: ``symbol, parameter`` (one row per number)."""
    s = sizes(width, depth)
    rows = []
    for layer, (n_in, n_out) in enumerate(zip(s[:-1], s[1:]), 1):
        module = 2 * (layer - 1)
        for j in range(n_out):
            for i in range(n_in):
                rows.append(
                    {"symbol": f"w{_sup(layer)}{_sub(j + 1, i + 1)}", "parameter": f"{module}.weight[{j}, {i}]"}
                )
        for j in range(n_out):
            rows.append(
                {"symbol": f"b{_sup(layer)}" + ("" if n_out == 1 else _sub(j + 1)), "parameter": f"{module}.bias[{j}]"}
            )
    return pd.DataFrame(rows)


def page_trace(
    sample_name: str = "x10",
    width: int = 2,
    depth: int = 1,
    activation: str = "sigmoid",
    loss: str = "mse",
    seed: int = 0,
    weights: Sequence[float] = (),
) -> Trace:
    """:func:`trace` of the page's net on an XOR sample (or the four-sample batch)."""
    x, y = sample(sample_name)
    return trace(build(width, depth, activation, seed, weights), x, y, loss)


# --- training: the update, k steps, and the zero_grad trap -------------------------------------------------------
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

    def update_frame(self, t: int = 0) -> pd.DataFrame:
        """Update ``t`` for every parameter: w, its .grad, lr·grad, and w − lr·grad."""
        rows = []
        for name in self.names:
            w, g, w_new = self.params[t][name], self.grads[t][name], self.params[t + 1][name]
            for idx in np.ndindex(*w.shape):
                rows.append(
                    {
                        "parameter": f"{name}[{', '.join(map(str, idx))}]",
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
                "grad_norm": float(torch.sqrt(sum((g**2).sum() for g in self.grads[t].values())))
                if t < self.updates
                else None,
            }
            for t in range(len(self.losses))
        ]
        return pd.DataFrame(rows)

    def accumulation_frame(self, name: str, index: tuple[int, ...]) -> pd.DataFrame:
        """One parameter over the updates: this step's gradient, the ``.grad`` used, and their running sum."""
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
    x, y = _as_batch(x, y, next(twin.parameters()).dtype)
    crit = _criterion(loss)
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
        grads.append({n: p.grad.detach().clone() for n, p in twin.named_parameters()})
        fresh.append({n: g.detach().clone() for n, g in zip(names, own)})
        with torch.no_grad():  # optimizer.step()
            for p in plist:
                p.add_(p.grad, alpha=-lr)
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


def saturated(training: Training, tol: float = 1e-4) -> bool:
    """True if training ended with the loss no lower than at the start and the gradient all but gone.

    With a huge learning rate a sigmoid net jumps to outputs of ~0 or ~1: σ′ ≈ 0 there, so the
    gradient (and with it learning) stops, instead of diverging to NaN.
    """
    if training.updates == 0:
        return False
    last = training.fresh[-1]
    norm = math.sqrt(sum(float((g**2).sum()) for g in last.values()))
    return norm < tol and training.losses[-1] >= 0.9 * training.losses[0] and training.losses[-1] > 0.01


def verdict(training: Training) -> str | None:
    """What went wrong, if anything: "diverged" (NaN/inf), "saturated" (frozen), "up" (loss rose), or None."""
    if training.divergence is not None:
        return "diverged"
    if saturated(training):
        return "saturated"
    if training.losses[-1] > training.losses[0]:
        return "up"
    return None


def path_costs(sizes_: Sequence[int]) -> tuple[int, int]:
    """Products of local derivatives needed for every parameter's gradient (one sample, an
    activation after every layer): (path by path, backprop).

    Path by path: a parameter of layer l has ∏(widths of the layers after l+1) paths to the loss, each
    a product of 2·(layers from l on) + 1 local derivatives (∂L/∂a, then ∂a/∂z and ∂z/∂a per layer above,
    ∂a/∂z and ∂z/∂w of its own). Backprop: one product per edge of the graph, each edge visited once.
    """
    s = list(sizes_)
    n = len(s) - 1  # layers
    naive = bp = 0
    for l in range(n):
        params = s[l] * s[l + 1] + s[l + 1]
        naive += params * math.prod(s[l + 2 :]) * (2 * (n - l) + 1)
        # ∂L/∂z per unit (through its activation), ∂L/∂w and ∂L/∂b per parameter, ∂L/∂a below per weight
        bp += s[l + 1] + params + (s[l] * s[l + 1] if l > 0 else 0)
    return naive, bp + s[-1]  # + ∂L/∂a of each output
