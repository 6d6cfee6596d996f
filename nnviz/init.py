"""Weight initialisation: what each ``torch.nn.init`` scheme does to weights, activations and gradients.

The net is ``nn.Sequential(Linear(64, width), act, …, Linear(width, width), act, Linear(width, 10))``
with ``depth`` hidden layers, fed a batch of standardised ``load_digits`` images (64 pixels) or
Gaussian noise, with a cross-entropy loss on the ten classes.

- :func:`layer_stats` — one row per layer: measured weight std against theory, the activations'
  mean and std after a forward pass, the gradients' std after a backward pass.
- :func:`probe` — the same forward/backward pass with everything the page draws: the per-layer
  table (with the mean-field prediction for activations and back-propagated gradients) and
  histograms binned in torch.
- :func:`scheme_table` — every scheme's formula and theoretical std for the current layer sizes.
- :func:`train` — "does it matter for training?": the same net on digits, SGD, one scheme per run.
- :func:`symmetry` — a constant init keeps every hidden unit identical, in value and gradient,
  through training.

Every random draw comes from ``torch.Generator`` objects seeded by ``seed`` (never the global RNG),
so concurrent sessions cannot disturb each other and a generated script reproduces the numbers.
"""

from __future__ import annotations

import contextlib
import functools
import math
from collections.abc import Callable, Sequence
from typing import cast
from dataclasses import dataclass

import numpy as np
import pandas as pd
import torch
import torch.nn.functional as F
from torch import nn

from nnviz import data as nndata
from nnviz import models
from nnviz.models import INIT_SCHEMES, initialize, theory_weight_std
from nnviz.params import Bool, Choice, Float, Int, Spec, seed
from nnviz.training import Divergence, check_finite

N_FEATURES = 64  # load_digits: 8×8 pixels
N_CLASSES = 10
TRAIN_WIDTH = 64  # the training comparison caps the width here: depth, not width, decides the outcome
TRAIN_BATCH = 64
EVAL_EVERY = 10
EVAL_TRAIN = 512  # training digits the loss curve is measured on (the first of the shuffled split)
ACTS = ("tanh", "sigmoid", "relu", "leaky_relu", "linear")
REFERENCES = ("default", "xavier_normal", "kaiming_normal")  # overlaid when ``compare`` is on
GAINS = ("torch_default", "calculate_gain")
QUANTITIES = ("weight", "activation", "gradient")
STDS = (0.001, 0.003, 0.01, 0.03, 0.05, 0.1, 0.3, 1.0, 3.0)
BOUNDS = (0.001, 0.003, 0.01, 0.03, 0.05, 0.1, 0.3, 1.0, 3.0)
VALUES = (-0.1, -0.01, 0.001, 0.01, 0.05, 0.1, 0.3, 1.0)  # 0 is the zeros scheme
LEARNING_RATES = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 100.0, 1000.0)
# Data draws get their own streams: a generator seeded like the init's would hand the inputs the very
# numbers the weights get (x ∝ w), and every scheme must see the same mini-batches.
NOISE_SEED_OFFSET = 1_000_000
BATCH_SEED_OFFSET = 2_000_000
FLAT = 0.01  # a unit is "flat" when its local derivative φ'(z) is below this: it passes < 1 % of the gradient

SETTINGS = Spec(
    Choice("scheme", "default", options=INIT_SCHEMES),
    Choice("activation", "tanh", options=ACTS, widget="segmented"),
    Int("depth", 10, lo=1, hi=30),  # 30: He et al. (2015)'s deep ReLU net, run at its own depth
    Int("width", 256, lo=8, hi=512, step=8),
    Choice("data", "digits", options=("digits", "noise")),
    Int("batch", 256, lo=32, hi=256, step=32),
    Float("std", 0.01, lo=0.001, hi=3.0, options=STDS, widget="select_slider"),
    Float("bound", 0.05, lo=0.001, hi=3.0, options=BOUNDS, widget="select_slider"),
    Float("value", 0.1, lo=-0.1, hi=1.0, options=VALUES, widget="select_slider"),
    Choice("mode", "fan_in", options=("fan_in", "fan_out"), widget="segmented"),
    Choice("gain", "torch_default", options=GAINS, widget="radio"),
    Bool("compare", True, widget="toggle"),
    Bool("paper", False, widget="toggle"),  # run the paper check (He et al. 2015)
    Int("steps", 100, lo=20, hi=200, step=20),
    Float("lr", 0.1, lo=0.001, hi=1000.0, options=LEARNING_RATES, widget="select_slider"),
    seed(),
)

