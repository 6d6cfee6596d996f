"""Text alternatives of the /dropout charts."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from nnviz.describe.base import count, join, number, percent, t, way


def layer_input(frame: pd.DataFrame, lang: str) -> str:
    """The layer's inputs: how many, and their range."""
    return t("dropout.input", lang, n=count(len(frame)), lo=number(frame["input"].min()),
             hi=number(frame["input"].max()))


def layer_output(frame: pd.DataFrame, draw: int, lang: str) -> str:
    """One mask: how many units it keeps, the factor the kept ones are scaled by, and the zeros."""
    kept = frame["kept"].astype(bool)
    n, k = len(frame), int(kept.sum())
    live = kept & (frame["input"] != 0)
    if not live.any():
        return t("dropout.output.plain", lang, draw=draw, k=count(k), n=count(n), zeros=count(n - k))
    scale = float(np.median(frame.loc[live, "output"] / frame.loc[live, "input"]))
    return t("dropout.output", lang, draw=draw, k=count(k), n=count(n), scale=number(scale), zeros=count(n - k))


def expectation(units: pd.DataFrame, masks: int, lang: str) -> str:
    """The mean output over many masks against the input: the share of units within 2 standard errors."""
    z = units["z"].astype(float)
    finite = z[np.isfinite(z)]
    if not len(finite):  # p = 0: every output equals its input, no spread to measure
        return t("dropout.expect.exact", lang, masks=count(masks), n=count(len(units)))
    return t("dropout.expect", lang, masks=count(masks), n=count(len(finite)),
             within=percent((finite.abs() <= 2).mean()), z=number(finite.abs().max()))


def kept_shares(shares: pd.DataFrame, keep: float, lang: str) -> str:
    """The share of units each mask keeps: its mean and range, against 1 − p."""
    s = shares["kept_share"].astype(float)
    return t("dropout.shares", lang, n=count(len(s)), mean=number(s.mean()), keep=number(keep), lo=number(s.min()),
             hi=number(s.max()))


def thinned(outputs: pd.DataFrame, eval_output: float, lang: str) -> str:
    """The thinned networks of a few passes: each one's output, and the full net's in eval mode."""
    return t("dropout.thin", lang, k=count(len(outputs)), outs=join(number(o) for o in outputs["output"]),
             ev=number(eval_output))


def losses(history: pd.DataFrame, names: Mapping[str, str], lang: str) -> str:
    """Train and test loss of the plain net and the net with dropout, at their last epoch."""
    items = []
    for model in ("plain", "dropout"):
        mine = history[history["model"] == model]
        if not len(mine):
            continue
        end = mine[mine["epoch"] == mine["epoch"].max()].set_index("split")["loss"]
        items.append(t("dropout.loss.item", lang, name=names.get(model, model), train=number(end.get("train", np.nan)),
                       test=number(end.get("test", np.nan))))
    return t("dropout.loss", lang, epochs=count(history["epoch"].max()), items=join(items))


def fit(result, names: Mapping[str, str], lang: str) -> str:
    """The fitted curves over the data: each net's test loss, or that training diverged."""
    n = count(len(result.data))
    if result.diverged is not None:
        return t("dropout.fit.diverged", lang, n=n)
    return t("dropout.fit", lang, n=n, plain=names.get("plain", "plain"), dropout=names.get("dropout", "dropout"),
             a=number(result.final.loc["plain", "test"]), b=number(result.final.loc["dropout", "test"]))


def trap(df: pd.DataFrame, lang: str) -> str:
    """The forgot-eval trap: predictions for the same input, press after press, in train and eval mode."""
    train = df[df["mode"] == "train"]["prediction"].astype(float)
    ev = df[df["mode"] == "eval"]["prediction"].astype(float)
    k = count(df["press"].max())
    if float(ev.max() - ev.min()) <= 1e-12 * max(1.0, float(ev.abs().max())):
        return t("dropout.trap", lang, k=k, lo=number(train.min()), hi=number(train.max()), ev=number(ev.iloc[0]))
    return t("dropout.trap.both", lang, k=k, lo=number(train.min()), hi=number(train.max()), elo=number(ev.min()),
             ehi=number(ev.max()))


def _pct(x: float) -> str:
    return f"{number(float(x) * 100)}%"


def srivastava(table: pd.DataFrame, lang: str) -> str:
    """Srivastava et al.'s check: the test error of k averaged thinned nets against weight scaling."""
    rows = table.sort_values("k")
    first, end = float(rows["mc_error"].iloc[0]), float(rows["mc_error"].iloc[-1])
    return t(f"dropout.paper.{way(first, end)}", lang, e1=_pct(first), e2=_pct(end), k1=count(rows["k"].iloc[0]),
             k2=count(rows["k"].iloc[-1]), s=_pct(rows["scaled_error"].iloc[0]))
