"""nnviz.xor: the batched trainer against the plain nn.Sequential loop, the views, the sweep, the codegen."""

from __future__ import annotations

import dataclasses
import math
import re

import numpy as np
import pandas as pd
import pytest
import torch
from conftest import plain_training
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from nnviz import codegen, heatmap, i18n, xor
from nnviz.data import logic_gate
from nnviz.engine import Layout
from nnviz.engine.record import snap_every
from nnviz.params import ParamError
from nnviz.xor.sweep import width_batch
from tests.test_heatmap import decoded

XS, YS = logic_gate("xor")


def plain_loop(seed, hidden=2, layers=1, activation="sigmoid", optimizer="sgd", lr=1.0, steps=500):
    """The tutorial's loop, written without nnviz: returns (per-step losses, final loss, model)."""
    torch.manual_seed(seed)
    act = {"sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "relu": nn.ReLU}[activation]
    mods = [nn.Linear(2, hidden), act()]
    for _ in range(layers - 1):
        mods += [nn.Linear(hidden, hidden), act()]
    model = nn.Sequential(*mods, nn.Linear(hidden, 1), nn.Sigmoid())
    crit = nn.BCELoss()
    losses = plain_training(model, XS, YS, crit, optimizer, lr, steps)
    with torch.no_grad():
        final = crit(model(XS), YS).item()
    return losses, final, model


def first_below(losses, final, threshold=0.05):
    for k, v in enumerate(losses + [final]):
        if v < threshold:
            return k
    return None


# --- the batched program equals the plain loop ---------------------------------------------------------
CONFIGS = [
    dict(),  # the tutorial's 2-2-1, SGD lr 1
    dict(activation="tanh", hidden=3),
    dict(activation="relu", layers=2, lr=0.3),
    dict(optimizer="adam", lr=0.1),
    dict(optimizer="adam", lr=0.01, activation="tanh", hidden=4, layers=3),
]


@pytest.mark.parametrize("config", CONFIGS, ids=lambda c: ",".join(f"{k}={v}" for k, v in c.items()) or "default")
def test_seed_sweep_rows_equal_the_plain_loop(config):
    steps, seeds = 400, [0, 1, 5, 8]
    table = xor.seed_sweep(9, steps=steps, start_seed=0, **config).set_index("seed")
    for s in seeds:
        losses, final, _ = plain_loop(s, steps=steps, **config)
        row = table.loc[s]
        assert row["final_loss"] == pytest.approx(final, abs=1e-5)
        assert bool(row["solved"]) == (final < 0.05)
        k = first_below(losses, final)
        assert (math.isnan(row["steps_to_solve"]) if k is None else row["steps_to_solve"] == k)


@pytest.mark.parametrize("optimizer,lr", [("sgd", 1.0), ("adam", 0.05)])
def test_train_history_equals_the_plain_loop_step_by_step(optimizer, lr):
    losses, final, model = plain_loop(8, optimizer=optimizer, lr=lr, steps=600)
    run = xor.train(optimizer=optimizer, lr=lr, steps=600, seed=8)
    assert torch.allclose(run.losses, torch.tensor(losses), atol=1e-5, rtol=0)
    assert run.final_loss == pytest.approx(final, abs=1e-5)
    for got, want in zip(run.params(), model.parameters()):
        assert torch.allclose(got, want.detach(), atol=1e-5)
    # the weights after k updates: replaying the loop for k steps gives them
    _, _, model_k = plain_loop(8, optimizer=optimizer, lr=lr, steps=123)
    for got, want in zip(run.params(123), model_k.parameters()):
        assert torch.allclose(got, want.detach(), atol=1e-5)


def test_padded_width_batch_equals_separate_sweeps():
    """Narrow nets embedded in the widest layout (masked extra units) train exactly as alone."""
    per_seed = width_batch(6, [1, 2, 3], 1, "sigmoid", "sgd", 1.0, 300, 10)
    for h in (1, 2, 3):
        alone = xor.seed_sweep(6, hidden=h, steps=300, start_seed=10)
        got = per_seed[per_seed["hidden"] == h].reset_index(drop=True)
        assert np.allclose(got["final_loss"], alone["final_loss"], atol=1e-6)
        assert got["steps_to_solve"].equals(alone["steps_to_solve"])


def test_train_stops_at_the_first_non_finite_loss_and_keeps_the_weights_before_it(monkeypatch):
    real = Layout.initial_block

    def poisoned(*args):
        block = real(*args)
        block[0, 0] = float("inf")  # W1[0, 0]: 0·inf = NaN for the inputs with x1 = 0
        return block

    monkeypatch.setattr(Layout, "initial_block", poisoned)
    run = xor.train(steps=100, seed=0)
    assert run.diverged is not None and run.diverged.step == 0 and run.diverged.what == "loss"
    assert len(run.losses) == 0 and run.last_step == 0
    assert math.isinf(float(run.params()[0][0, 0]))  # no update was applied


# --- the key figures ---------------------------------------------------------------------------------------
def test_tutorial_net_solves_87_percent_of_the_first_200_seeds_and_the_rest_stall_at_half_ln2():
    sweep = xor.sweep(200)
    t = sweep.table
    assert int(t["solved"].sum()) == 174
    stuck = t[~t["solved"]]
    assert (stuck["outcome"] == "half_ln2").sum() == 25
    assert np.allclose(stuck.loc[stuck["outcome"] == "half_ln2", "final_loss"], math.log(2) / 2, atol=0.004)
    # every stuck seed gets exactly two points wrong, and they are two points the hidden layer merged
    assert stuck.loc[stuck["outcome"] == "half_ln2", "wrong"].str.split().map(len).eq(2).all()
    assert sweep.counts()["solved"] == 174 and sweep.rate == pytest.approx(0.87)


def test_stuck_seed_5_is_a_real_local_minimum_not_slow_training():
    run = xor.train(seed=5, steps=10_000)
    assert run.final_loss == pytest.approx(math.log(2) / 2, abs=0.002)
    assert run.losses[5000] - run.final_loss < 1e-3  # 5,000 more steps barely move it
    d = xor.diagnose(run)
    assert d.wrong == ("10", "11")
    assert [(a, b) for a, b, _ in d.merged] == [("10", "11")]
    assert d.curvature == "minimum" and d.hessian_eigs[0] > 0
    assert d.grad_norm < 1e-3
    # both hidden units are saturated at the merged inputs
    assert (d.slopes[["s10", "s11"]].to_numpy() < 1e-3).all()


def test_single_hidden_unit_never_solves_xor():
    t = xor.seed_sweep(40, hidden=1, steps=2000)
    assert not t["solved"].any()
    assert t["final_loss"].min() > 0.3


def test_diagnose_hessian_and_gradient_match_autograd_on_the_module():
    run = xor.train(seed=19, hidden=2, steps=800)
    d = xor.diagnose(run)
    model = run.model().double()
    params = list(model.parameters())
    crit = nn.BCELoss()

    def loss_of(*ps):
        out = XS.double()
        for i in range(0, len(ps), 2):
            out = torch.sigmoid(out @ ps[i].T + ps[i + 1])
        return crit(out, YS.double())

    H = torch.autograd.functional.hessian(loss_of, tuple(p.detach() for p in params))
    sizes = [p.numel() for p in params]
    full = torch.cat([torch.cat([H[i][j].reshape(sizes[i], sizes[j]) for j in range(len(params))], 1)
                      for i in range(len(params))])
    eigs = torch.linalg.eigvalsh(full)
    assert np.allclose(d.hessian_eigs, eigs.numpy(), atol=1e-9)
    ps = [p.detach().clone().requires_grad_(True) for p in params]
    g = torch.autograd.grad(loss_of(*ps), ps)
    assert d.grad_norm == pytest.approx(float(torch.cat([x.reshape(-1) for x in g]).norm()), rel=1e-9)


# --- views ------------------------------------------------------------------------------------------------------
def test_hidden_plane_is_the_hidden_units_outputs():
    run = xor.train(seed=0, steps=1500)
    model = run.model(700)
    hv = xor.hidden_view(run, 700)
    assert hv.kind == "plane"
    with torch.no_grad():
        h = model[1](model[0](XS))
        p = model(XS)[:, 0]
    assert np.allclose(hv.points[["u", "v"]].to_numpy(), h.numpy(), atol=1e-6)
    assert np.allclose(hv.points["p"], p.numpy(), atol=1e-6)
    # the black line is where the output unit's z is 0
    w, b = model[2].weight[0].detach(), float(model[2].bias.detach())
    for u, v in hv.boundary[["u", "v"]].to_numpy():
        assert abs(float(w[0]) * u + float(w[1]) * v + b) < 1e-4


def test_hidden_projection_keeps_exactly_what_the_output_uses():
    run = xor.train(seed=3, hidden=5, layers=2, steps=1500)
    hv = xor.hidden_view(run)
    assert hv.kind == "projection"
    w = run.params()[-2][0]
    # u is the signed distance to the output hyperplane, so p = σ(|w| u) and the border is u = 0
    assert np.allclose(hv.points["p"], torch.sigmoid(w.norm() * torch.tensor(hv.points["u"].to_numpy())).numpy(),
                       atol=1e-5)
    assert np.allclose(hv.boundary["u"], 0.0)
    assert run.final_loss < 0.05 and hv.margin > 0  # solved ⇒ separable in hidden space


def test_hidden_line_for_a_single_unit():
    hv = xor.hidden_view(xor.train(seed=2, hidden=1, steps=300))
    assert hv.kind == "line" and np.allclose(hv.points["v"], 0)


def test_unit_lines_lie_on_w_x_plus_b_zero_inside_the_box():
    run = xor.train(seed=0, hidden=4, steps=800)
    W, b = run.params()[:2]
    lines = xor.unit_lines(run)
    assert set(lines["unit"]) <= set(range(1, 5)) and len(lines) % 2 == 0
    for _, r in lines.iterrows():
        j = r["unit"] - 1
        assert abs(float(W[j, 0]) * r["x1"] + float(W[j, 1]) * r["x2"] + float(b[j])) < 1e-4
        assert -0.5 - 1e-9 <= r["x1"] <= 1.5 + 1e-9 and -0.5 - 1e-9 <= r["x2"] <= 1.5 + 1e-9


def _hand_run(params: list[torch.Tensor], activation="sigmoid") -> xor.Run:
    hidden = params[0].shape[0]
    layers = len(params) // 2 - 1
    vec = Layout.of(xor.sizes(hidden, layers)).pack(params)
    return xor.Run(hidden, layers, activation, "sgd", 1.0, 0, 0, torch.empty(0), (0,), vec[None], 0.0)


def test_hand_made_or_nand_and_net_is_named_as_such():
    run = _hand_run([torch.tensor([[20.0, 20.0], [-20.0, -20.0]]), torch.tensor([-10.0, 30.0]),
                     torch.tensor([[20.0, 20.0]]), torch.tensor([-30.0])])
    gates = xor.unit_gates(run)
    assert gates["gate"].tolist() == ["or", "nand", "xor"]  # the output, read over the inputs
    assert xor.predictions(run)["correct"].all()
    assert xor.diagnose(run).wrong == ()


@settings(max_examples=60, deadline=None)
@given(st.floats(-5, 5), st.floats(-5, 5), st.floats(-5, 5))
def test_clip_line_endpoints_are_on_the_line_and_in_the_box(w1, w2, b):
    box = (-0.5, 1.5, -0.5, 1.5)
    seg = xor.clip_line(w1, w2, b, box)
    assert len(seg) in (0, 2)
    for u, v in seg:
        assert abs(w1 * u + w2 * v + b) < 1e-6 * max(1.0, abs(w1), abs(w2))
        assert box[0] - 1e-9 <= u <= box[1] + 1e-9 and box[2] - 1e-9 <= v <= box[3] + 1e-9


def test_clip_line_misses_a_box_it_does_not_cross():
    assert xor.clip_line(1.0, 0.0, -5.0, (-0.5, 1.5, -0.5, 1.5)) == []  # x = 5
    assert xor.clip_line(0.0, 0.0, 1.0, (-0.5, 1.5, -0.5, 1.5)) == []  # no line at all


def test_model_and_tables_at_a_step_agree():
    run = xor.train(seed=4, steps=500)
    with torch.no_grad():
        p = run.model(250)(XS)[:, 0]
    pred = xor.predictions(run, 250)
    assert np.allclose(pred["p"], p.numpy(), atol=1e-7)
    assert pred["loss"].mean() == pytest.approx(run.loss_at(250), abs=1e-6)
    w = xor.weights_table(run, 250)
    assert list(w["tensor"].unique()) == ["0.weight", "0.bias", "2.weight", "2.bias"]
    assert w["value"].to_numpy() == pytest.approx(torch.cat([t.reshape(-1) for t in run.params(250)]).numpy())


def test_frames_snap_to_the_last_recorded_step():
    assert snap_every(9, 5000) == 1
    assert snap_every(261, 10_000) > 1
    run = xor.Run(2, 1, "sigmoid", "sgd", 1.0, 100, 0, torch.zeros(100), (0, 10, 20, 100), torch.zeros(4, 9), 0.1)
    assert [run.frame(k) for k in (0, 9, 10, 55, 100, None)] == [0, 0, 10, 20, 100, 100]


# --- summaries, settings, cost model -------------------------------------------------------------------
def test_sweep_summaries_are_consistent():
    s = xor.sweep(60, steps=1500)
    bins = xor.loss_histogram(s.table)
    assert bins["count"].sum() == 60
    assert (bins["hi"] > bins["lo"]).all()
    by_step = xor.solved_by_step(s.table, 1500)
    assert by_step["share"].is_monotonic_increasing
    assert by_step["share"].iloc[-1] == pytest.approx(s.rate)
    assert set(xor.curve_sample(s)["seed"]) <= set(s.table["seed"])
    assert list(s.table.columns[:4]) == ["seed", "final_loss", "solved", "steps_to_solve"]


def test_width_sweep_rates_and_intervals():
    w = xor.width_sweep(20, widths=(1, 2, 4), steps=1500)
    assert w["hidden"].tolist() == [1, 2, 4]
    assert w.loc[0, "rate"] == 0.0
    assert (w["ci_low"] <= w["rate"]).all() and (w["rate"] <= w["ci_high"]).all()


def test_wilson_interval_known_values():
    lo, hi = xor.wilson(0, 10)
    assert lo == 0.0 and hi == pytest.approx(1.959964**2 / (10 + 1.959964**2), rel=1e-6)
    lo, hi = xor.wilson(5, 10)
    assert lo + hi == pytest.approx(1.0)


@pytest.mark.parametrize("kwargs,name", [
    (dict(n_seeds=0), "n_seeds"), (dict(n_seeds=1001), "n_seeds"), (dict(n_seeds=2.5), "n_seeds"), (dict(n_seeds=10, activation="gelu"), "activation"),
    (dict(n_seeds=10, lr=-1.0), "lr"), (dict(n_seeds=10, steps=10**6), "steps"), (dict(n_seeds=10, hidden=11), "hidden"),
])
def test_sweep_rejects_out_of_range_arguments_by_name(kwargs, name):
    with pytest.raises(ParamError) as e:
        xor.seed_sweep(**kwargs)
    assert e.value.name == name and name in str(e.value)


def test_outcome_names():
    assert xor.outcome(0.01) == "solved"
    assert xor.outcome(0.3478) == "half_ln2"
    assert xor.outcome(0.48) == "three"
    assert xor.outcome(0.6932) == "ln2"
    assert xor.outcome(0.2) == "other"
    assert xor.outcome(19.0) == "overshoot"
    assert xor.outcome(float("nan")) == "diverged"


def test_page_can_afford_the_issue_experiment_and_caps_heavy_sweeps():
    assert xor.affordable_seeds(2, 1, 5000, xor.PAGE_SWEEP_BUDGET_S) == 1000
    heavy = xor.affordable_seeds(10, 3, 10_000, xor.PAGE_SWEEP_BUDGET_S)
    assert 10 <= heavy < 200
    assert xor.sweep_seconds(heavy, 10, 3, 10_000) <= xor.PAGE_SWEEP_BUDGET_S or heavy == 10


def test_progress_reaches_one():
    seen = []
    xor.sweep(10, steps=600, progress=seen.append)
    assert seen and seen[-1] == pytest.approx(1.0) and seen == sorted(seen)


# --- strings and code export ------------------------------------------------------------------------------
def test_every_outcome_and_gate_has_a_label_in_both_languages():
    for o in xor.OUTCOMES:
        assert i18n.has(f"xor.outcome.{o}")
    for g in xor.GATE_NAMES.values():
        assert i18n.has(f"xor.gate.{g}")
    for p in xor.SETTINGS:
        if p.name != "seed":
            assert i18n.has(f"xor.{p.name}")


@pytest.mark.parametrize("values,lang", [
    (dict(seed=5, steps=300), "en"),
    (dict(seed=2, steps=250, optimizer="adam", lr=0.1, activation="tanh", hidden=3, layers=2), "ko"),
])
def test_code_export_prints_the_pages_final_loss(values, lang):
    v = {**xor.SETTINGS.defaults(), **values}
    src = codegen.script("xor", v, lang)
    compile(src, "<xor>", "exec")
    out = codegen.run(src)
    final = float(re.search(r"final loss ([0-9.]+)", out).group(1))
    run = xor.train(**{k: v[k] for k in ("hidden", "layers", "activation", "optimizer", "lr", "steps", "seed")})
    assert final == pytest.approx(run.final_loss, abs=2e-6)
    at = re.search(r"steps to loss < 0.05: (\w+)", out).group(1)
    solved = xor.seed_sweep(10, **{k: v[k] for k in ("hidden", "layers", "activation", "optimizer", "lr", "steps")},
                          start_seed=v["seed"]).iloc[0]
    assert at == ("None" if math.isnan(solved["steps_to_solve"]) else str(int(solved["steps_to_solve"])))
    if lang == "ko":
        assert "시드" in src


def test_charts_build_from_the_library_frames():
    from nnviz.charts import xor as C

    run = xor.train(seed=5, steps=400)
    labels = {k.split(".", 2)[-1]: i18n.t(k, "en") for k in i18n.CATALOGUE if k.startswith("xor.lbl.")}
    labels["outcomes"] = {o: i18n.t(f"xor.outcome.{o}", "en") for o in xor.OUTCOMES}
    labels["u"], labels["v"] = labels["h1"], labels["h2"]
    lines = xor.unit_lines(run).assign(name=lambda d: "unit " + d["unit"].astype(str))
    refs = xor.reference_levels().assign(label=lambda d: d["code"])
    charts = [
        C.input_space(xor.decision_grid(run), xor.predictions(run), lines, labels),
        C.hidden_space(xor.hidden_view(run), labels),
        C.loss_curve(pd.DataFrame({"step": range(400), "loss": run.losses.numpy()}), 200, refs, labels),
    ]
    s = xor.sweep(30, steps=400)
    charts += [C.loss_histogram(xor.loss_histogram(s.table), refs, labels), C.solved_by_step(xor.solved_by_step(s.table, 400), labels),
               C.sweep_curves(xor.curve_sample(s), refs, labels),
               C.width_rates(xor.width_sweep(10, widths=(1, 2), steps=300), 2, labels)]
    for c in charts:
        spec = c.to_dict()
        assert "layer" in spec or "mark" in spec


def test_page_plan_keeps_the_users_n_first_and_skips_what_does_not_fit():
    assert xor.plan_sweeps(2, 1, 5000, 1000, compare=False) == (1000, 0)  # the issue's experiment, in full
    n, k = xor.plan_sweeps(2, 1, 5000, 200, compare=True)
    assert n == 200 and k >= 10
    assert xor.plan_sweeps(2, 1, 5000, 1000, compare=True) == (1000, 0)  # no time left for 8 widths
    n, k = xor.plan_sweeps(10, 3, 10_000, 1000, compare=True)
    assert n == 10 and k == 0
    for args in [(2, 1, 5000, 200, True), (4, 2, 3000, 500, True), (10, 3, 10_000, 1000, False)]:
        n, k = xor.plan_sweeps(*args)
        est = (xor.sweep_seconds(1, *args[:3]) + xor.sweep_seconds(n, *args[:3])
               + xor.sweep_seconds(k * len(xor.WIDTHS), max(xor.WIDTHS), args[1], args[2]) * (k > 0))
        assert est <= xor.PAGE_BUDGET_S or n == 10


def test_merged_pairs_join_into_groups():
    groups = xor.merged_groups([("00", "01", 0.1), ("10", "11", 0.2), ("01", "11", 0.05)])
    assert groups == [(["00", "01", "10", "11"], 0.2)]
    assert xor.merged_groups([("10", "11", 0.001)]) == [(["10", "11"], 0.001)]
    assert xor.merged_groups([]) == []


@pytest.mark.parametrize("arch", [
    dict(hidden=2, layers=1, activation="sigmoid"),
    dict(hidden=1, layers=1, activation="tanh"),
    dict(hidden=4, layers=2, activation="relu"),
])
def test_animation_frames_equal_the_single_step_views(arch):
    """The batched frames show exactly what the one-step functions compute for each step."""
    from nnviz.frames import per_frame

    run = xor.train(**arch, optimizer="sgd", lr=1.0, steps=300, seed=3)
    steps = [0, 7, 150, 300]
    anim = xor.animation(run, steps, n_grid=9, n_lines=3, n_pixels=12)
    assert anim.steps == [run.frame(s) for s in steps]
    t = {name: per_frame(df) for name, df in anim.tables.items()}
    for k, step in enumerate(anim.steps):
        pd.testing.assert_frame_equal(t["field"][k], xor.decision_grid(run, step, n=9), check_dtype=False, atol=1e-6)
        pd.testing.assert_frame_equal(t["pred"][k], xor.predictions(run, step), check_dtype=False, atol=1e-6)
        lines = t["lines"][k].dropna(subset=["x1"]).reset_index(drop=True)
        pd.testing.assert_frame_equal(lines, xor.unit_lines(run, step), check_dtype=False, atol=1e-6)
        view = xor.hidden_view(run, step, n_grid=9, n_lines=3, box=anim.box, n_pixels=12)
        assert view.kind == anim.kind
        pd.testing.assert_frame_equal(t["points"][k], view.points, check_dtype=False, atol=1e-5)
        pd.testing.assert_frame_equal(t["background"][k], view.background, check_dtype=False, atol=1e-5)
        # the images: the one-step views', and (independently decoded) the net's output at the pixel centres
        assert _close_images(t["image"][k].image[0], xor.decision_image(run, step, n_pixels=12).image[0])
        assert _close_images(t["background_image"][k].image[0], view.image.image[0])
        net = xor.build(**arch)
        net.load_state_dict(dict(zip([n for n, _ in net.named_parameters()], run.params(step))))
        with torch.no_grad():
            p = net(heatmap.pixel_centres(12))[:, 0].numpy()
        assert np.abs(decoded(t["image"][k].image[0]).astype(int) - heatmap.colours(p.reshape(12, 12))).max() <= 1
        pd.testing.assert_frame_equal(t["sheet"][k], view.sheet, check_dtype=False, atol=1e-5)
        bound = t["boundary"][k].dropna().reset_index(drop=True)
        pd.testing.assert_frame_equal(bound, view.boundary, check_dtype=False, atol=1e-5)


def test_animation_box_holds_every_frames_own_box():
    run = xor.train(hidden=3, layers=1, activation="relu", optimizer="sgd", lr=1.0, steps=200, seed=1)
    anim = xor.animation(run, [0, 50, 200], n_grid=5, n_lines=3)
    for step in anim.steps:
        own = xor.hidden_view(run, step, n_grid=5, n_lines=3).box
        assert anim.box[0] <= own[0] and anim.box[1] >= own[1] and anim.box[2] <= own[2] and anim.box[3] >= own[3]


# --- what the page shows, decided here ----------------------------------------------------------------------
def test_solved_at_is_the_plain_loops_first_step_below_the_threshold():
    for seed in (0, 5):
        run = xor.train(steps=3000, seed=seed)
        losses, final, _ = plain_loop(seed, steps=3000)
        assert run.solved_at == first_below(losses, final, xor.SOLVED_BELOW)
    assert xor.solved_at([0.7, 0.2, 0.049, 0.01], 0.01, 4) == 2
    assert xor.solved_at([0.7, 0.06], 0.049, 2) == 2  # only the final weights are below
    assert xor.solved_at([0.7, 0.3], 0.3, 2) is None


def test_the_run_outcome_is_the_library_outcome_and_overshoot_means_worse_than_ln2():
    run = xor.train(lr=100.0, steps=300)
    assert run.outcome == xor.outcome(run.final_loss) == "overshoot" and run.final_loss > xor.LN2 + xor.PLATEAU_TOL
    stuck = xor.train(seed=5)
    assert stuck.outcome == "half_ln2" and xor.is_stuck(stuck.outcome) and not xor.is_stuck("overshoot")
    assert xor.train(seed=0).outcome == "solved"


def test_diagnosis_verdicts_follow_the_hessian_and_the_slopes():
    d = xor.diagnose(xor.train(seed=5))
    assert d.curvature == "minimum" and d.hessian_eigs[0] > 0
    pts = sorted({p for a, b, _ in d.merged for p in (a, b)})
    assert pts and d.merged_slope == pytest.approx(d.slopes[[f"s{p}" for p in pts]].to_numpy().max())
    assert d.held_by == ("saturated" if d.merged_slope < 0.01 else None)
    flat = dataclasses.replace(d, hessian_eigs=(0.0, 1.0))
    assert flat.curvature == "flat"
    assert dataclasses.replace(d, hessian_eigs=(-1e-3, 1.0)).curvature == "saddle"
    assert dataclasses.replace(d, dead_units=((1, 1),)).held_by == "dead"
    relu = xor.diagnose(xor.train(activation="relu", hidden=2, lr=1.0, steps=500, seed=3))
    assert (relu.held_by == "dead") == bool(relu.dead_units)


def test_try_this_keys_and_their_names_exist_in_both_languages():
    for q, a, fmt in xor.TRY_THIS:
        for lang in i18n.LANGS:
            assert i18n.has(f"xor{q}") and i18n.has(f"xor{a}")
            assert all(i18n.has(key) for key in fmt.values())
            assert "{" not in i18n.t(f"xor{q}", lang, **{k: i18n.t(v, lang) for k, v in fmt.items()})


def test_shape_and_loss_curve():
    assert xor.shape(4, 2) == "2-4-4-1" and xor.shape() == "2-2-1"
    run = xor.train(steps=2000)
    df = xor.loss_curve(run.losses.numpy())
    assert len(df) == 800 and df["step"].iloc[0] == 0 and df["step"].iloc[-1] == 1999
    assert df["loss"].tolist() == run.losses.numpy()[df["step"]].tolist()
    assert len(xor.loss_curve(run.losses.numpy()[:10])) == 10
def _close_images(a: str, b: str) -> bool:
    """Two heat-map images whose colours differ by at most one level (float rounding between two forward passes)."""
    return int(np.abs(decoded(a).astype(int) - decoded(b).astype(int)).max()) <= 1


def test_the_hidden_view_is_separable_when_every_point_is_on_its_side():
    solved = xor.hidden_view(xor.train(steps=3000, seed=0))
    stuck = xor.hidden_view(xor.train(steps=3000, seed=5))  # the README's local minimum
    assert solved.separable and solved.margin > 0 and solved.points["correct"].all()
    assert not stuck.separable and not stuck.points["correct"].all()


# What each preset button shows (the Try-this answers rely on it): seed 5 stuck with two points merged, four
# units freeing it, and Adam at lr 0.1 (46 % of seeds solve, per the sweep) stuck on seed 0 with three merged.
@pytest.mark.parametrize(("name", "outcome"), [("classic", "solved"), ("stuck", "half_ln2"), ("wide", "solved"),
                                               ("adam", "three"), ("deep", "solved")])
def test_each_preset_is_a_valid_view_that_shows_what_it_is_there_for(name, outcome):
    values = xor.PRESETS[name]
    checked = xor.SETTINGS.check(**values)  # every value within its setting's bounds, unchanged
    assert {k: checked[k] for k in values} == values
    assert xor.train(**values).outcome == outcome
