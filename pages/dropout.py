"""Dropout: the masks of nn.Dropout, the 1/(1−p) scaling, train vs eval, and the overfitting it cures."""

import math

import pandas as pd
import streamlit as st

from nnviz import describe
from nnviz import dropout as D
from nnviz import ui
from nnviz.charts import dropout as charts
from nnviz.papers import srivastava

TRAP_X = 0.5  # where the forgot-eval trap asks for a prediction
TRAP_START = 3  # predictions shown before any press: enough to see them disagree

thinning = ui.cached(D.thinning_demo)
srivastava_compare = ui.cached(srivastava.compare)


@ui.cached
def mask_demo(kind, p, seed, draw):
    return D.mask_demo(D.input_values(kind, seed=seed), p, D.mask_seed(seed, draw))


@ui.cached
def expectation(kind, p, seed):
    return D.expectation(D.input_values(kind, seed=seed), p, masks=1000, seed=seed)


@ui.cached
def experiment(n, noise, hidden, p, lr, epochs, seed, optimizer, _label=""):
    with ui.progress(_label) as report:
        return D.overfit_experiment(n, noise, hidden, p, lr, epochs, seed, optimizer, progress=report)


page = ui.page("dropout", D.SETTINGS)
page.header()
st.info(page.t(".p_note"), icon=":material/priority_high:")

with page.settings_box():
    c1, c2 = st.columns([3, 1])
    page.control("p", c1)
    page.control("seed", c2)
v = page.values
p, seed = v["p"], v["seed"]
keep, scale = 1 - p, 1 / (1 - p)
ax = {k: page.t(f".ax.{k}") for k in ("unit", "input", "output", "kept", "value", "dropped", "mean", "se", "z",
                                      "share", "masks", "expected", "layer", "state", "epoch", "loss", "model",
                                      "split", "x", "y", "series")}

# --- part 1: one layer ------------------------------------------------------------------------------
st.header(page.t(".part1"), anchor=False)
st.markdown(page.t(".part1.lead", p=p, keep=round(keep, 4), scale=scale))
with page.settings_box():
    c1, c2, c3 = st.columns([2.2, 1, 1], vertical_alignment="bottom")
    page.control("inputs", c1)
    page.control("draw", c2)
    c3.button(page.t(".new_mask"), icon=":material/casino:", width="stretch",
              on_click=lambda: page.set(draw=(page["draw"] + 1) % 1000), key="dropout.new_mask")
v = page.values
demo = mask_demo(v["inputs"], p, seed, v["draw"])
frame = demo.frame()
grid_labels = {k: ax[k] for k in ("unit", "input", "output", "kept", "value", "dropped")}
g1, g2 = st.columns(2)
page.chart(lambda: charts.mask_grid(frame, "input", page.t(".grid.input"), grid_labels, show_mask=False), frame,
           "layer_input", g1, alt=lambda: describe.dropout.layer_input(frame, ui.lang()))
page.chart(lambda: charts.mask_grid(frame, "output", page.t(".grid.output", draw=v["draw"]), grid_labels, show_mask=True),
           frame, "layer_output", g2, alt=lambda: describe.dropout.layer_output(frame, v["draw"], ui.lang()))
st.caption(page.t(".grid.caption", scale=scale))

kept_nz = demo.mask & (demo.values != 0)
ratios = (demo.output[kept_nz] / demo.values[kept_nz]) if bool(kept_nz.any()) else None
m1, m2, m3 = st.columns(3)
m1.metric(page.t(".m.kept"), f"{demo.kept} / {demo.mask.numel()}",
          page.t(".m.kept.delta", share=demo.kept_share, keep=keep, se=demo.kept_share_se), delta_color="off",
          delta_arrow="off")
m2.metric(page.t(".m.scale") + "1/(1 − p)", f"{scale:.6g}",
          page.t(".m.scale.delta", lo=float(ratios.min()), hi=float(ratios.max())) if ratios is not None else None,
          delta_color="off", delta_arrow="off")
