"""Backprop step by step: every forward and backward number of a small net, checked against autograd."""

import pandas as pd
import streamlit as st

from nnviz import backprop
from nnviz import describe
from nnviz import ui
from nnviz.charts import backprop as charts

ss = st.session_state
page_trace = ui.cached(backprop.page_trace)
page_training = ui.cached(backprop.page_training)

page = ui.page("backprop", backprop.SETTINGS)
page.header()

with page.settings_box():
    c1, c2, c3 = st.columns([1.3, 1.2, 1])
    page.control("sample", c1)
    page.control("loss", c2)
    page.control("seed", c3)
    c1, c2, c3 = st.columns([1.3, 1.2, 1])
    page.control("activation", c1)
    page.control("width", c2)
    page.control("depth", c3)
v = page.values

# --- typed weights: numbers only, checked by the library ------------------------------------------------
weights = backprop.usable_weights(v["w"], v["width"], v["depth"])
if v["w"] and not weights:
    st.info(page.t(".weights.mismatch", got=len(v["w"]), need=backprop.n_params(v["width"], v["depth"])),
            icon=":material/info:")
current = backprop.shown_weights(v["width"], v["depth"], v["activation"], v["seed"], weights)


def weights_editor() -> None:
    """The table of every weight, editable (numbers only, checked by the library)."""
    with st.expander(page.t(".weights.title"), icon=":material/edit:", expanded=bool(weights)):
        st.markdown(page.t(".weights.body"))
        slots = backprop.weight_slots(v["width"], v["depth"])
        editor_key = f"backprop.weights.{hash(current)}"

        def on_edit() -> None:
            changes = {row: change["value"] for row, change in ss[editor_key].get("edited_rows", {}).items()
                       if "value" in change}
            try:
                values = backprop.edited(current, changes)
            except ValueError as err:
                ss["backprop._weight_error"] = str(err)
                return
            ss.pop("backprop._weight_error", None)
            page.set(w=values)

        table = pd.DataFrame({
            page.t(".weights.symbol"): slots.symbol,
            page.t(".weights.parameter"): slots.parameter,
            "value": list(current),
        })
        st.data_editor(
            table,
            key=editor_key,
            on_change=on_edit,
            hide_index=True,
            disabled=[page.t(".weights.symbol"), page.t(".weights.parameter")],
            column_config={"value": st.column_config.NumberColumn(
                page.t(".weights.value"), min_value=-backprop.WEIGHT_BOUND, max_value=backprop.WEIGHT_BOUND, step=1e-6,
                format="%.6g", required=True)},
            height=ui.table_height(len(table), 420),
        )
        if ss.get("backprop._weight_error"):
            st.warning(page.t(".weights.invalid", reason=ss["backprop._weight_error"]))
        if weights:
            st.caption(page.t(".weights.typed"))
            st.button(page.t(".weights.seed"), on_click=page.set, kwargs={"w": ()}, icon=":material/restart_alt:")


if "w" not in page.hidden:
    weights_editor()

tr = page_trace(v["sample"], v["width"], v["depth"], v["activation"], v["loss"], v["seed"], weights)
n_steps, n_fwd = len(tr.steps), len(tr.forward)


# --- 1. the graph, one step at a time ------------------------------------------------------------------------
def walk() -> None:
    def go(i: int) -> None:
        page.set(step=max(0, min(n_steps - 1, i)))

    at = min(page["step"], n_steps - 1)
    if "step" not in page.hidden:  # a teacher may fix the step with ?hide=step
        b1, b2, b3, b4 = st.columns(4)
        b1.button(page.t(".first"), on_click=go, args=(0,), icon=":material/first_page:", width="stretch",
                  disabled=at == 0)
        b2.button(page.t(".prev"), on_click=go, args=(at - 1,), icon=":material/chevron_left:", width="stretch",
                  disabled=at == 0)
        b3.button(page.t(".next"), on_click=go, args=(at + 1,), icon=":material/chevron_right:", width="stretch",
                  disabled=at == n_steps - 1, type="primary")
        b4.button(page.t(".to_backward"), on_click=go, args=(n_fwd,), icon=":material/undo:", width="stretch",
                  disabled=at == n_fwd)
    at = page.control("step", hi=n_steps - 1)
    step = tr.steps[at]
    sample = backprop.shown_sample(page.control("show")) if tr.batch > 1 else None

    labels = {"data": page.t(".data"), "grad": page.t(".grad"), "loss": page.t(".lossbox"), "name": page.t(".name")}
    st.graphviz_chart(charts.graph_dot(tr, at, labels, sample), width="stretch")
    st.caption(page.t(".graph.caption"))

    phase, i, n = tr.phase(at)
    with st.container(border=True):
        what = " ".join(page.t(f".{key}", **fmt) for key, fmt in tr.describe(at))
        st.markdown(f"**{page.t(f'.phase.{phase}', i=i, n=n)}** — {what}")
        st.latex(step.formula)
        if step.chain:
            st.markdown(page.t(".chain.title"))
            st.latex(step.chain)
            if step.paths and len(step.paths) > 1:
                st.caption(page.t(".chain.paths", k=len(step.paths)))
    page.data({page.t(".graph.data_nodes"): tr.nodes_frame(), page.t(".graph.data_steps"): tr.steps_frame()}, "graph")


