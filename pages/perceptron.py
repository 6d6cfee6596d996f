"""Perceptron limits: one neuron learns AND, OR, NAND — and never XOR."""

import pandas as pd
import streamlit as st

from nnviz import perceptron as P
from nnviz import describe, ui
from nnviz.frames import wide
from nnviz.charts import perceptron as charts
from nnviz.data import GATES, logic_gate

train_gates = ui.cached(P.train_gates)
rosenblatt = ui.cached(P.rosenblatt)
xor_floor = ui.cached(P.xor_floor)

page = ui.page("perceptron", P.SETTINGS)
page.header()

with page.settings_box():
    c1, c2 = st.columns([1, 1.4])
    gate = page.control("gate", c1)
    mode = page.control("mode", c2)
    c1, c2, c3, c4 = st.columns([1.3, 1.3, 1.3, 1])
    if mode == "gd":
        page.control("loss", c1)
    page.control("lr", c2)
    page.control("steps" if mode == "gd" else "epochs", c3)
    page.control("seed", c4)
v = page.values
GATE = gate.upper()
lbl = {k: page.t(f".lbl.{k}") for k in ("x1", "x2", "p", "y", "target0", "target1", "step", "loss", "gate",
                                         "epoch", "mistakes", "lr", "seed")}


def truth_table() -> None:
    X, y = logic_gate(gate)
    st.markdown(f"**{page.t('.truth', gate=GATE)}**")
    page.table(lambda: pd.DataFrame({"x₁": X[:, 0].int(), "x₂": X[:, 1].int(), "y": y[:, 0].int()}), "truth")


def predictions(weight, bias, step: int, activation: str) -> None:
    X, _ = logic_gate(gate)
    z = X @ weight + bias
    p = P.step_fn(z) if activation == "step" else z.sigmoid()
    pts = P.points(gate, p)
    st.markdown(f"**{page.t('.probs', step=step)}**")
    page.table(lambda: pd.DataFrame({
        "x₁": pts.x1.astype(int), "x₂": pts.x2.astype(int), lbl["y"]: pts.y,
        lbl["p"]: pts.p.round(4),
        page.t(".lbl.correct"): pts.correct.map({True: "✓ " + page.t(".lbl.yes"), False: "✗ " + page.t(".lbl.no")}),
    }), "predictions")


def line_equation(weight, bias, step: int) -> None:
    w1, w2, b = float(weight[0]), float(weight[1]), float(bias)
    st.markdown(page.t(".equation", step=step))
    st.latex(rf"{w1:+.3f}\,x_1 {w2:+.3f}\,x_2 {b:+.3f} = 0")


def boundary_view(weights, biases, frames: ui.Frames, activation: str) -> None:
    """The unit's output and line at every frame of the player."""
    act = "sigmoid" if activation == "sigmoid" else "step"
    w, b = weights[frames.step], float(biases[frames.step])
    labels = {**lbl, "p": lbl["p"] if activation == "sigmoid" else page.t(".lbl.step_out")}

    def chart():
        moving = P.animation(weights, biases, frames.steps, gate, act)
        return charts.boundary(moving["image"], moving["points"], moving["line"], labels)

    # the step shown, for the data table
    page.chart(chart, lambda: {"grid": P.grid(w, b, activation=act), "line": P.boundary(w, b)}, "boundary",
               alt=lambda: describe.perceptron.boundary(gate, w, b, frames.step, act, ui.lang(),
                                                        "step" if activation == "sigmoid" else "update"))
    st.caption(page.t(".boundary.caption" if activation == "sigmoid" else ".boundary.caption_step"))
    if not len(P.boundary(w, b)):
        st.caption(page.t(".no_line"))


