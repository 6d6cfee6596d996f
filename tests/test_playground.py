"""The playground's library: data sets against scikit-learn, the points' URL text and CSV reader against
hostile input, and training against the plain nn.Sequential + torch.optim loop."""

from __future__ import annotations

import math
import pickle

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from nnviz import playground as pg
from nnviz.params import ParamError
from nnviz.playground import data as D
from nnviz.playground import settings as S

pytestmark = pytest.mark.usefixtures("one_thread")


# --- data ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", pg.KINDS)
@pytest.mark.parametrize("classes", [2, 3])
def test_make_data_gives_n_points_of_every_class_on_the_plane(kind, classes):
    if kind in D.TWO_CLASS_ONLY and classes == 3:
        with pytest.raises(ValueError, match="classes"):
            pg.make_data(kind, classes=3)
        return
    X, y = pg.make_data(kind, n=150, noise=0.2, classes=classes, seed=3)
    assert X.dtype == torch.float32 and X.shape == (150, 2)
    assert y.dtype == torch.int64 and y.shape == (150,)
    assert set(y.tolist()) == set(range(classes))
    assert X.abs().max() <= 6.0
    X2, y2 = pg.make_data(kind, n=150, noise=0.2, classes=classes, seed=3)
    assert torch.equal(X, X2) and torch.equal(y, y2)
    X3, _ = pg.make_data(kind, n=150, noise=0.2, classes=classes, seed=4)
    assert not torch.equal(X, X3)


def test_circles_moons_and_blobs_are_scikit_learns_scaled_onto_the_plane():
    from sklearn.datasets import make_blobs, make_circles, make_moons

    Xs, ys = make_circles(120, noise=0.1, factor=0.5, random_state=7)
    X, y = pg.make_data("circles", 120, 0.1, 2, 7)
    np.testing.assert_allclose(X.numpy(), np.clip(Xs * 5, -6, 6), rtol=1e-6, atol=1e-6)
    assert y.tolist() == ys.tolist()
    Xs, ys = make_moons(120, noise=0.3, random_state=7)
    X, y = pg.make_data("moons", 120, 0.3, 2, 7)
    np.testing.assert_allclose(X.numpy(), np.clip((Xs - [0.5, 0.25]) / 1.5 * 5, -6, 6), rtol=1e-6, atol=1e-6)
    assert y.tolist() == ys.tolist()
    centres = 0.6 * np.array([[-1.0, 0.0], [0.5, -math.sqrt(3) / 2], [0.5, math.sqrt(3) / 2]])
    Xs, ys = make_blobs(90, centers=centres, cluster_std=0.35, random_state=1)
    X, y = pg.make_data("blobs", 90, 0.1, 3, 1)
    np.testing.assert_allclose(X.numpy(), np.clip(Xs * 5, -6, 6), rtol=1e-5, atol=1e-5)
    assert y.tolist() == ys.tolist()


def test_xor_labels_are_the_sign_of_x1_times_x2_without_noise():
    X, y = pg.make_data("xor", 300, 0.0, seed=2)
    assert torch.equal(y, (X[:, 0] * X[:, 1] < 0).long())
    assert (X.abs() >= 0.25 - 1e-6).all()  # kept 0.05 × 5 off the axes


def test_spirals_without_noise_lie_on_their_arms():
    X, y = pg.make_data("spirals", 100, 0.0, 2, 0)
    r = X.norm(dim=1) / 5
    angle = torch.atan2(X[:, 0], X[:, 1])
    expected = 1.75 * 2 * math.pi * r + math.pi * y
    assert torch.allclose(torch.remainder(angle - expected + math.pi, 2 * math.pi) - math.pi,
                          torch.zeros(100), atol=1e-4)


