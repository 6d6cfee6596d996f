"""Animation frames as tables: every frame's data side by side in one table (``p@0, p@1, …``).

A chart drawn from such a table follows the training player (see :func:`nnviz.charts.framed` and
``nnviz/ui/player.js``): the browser picks the columns of the frame shown, so playing needs no round
trip to the server. Pure pandas/numpy; no plotting here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

# The Vega parameter an animated chart's frame follows, and the separator of per-frame column names.
FRAME = "frame"
FRAME_SEP = "@"


def wide(frames: Sequence[pd.DataFrame], varying: Sequence[str] | None = None) -> pd.DataFrame:
    """One table for all ``frames``: columns that stay put once, each ``varying`` column once a frame
    (``p@0, p@1, …``; default: the columns whose values differ between frames). Shorter frames are
    padded with empty rows (e.g. no line at some step)."""
    rows = max(len(f) for f in frames)
    if any(len(f) != rows for f in frames):
        frames = [f.reset_index(drop=True).reindex(range(rows)) for f in frames]
    columns = list(frames[0].columns)
    values = {c: [f[c].to_numpy() for f in frames] for c in columns}  # column access is the slow part
    if varying is None:
        first = {c: v[0] for c, v in values.items()}
        varying = [c for c in columns if not all(_same(a, first[c]) for a in values[c][1:])]
    out = {}
    for c in columns:
        if c not in varying:
            # constants from the most complete frame (padding is NaN)
            out[c] = max(values[c], key=lambda a: int(pd.notna(a).sum()))
    for k in range(len(frames)):
        for c in varying:
            out[f"{c}{FRAME_SEP}{k}"] = values[c][k]
    return pd.DataFrame(out)


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    try:
        return bool(np.array_equal(a, b, equal_nan=True))
    except TypeError:  # object columns (text) cannot test NaN
        return bool(np.array_equal(a, b))


def n_frames(df: pd.DataFrame) -> int:
    """How many frames a :func:`wide` table holds (1 for a table that is not wide)."""
    cols = varying(df)
    return sum(1 for c in df.columns if c.startswith(f"{cols[0]}{FRAME_SEP}")) if cols else 1


def add_frame(df: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """A :func:`wide` table with one frame more, at the end (its varying columns taken from ``frame``,
    a plain table or a wide one of one frame)."""
    k = n_frames(df)
    frame = frame_of(frame, 0)
    frame = frame.reset_index(drop=True).reindex(range(len(df)))
    return df.assign(**{f"{c}{FRAME_SEP}{k}": frame[c].to_numpy() for c in varying(df)})


def varying(df: pd.DataFrame) -> list[str]:
    """The columns of a :func:`wide` table that change from frame to frame."""
    return list(dict.fromkeys(c.split(FRAME_SEP)[0] for c in df.columns if c.endswith(f"{FRAME_SEP}0")))


def per_frame(df: pd.DataFrame) -> list[pd.DataFrame]:
    """The frames of a :func:`wide` table, one table each (a table that is not wide: itself)."""
    return [frame_of(df, k) for k in range(n_frames(df))]


def frame_of(df: pd.DataFrame, k: int) -> pd.DataFrame:
    """Frame ``k`` of a :func:`wide` table as a table of its own (a table that is not wide: itself)."""
    cols = varying(df)
    if not cols:
        return df
    base = df[[c for c in df.columns if FRAME_SEP not in c]]
    return base.assign(**{c: df[f"{c}{FRAME_SEP}{k}"] for c in cols})


def stacked(df: pd.DataFrame, col: str) -> np.ndarray:
    """``col`` of every frame as an array (rows × frames); one column for a table that is not wide."""
    cols = [c for c in df.columns if c.startswith(f"{col}{FRAME_SEP}")]
    if not cols:
        return df[[col]].to_numpy()
    return df[sorted(cols, key=lambda c: int(c.split(FRAME_SEP)[1]))].to_numpy()


def unstacked(columns: dict[str, np.ndarray], base: pd.DataFrame | None = None) -> pd.DataFrame:
    """The inverse of :func:`stacked`: arrays (rows × frames) as a table, wide if there are frames."""
    n = next(iter(columns.values())).shape[1] if columns else 1
    # one block per array (a DataFrame from a 2-D array), not one per column: much faster for many frames
    parts = [pd.DataFrame(a, columns=[name] if n == 1 else [f"{name}{FRAME_SEP}{k}" for k in range(n)])
             for name, a in columns.items()]
    if base is not None:
        parts.insert(0, base.reset_index(drop=True))
    return pd.concat(parts, axis=1) if parts else pd.DataFrame()


def by_frame_columns(name: str, a: np.ndarray | Sequence[Any]) -> dict[str, Any]:
    """Columns ``name@0, name@1, …`` of an array shaped (frames, rows)."""
    return {f"{name}{FRAME_SEP}{k}": a[k] for k in range(len(a))}


def frame_steps(hi: int, frames: int, also: int | None = None) -> list[int]:
    """About ``frames`` steps spread evenly over 0…``hi`` (both ends included), plus ``also``."""
    n = max(1, min(frames, hi))
    steps = {round(i * hi / n) for i in range(n + 1)}
    if also is not None:
        steps.add(also)
    return sorted(steps)