# Prepared views; each reproduces a well-known picture (tests check the claims on these).
PRESETS: dict[str, dict] = {
    # The tutorial's 784-256-256-10 MLP with ReLU and xavier_uniform_, on 64-pixel digits.
    "tutorial": dict(activation="relu", depth=2, width=256, data="digits", scheme="xavier_uniform",
                     gain="torch_default"),
    "tanh_small": dict(activation="tanh", depth=10, width=512, data="noise", scheme="normal", std=0.01),
    "tanh_large": dict(activation="tanh", depth=10, width=512, data="noise", scheme="normal", std=1.0),
    "tanh_xavier": dict(activation="tanh", depth=10, width=512, data="noise", scheme="xavier_normal",
                        gain="torch_default"),
    "relu_xavier": dict(activation="relu", depth=20, width=512, data="noise", scheme="xavier_normal",
                        gain="torch_default"),
    "relu_he": dict(activation="relu", depth=20, width=512, data="noise", scheme="kaiming_normal",
                    mode="fan_in", gain="torch_default"),
}

# The formula of each scheme (LaTeX), as torch.nn.init draws it.
FORMULAS = {
    "default": r"U\!\left(-\tfrac{1}{\sqrt{n_\text{in}}},\ \tfrac{1}{\sqrt{n_\text{in}}}\right)",
    "zeros": r"w = 0",
    "constant": r"w = c",
    "normal": r"\mathcal{N}(0,\ \sigma^2)",
    "uniform": r"U(-a,\ a)",
    "xavier_normal": r"\mathcal{N}\!\left(0,\ g^2\,\tfrac{2}{n_\text{in}+n_\text{out}}\right)",
    "xavier_uniform": r"U\!\left(\pm g\sqrt{\tfrac{6}{n_\text{in}+n_\text{out}}}\right)",
    "kaiming_normal": r"\mathcal{N}\!\left(0,\ \tfrac{g^2}{n_\text{mode}}\right)",
    "kaiming_uniform": r"U\!\left(\pm g\sqrt{\tfrac{3}{n_\text{mode}}}\right)",
    "orthogonal": r"g\,Q,\ \ Q^\top Q = I",
}
STD_FORMULAS = {
    "default": r"\tfrac{1}{\sqrt{3\,n_\text{in}}}",
    "zeros": r"0",
    "constant": r"0",
    "normal": r"\sigma",
    "uniform": r"\tfrac{a}{\sqrt 3}",
    "xavier_normal": r"g\sqrt{\tfrac{2}{n_\text{in}+n_\text{out}}}",
    "xavier_uniform": r"g\sqrt{\tfrac{2}{n_\text{in}+n_\text{out}}}",
    "kaiming_normal": r"\tfrac{g}{\sqrt{n_\text{mode}}}",
    "kaiming_uniform": r"\tfrac{g}{\sqrt{n_\text{mode}}}",
    "orthogonal": r"\tfrac{g}{\sqrt{\max(n_\text{in}, n_\text{out})}}",
}


# --- the network and its initialisation ----------------------------------------------------------
def sizes(depth: int, width: int) -> list[int]:
    """Layer sizes: 64 inputs, ``depth`` hidden layers of ``width``, 10 outputs."""
    return [N_FEATURES] + [width] * depth + [N_CLASSES]


def gain_act(scheme: str, activation: str, gain: str) -> str:
    """The activation name whose gain ``models.initialize`` should use for this scheme.

    ``torch_default`` is what a bare call gives (``xavier_*``/``orthogonal_``: gain 1, as in the
    tutorial's ``xavier_uniform_(w)``; ``kaiming_*``: nonlinearity 'leaky_relu' with a = 0, i.e. √2);
    ``calculate_gain`` matches the net's activation.
    """
    if gain == "calculate_gain":
        return activation
    return "relu" if scheme.startswith("kaiming") else "linear"