@pytest.mark.parametrize("kwargs, name", [
    ({"kind": "swirl"}, "kind"), ({"kind": "xor", "n": 5}, "n"), ({"kind": "xor", "n": 1001}, "n"),
    ({"kind": "xor", "n": 20.5}, "n"), ({"kind": "xor", "noise": -0.1}, "noise"),
    ({"kind": "xor", "noise": float("nan")}, "noise"), ({"kind": "xor", "classes": 4}, "classes"),
    ({"kind": "moons", "classes": 3}, "classes"), ({"kind": "xor", "seed": -1}, "seed"),
    ({"kind": "xor", "n": True}, "n"),
])
def test_bad_arguments_raise_value_error_naming_them(kwargs, name):
    with pytest.raises(ValueError, match=f"^{name}"):
        pg.make_data(**kwargs)


def test_split_holds_out_the_test_percent_disjointly():
    tr, te = pg.split(200, 30, 5)
    assert len(te) == 60 and len(tr) == 140
    assert sorted(torch.cat([tr, te]).tolist()) == list(range(200))
    _tr2, te2 = pg.split(200, 30, 5)
    assert torch.equal(te, te2)
    assert len(pg.split(4, 10, 0)[1]) == 1 and len(pg.split(2, 50, 0)[0]) == 1


# --- points in the URL ---------------------------------------------------------------------------
coords = st.floats(-6, 6, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(coords, coords, st.integers(0, 2)), max_size=60))
def test_points_round_trip_through_the_url_text_to_the_grid_step(pts):
    X = np.array([p[:2] for p in pts], dtype=np.float64).reshape(-1, 2)
    y = np.array([p[2] for p in pts], dtype=np.int64)
    text = pg.encode(X, y)
    assert len(text) == 4 * len(pts) and set(text) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    X2, y2 = pg.decode(text)
    assert y2.tolist() == y.tolist()
    assert np.abs(X2 - X).max(initial=0) <= 6 / 2047 + 1e-12  # half a step of 12/2047
    assert pg.encode(X2, y2) == text  # decoding is exact on the grid


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=50))
def test_any_text_either_decodes_or_is_refused_by_name(text):
    spec = S.SETTINGS["points"]
    try:
        value = spec.parse(text)
    except ParamError as e:
        assert e.name == "points" and e.reason in ("points_bad", "points_many")
    else:
        assert pg.encode(*pg.decode(value)) == value


def test_too_many_points_in_a_link_are_refused_and_named():
    text = pg.encode(np.zeros((1001, 2)), np.zeros(1001, dtype=int))
    values, rejected = S.SETTINGS.parse_query({"points": text})
    assert values["points"] == "" and [r.reason for r in rejected] == ["points_many"]
    assert rejected[0].detail["n"] == 1001
    values, rejected = S.SETTINGS.parse_query({"points": "AAA"})
    assert [r.reason for r in rejected] == ["points_bad"]
    label3 = "AAAD"  # word 3: label bits 11
    assert pg.decode("AAAC")[1].tolist() == [2]
    with pytest.raises(pg.PointsError):
        pg.decode(label3)
    too_long = "A" * 9000
    assert [r.reason for r in S.SETTINGS.parse_query({"points": too_long})[1]] == ["too_long"]


def test_a_click_adds_a_point_and_a_click_on_a_point_removes_it():
    text = pg.toggle("", 1.0, 2.0, 1)
    X, y = pg.decode(text)
    assert y.tolist() == [1] and np.allclose(X, [[1.0, 2.0]], atol=0.003)
    text2 = pg.toggle(text, -3.0, 0.0, 0)
    assert len(pg.decode(text2)[1]) == 2
    assert pg.toggle(text2, 1.1, 2.1, 2) == pg.encode(*[a[1:] for a in pg.decode(text2)])


# --- CSV ---------------------------------------------------------------------------------------------
def test_csv_reads_rows_with_or_without_header_and_blank_lines():
    X, y = pg.parse_csv("x1,x2,label\n1,2,0\n\n -3.5 , 4e-1 ,1\n")
    assert X.tolist() == [[1.0, 2.0], [-3.5, 0.4]] and y.tolist() == [0, 1]
    X, y = pg.parse_csv("1,2,2")
    assert y.tolist() == [2]
    X0, y0 = pg.make_data("moons", 50)
    X1, y1 = pg.parse_csv(pg.to_csv(X0.numpy(), y0.numpy()))
    np.testing.assert_allclose(X1, X0.numpy(), atol=5e-5)
    assert y1.tolist() == y0.tolist()


