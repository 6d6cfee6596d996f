"""Glorot & Bengio (2010): tanh nets, the standard init U(±1/√n) against the normalized one.

The paper measures the mean singular value of each layer's Jacobian ∂h⁽ⁱ⁺¹⁾/∂h⁽ⁱ⁾ at initialisation:
about 0.5 with the standard init, about 0.8 with the normalized init U(±√6/√(n_in + n_out)) (Section 4.2.1),
and shows per layer the spread of the activations (Fig. 6) and of the back-propagated gradients (Fig. 7):
shrinking through depth with the standard init, level with the normalized one. The biases start at 0.
"""

from __future__ import annotations

import math

import pandas as pd
import torch
from torch import nn

from nnviz.init import inputs
from nnviz.papers import Paper
from nnviz.params import Choice, Int, Spec, seed

PAPER = Paper("Xavier Glorot, Yoshua Bengio", 2010,
              "Understanding the difficulty of training deep feedforward neural networks", "AISTATS 2010",
              "Section 4.2.1 (Jacobian singular values), Figs. 6–7",
              reported={"standard": 0.5, "normalized": 0.8})
INITS = ("standard", "normalized")
# The paper's nets: 5 hidden tanh layers of 1000 units on 32×32 Shapeset images; here 5 of 256 on digits.
ARGS = Spec(Int("depth", 5, lo=2, hi=10), Int("width", 256, lo=16, hi=512), Int("samples", 256, lo=4, hi=256),
            Choice("init", "standard", options=INITS), seed())
SVD_SAMPLES = 4  # Jacobians per layer whose singular values are averaged (they agree to ~1 %; SVDs are slow)
COLUMNS = ("init", "layer", "singular_value", "activation_std", "gradient_std")


def build(init: str, depth: int, width: int, generator: torch.Generator) -> nn.Sequential:
    """64 → width (× depth, tanh) → 10; weights by the paper's ``init``, biases 0."""
    ARGS.check(init=init, depth=depth, width=width)
    sizes = [64] + [width] * depth + [10]
    layers: list[nn.Module] = []
    for i in range(len(sizes) - 1):
        lin = nn.Linear(sizes[i], sizes[i + 1])
        n_in, n_out = sizes[i], sizes[i + 1]
        bound = 1 / math.sqrt(n_in) if init == "standard" else math.sqrt(6 / (n_in + n_out))
        with torch.no_grad():
            nn.init.uniform_(lin.weight, -bound, bound, generator=generator)
            nn.init.zeros_(lin.bias)
        layers.append(lin)
        if i < depth:
            layers.append(nn.Tanh())
    return nn.Sequential(*layers)


def measure(depth: int = 5, width: int = 256, samples: int = 256, seed: int = 0) -> pd.DataFrame:
    """Per init and hidden layer i ≥ 2: the mean singular value of ∂h⁽ⁱ⁾/∂h⁽ⁱ⁻¹⁾ = diag(tanh′(z⁽ⁱ⁾))·W⁽ⁱ⁾
    (over the first :data:`SVD_SAMPLES` digits), and the std of the activations h⁽ⁱ⁾ and of the gradients ∂L/∂h⁽ⁱ⁾ (cross-entropy)."""
    ARGS.check(depth=depth, width=width, samples=samples, seed=seed)
    X, y = inputs("digits", samples, seed)
    rows = []
    for init in INITS:
        model = build(init, depth, width, torch.Generator().manual_seed(seed))
        lins = [m for m in model if isinstance(m, nn.Linear)]
        h, hs, zs = X, [], []
        with torch.enable_grad():
            for i, lin in enumerate(lins):
                z = lin(h)
                if i < depth:
                    h = torch.tanh(z)
                    h.retain_grad()
                    hs.append(h)
                    zs.append(z)
                else:
                    h = z
            nn.functional.cross_entropy(h, y).backward()
        for i in range(1, depth):  # Jacobian from hidden layer i to i + 1 (1-based: layers i+1 ← i)
            fprime = 1 - torch.tanh(zs[i].detach()[:SVD_SAMPLES]) ** 2  # (samples, width)
            J = fprime[:, :, None] * lins[i].weight.detach()[None]  # (samples, width, width)
            sv = torch.linalg.svdvals(J).double().mean()
            rows.append({"init": init, "layer": i + 1, "singular_value": float(sv),
                         "activation_std": float(hs[i].detach().double().std()),
                         "gradient_std": float(_grad(hs[i]).double().std())})
        rows.append({"init": init, "layer": 1, "singular_value": math.nan,
                     "activation_std": float(hs[0].detach().double().std()),
                     "gradient_std": float(_grad(hs[0]).double().std())})
    return pd.DataFrame(rows, columns=list(COLUMNS)).sort_values(["init", "layer"]).reset_index(drop=True)


def mean_singular_value(table: pd.DataFrame) -> dict[str, float]:
    """Per init: the Jacobians' mean singular value averaged over the layers (the paper's one number)."""
    return {i: float(table[table["init"] == i]["singular_value"].mean()) for i in INITS}


def spread_change(table: pd.DataFrame, column: str) -> dict[str, float]:
    """Per init: the last hidden layer's std of ``column`` over the first's (activations: forward;
    gradients: the first's over the last's is the backward shrink — this is last/first either way)."""
    out = {}
    for i in INITS:
        t = table[table["init"] == i].sort_values("layer")[column].to_numpy()
        out[i] = float(t[-1] / t[0])
    return out


def _grad(t: torch.Tensor) -> torch.Tensor:
    """``t.grad`` after a backward pass that reached ``t`` (retain_grad was called on it)."""
    assert t.grad is not None, "no gradient reached this activation"
    return t.grad
