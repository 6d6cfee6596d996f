"""One forward and backward pass through the initialised net: the per-layer table, histograms, depth profile."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import torch
import torch.nn.functional as F
from torch import nn

from nnviz import models
from nnviz.init.mean_field import mean_field
from nnviz.init.net import _check, _scale, build, inputs, sizes
from nnviz.init.settings import FLAT


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
    layer_sizes = sizes(width, depth)
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
        for i, t in enumerate(counts):
            c = t.double().numpy()
            total = c.sum()
            cols["quantity"].append(np.full(bins, quantity))
            cols["layer"].append(np.full(bins, i + 1))
            cols["kind"].append(np.full(bins, "hidden" if i < depth else "output"))
            cols["bin_start"].append(edges[:-1])
            cols["bin_end"].append(edges[1:])
            cols["count"].append(c.astype(np.int64))
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
