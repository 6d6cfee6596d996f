"""Charts of the weight-initialisation page: std through depth, per-layer histograms, training, symmetry."""

from __future__ import annotations

import altair as alt
import pandas as pd

from nnviz.charts import PALETTE, REFERENCE, REFERENCE_TEXT, color_scale, tooltip_fmt


def depth_panel(df: pd.DataFrame, panel: str, schemes: list[str], labels: dict[str, str],
                width: int = 330, height: int = 190) -> alt.LayerChart:
    """std against layer (log scale) for one panel: measured as lines with dots, theory dashed.

    ``df``: :func:`nnviz.init.profile`. ``schemes``: display names in legend order (same colours on
    every panel). ``labels``: translated ``layer, std, scheme, source, measured, theory`` and the
    panel's title under ``panel.<panel>``.
    """
    d = df[df.panel == panel].copy()
    d["source_label"] = d.source.map({"measured": labels["measured"], "theory": labels["theory"]})
    n_layers = int(df.layer.max()) if len(df) else 1
    base = alt.Chart(d).encode(
        x=alt.X("layer:Q", title=labels["layer"], scale=alt.Scale(domain=[1, max(n_layers, 2)], nice=False),
                axis=alt.Axis(tickMinStep=1, format="d")),
        y=alt.Y("std:Q", title=labels["std"], scale=alt.Scale(type="log"), axis=alt.Axis(format=".0e")),
        color=alt.Color("scheme:N", scale=color_scale(schemes), title=labels["scheme"],
                        legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=360)),
        strokeDash=alt.StrokeDash("source_label:N", scale=alt.Scale(domain=[labels["measured"], labels["theory"]],
                                                                   range=[[1, 0], [5, 3]]),
                                  title=labels["source"], legend=None),  # the caption says: dashed = theory
        detail="source:N",
        tooltip=[alt.Tooltip("scheme:N", title=labels["scheme"]), alt.Tooltip("layer:Q", title=labels["layer"]),
                 alt.Tooltip("source_label:N", title=labels["source"]), tooltip_fmt("std:Q", labels["std"], ".4g")],
    )
    lines = base.mark_line(strokeWidth=2.2)
    dots = base.transform_filter(alt.datum.source == "measured").mark_point(filled=True, size=36)
    return alt.layer(lines, dots).properties(title=labels[f"panel.{panel}"], width=width, height=height)


def depth_profile(df: pd.DataFrame, panels: list[str], schemes: list[str], labels: dict[str, str],
                  columns: int = 2, width: int = 326, narrow: bool = False) -> alt.VConcatChart:
    """The depth panels as one 2-column grid with one shared legend (legends eat a lone chart's height);
    ``narrow``: one column of narrower panels (a phone)."""
    columns, width = (1, 270) if narrow else (columns, width)
    charts = [depth_panel(df, p, schemes, labels, width=width) for p in panels]
    rows = [alt.hconcat(*charts[i:i + columns]) for i in range(0, len(charts), columns)]
    return alt.vconcat(*rows).resolve_scale(color="shared", strokeDash="shared")


