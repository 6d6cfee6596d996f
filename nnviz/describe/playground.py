"""Text alternatives of the /playground charts."""

from __future__ import annotations

import numpy as np
import pandas as pd

from nnviz.describe.base import count, number, percent, t, way
from nnviz.playground.train import Run, shape


def editor(labels, label: int, lang: str) -> str:
    """The plane to draw on: how many points of each class, and what a click does."""
    counts = np.bincount(np.asarray(labels, dtype=int), minlength=3)
    per = ", ".join(t("playground.editor.class", lang, k=k, n=count(n)) for k, n in enumerate(counts) if n)
    return t("playground.editor", lang, n=count(len(labels)), per=per or "0", label=label)


def regions(run: Run, epoch: int | None, lang: str) -> str:
    """The decision regions after ``epoch``: the share of training and of test points on their class's side."""
    k = run.frame(epoch)
    return t("playground.regions", lang, epoch=count(k), train=percent(run.train_acc[k]), test=percent(run.test_acc[k]))


def loss(run: Run, lang: str) -> str:
    """Both loss curves: the training loss's course, and where the test loss ends and was lowest."""
    train, test = np.asarray(run.train_loss, float), np.asarray(run.test_loss, float)
    best = int(np.nanargmin(test)) if np.isfinite(test).any() else 0
    return t(f"playground.loss.{way(train[0], train[-1])}", lang, start=number(train[0]), end=number(train[-1]),
             last=count(run.epochs), test=number(test[-1]), low=number(test[best]), best=count(best))


def network(run: Run, edges: pd.DataFrame, epoch: int | None, lang: str) -> str:
    """The net drawn: its shape, how many weights and their range."""
    w = edges["weight"].astype(float)
    return t("playground.network", lang, shape=shape(len(run.features), run.hidden, run.classes),
             epoch=count(run.frame(epoch)), n=count(len(w)), lo=number(w.min()), hi=number(w.max()))


def compared(tag: str, run: Run, lang: str) -> str:
    """One side of A/B: its decision regions' test accuracy and test loss at the end."""
    return t("playground.ab.side", lang, tag=tag, test=percent(run.test_acc[-1]), loss=number(run.test_loss[-1]))


def compared_losses(a: Run, b: Run, lang: str) -> str:
    """A's and B's loss curves: each one's final test loss, and which ends lower."""
    la, lb = float(a.test_loss[-1]), float(b.test_loss[-1])
    lower = "A" if la < lb else "B" if lb < la else ""
    key = "playground.ab.losses" + ("" if lower else ".tie")
    return t(key, lang, a=number(la), b=number(lb), ea=count(a.epochs), eb=count(b.epochs), lower=lower)