# --- sigmoid + gradient descent -----------------------------------------------------------------
if mode == "gd":
    runs = train_gates(GATES, steps=v["steps"], lr=v["lr"], seed=v["seed"], loss=v["loss"])
    run = runs[gate]
    plateau = P.PLATEAU[v["loss"]]
    lbl["plateau"] = page.t(f".lbl.plateau.{v['loss']}")
    page.diverged(run.diverged)
    n_steps = len(run.weights) - 1

    right = int(P.points(gate, run.probs()).correct.sum())
    m1, m2, m3 = st.columns(3)
    m1.metric(page.t(".m.final_loss"), f"{run.final_loss:.4f}")
    m2.metric(page.t(".m.plateau"), f"{plateau:.4f}")
    m3.metric(page.t(".m.right"), f"{right}/4")
    verdict = P.verdict(run)
    if verdict == "learned":
        st.success(page.t(".verdict.learned", gate=GATE, loss=run.final_loss), icon=":material/check_circle:")
    elif verdict == "stuck":
        st.error(page.t(".verdict.stuck", gate=GATE, loss=run.final_loss, plateau=plateau), icon=":material/block:")
    else:
        st.warning(page.t(".verdict.partial", right=right, steps=v["steps"], loss=run.final_loss))
    if P.overshot(run):
        st.warning(page.t(".overshoot", start=float(run.losses[0]), end=run.final_loss, lr=v["lr"]))

    st.subheader(page.t(".watch"), anchor=False)

    def watch(step: int, frames: ui.Frames) -> None:
        left, right_col = st.columns(2)
        with left:
            boundary_view(run.weights, run.biases, frames, "sigmoid")
        with right_col:
            def loss_chart():
                marker = wide([pd.DataFrame({"step": [s], "loss": [run.loss_at(s)]}) for s in frames.steps],
                              ["step", "loss"])
                return charts.loss_curves(P.history_frame({gate: run}, max_points=600), plateau, marker, lbl)

            page.chart(loss_chart, lambda: P.history_frame({gate: run}), "loss",
                       alt=lambda: describe.loss_curve([*run.losses.tolist(), run.final_loss], ui.lang(), at=step))
            st.caption(page.t(".loss.caption"))
            with page.still():
                predictions(run.weights[step], run.biases[step], step, "sigmoid")
        with page.still():
            line_equation(run.weights[step], run.biases[step], step)

    page.animate("view", n_steps, watch)

    st.subheader(page.t(".weights"), anchor=False)
    w1, w2, b = float(run.weight[0]), float(run.weight[1]), run.bias
    a, c = abs(w1), abs(w2)
    verdict = page.t(f".meaning.{P.which_input(w1, w2)}")
    weights = pd.DataFrame({
        lbl_col: vals for lbl_col, vals in zip(
            (page.t(".lbl.param"), page.t(".lbl.value"), page.t(".lbl.meaning")),
            (["w₁", "w₂", "b"], [round(w1, 4), round(w2, 4), round(b, 4)],
             [page.t(".meaning.w", i=1, w=w1, odds=P.odds_factor(w1)),
              page.t(".meaning.w", i=2, w=w2, odds=P.odds_factor(w2)),
              page.t(".meaning.b", p=P.output_at_zero(b))]),
        )
    })
    t1, t2 = st.columns([1, 3])
    with t1:
        truth_table()
    with t2:
        st.table(weights, hide_index=True)
        st.markdown(page.t(".meaning.which", a=a, b=c, verdict=verdict))

    st.subheader(page.t(".all"), anchor=False)
    page.chart(lambda: charts.loss_curves(P.history_frame(runs, max_points=600), plateau, None, lbl),
               lambda: P.history_frame(runs), "all_gates",
               alt=lambda: describe.perceptron.all_gates(runs, plateau, ui.lang()))
    st.caption(page.t(".all.caption", seed=v["seed"]))

    st.subheader(page.t(".floor"), anchor=False)
    floor = xor_floor(range(20), P.LEARNING_RATES, steps=v["steps"], loss=v["loss"])
    page.chart(lambda: charts.floor(floor, plateau, lbl), floor, "xor_floor",
               alt=lambda: describe.perceptron.floor(floor, plateau, ui.lang()))
    st.caption(page.t(".floor.caption", steps=v["steps"], n=len(floor), min=floor.final_loss.min(), plateau=plateau))

# --- Rosenblatt's perceptron rule -----------------------------------------------------------------
else:
    rb = rosenblatt(gate, epochs=v["epochs"], lr=v["lr"], seed=v["seed"])
    n_updates = len(rb.weights) - 1
    m1, m2 = st.columns(2)
    m1.metric(page.t(".m.converged"), rb.converged_epoch or page.t(".lbl.never"))
    m2.metric(page.t(".lbl.mistakes"), int(rb.mistakes[-1]))
    if rb.converged_epoch:
        st.success(page.t(".rb.converged", epoch=rb.converged_epoch), icon=":material/check_circle:")
    else:
        st.error(page.t(".rb.never", m=int(rb.mistakes[-1]), epochs=v["epochs"]), icon=":material/block:")

    st.subheader(page.t(".watch"), anchor=False)
    lbl["step"] = page.t(".lbl.update")

    def watch_rb(step: int, frames: ui.Frames) -> None:
        left, right_col = st.columns(2)
        with left:
            boundary_view(rb.weights, rb.biases, frames, "step")
        with right_col:
            df = pd.DataFrame({"epoch": range(1, len(rb.mistakes) + 1), "mistakes": rb.mistakes.numpy()})
            page.chart(lambda: charts.mistakes(df, lbl), df, "mistakes",
                       alt=lambda: describe.perceptron.mistakes(rb.mistakes.tolist(), ui.lang()))
            with page.still():
                predictions(rb.weights[step], rb.biases[step], step, "step")
        with page.still():
            line_equation(rb.weights[step], rb.biases[step], step)

    page.animate("view", n_updates, watch_rb)

    st.subheader(page.t(".rb.all"), anchor=False)
    def every_gate() -> pd.DataFrame:
        rows = []
        for g in GATES:
            r = rosenblatt(g, epochs=v["epochs"], lr=v["lr"], seed=v["seed"])
            rows.append({lbl["gate"]: g.upper(), page.t(".lbl.converged"): r.converged_epoch or page.t(".lbl.never"),
                         lbl["mistakes"]: " ".join(map(str, r.mistakes.tolist()[:30]))})
        return pd.DataFrame(rows).astype(str)

    page.table(every_gate, "every_gate", width="stretch")
    truth_table()

page.try_this([(f".try.q{i}", f".try.a{i}") for i in range(1, 5)])

with page.why():
    st.markdown(page.t(".why.unit"))
    st.latex(page.t(".latex.unit"))
    st.markdown(page.t(".why.line"))
    st.latex(page.t(".latex.xor"))
    st.markdown(page.t(".why.contradiction"))
    st.latex(page.t(".latex.sum"))
    st.markdown(page.t(".why.ln2"))
    st.latex(page.t(".latex.bce"))
    st.markdown(page.t(".why.mse"))

page.code()
