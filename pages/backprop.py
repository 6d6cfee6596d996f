"""Backprop step by step: every forward and backward number of a small net, checked against autograd."""

import pandas as pd
import streamlit as st

from nnviz import backprop as B
from nnviz import ui
from nnviz.charts import backprop as charts

ss = st.session_state
page_trace = ui.cached(B.page_trace)
page_training = ui.cached(B.page_training)

page = ui.page("backprop", B.SETTINGS)
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
n_params = B.n_params(v["width"], v["depth"])

# --- typed weights: numbers only, checked by the library ------------------------------------------------
typed = tuple(v["w"])
if typed and len(typed) != n_params:
    st.info(page.t(".weights.mismatch", got=len(typed), need=n_params), icon=":material/info:")
    typed = ()
weights = typed
seeded = B.flat_weights(B.build(v["width"], v["depth"], v["activation"], v["seed"]))
current = weights or seeded


def weights_editor() -> None:
    """The table of every weight, editable (numbers only, checked by the library)."""
    with st.expander(page.t(".weights.title"), icon=":material/edit:", expanded=bool(weights)):
        st.markdown(page.t(".weights.body"))
        slots = B.weight_slots(v["width"], v["depth"])
        editor_key = f"backprop.weights.{hash(current)}"

        def on_edit() -> None:
            # the URL keeps 6 significant digits: keep the session's weights exactly what a copied link gives
            values = [float(B.SETTINGS["w"].fmt((x,))) for x in current]
            for row, change in ss[editor_key].get("edited_rows", {}).items():
                if "value" not in change:
                    continue
                try:
                    values[int(row)] = B.check_weight(change["value"], int(row) + 1)
                except ValueError as err:
                    ss["backprop._weight_error"] = str(err)
                    return
            ss.pop("backprop._weight_error", None)
            page.set(w=tuple(values))

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
                page.t(".weights.value"), min_value=-B.WEIGHT_BOUND, max_value=B.WEIGHT_BOUND, step=1e-6, format="%.6g",
                required=True)},
            height=min(420, 38 + 35 * len(table)),
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
def describe(step: B.Step) -> str:
    node = tr.node(step.nodes[0])
    if step.kind in ("input", "loss", "seed"):
        return page.t(f".kind.{step.kind}")
    if step.kind == "act_grad":
        return page.t(".kind.act_grad", node=node.label, up=tr.node(step.uses[0]).label)
    if step.kind == "sum_grad":
        return page.t(".kind.sum_grad", node=node.label, k=len(step.uses))
    if step.kind == "param_grad":
        text = page.t(".kind.param_grad", param=f"{node.param}.grad[{', '.join(map(str, node.index))}]")
        if tr.batch > 1:
            text += " " + page.t(".kind.param_grad.batch", B=tr.batch)
        return text
    return page.t(f".kind.{step.kind}", node=node.label)


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
    sample = None
    if tr.batch > 1:
        shown = page.control("show")
        sample = None if shown == "n0" else int(shown[1:]) - 1

    labels = {"data": page.t(".data"), "grad": page.t(".grad"), "loss": page.t(".lossbox"), "name": page.t(".name")}
    st.graphviz_chart(charts.graph_dot(tr, at, labels, sample), width="stretch")
    st.caption(page.t(".graph.caption"))

    if at < n_fwd:
        phase = page.t(".phase.forward", i=at + 1, n=n_fwd)
    else:
        phase = page.t(".phase.backward", i=at - n_fwd + 1, n=n_steps - n_fwd)
    with st.container(border=True):
        st.markdown(f"**{phase}** — {describe(step)}")
        st.latex(step.formula)
        if step.chain:
            st.markdown(page.t(".chain.title"))
            st.latex(step.chain)
            if step.paths and len(step.paths) > 1:
                st.caption(page.t(".chain.paths", k=len(step.paths)))
    with st.popover(ui.t("ui.data"), icon=":material/table:"):
        for name, df in ((page.t(".graph.data_nodes"), tr.nodes_frame()), (page.t(".graph.data_steps"), tr.steps_frame())):
            st.caption(name)
            st.dataframe(df, hide_index=True, height=min(400, 38 + 35 * len(df)))
            st.download_button(ui.t("ui.download_csv"), df.to_csv(index=False), file_name=f"backprop_{name}.csv",
                               mime="text/csv", on_click="ignore", key=f"csv.backprop.graph.{name}")


st.subheader(page.t(".graph.title"), anchor=False)
st.fragment(walk)()