def histograms(hist: pd.DataFrame, quantity: str, labels: dict[str, str], columns: int = 5,
               color: str = PALETTE[0], narrow: bool = False) -> alt.FacetChart:
    """One small histogram per layer, same x-axis for all (so a collapse or a saturation shows at a glance);
    ``columns`` a row, two when ``narrow`` (a phone).

    ``hist``: :attr:`nnviz.init.Probe.hist`. ``labels``: translated ``value, share, count, from, to,
    layer`` and ``layer_name`` → a format string with ``{n}``, ``output`` for the output layer.
    """
    d = hist[hist.quantity == quantity].copy()
    names = {n: (labels["output"] if k == "output" else labels["layer_name"].format(n=n))
             for n, k in zip(d.layer, d.kind)}
    d["panel"] = d.layer.map(names)
    order = [names[n] for n in sorted(names)]
    return (
        alt.Chart(d)
        .mark_bar(color=color, opacity=0.9)
        .encode(
            x=alt.X("bin_start:Q", title=labels["value"], axis=alt.Axis(labelOverlap=True, tickCount=4, format=".2~g")),
            x2="bin_end:Q",
            y=alt.Y("fraction:Q", title=None, axis=alt.Axis(labels=False, ticks=False, grid=False)),
            y2=alt.datum(0),
            tooltip=[alt.Tooltip("panel:N", title=labels["layer"]), tooltip_fmt("bin_start:Q", labels["from"], ".4g"),
                     tooltip_fmt("bin_end:Q", labels["to"], ".4g"), alt.Tooltip("count:Q", title=labels["count"]),
                     tooltip_fmt("fraction:Q", labels["share"], ".2%")],
        )
        .properties(width=125, height=70)
        .facet(facet=alt.Facet("panel:N", sort=order, title=None, header=alt.Header(labelFontSize=12)),
               columns=2 if narrow else columns)
        .resolve_scale(y="independent")
    )


def training(history: pd.DataFrame, metric: str, schemes: list[str], labels: dict[str, str],
             reference: float | None = None, width: int | None = None, height: int = 280,
             narrow: bool = False) -> alt.LayerChart:
    """``metric`` (train_loss or test_acc) against step, one line per scheme; optional reference rule.
    ``narrow``: the legend in one column (a phone).

    ``history``: columns scheme, step, train_loss, test_acc. ``labels``: ``step, scheme, train_loss,
    test_acc, reference``.
    """
    lines = (
        alt.Chart(history)
        .mark_line(strokeWidth=2.5, point=alt.OverlayMarkDef(size=20))
        .encode(
            x=alt.X("step:Q", title=labels["step"]),
            y=alt.Y(f"{metric}:Q", title=labels[metric],
                    scale=alt.Scale(domain=[0, 1]) if metric == "test_acc" else alt.Scale(zero=True)),
            color=alt.Color("scheme:N", scale=color_scale(schemes), title=labels["scheme"],
                            legend=alt.Legend(orient="bottom", columns=1 if narrow else 2,
                                              labelLimit=250 if narrow else 320)),
            tooltip=[alt.Tooltip("scheme:N", title=labels["scheme"]), alt.Tooltip("step:Q", title=labels["step"]),
                     tooltip_fmt("train_loss:Q", labels["train_loss"], ".5f"),
                     tooltip_fmt("test_acc:Q", labels["test_acc"], ".2%")],
        )
    )
    layers = [lines]
    if reference is not None:
        ref = pd.DataFrame({"y": [reference], "label": [labels["reference"]]})
        layers.append(alt.Chart(ref).mark_rule(color=REFERENCE, strokeDash=[6, 4], strokeWidth=2).encode(y="y:Q"))
        layers.append(alt.Chart(ref).mark_text(align="left", dx=4, dy=-8, color=REFERENCE_TEXT).encode(
            y="y:Q", x=alt.value(4), text="label:N"))
    chart = alt.layer(*layers).properties(height=height, title=labels.get(f"title.{metric}", ""))
    return chart.properties(width=width) if width else chart


def training_pair(history: pd.DataFrame, schemes: list[str], labels: dict[str, str], reference: float,
                  width: int = 330, narrow: bool = False) -> alt.HConcatChart | alt.VConcatChart:
    """Loss (with the ``reference`` rule) and test accuracy side by side (``narrow``: one above the other),
    one shared legend."""
    width = 270 if narrow else width
    pair = (training(history, "train_loss", schemes, labels, reference=reference, width=width, height=230,
                     narrow=narrow),
            training(history, "test_acc", schemes, labels, width=width, height=230, narrow=narrow))
    if narrow:  # each in a row of its own: Streamlit stretches a vconcat's direct children to the column, axes aside
        return alt.vconcat(*(alt.hconcat(c) for c in pair)).resolve_scale(color="shared")
    return alt.hconcat(*pair).resolve_scale(color="shared")


