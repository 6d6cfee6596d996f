"""Weight initialisation: weights, activations and gradients through depth, for every torch.nn.init scheme."""

import functools
import math

import pandas as pd
import streamlit as st

from nnviz import describe
from nnviz import init as I
from nnviz import signal_floor as SF
from nnviz import ui
from nnviz.charts import BLUE, GREEN, ORANGE
from nnviz.charts import init as charts
from nnviz.models import INIT_SCHEMES, gain
from nnviz.papers import he

probe = ui.cached(I.probe)
scheme_table = ui.cached(I.scheme_table)
symmetry = ui.cached(I.symmetry)
he_signal = ui.cached(he.signal)
he_train = ui.cached(he.train)


@ui.cached
def train_many(runs: tuple, activation, depth, width, steps, lr, seed):
    return I.train_many(runs, activation, depth, width, steps, lr, seed)


page = ui.page("init", I.SETTINGS)
page.header(max_depth=I.SETTINGS["depth"].hi)

# --- presets and controls ---------------------------------------------------------------------------
with st.container(horizontal=True, vertical_alignment="center"):
    st.caption(page.t(".presets"))
    for name, values in I.PRESETS.items():
        page.preset(f"init.preset.{name}", **values)

with page.settings_box():
    c1, c2 = st.columns([1, 1.5])
    scheme = page.control("scheme", c1)
    page.control("activation", c2)
    c1, c2, c3, c4, c5 = st.columns([1.3, 1, 1, 1, 0.9])
    page.control("data", c1)
    page.control("depth", c2)
    page.control("width", c3)
    page.control("batch", c4)
    page.control("seed", c5)
    c1, c2, c3 = st.columns([1.3, 1, 1.3])
    if scheme == "normal":
        page.control("std", c1)
    elif scheme == "uniform":
        page.control("bound", c1)
    elif scheme == "constant":
        page.control("value", c1)
    elif scheme.startswith(("xavier", "kaiming")) or scheme == "orthogonal":
        page.control("gain", c1)
    if scheme.startswith("kaiming"):
        page.control("mode", c2)
    page.control("compare", c3)
v = page.values
act, depth, width = v["activation"], v["depth"], v["width"]
ACT = ui.option_label(act)


def fmt(x: float) -> str:
    return f"{x:.3g}" if math.isfinite(x) else str(x)


def short(x: float) -> str:
    """A metric value that fits a narrow column: 0.0455, 8.56e-7."""
    return I.short_number(x)


def label(s: str) -> str:
    """A scheme's display name with its own argument (σ, a, c, gain, mode)."""
    a = I.relevant(s, v)
    extra = []
    if s == "normal":
        extra.append(page.t(".arg.normal", v=fmt(a["std"])))
    elif s == "uniform":
        extra.append(page.t(".arg.uniform", v=fmt(a["bound"])))
    elif s == "constant":
        extra.append(page.t(".arg.constant", v=fmt(a["value"])))
    if a["gain"] == "calculate_gain" and (s.startswith(("xavier", "kaiming")) or s == "orthogonal"):
        extra.append(page.t(".arg.gain", v=fmt(gain(I.gain_act(s, act, "calculate_gain")))))
    if s.startswith("kaiming") and a["mode"] == "fan_out":
        extra.append(page.t(".arg.fan_out"))
    name = ui.option_label(s)
    return f"{name} ({', '.join(extra)})" if extra else name


def run_probe(s: str, histograms: bool):
    return probe(s, act, depth, width, v["batch"], v["seed"], data=v["data"], histograms=histograms,
                 **I.relevant(s, v))


schemes = [scheme] + ([r for r in I.REFERENCES if r != scheme] if v["compare"] else [])
names = {s: label(s) for s in schemes}
main = run_probe(scheme, True)
stats = {names[s]: (main if s == scheme else run_probe(s, False)).stats for s in schemes}
S = main.stats
hid = S[S.kind == "hidden"]
last = int(hid.layer.iloc[-1])

# --- the chosen scheme: formula, theory, verdict --------------------------------------------------
table = scheme_table(act, depth, width, **I.relevant(scheme, v))
row = table.set_index("scheme").loc[scheme]
st.markdown(page.t(".formula", name=names[scheme]))
st.latex(I.FORMULAS[scheme] + r"\qquad \operatorname{std}(w) = " + I.STD_FORMULAS[scheme])
note = page.t(".formula.std", w=width, first=fmt(row.std_first),
              hidden=fmt(row.std_hidden) if depth > 1 else "—", output=fmt(row.std_output))
if not math.isnan(row.gain):
    note += " " + page.t(".formula.gain", g=fmt(row.gain))
