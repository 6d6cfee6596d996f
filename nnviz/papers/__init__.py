"""Published experiments rerun at a size that fits, each beside the number the paper reports.

One module per paper: :mod:`glorot` (Glorot & Bengio 2010), :mod:`he` (He et al. 2015),
:mod:`srivastava` (Srivastava et al. 2014). Each has a ``PAPER`` record — the citation and the figures
or values it reports — and a function that measures ours with nnviz's own nets.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Paper:
    """A citation (``authors``, ``year``, ``title``, ``venue``, ``where``: figure/table/section) and the values
    it reports (``reported``: name → number)."""

    authors: str
    year: int
    title: str
    venue: str
    where: str
    reported: dict[str, float] = field(default_factory=dict)

    def cite(self) -> str:
        return f"{self.authors} ({self.year}). {self.title}. {self.venue}. {self.where}."


def agrees(ours: float, reported: float, rel: float = 0.1) -> bool:
    """Our number is within ``rel`` (relative) of the paper's."""
    return abs(ours - reported) <= rel * abs(reported)


def trend(ratio: float, factor: float = 2.0) -> str:
    """A through-depth change in words: ``level`` within ``factor`` either way, else ``shrinks`` or ``grows``."""
    return "level" if 1 / factor <= ratio <= factor else "shrinks" if ratio < 1 else "grows"
