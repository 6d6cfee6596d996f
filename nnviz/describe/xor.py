"""Text alternatives of the /xor charts."""

from __future__ import annotations

import pandas as pd

from nnviz import i18n
from nnviz.describe.base import count, join, number, percent, t
from nnviz.xor import OUTCOMES


def _outcome(code: str, lang: str) -> str:
    return i18n.t(f"xor.short.{code}", lang)


def input_space(points: pd.DataFrame, lines: pd.DataFrame, step: int, lang: str) -> str:
    """The input square at the step shown: points right, and the gate each hidden unit's line computes."""
    text = t("xor.input", lang, step=count(step), right=int(points["correct"].sum()), n=len(points))
    names = list(dict.fromkeys(lines["name"])) if "name" in lines and len(lines) else []
    return text + (" " + t("xor.input.lines", lang, names=join(names)) if names else "")


def hidden_space(points: pd.DataFrame, step: int, lang: str) -> str:
    """The hidden units' space at the step shown: how many points the output unit's line gets right."""
    return t("xor.hidden", lang, step=count(step), right=int(points["correct"].sum()), n=len(points))


def final_losses(seeds: pd.DataFrame, lang: str) -> str:
    """The sweep's outcomes: how many seeds solve XOR, and where the others stop."""
    counts = seeds["outcome"].value_counts()
    solved = int(counts.get("solved", 0))
    text = t("xor.sweep", lang, k=count(solved), n=count(len(seeds)))
    rest = [t("xor.sweep.item", lang, name=_outcome(o, lang), k=count(counts[o]))
            for o in OUTCOMES if o != "solved" and counts.get(o, 0)]
    return text + (" " + t("xor.sweep.rest", lang, items=join(rest)) if rest else "")


def solved_by_step(by_step: pd.DataFrame, lang: str) -> str:
    """The share of seeds solved by each step: where it ends, and when it passes half of that."""
    final, last = float(by_step["share"].iloc[-1]), int(by_step["step"].iloc[-1])
    if final <= 0:
        return t("xor.when.none", lang, last=count(last))
    half = int(by_step.loc[by_step["share"] >= final / 2, "step"].iloc[0])
    return t("xor.when", lang, share=percent(final), last=count(last), half=count(half))


def sweep_curves(sample: pd.DataFrame, lang: str) -> str:
    """The sample of loss curves: for each outcome, how many seeds and where their curves end (median)."""
    ends = sample.sort_values("step").groupby("seed").tail(1)
    items = []
    for o in OUTCOMES:
        mine = ends[ends["outcome"] == o]
        if len(mine):
            items.append(t("xor.curves.item", lang, name=_outcome(o, lang), k=count(len(mine)),
                           loss=number(mine["loss"].median())))
    return t("xor.curves", lang, n=count(len(ends)), items=join(items))


def width_rates(widths: pd.DataFrame, lang: str) -> str:
    """Success rate by the number of hidden units."""
    items = join(f"{int(h)} → {percent(r)}" for h, r in zip(widths["hidden"], widths["rate"]))
    return t("xor.widths", lang, k=count(widths["n_seeds"].iloc[0]), items=items)
