"""XOR solved by an MLP: hidden units' lines, the hidden space, and how often training succeeds."""

import functools

import numpy as np
import pandas as pd
import streamlit as st

from nnviz import describe, ui
from nnviz import xor
from nnviz.frames import add_frame, frame_of, stacked, unstacked, wide
from nnviz.charts import xor as charts

ARCH = ("hidden", "layers", "activation", "optimizer", "lr", "steps")
# Grid cells and sheet lines of the views the player animates: the browser redraws every one of them
# in each frame. 25 and 11 played at 14 frames/s in headless Chromium on 2 cores; 31 cells at 13 with
# the main thread saturated.
RESOLUTION = {"n_grid": 25, "n_lines": 11}


# Heavy calls are cached by their settings, each with its progress bar inside (see ui.progress).
@ui.cached
def train(hidden, layers, activation, optimizer, lr, steps, seed, _label=""):
    with ui.progress(_label) as report:
        return xor.train(hidden, layers, activation, optimizer, lr, steps, seed, progress=report)


@ui.cached
def animation(hidden, layers, activation, optimizer, lr, steps, seed, grid: tuple[int, ...], lang: str):
    """The player's frames spread over the run (cached: the same for every step shown)."""
    run_ = train(hidden, layers, activation, optimizer, lr, steps, seed)
    anim = xor.animation(run_, grid, **RESOLUTION)
    return named(anim, run_), anim.box


@ui.cached
def diagnose(hidden, layers, activation, optimizer, lr, steps, seed):
    return xor.diagnose(train(hidden, layers, activation, optimizer, lr, steps, seed))


@ui.cached
def sweep(n_seeds, hidden, layers, activation, optimizer, lr, steps, start_seed, _label=""):
    with ui.progress(_label) as report:
        return xor.sweep(n_seeds, hidden, layers, activation, optimizer, lr, steps, start_seed, progress=report)


@ui.cached
def width_sweep(n_seeds, layers, activation, optimizer, lr, steps, start_seed, _label=""):
    with ui.progress(_label) as report:
        return xor.width_sweep(n_seeds, xor.WIDTHS, layers, activation, optimizer, lr, steps, start_seed,
                               progress=report)


page = ui.page("xor")
page.header()

with page.settings_box():
    st.caption(page.t(".presets"))
    for col, (name, values) in zip(st.columns(len(xor.PRESETS)), xor.PRESETS.items()):
        page.preset(f"xor.preset.{name}", col, **values)
    c1, c2, c3, c4 = st.columns([1.1, 0.9, 1.6, 1.1])
    page.control("hidden", c1)
    page.control("layers", c2)
    page.control("activation", c3)
    page.control("optimizer", c4)
    c1, c2, c3 = st.columns([1.4, 1.4, 1])
    page.control("lr", c1)
    page.control("steps", c2)
    page.control("seed", c3)
v = page.values
arch = {k: v[k] for k in ARCH}
shape = xor.shape(v["hidden"], v["layers"])

lbl = {n: page.t(f".lbl.{n}") for n in (
    "x1", "x2", "p", "y", "target0", "target1", "point", "unit", "units", "step", "loss", "final_loss", "seeds", "seed",
    "outcome", "from", "to", "share_solved", "rate", "solved", "ci_low", "ci_high", "median_steps", "hidden", "sheet")}
lbl["outcomes"] = {o: page.t(f".short.{o}") for o in xor.OUTCOMES}  # legends: short names
# made only when a chart that draws them is (re)built
@functools.cache
def refs() -> pd.DataFrame:
    return xor.reference_levels().assign(label=lambda d: d["code"].map(lambda c: page.t(f".ref.{c}")))


def gate_name(code: str) -> str:
    return page.t(f".gate.{code}")


def point_name(code: str) -> str:
    return f"({code[0]},{code[1]})"


# --- the one net ---------------------------------------------------------------------------------
run = train(**arch, seed=v["seed"], _label=ui.t("ui.computing"))
page.diverged(run.diverged)
final_pred = xor.predictions(run)
right = int(final_pred["correct"].sum())
outcome, solved_at = run.outcome, run.solved_at

