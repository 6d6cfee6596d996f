"""Altair chart builders, apart from the maths: each takes DataFrames and returns an ``alt.Chart``.

One module per topic (``nnviz/charts/<topic>.py``); shared colours and helpers live here.
Colours are the Okabe–Ito palette (safe for the common colour-vision deficiencies) and read on
Streamlit's light and dark themes alike.
"""

from __future__ import annotations

import pandas as pd

try:
    import altair as alt
except ImportError as e:  # the core installs without the app's extra
    raise ImportError('nnviz.charts needs altair, part of the app extra: pip install "nnviz[app]"', name=e.name) from e

from nnviz.frames import FRAME, FRAME_SEP, varying
from nnviz.data import INPUT_BOX as BOX

# Okabe & Ito (2008): distinguishable with deuteranopia, protanopia and tritanopia.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")
BLUE, ORANGE, GREEN, PINK, SKY, VERMILION, YELLOW, GREY = PALETTE
# Probability backgrounds: a diverging scheme centred on 0.5, blue for class 0, orange for class 1.
PROB_SCHEME = "blueorange"
REFERENCE = GREY  # reference lines (ln 2, theory curves)

# Text is held to 4.5:1 (WCAG AA) on the page's background. Marks keep the palette; text drawn in a mark's
# colour uses these darker variants, made for the light theme's white; for_theme swaps them for the dark one.
ORANGE_TEXT, VERMILION_TEXT, REFERENCE_TEXT = "#8F5C00", "#A84300", "#6B6B6B"
HALO = "#FFFFFE"  # a background-coloured outline under a label that lines may cross
_DARK_TEXT = {ORANGE_TEXT: ORANGE, VERMILION_TEXT: "#F07A3A", REFERENCE_TEXT: "#A6A6A6", HALO: "#171614"}
# Axis, legend and title text (Streamlit's chart theme draws them in #808495: 3.7:1 on white).
THEME_TEXT = {"light": "#5C5A57", "dark": "#B5B1AB"}

alt.data_transformers.disable_max_rows()  # our frames are small and bounded by the settings


def for_theme(spec: dict, theme: str) -> dict:
    """A Vega-Lite spec with its text coloured for Streamlit's ``theme`` ("light" or "dark")."""
    ink = THEME_TEXT.get(theme, THEME_TEXT["light"])
    text = {"labelColor": ink, "titleColor": ink}
    config = spec.get("config", {})
    spec = {**spec, "config": {**config, "axis": {**config.get("axis", {}), **text},
                               "legend": {**config.get("legend", {}), **text}, "header": {**config.get("header", {}), **text},
                               "title": {**config.get("title", {}), "color": ink, "subtitleColor": ink}}}
    return _swap(spec, _DARK_TEXT) if theme == "dark" else spec


def _swap(node, colours: dict):
    if isinstance(node, dict):
        return {k: _swap(v, colours) for k, v in node.items()}
    if isinstance(node, list):
        return [_swap(v, colours) for v in node]
    return colours.get(node, node) if isinstance(node, str) else node


def color_scale(domain: list[str]) -> alt.Scale:
    """A categorical scale over ``domain`` in palette order (same series, same colour, on every page)."""
    return alt.Scale(domain=list(domain), range=list(PALETTE[: len(domain)]))


def tooltip_fmt(field: str, title: str, fmt: str = ".4g") -> alt.Tooltip:
    """A tooltip showing the exact value (4 significant digits by default)."""
    return alt.Tooltip(field, title=title, format=fmt)


# --- animation: a chart drawn from nnviz.frames tables shows the frame the player picks ------------
def framed(chart: alt.Chart, df: pd.DataFrame) -> alt.Chart:
    """``chart`` (drawn from ``df``) showing the current frame's values when ``df`` is
    :func:`nnviz.frames.wide`."""
    cols = varying(df)
    if not cols:
        return chart
    return chart.transform_calculate(**{c: f"datum['{c}{FRAME_SEP}' + {FRAME}]" for c in cols})


def step_marker(step: int | pd.DataFrame, step_title: str | None = None) -> list[alt.Chart]:
    """The shown step on a loss curve: an orange rule, and — if ``step`` is a table with a ``loss`` column
    (per frame or not) — a dot on the curve with the loss written beside it. ``step_title``: a tooltip."""
    marker = step if isinstance(step, pd.DataFrame) else pd.DataFrame({"step": [step]})
    at = framed(alt.Chart(marker), marker)
    rule = {"tooltip": [alt.Tooltip("step:Q", title=step_title)]} if step_title else {}
    layers = [at.mark_rule(color=ORANGE, strokeWidth=2).encode(x=alt.X("step:Q"), **rule)]
    if "loss" in marker or "loss" in varying(marker):
        layers.append(at.mark_point(color=ORANGE, filled=True, size=70, opacity=1).encode(
            x=alt.X("step:Q"), y=alt.Y("loss:Q")))
        layers.append(at.mark_text(align="left", dx=7, dy=-10, fontSize=13, fontWeight="bold", color=ORANGE_TEXT)
                      .encode(x=alt.X("step:Q"), y=alt.Y("loss:Q"), text=alt.Text("loss:Q", format=".4f")))
    return layers


def heat_image(image: pd.DataFrame, title: str, box: tuple[float, ...] = BOX, opacity: float = 0.8,
               legend: bool = True, x_title: str | None = None, y_title: str | None = None,
               y_axis: bool = True) -> list[alt.Chart]:
    """A map over ``box`` ((lo, hi) on both axes, or (x_lo, x_hi, y_lo, y_hi)) drawn from one image
    (``image``: a one-row table whose ``image`` column is a PNG ``data:`` URL of :mod:`nnviz.heatmap`,
    per frame or not), with a colour legend titled ``title`` in the scheme the image was painted in."""
    x_lo, x_hi, y_lo, y_hi = (*box, *box) if len(box) == 2 else box
    placed = image.assign(x=x_lo, x2=x_hi, y=y_hi, y2=y_lo)
    layers = [framed(alt.Chart(placed), placed).mark_image(aspect=False, opacity=opacity, clip=True).encode(
        x=alt.X("x:Q", title=x_title, scale=alt.Scale(domain=[x_lo, x_hi], nice=False, zero=False)), x2="x2:Q",
        y=alt.Y("y:Q", title=y_title, scale=alt.Scale(domain=[y_lo, y_hi], nice=False, zero=False),
                axis=alt.Axis() if y_axis else None), y2="y2:Q", url="image:N")]
    if legend:
        # the image carries no data for a legend: an invisible layer over 0…1 draws it in the same scheme
        layers.append(alt.Chart(pd.DataFrame({"p": [0.0, 1.0]})).mark_point(opacity=0).encode(
            color=alt.Color("p:Q", scale=alt.Scale(domain=[0, 1], scheme=PROB_SCHEME), title=title,
                            legend=alt.Legend(orient="bottom", gradientLength=160, values=[0, 0.5, 1]))))
    return layers
