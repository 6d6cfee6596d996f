"""Charts of the XOR page: input space with the hidden units' lines, hidden space, loss, and the seed sweep.

Every builder takes DataFrames from :mod:`nnviz.xor` and ``labels``, a dict of already translated
strings; outcome names arrive as ``labels["outcomes"]`` (code → text).
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from nnviz.charts import (
    BLUE,
    GREEN,
    GREY,
    HALO,
    ORANGE,
    PINK,
    REFERENCE,
    REFERENCE_TEXT,
    SKY,
    VERMILION,
    YELLOW,
    framed,
    heat_image,
    step_marker,
    tooltip_fmt,
)
from nnviz.data import INPUT_BOX
from nnviz.frames import stacked, unstacked, varying


# Unit lines avoid the targets' blue and orange.
UNIT_COLORS = (GREEN, PINK, SKY, VERMILION, YELLOW, GREY, "#004D40", "#882255", "#117733", "#332288")
OUTCOME_COLORS = {
    "solved": GREEN, "half_ln2": VERMILION, "three": PINK, "ln2": GREY, "other": YELLOW, "overshoot": SKY,
    "diverged": "#000000",
}
# A second cue besides colour (with deuteranopia, green "solved" and vermilion "stuck" look alike): solved
# curves are solid, each way of getting stuck has its own dash.
OUTCOME_DASHES = {
    "solved": [1, 0], "half_ln2": [6, 3], "three": [2, 2], "ln2": [10, 3, 2, 3], "other": [4, 4],
    "overshoot": [1, 3], "diverged": [12, 4],
}
HEIGHT = 360


def _targets(labels: dict) -> alt.Scale:
    return alt.Scale(domain=[labels["target0"], labels["target1"]], range=[BLUE, ORANGE])


def _points(pts: pd.DataFrame, xf: str, yf: str, box, labels: dict, x_title: str, y_title: str,
            legend: bool = True) -> list[alt.Chart]:
    """The four inputs: coloured by target, named, and outlined in red when the net gets them wrong.

    Points that land on (almost) the same spot share one label, e.g. "(0,1) (1,0)".
    """
    df = _point_table(pts, labels, xf, yf, box)
    x = alt.X(f"{xf}:Q", scale=alt.Scale(domain=list(box[:2]), nice=False, zero=False), title=x_title)
    y = alt.Y(f"{yf}:Q", scale=alt.Scale(domain=list(box[2:]), nice=False, zero=False), title=y_title)
    tips = [alt.Tooltip("name:N", title=labels["point"]), alt.Tooltip("target:Q", title=labels["y"]),
            tooltip_fmt("p:Q", labels["p"], ".4f")]
    if xf != "x1":
        tips += [tooltip_fmt(f"{xf}:Q", x_title, ".4f"), tooltip_fmt(f"{yf}:Q", y_title, ".4f")]
    dots = (
        framed(alt.Chart(df), df)
        .mark_point(size=380, filled=True, opacity=1)
        .encode(x=x, y=y,
                color=alt.Color("target_label:N", scale=_targets(labels), title=labels["y"],
                                legend=alt.Legend(orient="bottom") if legend else None),
                shape=alt.Shape("target_label:N", scale=alt.Scale(range=["circle", "square"]), legend=None),
                # scales, not alt.condition: a condition is re-parsed from a dict, which is slow in altair
                stroke=alt.Stroke("mark:N", scale=alt.Scale(domain=["right", "wrong"], range=["white", VERMILION]),
                                  legend=None),
                strokeWidth=alt.StrokeWidth("mark:N", scale=alt.Scale(domain=["right", "wrong"], range=[2.5, 4]),
                                            legend=None),
                tooltip=tips)
    )
    # names right of their point, or left of it near the right edge (so they stay inside the plot)
    names = framed(alt.Chart(df), df).mark_text(
        align=alt.ExprRef("datum.right ? 'right' : 'left'"), dx=alt.ExprRef("datum.right ? -13 : 13"), dy=-13,
        fontSize=13, fontWeight="bold",
    ).encode(x=x, y=y, text=alt.Text("label:N"),
             color=alt.Color("label_mark:N", scale=alt.Scale(domain=["right", "wrong"], range=["black", VERMILION]),
                             legend=None))
    return [dots, names]


def _point_table(pts: pd.DataFrame, labels: dict, xf: str, yf: str, box) -> pd.DataFrame:
    """The points with their target's name and, in every frame, ``mark`` (right / wrong), ``label``, its
    ``label_mark`` and ``right`` (label on the left of the point, near the right edge). Points on (almost) the same spot
    share one label, e.g. "(0,1) (1,0)", on the first of them; the others get none."""
    base = pts.assign(
        target_label=pts["target"].map({0: labels["target0"], 1: labels["target1"]}),
        name="(" + pts["x1"].astype(int).astype(str) + "," + pts["x2"].astype(int).astype(str) + ")",
    )
    has = "correct" in pts or "correct" in varying(pts)
    correct = stacked(pts, "correct").astype(bool) if has else np.ones((len(pts), 1), bool)
    xs, ys = stacked(pts, xf), stacked(pts, yf)
    n, k_frames = len(pts), max(xs.shape[1], ys.shape[1], correct.shape[1])
    xs, ys, correct = (np.broadcast_to(a, (n, k_frames)) for a in (xs, ys, correct))
    names = base["name"].to_numpy()
    tol = 0.03 * max(box[1] - box[0], box[3] - box[2])
    label = np.full((n, k_frames), "", dtype=object)
    mark = np.where(correct, "right", "wrong").astype(object)
    label_mark = mark.copy()  # a shared label is red if any of its points is wrong
    for k in range(k_frames):
        x, y = xs[:, k], ys[:, k]
        groups: list[list[int]] = []
        for i in range(n):
            for g in groups:
                if abs(x[i] - x[g[0]]) < tol and abs(y[i] - y[g[0]]) < tol:
                    g.append(i)
                    break
            else:
                groups.append([i])
        for g in groups:
            label[g[0], k] = " ".join(names[i] for i in g)
            label_mark[g[0], k] = "right" if correct[g, k].all() else "wrong"
    right = xs > box[0] + 0.72 * (box[1] - box[0])
    return unstacked({"mark": mark, "label_mark": label_mark, "label": label, "right": right}, base)


def _line_tags(lines: pd.DataFrame, pts: pd.DataFrame) -> pd.DataFrame:
    """Where to write each unit's name on its line, in every frame: the spot along it farthest from the
    points and the names already placed (so names neither hide the inputs nor pile up where lines cross).
    One row per unit (empty in a frame where its line misses the box)."""
    cols = ("unit", "x1", "x2", "name", "w1", "w2", "b")
    a = {c: stacked(lines, c) for c in cols}
    px, py = stacked(pts, "x1")[:, 0], stacked(pts, "x2")[:, 0]  # the inputs do not move
    n_frames = max(v.shape[1] for v in a.values())
    a = {c: np.broadcast_to(v, (v.shape[0], n_frames)) for c, v in a.items()}
    units = sorted({float(u) for u in a["unit"].ravel() if pd.notna(u)})  # without the padding
    out = {c: np.full((len(units), n_frames), np.nan, dtype=object if c == "name" else float) for c in cols}
    for k in range(n_frames):
        taken = list(zip(px.tolist(), py.tolist()))
        for r, unit in enumerate(units):
            rows = np.flatnonzero(a["unit"][:, k] == unit)
            if len(rows) < 2 or np.isnan(float(a["x1"][rows[0], k])):
                continue
            (xa, xb), (ya, yb) = a["x1"][rows[:2], k].astype(float), a["x2"][rows[:2], k].astype(float)
            best, best_d = (xa, ya), -1.0
            for f in (0.12, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.88):
                cx, cy = xa + f * (xb - xa), ya + f * (yb - ya)
                d = min(((cx - tx) ** 2 + (cy - ty) ** 2) ** 0.5 for tx, ty in taken)
                if d > best_d:
                    best, best_d = (cx, cy), d
            taken.append(best)
            for c in ("unit", "name", "w1", "w2", "b"):
                out[c][r, k] = a[c][rows[0], k]
            out["x1"][r, k], out["x2"][r, k] = best
    out["name"] = np.where(pd.isna(out["name"]), "", out["name"])
    return unstacked(out)


def input_space(image: pd.DataFrame, pts: pd.DataFrame, lines: pd.DataFrame, labels: dict) -> alt.LayerChart:
    """The net's P(y = 1) over the input plane (``image``: :func:`nnviz.xor.decision_image`, per frame or
    not), each first-layer unit's line, and the four points.

    ``pts`` needs ``x1, x2, target, p`` (and ``correct`` to mark the wrong ones); ``lines`` is
    :func:`nnviz.xor.unit_lines` with an added ``name`` column, written on each line.
    """
    box = (*INPUT_BOX, *INPUT_BOX)
    layers = heat_image(image, labels["p"], box, opacity=1, x_title=labels["x1"], y_title=labels["x2"])
    # Every layer is there even when its data are empty, and colours key on the unit (not its name,
    # which changes as it learns): an animation frame then changes data only, never the spec.
    units = list(dict.fromkeys(u for u in stacked(lines, "unit").ravel() if pd.notna(u))) if len(lines) else []
    color = alt.Color("unit:N", scale=alt.Scale(domain=units, range=[UNIT_COLORS[i % len(UNIT_COLORS)]
                                                                      for i in range(len(units))]), legend=None)
    xs = alt.X("x1:Q", scale=alt.Scale(domain=list(INPUT_BOX), nice=False))
    ys = alt.Y("x2:Q", scale=alt.Scale(domain=list(INPUT_BOX), nice=False))
    tips = [alt.Tooltip("name:N", title=labels["unit"]), tooltip_fmt("w1:Q", "w1", ".4f"),
            tooltip_fmt("w2:Q", "w2", ".4f"), tooltip_fmt("b:Q", "b", ".4f")]
    layers.append(framed(alt.Chart(lines), lines).mark_line(strokeWidth=3, strokeDash=[8, 4], clip=True).encode(
        x=xs, y=ys, detail=alt.Detail("unit:N"), color=color, tooltip=tips))
    tags = _line_tags(lines, pts)
    text = {"fontSize": 12, "fontWeight": "bold", "dy": -10}
    # a white halo under each name keeps it readable on both colours of the background
    layers.append(framed(alt.Chart(tags), tags).mark_text(**text, stroke="white", strokeWidth=4, strokeJoin="round",
                                                          opacity=0.9).encode(x=xs, y=ys, text=alt.Text("name:N")))
    layers.append(framed(alt.Chart(tags), tags).mark_text(**text).encode(x=xs, y=ys, text=alt.Text("name:N"),
                                                                         color=color, tooltip=tips))
    layers += _points(pts, "x1", "x2", box, labels, labels["x1"], labels["x2"])
    return alt.layer(*layers).resolve_scale(color="independent", shape="independent").properties(height=HEIGHT)


def hidden_space(view, labels: dict) -> alt.LayerChart:
    """The four points where the last hidden layer puts them, the warped input square, the output line.

    ``view`` is a :class:`nnviz.xor.HiddenView`; ``labels["u"]``, ``labels["v"]`` name its axes.
    """
    box = view.box
    xt, yt = labels["u"], labels["v"]
    # no legends: they are the input space's; no vertical axis when the hidden space is a line (H = 1)
    layers = heat_image(view.image, labels["p"], box, opacity=1, legend=False, x_title=xt, y_title=yt,
                        y_axis=view.kind != "line")
    sheet = view.sheet
    layers.append(
        framed(alt.Chart(sheet), sheet)
        .mark_line(strokeWidth=1, opacity=0.55, clip=True)
        .encode(
            x=alt.X("u:Q", scale=alt.Scale(domain=list(box[:2]), nice=False, zero=False)),
            y=alt.Y("v:Q", scale=alt.Scale(domain=list(box[2:]), nice=False, zero=False)),
            detail=alt.Detail("line:N"), order=alt.Order("order:Q"),
            color=alt.ColorValue("#444444"),
            tooltip=[alt.Tooltip("line:N", title=labels["sheet"])],
        )
    )
    layers.append(  # even when empty (no line crosses the box): a stable spec for animation frames
        framed(alt.Chart(view.boundary), view.boundary).mark_line(color="black", strokeWidth=3.5, clip=True).encode(
            x=alt.X("u:Q", scale=alt.Scale(domain=list(box[:2]), nice=False, zero=False)),
            y=alt.Y("v:Q", scale=alt.Scale(domain=list(box[2:]), nice=False, zero=False)),
        )
    )
    layers += _points(view.points, "u", "v", box, labels, xt, yt, legend=False)
    return alt.layer(*layers).resolve_scale(color="independent", shape="independent").properties(height=HEIGHT)


def loss_curve(hist: pd.DataFrame, step: int | pd.DataFrame | None, refs: pd.DataFrame, labels: dict) -> alt.LayerChart:
    """Loss against step (log scale) with reference levels (``refs``: loss, label) and the shown step
    (a number, or a one-row table with ``step`` and, to mark it on the curve, ``loss``; per frame or not)."""
    line = (
        alt.Chart(hist)
        .mark_line(strokeWidth=2.5, color=BLUE)
        .encode(
            x=alt.X("step:Q", title=labels["step"]),
            y=alt.Y("loss:Q", title=labels["loss"], scale=alt.Scale(type="log")),
            tooltip=[alt.Tooltip("step:Q", title=labels["step"]), tooltip_fmt("loss:Q", labels["loss"], ".6f")],
        )
    )
    layers = [line] + _refs(refs)
    if step is not None:
        layers += step_marker(step, labels["step"])
    return alt.layer(*layers).properties(height=HEIGHT)


def _refs(refs: pd.DataFrame, field: str = "loss", horizontal: bool = True) -> list[alt.Chart]:
    """Dashed reference levels with their labels (``refs``: loss, label, side = "left" | "right")."""
    if not len(refs):
        return []
    # channel objects, not "field:Q" strings or alt.value dicts: altair re-parses those slowly
    enc = {"y": alt.Y(f"{field}:Q")} if horizontal else {"x": alt.X(f"{field}:Q")}
    out = [alt.Chart(refs).mark_rule(color=REFERENCE, strokeDash=[6, 4], strokeWidth=1.5).encode(
        **enc, tooltip=[alt.Tooltip("label:N", title=" "), tooltip_fmt(f"{field}:Q", " ", ".4f")])]
    if horizontal:
        side = refs["side"] if "side" in refs else pd.Series("right", index=refs.index)
        # A label sits above its line, or below it when another level is just above (within ×1.6 on the
        # log axis: 0.347, 0.477, 0.693), where it would run into that line; a white halo keeps any
        # line that still passes behind it from striking it through.
        levels = refs[field].astype(float)
        under = levels.map(lambda v: v > 0 and bool(((levels / v > 1) & (levels / v < 1.6)).any()))
        for where, x, align, dx in (("right", alt.XValue("width"), "right", -4), ("left", alt.XValue(0), "left", 4)):
            for below in (False, True):
                part = refs[(side == where) & (under == below)]
                if not len(part):
                    continue
                text = dict(align=align, baseline="top" if below else "bottom", dx=dx, dy=2 if below else -2,
                            fontSize=11)
                enc = dict(y=alt.Y(f"{field}:Q"), x=x, text=alt.Text("label:N"))
                out.append(alt.Chart(part).mark_text(**text, color=HALO, stroke=HALO, strokeWidth=3).encode(**enc))
                out.append(alt.Chart(part).mark_text(**text, color=REFERENCE_TEXT).encode(**enc))
    else:
        # written downwards from the top, inside the plot
        out.append(alt.Chart(refs).mark_text(align="right", angle=270, dx=-4, dy=-3, baseline="bottom",
                                             color=REFERENCE_TEXT, fontSize=11).encode(x=alt.X(f"{field}:Q"), y=alt.YValue(0),
                                                                                   text=alt.Text("label:N")))
    return out


def _outcome_scale(labels: dict, present: list[str]) -> alt.Scale:
    names = labels["outcomes"]
    codes = [c for c in OUTCOME_COLORS if c in present]
    return alt.Scale(domain=[names[c] for c in codes], range=[OUTCOME_COLORS[c] for c in codes])


def _outcome_dashes(labels: dict, present: list[str]) -> alt.Scale:
    codes = [c for c in OUTCOME_DASHES if c in present]
    return alt.Scale(domain=[labels["outcomes"][c] for c in codes], range=[OUTCOME_DASHES[c] for c in codes])


def loss_histogram(bins: pd.DataFrame, refs: pd.DataFrame, labels: dict) -> alt.LayerChart:
    """How many seeds ended at each final loss (log-spaced bins), coloured by outcome.

    ``bins``: :func:`nnviz.xor.loss_histogram` (lo, hi, outcome, count).
    """
    df = bins.assign(outcome_label=bins["outcome"].map(labels["outcomes"]))
    bars = (
        alt.Chart(df)
        .mark_rect(stroke="white", strokeWidth=0.5)
        .encode(
            x=alt.X("lo:Q", title=labels["final_loss"], scale=alt.Scale(type="log")),
            x2=alt.X2("hi:Q"),
            y=alt.Y("bottom:Q", title=labels["seeds"]),
            y2=alt.Y2("top:Q"),
            color=alt.Color("outcome_label:N", title=labels["outcome"],
                            scale=_outcome_scale(labels, list(df["outcome"].unique())),
                            legend=alt.Legend(orient="bottom", labelLimit=200)),
            tooltip=[alt.Tooltip("outcome_label:N", title=labels["outcome"]),
                     tooltip_fmt("lo:Q", labels["from"], ".4g"), tooltip_fmt("hi:Q", labels["to"], ".4g"),
                     alt.Tooltip("count:Q", title=labels["seeds"])],
        )
    )
    return alt.layer(bars, *_refs(refs, horizontal=False)).properties(height=300)


def solved_by_step(df: pd.DataFrame, labels: dict) -> alt.Chart:
    """The share of seeds already solved at each step (``step, share``)."""
    return (
        alt.Chart(df)
        .mark_line(strokeWidth=2.5, color=GREEN, interpolate="step-after")
        .encode(
            x=alt.X("step:Q", title=labels["step"]),
            y=alt.Y("share:Q", title=labels["share_solved"], scale=alt.Scale(domain=[0, 1]),
                    axis=alt.Axis(format="%")),
            tooltip=[alt.Tooltip("step:Q", title=labels["step"]), tooltip_fmt("share:Q", labels["share_solved"], ".1%")],
        )
        .properties(height=300)
    )


def sweep_curves(curves: pd.DataFrame, refs: pd.DataFrame, labels: dict) -> alt.LayerChart:
    """Loss curves of some seeds (``seed, step, loss, outcome``), coloured by how each one ended."""
    df = curves.assign(outcome_label=curves["outcome"].map(labels["outcomes"]))
    lines = (
        alt.Chart(df)
        .mark_line(strokeWidth=1.3, opacity=0.7)
        .encode(
            x=alt.X("step:Q", title=labels["step"]),
            y=alt.Y("loss:Q", title=labels["loss"], scale=alt.Scale(type="log")),
            detail=alt.Detail("seed:N"),
            color=alt.Color("outcome_label:N", title=labels["outcome"],
                            scale=_outcome_scale(labels, list(df["outcome"].unique())),
                            legend=alt.Legend(orient="bottom", labelLimit=200, symbolType="stroke",
                                              symbolStrokeWidth=2.5)),
            strokeDash=alt.StrokeDash("outcome_label:N", title=labels["outcome"],
                                      scale=_outcome_dashes(labels, list(df["outcome"].unique()))),
            tooltip=[alt.Tooltip("seed:Q", title=labels["seed"]), alt.Tooltip("step:Q", title=labels["step"]),
                     tooltip_fmt("loss:Q", labels["loss"], ".5f"), alt.Tooltip("outcome_label:N", title=labels["outcome"])],
        )
    )
    return alt.layer(lines, *_refs(refs)).properties(height=300)


def width_rates(df: pd.DataFrame, current: int | None, labels: dict) -> alt.LayerChart:
    """Success rate against hidden width H, with 95 % intervals; the page's current H highlighted."""
    d = df.assign(current=np.where(df["hidden"] == current, "current", "other"))
    x = alt.X("hidden:O", title=labels["hidden"], axis=alt.Axis(labelAngle=0))
    tips = [alt.Tooltip("hidden:O", title=labels["hidden"]), tooltip_fmt("rate:Q", labels["rate"], ".1%"),
            alt.Tooltip("solved:Q", title=labels["solved"]), alt.Tooltip("n_seeds:Q", title=labels["seeds"]),
            tooltip_fmt("ci_low:Q", labels["ci_low"], ".1%"), tooltip_fmt("ci_high:Q", labels["ci_high"], ".1%"),
            alt.Tooltip("median_steps_to_solve:Q", title=labels["median_steps"], format=",.0f")]
    bars = (
        alt.Chart(d)
        .mark_bar(opacity=0.85)
        .encode(
            x=x, y=alt.Y("rate:Q", title=labels["rate"], scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%")),
            color=alt.Color("current:N", scale=alt.Scale(domain=["other", "current"], range=[BLUE, ORANGE]),
                            legend=None),
            tooltip=tips,
        )
    )
    err = alt.Chart(d).mark_errorbar(color="black", ticks=True).encode(
        x=x, y=alt.Y("ci_low:Q", title=labels["rate"]), y2=alt.Y2("ci_high:Q"), tooltip=tips)
    text = alt.Chart(d).mark_text(dy=-10, fontSize=12).encode(
        x=x, y=alt.Y("ci_high:Q"), text=alt.Text("rate:Q", format=".0%"))
    return alt.layer(bars, err, text).properties(height=300)