m1, m2, m3, m4 = st.columns([1, 1.15, 0.75, 1.7])
m1.metric(page.t(".m.final_loss"), f"{run.final_loss:.4f}")
m2.metric(page.t(".m.solved_at"), f"{solved_at:,}" if solved_at is not None else page.t(".lbl.never"))
m3.metric(page.t(".m.right"), f"{right}/4")
m4.metric(page.t(".m.outcome"), page.t(f".short.{outcome}"))
if outcome == "solved":
    st.success(page.t(".verdict.solved", loss=run.final_loss, steps=run.last_step, at=f"{solved_at:,}"),
               icon=":material/check_circle:")
elif xor.is_stuck(outcome):
    st.error(page.t(".verdict.stuck", loss=run.final_loss, outcome=page.t(f".outcome.{outcome}")),
             icon=":material/block:")
elif outcome == "other":
    st.warning(page.t(".verdict.other", loss=run.final_loss, steps=run.last_step))
elif outcome == "overshoot":
    st.warning(page.t(".overshoot", start=float(run.losses[0]), end=run.final_loss, lr=v["lr"]),
               icon=":material/trending_up:")

loss_df = functools.cache(lambda: xor.loss_curve(run.losses.numpy()))


def hidden_axes(view) -> tuple[str, str]:
    if view.kind == "plane":
        return (page.t(".lbl.h1"), page.t(".lbl.h2")) if v["layers"] == 1 else (
            page.t(".lbl.h_last1"), page.t(".lbl.h_last2"))
    if view.kind == "line":
        return page.t(".lbl.h1"), page.t(".lbl.none")
    return page.t(".lbl.proj_u"), page.t(".lbl.proj_v")


def named(anim: xor.Animation, net: xor.Run) -> dict[str, pd.DataFrame]:
    """The animation's tables, each unit's line named after the gate it computes in every frame, and
    the loss curve's marker (step, loss) in every frame."""
    lines = anim.tables["lines"]
    units, gates = stacked(lines, "unit"), stacked(lines, "gate")
    pairs = {(int(u), g) for u, g in zip(units.ravel(), gates.ravel()) if pd.notna(u)}
    text = {(u, g): page.t(".lbl.unit_name", j=u, gate=gate_name(g)) for u, g in pairs}  # each name once
    names = np.array([[text[int(u), g] if pd.notna(u) else "" for u, g in zip(ur, gr)]
                      for ur, gr in zip(units, gates)], dtype=object)
    marker = wide([pd.DataFrame({"step": [s], "loss": [net.loss_at(s)]}) for s in anim.steps], ["step", "loss"])
    # only what the charts draw: every column is sent to the browser, and converting them is most of a rerun
    t = anim.tables
    unused = [c for c in t["pred"] if c.startswith("loss@")], [c for c in t["points"] if c.startswith("h")]
    return {**t, "pred": t["pred"].drop(columns=unused[0]), "points": t["points"].drop(columns=unused[1]),
            "lines": unstacked({"name": names}, lines.drop(columns=[c for c in lines if c.startswith("gate@")])),
            "marker": marker}


