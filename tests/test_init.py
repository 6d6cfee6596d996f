"""nnviz.init: weight statistics against theory, forward/backward statistics against a direct
computation, the well-known pictures as numbers, symmetry of a constant init, training, codegen."""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from torch import nn

from nnviz import codegen, data, models
from nnviz import init as I

RANDOM_SCHEMES = ("default", "normal", "uniform", "xavier_normal", "xavier_uniform", "kaiming_normal",
                  "kaiming_uniform", "orthogonal")


pytestmark = pytest.mark.usefixtures("one_thread")  # see conftest.one_thread


def preset(name: str, **over) -> dict:
    """A preset's settings; the probe batch is 128 to keep the tests light."""
    return {**I.SETTINGS.defaults(), "batch": 128, **I.PRESETS[name], **over}


def stats_of(v: dict, **kw):
    return I.probe(v["scheme"], v["activation"], v["depth"], v["width"], v["batch"], v["seed"], data=v["data"],
                   std=v["std"], bound=v["bound"], value=v["value"], mode=v["mode"], gain=v["gain"], **kw)


# --- weights against theory --------------------------------------------------------------------
@pytest.mark.parametrize("scheme", RANDOM_SCHEMES)
@pytest.mark.parametrize("mode", ["fan_in", "fan_out"])
def test_weight_std_matches_theory_within_sampling_error(scheme, mode):
    df = I.layer_stats(scheme, "tanh", 3, 96, batch=32, seed=3, mode=mode, gain="calculate_gain")
    for row in df.itertuples():
        n = row.fan_in * row.fan_out
        # The std of a sample std is σ/√(2n) for normal draws (less for uniform): allow 5 of those.
        tol = 5 * row.theory_weight_std / math.sqrt(2 * n)
        assert abs(row.weight_std - row.theory_weight_std) < tol, (row.layer, row.weight_std, row.theory_weight_std)


def test_theory_column_is_models_theory_weight_std_with_each_layers_fans():
    df = I.layer_stats("xavier_uniform", "relu", 2, 40, batch=32, seed=0)
    assert df[["fan_in", "fan_out"]].values.tolist() == [[64, 40], [40, 40], [40, 10]]
    for row in df.itertuples():
        # torch_default gain: a bare xavier_uniform_(w) has gain 1
        assert row.theory_weight_std == pytest.approx(math.sqrt(2 / (row.fan_in + row.fan_out)))
        assert row.theory_weight_std == pytest.approx(models.theory_weight_std("xavier_uniform", row.fan_in,
                                                                               row.fan_out, "linear"))


def test_gain_choice_torch_default_vs_calculate_gain():
    plain = I.layer_stats("kaiming_normal", "tanh", 1, 64, batch=32, seed=0)
    matched = I.layer_stats("kaiming_normal", "tanh", 1, 64, batch=32, seed=0, gain="calculate_gain")
    # kaiming_normal_(w) defaults to nonlinearity='leaky_relu', a=0: gain √2; tanh's gain is 5/3
    assert plain.theory_weight_std[0] == pytest.approx(math.sqrt(2) / 8)
    assert matched.theory_weight_std[0] == pytest.approx(5 / 3 / 8)
    xo = I.layer_stats("orthogonal", "relu", 1, 64, batch=32, seed=0, gain="calculate_gain")
    assert xo.theory_weight_std[0] == pytest.approx(math.sqrt(2) / 8)


@pytest.mark.parametrize("scheme,value", [("zeros", 0.0), ("constant", 0.3)])
def test_deterministic_schemes_have_zero_std_and_the_value(scheme, value):
    p = I.probe(scheme, "tanh", 2, 16, 32, 0, value=0.3)
    assert (p.stats.weight_std == 0).all() and (p.stats.theory_weight_std == 0).all()
    w = p.hist[(p.hist.quantity == "weight") & (p.hist["count"] > 0)]
    assert ((w.bin_start <= value) & (value <= w.bin_end)).all()
    assert p.stats.theory_activation_std.isna().all() if scheme == "constant" else True


