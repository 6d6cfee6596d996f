"""Mean-field theory: the predicted activation and gradient spread of every hidden layer."""

from __future__ import annotations

import math
from collections.abc import Sequence

import torch

from nnviz import models
from nnviz.init.net import Scale

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
