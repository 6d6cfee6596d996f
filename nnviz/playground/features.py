"""Input features, as in TensorFlow Playground: x1, x2, x1², x2², x1·x2, sin x1, sin x2.

A net of the playground sees the selected features of each point, in the order of :data:`FEATURES`,
not the raw coordinates: with x1² and x2² a single layer draws a circle.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import torch

# setting name → (formula, as the page writes it)
FEATURES: dict[str, Callable[[torch.Tensor], torch.Tensor]] = {
    "x1": lambda X: X[:, 0],
    "x2": lambda X: X[:, 1],
    "x1sq": lambda X: X[:, 0] ** 2,
    "x2sq": lambda X: X[:, 1] ** 2,
    "x1x2": lambda X: X[:, 0] * X[:, 1],
    "sin1": lambda X: torch.sin(X[:, 0]),
    "sin2": lambda X: torch.sin(X[:, 1]),
}
SYMBOLS = {"x1": "x₁", "x2": "x₂", "x1sq": "x₁²", "x2sq": "x₂²", "x1x2": "x₁x₂", "sin1": "sin x₁", "sin2": "sin x₂"}
CODE = {"x1": "X[:, 0]", "x2": "X[:, 1]", "x1sq": "X[:, 0] ** 2", "x2sq": "X[:, 1] ** 2", "x1x2": "X[:, 0] * X[:, 1]",
        "sin1": "torch.sin(X[:, 0])", "sin2": "torch.sin(X[:, 1])"}
DEFAULT = ("x1", "x2")


def chosen(values: dict) -> tuple[str, ...]:
    """The features switched on in a page's settings (``values[name]`` True), in :data:`FEATURES` order;
    none switched on → x1 and x2 (a net needs an input)."""
    names = tuple(name for name in FEATURES if values.get(name))
    return names or DEFAULT


def check(names: Iterable[str]) -> tuple[str, ...]:
    names = tuple(names)
    bad = [n for n in names if n not in FEATURES]
    if bad or not names or len(set(names)) != len(names):
        raise ValueError(f"features must be distinct names from {list(FEATURES)}, at least one, got {list(names)}")
    return names


def transform(X: torch.Tensor, names: Iterable[str] = DEFAULT) -> torch.Tensor:
    """The (n, F) feature matrix of points X (n, 2)."""
    names = check(names)
    X = torch.as_tensor(X, dtype=torch.float32)
    return torch.stack([FEATURES[n](X) for n in names], dim=1)