def test_default_scheme_is_nn_linears_own_rule_on_our_generator():
    gen = torch.Generator().manual_seed(5)
    model = I.build(I.Scale("default", "relu"), [64, 32, 10], gen)
    ref = torch.Generator().manual_seed(5)
    for layer in model:
        if isinstance(layer, nn.Linear):
            w, b = torch.empty_like(layer.weight), torch.empty_like(layer.bias)
            nn.init.kaiming_uniform_(w, a=math.sqrt(5), generator=ref)
            bound = 1 / math.sqrt(layer.in_features)
            nn.init.uniform_(b, -bound, bound, generator=ref)
            assert torch.equal(layer.weight, w) and torch.equal(layer.bias, b)
            assert layer.weight.abs().max() <= bound


# --- forward and backward against a direct computation ---------------------------------------------
@pytest.mark.parametrize("act,scheme,data_kind", [("tanh", "xavier_normal", "digits"), ("relu", "kaiming_uniform", "noise"),
                                                  ("sigmoid", "normal", "digits"), ("linear", "orthogonal", "noise")])
def test_forward_and_backward_statistics_match_a_hand_built_net(act, scheme, data_kind):
    depth, width, batch, seed = 3, 48, 64, 11
    df = I.layer_stats(scheme, act, depth, width, batch=batch, seed=seed, data=data_kind, std=0.3)
    # The same net written out: nn.Sequential, torch.nn.init with one generator, layer by layer.
    gen = torch.Generator().manual_seed(seed)
    act_mod = {"tanh": nn.Tanh, "relu": nn.ReLU, "sigmoid": nn.Sigmoid, "linear": nn.Identity}[act]
    layers = []
    for n_in, n_out in zip([64] + [width] * depth, [width] * depth + [10]):
        lin = nn.Linear(n_in, n_out)
        with torch.no_grad():
            if scheme == "xavier_normal":
                nn.init.xavier_normal_(lin.weight, generator=gen)
            elif scheme == "kaiming_uniform":
                nn.init.kaiming_uniform_(lin.weight, nonlinearity="relu", generator=gen)
            elif scheme == "normal":
                nn.init.normal_(lin.weight, 0.0, 0.3, generator=gen)
            else:
                nn.init.orthogonal_(lin.weight, generator=gen)
            nn.init.zeros_(lin.bias)
        layers += [lin, act_mod()]
    net = nn.Sequential(*layers[:-1])
    if data_kind == "digits":
        X, y, _, _ = data.digits(seed)
        x, y = X[:batch], y[:batch]
    else:
        g = torch.Generator().manual_seed(seed + I.NOISE_SEED_OFFSET)
        x, y = torch.randn(batch, 64, generator=g), torch.randint(0, 10, (batch,), generator=g)
    outs, h = [], x
    for i, m in enumerate(net):
        h = m(h)
        if not isinstance(m, nn.Linear) or i == len(net) - 1:
            outs.append(h)
    nn.functional.cross_entropy(h, y).backward()
    lins = [m for m in net if isinstance(m, nn.Linear)]
    assert len(df) == depth + 1 == len(outs)
    for row, lin, out in zip(df.itertuples(), lins, outs):
        assert row.weight_std == pytest.approx(float(lin.weight.detach().double().std()), rel=1e-6)
        assert row.activation_mean == pytest.approx(float(out.detach().double().mean()), rel=1e-4, abs=1e-7)
        assert row.activation_std == pytest.approx(float(out.detach().double().std()), rel=1e-4)
        assert row.grad_std == pytest.approx(float(lin.weight.grad.double().std()), rel=1e-4)


