"""The playground's data sets: XOR, circles, two moons, two spirals and Gaussian blobs on one plane.

Every set lives on the plane :data:`BOX` (−6…6 on both axes, as in TensorFlow Playground). Circles,
moons and blobs are scikit-learn's ``make_circles`` / ``make_moons`` / ``make_blobs`` (with
``random_state=seed``, their ``noise`` as scikit-learn defines it), moved and scaled onto the plane;
XOR, spirals and three rings are drawn here from ``numpy.random.default_rng(seed)``. A seed drives all
randomness, so the same arguments give the same points.
"""

from __future__ import annotations

import numpy as np
import torch

KINDS = ("xor", "circles", "moons", "spirals", "blobs")
TWO_CLASS_ONLY = ("xor", "moons")  # kinds that have no three-class version
BOX = (-6.0, 6.0)  # the plane, both axes
RADIUS = 5.0  # a set's canonical size (about ±1) is scaled by this onto the plane
MAX_POINTS = 1000
MIN_POINTS = 10
MAX_NOISE = 1.0
BLOB_STD = 0.25  # blobs' spread at noise 0 (scikit-learn's cluster_std = BLOB_STD + noise)
# kind → (centre, half-size) of scikit-learn's own coordinates: what maps them onto ±1
_FRAME = {"circles": ((0.0, 0.0), 1.0), "moons": ((0.5, 0.25), 1.5)}


def check(kind: str, n: int, noise: float, classes: int, seed: int) -> None:
    """Raise ValueError naming the first bad argument of :func:`make_data`."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {list(KINDS)}, got {kind!r}")
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not MIN_POINTS <= n <= MAX_POINTS:
        raise ValueError(f"n must be a whole number between {MIN_POINTS} and {MAX_POINTS}, got {n!r}")
    if isinstance(noise, bool) or not isinstance(noise, (int, float)) or not 0 <= noise <= MAX_NOISE:
        raise ValueError(f"noise must be a number between 0 and {MAX_NOISE:g}, got {noise!r}")
    if classes not in (2, 3) or isinstance(classes, bool):
        raise ValueError(f"classes must be 2 or 3, got {classes!r}")
    if classes == 3 and kind in TWO_CLASS_ONLY:
        raise ValueError(f"classes must be 2 for kind {kind!r} (it has no three-class version), got 3")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed must be a whole number ≥ 0, got {seed!r}")


def classes_for(kind: str, classes: int) -> int:
    """The number of classes a kind can give: ``classes``, or 2 for the two-class-only kinds."""
    return 2 if kind in TWO_CLASS_ONLY else classes


def make_data(kind: str, n: int = 200, noise: float = 0.1, classes: int = 2,
              seed: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    """``n`` points of a set: X float32 (n, 2) on the plane, y int64 (n,) labels 0 … classes − 1."""
    check(kind, n, noise, classes, seed)
    X, y = _canonical(kind, int(n), float(noise), int(classes), int(seed))
    X = np.clip(X * RADIUS, *BOX)
    return torch.tensor(X, dtype=torch.float32), torch.tensor(y, dtype=torch.int64)


def _canonical(kind: str, n: int, noise: float, classes: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The set at size about ±1 (before scaling onto the plane)."""
    from sklearn import datasets

    if kind == "circles" and classes == 2:
        X, y = datasets.make_circles(n, noise=noise, factor=0.5, random_state=seed)
    elif kind == "moons":
        X, y = datasets.make_moons(n, noise=noise, random_state=seed)
    elif kind == "blobs":
        X, y = datasets.make_blobs(n, centers=blob_centres(classes), cluster_std=BLOB_STD + noise,
                                   random_state=seed)
        return X, y
    elif kind == "circles":
        return rings(n, noise, classes, seed)
    elif kind == "spirals":
        return spirals(n, noise, classes, seed)
    else:
        return xor(n, noise, seed)
    centre, half = _FRAME[kind]
    return (X - np.asarray(centre)) / half, y


def blob_centres(classes: int) -> np.ndarray:
    """The blobs' centres: evenly around a circle of radius 0.6 (2 classes: left and right)."""
    angles = np.pi + 2 * np.pi * np.arange(classes) / classes
    return 0.6 * np.stack([np.cos(angles), np.sin(angles)], axis=1)


def _sizes(n: int, classes: int) -> list[int]:
    """Points per class: as even as possible, the first classes taking the remainder."""
    return [n // classes + (k < n % classes) for k in range(classes)]


def xor(n: int, noise: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Uniform points of the square ±1 (kept off the axes by 0.05); label 1 where x1·x2 < 0 (before noise)."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1, 1, size=(n, 2))
    X += np.where(X >= 0, 0.05, -0.05)
    X = np.clip(X, -1, 1)
    y = (X[:, 0] * X[:, 1] < 0).astype(np.int64)
    return X + noise * rng.standard_normal((n, 2)), y


def spirals(n: int, noise: float, classes: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``classes`` interleaved spiral arms, each turning 1.75 times out to radius 1."""
    rng = np.random.default_rng(seed)
    parts, labels = [], []
    for k, m in enumerate(_sizes(n, classes)):
        r = np.linspace(0.05, 1.0, m)
        angle = 1.75 * 2 * np.pi * r + 2 * np.pi * k / classes
        parts.append(np.stack([r * np.sin(angle), r * np.cos(angle)], axis=1))
        labels.append(np.full(m, k))
    X, y = np.concatenate(parts), np.concatenate(labels)
    return X + noise * rng.standard_normal(X.shape), y


def rings(n: int, noise: float, classes: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``classes`` concentric rings at radii 1/classes … 1 (scikit-learn has circles for 2 only)."""
    rng = np.random.default_rng(seed)
    parts, labels = [], []
    for k, m in enumerate(_sizes(n, classes)):
        angle = rng.uniform(0, 2 * np.pi, m)
        r = (k + 1) / classes
        parts.append(np.stack([r * np.cos(angle), r * np.sin(angle)], axis=1))
        labels.append(np.full(m, k))
    X, y = np.concatenate(parts), np.concatenate(labels)
    return X + noise * rng.standard_normal(X.shape), y


def split(n: int, test_percent: int, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Indices (train, test) of ``n`` points: a permutation drawn by ``seed``; the test split takes
    ``round(n · test_percent / 100)`` points, at least 1 and leaving at least 1 for training (n ≥ 2)."""
    if n < 2:
        raise ValueError(f"n must be at least 2 to split, got {n!r}")
    if not 0 <= test_percent <= 90:
        raise ValueError(f"test_percent must be between 0 and 90, got {test_percent!r}")
    perm = torch.randperm(n, generator=torch.Generator().manual_seed(int(seed)))
    n_test = min(max(1, round(n * test_percent / 100)), n - 1) if test_percent else 0
    return perm[n_test:], perm[:n_test]
