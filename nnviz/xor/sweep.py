"""Many seeds at once: the seed sweep (one row per seed) and the success rate against hidden width."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import torch

from nnviz.engine import Batch, Layout, Trace, trace
from nnviz.xor.model import POINT_NAMES, SETTINGS, WIDTHS, batch, check, data, sizes
from nnviz.xor.outcomes import OUTCOMES, PLATEAUS, SOLVED_BELOW, outcome
from nnviz.xor.wilson import wilson

CURVES_PER_OUTCOME = 12  # seeds of each outcome whose loss curve a sweep keeps


@dataclass(frozen=True)
class Sweep:
    """A seed sweep: one row per seed (``table``) and the loss curves (``curves``, long form: seed, step,
    loss, outcome, at 101 steps) of the first ``CURVES_PER_OUTCOME`` seeds of each outcome."""

    table: pd.DataFrame
    curves: pd.DataFrame
    seconds: float = float("nan")  # wall time of the training

    @property
    def rate(self) -> float:
        """Share of seeds that solved XOR."""
        return float(self.table["solved"].mean()) if len(self.table) else float("nan")

    def counts(self) -> dict[str, int]:
        """Seeds per outcome, in ``OUTCOMES`` order."""
        vc = self.table["outcome"].value_counts()
        return {o: int(vc.get(o, 0)) for o in OUTCOMES}

    @property
    def median_steps(self) -> float:
        """The median of the solved seeds' steps to solve (NaN if none solved)."""
        return float(self.table["steps_to_solve"].median())

    @property
    def stuck(self) -> int:
        """Seeds on one of the plateaus."""
        counts = self.counts()
        return sum(counts[o] for o in PLATEAUS)


def curve_steps(steps: int, n: int = 101) -> list[int]:
    """``n`` steps spread evenly over 0 … steps (the sampled points of a sweep's loss curves)."""
    return sorted({round(i * steps / (n - 1)) for i in range(n)})


def sweep(n_seeds: int, hidden: int = 2, layers: int = 1, activation: str = "sigmoid", optimizer: str = "sgd",
          lr: float = 1.0, steps: int = 5000, start_seed: int = 0,
          progress: Callable[[float], None] | None = None) -> Sweep:
    """:func:`seed_sweep`, plus loss curves (at 101 evenly spread steps) of a few seeds of each outcome."""
    check(n_seeds=n_seeds, hidden=hidden, layers=layers, activation=activation, optimizer=optimizer, lr=lr,
          steps=steps, start_seed=start_seed)
    t0 = time.perf_counter()
    seeds = list(range(start_seed, start_seed + n_seeds))
    tr = trace(batch(seeds, hidden, layers, activation, optimizer, lr), steps, curve_steps(steps), SOLVED_BELOW,
               progress)
    table = _sweep_table(seeds, tr)
    # keep the curves of a sample only: all of them would make a cached sweep weigh megabytes
    keep = np.flatnonzero(table.index.isin(table.groupby("outcome", sort=False).head(CURVES_PER_OUTCOME).index))
    n_pts = len(tr.curve_steps)
    curves = pd.DataFrame({
        "seed": np.repeat(table["seed"].to_numpy()[keep], n_pts),
        "step": np.tile(tr.curve_steps, len(keep)),
        "loss": tr.curves[:, keep].T.reshape(-1).numpy(),
        "outcome": np.repeat(table["outcome"].to_numpy()[keep], n_pts),
    })
    return Sweep(table, curves, time.perf_counter() - t0)


def _sweep_table(seeds: Sequence[int], tr: Trace) -> pd.DataFrame:
    diverged = tr.diverged_at >= 0
    final = torch.where(diverged, float("nan"), tr.final_loss)
    p = torch.where(diverged[None, :], float("nan"), tr.final_p)
    solved = (final < SOLVED_BELOW) & ~diverged
    df = pd.DataFrame({
        "seed": np.asarray(seeds, dtype=np.int64),
        "final_loss": final.double().numpy(),
        "solved": solved.numpy(),
        "steps_to_solve": np.where(tr.solved_at >= 0, tr.solved_at.numpy(), np.nan),
    })
    df["outcome"] = [outcome(f, d) for f, d in zip(df["final_loss"], diverged.tolist())]
    df["diverged_step"] = np.where(diverged.numpy(), tr.diverged_at.numpy(), np.nan)
    for i, name in enumerate(POINT_NAMES):
        df[f"p{name}"] = p[i].double().numpy()
    y = data()[1][:, 0].numpy()
    q = np.where(y[:, None] > 0.5, p.double().numpy(), 1 - p.double().numpy())  # (4, S): P(right answer)
    df["wrong"] = [
        " ".join(n for n, qi in zip(POINT_NAMES, col) if not qi > 0.5) if np.isfinite(col).all() else ""
        for col in q.T
    ]
    return df


