"""Text alternatives of the /activations charts."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from nnviz import i18n
from nnviz.describe.base import count, join, number, percent, t


def _name(names: Mapping[str, str], a: str) -> str:
    return names.get(a, a)


def _first_over_last(rows: pd.DataFrame, column: str = "weight_grad_norm") -> float:
    """The value at layer 1 divided by the value at the last layer (inf or nan where the last is 0: a
    diverged or dead net)."""
    rows = rows.sort_values("layer")
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.float64(rows[column].iloc[0]) / np.float64(rows[column].iloc[-1]))


def functions(slopes: pd.DataFrame, names: Mapping[str, str], lang: str) -> str:
    """f and f′: each function's largest slope (sigmoid's 0.25 is the one the lesson is about)."""
    items = join(f"{_name(names, a)} {number(s)}" for a, s in zip(slopes["activation"], slopes["max_df"]))
    return t("activations.functions", lang, items=items)


def shrink(table: pd.DataFrame, names: Mapping[str, str], lang: str) -> str:
    """The product of slopes over the deepest stack shown, at best and typically, per function."""
    depth = int(table["layers"].max())
    at = table[table["layers"] == depth]
    items = join(t("activations.shrink.item", lang, name=_name(names, a), best=number(b), typical=number(ty))
                 for a, b, ty in zip(at["activation"], at["best"], at["typical"]))
    return t("activations.shrink", lang, n=count(depth), items=items)


def factors(table: pd.DataFrame, name: str, lang: str) -> str:
    """One net's weight gradient at layer 1 against the last layer, and its two factors (δ and the input)."""
    rows = table.sort_values("layer")
    return t("activations.factors", lang, name=name, last=count(rows["layer"].iloc[-1]),
             w=number(_first_over_last(rows, "weight_grad_norm")), d=number(_first_over_last(rows, "delta_rms")),
             i=number(_first_over_last(rows, "input_rms")))


def grad_profile(now: pd.DataFrame, names: Mapping[str, str], epoch: int, lang: str) -> str:
    """The gradient per layer at the epoch shown: layer 1's weight gradient over the last layer's, per net."""
    items = join(f"{_name(names, a)} {number(_first_over_last(rows))}"
                 for a, rows in now.groupby("activation", sort=False))
    return t("activations.profile", lang, epoch=count(epoch), items=items)


def unit_health(now: pd.DataFrame, names: Mapping[str, str], epoch: int, lang: str) -> str:
    """Dead and saturated hidden units at the epoch shown (the mean over hidden layers), per net."""
    items = []
    for a, rows in now.groupby("activation", sort=False):
        hidden = rows[rows["layer"] < rows["layer"].max()]
        items.append(f"{_name(names, a)} {percent(hidden['dead_fraction'].mean())} / "
                     f"{percent(hidden['saturated_fraction'].mean())}")
    return t("activations.health", lang, epoch=count(epoch), items=join(items))


def losses(history: pd.DataFrame, names: Mapping[str, str], lang: str) -> str:
    """Each net's train and test loss at its last epoch."""
    last = history.sort_values("epoch").groupby("activation", sort=False).tail(1)
    items = join(f"{_name(names, a)} {number(tr)} / {number(te)}"
                 for a, tr, te in zip(last["activation"], last["train_loss"], last["test_loss"]))
    return t("activations.losses", lang, epochs=count(history["epoch"].max()), items=items)


def grad_heatmap(layers: pd.DataFrame, names: Mapping[str, str], lang: str) -> str:
    """The gradient by layer and epoch: layer 1 over the last layer at epoch 0 and at the last epoch."""
    items = []
    for a, rows in layers.groupby("activation", sort=False):
        first, end = rows[rows["epoch"] == rows["epoch"].min()], rows[rows["epoch"] == rows["epoch"].max()]
        items.append(f"{_name(names, a)} {number(_first_over_last(first))} → {number(_first_over_last(end))}")
    return t("activations.heat", lang, epochs=count(layers["epoch"].max()), items=join(items))


def glorot(table: pd.DataFrame, quantity: str, lang: str) -> str:
    """Glorot & Bengio's check: the spread of activations (or gradients) from layer 1 to the last, per init."""
    items = []
    for init, rows in table.groupby("init", sort=False):
        rows = rows.sort_values("layer")
        items.append(f"{i18n.t(f'activations.lbl.{init}', lang)} {number(rows[quantity].iloc[0])} → "
                     f"{number(rows[quantity].iloc[-1])}")
    return t("activations.glorot", lang, what=i18n.t(f"activations.lbl.{quantity}", lang),
             last=count(table["layer"].max()), items=join(items))
