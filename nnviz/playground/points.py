"""The learner's own points: a compact text for the URL, and a strict CSV reader.

A point is (x1, x2, label) on the plane :data:`~nnviz.playground.data.BOX`. In the URL each point is
4 base64url characters — x1 and x2 quantized to 11 bits each (a step of 12/2047 ≈ 0.006), the label
in 2 bits — so 1,000 points take 4,000 characters. :class:`Points` is the URL setting: it refuses
text that does not decode, or holds more than :data:`MAX_POINTS` points, and says which.
"""

from __future__ import annotations

import base64
import binascii
import math
import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch

from nnviz.params import Param, ParamError
from nnviz.playground.data import BOX, MAX_POINTS

BITS = 11
LEVELS = (1 << BITS) - 1  # 2047 steps across the box
MAX_LABEL = 2  # labels 0, 1, 2
CHARS = 4  # characters a point
MAX_CSV_CHARS = 64_000  # a pasted text longer than this is refused before reading


def quantize(v: np.ndarray | float) -> np.ndarray:
    """Coordinates → their grid index 0 … 2047 (clipped into the box)."""
    lo, hi = BOX
    return np.rint((np.clip(np.asarray(v, dtype=np.float64), lo, hi) - lo) / (hi - lo) * LEVELS).astype(np.int64)


def dequantize(q: np.ndarray) -> np.ndarray:
    lo, hi = BOX
    return lo + np.asarray(q, dtype=np.float64) * (hi - lo) / LEVELS


def snap(X: np.ndarray | torch.Tensor) -> np.ndarray:
    """Coordinates as the URL keeps them (the nearest grid value)."""
    return dequantize(quantize(np.asarray(X, dtype=np.float64)))


def encode(X, y) -> str:
    """Points (X (n, 2), labels y (n,)) as URL-safe text, 4 characters a point."""
    X, y = np.asarray(X, dtype=np.float64).reshape(-1, 2), np.asarray(y, dtype=np.int64).reshape(-1)
    if len(X) != len(y):
        raise ValueError(f"y must have one label per point: {len(X)} points, {len(y)} labels")
    if len(y) and (y.min() < 0 or y.max() > MAX_LABEL):
        raise ValueError(f"labels must be 0 … {MAX_LABEL}, got {sorted(set(y.tolist()))}")
    q = quantize(X)
    word = (q[:, 0] << (BITS + 2)) | (q[:, 1] << 2) | y  # 24 bits
    raw = np.stack([(word >> 16) & 255, (word >> 8) & 255, word & 255], axis=1).astype(np.uint8).tobytes()
    return base64.urlsafe_b64encode(raw).decode("ascii")


class PointsError(ValueError):
    """Text that is not a list of points; ``reason`` is an i18n key suffix, ``detail`` its values."""

    def __init__(self, reason: str, message: str, **detail: Any) -> None:
        super().__init__(message)
        self.reason, self.detail = reason, detail


def decode(text: str, max_points: int = MAX_POINTS) -> tuple[np.ndarray, np.ndarray]:
    """URL text → (X (n, 2) float64 on the grid, y (n,) int64). Raises :class:`PointsError`."""
    text = text.strip()
    if len(text) % CHARS:
        raise PointsError("points_bad", f"points text must be a multiple of {CHARS} characters, got {len(text)}")
    if len(text) // CHARS > max_points:
        raise PointsError("points_many", f"at most {max_points} points, got {len(text) // CHARS}",
                          n=len(text) // CHARS, max=max_points)
    if not re.fullmatch(r"[A-Za-z0-9_-]*", text):
        raise PointsError("points_bad", "points text may hold only A–Z, a–z, 0–9, '-' and '_'")
    try:
        raw = np.frombuffer(base64.urlsafe_b64decode(text), dtype=np.uint8).astype(np.int64).reshape(-1, 3)
    except (binascii.Error, ValueError):
        raise PointsError("points_bad", "points text is not base64url") from None
    word = (raw[:, 0] << 16) | (raw[:, 1] << 8) | raw[:, 2]
    y = word & 3
    if (y > MAX_LABEL).any():
        raise PointsError("points_bad", f"a point has label 3 (labels are 0 … {MAX_LABEL})")
    q = np.stack([(word >> (BITS + 2)) & LEVELS, (word >> 2) & LEVELS], axis=1)
    return dequantize(q), y


@dataclass(frozen=True)
class Points(Param):
    """The URL setting holding drawn points: its value is the canonical text of :func:`encode`."""

    max_points: int = MAX_POINTS

    @property
    def max_raw_len(self) -> int:
        return CHARS * self.max_points + 8  # a few characters more, so "too many" is named as such

    def parse(self, raw: str) -> str:
        return self.check(raw)

    def check(self, value: Any) -> str:
        if not isinstance(value, str):
            raise ParamError(self.name, "type", {"value": value, "kind": "points"},
                             f"{self.name} must be text of encoded points, got {value!r}")
        try:
            X, y = decode(value, self.max_points)
        except PointsError as e:
            raise ParamError(self.name, e.reason, {"value": value[:40], **e.detail}, str(e)) from None
        return encode(X, y)

    def fmt(self, value: Any) -> str:
        return str(value)


# --- CSV ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CsvError(ValueError):
    """A pasted CSV that was refused: ``line`` (1-based, 0 for the whole text), an i18n key suffix and values."""

    line: int
    reason: str
    detail: dict

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason} {self.detail}"