def test_histograms_count_every_value_on_one_shared_range_per_quantity():
    p = I.probe("xavier_uniform", "tanh", 3, 32, 64, 2, bins=25)
    h = p.hist
    for (q, layer), g in h.groupby(["quantity", "layer"]):
        n_in = 64 if layer == 1 else 32
        n_out = 10 if layer == 4 else 32
        expected = 64 * 32 if q == "activation" else n_in * n_out
        assert g["count"].sum() == expected and g.fraction.sum() == pytest.approx(1.0)
        assert len(g) == 25
    assert set(h[h.quantity == "activation"].layer) == {1, 2, 3}  # hidden layers only
    for q, g in h.groupby("quantity"):
        assert g.groupby("layer").bin_start.min().nunique() == 1  # same edges for every layer
    # Against numpy on the same tensor (same seed → same weights).
    model = I.build(I.Scale("xavier_uniform", "tanh"), I.sizes(32, 3), torch.Generator().manual_seed(2))
    w2 = model[2].weight.detach().double().numpy()
    g = h[(h.quantity == "weight") & (h.layer == 2)]
    edges = np.append(g.bin_start.values, g.bin_end.values[-1])
    counts, _ = np.histogram(w2, bins=edges)
    assert np.abs(counts - g["count"].values).sum() <= 2  # edge rounding only


# --- the well-known pictures, from the real computation ---------------------------------------------
def test_tanh_small_std_collapses_activations_to_zero():
    s = stats_of(preset("tanh_small"), histograms=False).stats
    hid = s[s.kind == "hidden"]
    assert (hid.activation_std.diff().dropna() < 0).all()
    # each layer multiplies the std by about 0.01·√512 ≈ 0.23: nine layers later, 10⁻⁵ of layer 1
    assert hid.activation_std.iloc[-1] < 1e-5 * hid.activation_std.iloc[0]
    assert hid.activation_std.iloc[-1] < 1e-6


def test_tanh_large_std_saturates_at_plus_minus_one():
    s = stats_of(preset("tanh_large"), histograms=False).stats
    hid = s[s.kind == "hidden"].iloc[1:]
    assert (hid.activation_std > 0.97).all()  # |h| ≈ 1 almost everywhere
    assert (hid.flat_fraction > 0.85).all()  # φ'(z) < 0.01 for most units


def test_tanh_xavier_stays_steady_and_ends_far_above_the_small_init():
    steady = stats_of(preset("tanh_xavier"), histograms=False).stats
    hid = steady[steady.kind == "hidden"].activation_std
    assert hid.min() > 0.15 and hid.iloc[-1] / hid.iloc[0] > 0.4
    matched = stats_of(preset("tanh_xavier", gain="calculate_gain"), histograms=False).stats
    m = matched[matched.kind == "hidden"].activation_std
    assert m.iloc[-1] / m.iloc[0] > 0.8  # with tanh's gain 5/3 it holds its size through depth


def test_relu_needs_he_xavier_halves_the_signal_every_layer():
    xav = stats_of(preset("relu_xavier"), histograms=False).stats
    he = stats_of(preset("relu_he"), histograms=False).stats
    x = xav[xav.kind == "hidden"].activation_std.to_numpy()
    h = he[he.kind == "hidden"].activation_std.to_numpy()
    ratio = (x[-1] / x[0]) ** (1 / (len(x) - 1))
    assert ratio == pytest.approx(1 / math.sqrt(2), rel=0.06)  # second moment halves per layer
    assert x[-1] < 3e-3
    assert 0.5 < h[-1] / h[0] < 2


@pytest.mark.parametrize("name", ["tanh_small", "tanh_large", "tanh_xavier", "relu_he", "relu_xavier"])
def test_mean_field_theory_predicts_the_measured_activation_and_gradient_std(name):
    s = stats_of(preset(name), histograms=False).stats
    hid = s[s.kind == "hidden"]
    act_err = (hid.activation_std / hid.theory_activation_std - 1).abs()
    grad_err = (hid.act_grad_std / hid.theory_act_grad_std - 1).abs()
    # Finite width: each layer adds a few % of random error to the std, and depth compounds it.
    assert act_err.iloc[:5].max() < 0.1 and act_err.max() < 0.25, act_err.tolist()
    assert grad_err.iloc[-5:].max() < 0.1 and grad_err.max() < 0.25, grad_err.tolist()


