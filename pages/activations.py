"""Activations and vanishing gradients: f and f′, and the gradient that reaches each layer of a deep net."""

import functools
import math

import pandas as pd
import streamlit as st

from nnviz import activations as A
from nnviz import grad_factors as F
from nnviz import gradients as G
from nnviz import describe
from nnviz import papers, ui
from nnviz.charts import activations as charts
from nnviz.papers import glorot
from nnviz.frames import wide

RELU_FAMILY = ("relu", "leaky_relu")
HE = ("kaiming_normal", "kaiming_uniform")


@ui.cached
def functions(slope):
    curves = A.curves(A.NAMES, negative_slope=slope)
    return curves, A.saturated_regions(curves), A.derivative_stats(A.NAMES, slope)


shrink_table = ui.cached(A.shrink_table)
glorot_measure = ui.cached(glorot.measure)


@ui.cached
def mechanisms(acts, data, depth, width, init, seed, slope):
    return {a: F.mechanism(a, data=data, depth=depth, width=width, init=init, seed=seed, slope=slope) for a in acts}


@ui.cached
def experiment(acts, data, depth, width, init, biases, optimizer, lr, epochs, seed, slope, _label=""):
    with ui.progress(_label) as report:
        return G.train(acts, data=data, depth=depth, width=width, init=init, biases=biases, optimizer=optimizer, lr=lr,
                       epochs=epochs, seed=seed, slope=slope, progress=report)


page = ui.page("activations", G.SETTINGS)
page.header()
name = ui.option_label
lbl = {k: page.t(f".lbl.{k}") for k in (
    "x", "value", "f", "df", "max", "from", "to", "layers", "product", "activation", "best", "typical", "layer",
    "norm", "bias_norm", "log_norm", "epoch", "dead", "saturated", "share", "mean", "std", "loss", "train", "test")}
names = {a: name(a) for a in A.NAMES}
thr = A.SATURATION_THRESHOLD


def fmt_ratio(r: float) -> str:
    return "—" if r is None or not math.isfinite(r) else f"{r:.1e}"


def fmt_loss(x: float) -> str:
    return "—" if x is None or not math.isfinite(x) else f"{x:.4f}" if abs(x) < 1e4 else f"{x:.3e}"


# --- part 1: the functions ------------------------------------------------------------------------------
st.header(page.t(".p1.title"), anchor=False)
c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
c1.markdown(page.t(".p1.lead", thr=thr))
slope = page.control("slope", c2)
curves, regions, slopes = functions(slope)
page.chart(lambda: charts.functions(curves, regions, slopes, names, {**lbl, "saturated": page.t(".lbl.band", thr=thr)},
                            narrow=page.narrow),
           {"curves": curves, "saturated_regions": regions, "slopes": slopes}, "functions",
           alt=lambda: describe.activations.functions(slopes, names, ui.lang()))
st.caption(page.t(".p1.caption", slope=slope, thr=thr))

st.subheader(page.t(".shrink.title"), anchor=False)
acts = page["acts"]
shown_acts = tuple(dict.fromkeys(("sigmoid", *acts, "relu")))
table = shrink_table(shown_acts, 20, slope)
s1, s2 = st.columns([3, 2])
page.chart(lambda: charts.shrink(table, names, lbl), table, "product_of_slopes", s1,
           alt=lambda: describe.activations.shrink(table, names, ui.lang()))
s2.markdown(page.t(".shrink.body", s10=f"{A.shrink_at(table, 'sigmoid', 10):.1e}",
                   s20=f"{A.shrink_at(table, 'sigmoid', 20):.1e}",
                   relu_rms=f"{A.shrink_at(table, 'relu', 1, 'typical'):.2f}",
                   relu20=f"{A.shrink_at(table, 'relu', 20, 'typical'):.1e}"))

# --- part 2: a deep net -------------------------------------------------------------------------------------
st.header(page.t(".p2.title"), anchor=False)
with st.container():
    st.caption(page.t(".presets"))
    cols = st.columns(3) + st.columns(3)
    for col, (key, values) in zip(cols, G.PRESETS.items()):
        page.preset(f"activations.preset.{key}", col, **values)