diff = float((demo.eval_output - demo.values).abs().max())
m3.metric(page.t(".m.eval"), page.t(".m.eval.value", d=diff), page.t(".m.eval.delta"), delta_color="off",
          delta_arrow="off")

exp = expectation(v["inputs"], p, seed)
st.subheader(page.t(".expect.title", masks=exp.masks), anchor=False)
if p == 0:
    st.caption(page.t(".expect.zero"))
st.markdown(page.t(".expect.lead", masks=exp.masks))
e1, e2 = st.columns([3, 2])
page.chart(lambda: charts.expectation_chart(exp.units, {**ax, "y": ax["value"]}), exp.units, "expectation", e1,
           alt=lambda: describe.dropout.expectation(exp.units, exp.masks, ui.lang()))
with e2:
    page.chart(lambda: charts.share_histogram(exp.shares, p, demo.kept_share_se, {"share": ax["share"], "count": ax["masks"],
                                                                        "expected": ax["expected"]}),
               exp.shares, "kept_shares", alt=lambda: describe.dropout.kept_shares(exp.shares, keep, ui.lang()))
    st.caption(page.t(".hist.lead"))
m1, m2, m3 = st.columns(3)
m1.metric(page.t(".m.mean"), f"{exp.mean_output:.4f} vs {exp.mean_input:.4f}",
          page.t(".m.mean.delta", d=exp.mean_output - exp.mean_input, z=exp.mean_z) if exp.mean_z is not None
          else None, delta_color="off", delta_arrow="off")
m2.metric(page.t(".m.within"), f"{exp.within_2se:.1%}", page.t(".m.within.delta", z=exp.max_abs_z),
          delta_color="off", delta_arrow="off")
m3.metric(page.t(".m.share"), f"{exp.kept_share:.4f}", page.t(".m.share.delta", keep=keep, se=exp.kept_share_se),
          delta_color="off", delta_arrow="off")

st.subheader(page.t(".thin.title"), anchor=False)
st.markdown(page.t(".thin.lead", p=p))
th = thinning(p, seed)
thin_labels = {"pass": page.t(".thin.pass"), "layer": ax["layer"], "unit": ax["unit"], "kept": ax["state"],
               "value": ax["value"], "dropped": ax["dropped"], "kept_name": ax["kept"]}
page.chart(lambda: charts.thinning_chart(th.nodes, th.edges, th.outputs, thin_labels, narrow=page.narrow),
           {"nodes": th.nodes, "edges": th.edges, "outputs": th.outputs}, "thinned",
           alt=lambda: describe.dropout.thinned(th.outputs, th.eval_output, ui.lang()))
st.caption(page.t(".thin.caption", outs=", ".join(f"{o:.3f}" for o in th.outputs["output"]),
                  ev=f"{th.eval_output:.3f}"))
if (th.outputs["output"] == th.bias).any():
    st.caption(page.t(".thin.bias", b=th.bias))

# --- part 2: overfitting ------------------------------------------------------------------------------
st.header(page.t(".part2"), anchor=False)
with page.settings_box():
    c1, c2, c3 = st.columns(3)
    page.control("n", c1)
    page.control("noise", c2)
    page.control("hidden", c3)
    c1, c2, c3 = st.columns(3)
    page.control("optimizer", c1)
    page.control("lr", c2)
    page.control("epochs", c3)
v = page.values
result = experiment(v["n"], v["noise"], v["hidden"], p, v["lr"], v["epochs"], seed, v["optimizer"],
                    _label=page.t("ui.computing"))
n_test = int((result.data["split"] == "test").sum())
st.markdown(page.t(".part2.lead", noise=v["noise"], n=v["n"], ntr=v["n"] - n_test, nte=n_test, h=v["hidden"],
                   seed=seed, opt=ui.option_label(v["optimizer"]), lr=v["lr"], epochs=v["epochs"], p=p))