HEADER = ("x1", "x2", "label")
NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")  # ASCII digits only


def parse_csv(text: str, max_rows: int = MAX_POINTS, classes: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """``x1,x2,label`` rows → (X (n, 2), y (n,)). Strict: an optional header ``x1,x2,label`` first,
    blank lines skipped, every other line exactly three comma-separated fields (no quoting): two finite numbers inside the plane and
    a whole label 0 … classes − 1. The first bad line raises :class:`CsvError` naming it."""
    if len(text) > MAX_CSV_CHARS:
        raise CsvError(0, "csv_long", {"n": MAX_CSV_CHARS})
    lo, hi = BOX
    xs: list[list[float]] = []
    ys: list[int] = []
    first = True
    # lines as a text box shows them (str.splitlines would also split at \x1c, \u2028 …, renumbering the rest)
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        if not line.strip():
            continue
        fields = [f.strip() for f in line.split(",")]
        if first and [f.lower() for f in fields] == list(HEADER):
            first = False
            continue
        first = False
        if len(fields) != 3:
            raise CsvError(number, "csv_fields", {"n": len(fields)})
        coords = []
        for f in fields[:2]:
            if not NUMBER.fullmatch(f):
                raise CsvError(number, "csv_number", {"value": f[:20]})
            v = float(f)
            if not math.isfinite(v):
                raise CsvError(number, "csv_number", {"value": f[:20]})
            if not lo <= v <= hi:
                raise CsvError(number, "csv_box", {"value": f[:20], "lo": lo, "hi": hi})
            coords.append(v)
        if not re.fullmatch(r"[0-9]+", fields[2]) or int(fields[2]) >= classes:
            raise CsvError(number, "csv_label", {"value": fields[2][:20], "hi": classes - 1})
        if len(xs) >= max_rows:
            raise CsvError(number, "csv_rows", {"n": max_rows})
        xs.append(coords)
        ys.append(int(fields[2]))
    if not xs:
        raise CsvError(0, "csv_empty", {})
    return np.asarray(xs, dtype=np.float64), np.asarray(ys, dtype=np.int64)


def to_csv(X, y) -> str:
    """Points as the CSV :func:`parse_csv` reads (header, 4 decimals)."""
    rows = [",".join(HEADER)] + [f"{a:.4f},{b:.4f},{int(c)}" for (a, b), c in zip(np.asarray(X), np.asarray(y))]
    return "\n".join(rows) + "\n"


def points_id(text: str) -> str:
    """A short name for a set of points (a widget key that changes with them)."""
    import hashlib

    return hashlib.sha1(text.encode("ascii", "replace")).hexdigest()[:12]


# --- editing -------------------------------------------------------------------------------------
def toggle(text: str, x1: float, x2: float, label: int, radius: float = 0.3) -> str:
    """Click at (x1, x2): remove the nearest point within ``radius``, else add one of ``label``.
    Returns the new text; at :data:`MAX_POINTS` points a click only removes."""
    X, y = decode(text)
    if len(X):
        d = np.hypot(X[:, 0] - x1, X[:, 1] - x2)
        i = int(np.argmin(d))
        if d[i] <= radius:
            return encode(np.delete(X, i, axis=0), np.delete(y, i))
    if len(X) >= MAX_POINTS:
        return text
    return encode(np.vstack([X, [[x1, x2]]]), np.append(y, int(label)))


def append_csv(text: str, csv_text: str) -> tuple[str, int]:
    """The points of ``text`` with those of a pasted CSV added: (new text, rows added). Raises
    :class:`CsvError` (line 0) when together they pass :data:`MAX_POINTS`; ``text`` is never changed."""
    X, y = parse_csv(csv_text)
    old_X, old_y = decode(text)
    if len(old_y) + len(y) > MAX_POINTS:
        raise CsvError(0, "csv_rows", {"n": MAX_POINTS})
    return encode(np.vstack([old_X.reshape(-1, 2), X.reshape(-1, 2)]), np.append(old_y, y).astype(int)), len(y)