def symmetry_trace(trace: pd.DataFrame, labels: dict[str, str], title: str) -> alt.Chart:
    """Weights of a few units against step, one colour per unit (constant init: they coincide)."""
    units = [str(u) for u in sorted(trace.unit.unique())]
    d = trace.assign(unit=trace.unit.astype(str))
    return (
        alt.Chart(d)
        .mark_line(strokeWidth=2.2, opacity=0.85)
        .encode(
            x=alt.X("step:Q", title=labels["step"]),
            y=alt.Y("weight:Q", title=labels["weight"], scale=alt.Scale(zero=False)),
            color=alt.Color("unit:N", scale=color_scale(units), title=labels["unit"], legend=None),
            tooltip=[alt.Tooltip("unit:N", title=labels["unit"]), alt.Tooltip("step:Q", title=labels["step"]),
                     tooltip_fmt("weight:Q", labels["weight"], ".8g")],
        )
        .properties(title=title, height=240)
    )


def he_signal(table: pd.DataFrame, predicted: pd.DataFrame, labels: dict) -> alt.LayerChart:
    """He et al.'s deep ReLU net: activation std per hidden layer for Var(w) = 1/n and 2/n (a
    :func:`nnviz.papers.he.signal` table, ``variance`` column) and the paper's 2^(−(l−1)/2) for 1/n (dashed,
    ``predicted``: layer, activation_std). ``labels``: ``layer, std, paper``."""
    x = alt.X("layer:Q", title=labels["layer"], axis=alt.Axis(tickMinStep=1, format="d"))
    y = alt.Y("activation_std:Q", title=labels["std"], scale=alt.Scale(type="log"), axis=alt.Axis(format=".0e"))
    domain = ["1/n", "2/n"]
    color = alt.Color("variance:N", title="Var(w)", scale=alt.Scale(domain=domain, range=[PALETTE[1], PALETTE[0]]),
                      legend=alt.Legend(orient="bottom"))
    measured = alt.Chart(table).mark_line(point=True, strokeWidth=2.2).encode(
        x=x, y=y, color=color, tooltip=["variance:N", "layer:Q", tooltip_fmt("activation_std:Q", labels["std"], ".3e")])
    paper = alt.Chart(predicted.assign(source=labels["paper"])).mark_line(strokeDash=[6, 4], color=REFERENCE).encode(
        x=x, y=y, tooltip=[alt.Tooltip("source:N", title=""), tooltip_fmt("activation_std:Q", labels["std"], ".3e")])
    return alt.layer(paper, measured).properties(height=260)


def he_training(history: pd.DataFrame, labels: dict) -> alt.LayerChart:
    """Training loss of both nets (a :func:`nnviz.papers.he.train` table) with ln 10 (chance) dotted.
    ``labels``: ``step, loss, chance``."""
    domain = ["1/n", "2/n"]
    color = alt.Color("variance:N", title="Var(w)", scale=alt.Scale(domain=domain, range=[PALETTE[1], PALETTE[0]]),
                      legend=alt.Legend(orient="bottom"))
    lines = alt.Chart(history).mark_line(point=True, strokeWidth=2.2).encode(
        x=alt.X("step:Q", title=labels["step"]), y=alt.Y("train_loss:Q", title=labels["loss"]), color=color,
        tooltip=["variance:N", "step:Q", tooltip_fmt("train_loss:Q", labels["loss"], ".4f")])
    chance = alt.Chart(pd.DataFrame({"y": [2.302585], "label": [labels["chance"]]})).mark_rule(
        strokeDash=[2, 3], color=REFERENCE).encode(y="y:Q", tooltip=[alt.Tooltip("label:N", title="")])
    return alt.layer(chance, lines).properties(height=260)
