"""Charts of the playground: decision regions with the points, loss curves, the network of unit maps,
and the clickable plane for drawing points. Builders take DataFrames from :mod:`nnviz.playground` and
``labels``, a dict of already translated strings."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from nnviz.charts import BLUE, GREEN, ORANGE, PINK, framed, heat_image, tooltip_fmt
from nnviz.playground.data import BOX

CLASS_COLORS = (BLUE, ORANGE, GREEN)
HEIGHT = 430  # the whole chart (axes and legend included): the plane's plot about square beside it
EDITOR_HEIGHT = 380  # no legend
PICK = "pick"  # the clickable plane's selection


def _axes(labels: dict) -> tuple[alt.X, alt.Y]:
    scale = alt.Scale(domain=list(BOX), nice=False, zero=False)
    return (alt.X("x1:Q", scale=scale, title=labels["x1"]), alt.Y("x2:Q", scale=scale, title=labels["x2"]))


def _class_scale(labels: dict, classes: int) -> alt.Scale:
    return alt.Scale(domain=[labels["class_names"][k] for k in range(classes)], range=list(CLASS_COLORS[:classes]))


def _named(pts: pd.DataFrame, labels: dict) -> pd.DataFrame:
    out = pts.assign(cls=pts["label"].map(lambda k: labels["class_names"][int(k)]))
    if "split" in pts:
        out["split_name"] = pts["split"].map({"train": labels["train"], "test": labels["test"]})
    return out


def points_layer(pts: pd.DataFrame, labels: dict, classes: int, size: int = 46, legend: bool = True) -> alt.Chart:
    """The points coloured by class, circles for training and diamonds for test points, outlined in white."""
    df = _named(pts, labels)
    x, y = _axes(labels)
    tips = [tooltip_fmt("x1:Q", labels["x1"], ".3f"), tooltip_fmt("x2:Q", labels["x2"], ".3f"),
            alt.Tooltip("cls:N", title=labels["class"])]
    legend_ = alt.Legend(orient="bottom", direction="vertical") if legend else None
    enc = {"x": x, "y": y,
           "color": alt.Color("cls:N", scale=_class_scale(labels, classes), title=labels["class"], legend=legend_)}
    if "split_name" in df:
        tips.append(alt.Tooltip("split_name:N", title=labels["split"]))
        enc["shape"] = alt.Shape("split_name:N", title=labels["split"],
                                 scale=alt.Scale(domain=[labels["train"], labels["test"]], range=["circle", "diamond"]),
                                 legend=alt.Legend(orient="bottom", direction="vertical", symbolFillColor="gray"))
    if "predicted" in df:
        tips.append(alt.Tooltip("predicted:N", title=labels["predicted"]))
    return alt.Chart(df).mark_point(filled=True, size=size, opacity=1, stroke="white", strokeWidth=1).encode(
        **enc, tooltip=tips)


def regions(image: pd.DataFrame, pts: pd.DataFrame, labels: dict, classes: int, height: int = HEIGHT) -> alt.LayerChart:
    """The decision regions (one image, per frame or not: :func:`nnviz.playground.decision_images`) and the points."""
    layers = heat_image(image, labels["class"], BOX, opacity=1, legend=False, x_title=labels["x1"],
                        y_title=labels["x2"])
    return alt.layer(*layers, points_layer(pts, labels, classes)).properties(height=height)


def loss_curves(table: pd.DataFrame, marker: pd.DataFrame | None, labels: dict, by: str = "split") -> alt.LayerChart:
    """Train and test loss by epoch (``table``: :func:`nnviz.playground.loss_table`, optionally a ``run``
    column), with the player's epoch as a rule (``marker``: a frame table with ``epoch``)."""
    df = table.assign(split_name=table["split"].map({"train": labels["train"], "test": labels["test"]}))
    enc = {"x": alt.X("epoch:Q", title=labels["epoch"]),
           "y": alt.Y("loss:Q", title=labels["loss"], scale=alt.Scale(zero=True)),
           "color": alt.Color("split_name:N", title=labels["split"],
                              scale=alt.Scale(domain=[labels["train"], labels["test"]], range=[BLUE, ORANGE]),
                              legend=alt.Legend(orient="bottom")),
           "tooltip": [alt.Tooltip("epoch:Q", title=labels["epoch"]), tooltip_fmt("loss:Q", labels["loss"]),
                       tooltip_fmt("accuracy:Q", labels["accuracy"], ".1%")]}
    if by == "run":
        enc["strokeDash"] = alt.StrokeDash("run:N", title=labels["run"], legend=alt.Legend(orient="bottom"))
        enc["detail"] = "run:N"
    layers = [alt.Chart(df).mark_line(strokeWidth=2).encode(**enc)]
    if marker is not None:
        layers.append(framed(alt.Chart(marker), marker).mark_rule(color=PINK, strokeWidth=2).encode(x="epoch:Q"))
    return alt.layer(*layers).properties(height=HEIGHT)


