"""nnviz.dropout against the real nn.Dropout, closed forms and hand-rolled forward passes; and its code export."""

from __future__ import annotations

import math
import re

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from nnviz import codegen
from nnviz import dropout as D
from nnviz.models import mlp

P_VALUES = [round(0.05 * i, 2) for i in range(20)]  # every p the page's slider offers
P_POSITIVE = [p for p in P_VALUES if p > 0]


@pytest.fixture(scope="module")
def default_run():
    return D.overfit_experiment()  # the tutorial: 1-512-1, Dropout(0.8), Adam 0.001, 1000 epochs, seed 1


# --- one layer --------------------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(p=st.sampled_from(P_POSITIVE), seed=st.integers(0, 999_999), kind=st.sampled_from(D.INPUT_KINDS))
def test_kept_units_are_scaled_by_exactly_one_over_one_minus_p(p, seed, kind):
    x = D.input_values(kind, seed=seed)
    demo = D.mask_demo(x, p, seed)
    kept = demo.mask & (x != 0)
    ratio = demo.output[kept] / x[kept]
    # float32 products: exact up to one rounding of 1/(1−p) and one of the product
    torch.testing.assert_close(ratio, torch.full_like(ratio, 1 / (1 - p)), rtol=3e-7, atol=0)
    assert torch.equal(demo.output[~demo.mask], torch.zeros(int((~demo.mask).sum())))
    assert demo.scale == pytest.approx(1 / (1 - p), rel=1e-12)


@settings(max_examples=25, deadline=None)
@given(p=st.sampled_from(P_VALUES), seed=st.integers(0, 999_999))
def test_mask_demo_is_the_real_nn_dropout(p, seed):
    x = D.input_values("randn", seed=seed)
    torch.manual_seed(seed)
    expected = nn.Dropout(p)(x)  # an independent call of PyTorch's layer with the same seed
    demo = D.mask_demo(x, p, seed)
    assert torch.equal(demo.output, expected)


def test_mask_is_read_back_where_the_input_is_zero():
    zeros = torch.zeros(256)
    demo = D.mask_demo(zeros, 0.5, 7)
    assert torch.equal(demo.output, zeros)  # a kept 0 is still 0 ...
    ones = D.mask_demo(torch.ones(256), 0.5, 7)
    assert torch.equal(demo.mask, ones.mask)  # ... but the mask is the one nn.Dropout drew
    assert 0.3 < demo.kept_share < 0.7
    ramp = D.mask_demo(D.input_values("ramp"), 0.5, 7)  # unit 0 of the ramp is 0
    assert torch.equal(ramp.mask, ones.mask)


@settings(max_examples=30, deadline=None)
@given(p=st.sampled_from(P_VALUES), seed=st.integers(0, 999_999))
def test_kept_share_of_one_mask_is_within_sampling_error_of_one_minus_p(p, seed):
    demo = D.mask_demo(torch.ones(256), p, seed)
    se = math.sqrt(p * (1 - p) / 256)
    assert demo.kept_share_se == pytest.approx(se)
    assert abs(demo.kept_share - (1 - p)) <= 4.5 * se + 1e-12  # P(fail) < 1e-5 per draw


@pytest.mark.parametrize("p", [0.05, 0.5, 0.8, 0.95])
def test_kept_share_over_many_masks_is_within_sampling_error(p):
    e = D.expectation(D.input_values("ones"), p, masks=2000, seed=3)
    assert e.kept_share_se == pytest.approx(math.sqrt(p * (1 - p) / (2000 * 256)))
    assert abs(e.kept_share - (1 - p)) <= 4 * e.kept_share_se
    assert len(e.shares) == 2000 and e.shares["kept_share"].between(0, 1).all()


@pytest.mark.parametrize("kind", ["ramp", "randn"])
def test_mean_over_masks_equals_the_input_within_sampling_error(kind):
    x = D.input_values(kind, seed=5)
    p, k = 0.8, 1000
    e = D.expectation(x, p, masks=k, seed=11)
    u = e.units
    # the closed-form sampling error |x|·√(p/((1−p)k)) ...
    assert u["se"].to_numpy() == pytest.approx((x.abs().double() * math.sqrt(p / ((1 - p) * k))).numpy())
    # ... agrees with the spread actually seen across the masks (per-unit sd ≈ |x|·√(p/(1−p)))
    nz = x != 0
    ratio = u["sd"].to_numpy()[nz.numpy()] / (x[nz].abs().double().numpy() * math.sqrt(p / (1 - p)))
    assert 0.9 < ratio.mean() < 1.1
    # z-scores behave like N(0, 1): mean square ≈ 1, about 95 % within ±2
    assert 0.75 < float((u["z"][nz.numpy()] ** 2).mean()) < 1.3
    assert e.within_2se > 0.9
    assert e.max_abs_z < 5
    assert e.mean_se == pytest.approx(math.sqrt(float((u["se"] ** 2).sum())) / 256)
    assert abs(e.mean_output - e.mean_input) < 4 * e.mean_se
    assert float(u.loc[~nz.numpy(), "mean"].abs().max() if (~nz).any() else 0.0) == 0.0  # zero in, zero out


