"""Text alternatives for charts: each chart's message in a sentence, with the numbers it shows.

One function per chart kind; the words come from the string tables (``describe.*``), the numbers
from the data the chart draws. Pages pass them to ``Page.chart(alt=...)``.
"""

from __future__ import annotations

from collections.abc import Sequence

from nnviz import i18n

# Below this relative change a curve "stays" where it started.
FLAT = 0.01


def number(x: float) -> str:
    """A chart value as a sentence says it: two significant digits (0.69, 0.0061)."""
    return format(float(x), ".2g")


def loss_curve(losses: Sequence[float], lang: str, unit: str = "step") -> str:
    """A loss curve over steps (or epochs) 0…n: where it starts, where it ends, and which way it went.

    ``losses[i]`` is the loss after ``i`` steps. "Loss falls from 0.69 to 0.0061 by step 5,000."
    """
    values = [float(v) for v in losses]
    if not values:
        raise ValueError("a loss curve needs at least one value")
    start, end = values[0], values[-1]
    change = end - start
    way = "flat" if abs(change) <= FLAT * max(abs(start), 1e-12) else ("falls" if change < 0 else "rises")
    return i18n.t(f"describe.loss.{way}", lang, start=number(start), end=number(end), last=f"{len(values) - 1:,}",
                  unit=i18n.t(f"describe.unit.{unit}", lang))
