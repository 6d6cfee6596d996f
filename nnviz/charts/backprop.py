"""Charts of the backprop page: the computational graph (Graphviz DOT), loss and gradient curves.

The graph is DOT text built from a :class:`nnviz.backprop.Trace`, so the diagram shows exactly the
numbers the maths produced. ``st.graphviz_chart`` renders DOT text in the browser (Graphviz compiled
to WebAssembly): neither the ``graphviz`` Python package nor the ``dot`` program is needed.
Graphviz ignores Streamlit's theme, so every colour is set here and reads on light and dark pages:
filled nodes with dark text, mid-grey lines, a transparent background.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

import altair as alt
import pandas as pd

from nnviz.charts import BLUE, GREY, ORANGE, SKY, VERMILION, color_scale, tooltip_fmt

# Fills chosen light enough for dark text, distinct in the Okabe–Ito spirit.
VALUE_FILL = "#DCEBF7"  # a value is known (blue family)
GRAD_FILL = "#FBE2C0"  # a gradient is known (orange family)
PENDING_FILL = "#EEEEEE"  # not computed yet
PARAM_FILL = "#E6F4EE"  # parameters' name cell (green family)
NODE_FILL = "#F7F7F7"
TEXT = "#222222"
FADED = "#9A9A9A"
LINE = "#8C8C8C"

# Streamlit's stylesheet draws every SVG text of a chart at 9.6 px in its own narrow sans font, whatever
# the DOT says. Graphviz sizes boxes with Helvetica's wider metrics, so laying the graph out for 8.5 pt
# Helvetica fits that text snugly; the chart is then scaled to the page's width, text included.
FONT_SIZE = 8.5

DEFAULT_LABELS = {"data": "data", "grad": "grad", "loss": "loss", "name": "name"}


def _fmt(v: float) -> str:
    s = format(float(v), ".4g")
    return s.replace("-", "−")


def _values(vals) -> str:
    """One number, or one line per sample (a column keeps the graph narrow, and its text large)."""
    return "<BR ALIGN=\"LEFT\"/>".join(escape(_fmt(v)) for v in vals) + ("<BR ALIGN=\"LEFT\"/>" if len(vals) > 1 else "")


def graph_state(trace, step: int) -> tuple[set[str], set[str], set[str], set[str]]:
    """At walk position ``step``: (nodes whose value is known, whose gradient is known, current, used)."""
    steps = trace.steps
    step = max(0, min(step, len(steps) - 1))
    leaves = {n.id for n in trace.nodes if n.kind in ("input", "target", "weight", "bias")}
    n_fwd = len(trace.forward)
    if step < n_fwd:
        known = leaves | {i for s in trace.forward[: step + 1] for i in s.nodes}
        grads: set[str] = set()
    else:
        known = {n.id for n in trace.nodes}
        grads = {i for s in trace.backward[: step - n_fwd + 1] for i in s.nodes}
    cur = steps[step]
    return known, grads, set(cur.nodes), set(cur.uses)


def graph_dot(trace, step: int = 0, labels: Mapping[str, str] | None = None, sample: int | None = None) -> str:
    """The computational graph as DOT: one row per scalar, micrograd-style "name | data / grad".

    The scalars of one layer (its inputs, parameters, weighted sums or activations) are the rows of one
    table, so they keep their order (unit 1 on top) whatever layout Graphviz picks; edges run from row
    to row. Each PyTorch module sits in a dashed box titled with the module and the ``grad_fn``
    autograd records for it. At walk position ``step`` the row being computed is outlined in
    vermilion, the rows it reads in sky blue (their edges drawn thick; going backward the arrows turn
    round, as the gradient flows from the loss towards the inputs); values and gradients not computed
    yet show "?". In a mini-batch each node holds one number per sample; ``sample`` (0-based) shows
    only that sample's (parameters are shared, and their gradient is the sum over all samples).
    """
    lab = {**DEFAULT_LABELS, **(labels or {})}
    known, grads, current, used = graph_state(trace, step)
    backward = step >= len(trace.forward)
    fn_of = {nid: g.name for g in trace.grad_fns for nid in g.nodes}

    def pick(vals):
        return vals if sample is None or len(vals) == 1 else vals[sample : sample + 1]

    def row(n) -> str:
        is_param = n.kind in ("weight", "bias")
        has_val, has_grad = n.id in known, n.id in grads
        border, width = (VERMILION, 3) if n.id in current else (SKY, 3) if n.id in used else (LINE, 1)
        name_fill = PARAM_FILL if is_param else NODE_FILL
        val = _values(pick(n.data)) if has_val else "?"
        span = ' ROWSPAN="2"' if n.grad is not None else ""
        # no "data"/"grad" words in the rows (they would widen the graph, and with it shrink the text):
        # blue is the value, orange the gradient, as the legend box says
        cells = (f'<TR><TD{span} BGCOLOR="{name_fill}" CELLPADDING="4"><B>{escape(n.label)}</B></TD>'
                 f'<TD BGCOLOR="{VALUE_FILL if has_val else PENDING_FILL}" ALIGN="LEFT">{val}</TD></TR>')
        if n.grad is not None:
            g = _values(pick(n.grad)) if has_grad else "?"
            cells += f'<TR><TD BGCOLOR="{GRAD_FILL if has_grad else PENDING_FILL}" ALIGN="LEFT">{g}</TD></TR>'
        inner = f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">{cells}</TABLE>'
        return f'<TR><TD PORT="{n.id}" BORDER="{width}" COLOR="{border}" CELLPADDING="1">{inner}</TD></TR>'

    def table(node_id: str, members) -> str:
        rows = "".join(row(n) for n in members)
        return (f'  {node_id} [label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="3" CELLPADDING="0">{rows}'
                f'</TABLE>>];')

    def cluster(cid: str, title: str, body: list[str]) -> list[str]:
        return [f"  subgraph cluster_{cid} {{",
                f'    label="{_dot_escape(title)}"; style="rounded,dashed"; color="{LINE}"; fontcolor="{FADED}";'
                " labeljust=l;",
                *["  " + b for b in body], "  }"]

    group_of: dict[str, str] = {}
    lines = [
        "digraph backprop {",
        '  graph [rankdir=LR, bgcolor="transparent", nodesep=0.12, ranksep=0.25, fontname="Helvetica", '
        f'fontsize={FONT_SIZE}, fontcolor="{FADED}"];',
        f'  node [shape=plain, fontname="Helvetica", fontsize={FONT_SIZE}, fontcolor="{TEXT}"];',
        f'  edge [color="{LINE}", arrowsize=0.6, penwidth=1];',
    ]
    inputs = [n for n in trace.nodes if n.kind == "input"]
    group_of.update({n.id: "g_in" for n in inputs})
    lines.append(table("g_in", inputs))
    key = (f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3"><TR>'
           f'<TD ROWSPAN="2" BGCOLOR="{NODE_FILL}"><B>{escape(lab["name"])}</B></TD>'
           f'<TD BGCOLOR="{VALUE_FILL}" ALIGN="LEFT">{escape(lab["data"])}</TD></TR>'
           f'<TR><TD BGCOLOR="{GRAD_FILL}" ALIGN="LEFT">{escape(lab["grad"])} ∂L/∂·</TD></TR></TABLE>')
    lines.append(f'  g_key [label=<<TABLE BORDER="1" COLOR="{LINE}" CELLBORDER="0" CELLSPACING="0" '
                 f'CELLPADDING="1" STYLE="ROUNDED"><TR><TD>{key}</TD></TR></TABLE>>];')
    lines.append("  { rank=same; g_key; g_in; }")
    for mi, mod in enumerate(trace.modules):
        outs = [n for n in trace.nodes if n.module == mi]
        if not outs:
            continue
        title = f"{mi} · {mod} · {fn_of.get(outs[0].id, '')}".rstrip(" ·")
        body = []
        if outs[0].kind == "z":
            params = [n for n in trace.nodes if n.kind in ("weight", "bias") and n.layer == outs[0].layer]
            group_of.update({n.id: f"g_p{mi}" for n in params})
            body.append(table(f"g_p{mi}", params))
        group_of.update({n.id: f"g_m{mi}" for n in outs})
        body.append(table(f"g_m{mi}", outs))
        lines += cluster(f"m{mi}", title, body)
    targets = [n for n in trace.nodes if n.kind == "target"]
    loss = [n for n in trace.nodes if n.kind == "loss"]
    group_of.update({n.id: "g_y" for n in targets})
    group_of.update({n.id: "g_L" for n in loss})
    loss_fn = next((g.name for g in trace.grad_fns if g.module == -1), "")
    title = f"{lab['loss']} · {trace.loss_fn.upper()} · {loss_fn}".rstrip(" ·")
    lines += cluster("loss", title, [table("g_y", targets), table("g_L", loss)])
    # edges, row to row (parent → child); those the current step reads are drawn thick
    for n in trace.nodes:
        for p in n.parents:
            hot = (n.id in current and p in used) or (p in current and n.id in used)
            if hot:
                attrs = f'color="{VERMILION}", penwidth=2.4' + (", dir=back" if backward else "")
            elif n.id not in known:
                attrs = f'color="{FADED}", style=dashed'
            else:
                attrs = ""
            edge = f"  {group_of[p]}:{p}:e -> {group_of[n.id]}:{n.id}:w"
            lines.append(edge + (f" [{attrs}]" if attrs else "") + ";")
    lines.append("}")
    return "\n".join(lines)


def _dot_escape(text: str) -> str:
    return str(text).replace("\\", "\\\\").replace('"', '\\"')


# --- altair ----------------------------------------------------------------------------------------------
def loss_curves(df: pd.DataFrame, x_title: str, y_title: str, series_title: str) -> alt.Chart:
    """Loss before each update, one line per run (``update, loss, run``)."""
    runs = list(dict.fromkeys(df["run"]))
    base = alt.Chart(df).encode(
        x=alt.X("update:Q", title=x_title, axis=alt.Axis(tickMinStep=1)),
        y=alt.Y("loss:Q", title=y_title, scale=alt.Scale(zero=True)),
        color=alt.Color("run:N", title=series_title, scale=color_scale(runs), legend=alt.Legend(orient="top")),
        tooltip=[
            alt.Tooltip("run:N", title=series_title),
            alt.Tooltip("update:Q", title=x_title),
            tooltip_fmt("loss:Q", y_title, ".6g"),
        ],
    )
    return (base.mark_line(strokeWidth=2) + base.mark_circle(size=28)).properties(height=260)


def grad_curves(df: pd.DataFrame, x_title: str, y_title: str, series_title: str) -> alt.Chart:
    """One parameter's gradient per update, one line per series (``update, value, series``)."""
    series = list(dict.fromkeys(df["series"]))
    base = alt.Chart(df).encode(
        x=alt.X("update:Q", title=x_title, axis=alt.Axis(tickMinStep=1)),
        y=alt.Y("value:Q", title=y_title),
        color=alt.Color(
            "series:N",
            title=series_title,
            scale=alt.Scale(domain=series, range=[BLUE, ORANGE, VERMILION][: len(series)]),
            legend=alt.Legend(orient="top", direction="horizontal", labelLimit=360, title=None),
        ),
        strokeDash=alt.StrokeDash(
            "series:N", legend=None, scale=alt.Scale(domain=series, range=[[1, 0], [6, 3], [2, 2]][: len(series)])
        ),
        tooltip=[
            alt.Tooltip("series:N", title=series_title),
            alt.Tooltip("update:Q", title=x_title),
            tooltip_fmt("value:Q", y_title, ".6g"),
        ],
    )
    zero = alt.Chart(pd.DataFrame({"y": [0.0]})).mark_rule(color=GREY, strokeDash=[3, 3]).encode(y="y:Q")
    return (zero + base.mark_line(strokeWidth=2) + base.mark_circle(size=24)).properties(height=260)


