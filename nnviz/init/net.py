"""The initialised net: layer sizes, a scheme with its arguments (:class:`Scale`), the model and its inputs."""

from __future__ import annotations

import contextlib
import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import torch
from torch import nn

from nnviz import data as nndata
from nnviz import models
from nnviz.init.settings import FORMULAS, N_CLASSES, N_FEATURES, NOISE_SEED_OFFSET, SETTINGS, STD_FORMULAS
from nnviz.models import INIT_SCHEMES, initialize, layer_sizes, theory_weight_std


def sizes(width: int, depth: int) -> tuple[int, ...]:
    """Layer sizes, input first: 64 inputs, ``depth`` hidden layers of ``width``, 10 outputs."""
    return layer_sizes(N_FEATURES, width, depth, N_CLASSES)


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
        # and ignores ``generator``: the same rule on our generator.
        models.linear_default_init_(model, generator)
    else:
        initialize(model, scale.scheme, scale.act, value=scale.value, std=scale.std, bound=scale.bound,
                   mode=scale.mode, generator=generator)
    return model


@functools.lru_cache(maxsize=8)
def _digits(seed: int):
    return nndata.digits(seed)


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