def render(step: int, player: ui.Frames) -> None:
    # the player's frames: those spread over the run are cached; the step shown, if another, is added
    tables, box = animation(**arch, seed=v["seed"], grid=tuple(player.grid), lang=ui.lang())
    if len(player.steps) > player.n_grid:
        extra = named(xor.animation(run, [step], box=box, **RESOLUTION), run)
        tables = {name: add_frame(t, extra[name]) for name, t in tables.items()}
    k = run.frame(step)
    pred = functools.cache(lambda: xor.predictions(run, k))  # drawn and listed only when not cached

    # 1 · input space and loss
    left, right_col = st.columns(2)
    with left:
        st.markdown(f"**{page.t('.input.title')}**")
        gates = xor.unit_gates(run, k)
        first = gates[gates["layer"] == 1].set_index("unit")["gate"]
        @functools.cache
        def lines() -> pd.DataFrame:
            at_k = xor.unit_lines(run, k, gates=gates)
            return at_k.assign(name=[page.t(".lbl.unit_name", j=u, gate=gate_name(first[u])) for u in at_k["unit"]])

        page.chart(lambda: charts.input_space(tables["image"], tables["pred"], tables["lines"], lbl),
                   lambda: {"grid": frame_of(tables["field"], player.index), "points": pred(), "unit_lines": lines()},
                   "input_space", alt=lambda: describe.xor.input_space(pred(), lines(), k, ui.lang()))
        st.caption(page.t(".input.caption"))
        if v["layers"] > 1:
            st.caption(page.t(".input.deeper", layers=v["layers"]))
    with right_col:
        st.markdown(f"**{page.t('.loss.title')}**")
        page.chart(lambda: charts.loss_curve(loss_df(), tables["marker"], refs(), lbl), loss_df, "loss",
                   alt=lambda: describe.loss_curve([*run.losses.tolist(), run.final_loss], ui.lang(), at=k))
        st.caption(page.t(".loss.caption"))

    # 2 · hidden space
    st.subheader(page.t(".hidden_space"), anchor=False)
    view = xor.hidden_view(run, k, box=box, **RESOLUTION)
    u_title, v_title = hidden_axes(view)
    moving = xor.HiddenView(view.kind, tables["points"], tables["boundary"], tables["background"], tables["sheet"],
                            view.box, view.margin, tables["background_image"])
    left, right_col = st.columns([1.15, 1])
    with left:
        page.chart(lambda: charts.hidden_space(moving, {**lbl, "u": u_title, "v": v_title}),
                   {"points": view.points, "output_line": view.boundary, "sheet": view.sheet}, "hidden_space",
                   alt=lambda: describe.xor.hidden_space(view.points, k, ui.lang()))
        with page.still():
            st.markdown(f"**{page.t('.units.title', step=f'{k:,}')}**")
            hidden_gates = gates[~gates["output"]]
            page.table(lambda: pd.DataFrame({
                page.t(".lbl.layer"): hidden_gates["layer"],
                page.t(".lbl.unit"): hidden_gates["unit"],
                page.t(".lbl.pattern"): hidden_gates["pattern"].map(lambda s: " ".join(s)),
                page.t(".lbl.gate"): hidden_gates["gate"].map(gate_name),
            }), "units", max_height=260, width="stretch")
            out_gate = gate_name(gates[gates["output"]]["gate"].iloc[0])
            if v["layers"] == 1 and view.separable:
                st.markdown(page.t(".units.story", gates=", ".join(map(gate_name, hidden_gates["gate"])), out=out_gate))
            st.caption(page.t(".units.caption"))
    with right_col:
        st.markdown(page.t(".hidden.lead"))
        st.caption(page.t({"plane": ".hidden.plane", "line": ".hidden.line"}.get(view.kind, ".hidden.projection"),
                          h=v["hidden"]))
        with page.still():
            if view.separable:
                st.success(page.t(".hidden.separable", margin=view.margin, step=f"{k:,}"), icon=":material/call_split:")
            else:
                merged = " ".join(page.t(".hidden.merged", points=", ".join(map(point_name, pts)), d=dist)
                                  for pts, dist in xor.merged_groups(xor.merged_pairs(run, k)))
                st.warning(page.t(".hidden.not_separable", merged=merged, step=f"{k:,}"), icon=":material/merge:")

    # 3 · weights and predictions
    st.subheader(page.t(".tables"), anchor=False)
    left, right_col = st.columns(2)
    with left, page.still():
        st.markdown(f"**{page.t('.pred.title', step=f'{k:,}')}**")
        page.table(lambda: pd.DataFrame({
            lbl["point"]: pred()["point"].map(point_name),
            page.t(".lbl.target"): pred()["target"],
            lbl["p"]: pred()["p"].round(4),
            page.t(".lbl.point_loss"): pred()["loss"].round(4),
            page.t(".lbl.correct"): pred()["correct"].map({True: "✓ " + page.t(".lbl.yes"),
                                                          False: "✗ " + page.t(".lbl.no")}),
        }), "predictions", width="stretch")
    with right_col, page.still():
        st.markdown(f"**{page.t('.weights.title', step=f'{k:,}')}**")
        def weights() -> pd.DataFrame:
            w = xor.weights_table(run, k)
            return pd.DataFrame({page.t(".lbl.tensor"): w["tensor"], page.t(".lbl.index"): w["index"],
                                 page.t(".lbl.value"): w["value"].round(4)})

        page.table(weights, "weights", max_height=320, width="stretch")
        st.caption(page.t(".weights.caption"))