def acts_control(box) -> None:
    """The activations to compare: a multi-select the shell has no widget for (a set in one URL value)."""
    if "acts" in page.hidden:
        return
    key, flag = "activations.acts", "_activations.acts.limit"
    st.session_state[key] = list(page["acts"])

    def changed() -> None:
        chosen = tuple(a for a in A.NAMES if a in (st.session_state[key] or ()))
        if 1 <= len(chosen) <= G.MAX_COMPARE:
            page.set(acts=chosen)
        else:
            st.session_state[flag] = True

    box.pills(page.label("acts"), A.NAMES, selection_mode="multi", format_func=name, key=key, on_change=changed,
              help=page.help("acts"))
    if st.session_state.pop(flag, False):
        box.warning(page.t(".acts.limit", n=G.MAX_COMPARE), icon=":material/info:")


with page.settings_box():
    acts_control(st)
    c1, c2, c3 = st.columns([1.6, 1, 1])
    page.control("data", c1)
    page.control("init", c2)
    page.control("biases", c3)
    c1, c2, c3 = st.columns(3)
    page.control("depth", c1)
    page.control("width", c2)
    page.control("epochs", c3)
    c1, c2, c3 = st.columns(3)
    page.control("optimizer", c1)
    page.control("lr", c2)
    page.control("seed", c3)

v = page.values
acts = v["acts"]
# The slope only matters to LeakyReLU nets: leave it out of the cache key otherwise.
run_slope = v["slope"] if "leaky_relu" in acts else G.SETTINGS["slope"].default
ex = experiment(acts, v["data"], v["depth"], v["width"], v["init"], v["biases"], v["optimizer"], v["lr"], v["epochs"],
                v["seed"], run_slope, _label=page.t("ui.computing"))
mech = mechanisms(acts, v["data"], v["depth"], v["width"], v["init"], v["seed"], run_slope)
summary = ex.summary().set_index("activation")
last = v["depth"] + 1
st.markdown(page.t(".p2.lead", n=len(acts), data=page.t(f".data.{v['data']}"), depth=v["depth"], width=v["width"],
                   linears=last))
if {k: v[k] for k in G.PRESETS["tutorial"]} == G.PRESETS["tutorial"]:
    st.info(page.t(".preset.tutorial.note"), icon=":material/menu_book:")

# One explanation per way of diverging (nets that blew up at the same step the same way share it).
groups: dict = {}
for a in acts:
    div = ex.divergence.get(a)
    if div is not None:
        groups.setdefault((div.step, div.what), []).append(a)
for (step, _), members in groups.items():
    st.markdown(page.t(".diverged.which", names=", ".join(names[a] for a in members), step=step))
    page.diverged(ex.divergence[members[0]])
survivors = [names[a] for a in acts if ex.divergence.get(a) is None]
if groups and survivors:
    st.caption(page.t(".diverged.others", names=", ".join(survivors)))

cols = st.columns(len(acts))
for col, a in zip(cols, acts):
    row = summary.loc[a]
    div = ex.divergence.get(a)
    delta = (page.t(".m.stopped", step=div.step) if div is not None
             else page.t(".m.after", epoch=int(row["end_epoch"]), ratio=fmt_ratio(row["ratio_end"])))
    col.metric(page.t(".m.ratio", name=names[a], last=last), fmt_ratio(row["ratio_init"]), delta,
               delta_color="off", delta_arrow="off", help=page.t(".m.ratio.help"))
    r = row["ratio_init"]
    word = F.verdict(r)
    if word != "none":
        col.markdown(page.t(f".verdict.{word}", name=names[a], ratio=fmt_ratio(r),
                            orders=F.orders(r) if word == "vanish" else 0))


def fmt_factor(x: float) -> str:
    return "—" if not math.isfinite(x) else f"{x:.2f}"


def mech_text(key: str, a: str, **kw) -> str:
    m = mech[a]
    return page.t(key, name=names[a], back=fmt_factor(m.back), forward=fmt_factor(m.forward),
                  zeros=fmt_ratio(m.ratio["zeros"]), default=fmt_ratio(m.ratio["default"]), floor=fmt_ratio(m.floor), **kw)


# The explanation follows the numbers: F.cause reads it from the page's own nets (both biases settings).
alive = [a for a in acts if ex.divergence.get(a) is None]
floored = [a for a in alive if a in RELU_FAMILY and v["biases"] == "default" and F.cause(mech[a]) == "bias_floor"]
if floored:
    a = min(floored, key=lambda a: summary.loc[a, "ratio_init"])
    st.warning(mech_text(".relu_default", a, measured=fmt_ratio(summary.loc[a, "ratio_init"])),
               icon=":material/lightbulb:")
relus = [a for a in alive if a in RELU_FAMILY and not pd.isna(summary.loc[a, "ratio_init"])]
if relus and v["init"] in HE and F.verdict(summary.loc[relus[0], "ratio_init"]) == "ok":
    st.success(page.t(".relu_he", init=name(v["init"]), ratio=fmt_ratio(summary.loc[relus[0], "ratio_init"])),
               icon=":material/check_circle:")