@settings(max_examples=30, deadline=None)
@given(values=st.lists(st.floats(-1e6, 1e6, width=32), min_size=1, max_size=300),
       p=st.sampled_from(P_VALUES), seed=st.integers(0, 999_999))
def test_eval_mode_is_the_identity(values, p, seed):
    x = torch.tensor(values, dtype=torch.float32)
    assert torch.equal(D.mask_demo(x, p, seed).eval_output, x)


def test_train_mode_outputs_differ_between_calls_and_eval_mode_outputs_do_not():
    x = D.input_values("ramp")
    outs = [D.mask_demo(x, 0.5, D.mask_seed(1, draw)).output for draw in range(5)]
    assert all(not torch.equal(a, b) for i, a in enumerate(outs) for b in outs[i + 1:])
    evals = [D.mask_demo(x, 0.5, D.mask_seed(1, draw)).eval_output for draw in range(5)]
    assert all(torch.equal(e, x) for e in evals)
    # the same draw number gives the same mask: a link reproduces the view
    assert torch.equal(D.mask_demo(x, 0.5, D.mask_seed(1, 3)).mask, D.mask_demo(x, 0.5, D.mask_seed(1, 3)).mask)


def test_the_callers_random_state_is_left_alone():
    torch.manual_seed(123)
    before = torch.get_rng_state()
    D.mask_demo(torch.ones(256), 0.8, 5)
    D.expectation(torch.ones(256), 0.8, 50, 5)
    D.thinning_demo(0.5, 1)
    assert torch.equal(torch.get_rng_state(), before)


def test_mask_seed_is_distinct_for_every_seed_and_draw():
    seen = {D.mask_seed(s, d) for s in (0, 1, 2, 999_999) for d in (0, 1, 999)}
    assert len(seen) == 12


# --- the thinned networks ---------------------------------------------------------------------------


@pytest.mark.parametrize("p", [0.0, 0.5, 0.8])
def test_thinning_masks_reproduce_every_forward_pass(p):
    th = D.thinning_demo(p, seed=4, passes=5, x=(0.5, -0.5))
    torch.manual_seed(4)
    ref = mlp(D.THIN_SIZES, "relu", dropout=0.0)  # same construction order → same weights
    l1, l2, l3 = [m for m in ref if isinstance(m, nn.Linear)]
    x = torch.tensor([0.5, -0.5])
    with torch.no_grad():
        for k in range(5):
            n = th.nodes[th.nodes["pass"] == k]
            m1 = torch.tensor(n[n.layer == 1].kept.to_numpy(), dtype=torch.float32)
            m2 = torch.tensor(n[n.layer == 2].kept.to_numpy(), dtype=torch.float32)
            scale = 1 / (1 - p)
            h1 = torch.relu(l1(x)) * m1 * scale
            h2 = torch.relu(l2(h1)) * m2 * scale
            out = float(l3(h2))
            assert th.outputs.loc[k, "output"] == pytest.approx(out, rel=1e-5, abs=1e-6)
            assert th.outputs.loc[k, "kept"] == int(m1.sum() + m2.sum())
            assert n[n.layer == 1].value.to_numpy() == pytest.approx(h1.numpy(), rel=1e-5, abs=1e-6)
        full = float(l3(torch.relu(l2(torch.relu(l1(x))))))
    assert th.eval_output == pytest.approx(full, rel=1e-5, abs=1e-6)
    assert th.bias == float(l3.bias.detach())
    if p == 0:
        assert th.nodes["kept"].all()