@pytest.mark.parametrize("act", ["relu", "linear", "tanh", "sigmoid"])
def test_gauss_moments_against_closed_forms_and_monte_carlo(act):
    q = torch.tensor([1e-6, 0.3, 4.0, 400.0], dtype=torch.float64)
    m1, m2, d2 = I._gauss_moments(act, q)
    if act == "relu":
        assert m1.tolist() == pytest.approx((q / (2 * math.pi)).sqrt().tolist(), rel=1e-3)
        assert m2.tolist() == pytest.approx((q / 2).tolist(), rel=1e-3)
        assert d2.tolist() == pytest.approx([0.5] * 4, rel=1e-3)
    elif act == "linear":
        assert m2.tolist() == pytest.approx(q.tolist(), rel=1e-3)
    else:
        z = torch.randn(2_000_000, generator=torch.Generator().manual_seed(0), dtype=torch.float64)
        for i, qi in enumerate(q.tolist()):
            zz = (z * math.sqrt(qi)).requires_grad_(True)
            f = models.activation(act)(zz)
            (d,) = torch.autograd.grad(f.sum(), zz)
            assert float(m2[i]) == pytest.approx(float((f.detach() ** 2).mean()), rel=5e-3)
            assert float(d2[i]) == pytest.approx(float((d**2).mean()), rel=1e-2, abs=1e-6)


def test_overflow_is_reported_not_raised():
    p = I.probe("normal", "relu", 24, 512, 32, 0, std=3.0, data="noise", histograms=False)
    assert p.overflow is not None and 10 < p.overflow <= 25
    assert p.stats.theory_activation_std.isna().all()


# --- all schemes at a glance ----------------------------------------------------------------------
def test_scheme_table_lists_every_scheme_with_its_theory_for_each_layer_shape():
    t = I.scheme_table("tanh", 5, 128, gain="calculate_gain", std=0.3, bound=0.3, mode="fan_out")
    assert list(t.scheme) == list(models.INIT_SCHEMES)
    row = t.set_index("scheme")
    assert row.loc["xavier_normal", "std_hidden"] == pytest.approx(5 / 3 * math.sqrt(2 / 256))
    assert row.loc["kaiming_uniform", "std_output"] == pytest.approx(5 / 3 / math.sqrt(10))  # fan_out
    assert row.loc["uniform", "std_first"] == pytest.approx(0.3 / math.sqrt(3))
    assert row.loc["default", "std_first"] == pytest.approx(1 / math.sqrt(3 * 64))
    assert row.loc["xavier_normal", "gain"] == pytest.approx(5 / 3) and math.isnan(row.loc["normal", "gain"])
    assert all(t.formula.str.len() > 0) and all(t.std_formula.str.len() > 0)


# --- settings are validated --------------------------------------------------------------------
@pytest.mark.parametrize("kwargs,name", [(dict(scheme="he"), "scheme"), (dict(depth=0), "depth"),
                                         (dict(width=4096), "width"), (dict(activation="swish"), "activation"),
                                         (dict(std=float("nan")), "std")])
def test_bad_arguments_raise_a_value_error_naming_them(kwargs, name):
    args = dict(scheme="default", activation="tanh", depth=2, width=16)
    args.update({k: v for k, v in kwargs.items() if k in args})
    extra = {k: v for k, v in kwargs.items() if k not in args}
    with pytest.raises(ValueError, match=name):
        I.layer_stats(args["scheme"], args["activation"], args["depth"], args["width"], **extra)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scheme=st.sampled_from(models.INIT_SCHEMES), act=st.sampled_from(I.ACTS), depth=st.integers(1, 4),
       width=st.integers(1, 8).map(lambda k: 8 * k), seed=st.integers(0, 999_999))
