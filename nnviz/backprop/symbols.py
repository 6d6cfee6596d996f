"""The names of the graph's scalars, as LaTeX and as plain text: w⁽¹⁾₂₁ is layer 1's weight from input 1
to unit 2; a layer with one unit drops the unit's index (a⁽²⁾, not a⁽²⁾₁)."""

from __future__ import annotations

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def sup(n: int) -> str:
    return str(n).translate(_SUPERSCRIPT)


def sub(*ns: int) -> str:
    if any(n > 9 for n in ns):
        return "[" + ",".join(map(str, ns)) + "]"
    return "".join(str(n) for n in ns).translate(_SUBSCRIPT)


def weight(layer: int, row: int, col: int) -> tuple[str, str]:
    """(LaTeX, text) of layer ``layer``'s weight from input ``col`` to unit ``row`` (both 1-based)."""
    tex = f"w^{{({layer})}}_{{{row}{col}}}" if max(row, col) <= 9 else f"w^{{({layer})}}_{{{row},{col}}}"
    return tex, f"w{sup(layer)}{sub(row, col)}"


def unit(letter: str, layer: int, unit: int, single: bool) -> tuple[str, str]:
    """(LaTeX, text) of unit ``unit`` (1-based) of layer ``layer``: its bias, weighted sum or activation."""
    if single:
        return f"{letter}^{{({layer})}}", f"{letter}{sup(layer)}"
    return f"{letter}^{{({layer})}}_{{{unit}}}", f"{letter}{sup(layer)}{sub(unit)}"


def data(letter: str, k: int, single: bool) -> tuple[str, str]:
    """(LaTeX, text) of input or target ``k`` (1-based); a lone target is plain y."""
    return (letter, letter) if single else (f"{letter}_{{{k}}}", f"{letter}{sub(k)}")