@dataclass(frozen=True)
class Scale:
    """A scheme with its arguments (the page's settings that shape the weights)."""

    scheme: str
    activation: str
    std: float = 0.01
    bound: float = 0.05
    value: float = 0.1
    mode: str = "fan_in"
    gain: str = "torch_default"

    @property
    def act(self) -> str:
        return gain_act(self.scheme, self.activation, self.gain)

    def weight_std(self, fan_in: int, fan_out: int) -> float:
        """Theoretical std of one layer's weights (``models.theory_weight_std``)."""
        return theory_weight_std(self.scheme, fan_in, fan_out, self.act, value=self.value, std=self.std,
                                 bound=self.bound, mode=self.mode)

    def bias_std(self, fan_in: int) -> float:
        """Std of the initial biases: nn.Linear's own rule for ``default``, else zero."""
        return 1 / math.sqrt(3 * fan_in) if self.scheme == "default" else 0.0

    def weights_random(self) -> bool:
        """True if the weights are independent random draws (the assumption behind the theory)."""
        return self.scheme not in ("zeros", "constant")


def build(scale: Scale, layer_sizes: Sequence[int], generator: torch.Generator) -> nn.Sequential:
    """The MLP with ``scale``'s initialisation, every draw from ``generator`` (layer by layer)."""
    model = models.mlp(layer_sizes, scale.activation)
    if scale.scheme == "default":
        # models.initialize re-draws "default" through reset_parameters(), which uses the global RNG
        # and ignores ``generator``; this is the same rule (nn.Linear.reset_parameters) on our generator.
        with torch.no_grad():
            for layer in model:
                if isinstance(layer, nn.Linear):
                    nn.init.kaiming_uniform_(layer.weight, a=math.sqrt(5), generator=generator)
                    b = 1 / math.sqrt(layer.in_features)
                    nn.init.uniform_(layer.bias, -b, b, generator=generator)
        return model
    return initialize(model, scale.scheme, scale.act, value=scale.value, std=scale.std, bound=scale.bound,
                      mode=scale.mode, generator=generator)


@functools.lru_cache(maxsize=8)
def _digits(seed: int):
    return nndata.digits(seed)


def train_size(seed: int) -> int:
    """Number of training digits (the 80 % split)."""
    return len(_digits(seed)[0])