def test_thinning_draws_a_different_network_each_pass():
    th = D.thinning_demo(0.5, seed=1, passes=4)
    masks = [tuple(th.nodes[(th.nodes["pass"] == k) & th.nodes.layer.isin([1, 2])].kept) for k in range(4)]
    assert len(set(masks)) == 4
    edges = th.edges[th.edges["pass"] == 0]
    assert len(edges) == 2 * 8 + 8 * 8 + 8 * 1
    nodes = th.nodes[th.nodes["pass"] == 0].set_index(["layer", "unit"])
    for e in edges.itertuples():  # an edge carries signal iff both of its ends were kept
        assert e.active == (nodes.loc[(e.layer, e.src), "kept"] and nodes.loc[(e.layer + 1, e.dst), "kept"])


# --- overfitting pure noise --------------------------------------------------------------------------


def test_plain_net_memorises_noise_at_the_tutorial_settings(default_run):
    f = default_run.final
    assert f.loc["plain", "train"] < 0.75 * f.loc["plain", "test"]  # train far below test
    assert f.loc["plain", "train"] < default_run.reference["train"] - 0.1  # below even the truth y = 0


def test_dropout_narrows_the_generalisation_gap(default_run):
    f = default_run.final
    assert f.loc["plain", "gap"] > 0.3
    assert f.loc["dropout", "gap"] < f.loc["plain", "gap"] / 3
    assert f.loc["dropout", "test"] < f.loc["plain", "test"]


def test_final_losses_match_the_returned_models(default_run):
    from nnviz.data import noise_regression

    xtr, ytr, xte, yte = noise_regression(100, 1.0, 1)
    assert len(xtr) == 80 and len(xte) == 20  # the tutorial's 8:2 split
    assert default_run.reference["test"] == pytest.approx(float((yte**2).mean()))
    with torch.no_grad():
        for which in D.MODELS:
            net = default_run.model(which)
            assert not net.training
            final = default_run.final.loc[which]
            assert float(((net(xtr) - ytr) ** 2).mean()) == pytest.approx(final["train"], rel=1e-6)
            assert float(((net(xte) - yte) ** 2).mean()) == pytest.approx(final["test"], rel=1e-6)
    assert default_run.model("dropout") is not default_run.model("dropout")  # fresh copies, never shared


def test_both_nets_start_from_the_same_weights_and_history_is_complete(default_run):
    h = default_run.history
    first = h[(h.epoch == 0) & (h.split == "train")].set_index("model").loss
    assert first["plain"] == first["dropout"]  # same init → same eval-mode loss before training
    for which in D.MODELS:
        obj = h[(h.model == which) & (h.split == "objective")]
        assert list(obj.epoch) == list(range(1000))
        test = h[(h.model == which) & (h.split == "test")]
        assert test.epoch.iloc[0] == 0 and test.epoch.iloc[-1] == 1000
    plain = h[h.model == "plain"]
    # without dropout the optimizer's loss is the train loss itself, one step earlier in the record
    obj = plain[plain.split == "objective"].set_index("epoch").loss
    tr = plain[plain.split == "train"].set_index("epoch").loss
    common = tr.index.intersection(obj.index)
    assert obj[common].to_numpy() == pytest.approx(tr[common].to_numpy(), rel=1e-5)


def test_band_mean_equals_the_eval_curve_within_sampling_error(default_run):
    c, k = default_run.curves, default_run.band_masks
    # Dropout sits just before the output Linear, so E[train-mode output] = eval-mode output exactly.
    z = (c.band_mean - c.dropout).abs() / (c.band_sd / math.sqrt(k))
    assert float(z.max()) < 4.5
    assert (c.band_lo <= c.band_hi).all()
    assert float((c.train_once - c.dropout).abs().max()) > 0.05  # one train-mode pass is visibly off


def test_forgot_eval_train_mode_predictions_differ_eval_mode_ones_do_not(default_run):
    presses = D.forgot_eval(default_run, x=0.5, presses=6, seed=1)
    train = presses[presses["mode"] == "train"].prediction
    ev = presses[presses["mode"] == "eval"].prediction
    assert train.nunique() == 6
    assert ev.nunique() == 1
    with torch.no_grad():
        assert ev.iloc[0] == pytest.approx(float(default_run.model("dropout")(torch.tensor([[0.5]]))), rel=1e-6)
    again = D.forgot_eval(default_run, x=0.5, presses=6, seed=1)
    assert again.equals(presses)  # seeded: the same presses give the same answers


def test_p_zero_makes_the_two_nets_identical():
    r = D.overfit_experiment(n=40, hidden=8, p=0.0, epochs=100)
    assert r.final.loc["plain"].tolist() == r.final.loc["dropout"].tolist()


