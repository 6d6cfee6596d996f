"""A sweep's table summarised for charts: final losses binned, share solved by step, a sample of curves."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from nnviz.xor.outcomes import OUTCOMES
from nnviz.xor.sweep import CURVES_PER_OUTCOME, Sweep


def loss_curve(losses: np.ndarray, n: int = 800) -> pd.DataFrame:
    """A run's per-step losses thinned to at most ``n`` evenly spread steps (first and last kept): step, loss."""
    idx = np.unique(np.linspace(0, max(len(losses) - 1, 0), min(len(losses), n)).astype(int))
    return pd.DataFrame({"step": idx, "loss": np.asarray(losses)[idx] if len(losses) else []})


def loss_histogram(table: pd.DataFrame, per_decade: int = 12) -> pd.DataFrame:
    """Final losses in log-spaced bins (``per_decade`` a decade), counted per outcome.

    Columns ``lo, hi, outcome, count`` and ``bottom, top``: the bar's extent when a bin's outcomes are stacked.
    """
    f = table.loc[np.isfinite(table["final_loss"]) & (table["final_loss"] > 0)]
    if not len(f):
        return pd.DataFrame(columns=["lo", "hi", "outcome", "count", "bottom", "top"])
    a = math.floor(math.log10(float(f["final_loss"].min())) * per_decade) / per_decade
    b = math.ceil(math.log10(float(f["final_loss"].max())) * per_decade + 1e-9) / per_decade
    n = max(1, round((b - a) * per_decade))
    edges = np.logspace(a, a + n / per_decade, n + 1)
    idx = np.clip(np.searchsorted(edges, f["final_loss"].to_numpy(), side="right") - 1, 0, n - 1)
    counts = pd.DataFrame({"bin": idx, "outcome": f["outcome"].to_numpy()}).value_counts().rename("count").reset_index()
    counts["lo"] = edges[counts["bin"]]
    counts["hi"] = edges[counts["bin"] + 1]
    order = {o: i for i, o in enumerate(OUTCOMES)}
    counts = counts.sort_values(["bin", "outcome"], key=lambda s: s.map(order) if s.name == "outcome" else s)
    counts["top"] = counts.groupby("bin")["count"].cumsum()  # stacked within a bin, in OUTCOMES order
    counts["bottom"] = counts["top"] - counts["count"]
    return counts[["lo", "hi", "outcome", "count", "bottom", "top"]].reset_index(drop=True)


def solved_by_step(table: pd.DataFrame, steps: int, n: int = 201) -> pd.DataFrame:
    """The share of all seeds whose loss has gone below the threshold by each step: step, share."""
    at = np.sort(table["steps_to_solve"].dropna().to_numpy())
    grid = np.unique(np.round(np.linspace(0, steps, n)).astype(int))
    share = np.searchsorted(at, grid, side="right") / max(len(table), 1)
    return pd.DataFrame({"step": grid, "share": share})


def curve_sample(sweep_result: Sweep, per_outcome: int = CURVES_PER_OUTCOME) -> pd.DataFrame:
    """The loss curves of the first ``per_outcome`` (≤ CURVES_PER_OUTCOME) seeds of every outcome, long form."""
    t = sweep_result.table
    keep = t.groupby("outcome", sort=False).head(per_outcome)["seed"]
    return sweep_result.curves[sweep_result.curves["seed"].isin(set(keep))]