@pytest.mark.parametrize("text, line, reason", [
    ("1,2,0\n1,2\n", 2, "csv_fields"),
    ("1,2,0,4", 1, "csv_fields"),
    ("x1,x2,label\n1,abc,0", 2, "csv_number"),
    ("nan,1,0", 1, "csv_number"),
    ("inf,1,0", 1, "csv_number"),
    ("1e309,1,0", 1, "csv_number"),
    ("0x10,1,0", 1, "csv_number"),
    ("١,1,0", 1, "csv_number"),  # an Arabic-Indic digit: float() takes it, we do not
    ("1_0,1,0", 1, "csv_number"),
    ("7,1,0", 1, "csv_box"),
    ("1,1,3", 1, "csv_label"),
    ("1,1,-1", 1, "csv_label"),
    ("1,1,1.0", 1, "csv_label"),
    ("1,1,", 1, "csv_label"),
    ('"1",1,0', 1, "csv_number"),
    ("\n\n1,1,0\n<script>alert(1)</script>", 4, "csv_fields"),
    ("1,1,0\x00", 1, "csv_label"),
    ("1,1,0\u20282,2,0", 1, "csv_fields"),  # a Unicode line separator is not a new line of the box
    ("", 0, "csv_empty"),
    ("x1,x2,label\n", 0, "csv_empty"),
    ("1,1,0\n" * 1001, 1001, "csv_rows"),
    ("1" * 70_000, 0, "csv_long"),
])
def test_csv_refuses_a_bad_line_by_number(text, line, reason):
    with pytest.raises(pg.CsvError) as e:
        pg.parse_csv(text)
    assert (e.value.line, e.value.reason) == (line, reason)


def test_csv_labels_are_checked_against_the_classes_asked():
    with pytest.raises(pg.CsvError, match="csv_label"):
        pg.parse_csv("1,1,2", classes=2)


# --- features --------------------------------------------------------------------------------------
def test_features_are_the_formulas_in_table_order():
    X = torch.tensor([[1.0, 2.0], [-0.5, 3.0]])
    F = pg.transform(X, ["sin2", "x1", "x1x2", "x2sq"])  # any order given: the columns follow it
    expected = torch.tensor([[math.sin(2.0), 1.0, 2.0, 4.0], [math.sin(3.0), -0.5, -1.5, 9.0]])
    assert torch.allclose(F, expected)
    from nnviz.playground.features import chosen
    assert chosen({"x1": False, "x2": False}) == ("x1", "x2")
    assert chosen({"x1": True, "x1sq": True, "sin1": True}) == ("x1", "x1sq", "sin1")
    with pytest.raises(ValueError, match="features"):
        pg.transform(X, ["x3"])


# --- training vs the plain loop ----------------------------------------------------------------------
def plain(X, y, Xt, yt, feats_, hidden, act, init, p, wd, opt_name, lr, batch, epochs, seed, classes):
    """The tutorial's loop, written out without nnviz."""
    def features(A):
        cols = {"x1": A[:, 0], "x2": A[:, 1], "x1sq": A[:, 0] ** 2, "x2sq": A[:, 1] ** 2, "x1x2": A[:, 0] * A[:, 1],
                "sin1": torch.sin(A[:, 0]), "sin2": torch.sin(A[:, 1])}
        return torch.stack([cols[f] for f in feats_], 1)

    acts = {"tanh": nn.Tanh, "relu": nn.ReLU, "sigmoid": nn.Sigmoid, "linear": nn.Identity}
    torch.manual_seed(seed)
    layers, n_in = [], len(feats_)
    for h in hidden:
        layers += [nn.Linear(n_in, h), acts[act]()] + ([nn.Dropout(p)] if p > 0 else [])
        n_in = h
    model = nn.Sequential(*layers, nn.Linear(n_in, classes))
    for m in model:
        if isinstance(m, nn.Linear) and init != "default":
            {"xavier_uniform": lambda w: nn.init.xavier_uniform_(w, gain=nn.init.calculate_gain(act)),
             "zeros": nn.init.zeros_}[init](m.weight)
            nn.init.zeros_(m.bias)
    opt = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam}[opt_name](model.parameters(), lr=lr, weight_decay=wd)
    g = torch.Generator().manual_seed(seed)
    F, Ft, loss_fn = features(X), features(Xt), nn.CrossEntropyLoss()
    test_losses = []
    for _ in range(epochs):
        model.train()
        perm = torch.randperm(len(X), generator=g)
        for s in range(0, len(X), batch):
            i = perm[s:s + batch]
            opt.zero_grad()
            loss = loss_fn(model(F[i]), y[i])
            loss.backward()
            opt.step()
        model.eval()
        with torch.no_grad():
            test_losses.append(loss_fn(model(Ft), yt).item())
    return model, test_losses