def grad_comparison(df: pd.DataFrame, x_title: str, y_title: str, manual: str, autograd: str) -> alt.Chart:
    """Every parameter's gradient by hand (cross) and by autograd (ring): the marks coincide.

    ``df``: ``symbol, manual, autograd`` (one row per parameter, in order).
    """
    long = df.melt(id_vars=["symbol"], value_vars=["manual", "autograd"], var_name="how", value_name="grad")
    long["how"] = long["how"].map({"manual": manual, "autograd": autograd})
    order = list(df["symbol"])
    base = alt.Chart(long).encode(
        x=alt.X("symbol:N", title=x_title, sort=order, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("grad:Q", title=y_title),
        color=alt.Color(
            "how:N",
            title=None,
            scale=alt.Scale(domain=[manual, autograd], range=[VERMILION, BLUE]),
            legend=alt.Legend(orient="top"),
        ),
        shape=alt.Shape("how:N", scale=alt.Scale(domain=[manual, autograd], range=["cross", "circle"]), legend=None),
        tooltip=[
            alt.Tooltip("symbol:N", title=x_title),
            alt.Tooltip("how:N", title=" "),
            tooltip_fmt("grad:Q", y_title, ".8g"),
        ],
    )
    zero = alt.Chart(pd.DataFrame({"y": [0.0]})).mark_rule(color=GREY, strokeDash=[3, 3]).encode(y="y:Q")
    manual_marks = base.transform_filter(alt.datum.how == manual).mark_point(size=110, filled=True, strokeWidth=2)
    auto_marks = base.transform_filter(alt.datum.how == autograd).mark_point(size=220, filled=False, strokeWidth=2)
    return (zero + auto_marks + manual_marks).properties(height=240)


# --- the tables behind the curves ---------------------------------------------------------------------------
def grad_series(with_zero_grad: pd.DataFrame, without: pd.DataFrame | None, names: Mapping[str, str]) -> pd.DataFrame:
    """One parameter's ``accumulation_frame()`` with zero_grad (and without, if given) as the lines of
    grad_curves (``update, value, series``).

    ``names``: the shown series names, ``grad_with``, ``step_with``, ``step_without``, ``grad_without``.
    With zero_grad the ``.grad`` used is this update's own gradient; its line is drawn beside the
    ``.grad`` line only when there is no run without zero_grad to compare it with.
    """
    def line(acc: pd.DataFrame, column: str, name: str) -> pd.DataFrame:
        return pd.DataFrame({"update": acc["update"], "value": acc[column], "series": name})

    series = [line(with_zero_grad, "grad", names["grad_with"])]
    if without is None:
        series.append(line(with_zero_grad, "step_grad", names["step_with"]))
    else:
        series += [line(without, "step_grad", names["step_without"]), line(without, "grad", names["grad_without"])]
    return pd.concat(series, ignore_index=True)