def network(nodes: pd.DataFrame, edges: pd.DataFrame, labels: dict, size: int = 34) -> alt.LayerChart:
    """Columns of unit maps (features, hidden layers, class probabilities) joined by their weights:
    orange positive, blue negative, width by |weight|."""
    top = float(np.abs(edges["weight"]).max()) if len(edges) else 1.0
    rows = max(int(nodes.groupby("layer").size().max()), 1)
    cols = int(nodes["layer"].max()) + 1
    x = alt.X("x:Q", axis=None, scale=alt.Scale(domain=[-0.5, cols - 0.5], nice=False, zero=False))
    y = alt.Y("y:Q", axis=None, scale=alt.Scale(domain=[-rows / 2 - 0.1, rows / 2 + 0.1], nice=False, zero=False))
    e = edges.assign(sign=np.where(edges["weight"] >= 0, "+", "−"), size=np.abs(edges["weight"]) / (top or 1.0))
    lines = alt.Chart(e).mark_rule(opacity=0.7).encode(
        x=x, y=y, x2="x2:Q", y2="y2:Q",
        color=alt.Color("sign:N", scale=alt.Scale(domain=["+", "−"], range=[ORANGE, BLUE]), legend=None),
        strokeWidth=alt.StrokeWidth("size:Q", scale=alt.Scale(domain=[0, 1], range=[0.3, 4]), legend=None),
        tooltip=[tooltip_fmt("weight:Q", labels["weight"])])
    n = nodes.assign(x=nodes["layer"])
    images = alt.Chart(n).mark_image(width=size, height=size).encode(
        x=x, y=y, url="image:N",
        tooltip=[alt.Tooltip("name:N", title=labels["unit"]), tooltip_fmt("min:Q", "min", ".3g"),
                 tooltip_fmt("max:Q", "max", ".3g")])
    return alt.layer(lines, images).properties(height=max(140, 52 * rows))


def editor(pts: pd.DataFrame, labels: dict, classes: int, step: float = 0.25) -> alt.LayerChart:
    """The plane to draw on: the points, and an invisible grid of places to click (every ``step``). A click
    selects the nearest point or place (selection :data:`PICK`, fields x1, x2, kind)."""
    g = np.arange(BOX[0], BOX[1] + 1e-9, step)
    gx, gy = np.meshgrid(g, g)
    places = pd.DataFrame({"x1": gx.ravel(), "x2": gy.ravel()})
    if len(pts):  # places under a point give way to it, so a click there picks the point
        d = np.hypot(places["x1"].to_numpy()[:, None] - pts["x1"].to_numpy()[None],
                     places["x2"].to_numpy()[:, None] - pts["x2"].to_numpy()[None]).min(axis=1)
        places = places[d > step * 0.75]
    targets = pd.concat([places.assign(kind="place"), pts[["x1", "x2"]].assign(kind="point")], ignore_index=True)
    x, y = _axes(labels)
    pick = alt.selection_point(name=PICK, on="click", nearest=True, fields=["x1", "x2", "kind"], clear=False)
    hit = alt.Chart(targets).mark_point(opacity=0, size=30).encode(x=x, y=y).add_params(pick)
    # the clickable layer on top (a click on a drawn point must reach it); no legend, so the plot keeps its place
    layers = [points_layer(pts, labels, classes, size=70, legend=False)] if len(pts) else []
    return alt.layer(*layers, hit).properties(height=EDITOR_HEIGHT)