st.subheader(page.t(".graph.title"), anchor=False)
st.fragment(walk)()

# --- 2. by hand vs autograd ------------------------------------------------------------------------------------
st.subheader(page.t(".check.title"), anchor=False)
st.markdown(page.t(".check.body"))
cmp = tr.comparison()
m1, m2 = st.columns(2)
m1.metric(page.t(".check.loss"), f"{tr.loss:.6f}")
m2.metric(page.t(".check.max"), f"{tr.max_abs_diff:.1e}")
if tr.agrees:
    st.success(page.t(".check.ok", n=len(cmp)), icon=":material/check_circle:")
else:
    st.error(page.t(".check.bad"), icon=":material/error:")
cmp_cols = {
    "symbol": page.t(".check.symbol"), "parameter": page.t(".check.parameter"), "value": page.t(".check.value"),
    "manual": page.t(".check.manual"), "autograd": page.t(".check.autograd"), "abs_diff": page.t(".check.diff"),
}
num = {cmp_cols[c]: st.column_config.NumberColumn(format="%.8f") for c in ("value", "manual", "autograd")}
num[cmp_cols["abs_diff"]] = st.column_config.NumberColumn(format="%.1e")
page.table(lambda: cmp.rename(columns=cmp_cols), "check", column_config=num, width="stretch")
page.chart(lambda: charts.grad_comparison(cmp, page.t(".check.chart_x"), page.t(".check.chart_y"),
                                         page.t(".check.manual"), page.t(".check.autograd")), cmp, "gradients", alt=lambda: describe.backprop.gradients(cmp, tr.agrees, ui.lang()))

st.markdown(f"**{page.t('.gradfn.title')}**")
st.markdown(page.t(".gradfn.body"))
st.code(" → ".join(tr.grad_fn_names), language=None, wrap_lines=True)


def grad_fns() -> pd.DataFrame:
    fns = tr.grad_fn_frame()
    fns["module"] = fns["module"].replace("", page.t(".gradfn.loss"))
    return fns.rename(columns={c: page.t(f".gradfn.{c}") for c in fns.columns})


page.table(grad_fns, "grad_fns", width="stretch")

# --- 3. the update -----------------------------------------------------------------------------------------------
st.subheader(page.t(".update.title"), anchor=False)
st.markdown(page.t(".update.body"))
with page.settings_box():
    c1, c2 = st.columns(2)
    page.control("lr", c1)
    page.control("updates", c2)
v = page.values
args = dict(sample_name=v["sample"], width=v["width"], depth=v["depth"], activation=v["activation"], loss=v["loss"],
            lr=v["lr"], updates=v["updates"], seed=v["seed"], weights=weights)
run = page_training(forget=False, **args)

page.diverged(run.divergence)
if run.updates:
    m1, m2, m3 = st.columns(3)
    m1.metric(page.t(".update.before"), f"{run.losses[0]:.6f}")
    m2.metric(page.t(".update.after"), f"{run.losses[1]:.6f}", delta=f"{run.losses[1] - run.losses[0]:+.6f}",
              delta_color="inverse")
    m3.metric(page.t(".update.final", k=run.updates), f"{run.losses[-1]:.6f}",
              delta=f"{run.losses[-1] - run.losses[0]:+.6f}", delta_color="inverse")
    verdict = backprop.verdict(run)
    if verdict == "saturated":
        st.warning(page.t(".saturated", loss=f"{run.losses[-1]:.4g}"), icon=":material/ac_unit:")
    elif verdict == "up":
        st.warning(page.t(".update.up", before=f"{run.losses[0]:.4g}", after=f"{run.losses[-1]:.4g}"),
                   icon=":material/trending_up:")
    upd_cols = {
        "symbol": page.t(".check.symbol"), "parameter": page.t(".check.parameter"), "w": page.t(".update.w"),
        "grad": page.t(".update.grad"), "lr_grad": page.t(".update.lr_grad"), "w_new": page.t(".update.w_new"),
    }
    page.table(lambda: run.update_frame(0, tr.symbols).rename(columns=upd_cols), "update", width="stretch",
               column_config={upd_cols[c]: st.column_config.NumberColumn(format="%.6f")
                              for c in ("w", "grad", "lr_grad", "w_new")})
    forgot = page_training(forget=True, **args) if v["forget"] else None
    frames = {"with_zero_grad": run.history_frame().assign(run=page.t(".trap.with"))}
    if forgot is not None:
        frames["without_zero_grad"] = forgot.history_frame().assign(run=page.t(".trap.without"))
    st.markdown(f"**{page.t('.update.curve')}**")
    page.chart(lambda: charts.loss_curves(pd.concat(frames.values(), ignore_index=True), page.t(".update.x"),
                                  page.t(".update.y"), page.t(".update.run")), frames, "loss",
               alt=lambda: describe.backprop.losses(frames, ui.lang()))

