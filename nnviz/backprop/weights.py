"""Weights by name and typed by hand: :class:`Slot` names one number of a model's parameters
(``"0.weight[1, 0]"``, written and read back in one place); typed weights are numbers only, bounded,
never evaluated, and may come from a URL (the :class:`Weights` setting)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from nnviz.params import Param, _short

WEIGHT_BOUND = 10.0  # typed weights live in [-10, 10]: enough to saturate any unit, never overflow
MAX_WEIGHTS = 64  # typed weights accepted at most (the largest page net has 25 parameters)
MAX_WEIGHTS_TEXT = 800  # characters of typed weights accepted in a URL
SEEDED = "seed"  # the typed-weights setting's URL value when the seed's weights are used
URL_DIGITS = ".6g"  # how a typed weight is written in a URL


# --- one number of a parameter tensor, by name -----------------------------------------------------------
_SLOT = re.compile(r"(?P<tensor>[\w.]+)\[(?P<index>\d+(?:, \d+)*)\]")


@dataclass(frozen=True)
class Slot:
    """One scalar of a model's parameters: its tensor's name in ``named_parameters()`` and its index."""

    tensor: str  # e.g. "0.weight"
    index: tuple[int, ...]  # e.g. (1, 0): row 1, column 0

    def __str__(self) -> str:
        return f"{self.tensor}[{self._index()}]"

    @property
    def grad(self) -> str:
        """Where autograd leaves its gradient: ``"0.weight.grad[1, 0]"``."""
        return f"{self.tensor}.grad[{self._index()}]"

    def _index(self) -> str:
        return ", ".join(map(str, self.index))

    @classmethod
    def parse(cls, text: str) -> Slot:
        """``"0.weight[1, 0]"`` → ``Slot("0.weight", (1, 0))`` (ValueError if it is not written so)."""
        m = _SLOT.fullmatch(str(text))
        if m is None:
            raise ValueError(f"not a parameter entry like '0.weight[1, 0]': {_short(str(text))!r}")
        return cls(m["tensor"], tuple(int(i) for i in m["index"].split(", ")))


def slots(model: nn.Module) -> Iterator[Slot]:
    """Every scalar of ``model``'s parameters, in ``named_parameters()`` order, each tensor row by row."""
    for name, p in model.named_parameters():
        for index in np.ndindex(*p.shape):
            yield Slot(name, index)


# --- typed weights: numbers only, bounded, never evaluated -------------------------------------------
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d{1,3})?")
_SEPARATORS = re.compile(r"[,;\s]+")


def parse_weights(text: str) -> tuple[float, ...]:
    """``"0.15, -0.2 0.35"`` → ``(0.15, -0.2, 0.35)``.

    Only plain decimal numbers are accepted (each matched by a regular expression, converted with
    ``float``; nothing is evaluated); each must be finite and within ±WEIGHT_BOUND, at most MAX_WEIGHTS.
    Raises ValueError saying which entry is wrong.
    """
    text = str(text)
    if len(text) > MAX_WEIGHTS_TEXT:
        raise ValueError(f"weights: at most {MAX_WEIGHTS_TEXT} characters, got {len(text)}")
    tokens = [tok for tok in _SEPARATORS.split(text.strip()) if tok]
    if len(tokens) > MAX_WEIGHTS:
        raise ValueError(f"weights: at most {MAX_WEIGHTS} numbers, got {len(tokens)}")
    values = []
    for i, tok in enumerate(tokens, 1):
        if not _NUMBER.fullmatch(tok):
            raise ValueError(f"weights: entry {i} ({_short(tok, 16)!r}) is not a number")
        values.append(check_weight(float(tok), i))
    return tuple(values)


def check_weight(value, position: int = 1) -> float:
    """One typed weight as a float within ±WEIGHT_BOUND (ValueError otherwise)."""
    if isinstance(value, bool):
        raise ValueError(f"weights: entry {position} is not a number")
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"weights: entry {position} is not a number") from None
    if not math.isfinite(v):
        raise ValueError(f"weights: entry {position} must be a finite number, got {value!r}")
    if abs(v) > WEIGHT_BOUND:
        raise ValueError(f"weights: entry {position} must be between {-WEIGHT_BOUND:g} and {WEIGHT_BOUND:g}, got {v:g}")
    return v


def _reason(error: ValueError) -> str:
    """The settings table's reason (an i18n key) for one of check_weight's errors."""
    return "range" if "between" in str(error) else "finite" if "finite" in str(error) else "type"


@dataclass(frozen=True)
class Weights(Param):
    """The typed weights setting: a tuple of numbers; empty (written ``seed`` in a URL) means the
    initial weights the seed draws."""

    @property
    def max_raw_len(self) -> int:
        return MAX_WEIGHTS_TEXT  # a 25-parameter net's weights are longer than the shell's usual cap

    def parse(self, raw: str) -> tuple[float, ...]:
        if raw.strip().lower() in ("", SEEDED):
            return ()
        try:
            return parse_weights(raw)
        except ValueError as e:
            raise self._error(_reason(e), raw, kind="float", lo=-WEIGHT_BOUND, hi=WEIGHT_BOUND) from None

    def check(self, value) -> tuple[float, ...]:
        if isinstance(value, str):
            return self.parse(value)
        try:
            items = list(value)
        except TypeError:
            raise self._error("type", value, kind="float") from None
        if len(items) > MAX_WEIGHTS:
            raise self._error("type", value, kind="float")
        out = []
        for i, v in enumerate(items, 1):
            try:
                out.append(check_weight(v, i))
            except ValueError as e:
                raise self._error(_reason(e), v, kind="float", lo=-WEIGHT_BOUND, hi=WEIGHT_BOUND) from None
        return tuple(out)

    def fmt(self, value) -> str:
        return ",".join(format(float(v), URL_DIGITS) for v in value) if len(value) else SEEDED


WEIGHTS = Weights("w", ())  # the page's setting


def edited(current: Sequence[float], changes: Mapping[int, object]) -> tuple[float, ...]:
    """``current`` with the entries ``changes`` (position → new value) replaced; ValueError naming a bad one.

    Every entry is first rounded as a URL writes it, so the session's weights are exactly what a
    copied link gives.
    """
    values = [float(format(float(x), URL_DIGITS)) for x in current]
    for position, value in changes.items():
        values[int(position)] = check_weight(value, int(position) + 1)
    return tuple(values)


def flat_weights(model: nn.Module) -> tuple[float, ...]:
    """All parameters in ``named_parameters()`` order, as plain floats (what typed weights replace)."""
    return tuple(float(v) for p in model.parameters() for v in p.detach().reshape(-1))


@torch.no_grad()
def set_weights(model: nn.Module, weights: Sequence[float]) -> nn.Module:
    """Overwrite every parameter with ``weights`` (``named_parameters()`` order); ValueError if the count differs."""
    values = WEIGHTS.check(tuple(weights))
    total = sum(p.numel() for p in model.parameters())
    if len(values) != total:
        raise ValueError(f"weights: this net has {total} parameters, got {len(values)} numbers")
    i = 0
    for p in model.parameters():
        n = p.numel()
        p.copy_(torch.tensor(values[i : i + n], dtype=p.dtype).reshape(p.shape))
        i += n
    return model