st.subheader(page.t(".replay"), anchor=False)
page.animate("view", run.last_step, render, frames=40, fps=12)  # 40 frames: a rerun sends less

# --- 4 · why is it stuck ----------------------------------------------------------------------------
st.subheader(page.t(".stuck.title"), anchor=False)
if outcome == "solved":
    st.info(page.t(".stuck.solved", preset=ui.t("xor.preset.stuck")), icon=":material/check_circle:")
else:
    d = diagnose(**arch, seed=v["seed"])
    wrong = final_pred[~final_pred["correct"]]
    if len(wrong):
        st.markdown(page.t(".stuck.wrong", points=", ".join(map(point_name, wrong["point"])),
                           probs=", ".join(f"p = {p:.3f}" for p in wrong["p"])))
    if d.merged:
        groups = "; ".join(" ↔ ".join(map(point_name, pts)) for pts, _ in xor.merged_groups(d.merged))
        st.markdown(page.t(".stuck.merged", pairs=groups, d=max(dist for _, _, dist in d.merged)))
    if d.held_by == "dead":
        st.markdown(page.t(".stuck.dead", n=len(d.dead_units), g=d.grad_norm))
    elif d.held_by == "saturated":
        st.markdown(page.t(".stuck.saturated", slope=d.merged_slope, g=d.grad_norm))
    lam = d.hessian_eigs[0]
    st.markdown(page.t(f".stuck.{d.curvature}", n=len(d.hessian_eigs), lam=lam, g=d.grad_norm))
    with st.expander(page.t(".stuck.slopes")):
        page.table(lambda: d.slopes.rename(columns={"layer": page.t(".lbl.layer"), "unit": page.t(".lbl.unit"),
                                                    **{f"s{p}": point_name(p) for p in xor.POINT_NAMES}}),
                   "slopes", width="stretch")
        st.caption(page.t(".stuck.slopes.caption"))

# --- 5 · the seed sweep ---------------------------------------------------------------------------------
st.subheader(page.t(".sweep.title"), anchor=False)
st.markdown(page.t(".sweep.lead"))
with page.settings_box():
    c1, c2, c3 = st.columns([2, 1, 1.3], vertical_alignment="bottom")
    page.control("n_seeds", c1)
    page.control("start_seed", c2)
    page.control("compare", c3)
v = page.values
n, k_w = xor.plan_sweeps(v["hidden"], v["layers"], v["steps"], v["n_seeds"], v["compare"])
if n < v["n_seeds"]:
    st.caption(page.t(".sweep.capped", shape=shape, steps=f"{v['steps']:,}", n=n, asked=v["n_seeds"]))
sw = sweep(n, **arch, start_seed=v["start_seed"], _label=page.t(".sweep.progress", n=n))
table = sw.table
counts = sw.counts()
m1, m2, m3, m4 = st.columns(4)
m1.metric(page.t(".m.rate"), f"{sw.rate:.1%}", page.t(".m.rate.delta", k=counts["solved"], n=len(table)),
          delta_color="off", delta_arrow="off")
m2.metric(page.t(".m.stuck"), f"{sw.stuck}", f"{page.t('.m.half')}: {counts['half_ln2']}", delta_color="off",
          delta_arrow="off")
med = sw.median_steps
m3.metric(page.t(".m.median"), f"{med:,.0f}" if np.isfinite(med) else page.t(".lbl.never"))
m4.metric(page.t(".m.seconds"), page.t(".m.seconds.value", s=sw.seconds),
          page.t(".m.seconds.delta", n=f"{len(table):,}", steps=f"{v['steps']:,}"), delta_color="off", delta_arrow="off")
if counts["diverged"]:
    st.warning(page.t(".sweep.diverged", n=counts["diverged"]))

left, right_col = st.columns(2)
with left:
    st.markdown(f"**{page.t('.sweep.hist')}**")
    bins = functools.cache(lambda: xor.loss_histogram(table))
    page.chart(lambda: charts.loss_histogram(bins(), refs()[refs()["code"] != "three"], lbl),
               lambda: {"bins": bins(), "seeds": table},
               "final_losses", alt=lambda: describe.xor.final_losses(table, ui.lang()))
    st.caption(page.t(".sweep.hist.caption"))
