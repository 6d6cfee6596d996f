"""Where a shrinking signal stops shrinking: the floor nn.Linear's default biases put under the activations.

With PyTorch's default init (weights and biases both U(±1/√n)) a tanh net's activations shrink over the
first layers, then level off where the biases' own spread balances the weights' shrinking: for a unit
near its linear regime Var(z) = Var(z)/3 + 1/(3n), i.e. std → 1/√(2n). :func:`find` reads the floor from a
measured per-layer std; :func:`tanh_default` is that closed form.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from nnviz.grad_factors import per_layer

LEVEL = 0.2  # the layers of a floor all lie within 20 % of their mean
MIN_LEVEL_LAYERS = 3  # a floor is at least this many level layers at the end


@dataclass(frozen=True)
class Floor:
    """``layer``: the first layer of the level run; ``value``: the std there (mean over the run);
    ``factor``: per-layer factor of the std from layer 1 to ``layer``."""

    layer: int
    value: float
    factor: float


def find(stds: Sequence[float], level: float = LEVEL, min_layers: int = MIN_LEVEL_LAYERS) -> Floor | None:
    """The floor of a per-layer std (layer 1 first) that falls and then stays level to the last layer."""
    s = [float(x) for x in stds]
    if len(s) < min_layers + 1 or not all(x > 0 and math.isfinite(x) for x in s):
        return None
    def level_from(i: int) -> bool:
        run = s[i:]
        mean = sum(run) / len(run)
        return all(abs(x / mean - 1) <= level for x in run)

    k = len(s) - 1  # index of the first layer of the level run at the end
    while k > 0 and level_from(k - 1):
        k -= 1
    if len(s) - k < min_layers or k == 0 or s[k] >= s[0]:
        return None  # no level run, level from the start, or a rise: no floor to speak of
    run = s[k:]
    return Floor(layer=k + 1, value=sum(run) / len(run), factor=per_layer(s[:k + 1]))


def tanh_default(width: int) -> float:
    """The fixed point of the activations' std under PyTorch's default init at ``width`` units: 1/√(2n)."""
    return 1 / math.sqrt(2 * width)