st.markdown(note)
m = st.columns(5)
m[0].metric(page.t(".m.act_first"), short(float(hid.activation_std.iloc[0])))
m[1].metric(page.t(".m.act_last", n=last), short(float(hid.activation_std.iloc[-1])))
m[2].metric(page.t(".m.grad_first"), short(float(hid.act_grad_std.iloc[0])))
m[3].metric(page.t(".m.grad_last", n=last), short(float(hid.act_grad_std.iloc[-1])))
m[4].metric(page.t(".m.flat", n=last), f"{float(hid.flat_fraction.iloc[-1]):.0%}", help=page.t(".m.flat.help"))

if main.overflow is not None:
    st.error(page.t(".overflow", layer=main.overflow), icon=":material/warning:")
else:
    for f in I.diagnose(S, act):
        kw = {k: (short(x) if isinstance(x, float) else x) for k, x in f.values.items()}
        if f.kind == "saturate":
            kw["flat"] = f"{f.values['flat']:.0%}"
        if f.kind in ("grad_vanish", "grad_explode"):
            way = f.kind.split("_")[1]
            text = page.t(".verdict.grad", how=page.t(f".verdict.grad.{way}"), ratio=kw["ratio"], n=kw["n"],
                          speed=page.t(".verdict.speed.slow") if way == "vanish" else page.t(".verdict.speed.fast"))
        else:
            text = page.t(f".verdict.{f.kind}", **kw)
        floor = SF.find(hid.activation_std.to_numpy()) if f.kind == "vanish" and scheme == "default" else None
        if floor is not None:  # the default biases stop the shrinking (issue 15): say where, from the numbers
            text += "\n\n" + page.t(".verdict.floor", factor=f"{floor.factor:.2f}", layer=floor.layer,
                                     value=short(floor.value))
            if act == "tanh":
                text += " " + page.t(".verdict.floor.tanh", closed=short(SF.tanh_default(width)), n=width)
        (st.success if f.kind == "steady" else st.info if f.kind == "constant" else st.warning)(text)

# --- through the layers ---------------------------------------------------------------------------
st.subheader(page.t(".depth.title"), anchor=False)
prof = functools.cache(lambda: I.profile(stats))  # made only when the chart or its table is (re)built
lbl = {k: page.t(f".lbl.{k}") for k in ("layer", "std", "scheme", "source", "measured", "theory", "value", "share",
                                         "count", "from", "to", "step", "train_loss", "test_acc", "unit", "weight")}
lbl.update({f"panel.{p}": page.t(f".panel.{p}") for p in I.PANELS})
order = [names[s] for s in schemes]
page.chart(lambda: charts.depth_profile(prof(), list(I.PANELS), order, lbl, narrow=page.narrow), prof, "depth",
           alt=lambda: describe.init.depth_profile(prof(), order, ui.lang()))
st.caption(page.t(".depth.caption"))
with st.expander(page.t(".depth.title") + " — " + page.t("ui.data")):
    page.table(lambda: S.round(8), "depth")

# --- histograms -------------------------------------------------------------------------------------
st.subheader(page.t(".hist.title"), anchor=False)
hl = {**lbl, "layer_name": page.t(".hist.layer"), "output": page.t(".lbl.output")}
shown_q = ("activation", "weight", "gradient")  # activations first: the well-known pictures
tabs = st.tabs([page.t(f".hist.{q}") for q in shown_q])
for tab, q, colour in zip(tabs, shown_q, (ORANGE, BLUE, GREEN)):
    with tab:
        def h(q=q):
            return main.hist[main.hist.quantity == q]

        page.chart(lambda: charts.histograms(main.hist, q, hl, color=colour, narrow=page.narrow), h, f"hist_{q}",
                   alt=lambda: describe.init.histograms(h(), q, ui.lang()))
st.caption(page.t(".hist.caption", scheme=names[scheme]))

# --- every scheme -----------------------------------------------------------------------------------
st.subheader(page.t(".table.title"), anchor=False)
page.table(lambda: pd.DataFrame({
    page.t(".col.scheme"): [label(s) for s in INIT_SCHEMES],
    page.t(".col.gain"): table.gain.map(lambda g: "—" if math.isnan(g) else f"{g:.4g}"),
    page.t(".col.first"): table.std_first.round(5),
    page.t(".col.hidden"): table.std_hidden.round(5),
    page.t(".col.output"): table.std_output.round(5),
}), "schemes", width="stretch")
st.caption(page.t(".table.caption", w=width))
with st.expander(page.t(".formulas"), icon=":material/functions:"):
    cols = st.columns(2)
    for i, s in enumerate(INIT_SCHEMES):
        with cols[i % 2]:
            st.markdown(f"**{ui.option_label(s)}** — `nn.init.{'kaiming_uniform' if s == 'default' else s}_`")
            st.latex(I.FORMULAS[s] + r"\quad\Rightarrow\quad \operatorname{std} = " + I.STD_FORMULAS[s])