def test_sgd_with_a_huge_learning_rate_stops_at_the_first_non_finite_loss():
    r = D.overfit_experiment(n=40, hidden=64, optimizer="sgd", lr=10.0, epochs=200)
    div = r.divergence["plain"]
    assert div is not None and div.what in ("loss", "grad") and 0 < div.step < 200
    obj = r.history[(r.history.model == "plain") & (r.history.split == "objective")]
    assert len(obj) == div.step and obj.loss.map(math.isfinite).all()
    assert r.diverged == div


@pytest.mark.parametrize("bad, name", [
    (dict(hidden=1024), "hidden"), (dict(p=1.0), "p"), (dict(lr=20.0), "lr"), (dict(epochs=5000), "epochs"),
    (dict(n=10), "n"), (dict(optimizer="rmsprop"), "optimizer"), (dict(noise=float("nan")), "noise"),
])
def test_arguments_outside_the_settings_table_are_rejected_by_name(bad, name):
    with pytest.raises(ValueError, match=rf"^{name} must"):
        D.overfit_experiment(**bad)


def test_mask_demo_rejects_bad_arguments():
    with pytest.raises(ValueError, match="^p must"):
        D.mask_demo(torch.ones(4), 1.0, 0)
    with pytest.raises(ValueError, match="seed"):
        D.mask_demo(torch.ones(4), 0.5, -1)
    with pytest.raises(ValueError, match="finite"):
        D.mask_demo(torch.tensor([1.0, float("inf")]), 0.5, 0)


# --- the claims of the page's "Try this" answers -------------------------------------------------------


def test_more_dropout_narrows_the_gap_until_the_fit_goes_flat(default_run):
    gaps = {0.8: default_run.final.loc["dropout", "gap"]}
    for p in (0.2, 0.5, 0.95):
        gaps[p] = D.overfit_experiment(p=p).final.loc["dropout", "gap"]
    assert gaps[0.2] == pytest.approx(0.20, abs=0.01) and gaps[0.5] == pytest.approx(0.12, abs=0.01)
    assert gaps[0.8] == pytest.approx(0.04, abs=0.01) and abs(gaps[0.95]) < 0.01
    assert default_run.final.loc["plain", "gap"] == pytest.approx(0.41, abs=0.01)


def test_a_small_or_well_fed_net_does_not_overfit():
    assert abs(D.overfit_experiment(hidden=16).final.loc["plain", "gap"]) < 0.02
    assert D.overfit_experiment(n=200).final.loc["plain", "gap"] == pytest.approx(-0.05, abs=0.01)


def test_twenty_test_points_make_the_gap_depend_on_the_split():
    assert D.overfit_experiment(seed=2).final.loc["plain", "gap"] < 0
    assert D.overfit_experiment(seed=3).final.loc["plain", "gap"] > 1


# --- code export ----------------------------------------------------------------------------------------


def _numbers(line: str) -> list[float]:
    return [float(v) for v in re.findall(r"-?\d+\.\d+", line)]


def _check_script(values: dict, lang: str, monkeypatch) -> None:
    v = {**D.SETTINGS.defaults(), **values}
    # on a 2-thread machine: the script pins one thread, as the server does (issue 15)
    out = codegen.run(codegen.script("dropout", values, lang), threads=2).splitlines()
    demo = D.mask_demo(D.input_values(v["inputs"], seed=v["seed"]), v["p"], D.mask_seed(v["seed"], v["draw"]))
    assert out[0].startswith(f"kept {demo.kept} of 256 units = {demo.kept_share:.4f}")
    r = D.overfit_experiment(**{k: v[k] for k in ("n", "noise", "hidden", "p", "lr", "epochs", "seed", "optimizer")})
    plain = next(line for line in out if line.startswith("no dropout:"))
    drop = next(line for line in out if line.startswith("dropout:"))
    for line, which in ((plain, "plain"), (drop, "dropout")):
        want = [round(r.final.loc[which, c], 4) for c in ("train", "test", "gap")]
        assert _numbers(line) == pytest.approx(want, abs=1.5e-4)
    trap = D.forgot_eval(r, x=0.5, presses=3, seed=v["seed"])
    train = next(line for line in out if line.startswith("train mode:"))
    ev = next(line for line in out if line.startswith("eval mode:  ["))
    assert _numbers(train) == pytest.approx(trap[trap["mode"] == "train"].prediction.round(4).tolist(), abs=1e-4)
    assert _numbers(ev) == pytest.approx(trap[trap["mode"] == "eval"].prediction.round(4).tolist(), abs=1e-4)
    assert "eval mode: output == input: True" in out


