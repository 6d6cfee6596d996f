"""Declarative settings: one table per page drives its widgets, URL state, validation and code export.

A page's settings are a :class:`Spec` of parameters (:class:`Int`, :class:`Float`, :class:`Choice`,
:class:`Bool`). The same table
- parses URL query strings (:meth:`Spec.parse_query`), rejecting bad values with a reason,
- checks library arguments (:meth:`Spec.check`), raising ``ValueError`` that names the argument and
  its allowed range,
- tells ``nnviz.ui`` which widget to draw, with which bounds.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

MAX_RAW_LEN = 40  # longer URL values are rejected before any parsing


@dataclass(frozen=True)
class Rejected:
    """A URL parameter that was not used: its name, the raw text, and why (an i18n key + values)."""

    name: str
    raw: str
    reason: str  # i18n key under "param.reason.*"
    detail: Mapping[str, object] = field(default_factory=dict)


class ParamError(ValueError):
    """A value outside a parameter's allowed range or choices."""

    def __init__(self, name: str, reason: str, detail: Mapping[str, object], message: str) -> None:
        super().__init__(message)
        self.name, self.reason, self.detail = name, reason, dict(detail)


@dataclass(frozen=True)
class Param:
    name: str
    default: object
    widget: str = ""  # hint for nnviz.ui; "" means the kind's usual widget

    @property
    def max_raw_len(self) -> int:
        """The longest URL value accepted (a parameter whose values are longer says so)."""
        return MAX_RAW_LEN

    def parse(self, raw: str) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def check(self, value: Any) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def fmt(self, value: Any) -> str:
        return str(value)

    def _error(self, reason: str, value: Any, **detail: Any) -> ParamError:
        detail = {"value": value, **detail}
        if reason == "range":
            msg = f"{self.name} must be between {detail['lo']:g} and {detail['hi']:g}, got {value!r}"
        elif reason == "choice":
            msg = f"{self.name} must be one of {detail['options']}, got {value!r}"
        elif reason == "type":
            msg = f"{self.name} must be {detail['kind']}, got {value!r}"
        else:
            msg = f"{self.name} must be a finite number, got {value!r}"
        return ParamError(self.name, reason, detail, msg)


@dataclass(frozen=True)
class Int(Param):
    lo: int = 0
    hi: int = 100
    step: int = 1

    def parse(self, raw: str) -> int:
        try:
            value = int(raw.strip())
        except ValueError:
            raise self._error("type", raw, kind="int") from None
        return self.check(value)

    def check(self, value: Any) -> int:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        try:
            if isinstance(value, bool):
                raise TypeError
            value = operator.index(value)  # int, numpy and torch integers
        except TypeError:
            raise self._error("type", value, kind="int") from None
        if not self.lo <= value <= self.hi:
            raise self._error("range", value, lo=self.lo, hi=self.hi)
        return value


@dataclass(frozen=True)
class Float(Param):
    lo: float = 0.0
    hi: float = 1.0
    step: float | None = None
    options: tuple[float, ...] = ()  # if set, the widget and URL offer only these (library calls: any in range)
    fmt_spec: str = "%g"  # number format shown in the widget

    def parse(self, raw: str) -> float:
        try:
            value = self.check(float(raw.strip()))
        except ValueError as e:
            if isinstance(e, ParamError):
                raise
            raise self._error("type", raw, kind="float") from None
        if self.options:  # the widget offers only these values, so a link may only carry them
            near = min(self.options, key=lambda o: abs(o - value))
            if not math.isclose(near, value, rel_tol=1e-9, abs_tol=1e-12):
                raise self._error("choice", value, options=list(self.options))
            value = near
        return value

    def check(self, value: Any) -> float:
        if isinstance(value, bool):
            raise self._error("type", value, kind="float")
        try:
            value = float(value)
        except (TypeError, ValueError):
            raise self._error("type", value, kind="float") from None
        if not math.isfinite(value):
            raise self._error("finite", value)
        if not self.lo <= value <= self.hi:
            raise self._error("range", value, lo=self.lo, hi=self.hi)
        return value

    def fmt(self, value: Any) -> str:
        return format(float(value), ".12g")  # round-trips every value a widget can produce


@dataclass(frozen=True)
class Choice(Param):
    options: tuple[str, ...] = ()

    def parse(self, raw: str) -> str:
        return self.check(raw.strip().lower())

    def check(self, value: Any) -> str:
        if value not in self.options:
            raise self._error("choice", value, options=list(self.options))
        return value


@dataclass(frozen=True)
class Bool(Param):
    _TRUE = ("1", "true", "yes", "on")
    _FALSE = ("0", "false", "no", "off")

    def parse(self, raw: str) -> bool:
        low = raw.strip().lower()
        if low in self._TRUE:
            return True
        if low in self._FALSE:
            return False
        raise self._error("type", raw, kind="bool")

    def check(self, value: Any) -> bool:
        if not isinstance(value, bool):
            raise self._error("type", value, kind="bool")
        return value

    def fmt(self, value: Any) -> str:
        return "1" if value else "0"


class Spec:
    """An ordered table of parameters: a page's settings, or a library function's checked arguments."""

    def __init__(self, *params: Param) -> None:
        self.params = {p.name: p for p in params}
        if len(self.params) != len(params):
            raise ValueError("duplicate parameter names")

    def __getitem__(self, name: str) -> Param:
        return self.params[name]

    def __iter__(self) -> Iterator[Param]:
        return iter(self.params.values())

    def __contains__(self, name: str) -> bool:
        return name in self.params

    def names(self) -> list[str]:
        return list(self.params)

    def defaults(self) -> dict:
        return {p.name: p.default for p in self}

    def check(self, **values: Any) -> dict:
        """Check library arguments against the table; raise ParamError (a ValueError) naming the first bad one."""
        return {name: self.params[name].check(v) for name, v in values.items()}

    def to_query(self, values: Mapping) -> dict[str, str]:
        return {p.name: p.fmt(values[p.name]) for p in self if p.name in values}

    def parse_query(
        self, query: Mapping[str, str | list[str]], allowed_extra: Iterable[str] = ()
    ) -> tuple[dict, list[Rejected]]:
        """URL query → (values, rejected). Missing keys take defaults; bad ones take defaults and are reported.

        ``query`` maps a key to its value, or to all its values when it was repeated.
        Keys in ``allowed_extra`` (the shell's own, like ``lang``) are neither used nor reported.
        """
        values, rejected = self.defaults(), []
        extra = set(allowed_extra)
        for key, raw in query.items():
            raws = list(raw) if isinstance(raw, (list, tuple)) else [raw]
            shown = _short(raws[-1] if raws else "")
            if key in extra:
                continue
            if key not in self.params:
                rejected.append(Rejected(_short(key), shown, "unknown"))
                continue
            if len(raws) != 1:
                rejected.append(Rejected(key, shown, "repeated", {"n": len(raws)}))
                continue
            if len(raws[0]) > self.params[key].max_raw_len:
                rejected.append(Rejected(key, shown, "too_long", {"n": self.params[key].max_raw_len}))
                continue
            try:
                values[key] = self.params[key].parse(raws[0])
            except ParamError as e:
                rejected.append(Rejected(key, shown, e.reason, e.detail))
        return values, rejected


def _short(text: str, n: int = MAX_RAW_LEN) -> str:
    text = str(text)
    return text if len(text) <= n else text[: n - 1] + "…"


def seed(default: int = 0) -> Int:
    """The seed setting every page has: it drives every random choice on the page."""
    return Int("seed", default, lo=0, hi=999_999, widget="number")