# --- 4. the zero_grad trap ---------------------------------------------------------------------------------------
st.subheader(page.t(".trap.title"), anchor=False)
forget_label = page.label("forget")
st.markdown(page.t(".trap.body", forget=forget_label))
with page.settings_box():
    c1, c2 = st.columns(2)
    page.control("forget", c1)
    params = tr.params
    idx = backprop.followed(page["follow"], len(params))
    ss["backprop.follow"] = idx

    def follow_changed() -> None:
        page.set(follow=ss["backprop.follow"])

    if "follow" not in page.hidden:
        c2.selectbox(page.label("follow"), list(range(len(params))), key="backprop.follow", on_change=follow_changed,
                     format_func=lambda i: f"{params[i].label}  ·  {params[i].slot}", help=page.help("follow"))
v = page.values
followed = params[idx]
if run.updates:
    forgot = page_training(forget=True, **args) if v["forget"] else None
    frames = {"with_zero_grad": run.accumulation_frame(followed.param, followed.index)}
    if forgot is not None:
        frames["without_zero_grad"] = acc = forgot.accumulation_frame(followed.param, followed.index)
    with_, without = page.t(".trap.with"), page.t(".trap.without")
    step_grad = page.t(".trap.step_grad")
    names = {"grad_with": f"{followed.label}.grad — {with_}", "step_with": f"{step_grad} — {with_}",
             "step_without": f"{step_grad} — {without}", "grad_without": f"{followed.label}.grad — {without}"}
    df = charts.grad_series(frames["with_zero_grad"], frames.get("without_zero_grad"), names)
    page.chart(lambda: charts.grad_curves(df, page.t(".trap.x"), page.t(".trap.y"), page.t(".trap.series")), frames, "grad",
               alt=lambda: describe.backprop.accumulation(frames, followed.label, ui.lang()))
    summed = backprop.accumulated(acc) if forgot is not None else None
    if summed is not None:
        g1, g2, total = summed
        st.markdown(page.t(".trap.on", g1=f"{g1:.6g}", g2=f"{g2:.6g}", sum=f"{total:.6g}"))
        w1, w2, _ = st.columns(3)
        w1.metric(page.t(".trap.wmax_with"), f"{run.max_abs_weight:.4g}")
        w2.metric(page.t(".trap.wmax_without"), f"{forgot.max_abs_weight:.4g}")
        acc_cols = {"update": page.t(".trap.x"), "step_grad": page.t(".trap.col_step"),
                    "grad": page.t(".trap.col_grad"), "sum_of_step_grads": page.t(".trap.col_sum")}
        st.markdown(f"**{page.t('.trap.table')}**")
        page.table(lambda: acc.head(10).rename(columns=acc_cols), "accumulation", width="stretch",
                   column_config={c: st.column_config.NumberColumn(format="%.6g")
                                  for c in acc.rename(columns=acc_cols).columns[1:]})
    else:
        st.markdown(page.t(".trap.off", forget=forget_label))

# --- try this, why, code --------------------------------------------------------------------------------------------
page.try_this([(f".try.{k}.q", f".try.{k}.a") for k in ("zero", "bce", "relu", "trap", "lr")])

with page.why():
    st.markdown(page.t(".why.chain"))
    st.latex(backprop.WHY_LATEX["chain"])
    st.markdown(page.t(".why.local"))
    st.latex(backprop.WHY_LATEX["local"])
    st.markdown(page.t(".why.bce"))
    st.latex(backprop.WHY_LATEX["bce"])
    st.markdown(page.t(".why.reuse", **backprop.reuse(v["width"], v["depth"])))
    st.markdown(page.t(".why.batch"))
    st.latex(backprop.WHY_LATEX["batch"])
    st.markdown(page.t(".why.index"))

page.code()