def test_code_export_reproduces_the_page_at_the_tutorial_settings(monkeypatch):
    _check_script({}, "en", monkeypatch)


def test_code_export_reproduces_other_settings_in_korean(monkeypatch):
    _check_script(dict(p=0.5, inputs="ones", draw=7, n=60, noise=0.5, hidden=64, optimizer="sgd", lr=0.1,
                       epochs=300, seed=42), "ko", monkeypatch)


def test_code_export_comments_follow_the_language():
    ko = codegen.script("dropout", {}, "ko")
    en = codegen.script("dropout", {}, "en")
    assert "끌(DROP) 확률" in ko and "probability to DROP" in en
    assert "nn.Dropout(p)" in en and "torch.manual_seed(seed)" in en and "net.eval()" in en


def test_the_mean_shift_in_sampling_errors():
    exp = D.expectation([0.5, -1.0, 2.0, 0.25], p=0.5, masks=400, seed=3)
    se = math.sqrt(sum(s ** 2 for s in exp.units["se"])) / len(exp.units)  # independent units
    assert exp.mean_z == pytest.approx((exp.mean_output - exp.mean_input) / se)
    assert abs(exp.mean_z) < 4  # the expectation holds: a shift of a few sampling errors at most
    assert D.expectation([0.0, 0.0], p=0.5, masks=10).mean_z is None  # nothing can vary


def test_eval_mode_is_the_average_of_the_thinned_nets(default_run):
    c = default_run.curves
    worst = max(abs(m - d) / (s / math.sqrt(default_run.band_masks))
                for m, d, s in zip(c.band_mean, c.dropout, c.band_sd))
    assert default_run.ensemble_z == pytest.approx(worst)
    assert default_run.ensemble_z < 5  # within a few standard errors everywhere (the page's "why" claim)


def test_the_spread_of_repeated_predictions(default_run):
    df = D.forgot_eval(default_run, presses=6, seed=2)
    train, ev = df[df["mode"] == "train"].prediction, df[df["mode"] == "eval"].prediction
    assert D.spread(train) > 0 and D.spread(ev) == 0.0
    assert D.spread(train.iloc[:1]) == 0.0
    assert D.spread(train) == pytest.approx(float(torch.tensor(train.to_numpy()).std()))


@pytest.mark.parametrize("optimizer,lr", [("adam", 0.001), ("sgd", 0.1), ("sgd", 10.0)])
def test_training_loop_equals_the_tutorials_plain_loop_bit_for_bit(optimizer, lr):
    """_train (foreach optimizer, one fused finiteness test) against the tutorial's loop: torch.optim's
    default single-tensor update and check_finite every epoch; the same losses, weights and divergence."""
    from nnviz.data import noise_regression
    from nnviz.dropout import overfit
    from nnviz.training import check_finite

    xtr, ytr, xte, yte = noise_regression(60, 1.0, 3, test_fraction=0.2)
    for p in (0.0, 0.5):
        with D.seeded(5):
            net = mlp([1, 64, 1], "relu", dropout=p)
            ref = mlp([1, 64, 1], "relu", dropout=p)
            ref.load_state_dict(net.state_dict())
            state = torch.get_rng_state()
            objective, checkpoints, div = overfit._train(net, xtr, ytr, xte, yte, optimizer, lr, 120, 5, lambda e: None)
            torch.set_rng_state(state)  # the same dropout masks for the plain loop
            opt = (torch.optim.Adam if optimizer == "adam" else torch.optim.SGD)(ref.parameters(), lr=lr)
            losses, ref_div = [], None
            for epoch in range(120):
                loss = nn.MSELoss()(ref(xtr), ytr)
                loss.backward()
                ref_div = check_finite(epoch, loss, ref.parameters())
                if ref_div is not None:
                    break
                losses.append(loss.item())
                opt.step()
                opt.zero_grad()
                if epoch + 1 < len(checkpoints) and checkpoints[epoch + 1][0] == epoch + 1:
                    ref.eval()
                    with torch.no_grad():
                        assert nn.MSELoss()(ref(xtr), ytr).item() == checkpoints[epoch + 1][1]
                    ref.train()
        assert objective == losses and repr(div) == repr(ref_div)
        assert all(torch.equal(a, b) for a, b in zip(net.state_dict().values(), ref.state_dict().values()))
    if lr == 10.0:
        assert div is not None
