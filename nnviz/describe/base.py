"""What every chart's text alternative shares: number formats, direction words, the string lookup,
and the loss curve (the chart most pages draw)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from nnviz import i18n

# Below this relative change a curve "stays" where it started.
FLAT = 0.01


def number(x: float) -> str:
    """A chart value as a sentence says it: two significant digits (0.69, 0.0061, 1e-05); from 100 on
    written out with thousands separators (120, 12,000), not in e-notation."""
    x = float(x)
    if math.isfinite(x) and abs(x) >= 100:
        return f"{round(x, 1 - math.floor(math.log10(abs(x)))):,.0f}"
    return format(x, ".2g")


def count(n: float) -> str:
    """A step count or a number of things, with thousands separators (5,000)."""
    return f"{int(n):,}"


def percent(x: float) -> str:
    """A share 0…1 as a percentage, two significant digits but never in e-notation (87%, 0.5%, 100%)."""
    v = float(x) * 100
    if not math.isfinite(v):
        return f"{v}%"
    return f"{round(v):d}%" if abs(v) >= 10 else f"{float(format(v, '.2g')):g}%"


def way(start: float, end: float, flat: float = FLAT) -> str:
    """"falls", "rises" or "flat": how ``end`` compares with ``start`` (flat within ``flat`` of ``start``)."""
    change = float(end) - float(start)
    if abs(change) <= flat * max(abs(float(start)), 1e-12):
        return "flat"
    return "falls" if change < 0 else "rises"


def t(key: str, lang: str, **fmt: object) -> str:
    """The text alternative string ``describe.<key>`` in ``lang``."""
    return i18n.t(f"describe.{key}", lang, **fmt)


def unit_name(name: str, lang: str) -> str:
    return t(f"unit.{name}", lang)


def join(items: Iterable[str]) -> str:
    return ", ".join(items)


def loss_curve(losses: Sequence[float], lang: str, unit: str = "step", at: int | None = None) -> str:
    """A loss curve over steps (or epochs) 0…n: where it starts, where it ends, and which way it went;
    with ``at`` (the step a player shows), also the loss there if it is not the last step.

    ``losses[i]`` is the loss after ``i`` steps. "Loss falls from 0.69 to 0.0061 by step 5,000."
    """
    values = [float(v) for v in losses]
    if not values:
        raise ValueError("a loss curve needs at least one value")
    start, end = values[0], values[-1]
    name = unit_name(unit, lang)
    text = t(f"loss.{way(start, end)}", lang, start=number(start), end=number(end), last=count(len(values) - 1),
             unit=name)
    if at is not None and 0 <= int(at) < len(values) - 1:
        text += " " + t("loss.at", lang, at=count(at), unit=name, value=number(values[int(at)]))
    return text
