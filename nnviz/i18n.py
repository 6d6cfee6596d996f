"""Korean/English strings: one catalogue, merged from ``nnviz/strings/*.py``, looked up by key.

Each strings module holds ``STRINGS = {key: {"en": ..., "ko": ...}}`` for one concern (the shell,
one topic each). A key lives in exactly one module; every key has both languages (tests enforce it).
"""

from __future__ import annotations

import importlib
import pkgutil

import nnviz.strings as _pkg

LANGS = ("ko", "en")
DEFAULT_LANG = "en"


def _load() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(_pkg.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{_pkg.__name__}.{info.name}")
        for key, texts in module.STRINGS.items():
            if key in merged:
                raise KeyError(f"i18n key {key!r} defined twice (again in strings/{info.name}.py)")
            merged[key] = texts
    return merged


CATALOGUE = _load()


def t(key: str, lang: str, **fmt: object) -> str:
    """The text for ``key`` in ``lang``, formatted with ``fmt``; a missing key raises KeyError."""
    text = CATALOGUE[key][lang if lang in LANGS else DEFAULT_LANG]
    return text.format(**fmt) if fmt else text


def has(key: str) -> bool:
    return key in CATALOGUE


def lang_from_locale(locale: str | None) -> str:
    """'ko-KR' → 'ko'; anything not Korean → English."""
    return "ko" if (locale or "").lower().startswith("ko") else DEFAULT_LANG


def option_label(option: str, lang: str) -> str:
    """Display name of a choice value (an activation, a gate …): key ``opt.<option>``."""
    return t(f"opt.{option}", lang)
