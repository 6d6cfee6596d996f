"""Charts of the dropout page: mask grids, the expectation check, thinned networks, losses and fits.

Builders take the DataFrames of :mod:`nnviz.dropout` plus already-translated labels, and return
``alt.Chart`` objects. Category values in the frames ("plain", "train", …) are shown through the
``names`` mapping the page passes in.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import altair as alt
import pandas as pd

from nnviz.charts import BLUE, GREEN, GREY, ORANGE, PROB_SCHEME, REFERENCE, VERMILION, tooltip_fmt

MODEL_COLOURS = {"plain": VERMILION, "dropout": BLUE}
DROPPED = "#d9d9d9"  # opaque light grey: the same contrast on light and dark themes


def _named(series: pd.Series, names: Mapping[str, str]) -> pd.Series:
    return series.map(lambda v: names.get(v, v))


def thin(frame: pd.DataFrame, by: list[str], x: str, max_points: int = 250) -> pd.DataFrame:
    """At most ``max_points`` evenly spaced rows per group (always keeping the last), for light charts."""
    parts = []
    for _, g in frame.groupby(by, sort=False):
        if len(g) > max_points:
            step = -(-len(g) // max_points)
            g = pd.concat([g.iloc[::step], g.iloc[[-1]]]).drop_duplicates(subset=[x])
        parts.append(g)
    return pd.concat(parts, ignore_index=True) if parts else frame


# --- Part 1: one layer ---------------------------------------------------------------------------


def mask_grid(frame: pd.DataFrame, field: str, title: str, labels: Mapping[str, str],
              show_mask: bool, cell: int = 27) -> alt.Chart:
    """A 16×16 grid of units coloured by ``field``; with ``show_mask``, dropped units greyed with ×.

    ``labels``: "unit", "input", "output", "kept", "value", "dropped" (legend text).
    """
    df = frame.copy()
    df["value"] = df[field]
    df["label"] = df["value"].map(lambda v: f"{v:.3g}" if abs(v) >= 0.005 else "0")
    if show_mask:
        df.loc[~df["kept"], "label"] = "×"
    m = float(df["value"].abs().max()) or 1.0
    side = int(df["col"].max()) + 1
    size = cell * side
    base = alt.Chart(df).encode(
        x=alt.X("col:O", axis=None),
        y=alt.Y("row:O", axis=None),
        tooltip=[
            alt.Tooltip("unit:Q", title=labels["unit"]),
            tooltip_fmt("input:Q", labels["input"]),
            alt.Tooltip("kept:N", title=labels["kept"]),
            tooltip_fmt("output:Q", labels["output"]),
        ],
    )
    colour = alt.Color("value:Q", title=labels["value"],
                       scale=alt.Scale(scheme=PROB_SCHEME, domain=[-m, m], domainMid=0),
                       legend=alt.Legend(orient="bottom", gradientLength=size - 40, direction="horizontal"))
    cells = base.transform_filter("datum.kept") if show_mask else base
    layers = [cells.mark_rect(stroke="white", strokeWidth=0.5).encode(color=colour)]
    if show_mask:
        layers.append(base.transform_filter("!datum.kept").mark_rect(
            color=DROPPED, stroke="white", strokeWidth=0.5))
    # Black on pale cells, white on saturated ones (by the cell's colour, not the theme): 4.5:1 either way.
    text = base.mark_text(fontSize=11).encode(
        text="label:N",
        color=alt.condition(f"abs(datum.value) > {0.8 * m}", alt.value("white"), alt.value("black")),
    )
    layers.append(text)
    return alt.layer(*layers).properties(width=size, height=size, title=title)


def expectation_chart(units: pd.DataFrame, labels: Mapping[str, str]) -> alt.Chart:
    """Per unit: the input (grey ticks) and the mean output over many masks with ±2 sampling errors.

    ``labels``: "unit", "input", "mean", "se", "z", "y".
    """
    df = units.copy()
    df["lo"] = df["mean"] - 2 * df["se"]
    df["hi"] = df["mean"] + 2 * df["se"]
    base = alt.Chart(df).encode(x=alt.X("unit:Q", title=labels["unit"], scale=alt.Scale(nice=False)))
    tips = [alt.Tooltip("unit:Q", title=labels["unit"]), tooltip_fmt("input:Q", labels["input"]),
            tooltip_fmt("mean:Q", labels["mean"]), tooltip_fmt("se:Q", labels["se"]),
            tooltip_fmt("z:Q", labels["z"], ".2f")]
    bars = base.mark_rule(color=BLUE, opacity=0.45).encode(y=alt.Y("lo:Q", title=labels["y"]), y2="hi:Q")
    mean = base.mark_circle(color=BLUE, size=14).encode(y="mean:Q", tooltip=tips)
    truth = base.mark_tick(color=ORANGE, thickness=2, size=7).encode(y="input:Q", tooltip=tips)
    return alt.layer(bars, truth, mean).properties(height=230)


def share_histogram(shares: pd.DataFrame, p: float, se_one: float, labels: Mapping[str, str]) -> alt.Chart:
    """How many units each mask kept, as a share: histogram, 1−p line and the ±2 SE band of one mask.

    ``labels``: "share", "count", "expected".
    """
    keep = 1 - p
    hist = alt.Chart(shares).mark_bar(color=BLUE, opacity=0.8).encode(
        x=alt.X("kept_share:Q", bin=alt.Bin(maxbins=30), title=labels["share"], axis=alt.Axis(format="%")),
        y=alt.Y("count():Q", title=labels["count"]),
        tooltip=[alt.Tooltip("kept_share:Q", bin=alt.Bin(maxbins=30), title=labels["share"], format=".1%"),
                 alt.Tooltip("count():Q", title=labels["count"])],
    )
    ref = pd.DataFrame({"keep": [keep], "lo": [keep - 2 * se_one], "hi": [keep + 2 * se_one],
                        "what": [labels["expected"]]})
    band = alt.Chart(ref).mark_rect(color=ORANGE, opacity=0.15).encode(x="lo:Q", x2="hi:Q")
    line = alt.Chart(ref).mark_rule(color=ORANGE, strokeWidth=2).encode(
        x="keep:Q", tooltip=[alt.Tooltip("what:N", title=" "), alt.Tooltip("keep:Q", title="1 − p", format=".0%")])
    return alt.layer(band, hist, line).properties(height=230)


def thinning_chart(nodes: pd.DataFrame, edges: pd.DataFrame, outputs: pd.DataFrame,
                   labels: Mapping[str, str], width: int = 150, narrow: bool = False) -> alt.FacetChart:
    """One small network diagram per forward pass: kept units filled, dropped units greyed, only the
    connections between kept units drawn. All in a row; two a row when ``narrow`` (a phone).

    ``labels``: "pass" (with {k}, {out}), "layer", "unit", "kept", "value", "dropped", "kept_name".
    """
    sizes = nodes[nodes["pass"] == 0].groupby("layer")["unit"].count()
    centre = (sizes - 1) / 2  # centre each column of units vertically
    titles = {int(k): labels["pass"].format(k=int(k) + 1, out=f"{o:.3f}")
              for k, o in zip(outputs["pass"], outputs["output"])}
    n = nodes.assign(kind="node", y=nodes["unit"] - nodes["layer"].map(centre).to_numpy(),
                     state=nodes["kept"].map({True: labels["kept_name"], False: labels["dropped"]}))
    e = edges[edges["active"]]
    e = e.assign(kind="edge", y=e["src"] - e["layer"].map(centre).to_numpy(),
                 y2=e["dst"] - (e["layer"] + 1).map(centre).to_numpy(), x2=e["layer"] + 1)
    # One data set for all passes (faceted): a fraction of the JSON of one chart per pass.
    df = pd.concat([n, e[["pass", "layer", "kind", "y", "y2", "x2"]]], ignore_index=True)
    df["title"] = df["pass"].map(titles)
    ymax = sizes.max() / 2
    x = alt.X("layer:Q", scale=alt.Scale(domain=[-0.3, len(sizes) - 0.7]), axis=None)
    y = alt.Y("y:Q", scale=alt.Scale(domain=[-ymax, ymax]), axis=None)
    base = alt.Chart().encode(x=x, y=y)
    lines = base.transform_filter("datum.kind == 'edge'").mark_rule(
        color=GREY, opacity=0.55, strokeWidth=0.8).encode(x2="x2:Q", y2="y2:Q")
    dots = base.transform_filter("datum.kind == 'node'").mark_circle(
        size=90, opacity=1, stroke=GREY, strokeWidth=1).encode(
        color=alt.Color("state:N", title=None,
                        scale=alt.Scale(domain=[labels["kept_name"], labels["dropped"]], range=[BLUE, DROPPED]),
                        legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("layer:Q", title=labels["layer"]), alt.Tooltip("unit:Q", title=labels["unit"]),
                 alt.Tooltip("state:N", title=labels["kept"]), tooltip_fmt("value:Q", labels["value"])],
    )
    return alt.layer(lines, dots, data=df).properties(width=width, height=170).facet(
        facet=alt.Facet("title:N", sort=[titles[k] for k in sorted(titles)], title=None,
                        header=alt.Header(labelFontWeight="bold", labelFontSize=13, labelOrient="top")),
        columns=2 if narrow else len(titles), spacing=8,
    )


# --- Part 2: overfitting ---------------------------------------------------------------------------


def loss_chart(history: pd.DataFrame, names: Mapping[str, str], labels: Mapping[str, str],
               refs: pd.DataFrame | None = None, show_objective: bool = False, log: bool = False) -> alt.Chart:
    """Train (solid) and test (dashed) loss of both nets over the epochs, in eval mode.

    With ``show_objective`` the loss the optimizer saw each epoch (train mode, masks on) is added
    faintly. ``refs`` (columns split, loss, what) draws grey reference levels, solid for "train" and
    dashed for "test": e.g. the loss of the truth y = 0 on each split.
    Non-finite losses (a diverged run) are left out. ``labels``: "epoch", "loss", "model", "split".
    """
    splits = ["train", "test"] + (["objective"] if show_objective else [])
    # The plain net's objective is its train loss (no masks): draw the objective of the dropout net only.
    keep = history["split"].isin(splits) & ~((history["split"] == "objective") & (history["model"] == "plain"))
    keep &= history["loss"].map(math.isfinite) & (history["loss"] > 0 if log else True)
    df = thin(history[keep], ["model", "split"], "epoch")
    df = df.assign(model_name=_named(df["model"], names), split_name=_named(df["split"], names))
    model_dom = [names[m] for m in ("plain", "dropout")]
    split_dom = [names[s] for s in splits]
    dashes = [[1, 0], [6, 4], [1, 3]][: len(splits)]
    y = alt.Y("loss:Q", title=labels["loss"], scale=alt.Scale(type="log" if log else "linear", zero=False),
              axis=alt.Axis(format=".3~g"))
    lines = alt.Chart(df).mark_line(strokeWidth=2).encode(
        x=alt.X("epoch:Q", title=labels["epoch"], axis=alt.Axis(format="d", tickMinStep=1)),
        y=y,
        color=alt.Color("model_name:N", title=labels["model"],
                        scale=alt.Scale(domain=model_dom, range=[MODEL_COLOURS["plain"], MODEL_COLOURS["dropout"]]),
                        legend=alt.Legend(orient="bottom", direction="vertical")),
        strokeDash=alt.StrokeDash("split_name:N", title=labels["split"],
                                  scale=alt.Scale(domain=split_dom, range=dashes),
                                  legend=alt.Legend(orient="bottom", direction="vertical")),
        opacity=alt.condition(alt.datum.split == "objective", alt.value(0.45), alt.value(1.0)),
        detail="split:N",
        tooltip=[alt.Tooltip("model_name:N", title=labels["model"]), alt.Tooltip("split_name:N", title=labels["split"]),
                 alt.Tooltip("epoch:Q", title=labels["epoch"]), tooltip_fmt("loss:Q", labels["loss"])],
    )
    layers = [lines]
    if refs is not None and len(refs):
        layers.append(alt.Chart(refs).mark_rule(color=REFERENCE, strokeWidth=1.5, opacity=0.8).encode(
            y="loss:Q",
            strokeDash=alt.condition(alt.datum.split == "test", alt.value([6, 4]), alt.value([1, 0])),
            tooltip=[alt.Tooltip("what:N", title=" "), tooltip_fmt("loss:Q", labels["loss"])]))
    return alt.layer(*layers).properties(height=320)


def fit_chart(data: pd.DataFrame, curves: pd.DataFrame, names: Mapping[str, str], labels: Mapping[str, str],
              show_band: bool = True, show_train_once: bool = True) -> alt.Chart:
    """The data (train filled, test hollow), the truth y = 0, both fitted curves (eval mode), the
    5–95 % band of many train-mode predictions of the dropout net, and one train-mode prediction.

    ``names``: "train", "test", "plain", "dropout", "train_once", "band", "truth".
    ``labels``: "x", "y", "series".
    """
    series = ["plain", "dropout"] + (["train_once"] if show_train_once else []) + ["truth"]
    colours = {"plain": MODEL_COLOURS["plain"], "dropout": MODEL_COLOURS["dropout"], "train_once": GREEN,
               "truth": REFERENCE}
    long = curves.melt(id_vars="x", value_vars=[s for s in series if s != "truth"], var_name="series", value_name="y")
    long = pd.concat([long, pd.DataFrame({"x": [-1.0, 1.0], "series": "truth", "y": [0.0, 0.0]})], ignore_index=True)
    long["name"] = _named(long["series"], names)
    dom = [names[s] for s in series]
    x = alt.X("x:Q", title=labels["x"], scale=alt.Scale(domain=[-1, 1], nice=False))
    lines = alt.Chart(long).mark_line().encode(
        x=x, y=alt.Y("y:Q", title=labels["y"]),
        color=alt.Color("name:N", title=labels["series"],
                        scale=alt.Scale(domain=dom, range=[colours[s] for s in series]),
                        legend=alt.Legend(orient="bottom", columns=2, labelLimit=360)),
        strokeDash=alt.condition(alt.datum.series == "truth", alt.value([4, 4]), alt.value([1, 0])),
        strokeWidth=alt.condition(alt.datum.series == "train_once", alt.value(1), alt.value(2.5)),
        opacity=alt.condition(alt.datum.series == "train_once", alt.value(0.75), alt.value(1.0)),
        tooltip=[alt.Tooltip("name:N", title=labels["series"]), tooltip_fmt("x:Q", labels["x"]),
                 tooltip_fmt("y:Q", labels["y"])],
    )
    pts = data.assign(name=_named(data["split"], names))
    split_dom = [names["train"], names["test"]]
    points = alt.Chart(pts).mark_point(size=30, filled=True, opacity=0.85).encode(
        x=x, y="y:Q",
        shape=alt.Shape("name:N", title=None, scale=alt.Scale(domain=split_dom, range=["circle", "diamond"]),
                        legend=alt.Legend(orient="bottom")),
        color=alt.Color("name:N", title=None, scale=alt.Scale(domain=split_dom, range=[GREY, ORANGE]),
                        legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("name:N", title=" "), tooltip_fmt("x:Q", labels["x"]), tooltip_fmt("y:Q", labels["y"])],
    )
    layers = []
    if show_band:
        band = curves.assign(name=names["band"])
        layers.append(alt.Chart(band).mark_area(color=BLUE, opacity=0.18).encode(
            x=x, y="band_lo:Q", y2="band_hi:Q",
            tooltip=[alt.Tooltip("name:N", title=" "), tooltip_fmt("x:Q", labels["x"]),
                     tooltip_fmt("band_lo:Q", "5 %"), tooltip_fmt("band_hi:Q", "95 %"),
                     tooltip_fmt("band_sd:Q", "sd")]))
    layers += [points, lines]
    return alt.layer(*layers).resolve_scale(color="independent", shape="independent").properties(height=360)


def trap_chart(presses: pd.DataFrame, names: Mapping[str, str], labels: Mapping[str, str]) -> alt.Chart:
    """The predictions at one x, press after press: train mode jumps, eval mode stays put.

    ``names``: "train", "eval"; ``labels``: "press", "prediction", "mode".
    """
    df = presses.assign(name=_named(presses["mode"], names))
    dom = [names["train"], names["eval"]]
    return alt.Chart(df).mark_line(point=alt.OverlayMarkDef(size=60)).encode(
        x=alt.X("press:O", title=labels["press"], axis=alt.Axis(labelAngle=0)),
        y=alt.Y("prediction:Q", title=labels["prediction"], scale=alt.Scale(zero=False)),
        color=alt.Color("name:N", title=labels["mode"], scale=alt.Scale(domain=dom, range=[GREEN, BLUE]),
                        legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("name:N", title=labels["mode"]), alt.Tooltip("press:Q", title=labels["press"]),
                 tooltip_fmt("prediction:Q", labels["prediction"], ".5f")],
    ).properties(height=240)


def srivastava(table: pd.DataFrame, labels: Mapping[str, str]) -> alt.LayerChart:
    """Test error of the average of k thinned nets against k (log axis), with the weight-scaled (eval-mode)
    net's error as a rule: a :func:`nnviz.papers.srivastava.compare` table. ``labels``: ``k, error, mc, scaled``."""
    x = alt.X("k:Q", title=labels["k"], scale=alt.Scale(type="log", domain=[1, int(table["k"].max())], nice=False))
    y = alt.Y("mc_error:Q", title=labels["error"], axis=alt.Axis(format=".1%"))
    mc = alt.Chart(table.assign(what=labels["mc"])).mark_line(point=True, strokeWidth=2.2, color=BLUE).encode(
        x=x, y=y, tooltip=[alt.Tooltip("what:N", title=""), "k:Q", tooltip_fmt("mc_error:Q", labels["error"], ".2%")])
    scaled = alt.Chart(table.head(1).assign(what=labels["scaled"])).mark_rule(strokeDash=[6, 4], color=VERMILION,
                                                                              strokeWidth=2).encode(
        y=alt.Y("scaled_error:Q"), tooltip=[alt.Tooltip("what:N", title=""),
                                            tooltip_fmt("scaled_error:Q", labels["error"], ".2%")])
    return alt.layer(mc, scaled).properties(height=240)