def seed_sweep(n_seeds: int, hidden: int = 2, layers: int = 1, activation: str = "sigmoid", optimizer: str = "sgd",
               lr: float = 1.0, steps: int = 5000, start_seed: int = 0) -> pd.DataFrame:
    """Seeds ``start_seed … start_seed + n_seeds − 1`` trained at once; one row per seed.

    Columns: ``seed, final_loss, solved`` (final loss < 0.05), ``steps_to_solve`` (first step whose
    loss is < 0.05; NaN if never), then ``outcome`` (solved / a plateau / other / diverged),
    ``diverged_step``, the final predictions ``p00 p01 p10 p11`` and the ``wrong`` points.
    Each row equals what the plain one-model loop gives for that seed.
    """
    return sweep(n_seeds, hidden, layers, activation, optimizer, lr, steps, start_seed).table


def width_sweep(n_seeds: int, widths: Sequence[int] = WIDTHS, layers: int = 1, activation: str = "sigmoid",
                optimizer: str = "sgd", lr: float = 1.0, steps: int = 5000, start_seed: int = 0,
                progress: Callable[[float], None] | None = None) -> pd.DataFrame:
    """Success rate against hidden width: the same ``n_seeds`` seeds trained at every H in ``widths``.

    All widths train in one batch: narrower nets sit in the widest layout with their extra units' weights
    held at zero (their gradients are masked), which leaves every net's numbers as if trained alone.
    One row per width: ``hidden, n_seeds, solved, rate, ci_low, ci_high`` (Wilson 95 % interval),
    ``stuck`` (seeds on a plateau), ``median_steps_to_solve``.
    """
    check(n_seeds=n_seeds, layers=layers, activation=activation, optimizer=optimizer, lr=lr, steps=steps,
          start_seed=start_seed)
    widths = sorted({int(SETTINGS["hidden"].check(h)) for h in widths})
    per_seed = width_batch(n_seeds, widths, layers, activation, optimizer, lr, steps, start_seed, progress)
    rows = []
    for h in widths:
        t = per_seed[per_seed["hidden"] == h]
        k, n = int(t["solved"].sum()), len(t)
        lo, hi = wilson(k, n)
        rows.append({
            "hidden": h, "n_seeds": n, "solved": k, "rate": k / n, "ci_low": lo, "ci_high": hi,
            "stuck": int(t["outcome"].isin(list(PLATEAUS)).sum()),
            "median_steps_to_solve": float(t["steps_to_solve"].median()) if k else float("nan"),
        })
    return pd.DataFrame(rows)


def width_batch(n_seeds: int, widths: Sequence[int], layers: int, activation: str, optimizer: str, lr: float,
                steps: int, start_seed: int, progress: Callable[[float], None] | None = None) -> pd.DataFrame:
    """Per-seed table (with a ``hidden`` column) of every (width, seed), trained as one padded batch."""
    seeds = list(range(start_seed, start_seed + n_seeds))
    big = Layout.of(sizes(max(widths), layers))
    blocks, masks = [], []
    for h in widths:
        small = Layout.of(sizes(h, layers))
        block, mask = big.embed(small.initial_block(seeds), small)
        blocks.append(block)
        masks.append(mask.expand(-1, n_seeds))
    b = Batch(torch.cat(blocks, 1), big, activation, optimizer, lr, *data(), mask=torch.cat(masks, 1).contiguous())
    table = _sweep_table(seeds * len(widths), trace(b, steps, (), SOLVED_BELOW, progress))
    table.insert(0, "hidden", np.repeat(widths, n_seeds))
    return table