names = {
    "plain": page.t(".name.plain"), "dropout": page.t(".name.dropout", p=p), "train": page.t(".name.train"),
    "test": page.t(".name.test"), "objective": page.t(".name.objective"),
    "train_once": page.t(".name.train_once"), "band": page.t(".name.band", k=result.band_masks),
    "truth": page.t(".name.truth"), "eval": page.t(".name.eval"), "train_mode": page.t(".name.train_mode"),
}
for which in D.MODELS:
    if result.divergence.get(which) is not None:
        st.markdown(page.t(".diverged.which", name=names[which]))
        page.diverged(result.divergence[which])


def fmt(x: float) -> str:
    return f"{x:.4f}" if math.isfinite(x) else ("—" if math.isnan(x) else str(x))


for which in D.MODELS:
    f = result.final.loc[which]
    c1, c2, c3 = st.columns(3)
    c1.metric(page.t(".m.train", name=names[which]), fmt(f["train"]),
              page.t(".m.ref", v=result.reference["train"]), delta_color="off", delta_arrow="off")
    c2.metric(page.t(".m.test", name=names[which]), fmt(f["test"]),
              page.t(".m.ref", v=result.reference["test"]), delta_color="off", delta_arrow="off")
    c3.metric(page.t(".m.gap", name=names[which]), fmt(f["gap"]))

st.subheader(page.t(".loss.title"), anchor=False)
st.markdown(page.t(".loss.lead"))
c1, c2 = st.columns(2)
page.control("objective", c1)
page.control("log", c2)
v = page.values
refs = pd.DataFrame({"split": ["train", "test"], "loss": [result.reference["train"], result.reference["test"]],
                     "what": [page.t(".loss.ref_train"), page.t(".loss.ref_test")]})
loss_labels = {k: ax[k] for k in ("epoch", "loss", "model", "split")}
log = v["log"] or result.diverged is not None  # a diverging loss spans many orders of magnitude
page.chart(lambda: charts.loss_chart(result.history, names, loss_labels, refs, show_objective=v["objective"], log=log),
           result.history, "loss", alt=lambda: describe.dropout.losses(result.history, names, ui.lang()))

st.subheader(page.t(".fit.title"), anchor=False)
st.markdown(page.t(".fit.lead", k=result.band_masks) if result.diverged is None else page.t(".fit.diverged"))
c1, c2 = st.columns(2)
page.control("band", c1)
page.control("once", c2)
v = page.values
if result.diverged is None:
    page.chart(lambda: charts.fit_chart(result.data, result.curves, names, {k: ax[k] for k in ("x", "y", "series")},
                                show_band=v["band"], show_train_once=v["once"]),
               {"data": result.data, "curves": result.curves}, "fit",
               alt=lambda: describe.dropout.fit(result, names, ui.lang()))
else:
    page.chart(lambda: charts.fit_chart(result.data, result.curves.iloc[0:0], names, {k: ax[k] for k in ("x", "y", "series")},
                                show_band=False, show_train_once=False), result.data, "fit",
               alt=lambda: describe.dropout.fit(result, names, ui.lang()))

# --- the forgot-eval trap -----------------------------------------------------------------------------
st.subheader(page.t(".trap.title"), anchor=False)
st.markdown(page.t(".trap.lead", x=TRAP_X))
run_key = tuple(result.settings.items())