@pytest.mark.parametrize("case", [
    {"feats_": ("x1", "x2"), "hidden": (8, 8), "act": "tanh", "init": "default", "p": 0.0, "wd": 0.0, "opt_name": "adam", "lr": 0.03,
         "batch": 16, "classes": 2},
    {"feats_": ("x1", "x2", "x1sq", "sin2"), "hidden": (5,), "act": "relu", "init": "xavier_uniform", "p": 0.3, "wd": 0.01,
         "opt_name": "sgd", "lr": 0.1, "batch": 7, "classes": 3},
    {"feats_": ("x1x2",), "hidden": (), "act": "sigmoid", "init": "zeros", "p": 0.0, "wd": 0.001, "opt_name": "adam", "lr": 0.01,
         "batch": 1000, "classes": 2},
])
def test_training_equals_the_plain_loop(case):
    kind = "blobs" if case["classes"] == 3 else "xor"
    X, y = pg.make_data(kind, 120, 0.1, case["classes"], 4)
    tr, te = pg.split(120, 25, 4)
    model, test_losses = plain(X[tr], y[tr], X[te], y[te], **case, epochs=12, seed=9)
    run = pg.train(X[tr], y[tr], case["hidden"], case["act"], features=case["feats_"], init=case["init"],
                   dropout=case["p"], wd=case["wd"], optimizer=case["opt_name"], lr=case["lr"], batch=case["batch"],
                   epochs=12, seed=9, classes=case["classes"], X_test=X[te], y_test=y[te])
    for a, b in zip(run.model.parameters(), model.parameters()):
        assert torch.allclose(a, b, atol=1e-6, rtol=0)
    np.testing.assert_allclose(run.test_loss[1:], test_losses, atol=1e-6, rtol=0)
    assert isinstance(run.model, nn.Sequential)
    with torch.no_grad():
        expected = model.eval()(pg.transform(X, case["feats_"])).argmax(1)
    assert torch.equal(run.predict(X), expected)
    assert run.updates == 12 * math.ceil(len(tr) / case["batch"])


def test_a_run_keeps_every_epoch_and_scores_both_splits():
    X, y = pg.make_data("circles", 100, 0.05, seed=1)
    tr, te = pg.split(100, 20, 1)
    run = pg.train(X[tr], y[tr], (4,), epochs=5, X_test=X[te], y_test=y[te])
    assert run.epochs == 5 and len(run.snaps) == 6 and len(run.train_loss) == 6
    with torch.no_grad():
        start = run.net(0)(pg.transform(X[te], run.features))
    assert run.test_loss[0] == pytest.approx(nn.functional.cross_entropy(start, y[te]).item(), abs=1e-6)
    assert run.test_acc[-1] == pytest.approx((run.predict(X[te]) == y[te]).float().mean().item())
    table = pg.loss_table(run)
    assert len(table) == 12 and set(table["split"]) == {"train", "test"}