# --- 2. by hand vs autograd ------------------------------------------------------------------------------------
st.subheader(page.t(".check.title"), anchor=False)
st.markdown(page.t(".check.body"))
cmp = tr.comparison()
m1, m2 = st.columns(2)
m1.metric(page.t(".check.loss"), f"{tr.loss:.6f}")
m2.metric(page.t(".check.max"), f"{tr.max_abs_diff:.1e}")
if tr.max_abs_diff <= 1e-6:
    st.success(page.t(".check.ok", n=len(cmp)), icon=":material/check_circle:")
else:
    st.error(page.t(".check.bad"), icon=":material/error:")
shown_cmp = cmp.rename(columns={
    "symbol": page.t(".check.symbol"), "parameter": page.t(".check.parameter"), "value": page.t(".check.value"),
    "manual": page.t(".check.manual"), "autograd": page.t(".check.autograd"), "abs_diff": page.t(".check.diff"),
})
num = {c: st.column_config.NumberColumn(format="%.8f") for c in shown_cmp.columns[2:5]}
num[page.t(".check.diff")] = st.column_config.NumberColumn(format="%.1e")
st.dataframe(shown_cmp, hide_index=True, column_config=num, width="stretch")
chart = charts.grad_comparison(cmp, page.t(".check.chart_x"), page.t(".check.chart_y"),
                               page.t(".check.manual"), page.t(".check.autograd"))
page.chart(chart, cmp, "gradients")

st.markdown(f"**{page.t('.gradfn.title')}**")
st.markdown(page.t(".gradfn.body"))
st.code(" → ".join(tr.grad_fn_names), language=None, wrap_lines=True)
fn_rows = []
for g in tr.grad_fns:
    fn_rows.append({
        page.t(".gradfn.name"): g.name,
        page.t(".gradfn.module"): page.t(".gradfn.loss") if g.module < 0 else f"model[{g.module}] {tr.modules[g.module]}",
        page.t(".gradfn.nodes"): ", ".join(tr.node(n).label for n in g.nodes),
        page.t(".gradfn.params"): ", ".join(g.params),
    })
st.dataframe(pd.DataFrame(fn_rows), hide_index=True, width="stretch")

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
labels_of = {f"{n.param}[{', '.join(map(str, n.index))}]": n.label for n in tr.nodes if n.param}

page.diverged(run.divergence)
if run.updates:
    m1, m2, m3 = st.columns(3)
    m1.metric(page.t(".update.before"), f"{run.losses[0]:.6f}")
    m2.metric(page.t(".update.after"), f"{run.losses[1]:.6f}", delta=f"{run.losses[1] - run.losses[0]:+.6f}",
              delta_color="inverse")
    m3.metric(page.t(".update.final", k=run.updates), f"{run.losses[-1]:.6f}",
              delta=f"{run.losses[-1] - run.losses[0]:+.6f}", delta_color="inverse")
    verdict = B.verdict(run)
    if verdict == "saturated":
        st.warning(page.t(".saturated", loss=f"{run.losses[-1]:.4g}"), icon=":material/ac_unit:")
    elif verdict == "up":
        st.warning(page.t(".update.up", before=f"{run.losses[0]:.4g}", after=f"{run.losses[-1]:.4g}"),
                   icon=":material/trending_up:")
    upd = run.update_frame(0)
    upd.insert(0, "symbol", upd.parameter.map(labels_of))
    shown_upd = upd.rename(columns={
        "symbol": page.t(".check.symbol"), "parameter": page.t(".check.parameter"), "w": page.t(".update.w"),
        "grad": page.t(".update.grad"), "lr_grad": page.t(".update.lr_grad"), "w_new": page.t(".update.w_new"),
    })
    st.dataframe(shown_upd, hide_index=True, width="stretch",
                 column_config={c: st.column_config.NumberColumn(format="%.6f") for c in shown_upd.columns[2:]})
    hist = run.history_frame().assign(run=page.t(".trap.with"))
    frames = {"with_zero_grad": hist}
    if v["forget"]:
        forgot = page_training(forget=True, **args)
        h2 = forgot.history_frame().assign(run=page.t(".trap.without"))
        frames["without_zero_grad"] = h2
        hist = pd.concat([hist, h2], ignore_index=True)
    st.markdown(f"**{page.t('.update.curve')}**")
    page.chart(charts.loss_curves(hist, page.t(".update.x"), page.t(".update.y"), page.t(".update.run")),
               frames, "loss")

