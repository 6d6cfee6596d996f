"""Text alternatives of the /backprop charts."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from nnviz.describe.base import count, loss_curve, number, t


def gradients(comparison: pd.DataFrame, agrees: bool, lang: str) -> str:
    """By hand vs autograd: whether every gradient agrees, and the largest difference."""
    key = "backprop.check.same" if agrees else "backprop.check.differ"
    return t(key, lang, n=count(len(comparison)), diff=number(comparison["abs_diff"].max()))


def losses(frames: Mapping[str, pd.DataFrame], lang: str) -> str:
    """The loss over the updates with zero_grad, and where it ends without it (if shown)."""
    text = loss_curve(frames["with_zero_grad"]["loss"].tolist(), lang, unit="update")
    without = frames.get("without_zero_grad")
    if without is not None and len(without):
        text += " " + t("backprop.loss.without", lang, end=number(without["loss"].iloc[-1]))
    return text


def accumulation(frames: Mapping[str, pd.DataFrame], param: str, lang: str) -> str:
    """One parameter's .grad over the updates: its own gradient each update with zero_grad, the running
    sum without it."""
    with_ = frames["with_zero_grad"]
    n = int(with_["update"].iloc[-1])
    without = frames.get("without_zero_grad")
    if without is not None and len(without):
        return t("backprop.grad.both", lang, n=count(n), param=param, with_=number(with_["grad"].iloc[-1]),
                 without=number(without["grad"].iloc[-1]))
    return t("backprop.grad.with", lang, n=count(n), param=param, first=number(with_["grad"].iloc[0]),
             last=number(with_["grad"].iloc[-1]), k=count(with_["update"].iloc[0]))