with right_col:
    st.markdown(f"**{page.t('.sweep.when')}**")
    by_step = functools.cache(lambda: xor.solved_by_step(table, v["steps"]))
    page.chart(lambda: charts.solved_by_step(by_step(), lbl), by_step, "solved_by_step",
               alt=lambda: describe.xor.solved_by_step(by_step(), ui.lang()))
    st.caption(page.t(".sweep.when.caption"))

left, right_col = st.columns(2)
with left:
    st.markdown(f"**{page.t('.sweep.curves')}**")
    sample = functools.cache(lambda: xor.curve_sample(sw))
    page.chart(lambda: charts.sweep_curves(sample(), refs(), lbl), sample, "loss_curves",
               alt=lambda: describe.xor.sweep_curves(sample(), ui.lang()))
    st.caption(page.t(".sweep.curves.caption"))
with right_col:
    st.markdown(f"**{page.t('.widths.title')}**")
    if v["compare"] and not k_w:
        st.warning(page.t(".widths.too_heavy", shape=shape, steps=f"{v['steps']:,}"), icon=":material/hourglass:")
    elif v["compare"]:
        widths = width_sweep(k_w, v["layers"], v["activation"], v["optimizer"], v["lr"], v["steps"],
                             v["start_seed"], _label=page.t(".widths.progress", n=k_w * len(xor.WIDTHS), k=k_w))
        page.chart(lambda: charts.width_rates(widths, v["hidden"], lbl), widths, "success_by_width",
                   alt=lambda: describe.xor.width_rates(widths, ui.lang()))
        st.caption(page.t(".widths.caption", k=k_w))
    else:
        st.info(page.t(".sweep.off"), icon=":material/toggle_on:")

st.markdown(f"**{page.t('.sweep.stuck_list')}**")
stuck = table[~table["solved"]]
if not len(stuck):
    st.success(page.t(".sweep.none_stuck", n=len(table)), icon=":material/check_circle:")
else:
    seeds = stuck["seed"].astype(int).tolist()
    key = "_xor.stuck_pick"
    st.session_state[key] = v["seed"] if v["seed"] in seeds else None

    def pick() -> None:
        if st.session_state[key] is not None:
            page.set(seed=int(st.session_state[key]))

    st.pills(page.t(".sweep.pick"), seeds[:80], key=key, on_change=pick)
    page.table(lambda: pd.DataFrame({
        lbl["seed"]: stuck["seed"],
        page.t(".lbl.open"): [page.url(seed=int(s)) for s in stuck["seed"]],
        lbl["outcome"]: stuck["outcome"].map(lambda o: page.t(f".short.{o}")),
        lbl["final_loss"]: stuck["final_loss"].round(4),
        page.t(".lbl.wrong"): stuck["wrong"].map(lambda w: " ".join(point_name(p) for p in w.split())),
        **{f"p{p}": stuck[f"p{p}"].round(3) for p in xor.POINT_NAMES},
    }), "stuck", max_height=320, width="stretch", column_config={
        page.t(".lbl.open"): st.column_config.LinkColumn(display_text=page.t(".lbl.open"), width="small"),
        lbl["seed"]: st.column_config.NumberColumn(width="small", format="%d")})
    st.caption(page.t(".sweep.stuck_list.caption"))

# --- try, why, code ---------------------------------------------------------------------------------------
st.divider()
page.try_this(xor.TRY_THIS)

with page.why():
    st.markdown(page.t(".why.net"))
    st.latex(page.t(".latex.net"))
    st.markdown(page.t(".why.features"))
    st.latex(page.t(".latex.features"))
    st.markdown(page.t(".why.example"))
    st.latex(page.t(".latex.example"))
    st.markdown(page.t(".why.trained"))
    st.markdown(page.t(".why.stuck"))
    st.latex(page.t(".latex.stuck"))
    st.markdown(page.t(".why.slope"))
    st.latex(page.t(".latex.slope"))
    st.markdown(page.t(".why.hessian"))
    st.latex(page.t(".latex.hess"))
    st.markdown(page.t(".why.ln2"))

page.code()