# --- 4. the zero_grad trap ---------------------------------------------------------------------------------------
st.subheader(page.t(".trap.title"), anchor=False)
forget_label = page.label("forget")
st.markdown(page.t(".trap.body", forget=forget_label))
with page.settings_box():
    c1, c2 = st.columns(2)
    page.control("forget", c1)
    names = [p for p in cmp.parameter]
    idx = page["follow"]
    idx = len(names) - 1 if idx < 0 or idx >= len(names) else idx
    ss["backprop.follow"] = idx

    def follow_changed() -> None:
        page.set(follow=ss["backprop.follow"])

    if "follow" not in page.hidden:
        c2.selectbox(page.label("follow"), list(range(len(names))), key="backprop.follow", on_change=follow_changed,
                     format_func=lambda i: f"{cmp.symbol[i]}  ·  {names[i]}", help=page.help("follow"))
v = page.values
param = names[idx]
pname, pindex = param.split("[")[0], tuple(int(i) for i in param.split("[")[1].rstrip("]").split(", "))
symbol = cmp.symbol[idx]
if run.updates:
    clean = run.accumulation_frame(pname, pindex)
    series = [pd.DataFrame({"update": clean["update"], "value": clean.grad,
                            "series": f"{symbol}.grad — {page.t('.trap.with')}"})]
    if not v["forget"]:  # the gradient of each update on its own: the same numbers, drawn over it
        series.append(pd.DataFrame({"update": clean["update"], "value": clean.step_grad,
                                    "series": f"{page.t('.trap.step_grad')} — {page.t('.trap.with')}"}))
    frames = {"with_zero_grad": clean}
    if v["forget"]:
        forgot = page_training(forget=True, **args)
        acc = forgot.accumulation_frame(pname, pindex)
        series += [
            pd.DataFrame({"update": acc["update"], "value": acc.step_grad,
                          "series": f"{page.t('.trap.step_grad')} — {page.t('.trap.without')}"}),
            pd.DataFrame({"update": acc["update"], "value": acc.grad,
                          "series": f"{symbol}.grad — {page.t('.trap.without')}"}),
        ]
        frames["without_zero_grad"] = acc
    df = pd.concat(series, ignore_index=True)
    page.chart(charts.grad_curves(df, page.t(".trap.x"), page.t(".trap.y"), page.t(".trap.series")), frames, "grad")
    if v["forget"] and len(acc) >= 2:
        g1, g2 = acc.step_grad[0], acc.step_grad[1]
        st.markdown(page.t(".trap.on", g1=f"{g1:.6g}", g2=f"{g2:.6g}", sum=f"{acc.grad[1]:.6g}"))
        w1, w2, _ = st.columns(3)
        w1.metric(page.t(".trap.wmax_with"), f"{run.max_abs_weight:.4g}")
        w2.metric(page.t(".trap.wmax_without"), f"{forgot.max_abs_weight:.4g}")
        table = acc.head(10).rename(columns={"update": page.t(".trap.x"), "step_grad": page.t(".trap.col_step"),
                                             "grad": page.t(".trap.col_grad"),
                                             "sum_of_step_grads": page.t(".trap.col_sum")})
        st.markdown(f"**{page.t('.trap.table')}**")
        st.dataframe(table, hide_index=True, width="stretch",
                     column_config={c: st.column_config.NumberColumn(format="%.6g") for c in table.columns[1:]})
    else:
        st.markdown(page.t(".trap.off", forget=forget_label))

# --- try this, why, code --------------------------------------------------------------------------------------------
page.try_this([(f".try.{k}.q", f".try.{k}.a") for k in ("zero", "bce", "relu", "trap", "lr")])

with page.why():
    st.markdown(page.t(".why.chain"))
    st.latex(B.WHY_LATEX["chain"])
    st.markdown(page.t(".why.local"))
    st.latex(B.WHY_LATEX["local"])
    st.markdown(page.t(".why.bce"))
    st.latex(B.WHY_LATEX["bce"])
    naive, bp = B.path_costs(B.sizes(v["width"], v["depth"]))
    naive_big, bp_big = B.path_costs([2, 16, 16, 16, 1])
    st.markdown(page.t(".why.reuse", naive=naive, bp=bp, naive_big=naive_big, bp_big=bp_big))
    st.markdown(page.t(".why.batch"))
    st.latex(B.WHY_LATEX["batch"])
    st.markdown(page.t(".why.index"))

page.code()