st.subheader(page.t(".factors.title"), anchor=False)
st.markdown(page.t(".factors.lead"))
flbl = {k: page.t(f".lbl.{k}") for k in ("layer", "relative", "delta", "input", "wgrad")}
flbl["value"] = page.t(".lbl.measured")
fcols = st.columns(len(acts))
for col, a in zip(fcols, acts):
    m = mech[a]
    shown_table = m.table[m.table["biases"] == v["biases"]].drop(columns="biases")
    col.markdown(f"**{names[a]}**")
    page.chart(lambda: charts.factors(shown_table, flbl), shown_table, f"factors_{a}", col,
               alt=lambda: describe.activations.factors(shown_table, names[a], ui.lang()))
for a in acts:
    key = ".no_cancel" if F.cause(mech[a]) == "no_cancel" else ".factors.row"
    st.markdown(mech_text(key, a))
st.caption(page.t(".factors.shown", biases=name(v["biases"])))

st.subheader(page.t(".watch"), anchor=False)
baseline = page.t(".baseline.diabetes" if v["data"] == "diabetes" else ".baseline.bce")


def with_init(now: pd.DataFrame) -> pd.DataFrame:
    """The gradient profile at initialisation and at a snapshot (at epoch 0 the two coincide)."""
    return pd.concat([init, now.assign(stage=lbl_shown)], ignore_index=True)


def watch(epoch: int, frames: ui.Frames) -> None:
    # the table at each frame of the player: made only when a chart is built (what is sent is cached)
    snaps = functools.cache(lambda: ex.at_each(frames.steps))
    now = ex.at(frames.step)
    shown = int(now["epoch"].max()) if len(now) else 0
    profile = with_init(now)
    left, right = st.columns([5, 4])
    with left:
        page.chart(lambda: charts.grad_profile(wide([with_init(s) for s in snaps()]), names, lbl,
                                               stages=[lbl_init, lbl_shown]), profile,
                   "grad_norm_per_layer", alt=lambda: describe.activations.grad_profile(now, names, shown, ui.lang()))
        st.caption(page.t(".profile.caption"))
        zeros = int((profile["weight_grad_norm"] == 0).sum())
        if zeros:
            with page.still():
                st.caption(page.t(".zero", n=zeros))
    with right, page.still():
        st.markdown(f"**{page.t('.now.title', epoch=shown)}**")
        def now_table() -> pd.DataFrame:
            table = {now_cols["measure"]: [now_cols[k] for k in ("train", "test", "dead", "saturated")]}
            for a in acts:
                mine = now[now["activation"] == a]
                if mine.empty:
                    continue
                at_epoch = int(mine["epoch"].iloc[0])  # a diverged net stays at its last recorded epoch
                loss = ex.history[(ex.history["activation"] == a) & (ex.history["epoch"] == at_epoch)]
                hidden = mine[mine["layer"] < mine["layer"].max()]
                label = names[a] if at_epoch == shown else page.t(".now.stuck", name=names[a], epoch=at_epoch)
                table[label] = [fmt_loss(loss["train_loss"].iloc[0]), fmt_loss(loss["test_loss"].iloc[0]),
                                f"{hidden['dead_fraction'].mean():.0%}", f"{hidden['saturated_fraction'].mean():.0%}"]
            return pd.DataFrame(table)

        page.table(now_table, "now", width="stretch")
        st.caption(page.t(".now.caption"))
    page.chart(lambda: charts.unit_health(wide(snaps()), names, lbl, narrow=page.narrow), now, "unit_health",
               alt=lambda: describe.activations.unit_health(now, names, shown, ui.lang()))
    st.caption(page.t(".health.caption", thr=thr, pct=f"{thr:.0%}"))


lbl_init, lbl_shown = page.t(".lbl.init"), page.t(".lbl.shown")
init = ex.at(0).assign(stage=lbl_init)
now_cols = {k: page.t(f".now.{k}") for k in ("measure", "train", "test", "dead", "saturated")}
page.animate("view", v["epochs"], watch, unit="epoch")

st.subheader(page.t(".loss.title"), anchor=False)
page.chart(lambda: charts.losses(ex.history, names, lbl), ex.history, "losses",
           alt=lambda: describe.activations.losses(ex.history, names, ui.lang()))
st.caption(page.t(".loss.caption", baseline=baseline))