def inputs(data: str, batch: int, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    """The probe batch: the first ``batch`` training digits (split by ``seed``) or N(0, 1) noise with random labels."""
    if data == "digits":
        X, y, _, _ = _digits(seed)
        return X[:batch], y[:batch]
    g = torch.Generator().manual_seed(seed + NOISE_SEED_OFFSET)
    return torch.randn(batch, N_FEATURES, generator=g), torch.randint(0, N_CLASSES, (batch,), generator=g)


@contextlib.contextmanager
def _flush_denormals():
    """Treat subnormal floats as zero while we compute (this thread's FPU flag only).

    A collapsing net (tanh with tiny weights) fills its layers with numbers below 1e-38, which the
    CPU handles ~100× slower; as zeros they change no statistic we show and train 3–4× faster.
    """
    torch.set_flush_denormal(True)
    try:
        yield
    finally:
        torch.set_flush_denormal(False)


def _check(**kw) -> dict:
    return SETTINGS.check(**kw)


def _scale(scheme, activation, std, bound, value, mode, gain) -> Scale:
    return Scale(scheme, activation, std, bound, value, mode, gain)


# --- mean-field theory ----------------------------------------------------------------------------
MF_GROUPS = 32  # sample groups the mean-field recursion follows
_GRID_T = 1201  # points of the sinh grid per sample (odd: z = 0 is on it, where ReLU has its kink)


def _gauss_moments(activation: str, q: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """E[φ(z)], E[φ(z)²], E[φ'(z)²] for z ~ N(0, q), one q per sample (float64).

    Integrates on a grid z = s·sinh(t), t evenly spaced: fine near 0, where activations bend (s ≤ 0.01),
    and reaching ±12·√q however wide the Gaussian is (a saturated tanh has q in the hundreds), with
    about 1 % relative spacing out there. Gauss–Hermite nodes would step over tanh's narrow middle.
    """
    q = q.double().clamp_min(1e-300)
    sd = q.sqrt()[:, None]
    s = torch.minimum(torch.full_like(sd, 0.01), sd / 100)
    T = torch.asinh(12 * sd / s)
    t = torch.linspace(-1, 1, _GRID_T, dtype=torch.float64)[None, :] * T
    z = (s * torch.sinh(t)).requires_grad_(True)
    phi = models.activation(activation)(z)
    (dphi,) = torch.autograd.grad(phi.sum(), z)
    z, phi, dphi = z.detach(), phi.detach(), dphi.detach()
    w = torch.exp(-0.5 * z**2 / sd**2) * (s * torch.cosh(t))  # density × dz/dt (the Δt cancels)
    w[:, [0, -1]] *= 0.5  # trapezoid
    w = w / w.sum(1, keepdim=True)
    return (phi * w).sum(1), (phi**2 * w).sum(1), (dphi**2 * w).sum(1)


def mean_field(scale: Scale, layer_sizes: Sequence[int], x: torch.Tensor, delta_out: torch.Tensor):
    """Predicted per-hidden-layer (activation mean, activation std, ∂L/∂h rms) for independent random weights.

    Forward, per sample a: q¹ = σ₁²‖x‖² + σ_b², q^{l+1} = σ²·n_l·E[φ(z)²] + σ_b², z ~ N(0, q^l).
    Backward from the measured ∂L/∂logits: E[g_l²] = σ_{l+1}²·‖δ_out‖² at the top, then
    E[g_{l-1}²] = σ_l²·n_l·E[φ'(z_l)²]·E[g_l²] (the gradient-independence assumption).
    """
    depth = len(layer_sizes) - 2
    sig = [scale.weight_std(i, o) for i, o in zip(layer_sizes[:-1], layer_sizes[1:])]
    sb = [scale.bias_std(i) for i in layer_sizes[:-1]]
    # Samples only differ through ‖x‖² (and ‖δ_out‖²): sort them by ‖x‖² and follow MF_GROUPS groups
    # of neighbours, each at its mean — the moments are smooth in q, and this keeps the cost flat.
    x2 = (x.double() ** 2).sum(1)
    d2 = (delta_out.double() ** 2).sum(1)
    order = x2.argsort()
    parts = torch.tensor_split(order, min(MF_GROUPS, len(order)))
    size = torch.tensor([len(p) for p in parts], dtype=torch.float64)
    share = size / size.sum()
    x2 = torch.stack([x2[p].mean() for p in parts])
    d2 = torch.stack([d2[p].mean() for p in parts])
    q = sig[0] ** 2 * x2 + sb[0] ** 2
    means, stds, dphi2 = [], [], []
    for layer in range(depth):
        m1, m2, dd = _gauss_moments(scale.activation, q)
        mean, second = float((share * m1).sum()), float((share * m2).sum())
        means.append(mean)
        stds.append(math.sqrt(max(second - mean**2, 0.0)))
        dphi2.append(dd)
        q = sig[layer + 1] ** 2 * layer_sizes[layer + 1] * m2 + sb[layer + 1] ** 2
    g2 = sig[-1] ** 2 * d2
    grads = [0.0] * depth
    for layer in range(depth - 1, -1, -1):
        grads[layer] = math.sqrt(float((share * g2).sum()))
        if layer > 0:
            g2 = sig[layer] ** 2 * layer_sizes[layer + 1] * dphi2[layer] * g2
    return means, stds, grads


def _walk(model: nn.Sequential, x: torch.Tensor) -> tuple[list[torch.Tensor], list[torch.Tensor]]:
    """Run ``model``'s own modules in order; keep each Linear's output z and each layer's output h
    (the activation after a hidden layer, the logits after the last) with their gradients retained."""
    pre, post = [], []
    h = x
    for module in model:
        out = module(h)
        if isinstance(module, nn.Linear):
            out.retain_grad()
            pre.append(out)
            post.append(out)
        else:
            if out is h:  # nn.Identity returns its input: keep one tensor per role
                out = h.view_as(h)
            out.retain_grad()
            post[-1] = out
        h = out
    return pre, post


# --- one forward/backward pass --------------------------------------------------------------------
@dataclass(frozen=True)
class Probe:
    """One forward and backward pass: the per-layer table and histograms (binned in torch).

    ``overflow`` is the first layer whose activations were not finite (float32 overflow), or None.
    """

    stats: pd.DataFrame
    hist: pd.DataFrame
    loss: float
    overflow: int | None


def _std(t: torch.Tensor) -> float:
    return float(t.double().std()) if t.numel() > 1 else 0.0


def _histogram(tensors: list[torch.Tensor], bins: int) -> tuple[list[torch.Tensor], float, float]:
    """Counts of each tensor's finite values over one shared range (so layers compare at a glance)."""
    finite = [t if bool(torch.isfinite(t).all()) else t[torch.isfinite(t)] for t in tensors]
    ranges = [torch.aminmax(t) for t in finite if t.numel()]
    if not ranges:
        return [torch.zeros(bins) for _ in tensors], -1.0, 1.0
    lo = min(float(r.min) for r in ranges)
    hi = max(float(r.max) for r in ranges)
    if hi - lo < 1e-6 * max(1e-30, abs(lo), abs(hi)):
        # One value everywhere (zeros, a constant): a narrow range with the value mid-bin, not on an edge.
        pad = max(1e-3 * abs(lo), 1e-12)
        half_bin = pad / bins
        lo, hi = lo - pad - half_bin, hi + pad - half_bin
    return [torch.histc(t, bins=bins, min=lo, max=hi) for t in finite], lo, hi


def probe(
    scheme: str = "default",
    activation: str = "tanh",
    depth: int = 10,
    width: int = 256,
    batch: int = 256,
    seed: int = 0,
    *,
    data: str = "digits",
    std: float = 0.01,
    bound: float = 0.05,
    value: float = 0.1,
    mode: str = "fan_in",
    gain: str = "torch_default",
    bins: int = 40,
    histograms: bool = True,
) -> Probe:
    """Initialise the net, run one batch forward and backward, and measure every layer."""
    _check(scheme=scheme, activation=activation, depth=depth, width=width, batch=batch, seed=seed,
           data=data, std=std, bound=bound, value=value, mode=mode, gain=gain)
    if not 4 <= bins <= 200:
        raise ValueError(f"bins must be between 4 and 200, got {bins!r}")
    scale = _scale(scheme, activation, std, bound, value, mode, gain)
    layer_sizes = sizes(depth, width)
    x, y = inputs(data, batch, seed)
    model = build(scale, layer_sizes, torch.Generator().manual_seed(seed))

    pre, post = _walk(model, x)
    loss = F.cross_entropy(post[-1], y)
    with torch.no_grad():
        overflow = next((i + 1 for i, t in enumerate(post) if not torch.isfinite(t).all()), None)
    if torch.isfinite(loss):
        loss.backward()

    linears = [m for m in model if isinstance(m, nn.Linear)]
    act = models.activation(activation)
    rows = []
    for i, lin in enumerate(linears):
        fan_in, fan_out = lin.in_features, lin.out_features
        w, hout, z = lin.weight.detach(), post[i].detach(), pre[i].detach()
        wg = lin.weight.grad
        hg = post[i].grad
        if i < depth:
            zz = z.clone().requires_grad_(True)
            (d,) = torch.autograd.grad(act(zz).sum(), zz)
            flat = float((d.abs() < FLAT).double().mean())
        else:
            flat = 0.0
        rows.append(dict(
            layer=i + 1,
            kind="hidden" if i < depth else "output",
            fan_in=fan_in,
            fan_out=fan_out,
            weight_std=_std(w),
            theory_weight_std=scale.weight_std(fan_in, fan_out),
            activation_mean=float(hout.double().mean()),
            activation_std=_std(hout),
            grad_std=_std(wg) if wg is not None else float("nan"),
            preact_std=_std(z),
            act_grad_std=_std(hg) if hg is not None else float("nan"),
            flat_fraction=flat,
        ))
    stats = pd.DataFrame(rows)
    nan = [float("nan")] * depth
    if scale.weights_random() and overflow is None and post[-1].grad is not None:
        m, s, g = mean_field(scale, layer_sizes, x, post[-1].grad.detach())
    else:
        m, s, g = nan, nan, nan
    stats["theory_activation_mean"] = m + [float("nan")]
    stats["theory_activation_std"] = s + [float("nan")]
    stats["theory_act_grad_std"] = g + [float("nan")]

    # Histograms: weights and weight gradients of every layer, activations of every hidden layer.
    cols: dict[str, list] = {k: [] for k in ("quantity", "layer", "kind", "bin_start", "bin_end", "count", "fraction")}
    groups = {
        "weight": [lin.weight.detach() for lin in linears],
        "activation": [t.detach() for t in post[:depth]],
        "gradient": [lin.weight.grad if lin.weight.grad is not None else torch.zeros_like(lin.weight)
                     for lin in linears],
    } if histograms else {}
    for quantity, tensors in groups.items():
        counts, lo, hi = _histogram(tensors, bins)
        edges = np.linspace(lo, hi, bins + 1)
        for i, c in enumerate(counts):
            cn = c.double().numpy()
            total = cn.sum()
            cols["quantity"].append(np.full(bins, quantity))
            cols["layer"].append(np.full(bins, i + 1))
            cols["kind"].append(np.full(bins, "hidden" if i < depth else "output"))
            cols["bin_start"].append(edges[:-1])
            cols["bin_end"].append(edges[1:])
            cols["count"].append(cn.astype(np.int64))
            cols["fraction"].append(c / total if total > 0 else np.zeros(bins))
    hist = pd.DataFrame({k: np.concatenate(v) if v else [] for k, v in cols.items()})
    return Probe(stats, hist, float(loss.detach()), overflow)


def layer_stats(scheme: str, activation: str, depth: int, width: int, batch: int = 256, seed: int = 0,
                **options) -> pd.DataFrame:
    """One row per layer: ``layer, weight_std, theory_weight_std, activation_mean, activation_std, grad_std``.

    Further columns: ``kind`` (hidden/output), ``fan_in``, ``fan_out``, ``preact_std``, ``act_grad_std``
    (std of ∂L/∂h), ``flat_fraction`` (share of units with φ'(z) < 0.01), and the mean-field
    predictions ``theory_activation_mean``, ``theory_activation_std``, ``theory_act_grad_std``.
    ``options``: ``data``, ``std``, ``bound``, ``value``, ``mode``, ``gain`` (see ``SETTINGS``).
    """
    return probe(scheme, activation, depth, width, batch, seed, **options).stats


# --- every scheme at a glance ---------------------------------------------------------------------
def scheme_table(activation: str, depth: int, width: int, *, std: float = 0.01, bound: float = 0.05,
                 value: float = 0.1, mode: str = "fan_in", gain: str = "torch_default") -> pd.DataFrame:
    """Every scheme's formula, gain and theoretical weight std for the current layer sizes."""
    _check(activation=activation, depth=depth, width=width, std=std, bound=bound, value=value, mode=mode,
           gain=gain)
    shapes = {"first": (N_FEATURES, width), "hidden": (width, width), "output": (width, N_CLASSES)}
    rows = []
    for scheme in INIT_SCHEMES:
        s = _scale(scheme, activation, std, bound, value, mode, gain)
        uses_gain = scheme.startswith(("xavier", "kaiming")) or scheme == "orthogonal"
        row = dict(scheme=scheme, formula=FORMULAS[scheme], std_formula=STD_FORMULAS[scheme],
                   gain=models.gain(s.act) if uses_gain else float("nan"))
        for name, (i, o) in shapes.items():
            row[f"std_{name}"] = s.weight_std(i, o) if (name != "hidden" or depth > 1) else float("nan")
        rows.append(row)
    return pd.DataFrame(rows)


# --- does it matter for training? -----------------------------------------------------------------
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
    def test_acc(self) -> float:
        return float(self.history["test_acc"].iloc[-1])


def eval_every(steps: int) -> int:
    """Steps between two evaluations: every 10, but at most ~15 points per curve."""
    return max(EVAL_EVERY, steps // 15 // EVAL_EVERY * EVAL_EVERY)


def relevant(scheme: str, values: dict) -> dict:
    """The scheme's own arguments out of a page's settings (the rest at their defaults).

    Keeps caches and generated code honest: a He run does not depend on the normal scheme's σ.
    """
    d = SETTINGS.defaults()
    out = {k: d[k] for k in ("std", "bound", "value", "mode", "gain")}
    keys = {"normal": ("std",), "uniform": ("bound",), "constant": ("value",),
            "xavier_normal": ("gain",), "xavier_uniform": ("gain",), "orthogonal": ("gain",),
            "kaiming_normal": ("gain", "mode"), "kaiming_uniform": ("gain", "mode")}.get(scheme, ())
    out.update({k: values[k] for k in keys if k in values})
    return out


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


# --- symmetry -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SymmetryRun:
    """Hidden units under training: are they still copies of each other?

    ``trace``: step, unit, weight — the weight from the first input of the last hidden layer into its
    first ``units`` units, at every step. ``layers``: per hidden layer at the end, the number of
    distinct units (rows of W equal up to 1e-6 relative), the rank of its activations on a batch,
    the largest difference between two units' activations and weight gradients (relative to their
    mean size), and how far its weights moved. ``history``: the loss as in :func:`train`.
    """

    scheme: str
    trace: pd.DataFrame
    layers: pd.DataFrame
    history: pd.DataFrame
    diverged: Divergence | None


def _distinct_rows(m: torch.Tensor, rtol: float = 1e-6) -> int:
    """How many different rows ``m`` has, rows within ``rtol`` (relative to m's scale) counted as one."""
    m = m.double()
    tol = rtol * max(float(m.abs().max()), 1e-30)
    reps: list[torch.Tensor] = []
    for row in m:
        if not any(float((row - r).abs().max()) <= tol for r in reps):
            reps.append(row)
            if len(reps) > 64:
                break
    return len(reps)


def _spread(m: torch.Tensor) -> float:
    """Largest difference between two units (columns of a batch × units matrix), relative to the mean |m|."""
    m = m.double()
    scale = float(m.abs().mean())
    return float((m.max(1).values - m.min(1).values).max()) / scale if scale > 0 else 0.0


def symmetry(
    scheme: str = "constant",
    activation: str = "tanh",
    depth: int = 10,
    width: int = 256,
    steps: int = 200,
    lr: float = 0.1,
    seed: int = 0,
    *,
    value: float = 0.1,
    std: float = 0.01,
    bound: float = 0.05,
    mode: str = "fan_in",
    gain: str = "torch_default",
    units: int = 6,
) -> SymmetryRun:
    """Train like :func:`train` and watch the hidden units: with a constant init they stay identical."""
    _check(scheme=scheme, activation=activation, depth=depth, width=width, steps=steps, lr=lr, seed=seed,
           value=value, std=std, bound=bound, mode=mode, gain=gain)
    scale = _scale(scheme, activation, std, bound, value, mode, gain)
    tw = train_width(width)
    units = min(units, tw)
    model = build(scale, sizes(depth, tw), torch.Generator().manual_seed(seed))
    linears = [m for m in model if isinstance(m, nn.Linear)]
    # The last hidden layer: nearest the loss, its weights move the most (deep layers below a
    # saturated one barely move at all).
    watched = linears[depth - 1]
    start = [lin.weight.detach().clone() for lin in linears[:depth]]
    trace = [watched.weight.detach()[:units, 0].clone()]

    def record(step, m):
        trace.append(watched.weight.detach()[:units, 0].clone())

    with _flush_denormals():
        history, div = _train_loop(model, steps, lr, seed, record=record)
    tr = torch.stack(trace)
    trace_df = pd.DataFrame(dict(
        step=np.repeat(np.arange(len(tr)), units),
        unit=np.tile(np.arange(1, units + 1), len(tr)),
        weight=tr.reshape(-1).double().numpy(),
    ))

    # One more forward/backward on a training batch to compare units layer by layer.
    X, y, _, _ = _digits(seed)
    xb, yb = X[:256], y[:256]
    _, post = _walk(model, xb)
    model.zero_grad()
    F.cross_entropy(post[-1], yb).backward()
    rows = []
    for i in range(depth):
        lin, out = linears[i], post[i]
        finite = bool(torch.isfinite(out).all() and torch.isfinite(lin.weight).all())
        rows.append(dict(
            layer=i + 1,
            units=lin.out_features,
            distinct_units=_distinct_rows(lin.weight.detach()) if finite else -1,
            rank=int(torch.linalg.matrix_rank(out.detach().double())) if finite else -1,
            act_spread=_spread(out.detach()) if finite else float("nan"),
            grad_spread=_spread(cast(torch.Tensor, lin.weight.grad).T) if finite else float("nan"),
            weight_change=float((lin.weight.detach() - start[i]).abs().max()),
        ))
    return SymmetryRun(scheme, trace_df, pd.DataFrame(rows), history, div)


def short_number(x: float) -> str:
    """3 significant digits, exponent without padding: 0.0455, 1.23e4, 8.56e-7, nan."""
    if not math.isfinite(x):
        return str(x)
    if x == 0 or 1e-3 <= abs(x) < 1e4:
        return f"{x:.3g}"
    mant, exp = f"{x:.2e}".split("e")
    return f"{mant}e{int(exp)}"


# --- what the numbers say -------------------------------------------------------------------------
@dataclass(frozen=True)
class Finding:
    """One plain-words observation about a probe: ``kind`` names it, ``values`` fill its sentence."""

    kind: str  # constant | vanish | explode | saturate | grad_vanish | grad_explode | steady
    values: dict


def diagnose(stats: pd.DataFrame, activation: str, factor: float = 5.0) -> list[Finding]:
    """Read a :func:`layer_stats` table: does the signal vanish, explode or saturate through depth?

    Activations vanish/explode when layer L's std is below 1/factor or above factor × layer 1's;
    gradients likewise for ∂L/∂h from the last hidden layer back to layer 1. tanh/sigmoid saturate
    when more than half the units of the last hidden layer are flat (φ′ < 0.01).
    """
    hid = stats[stats.kind == "hidden"]
    n = int(hid.layer.iloc[-1])
    if (stats.weight_std == 0).all():
        return [Finding("constant", {})]
    found = []
    a1, an = float(hid.activation_std.iloc[0]), float(hid.activation_std.iloc[-1])
    g1, gn = float(hid.act_grad_std.iloc[0]), float(hid.act_grad_std.iloc[-1])
    ratio = an / a1 if a1 > 0 else float("nan")
    gratio = g1 / gn if gn > 0 else float("nan")
    flat = float(hid.flat_fraction.iloc[-1])
    if activation in ("tanh", "sigmoid") and flat > 0.5:
        found.append(Finding("saturate", dict(flat=flat, n=n)))
    elif ratio < 1 / factor:
        found.append(Finding("vanish", dict(ratio=ratio, n=n)))
    elif ratio > factor:
        found.append(Finding("explode", dict(ratio=ratio, n=n)))
    if gratio < 1 / factor:
        found.append(Finding("grad_vanish", dict(ratio=gratio, n=n)))
    elif gratio > factor:
        found.append(Finding("grad_explode", dict(ratio=gratio, n=n)))
    if not found:
        found.append(Finding("steady", dict(ratio=max(ratio, 1 / ratio) if ratio > 0 else float("nan"),
                                            gratio=max(gratio, 1 / gratio) if gratio > 0 else float("nan"), n=n)))
    return found


PANELS = ("weight", "activation", "backprop", "wgrad")  # the four depth charts
_PANEL_COLUMNS = {  # panel → (measured column, theory column or None)
    "weight": ("weight_std", "theory_weight_std"),
    "activation": ("activation_std", "theory_activation_std"),
    "backprop": ("act_grad_std", "theory_act_grad_std"),
    "wgrad": ("grad_std", None),
}


def profile(stats: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Long table for the depth charts: scheme, panel, layer, source (measured/theory), std.

    ``stats`` maps a scheme's display name to its :func:`layer_stats` table. Activations and ∂L/∂h are
    the hidden layers'; weights and ∂L/∂W include the output layer. Rows whose std is not a positive
    finite number (zero, NaN, inf) are left out: the charts are on a log scale.
    """
    frames = []
    for name, s in stats.items():
        for panel, (measured, theory) in _PANEL_COLUMNS.items():
            rows = s if panel in ("weight", "wgrad") else s[s.kind == "hidden"]
            for source, col in (("measured", measured), ("theory", theory)):
                if col is None:
                    continue
                frames.append(pd.DataFrame(dict(scheme=name, panel=panel, layer=rows.layer.to_numpy(),
                                                source=source, std=rows[col].to_numpy(dtype=float))))
    df = pd.concat(frames, ignore_index=True)
    ok = np.isfinite(df["std"]) & (df["std"] > 0)
    return df[ok].reset_index(drop=True)