def test_a_run_survives_the_cache_s_pickling_unchanged():
    # st.cache_data hands every rerun an unpickled copy: the compact pickling must give back the same run
    X, y = pg.make_data("spirals", 120, 0.1, classes=3, seed=2)
    run = pg.train(X, y, (6, 5), "relu", dropout=0.2, epochs=7, classes=3)
    copy = pickle.loads(pickle.dumps(run))
    assert len(copy.snaps) == len(run.snaps) == 8
    for a, b in zip(run.snaps, copy.snaps):
        assert list(a) == list(b) and all(torch.equal(a[k], b[k]) and a[k].dtype == b[k].dtype for k in a)
    assert all(torch.equal(run.proba(X, e), copy.proba(X, e)) for e in (0, 3, None))
    assert np.array_equal(run.train_loss, copy.train_loss) and copy.batch_losses == run.batch_losses
    assert (copy.epochs, copy.updates, copy.features, copy.hidden) == (run.epochs, run.updates, run.features, run.hidden)
    keys, stacks, n = run.__getstate__()["snaps"]  # one array a parameter, not a tensor an epoch
    assert n == 8 and keys == list(run.snaps[0]) and [a.shape[0] for a in stacks] == [8] * len(keys)


def test_a_huge_learning_rate_stops_at_the_first_non_finite_loss_with_a_verdict():
    X, y = pg.make_data("xor", 100, 0.1, seed=0)
    run = pg.train(X, y, (8, 8), "linear", optimizer="sgd", lr=10.0, epochs=50, features=("x1", "x2", "x1sq", "x2sq"))
    assert run.diverged is not None and pg.verdict(run) == "diverged"
    assert all(torch.isfinite(p).all() for p in run.model.parameters())
    assert run.epochs < 50 and len(run.snaps) == run.epochs + 1


def test_train_refuses_bad_arguments_by_name():
    X, y = pg.make_data("xor", 20)
    for kwargs, name in [({"hidden": (8,) * 7}, "hidden"), ({"activation": "swish"}, "activation"),
                         ({"lr": float("nan")}, "lr"), ({"dropout": 1.5}, "dropout"), ({"batch": 0}, "batch"),
                         ({"features": ("x3",)}, "features"), ({"epochs": 10_000}, "epochs")]:
        with pytest.raises(ValueError, match=name):
            pg.train(X, y, **kwargs)


# --- caps and verdicts ---------------------------------------------------------------------------------
def test_epochs_are_capped_by_the_update_budget_of_the_depth():
    assert pg.max_updates(6) == 7200 // 8 and pg.max_updates(0) == 3600
    assert pg.epochs_run(100, 140, 16, 2) == 100  # 9 updates + 1 an epoch: 1,000 ≤ 1,800
    assert pg.epochs_run(500, 700, 1, 6) == 1  # 700 updates an epoch, 900 allowed
    assert pg.epochs_run(500, 700, 8, 6) == 900 // 89
    assert pg.epochs_run(500, 70, 32, 4) == 300  # 3 updates + 1 an epoch, 1,200 allowed
    assert pg.epochs_run(3, 5, 1000, 0) == 3


def test_the_biggest_run_stays_within_the_update_budget():
    # Its seconds are a benchmark's (bench/pages.py, PLAYGROUND_HEAVIEST: ≤ 5 s), not a test's.
    values = {**S.SETTINGS.defaults(), "layers": 6, "units": 8, "n": 1000, "batch": 1, "epochs": 500, "test": 10,
              **{f: True for f in pg.FEATURES}, "dropout": 0.5, "classes": 3, "data": "spirals"}
    run = pg.run(values, pg.points(values))
    assert run.updates <= pg.max_updates(6) and run.epochs == pg.epochs_run(500, 900, 1, 6)


def _run_with(train_loss, test_loss, train_acc):
    n = len(train_loss)
    return pg.Run(None, ("x1",), (), "tanh", 0.0, 2, n - 1, [], np.array(train_loss), np.array(test_loss),
                  np.array(train_acc), np.full(n, 0.5), 0)


def test_verdicts():
    assert pg.verdict(_run_with([1, 0.5, 0.2], [1, 0.6, 0.7], [0.5, 0.9, 0.95])) == "overfit"
    assert pg.verdict(_run_with([1, 0.5, 0.2], [1, 0.6, 0.65], [0.5, 0.9, 0.95])) == "good"  # 0.65 < 0.66
    assert pg.verdict(_run_with([1, 0.9, 0.8], [1, 0.9, 0.8], [0.5, 0.6, 0.7])) == "underfit"
    assert pg.verdict(_run_with([1, 0.9, 0.8], [1, 1.2, 1.5], [0.5, 0.6, 0.7])) == "underfit"  # not learned first
    assert pg.verdict(_run_with([1, 0.05, 0.01], [1, 0.05, 0.065], [0.5, 1, 1])) == "good"  # +30 %, but only 0.015
    assert pg.best_epoch(_run_with([1, 0.5, 0.2], [1, 0.6, 0.7], [0.5, 0.9, 0.95])) == 1


