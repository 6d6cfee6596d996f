"""The page's nets and data: 2 inputs, one or two hidden layers, one sigmoid output, on XOR's rows."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import torch
from torch import nn

from nnviz.backprop import symbols
from nnviz.backprop.graph import trace
from nnviz.backprop.records import Trace
from nnviz.backprop.settings import SAMPLES, SETTINGS
from nnviz.backprop.weights import Slot, flat_weights, set_weights
from nnviz.data import logic_gate
from nnviz.models import layer_sizes, linear_default_init_, mlp


def sample(name: str = "x10") -> tuple[torch.Tensor, torch.Tensor]:
    """An XOR input and target by name (``"x10"``: x = (1, 0), y = 1), or ``"batch"`` for all four rows."""
    SETTINGS.check(sample=name)
    X, y = logic_gate("xor")
    if name == "batch":
        return X, y
    row = SAMPLES.index(name)
    return X[row : row + 1], y[row : row + 1]


def sizes(width: int = 2, depth: int = 1) -> tuple[int, ...]:
    """Layer sizes of the page's net, input first: 2 inputs, ``depth`` hidden layers of ``width``, 1 output."""
    SETTINGS.check(width=width, depth=depth)
    return layer_sizes(2, width, depth, 1)


def n_params(width: int = 2, depth: int = 1) -> int:
    """The page's net's parameter count (what typed weights must match)."""
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
        linear_default_init_(model, torch.Generator().manual_seed(seed))
    return model


def usable_weights(typed: Sequence[float], width: int = 2, depth: int = 1) -> tuple[float, ...]:
    """The typed weights if they fit the net (one number per parameter), else ``()`` (the seed's)."""
    return tuple(typed) if len(typed) == n_params(width, depth) else ()


def shown_weights(
    width: int = 2, depth: int = 1, activation: str = "sigmoid", seed: int = 0, weights: Sequence[float] = ()
) -> tuple[float, ...]:
    """The net's initial weights as the weights table shows them: ``weights`` if given, else the seed's."""
    return tuple(weights) or flat_weights(build(width, depth, activation, seed))


def weight_slots(width: int = 2, depth: int = 1) -> pd.DataFrame:
    """The parameters of the page's net in typing order: ``symbol, parameter`` (one row per number)."""
    s = sizes(width, depth)
    rows = []
    for layer, (n_in, n_out) in enumerate(zip(s[:-1], s[1:]), 1):
        module = 2 * (layer - 1)
        for j in range(n_out):
            for i in range(n_in):
                rows.append({"symbol": symbols.weight(layer, j + 1, i + 1)[1],
                             "parameter": str(Slot(f"{module}.weight", (j, i)))})
        for j in range(n_out):
            rows.append({"symbol": symbols.unit("b", layer, j + 1, n_out == 1)[1],
                         "parameter": str(Slot(f"{module}.bias", (j,)))})
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
    """:func:`~nnviz.backprop.graph.trace` of the page's net on an XOR sample (or the four-sample batch)."""
    x, y = sample(sample_name)
    return trace(build(width, depth, activation, seed, weights), x, y, loss)