def test_layer_stats_shape_and_sanity_for_any_setting(scheme, act, depth, width, seed):
    df = I.layer_stats(scheme, act, depth, width, batch=32, seed=seed)
    assert list(df.layer) == list(range(1, depth + 2))
    assert {"layer", "weight_std", "theory_weight_std", "activation_mean", "activation_std", "grad_std"} <= set(df)
    assert (df.weight_std >= 0).all() and np.isfinite(df.activation_std).all()
    if act in ("tanh", "sigmoid"):
        hid = df[df.kind == "hidden"]
        assert (hid.activation_mean.abs() <= 1).all()


# --- symmetry ----------------------------------------------------------------------------------
def test_constant_init_keeps_every_hidden_unit_identical_through_training():
    r = I.symmetry("constant", "tanh", 2, 256, 60, 0.1, 0, value=0.01)
    assert r.diverged is None
    assert (r.layers.distinct_units == 1).all() and (r.layers["rank"] == 1).all()
    assert (r.layers.act_spread == 0).all() and (r.layers.grad_spread == 0).all()
    assert (r.layers.weight_change > 1e-4).all()  # the weights did move — all together
    per_step = r.trace.groupby("step").weight
    assert (per_step.max() == per_step.min()).all()
    assert r.trace.step.max() == 60


def test_random_init_units_differ():
    r = I.symmetry("xavier_normal", "tanh", 2, 32, 20, 0.1, 0)
    assert (r.layers.distinct_units == 32).all() and (r.layers["rank"] > 16).all()
    assert (r.layers.grad_spread > 0.1).all()


def test_constant_init_gradients_equal_by_autograd():
    # Independent of nnviz's bookkeeping: all rows of ∂L/∂W₁ are equal for a constant init.
    model = I.build(I.Scale("constant", "sigmoid", value=0.05), I.sizes(16, 2), torch.Generator())
    X, y, _, _ = data.digits(0)
    nn.functional.cross_entropy(model(X[:50]), y[:50]).backward()
    g = model[0].weight.grad
    assert torch.equal(g, g[:1].expand_as(g)) and g.abs().sum() > 0


# --- does it matter for training? -------------------------------------------------------------------
def test_training_xavier_learns_where_small_normal_stays_at_ln10():
    small = I.train("normal", "tanh", 8, 64, 100, 0.1, 0, std=0.01)
    xavier = I.train("xavier_normal", "tanh", 8, 64, 100, 0.1, 0)
    assert small.final_loss == pytest.approx(math.log(10), abs=0.02)
    assert xavier.final_loss < 0.6 and xavier.test_acc > 0.8
    assert list(small.history.step) == list(range(0, 101, I.EVAL_EVERY))
    assert (small.status, xavier.status) == ("stuck", "ok")
    assert I.CHANCE_LOSS == pytest.approx(-math.log(1 / 10))  # a uniform guess over ten digits


def test_a_run_that_ends_far_above_its_start_overshot_and_a_nan_one_diverged():
    assert I.train("xavier_normal", "relu", 8, 64, 100, 2.0, 0).status == "diverged"

    def run(*losses):
        return I.TrainRun("default", pd.DataFrame({"step": range(len(losses)), "train_loss": losses,
                                                   "train_acc": 0.1, "test_acc": 0.1}), None)

    assert run(1.0, 1.6).status == "overshoot"  # 1.6 > 1.5 × 1.0
    assert run(1.0, 1.4).status == "ok"
    assert run(2.31, 2.29).status == "stuck"  # within 0.02 of ln 10 = 2.3026
    assert run(2.31, 2.28).status == "ok"


def test_training_is_reproducible_and_same_seed_means_same_batches():
    a = I.train("kaiming_normal", "relu", 3, 32, 40, 0.1, 7)
    b = I.train("kaiming_normal", "relu", 3, 32, 40, 0.1, 7)
    assert a.history.equals(b.history)
    assert torch.equal(I._batches(100, 5, 7), I._batches(100, 5, 7))