def test_class_colours_two_classes_are_the_heatmap_scheme_and_three_mix_the_class_colours():
    from nnviz import heatmap

    p = np.array([[0.2, 0.8], [1.0, 0.0]])
    assert (pg.class_colours(p) == heatmap.colours(p[:, 1])).all()
    sure = pg.class_colours(np.array([[0.0, 0.0, 1.0]]))
    assert sure.tolist() == [[0x00, 0x9E, 0x73]]
    unsure = pg.class_colours(np.full((1, 3), 1 / 3))
    assert unsure.tolist() == [[255, 255, 255]]


def test_network_has_a_map_per_unit_and_an_edge_per_weight():
    X, y = pg.make_data("circles", 60)
    run = pg.train(X, y, (3, 2), epochs=2, features=("x1", "x2", "x1sq"))
    net = pg.network(run)
    nodes, edges = net["nodes"], net["edges"]
    assert nodes.groupby("layer").size().tolist() == [3, 3, 2, 2]
    assert len(edges) == 3 * 3 + 3 * 2 + 2 * 2
    W = run.model[2].weight.detach()
    e = edges[(edges["layer"] == 1) & (edges["from"] == 2) & (edges["to"] == 1)]
    assert e["weight"].item() == pytest.approx(W[1, 2].item())
    outs = pg.layer_outputs(run, pg.views.grid(24))
    h1 = torch.tanh(run.model[0](pg.transform(pg.views.grid(24), run.features)))
    assert torch.allclose(outs[1], h1, atol=1e-6)
    assert nodes.loc[3, "max"] == pytest.approx(h1[:, 0].max().item(), abs=1e-6)
    assert all(u.startswith("data:image/png;base64,") for u in nodes["image"])


def test_b_values_change_only_the_compared_setting():
    v = S.SETTINGS.defaults()
    assert S.b_values(v) is None
    a = {**v, "compare": "dropout"}
    b = S.b_values(a)
    assert b["dropout"] == v["b_dropout"] and {k for k in a if b[k] != a[k]} == {"dropout"}


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.,-+eE x\n\r\t\x00ab١_\"'")), max_size=80) | st.text(max_size=80))
def test_any_pasted_text_gives_points_on_the_plane_or_an_error_naming_a_real_line(text):
    try:
        X, y = pg.parse_csv(text)
    except pg.CsvError as e:
        assert 0 <= e.line <= text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
        assert e.reason.startswith("csv_")
    else:
        assert X.shape == (len(y), 2) and np.isfinite(X).all() and (np.abs(X) <= 6).all()
        assert set(y.tolist()) <= {0, 1, 2}


def test_a_pasted_csv_adds_to_the_drawn_points_or_is_refused_whole():
    drawn = pg.encode(np.array([[1.0, 1.0]]), np.array([1]))
    text, added = pg.append_csv(drawn, "x1,x2,label\n-2,3,0\n0.5,0.25,1\n")
    X, y = pg.decode(text)
    assert added == 2 and y.tolist() == [1, 0, 1] and np.allclose(X[1:], [[-2, 3], [0.5, 0.25]], atol=0.01)
    full = pg.encode(np.zeros((pg.MAX_POINTS, 2)), np.zeros(pg.MAX_POINTS, dtype=int))
    with pytest.raises(pg.CsvError) as e:
        pg.append_csv(full, "1,1,0\n")
    assert (e.value.line, e.value.reason) == (0, "csv_rows")
    with pytest.raises(pg.CsvError) as e:  # a bad row names its line; nothing is added
        pg.append_csv(drawn, "1,1,0\n1,x,0\n")
    assert e.value.line == 2