# --- does it matter for training? ---------------------------------------------------------------------
st.subheader(page.t(".train.title"), anchor=False)
with page.settings_box():
    c1, c2 = st.columns(2)
    page.control("steps", c1)
    page.control("lr", c2)
v = page.values
tw = I.train_width(width)
st.markdown(page.t(".train.intro", depth=depth, tw=tw, act=ACT, lr=fmt(v["lr"]), steps=v["steps"]))
if tw < width:
    st.caption(page.t(".train.capped", tw=tw, w=width))
with st.spinner(page.t("ui.computing")):
    todo = tuple((s, tuple(sorted(I.relevant(s, v).items()))) for s in schemes)
    runs = dict(zip(schemes, train_many(todo, act, depth, width, v["steps"], v["lr"], v["seed"])))
# made only when the chart or its table is (re)built
hist = functools.cache(lambda: pd.concat([r.history.assign(scheme=names[s]) for s, r in runs.items()], ignore_index=True))
tl = {**lbl, "reference": page.t(".lbl.ln10")}
for s, r in runs.items():
    if r.diverged is not None:
        st.markdown(page.t(".train.diverged_note", scheme=names[s]))
        page.diverged(r.diverged)
tl.update({"title.train_loss": page.t(".train.loss"), "title.test_acc": page.t(".train.acc")})
page.chart(lambda: charts.training_pair(hist(), order, tl, reference=I.CHANCE_LOSS, narrow=page.narrow), hist,
           "training", alt=lambda: describe.init.training(hist(), order, ui.lang()))
st.caption(page.t(".train.caption", n=I.EVAL_TRAIN, every=I.eval_every(v["steps"])))


def status(r) -> str:
    return page.t(".train.diverged", step=r.diverged.step) if r.status == "diverged" else page.t(f".train.{r.status}")


page.table(lambda: pd.DataFrame({
    lbl["scheme"]: [names[s] for s in runs],
    page.t(".train.col.final"): [round(r.final_loss, 5) for r in runs.values()],
    page.t(".train.col.acc"): [f"{r.test_acc:.1%}" for r in runs.values()],
    page.t(".train.col.status"): [status(r) for r in runs.values()],
}), "training", width="stretch")
rose = [s for s, r in runs.items() if r.status == "overshoot"]
if rose:
    r = runs[rose[0]]
    st.warning(page.t(".train.overshoot.note", schemes=", ".join(names[s] for s in rose), lr=fmt(v["lr"]),
                      start=f"{float(r.history.train_loss.iloc[0]):.3f}", end=f"{r.final_loss:.3f}"),
               icon=":material/trending_up:")
ok = {s: r for s, r in runs.items() if r.diverged is None}
if len(ok) >= 2:
    best = min(ok, key=lambda s: ok[s].final_loss)
    worst = max(ok, key=lambda s: ok[s].final_loss)
    st.markdown(page.t(".train.best", steps=v["steps"], best=names[best], loss=f"{ok[best].final_loss:.4f}",
                       acc=f"{ok[best].test_acc:.1%}", worst=names[worst], wloss=f"{ok[worst].final_loss:.4f}",
                       wacc=f"{ok[worst].test_acc:.1%}"))

# --- symmetry --------------------------------------------------------------------------------------
st.subheader(page.t(".sym.title"), anchor=False)
other = scheme if scheme not in ("zeros", "constant") else "xavier_normal"
sym_args = dict(activation=act, depth=2, width=width, steps=v["steps"], lr=v["lr"], seed=v["seed"])
const = symmetry("constant", **sym_args, **I.relevant("constant", v))
rand = symmetry(other, **sym_args, **I.relevant(other, v))
const_name = f"{ui.option_label('constant')} ({page.t('.arg.constant', v=fmt(v['value']))})"
st.markdown(page.t(".sym.intro", value=fmt(v["value"]), units=tw, act=ACT,
                   steps=v["steps"], lr=fmt(v["lr"]), other=names.get(other, label(other))))
k = int(const.trace.unit.max())
c1, c2 = st.columns(2)
page.chart(lambda: charts.symmetry_trace(const.trace, lbl, const_name), const.trace, "symmetry_constant", container=c1,
           alt=lambda: describe.init.symmetry(const.trace, const_name, ui.lang()))
page.chart(lambda: charts.symmetry_trace(rand.trace, lbl, label(other)), rand.trace, "symmetry_random", container=c2,
           alt=lambda: describe.init.symmetry(rand.trace, label(other), ui.lang()))
st.caption(page.t(".sym.trace", k=k) + ". " + page.t(".sym.trace.caption", k=k, other=label(other)))
for r, n in ((const, const_name), (rand, label(other))):
    if r.diverged is not None:
        st.markdown(page.t(".train.diverged_note", scheme=n))
        page.diverged(r.diverged)


