"""What a sweep costs by a deterministic cost model, and how many seeds the page can afford."""

from __future__ import annotations

from nnviz.xor.model import MAX_SEEDS, WIDTHS, sizes

# What the page may spend on a sweep, by the cost model below (the heaviest page run stays ≤ 5 s).
PAGE_SWEEP_BUDGET_S = 3.0
PAGE_BUDGET_S = 4.5  # one net + the seed sweep (+ the width sweep), estimated

# Measured on the 2-core machine (single thread): one step of S nets costs about
# OVERHEAD + S·(PER_NET + PER_ELEMENT·W), W = the 4-point activation/weight products per net.
_COST_OVERHEAD_S = 120e-6
_COST_PER_LAYER_S = 40e-6
_COST_PER_NET_S = 0.4e-6
_COST_PER_ELEMENT_S = 1.3e-9


def _work(hidden: int, layers: int) -> int:
    sz = sizes(hidden, layers)
    return 4 * sum(a * b for a, b in zip(sz[:-1], sz[1:]))


def sweep_seconds(n_nets: int, hidden: int, layers: int, steps: int) -> float:
    """Estimated wall time of training ``n_nets`` nets of this shape at once (a deterministic model)."""
    per_step = (_COST_OVERHEAD_S + _COST_PER_LAYER_S * layers
                + n_nets * (_COST_PER_NET_S + _COST_PER_ELEMENT_S * _work(hidden, layers)))
    return per_step * steps


def affordable_seeds(hidden: int, layers: int, steps: int, budget_s: float, n_widths: int = 1,
                     cap: int = MAX_SEEDS) -> int:
    """The most seeds (a multiple of 10, from 10 to ``cap``) whose sweep fits in ``budget_s`` by the cost model.

    With ``n_widths`` > 1 it is the seeds per width of a width sweep (all widths padded to ``hidden``).
    """
    per_step = budget_s / steps - _COST_OVERHEAD_S - _COST_PER_LAYER_S * layers
    per_net = _COST_PER_NET_S + _COST_PER_ELEMENT_S * _work(hidden, layers)
    n = int(per_step / per_net / n_widths) // 10 * 10 if per_step > 0 else 0
    return int(min(max(n, 10), cap))


def plan_sweeps(hidden: int, layers: int, steps: int, n_seeds: int, compare: bool,
                budget_s: float = PAGE_BUDGET_S) -> tuple[int, int]:
    """How many seeds the page trains in its seed sweep, and per width in its width sweep (if ``compare``).

    By the cost model, in order: the one net, then the seed sweep (up to ``n_seeds``, within
    ``PAGE_SWEEP_BUDGET_S`` and what is left of ``budget_s``; at least 10), then the width sweep with what
    remains — 0 (skipped) when even 10 seeds per width would not fit.
    """
    left = max(0.0, budget_s - sweep_seconds(1, hidden, layers, steps))
    n = min(n_seeds, affordable_seeds(hidden, layers, steps, min(PAGE_SWEEP_BUDGET_S, left)))
    if not compare:
        return n, 0
    left -= sweep_seconds(n, hidden, layers, steps)
    big = max(WIDTHS)
    if sweep_seconds(10 * len(WIDTHS), big, layers, steps) > left:
        return n, 0
    return n, min(n_seeds, affordable_seeds(big, layers, steps, left, n_widths=len(WIDTHS)))
