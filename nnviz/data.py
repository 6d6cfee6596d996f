"""Data sets: logic gates, and (in later modules) the real tables the pages train on."""

from __future__ import annotations

import torch

Split = tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]  # X_train, y_train, X_test, y_test

GATES = ("and", "or", "nand", "xor")
INPUT_BOX = (-0.5, 1.5)  # the square (on both axes) where the logic-gate lessons draw their input space

_INPUTS = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
_TARGETS = {
    "and": [0.0, 0.0, 0.0, 1.0],
    "or": [0.0, 1.0, 1.0, 1.0],
    "nand": [1.0, 1.0, 1.0, 0.0],
    "xor": [0.0, 1.0, 1.0, 0.0],
}


def logic_gate(name: str) -> tuple[torch.Tensor, torch.Tensor]:
    """The truth table of a gate: X (4, 2) and y (4, 1), float32, rows 00, 01, 10, 11."""
    key = str(name).lower()
    if key not in _TARGETS:
        raise ValueError(f"gate must be one of {list(GATES)}, got {name!r}")
    X = torch.tensor(_INPUTS, dtype=torch.float32)
    y = torch.tensor(_TARGETS[key], dtype=torch.float32).unsqueeze(1)
    return X, y


def _standardise(train: torch.Tensor, *others: torch.Tensor) -> list[torch.Tensor]:
    """Scale by the training split's mean and std (test data never leaks into the statistics)."""
    mean, std = train.mean(0, keepdim=True), train.std(0, keepdim=True).clamp_min(1e-8)
    return [(a - mean) / std for a in (train, *others)]


def _split(n: int, test_fraction: float, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    perm = torch.randperm(n, generator=torch.Generator().manual_seed(seed))
    n_test = max(1, round(n * test_fraction))
    return perm[n_test:], perm[:n_test]


def diabetes(seed: int = 0, test_fraction: float = 0.2) -> Split:
    """scikit-learn's ``load_diabetes`` (442 × 10), standardised, split 8:2 by ``seed``.

    Returns ``(X_train, y_train, X_test, y_test)`` float32, y of shape (n, 1). It stands in for the
    Boston housing table that scikit-learn removed.
    """
    from sklearn.datasets import load_diabetes

    X, y = load_diabetes(return_X_y=True)
    X = torch.tensor(X, dtype=torch.float32)
    y = torch.tensor(y, dtype=torch.float32).unsqueeze(1)
    tr, te = _split(len(X), test_fraction, seed)
    X_tr, X_te = _standardise(X[tr], X[te])
    y_tr, y_te = _standardise(y[tr], y[te])
    return X_tr, y_tr, X_te, y_te


def digits(seed: int = 0, test_fraction: float = 0.2) -> Split:
    """scikit-learn's ``load_digits`` (1797 × 64, 10 classes), standardised, split by ``seed``.

    Returns ``(X_train, y_train, X_test, y_test)``: X float32, y int64 class labels of shape (n,).
    """
    from sklearn.datasets import load_digits

    X, y = load_digits(return_X_y=True)
    X = torch.tensor(X, dtype=torch.float32)
    y = torch.tensor(y, dtype=torch.int64)
    tr, te = _split(len(X), test_fraction, seed)
    X_tr, X_te = _standardise(X[tr], X[te])
    return X_tr, y[tr], X_te, y[te]


def noise_regression(n: int = 100, noise: float = 1.0, seed: int = 0, test_fraction: float = 0.2) -> Split:
    """y = 0·x + ε on x evenly spaced in [-1, 1], ε ~ N(0, noise²): nothing to learn but noise.

    Returns ``(x_train, y_train, x_test, y_test)`` float32 of shape (k, 1), the split drawn by ``seed``
    and each split sorted by x (for line charts).
    """
    g = torch.Generator().manual_seed(seed)
    x = torch.linspace(-1, 1, n).unsqueeze(1)
    y = 0 * x + noise * torch.randn(n, 1, generator=g)
    tr, te = _split(n, test_fraction, seed + 1)
    tr, te = tr.sort().values, te.sort().values
    return x[tr], y[tr], x[te], y[te]