def sym_table() -> pd.DataFrame:
    layers = pd.concat([r.layers.assign(init=n) for r, n in ((const, const_name), (rand, label(other)))])
    return pd.DataFrame({
        page.t(".sym.col.init"): layers.init,
        page.t(".sym.col.layer"): layers.layer,
        page.t(".sym.col.distinct"): layers.distinct_units.astype(str) + " / " + layers.units.astype(str),
        page.t(".sym.col.rank"): layers["rank"],
        page.t(".sym.col.act_spread"): layers.act_spread.map(lambda x: f"{x:.3g}"),
        page.t(".sym.col.grad_spread"): layers.grad_spread.map(lambda x: f"{x:.3g}"),
        page.t(".sym.col.moved"): layers.weight_change.map(lambda x: f"{x:.3g}"),
    })


st.markdown(f"**{page.t('.sym.table', steps=v['steps'])}**")
page.table(sym_table, "symmetry", width="stretch")
st.caption(page.t(".sym.table.caption"))
if const.diverged is None:
    acc = f"{const.history.test_acc.iloc[-1]:.1%}"
    if (const.layers.distinct_units == 1).all():
        st.success(page.t(".sym.verdict.same", steps=v["steps"], units=tw, acc=acc), icon=":material/content_copy:")
    else:
        st.warning(page.t(".sym.verdict.broken", distinct=int(const.layers.distinct_units.max())))
if rand.diverged is None:
    st.info(page.t(".sym.verdict.random", other=label(other), distinct=int(rand.layers.distinct_units.min()),
                   rank=int(rand.layers["rank"].min()), acc=f"{rand.history.test_acc.iloc[-1]:.1%}"))
st.caption(page.t(".sym.zeros"))

# --- try this, why, code --------------------------------------------------------------------------------
# --- paper check: He et al. (2015) -------------------------------------------------------------------
st.subheader(page.t(".paper.title"), anchor=False)
page.control("paper")
if v["paper"]:
    paper, d30 = he.PAPER, he.PAPER.reported["depth"]
    st.markdown(page.t(".paper.lead", width=width, train_width=I.train_width(width), seed=v["seed"]))
    sig = he_signal(d30, width, v["seed"])
    hist = he_train(d30, width, 200, v["seed"])
    kept, stalled = he.kept(sig), he.stalls(hist)
    hl = {k: page.t(f".lbl.{k}") for k in ("layer", "std", "paper", "step", "loss", "chance")}
    m = st.columns(4)
    for col, var in zip(m[:2], he.SCHEMES):
        col.metric(page.t(".paper.m.kept", var=var), short(kept[var]),
                   page.t(".paper.m.delta", value=short(he.predicted(d30) if var == "1/n" else 1.0)),
                   delta_color="off", delta_arrow="off")
    for col, var in zip(m[2:], he.SCHEMES):
        col.metric(page.t(".paper.m.loss", steps=200, var=var),
                   f"{hist[hist['variance'] == var]['train_loss'].iloc[-1]:.4f}")
    c1, c2 = st.columns(2)
    layers = sig[sig["variance"] == "1/n"]["layer"]
    first = float(sig[(sig["variance"] == "1/n") & (sig["layer"] == 1)]["activation_std"].iloc[0])
    pred = pd.DataFrame({"layer": layers, "activation_std": [first * he.predicted(int(l)) for l in layers]})
    page.chart(lambda: charts.he_signal(sig, pred, hl), sig, "he_signal", c1, alt=lambda: describe.init.he_signal(sig, ui.lang()))
    page.chart(lambda: charts.he_training(hist, hl), hist, "he_training", c2, alt=lambda: describe.init.he_training(hist, ui.lang()))
    for var in he.SCHEMES:
        loss = hist[hist["variance"] == var]["train_loss"].iloc[-1]
        st.markdown(page.t(".paper.stall.yes" if stalled[var] else ".paper.stall.no", var=var, loss=f"{loss:.3f}"))
    st.caption(page.t(".paper.source", cite=paper.cite()))

page.try_this([(f".try.q{i}", f".try.a{i}") for i in range(1, 6)])

with page.why():
    st.markdown(page.t(".why.sum"))
    st.latex(page.t(".latex.sum"))
    st.markdown(page.t(".why.product"))
    st.latex(page.t(".latex.product"))
    st.markdown(page.t(".why.back"))
    st.latex(page.t(".latex.back"))
    st.markdown(page.t(".why.xavier"))
    st.latex(page.t(".latex.xavier"))
    st.markdown(page.t(".why.he"))
    st.latex(page.t(".latex.he"))
    st.markdown(page.t(".why.gain"))
    st.latex(page.t(".latex.uniform"))
    st.markdown(page.t(".why.mf"))
    st.latex(page.t(".latex.mf"))
    st.markdown(page.t(".why.rbm"))

page.code()
