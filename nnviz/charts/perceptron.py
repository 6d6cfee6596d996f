"""Charts of the perceptron page: decision boundary over the probability field, loss curves, mistakes."""

from __future__ import annotations

import altair as alt
import pandas as pd

from nnviz.charts import BLUE, ORANGE, REFERENCE, REFERENCE_TEXT, color_scale, framed, heat_image, step_marker, tooltip_fmt
from nnviz.frames import varying
from nnviz.data import INPUT_BOX as BOX


def boundary(image: pd.DataFrame, pts: pd.DataFrame, line: pd.DataFrame, labels: dict[str, str]) -> alt.LayerChart:
    """The unit's output over the input plane (an image, :mod:`nnviz.heatmap`), its line w·x + b = 0,
    and the four labelled points.

    ``labels``: translated ``x1, x2, p, y, target0, target1, line``. Any of the tables may be
    :func:`nnviz.frames.wide` (one column per frame of an animation).
    """
    x = alt.X("x1:Q", title=labels["x1"], scale=alt.Scale(domain=list(BOX), nice=False))
    y = alt.Y("x2:Q", title=labels["x2"], scale=alt.Scale(domain=list(BOX), nice=False))
    heat = heat_image(image, labels["p"])
    target = pts.assign(target=pts["y"].map({0: labels["target0"], 1: labels["target1"]}))
    tips = [tooltip_fmt("x1:Q", labels["x1"], ".0f"), tooltip_fmt("x2:Q", labels["x2"], ".0f"),
            alt.Tooltip("y:Q", title=labels["y"])]
    if "p" in target or "p" in varying(target):
        tips.append(tooltip_fmt("p:Q", labels["p"], ".4f"))
    dots = (
        framed(alt.Chart(target), target)
        .mark_point(size=420, filled=True, stroke="white", strokeWidth=2.5, opacity=1)
        .encode(x=x, y=y,
                color=alt.Color("target:N", scale=color_scale([labels["target0"], labels["target1"]]),
                                title=labels["y"], legend=alt.Legend(orient="bottom")),
                shape=alt.Shape("target:N", scale=alt.Scale(range=["circle", "square"]), legend=None),
                tooltip=tips)
    )
    layers = [*heat, dots]
    if len(line):
        layers.insert(len(heat), framed(alt.Chart(line), line).mark_line(color="black", strokeWidth=3, clip=True)
                      .encode(x=x, y=y))
    return alt.layer(*layers).resolve_scale(color="independent").properties(height=380)


def loss_curves(hist: pd.DataFrame, plateau: float, step: int | pd.DataFrame | None, labels: dict[str, str],
                log_y: bool = True) -> alt.LayerChart:
    """Loss against step for each gate, the plateau as a dashed rule, the current step as a rule
    (``step``: a number, or a one-row table with ``step`` and, to mark it on the curve, ``loss``; per
    frame or not)."""
    gates = [g.upper() for g in dict.fromkeys(hist["gate"])]  # gates are named AND, OR … in both languages
    y_scale = alt.Scale(type="log") if log_y else alt.Scale()
    lines = (
        alt.Chart(hist)
        .mark_line(strokeWidth=2.5)
        .transform_calculate(gate_name="upper(datum.gate)")
        .encode(
            x=alt.X("step:Q", title=labels["step"]),
            y=alt.Y("loss:Q", title=labels["loss"], scale=y_scale),
            color=alt.Color("gate_name:N", scale=color_scale(gates), title=labels["gate"],
                            legend=alt.Legend(orient="bottom")),
            tooltip=[alt.Tooltip("gate_name:N", title=labels["gate"]), alt.Tooltip("step:Q", title=labels["step"]),
                     tooltip_fmt("loss:Q", labels["loss"], ".6f")],
        )
    )
    ref = pd.DataFrame({"loss": [plateau], "label": [labels["plateau"]]})
    rule = alt.Chart(ref).mark_rule(color=REFERENCE, strokeDash=[6, 4], strokeWidth=2).encode(y="loss:Q")
    text = alt.Chart(ref).mark_text(align="left", dx=4, dy=-8, color=REFERENCE_TEXT).encode(
        y="loss:Q", x=alt.value(4), text="label:N")
    layers = [lines, rule, text]
    if step is not None:
        layers += step_marker(step)
    return alt.layer(*layers).properties(height=380)


def mistakes(df: pd.DataFrame, labels: dict[str, str]) -> alt.Chart:
    """Mistakes in each epoch of the perceptron rule (bars; 0 = every sample right)."""
    return (
        alt.Chart(df)
        .mark_bar(color=BLUE)
        .encode(
            x=alt.X("epoch:O", title=labels["epoch"]),
            y=alt.Y("mistakes:Q", title=labels["mistakes"], scale=alt.Scale(domain=[0, 4])),
            tooltip=[alt.Tooltip("epoch:O", title=labels["epoch"]), alt.Tooltip("mistakes:Q", title=labels["mistakes"])],
        )
        .properties(height=300)
    )


def floor(df: pd.DataFrame, plateau: float, labels: dict[str, str]) -> alt.LayerChart:
    """XOR's final loss for every (seed, learning rate): no dot goes below the plateau."""
    dots = (
        alt.Chart(df)
        .mark_circle(size=60, opacity=0.7, color=BLUE)
        .encode(
            x=alt.X("lr:O", title=labels["lr"]),
            y=alt.Y("final_loss:Q", title=labels["loss"], scale=alt.Scale(type="log")),
            xOffset=alt.XOffset("jitter:Q"),
            tooltip=[alt.Tooltip("seed:Q", title=labels["seed"]), alt.Tooltip("lr:Q", title=labels["lr"]),
                     tooltip_fmt("final_loss:Q", labels["loss"], ".6f")],
        )
        .transform_calculate(jitter="(datum.seed * 37 % 17) / 17")
    )
    rule = alt.Chart(pd.DataFrame({"loss": [plateau]})).mark_rule(color=ORANGE, strokeDash=[6, 4], strokeWidth=2).encode(y="loss:Q")
    return alt.layer(dots, rule).properties(height=300)