@st.fragment
def trap() -> None:
    state = st.session_state.get("_dropout.trap")
    presses = state[1] if state and state[0] == run_key else TRAP_START
    b1, b2, _ = st.columns([1, 1, 3])
    if b1.button(page.t(".trap.again"), icon=":material/refresh:", type="primary", key="dropout.trap.again"):
        presses = min(presses + 1, 200)
    if b2.button(page.t(".trap.reset"), icon=":material/restart_alt:", key="dropout.trap.reset"):
        presses = 1
    st.session_state["_dropout.trap"] = (run_key, presses)
    df = D.forgot_eval(result, x=TRAP_X, presses=presses, seed=seed)
    train = df[df["mode"] == "train"].prediction
    ev = df[df["mode"] == "eval"].prediction
    c1, c2 = st.columns(2)
    c1.metric(page.t(".trap.train"), f"{train.iloc[-1]:.5f}", page.t(".trap.delta", k=presses, sd=D.spread(train)),
              delta_color="off", delta_arrow="off", border=True)
    c2.metric(page.t(".trap.eval"), f"{ev.iloc[-1]:.5f}", page.t(".trap.delta", k=presses, sd=D.spread(ev)),
              delta_color="off", delta_arrow="off", border=True)
    labels = {"press": page.t(".trap.press"), "prediction": page.t(".ax.prediction", x=TRAP_X),
              "mode": page.t(".trap.mode")}
    page.chart(lambda: charts.trap_chart(df, {"train": names["train_mode"], "eval": names["eval"]}, labels), df, "trap",
               alt=lambda: describe.dropout.trap(df, ui.lang()))


if result.diverged is None:
    trap()
else:
    st.caption(page.t(".trap.diverged"))

# --- paper check: Srivastava et al. (2014) ---------------------------------------------------------
st.subheader(page.t(".paper.title"), anchor=False)
page.control("paper")
if v["paper"]:
    paper, sp = srivastava.PAPER, min(max(p, 0.1), 0.9)  # the net needs a keep probability it can learn with
    hidden = srivastava.ARGS["hidden"].default
    st.markdown(page.t(".paper.lead", k_paper=paper.reported["k_match"], hidden=hidden, p=f"{sp:.2f}", seed=seed))
    sv = srivastava_compare(sp, hidden, srivastava.ARGS["epochs"].default, seed)
    n_test, kmax = srivastava.test_size(seed), int(sv["k"].max())
    tol = 1 / n_test
    m1, m2 = st.columns(2)
    m1.metric(page.t(".paper.m.scaled"), f"{sv['scaled_error'].iloc[0]:.2%}")
    m2.metric(page.t(".paper.m.mc", k=kmax), f"{sv['mc_error'].iloc[-1]:.2%}")
    page.chart(lambda: charts.srivastava(sv, {k: page.t(f".lbl.{k}") for k in ("k", "error", "mc", "scaled")}), sv,
               "srivastava", alt=lambda: describe.dropout.srivastava(sv, ui.lang()))
    k = srivastava.matched_at(sv, tol)
    if k is not None:
        st.markdown(page.t(".paper.match", k=k, tol=f"{tol:.2%}", k_paper=paper.reported["k_match"]))
    else:
        diff = abs(sv["mc_error"].iloc[-1] - sv["scaled_error"].iloc[0])
        st.markdown(page.t(".paper.nomatch", k=kmax, diff=f"{diff:.2%}", n_test=n_test, tol=f"{tol:.2%}"))
    st.caption(page.t(".paper.source", cite=paper.cite()))

page.try_this([(f".try.{i}.q", f".try.{i}.a") for i in range(1, 6)])

with page.why():
    st.markdown(page.t(".why.mask"))
    st.latex(r"\tilde h_i = \frac{m_i\, h_i}{1-p},\qquad m_i \sim \mathrm{Bernoulli}(1-p)")
    st.latex(r"\mathbb{E}[\tilde h_i] = (1-p)\cdot\frac{h_i}{1-p} = h_i,\qquad "
             r"\operatorname{Var}[\tilde h_i] = \frac{p}{1-p}\,h_i^2")
    st.markdown(page.t(".why.expect"))
    st.markdown(page.t(".why.inverted"))
    st.markdown(page.t(".why.coadapt"))
    if result.diverged is None:
        st.markdown(page.t(".why.ensemble", h=v["hidden"], k=result.band_masks, z=result.ensemble_z))
        st.latex(r"\mathbb{E}_m\!\left[W_2\,\frac{m\odot h}{1-p} + b_2\right] = W_2\,h + b_2")
    st.markdown(page.t(".why.train_mode"))

page.code()