def test_huge_learning_rate_reports_divergence_with_history_so_far():
    steps = []
    r = I.train("default", "relu", 4, 64, 100, 1000.0, 0, on_step=steps.append)
    assert r.diverged is not None and r.diverged.step <= 100
    assert not math.isfinite(r.diverged.value) or abs(r.diverged.value) > 1e6
    assert len(r.history) >= 1 and r.history.train_loss.map(math.isfinite).all()
    assert steps == list(range(1, len(steps) + 1))


# --- codegen -----------------------------------------------------------------------------------
def _parse(out: str):
    rows = [line.split() for line in out.splitlines() if re.match(r"^\s+\d+\s", line)]
    final = re.search(r"final train loss (\S+)\s+test accuracy (\S+)", out)
    return rows, final.groups() if final else None


def test_generated_scripts_print_the_per_layer_std_and_final_loss_the_page_shows():
    """On a 2-thread machine (the scripts pin one thread, as the server does: issue 15), to the printed digit."""
    cases = [
        (dict(scheme="default", activation="tanh", depth=3, width=48, steps=40, data="noise", batch=64, seed=3), "en"),
        (dict(scheme="kaiming_uniform", activation="leaky_relu", depth=2, width=32, steps=20, gain="calculate_gain",
              mode="fan_out", batch=64, seed=3), "ko"),
        ({}, "en"),  # the page's defaults, as the page shows them
    ]
    values = [{**I.SETTINGS.defaults(), **over} for over, _ in cases]
    sources = [codegen.script("init", v, lang) for v, (_, lang) in zip(values, cases)]
    assert "가중치" in sources[1] and "가중치" not in sources[0]
    # One interpreter for all scripts (each is self-contained): starting Python + torch is the slow part.
    out = codegen.run("\n".join(sources), threads=2)
    blocks = out.split("layer  weight_std")[1:]
    assert len(blocks) == len(cases)
    for v, block in zip(values, blocks):
        rows, final = _parse(block)
        s = stats_of(v, histograms=False).stats
        assert len(rows) == len(s)
        for printed, row in zip(rows, s.itertuples()):
            want = [f"{row.layer:d}"] + [f"{x:.6g}" for x in (row.weight_std, row.activation_mean,
                                                               row.activation_std, row.grad_std)]
            assert printed == want  # the very digits printed
        run = I.train(v["scheme"], v["activation"], v["depth"], v["width"], v["steps"], v["lr"], v["seed"],
                      mode=v["mode"], gain=v["gain"])
        assert final == (f"{run.final_loss:.6g}", f"{run.test_acc:.6g}")


@pytest.mark.parametrize("scheme", models.INIT_SCHEMES)
def test_generated_init_lines_match_build_for_every_scheme(scheme):
    from nnviz.codegen.init import init_lines

    v = {**I.SETTINGS.defaults(), "scheme": scheme, "activation": "leaky_relu", "gain": "calculate_gain",
         "std": 0.3, "bound": 0.3, "value": 0.05, "mode": "fan_out"}
    model = I.build(I.Scale(scheme, "leaky_relu", 0.3, 0.3, 0.05, "fan_out", "calculate_gain"), [64, 24, 10],
                    torch.Generator().manual_seed(1))
    ref = models.mlp([64, 24, 10], "leaky_relu")
    namespace = {"nn": nn, "math": math, "torch": torch, "gen": torch.Generator().manual_seed(1)}
    with torch.no_grad():
        for layer in ref:
            if isinstance(layer, nn.Linear):
                namespace["layer"] = layer
                for line in init_lines(v):
                    exec(line, namespace)  # noqa: S102 - our own generated code
    for a, b in zip(model.parameters(), ref.parameters()):
        assert torch.equal(a, b)


@pytest.mark.parametrize("name,kinds", [("tanh_small", {"vanish", "grad_vanish"}), ("tanh_large", {"saturate", "grad_explode"}),
                                        ("relu_xavier", {"vanish", "grad_vanish"}), ("relu_he", {"steady"}),
                                        ("tanh_xavier", {"steady"})])
