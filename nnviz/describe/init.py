"""Text alternatives of the /init charts."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from nnviz import i18n
from nnviz.describe.base import count, join, number, percent, t

# Weights this close (relative to their size) are "the same".
SAME = 1e-6


def depth_profile(profile: pd.DataFrame, order: Sequence[str], lang: str) -> str:
    """The measured spread through the layers: activations forward, gradients backward, per scheme."""
    measured = profile[profile["source"] == "measured"]
    items = []
    for scheme in order:
        mine = measured[measured["scheme"] == scheme]
        act = mine[mine["panel"] == "activation"].sort_values("layer")
        grad = mine[mine["panel"] == "backprop"].sort_values("layer")
        if not len(act) or not len(grad):
            continue
        items.append(t("init.depth.item", lang, scheme=scheme, a1=number(act["std"].iloc[0]),
                       a2=number(act["std"].iloc[-1]), g1=number(grad["std"].iloc[-1]),
                       g2=number(grad["std"].iloc[0])))
    return t("init.depth", lang, items="; ".join(items))


def histogram_std(bins: pd.DataFrame) -> float:
    """The standard deviation of the values a histogram counts, each taken at its bin's centre."""
    centre = (bins["bin_start"].to_numpy(float) + bins["bin_end"].to_numpy(float)) / 2
    w = bins["count"].to_numpy(float)
    if w.sum() <= 0:
        return float("nan")
    mean = float((centre * w).sum() / w.sum())
    return float(np.sqrt(((centre - mean) ** 2 * w).sum() / w.sum()))


def histograms(hist: pd.DataFrame, quantity: str, lang: str) -> str:
    """One quantity's histograms per layer: its spread in the first layer and in the last."""
    layers = sorted(hist["layer"].unique())
    first, last = layers[0], layers[-1]
    return t("init.hist", lang, what=i18n.t(f"init.hist.{quantity}", lang), l1=count(first), l2=count(last),
             s1=number(histogram_std(hist[hist["layer"] == first])), s2=number(histogram_std(hist[hist["layer"] == last])))


def training(history: pd.DataFrame, order: Sequence[str], lang: str) -> str:
    """Each scheme's train loss and test accuracy at the end of training."""
    items = []
    for scheme in order:
        mine = history[history["scheme"] == scheme].sort_values("step")
        if len(mine):
            items.append(f"{scheme} {number(mine['train_loss'].iloc[-1])} / {percent(mine['test_acc'].iloc[-1])}")
    return t("init.training", lang, steps=count(history["step"].max()), items=join(items))


def symmetry(trace: pd.DataFrame, name: str, lang: str) -> str:
    """The traced weights of one layer's units: identical (symmetry never breaks) or spread apart."""
    last = int(trace["step"].max())
    end = trace[trace["step"] == last]["weight"].astype(float)
    lo, hi = float(end.min()), float(end.max())
    k = count(trace["unit"].nunique())
    if hi - lo <= SAME * max(abs(lo), abs(hi), 1.0):
        return t("init.sym.same", lang, name=name, k=k, last=count(last), w=number(lo))
    return t("init.sym.apart", lang, name=name, k=k, last=count(last), lo=number(lo), hi=number(hi))


def he_signal(signal: pd.DataFrame, lang: str) -> str:
    """He et al.'s check: the activations' spread from layer 1 to the last, for each weight variance."""
    items = []
    for var, rows in signal.groupby("variance", sort=False):
        rows = rows.sort_values("layer")
        items.append(f"{var} {number(rows['activation_std'].iloc[0])} → {number(rows['activation_std'].iloc[-1])}")
    return t("init.he.signal", lang, last=count(signal["layer"].max()), items=join(items))


def he_training(history: pd.DataFrame, lang: str) -> str:
    """He et al.'s check: the train loss at the end, for each weight variance."""
    items = join(f"{var} {number(rows.sort_values('step')['train_loss'].iloc[-1])}"
                 for var, rows in history.groupby("variance", sort=False))
    return t("init.he.training", lang, steps=count(history["step"].max()), items=items)
