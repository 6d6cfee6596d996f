"""Charts of the activations page: f and f′, the shrinking product, per-layer gradient norms, losses,
and the health of the units.

Every builder takes DataFrames from :mod:`nnviz.activations` / :mod:`nnviz.gradients`, ``names``
(activation → display name) and ``labels`` (translated axis and legend titles), and returns an
``alt.Chart``. Activations keep one colour on every chart (palette order of ``NAMES``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import numpy as np
import pandas as pd

from nnviz.activations import NAMES
from nnviz.charts import BLUE, GREY, ORANGE, PALETTE, REFERENCE, VERMILION, VERMILION_TEXT, framed, tooltip_fmt
from nnviz.frames import stacked, unstacked

Y_CLIP = (-1.25, 2.0)  # f runs off to ±x; f′ stays within about [−0.2, 1.13]: keep f′ readable


def _act_color(df: pd.DataFrame, names: Mapping[str, str], title: str, columns: int | None = None) -> alt.Color:
    """Colour by activation: each keeps its palette colour on every chart; the legend lists those present."""
    present = [n for n in NAMES if n in set(df["activation"])]
    scale = alt.Scale(domain=[names[n] for n in present], range=[PALETTE[NAMES.index(n)] for n in present])
    legend = alt.Legend(orient="bottom", columns=columns) if columns else alt.Legend(orient="bottom")
    return alt.Color("name:N", scale=scale, title=title, legend=legend)


LOG_AXIS = alt.Axis(format=".0e")  # 1e-6, not 0.000001
DASH_LEGEND = alt.Legend(orient="top", symbolType="stroke", symbolStrokeWidth=2.5, symbolStrokeColor=GREY)


def _named(df: pd.DataFrame, names: Mapping[str, str]) -> pd.DataFrame:
    return df.assign(name=df["activation"].map(names))


def functions(curves: pd.DataFrame, regions: pd.DataFrame, stats: pd.DataFrame, names: Mapping[str, str],
              labels: Mapping[str, str], columns: int = 4, narrow: bool = False) -> alt.FacetChart:
    """Small multiples, one per activation: f (blue) and f′ (orange) over x, the saturated regions
    (|f′| < threshold) shaded, and the largest f′ marked with its value. ``narrow``: one column (a phone).

    ``labels``: ``x, value, f, df, saturated, max, from, to``.
    """
    order = [names[n] for n in dict.fromkeys(curves["activation"])]
    long = curves.melt(id_vars=["activation", "x"], value_vars=["f", "df"], var_name="curve", value_name="y")
    long = long.assign(kind="curve", curve=long["curve"].map({"f": labels["f"], "df": labels["df"]}))
    reg = regions.assign(kind="region", band=labels["saturated"])
    in_view = stats[stats["activation"].isin(curves["activation"])]
    peak = in_view.assign(kind="max", x=in_view["argmax"].clip(curves["x"].min(), curves["x"].max()),
                          y=in_view["max_df"], text=[f"{labels['max']} = {v:.3g}" for v in in_view["max_df"]])
    data = _named(pd.concat([long, reg, peak], ignore_index=True), names)
    x_scale = alt.Scale(domain=[float(curves["x"].min()), float(curves["x"].max())], nice=False)
    y_scale = alt.Scale(domain=list(Y_CLIP), nice=False)
    base = alt.Chart().properties(width=166, height=150)  # four fit the page's 820 px column
    shade = base.transform_filter(alt.datum.kind == "region").mark_rect(opacity=0.16, color=GREY).encode(
        x=alt.X("x_start:Q", scale=x_scale, title=labels["x"]), x2="x_end:Q",
        tooltip=[alt.Tooltip("band:N", title=""), tooltip_fmt("x_start:Q", labels["from"], ".2f"),
                 tooltip_fmt("x_end:Q", labels["to"], ".2f")],
    )
    curve_colors = alt.Scale(domain=[labels["f"], labels["df"]], range=[BLUE, ORANGE])
    lines = base.transform_filter(alt.datum.kind == "curve").mark_line(strokeWidth=2.2, clip=True).encode(
        x=alt.X("x:Q", scale=x_scale, title=labels["x"]),
        y=alt.Y("y:Q", scale=y_scale, title=labels["value"]),
        color=alt.Color("curve:N", scale=curve_colors, title=None, legend=alt.Legend(orient="bottom")),
        strokeDash=alt.StrokeDash("curve:N", scale=alt.Scale(domain=[labels["f"], labels["df"]],
                                                             range=[[1, 0], [5, 3]]), legend=None),
        tooltip=[alt.Tooltip("name:N", title=""), alt.Tooltip("curve:N", title=""),
                 tooltip_fmt("x:Q", labels["x"], ".3f"), tooltip_fmt("y:Q", labels["value"], ".5f")],
    )
    dot = base.transform_filter(alt.datum.kind == "max").mark_point(filled=True, size=70, color=VERMILION).encode(
        x=alt.X("x:Q", scale=x_scale), y=alt.Y("y:Q", scale=y_scale),
        tooltip=[alt.Tooltip("name:N", title=""), alt.Tooltip("text:N", title=""),
                 tooltip_fmt("x:Q", labels["x"], ".3f")],
    )
    text = base.transform_filter(alt.datum.kind == "max").mark_text(
        align="left", dx=6, dy=-9, fontSize=11, fontWeight="bold", color=VERMILION_TEXT).encode(
        x=alt.X("x:Q", scale=x_scale), y=alt.Y("y:Q", scale=y_scale), text="text:N")
    # Text near the right edge would be cut off: anchor it to the left of the dot there.
    text = text.encode(x=alt.X("tx:Q", scale=x_scale)).transform_calculate(
        tx=f"min(datum.x, {float(curves['x'].max()) * 0.15})")
    zero = base.mark_rule(color=REFERENCE, strokeWidth=0.8).encode(y=alt.datum(0))
    return (
        alt.layer(shade, zero, lines, dot, text, data=data)
        .facet(facet=alt.Facet("name:N", sort=order, title=None, header=alt.Header(labelFontSize=13,
                                                                                   labelFontWeight="bold")),
               columns=1 if narrow else columns)
        .resolve_scale(x="shared", y="shared")
    )


def shrink(table: pd.DataFrame, names: Mapping[str, str], labels: Mapping[str, str]) -> alt.Chart:
    """The product of L derivatives against L on a log axis: at best (solid) and typically (dashed).

    ``labels``: ``layers, product, activation, best, typical``.
    """
    long = table.melt(id_vars=["activation", "layers"], value_vars=["best", "typical"], var_name="kind",
                      value_name="product")
    long = _named(long.assign(kind=long["kind"].map({"best": labels["best"], "typical": labels["typical"]})), names)
    x = alt.X("layers:Q", title=labels["layers"], scale=alt.Scale(domain=[1, int(table["layers"].max())], nice=False))
    y = alt.Y("product:Q", title=labels["product"], scale=alt.Scale(type="log"), axis=LOG_AXIS)
    color = _act_color(long, names, labels["activation"])
    tips = [alt.Tooltip("name:N", title=labels["activation"]), alt.Tooltip("kind:N", title=""),
            alt.Tooltip("layers:Q", title=labels["layers"]), tooltip_fmt("product:Q", labels["product"], ".3e")]
    # Lines and points as separate layers: a point overlay would hide the dash pattern in the legend.
    lines = alt.Chart(long).mark_line(strokeWidth=2.2).encode(
        x=x, y=y, color=color, detail="kind:N",
        strokeDash=alt.StrokeDash("kind:N", title=None, scale=alt.Scale(
            domain=[labels["best"], labels["typical"]], range=[[1, 0], [5, 3]]),
            legend=alt.Legend(columns=1, **DASH_LEGEND.to_dict())),  # one a row: the long labels overflow a phone
    )
    points = alt.Chart(long).mark_point(filled=True, size=22).encode(x=x, y=y, color=color, tooltip=tips)
    return alt.layer(lines, points).properties(height=300)


def grad_profile(layers: pd.DataFrame, names: Mapping[str, str], labels: Mapping[str, str],
                 stages: Sequence[str] | None = None) -> alt.LayerChart:
    """Weight-gradient norm per layer (input side left) on a log axis, one line per activation and
    stage (``stage`` column: the first of ``stages`` solid, the second dashed; default: those present).
    Exact zeros (a layer behind dead units) cannot sit on a log axis and are left out. ``layers`` may
    be :func:`nnviz.frames.wide` (one column per frame of an animation).

    ``labels``: ``layer, norm, bias_norm, activation, stage, epoch, dead, saturated, mean, std``.
    """
    df = _named(layers, names)
    # Nudge each activation sideways a little, so equal values (ReLU and LeakyReLU often agree) stay visible.
    present = [n for n in NAMES if n in set(df["activation"])]
    shift = {n: (i - (len(present) - 1) / 2) * 0.08 for i, n in enumerate(present)}
    df = df.assign(x=df["layer"] + df["activation"].map(shift))
    stages = list(stages) if stages is not None else list(dict.fromkeys(layers["stage"]))
    n_layers = int(layers["layer"].max()) if len(layers) else 1
    x = alt.X("x:Q", title=labels["layer"], scale=alt.Scale(domain=[0.8, n_layers + 0.2], nice=False),
              axis=alt.Axis(tickMinStep=1, format="d"))
    y = alt.Y("weight_grad_norm:Q", title=labels["norm"], scale=alt.Scale(type="log"), axis=LOG_AXIS)
    color = _act_color(layers, names, labels["activation"])  # all of them, zeros too: a stable legend
    tips = [alt.Tooltip("name:N", title=labels["activation"]), alt.Tooltip("stage:N", title=""),
            alt.Tooltip("epoch:Q", title=labels["epoch"]), alt.Tooltip("layer:Q", title=labels["layer"]),
            tooltip_fmt("weight_grad_norm:Q", labels["norm"], ".4e"),
            tooltip_fmt("bias_grad_norm:Q", labels["bias_norm"], ".4e"),
            tooltip_fmt("activation_mean:Q", labels["mean"], ".4f"),
            tooltip_fmt("activation_std:Q", labels["std"], ".4g"),
            tooltip_fmt("dead_fraction:Q", labels["dead"], ".0%"),
            tooltip_fmt("saturated_fraction:Q", labels["saturated"], ".0%")]
    # the zeros are dropped in the chart (not here), after it picks the frame it shows
    base = framed(alt.Chart(df), df).transform_filter("datum.weight_grad_norm > 0")
    lines = base.mark_line(strokeWidth=2.4).encode(
        x=x, y=y, color=color, detail="stage:N",
        strokeDash=alt.StrokeDash("stage:N", title=None, sort=stages, legend=DASH_LEGEND,
                                  scale=alt.Scale(domain=stages, range=[[1, 0], [6, 4]][: len(stages)])),
    )
    points = base.mark_point(filled=True, size=40, opacity=1).encode(x=x, y=y, color=color, tooltip=tips)
    return alt.layer(lines, points).properties(height=340)


def grad_heatmap(layers: pd.DataFrame, names: Mapping[str, str], labels: Mapping[str, str],
                 view: int | None = None, narrow: bool = False) -> alt.FacetChart:
    """Layer × epoch grid per activation, coloured by log10 of the weight-gradient norm: how the
    gradient reaching each layer changes as training goes. ``view`` marks an epoch with a rule.
    Three panels a row fit the page's column; ``narrow``: one (a phone).

    ``labels``: ``layer, epoch, norm, log_norm``.
    """
    df = _named(layers, names)
    df = df.assign(log_norm=np.log10(df["weight_grad_norm"].where(df["weight_grad_norm"] > 0)))
    epochs = sorted(df["epoch"].unique())
    step = (epochs[1] - epochs[0]) if len(epochs) > 1 else 1
    df = df.assign(e0=df["epoch"] - step / 2, e1=df["epoch"] + step / 2, l0=df["layer"] - 0.5, l1=df["layer"] + 0.5)
    n_layers = int(df["layer"].max()) if len(df) else 1
    heat = alt.Chart().mark_rect().encode(
        x=alt.X("e0:Q", title=labels["epoch"], scale=alt.Scale(nice=False)), x2="e1:Q",
        y=alt.Y("l0:Q", title=labels["layer"], scale=alt.Scale(domain=[0.5, n_layers + 0.5], nice=False),
                axis=alt.Axis(tickMinStep=1, format="d")), y2="l1:Q",
        color=alt.Color("log_norm:Q", title=labels["log_norm"], scale=alt.Scale(scheme="viridis"),
                        legend=alt.Legend(orient="bottom", gradientLength=220)),
        tooltip=[alt.Tooltip("name:N", title=""), alt.Tooltip("epoch:Q", title=labels["epoch"]),
                 alt.Tooltip("layer:Q", title=labels["layer"]),
                 tooltip_fmt("weight_grad_norm:Q", labels["norm"], ".4e")],
    )
    layers_ = [heat]
    if view is not None:
        layers_.append(alt.Chart().mark_rule(color="white", strokeWidth=2, strokeDash=[4, 3]).encode(
            x=alt.datum(view)))
    order = [names[n] for n in dict.fromkeys(layers["activation"])]
    return alt.layer(*layers_, data=df).properties(width=236, height=220).facet(
        facet=alt.Facet("name:N", sort=order, title=None, header=alt.Header(labelFontSize=13, labelFontWeight="bold")),
        columns=1 if narrow else min(3, max(1, len(order))),
    )


def losses(history: pd.DataFrame, names: Mapping[str, str], labels: Mapping[str, str],
           view: int | None = None) -> alt.LayerChart:
    """Training (solid) and test (dashed) loss per epoch for each activation, log axis; ``view`` as a rule.

    ``labels``: ``epoch, loss, activation, train, test``.
    """
    long = history.melt(id_vars=["activation", "epoch"], value_vars=["train_loss", "test_loss"], var_name="split",
                        value_name="loss").dropna(subset=["loss"])
    long = _named(long.assign(split=long["split"].map({"train_loss": labels["train"], "test_loss": labels["test"]})),
                  names)
    long = long[long["loss"] > 0]
    splits = [labels["train"], labels["test"]]
    lines = alt.Chart(long).mark_line(strokeWidth=2.2).encode(
        x=alt.X("epoch:Q", title=labels["epoch"]),
        y=alt.Y("loss:Q", title=labels["loss"], scale=alt.Scale(type="log"), axis=alt.Axis(
            labelExpr="datum.value >= 1e4 || datum.value < 1e-3 ? format(datum.value, '.0e') : format(datum.value, '~g')")),
        color=_act_color(long, names, labels["activation"], columns=2),
        strokeDash=alt.StrokeDash("split:N", title=None, scale=alt.Scale(domain=splits, range=[[1, 0], [5, 3]]),
                                  legend=DASH_LEGEND),
        tooltip=[alt.Tooltip("name:N", title=labels["activation"]), alt.Tooltip("split:N", title=""),
                 alt.Tooltip("epoch:Q", title=labels["epoch"]), tooltip_fmt("loss:Q", labels["loss"], ".6f")],
    )
    out = [lines]
    if view is not None:
        out.append(alt.Chart(pd.DataFrame({"epoch": [view]})).mark_rule(color=REFERENCE, strokeDash=[4, 3]).encode(
            x="epoch:Q"))
    return alt.layer(*out).properties(height=300)


def unit_health(layers: pd.DataFrame, names: Mapping[str, str], labels: Mapping[str, str],
                narrow: bool = False) -> alt.FacetChart:
    """Share of dead and of saturated units in each hidden layer, bars side by side per activation,
    one panel per measure (side by side; ``narrow``: one above the other, for a phone).

    ``labels``: ``layer, share, activation, dead, saturated, epoch``. ``layers`` may be
    :func:`nnviz.frames.wide` (one column per frame of an animation).
    """
    # hidden layers only (the output layer is one unit), one row per (layer, measure), every frame at once
    hidden = layers[layers["layer"] < layers.groupby("activation")["layer"].transform("max")]
    parts = [stacked(hidden, c) for c in ("dead_fraction", "saturated_fraction", "epoch")]
    n = max(a.shape[1] for a in parts)
    dead, saturated, epoch = (np.broadcast_to(a, (len(hidden), n)) for a in parts)
    base = pd.DataFrame({"activation": np.tile(hidden["activation"].to_numpy(), 2),
                         "layer": np.tile(hidden["layer"].to_numpy(), 2),
                         "measure": [labels["dead"]] * len(hidden) + [labels["saturated"]] * len(hidden)})
    long = _named(unstacked({"share": np.vstack([dead, saturated]), "epoch": np.vstack([epoch, epoch])}, base), names)
    order = [names[n] for n in NAMES if n in set(layers["activation"])]
    n_layers = max(1, int(long["layer"].max()) if len(long) else 1)
    return (
        framed(alt.Chart(long), long)
        .mark_bar()
        .encode(
            x=alt.X("layer:O", title=labels["layer"], axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("name:N", sort=order),
            y=alt.Y("share:Q", title=labels["share"], scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%")),
            color=_act_color(long, names, labels["activation"]),
            tooltip=[alt.Tooltip("name:N", title=labels["activation"]), alt.Tooltip("measure:N", title=""),
                     alt.Tooltip("layer:O", title=labels["layer"]), alt.Tooltip("epoch:Q", title=labels["epoch"]),
                     tooltip_fmt("share:Q", labels["share"], ".1%")],
        )
        .properties(height=190, width=max(180, min(270 if narrow else 340, 22 * n_layers)))
        .facet(facet=alt.Facet("measure:N", title=None, sort=[labels["dead"], labels["saturated"]],
                               header=alt.Header(labelFontWeight="bold", labelFontSize=13)),
               columns=1 if narrow else 2)
    )


def factors(table: pd.DataFrame, labels: Mapping[str, str]) -> alt.LayerChart:
    """One net's three factors of ∂L/∂W per layer (a :func:`nnviz.grad_factors.factors` table), each
    divided by its value at the output layer, on a log axis: δ (blue), the input h (orange), ∂L/∂W (vermilion).

    ``labels``: ``layer, relative, delta, input, wgrad``.
    """
    last = table.sort_values("layer").iloc[-1]
    names = {"delta_rms": labels["delta"], "input_rms": labels["input"], "weight_grad_norm": labels["wgrad"]}
    long = pd.DataFrame([{"layer": int(r.layer), "quantity": names[c], "value": getattr(r, c),
                          "relative": getattr(r, c) / last[c] if last[c] > 0 else np.nan}
                         for r in table.itertuples() for c in names])
    long = long[long["relative"] > 0]
    order = list(names.values())
    color = alt.Color("quantity:N", title=None, sort=order, legend=alt.Legend(orient="bottom", columns=1),
                      scale=alt.Scale(domain=order, range=[BLUE, ORANGE, VERMILION]))
    x = alt.X("layer:Q", title=labels["layer"], axis=alt.Axis(tickMinStep=1, format="d"))
    y = alt.Y("relative:Q", title=labels["relative"], scale=alt.Scale(type="log"), axis=LOG_AXIS)
    tips = [alt.Tooltip("quantity:N", title=""), alt.Tooltip("layer:Q", title=labels["layer"]),
            tooltip_fmt("value:Q", labels["value"], ".3e"), tooltip_fmt("relative:Q", labels["relative"], ".3e")]
    base = alt.Chart(long)
    return alt.layer(base.mark_line(strokeWidth=2.2).encode(x=x, y=y, color=color),
                     base.mark_point(filled=True, size=30).encode(x=x, y=y, color=color, tooltip=tips)
                     ).properties(height=260)


def glorot(table: pd.DataFrame, quantity: str, labels: Mapping[str, str]) -> alt.LayerChart:
    """Glorot & Bengio's per-layer spread of ``quantity`` (``activation_std`` or ``gradient_std`` of a
    :func:`nnviz.papers.glorot.measure` table) per hidden layer, one line per init, log axis.

    ``labels``: ``layer, std, standard, normalized`` and ``quantity``'s own (the chart's title).
    """
    long = table.assign(init=table["init"].map({"standard": labels["standard"], "normalized": labels["normalized"]}))
    order = [labels["standard"], labels["normalized"]]
    color = alt.Color("init:N", title=None, sort=order, legend=alt.Legend(orient="bottom"),
                      scale=alt.Scale(domain=order, range=[ORANGE, BLUE]))
    base = alt.Chart(long, title=labels[quantity]).encode(
        x=alt.X("layer:Q", title=labels["layer"], axis=alt.Axis(tickMinStep=1, format="d")),
        y=alt.Y(f"{quantity}:Q", title=labels["std"], scale=alt.Scale(type="log"), axis=LOG_AXIS),
        color=color,
        tooltip=[alt.Tooltip("init:N", title=""), alt.Tooltip("layer:Q", title=labels["layer"]),
                 tooltip_fmt(f"{quantity}:Q", labels["std"], ".3e")])
    return alt.layer(base.mark_line(strokeWidth=2.2), base.mark_point(filled=True, size=30)).properties(height=220)