def test_diagnosis_names_the_well_known_pictures(name, kinds):
    s = stats_of(preset(name), histograms=False).stats
    assert {f.kind for f in I.diagnose(s, I.PRESETS[name]["activation"])} == kinds


def test_diagnosis_of_a_constant_init():
    s = I.layer_stats("constant", "tanh", 3, 16, batch=32)
    assert [f.kind for f in I.diagnose(s, "tanh")] == ["constant"]


def test_short_number_keeps_three_digits_and_drops_exponent_padding():
    assert [I.short_number(x) for x in (0.0455, 8.5612e-7, 12345.0, 0.0, float("nan"), -3e-12)] == \
        ["0.0455", "8.56e-7", "1.23e4", "0", "nan", "-3.00e-12"]


def test_train_many_equals_one_run_at_a_time():
    runs = (("xavier_normal", ()), ("normal", (("std", 0.3),)), ("constant", (("value", 0.01),)))
    together = I.train_many(runs, "relu", 3, 32, 30, 0.1, 4, workers=2)
    for (scheme, args), r in zip(runs, together):
        alone = I.train(scheme, "relu", 3, 32, 30, 0.1, 4, **dict(args))
        assert r.scheme == scheme and r.history.equals(alone.history)


def test_the_numbers_the_try_this_answers_quote():
    # a1: σ = 0.01 with width 512 multiplies the std by ≈ 0.01·√512 ≈ 0.23 per layer, ~1e-7 by layer 10
    small = stats_of(preset("tanh_small"), histograms=False).stats
    per_layer = (small.activation_std[9] / small.activation_std[1]) ** (1 / 8)
    assert per_layer == pytest.approx(0.01 * math.sqrt(512), rel=0.05)
    # a2: σ = 1 — about 89 % of units flat, ∂L/∂h grows ≈ ×3.5 per layer towards the input
    large = stats_of(preset("tanh_large"), histograms=False).stats
    hid = large[large.kind == "hidden"]
    assert hid.flat_fraction.iloc[1:].mean() == pytest.approx(0.89, abs=0.03)
    growth = (hid.act_grad_std.iloc[0] / hid.act_grad_std.iloc[-1]) ** (1 / 9)
    assert growth == pytest.approx(3.5, rel=0.1)
    # a3: ReLU + Xavier loses a factor of about 700 over 20 layers
    x = stats_of(preset("relu_xavier"), histograms=False).stats
    h = x[x.kind == "hidden"].activation_std
    assert 400 < h.iloc[0] / h.iloc[-1] < 1200
    # a4: PyTorch's default stays at ln 10 on a 10-layer tanh net in 100 steps, Xavier learns
    default = I.train("default", "tanh", 10, 256, 100, 0.1, 0)
    assert default.final_loss == pytest.approx(math.log(10), abs=0.02)


