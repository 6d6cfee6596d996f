"""From a page's settings to points and a run: the data set (generated or drawn), its split, and training."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch

from nnviz.playground import data as D
from nnviz.playground import features as feats
from nnviz.playground import points as P
from nnviz.playground import settings as S
from nnviz.playground.train import Run, train

MIN_OWN = 4  # drawn points needed to train: at least this many, of at least two classes, 2 of each


@dataclass(frozen=True)
class Points:
    """A page's points: all of them, and which are training and test points."""

    X: torch.Tensor  # (n, 2)
    y: torch.Tensor  # (n,)
    train: torch.Tensor  # indices
    test: torch.Tensor
    classes: int
    problem: str | None = None  # why there is nothing to train on (an i18n key suffix), else None

    @property
    def ok(self) -> bool:
        return self.problem is None


def points(values: dict) -> Points:
    """The points a page's settings describe: the generated set, or the drawn ones (source = own)."""
    if values["source"] == "own":
        X_np, y_np = P.decode(values["points"])
        X, y = torch.tensor(X_np, dtype=torch.float32), torch.tensor(y_np, dtype=torch.int64)
        counts = np.bincount(y.numpy(), minlength=2)
        classes = max(2, int(y.max()) + 1) if len(y) else 2
        if len(y) < MIN_OWN or (counts >= 2).sum() < 2:
            empty = torch.zeros(0, dtype=torch.int64)
            return Points(X, y, torch.arange(len(y)), empty, classes, "too_few")
    else:
        classes = D.classes_for(values["data"], values["classes"])
        X, y = D.make_data(values["data"], values["n"], values["noise"], classes, values["seed"])
    tr, te = D.split(len(y), values["test"], values["seed"])
    return Points(X, y, tr, te, classes)


def hidden(layers: int, units: int) -> tuple[int, ...]:
    return (int(units),) * int(layers)


def run(values: dict, pts: Points, progress: Callable[[float], None] | None = None) -> Run:
    """Train the net of ``values`` on ``pts`` (epochs capped by :func:`nnviz.playground.settings.epochs_run`)."""
    epochs = S.epochs_run(values["epochs"], len(pts.train), values["batch"], values["layers"])
    return train(pts.X[pts.train], pts.y[pts.train], hidden(values["layers"], values["units"]), values["activation"],
                 features=feats.chosen(values), init=values["init"], dropout=values["dropout"], wd=values["wd"],
                 optimizer=values["optimizer"], lr=values["lr"], batch=min(values["batch"], len(pts.train)),
                 epochs=epochs, seed=values["seed"], classes=pts.classes, X_test=pts.X[pts.test],
                 y_test=pts.y[pts.test], progress=progress)
