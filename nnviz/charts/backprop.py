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

DEFAULT_LABELS = {"data": "data", "grad": "grad", "loss": "loss"}


def _fmt(v: float) -> str:
    s = format(float(v), ".4g")
    return s.replace("-", "−")


def _values(vals) -> str:
    return ", ".join(_fmt(v) for v in vals)


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
    """The computational graph as DOT: one node per scalar, micrograd-style "name | data | grad".

    Nodes of one PyTorch module sit in a box titled with the module and the ``grad_fn`` autograd
    records for it. At walk position ``step`` the node being computed is outlined in vermilion, the
    nodes it reads in sky blue (with their edges drawn thick; going backward the arrows turn round,
    as the gradient flows from the loss towards the inputs); values and gradients not computed yet
    show "?". In a mini-batch each node holds one number per sample; ``sample`` (0-based) shows only
    that sample's (parameters are shared, and their gradient is the sum over all samples).
    """
    lab = {**DEFAULT_LABELS, **(labels or {})}
    known, grads, current, used = graph_state(trace, step)
    backward = step >= len(trace.forward)
    fn_of = {}
    for g in trace.grad_fns:
        for nid in g.nodes:
            fn_of[nid] = g.name
    lines = [
        "digraph backprop {",
        '  graph [rankdir=LR, bgcolor="transparent", nodesep=0.12, ranksep=0.35, fontname="Helvetica", '
        f'fontsize=11, fontcolor="{FADED}", newrank=true, mclimit=0.01, remincross=false];',
        f'  node [shape=plain, fontname="Helvetica", fontsize=11, fontcolor="{TEXT}"];',
        f'  edge [color="{LINE}", arrowsize=0.6, penwidth=1];',
    ]

    def pick(vals):
        return vals if sample is None or len(vals) == 1 else vals[sample : sample + 1]

    def node_line(n) -> str:
        is_param = n.kind in ("weight", "bias")
        has_val = n.id in known
        has_grad = n.id in grads
        border, width = (VERMILION, 3) if n.id in current else (SKY, 2) if n.id in used else (LINE, 1)
        name_fill = PARAM_FILL if is_param else NODE_FILL
        cells = [f'<TD BGCOLOR="{name_fill}"><B>{escape(n.label)}</B></TD>']
        val = _values(pick(n.data)) if has_val else "?"
        cells.append(
            f'<TD BGCOLOR="{VALUE_FILL if has_val else PENDING_FILL}">{escape(lab["data"])} {escape(val)}</TD>'
        )
        if n.grad is not None:
            g = _values(pick(n.grad)) if has_grad else "?"
            cells.append(
                f'<TD BGCOLOR="{GRAD_FILL if has_grad else PENDING_FILL}">{escape(lab["grad"])} {escape(g)}</TD>'
            )
        table = (
            f'<TABLE BORDER="{width}" COLOR="{border}" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3" '
            f'STYLE="ROUNDED"><TR>{"".join(cells)}</TR></TABLE>'
        )
        tip = f"{n.label}: {lab['data']} = {', '.join(format(v, '.8g') for v in n.data)}"
        if n.grad is not None:
            tip += f"; {lab['grad']} = {', '.join(format(v, '.8g') for v in n.grad)}"
        if n.param:
            tip += f" ({n.param}[{', '.join(map(str, n.index))}])"
        size = " fontsize=10" if is_param else ""
        return f'  {n.id} [label=<{table}>, tooltip="{_dot_escape(tip)}"{size}];'

    # inputs (and targets, drawn beside the loss)
    for n in trace.nodes:
        if n.kind == "input":
            lines.append(node_line(n))
    # one cluster per module: its parameters and outputs
    for mi, mod in enumerate(trace.modules):
        members = [n for n in trace.nodes if n.module == mi]
        if not members:
            continue
        layer = members[0].layer
        if members[0].kind == "z":
            members = [n for n in trace.nodes if n.kind in ("weight", "bias") and n.layer == layer] + members
        title = f"{mi} · {mod} · {fn_of.get(members[-1].id, '')}".rstrip(" ·")
        lines.append(f"  subgraph cluster_m{mi} {{")
        lines.append(
            f'    label="{_dot_escape(title)}"; style="rounded,dashed"; color="{LINE}"; fontcolor="{FADED}"; labeljust=l;'
        )
        # Crossing minimisation is kept short (mclimit, remincross off) so that units stay in
        # the order given: unit 1 on top, as in the formulas.
        lines += ["  " + node_line(n) for n in members]
        lines.append("  }")
    loss_fn = next((g.name for g in trace.grad_fns if g.module == -1), "")
    lines.append("  subgraph cluster_loss {")
    title = f"{lab['loss']} · {trace.loss_fn.upper()} · {loss_fn}".rstrip(" ·")
    lines.append(
        f'    label="{_dot_escape(title)}"; style="rounded,dashed"; color="{LINE}"; fontcolor="{FADED}"; labeljust=l;'
    )
    lines += ["  " + node_line(n) for n in trace.nodes if n.kind in ("target", "loss")]
    lines.append("  }")
    # edges, parent → child; the ones the current step reads are drawn thick (reversed going backward)
    for n in trace.nodes:
        for p in n.parents:
            hot = (n.id in current and p in used) or (p in current and n.id in used)
            if hot:
                attrs = f'color="{VERMILION}", penwidth=2.2' + (", dir=back" if backward else "")
            elif n.id not in known:
                attrs = f'color="{FADED}", style=dashed'
            else:
                attrs = ""
            lines.append(f"  {p} -> {n.id}" + (f" [{attrs}]" if attrs else "") + ";")
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
            legend=alt.Legend(orient="top", labelLimit=320),
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
    return (zero + base.mark_line(strokeWidth=2) + base.mark_circle(size=24)).properties(height=240)


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