def test_chart_builders_give_valid_vega_lite_from_real_data():
    from nnviz.charts import init as C

    p = I.probe("xavier_normal", "tanh", 3, 16, 32, 0)
    other = I.layer_stats("normal", "tanh", 3, 16, batch=32, std=0.01)
    prof = I.profile({"X": p.stats, "N": other})
    assert set(prof.panel) == set(I.PANELS) and (prof["std"] > 0).all()
    assert set(prof[prof.panel == "activation"].layer) == {1, 2, 3}  # hidden layers only
    labels = {k: k for k in ("layer", "std", "scheme", "source", "measured", "theory", "value", "share", "count",
                             "from", "to", "step", "train_loss", "test_acc", "unit", "weight", "reference", "output")}
    labels.update({f"panel.{q}": q for q in I.PANELS}, layer_name="layer {n}")
    grid = C.depth_profile(prof, list(I.PANELS), ["X", "N"], labels).to_dict()
    assert len(grid["vconcat"]) == 2 and all(len(r["hconcat"]) == 2 for r in grid["vconcat"])
    hist = C.histograms(p.hist, "weight", labels).to_dict()
    assert hist["facet"]["sort"] == ["layer 1", "layer 2", "layer 3", "output"]
    run = I.train("xavier_normal", "tanh", 2, 16, 20, 0.1, 0)
    pair = C.training_pair(run.history.assign(scheme="X"), ["X"], labels, reference=math.log(10)).to_dict()
    assert [c["width"] for c in pair["hconcat"]] == [330, 330]
    # On a phone: one panel a row, narrower
    narrow = C.depth_profile(prof, list(I.PANELS), ["X", "N"], labels, narrow=True).to_dict()
    assert len(narrow["vconcat"]) == 4 and all(len(r["hconcat"]) == 1 for r in narrow["vconcat"])
    assert C.histograms(p.hist, "weight", labels, narrow=True).to_dict()["columns"] == 2
    stacked = C.training_pair(run.history.assign(scheme="X"), ["X"], labels, reference=1.0, narrow=True).to_dict()
    assert [r["hconcat"][0]["width"] for r in stacked["vconcat"]] == [270, 270]
    sym = I.symmetry("constant", "tanh", 2, 16, 20, 0.1, 0)
    C.symmetry_trace(sym.trace, labels, "c").to_dict()


@pytest.mark.parametrize("activation,depth,width,steps,lr,seed,runs", [
    ("tanh", 10, 256, 100, 0.1, 0, (("default", ()), ("xavier_normal", ()), ("kaiming_normal", ()))),  # the page
    ("relu", 20, 64, 40, 0.3, 9, (("kaiming_normal", (("mode", "fan_out"),)), ("default", ()), ("xavier_normal", ()))),
    ("sigmoid", 3, 8, 20, 1.0, 2, (("normal", (("std", 1.0),)), ("default", ()), ("xavier_normal", ()),
                                   ("kaiming_normal", ()))),
    # nets that stop at different steps (NaN/inf), one that goes on alone
    ("leaky_relu", 10, 256, 100, 10.0, 0, (("uniform", (("bound", 3.0),)), ("default", ()), ("xavier_normal", ()),
                                           ("kaiming_normal", ()))),
    ("linear", 10, 64, 40, 3.0, 1, (("orthogonal", (("gain", "calculate_gain"),)), ("default", ()),
                                    ("kaiming_uniform", ()))),
])
def test_train_many_stacked_equals_the_plain_loop_run_by_run(activation, depth, width, steps, lr, seed, runs):
    """The stacked path (one baddbmm per layer for every scheme) gives each run's numbers bit for bit."""
    together = I.train_many(runs, activation, depth, width, steps, lr, seed)
    for (scheme, args), r in zip(runs, together):
        alone = I.train(scheme, activation, depth, width, steps, lr, seed, **dict(args))
        assert r.scheme == scheme and r.history.equals(alone.history)
        assert repr(r.diverged) == repr(alone.diverged)  # (a NaN value is not == itself)
    if lr == 10.0:
        assert sum(r.diverged is not None for r in together) >= 2 and any(r.diverged is None for r in together)


def test_train_many_falls_back_to_one_run_at_a_time_where_a_stack_would_round_differently(monkeypatch):
    import nnviz.engine

    runs = (("default", ()), ("xavier_normal", ()))
    stacked = I.train_many(runs, "tanh", 2, 16, 20, 0.1, 3)
    monkeypatch.setattr(nnviz.engine, "bmm_exact", lambda sizes, n: False)
    calls = []
    real = I.training.train
    monkeypatch.setattr(I.training, "train", lambda *a, **k: calls.append(a) or real(*a, **k))
    alone = I.train_many(runs, "tanh", 2, 16, 20, 0.1, 3)
    assert len(calls) == 2
    assert all(a.history.equals(b.history) for a, b in zip(stacked, alone))