st.subheader(page.t(".heat.title"), anchor=False)
page.chart(lambda: charts.grad_heatmap(ex.layers, names, lbl, narrow=page.narrow), ex.layers, "grad_norm_by_epoch",
           alt=lambda: describe.activations.grad_heatmap(ex.layers, names, ui.lang()))
st.caption(page.t(".heat.caption"))

with st.expander(page.t(".summary"), icon=":material/table:"):
    cols = {k: page.t(f".col.{k}") for k in ("activation", "ratio_init", "ratio_end", "train", "test", "dead",
                                             "saturated", "diverged")}
    def summary_rows():
        for a in acts:
            s = summary.loc[a]
            yield {
                cols["activation"]: names[a], cols["ratio_init"]: fmt_ratio(s["ratio_init"]),
                cols["ratio_end"]: fmt_ratio(s["ratio_end"]),
                cols["train"]: f"{s['train_loss']:.4f}" if not pd.isna(s["train_loss"]) else "—",
                cols["test"]: f"{s['test_loss']:.4f}" if not pd.isna(s["test_loss"]) else "—",
                cols["dead"]: f"{s['dead_init']:.0%} → {s['dead_end']:.0%}" if not pd.isna(s["dead_init"]) else "—",
                cols["saturated"]: (f"{s['saturated_init']:.0%} → {s['saturated_end']:.0%}"
                                    if not pd.isna(s["saturated_init"]) else "—"),
                cols["diverged"]: str(int(s["diverged_at"])) if s["diverged_at"] >= 0 else page.t(".never"),
            }

    page.table(lambda: pd.DataFrame(list(summary_rows())), "summary", width="stretch")

# --- paper check: Glorot & Bengio (2010) ------------------------------------------------------------------
st.subheader(page.t(".paper.title"), anchor=False)
page.control("paper")
if v["paper"]:
    paper = glorot.PAPER
    st.markdown(page.t(".paper.lead", p_std=paper.reported["standard"], p_norm=paper.reported["normalized"]))
    gt = glorot_measure(seed=v["seed"])
    sv = glorot.mean_singular_value(gt)
    glbl = {k: page.t(f".lbl.{k}") for k in ("layer", "standard", "normalized", "activation_std", "gradient_std")}
    glbl["std"] = page.t(".lbl.spread")
    cols = st.columns(2)
    for col, i in zip(cols, glorot.INITS):
        col.metric(page.t(".paper.m", init=glbl[i]), f"{sv[i]:.2f}",
                   page.t(".paper.m.delta", value=paper.reported[i]), delta_color="off", delta_arrow="off")
    same = all(papers.agrees(sv[i], paper.reported[i]) for i in glorot.INITS)
    st.markdown(page.t(".paper.agree" if same else ".paper.differ"))
    for col, q in zip(st.columns(2), ("activation_std", "gradient_std")):
        page.chart(lambda: charts.glorot(gt, q, glbl), gt, f"glorot_{q}", col,
                   alt=describe.activations.glorot(gt, q, ui.lang()))
    fa, fg = glorot.spread_change(gt, "activation_std"), glorot.spread_change(gt, "gradient_std")
    words = {i: (page.t(f".paper.trend.{papers.trend(fa[i])}"), page.t(f".paper.trend.{papers.trend(1 / fg[i])}"))
             for i in glorot.INITS}
    st.markdown(page.t(".paper.spreads", n=int(gt["layer"].max()), a_std=words["standard"][0],
                       ra_std=f"{fa['standard']:.2f}", a_norm=words["normalized"][0], ra_norm=f"{fa['normalized']:.2f}",
                       g_std=words["standard"][1], rg_std=f"{1 / fg['standard']:.2f}", g_norm=words["normalized"][1],
                       rg_norm=f"{1 / fg['normalized']:.2f}"))
    st.caption(page.t(".paper.source", cite=paper.cite()))

page.try_this([(f".try.q{i}", f".try.a{i}") for i in range(1, 7)])

with page.why():
    st.markdown(page.t(".why.chain"))
    st.latex(page.t(".latex.chain"))
    st.markdown(page.t(".why.size"))
    st.latex(page.t(".latex.size"))
    st.markdown(page.t(".why.sigmoid"))
    st.latex(page.t(".latex.sigmoid"))
    st.markdown(page.t(".why.relu"))
    st.latex(page.t(".latex.he"))
    st.markdown(page.t(".why.dead"))
    st.markdown(page.t(".why.leaky"))
    st.latex(page.t(".latex.leaky"))
    st.markdown(page.t(".why.adam"))

page.code()
