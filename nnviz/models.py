"""Building nets: activations by name, MLPs as ``nn.Sequential``, and weight initialisation."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TypeVar

import torch
from torch import nn

# name → module factory; the names are the values of every page's "activation" setting.
ACTIVATIONS = {
    "sigmoid": nn.Sigmoid,
    "tanh": nn.Tanh,
    "relu": nn.ReLU,
    "leaky_relu": nn.LeakyReLU,
    "elu": nn.ELU,
    "gelu": nn.GELU,
    "silu": nn.SiLU,
    "softplus": nn.Softplus,
    "linear": nn.Identity,
}

# torch.nn.init scheme names without the trailing underscore, plus "default" (nn.Linear's own).
INIT_SCHEMES = (
    "default",
    "zeros",
    "constant",
    "normal",
    "uniform",
    "xavier_normal",
    "xavier_uniform",
    "kaiming_normal",
    "kaiming_uniform",
    "orthogonal",
)


M = TypeVar("M", bound=nn.Module)  # initialize() returns the model it was given

def activation(name: str, negative_slope: float = 0.01) -> nn.Module:
    """A fresh activation module by name (LeakyReLU takes ``negative_slope``)."""
    if name not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {list(ACTIVATIONS)}, got {name!r}")
    if name == "leaky_relu":
        return nn.LeakyReLU(negative_slope)
    return ACTIVATIONS[name]()


def layer_sizes(n_in: int, width: int, depth: int, n_out: int) -> tuple[int, ...]:
    """Every layer's width, input first: (n_in, width × depth, n_out) — what :func:`mlp` takes."""
    return (int(n_in),) + (int(width),) * int(depth) + (int(n_out),)


def mlp(
    sizes: Sequence[int],
    act: str = "sigmoid",
    out_act: str | None = None,
    dropout: float = 0.0,
    negative_slope: float = 0.01,
) -> nn.Sequential:
    """``nn.Sequential(Linear, act, [Dropout], …, Linear, [out_act])`` for layer sizes ``sizes``.

    Layers are created in order, so after ``torch.manual_seed(s)`` the weights equal those of the
    same nn.Sequential written out by hand.
    """
    layers: list[nn.Module] = []
    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        layers.append(nn.Linear(n_in, n_out))
        if i < len(sizes) - 2:
            layers.append(activation(act, negative_slope))
            if dropout > 0:
                layers.append(nn.Dropout(dropout))
    if out_act is not None:
        layers.append(activation(out_act, negative_slope))
    return nn.Sequential(*layers)


@torch.no_grad()
def linear_default_init_(model: nn.Module, generator: torch.Generator) -> nn.Module:
    """nn.Linear's own initialisation (``reset_parameters``: kaiming_uniform_ with a = √5, bias
    U(±1/√fan_in)) of every Linear in ``model``, drawn from ``generator`` instead of the global one."""
    for layer in model.modules():
        if isinstance(layer, nn.Linear):
            nn.init.kaiming_uniform_(layer.weight, a=math.sqrt(5), generator=generator)
            if layer.bias is not None:
                bound = 1 / math.sqrt(layer.in_features) if layer.in_features > 0 else 0.0
                nn.init.uniform_(layer.bias, -bound, bound, generator=generator)
    return model


def gain(act: str, negative_slope: float = 0.01) -> float:
    """``nn.init.calculate_gain`` for an activation name (GELU/SiLU/ELU/softplus use ReLU's)."""
    if act in ("sigmoid", "tanh", "relu", "linear"):
        return nn.init.calculate_gain(act)  # type: ignore[arg-type]  # one of the names just checked
    if act == "leaky_relu":
        return nn.init.calculate_gain("leaky_relu", negative_slope)
    return nn.init.calculate_gain("relu")


@torch.no_grad()
def initialize(
    model: M,
    scheme: str = "default",
    act: str = "relu",
    *,
    value: float = 0.1,
    std: float = 0.01,
    bound: float = 0.05,
    mode: str = "fan_in",
    negative_slope: float = 0.01,
    generator: torch.Generator | None = None,
) -> M:
    """Re-initialise every ``nn.Linear`` weight in ``model`` with a ``torch.nn.init`` scheme; biases → 0.

    ``default`` keeps (re-draws) nn.Linear's own: kaiming_uniform_ with a = √5, i.e.
    U(−1/√fan_in, 1/√fan_in), and its bias rule (from ``generator`` if given). Scale options: ``value`` (constant), ``std``
    (normal), ``bound`` (uniform), ``mode`` (kaiming). Xavier, kaiming and orthogonal use the
    activation's gain (``nn.init.calculate_gain``).
    """
    if scheme not in INIT_SCHEMES:
        raise ValueError(f"scheme must be one of {list(INIT_SCHEMES)}, got {scheme!r}")
    init = nn.init
    g = gain(act, negative_slope)
    nonlinearity = act if act in ("sigmoid", "tanh", "relu", "leaky_relu", "linear") else "relu"
    for layer in model.modules():
        if not isinstance(layer, nn.Linear):
            continue
        w = layer.weight
        if scheme == "default":
            if generator is None:
                layer.reset_parameters()
            else:
                linear_default_init_(layer, generator)
            continue
        if scheme == "zeros":
            init.zeros_(w)
        elif scheme == "constant":
            init.constant_(w, value)
        elif scheme == "normal":
            init.normal_(w, 0.0, std, generator=generator)
        elif scheme == "uniform":
            init.uniform_(w, -bound, bound, generator=generator)
        elif scheme == "xavier_normal":
            init.xavier_normal_(w, gain=g, generator=generator)
        elif scheme == "xavier_uniform":
            init.xavier_uniform_(w, gain=g, generator=generator)
        elif scheme == "kaiming_normal":
            init.kaiming_normal_(w, a=negative_slope, mode=mode, nonlinearity=nonlinearity,  # type: ignore[arg-type]
                                 generator=generator)
        elif scheme == "kaiming_uniform":
            init.kaiming_uniform_(w, a=negative_slope, mode=mode, nonlinearity=nonlinearity,  # type: ignore[arg-type]
                                  generator=generator)
        elif scheme == "orthogonal":
            init.orthogonal_(w, gain=g, generator=generator)
        if layer.bias is not None:
            init.zeros_(layer.bias)
    return model


def theory_weight_std(scheme: str, fan_in: int, fan_out: int, act: str = "relu", *, value: float = 0.1,
                      std: float = 0.01, bound: float = 0.05, mode: str = "fan_in",
                      negative_slope: float = 0.01) -> float:
    """The standard deviation a scheme's weights have in theory, for one layer's fans."""
    g = gain(act, negative_slope)
    fan = fan_in if mode == "fan_in" else fan_out
    return {
        "default": 1 / math.sqrt(3 * fan_in),  # U(±1/√fan_in): std = bound/√3
        "zeros": 0.0,
        "constant": 0.0,
        "normal": std,
        "uniform": bound / math.sqrt(3),
        "xavier_normal": g * math.sqrt(2.0 / (fan_in + fan_out)),
        "xavier_uniform": g * math.sqrt(2.0 / (fan_in + fan_out)),
        "kaiming_normal": g / math.sqrt(fan),
        "kaiming_uniform": g / math.sqrt(fan),
        "orthogonal": g / math.sqrt(max(fan_in, fan_out)),
    }[scheme]
