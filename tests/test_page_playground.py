"""The /playground page in Streamlit's AppTest: defaults, every control, drawn points and CSV, A/B,
hostile links, both languages."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import assert_clean, chart_data, charts, metric, open_page, player, texts

from nnviz import codegen
from nnviz import playground as pg

DEFAULTS = pg.SETTINGS.defaults()


def numbers(values: dict) -> tuple[str, str, str, str]:
    run = pg.run(values, pg.points(values))
    return (f"{run.train_loss[-1]:.4f}", f"{run.test_loss[-1]:.4f}", f"{run.train_acc[-1]:.1%}",
            f"{run.test_acc[-1]:.1%}")


def shown(at) -> tuple[str, str, str, str]:
    return tuple(metric(at, label) for label in ("Train loss", "Test loss", "Train accuracy", "Test accuracy"))


def test_default_view_shows_the_librarys_numbers_player_and_charts():
    at = open_page("playground")
    assert_clean(at)
    assert shown(at) == numbers(DEFAULTS)
    assert metric(at, "Epochs trained") == "100"
    assert player(at)["steps"][-1] == 100
    assert len(charts(at)) >= 3
    assert at.query_params["data"] == "circles" and at.query_params["layers"] == "2"


def test_the_exported_script_prints_the_pages_numbers():
    values = {**DEFAULTS, "data": "moons", "x1sq": True, "dropout": 0.2, "epochs": 20, "optimizer": "sgd", "lr": 0.3}
    out = codegen.run(codegen.script("playground", values, "en"), threads=2)  # on a machine with more threads
    train_loss, test_loss, train_acc, test_acc = numbers(values)
    assert f"train loss {train_loss}  accuracy {train_acc}" in out
    assert f"test loss {test_loss}  accuracy {test_acc}" in out


CONTROLS = [
    ("slider", "layers", 3), ("slider", "units", 6), ("segmented_control", "activation", "relu"),
    ("selectbox", "init", "xavier_uniform"), ("select_slider", "dropout", 0.3), ("select_slider", "wd", 0.01),
    ("segmented_control", "optimizer", "sgd"), ("select_slider", "lr", 0.1), ("number_input", "batch", 64),
    ("slider", "epochs", 30), ("slider", "noise", 0.3), ("slider", "n", 300), ("slider", "test", 20),
    ("selectbox", "data", "spirals"), ("toggle", "x1sq", True), ("toggle", "sin2", True), ("toggle", "x1", False),
    ("number_input", "seed", 3),
]


@pytest.mark.parametrize("kind, name, value", CONTROLS, ids=[c[1] for c in CONTROLS])
def test_every_control_writes_the_url_and_retrains(kind, name, value):
    at = open_page("playground", epochs="30")
    getattr(at, kind)(key=f"playground.{name}").set_value(value).run()
    assert_clean(at)
    values = {**DEFAULTS, "epochs": 30, name: value}
    assert at.query_params[name] == pg.SETTINGS[name].fmt(value)
    assert shown(at) == numbers(values)


def test_three_classes_of_blobs():
    at = open_page("playground", data="blobs", epochs="20")
    at.slider(key="playground.classes").set_value(3).run()
    assert_clean(at)
    assert shown(at) == numbers({**DEFAULTS, "data": "blobs", "classes": 3, "epochs": 20})
    assert "Class 2" in " ".join(str(df.to_dict()) for c in charts(at) for df in chart_data(c).values())


def test_own_points_from_the_link_are_trained_on():
    X, y = pg.make_data("xor", 40, 0.05, seed=2)
    text = pg.encode(X.numpy(), y.numpy())
    at = open_page("playground", source="own", points=text, epochs="20")
    assert_clean(at)
    assert at.query_params["points"] == text
    assert shown(at) == numbers({**DEFAULTS, "source": "own", "points": text, "epochs": 20})
    assert "40 points" in texts(at)


def test_own_points_start_empty_then_copy_the_generated_set_then_clear():
    at = open_page("playground", source="own", n="50")
    assert_clean(at)
    assert "Add more points to train" in texts(at)
    at.button(key="playground.copy").click().run()
    assert_clean(at)
    X, y = pg.make_data("circles", 50)
    assert at.query_params["points"] == pg.encode(X.numpy(), y.numpy())
    assert "50 points" in texts(at)
    at.button(key="playground.clear").click().run()
    assert at.query_params["points"] == ""


def test_pasted_csv_adds_points_and_a_bad_line_is_named_and_keeps_what_was_drawn():
    start = pg.encode(np.array([[1.0, 1.0], [2.0, 2.0], [-1.0, -1.0], [-2.0, -2.0]]), np.array([0, 0, 1, 1]))
    at = open_page("playground", source="own", points=start, epochs="10")
    at.text_area(key="playground.csv_text").set_value("x1,x2,label\n0,3,1\n3,oops,0\n").run()
    at.button(key="playground.csv_add").click().run()
    assert_clean(at)
    assert "line 3" in " ".join(e.value for e in at.error) and "oops" in " ".join(e.value for e in at.error)
    assert at.query_params["points"] == start
    at.text_area(key="playground.csv_text").set_value("x1,x2,label\n0,3,1\n3,-3,0\n").run()
    at.button(key="playground.csv_add").click().run()
    assert_clean(at)
    assert "Added 2 points." in texts(at)
    _X, y = pg.decode(at.query_params["points"])
    assert len(y) == 6 and y.tolist()[-2:] == [1, 0]


def test_ab_compare_trains_b_with_one_setting_changed():
    at = open_page("playground", epochs="20", compare="dropout", b_dropout="0.5")
    assert_clean(at)
    b = {**DEFAULTS, "epochs": 20, "dropout": 0.5}
    run_b = pg.run(b, pg.points(b))
    assert f"{run_b.test_loss[-1]:.4f}" in [m.value for m in at.metric]
    assert "**Dropout** = 0.5 instead of 0" in texts(at)
    at.selectbox(key="playground.compare").set_value("activation").run()
    assert_clean(at)
    at.segmented_control(key="playground.b_activation").set_value("sigmoid").run()
    assert_clean(at)
    assert at.query_params["b_activation"] == "sigmoid"


def test_hostile_points_and_values_in_a_link_warn_by_name_and_fall_back():
    many = pg.encode(np.zeros((1001, 2)), np.zeros(1001, dtype=int))
    for points, why in (("AAA", "not a list of points"), ("!!!!", "not a list of points"), (many, "1001 points"),
                        ("AAAD", "not a list of points")):
        at = open_page("playground", source="own", points=points, layers="99", lr="nan")
        assert_clean(at)
        warnings = " ".join(w.value for w in at.warning)
        assert "`points=" in warnings and why in warnings and "`layers=99`" in warnings and "`lr=nan`" in warnings
        assert "Leaving it empty instead." in warnings and "default, ," not in warnings  # the default is no points
        assert at.query_params["points"] == ""


def test_huge_learning_rate_is_explained():
    at = open_page("playground", lr="10", optimizer="sgd", activation="linear", x1sq="1", x2sq="1")
    assert_clean(at)
    assert at.error and "diverged" in at.error[0].value
    assert charts(at)


def test_capped_epochs_are_said():
    at = open_page("playground", layers="6", units="8", batch="1", epochs="500")
    assert_clean(at)
    assert "Trained 6 of the 500 epochs asked" in texts(at)  # 140 + 1 a epoch, 900 allowed


@pytest.mark.parametrize("lang, words", [("ko", ["학습 손실", "결정 영역", "은닉층"]), ("en", ["Train loss", "Decision regions"])])
def test_both_languages(lang, words):
    at = open_page("playground", lang=lang, epochs="20", compare="wd")
    assert_clean(at)
    body = texts(at) + " ".join(m.label for m in at.metric)
    for w in words:
        assert w in body


@pytest.mark.parametrize("name", list(pg.settings.PRESETS))
def test_presets_load_their_settings(name):
    at = open_page("playground", epochs="20")
    at.button(key=f"preset.playground.preset.{name}").click().run()
    assert_clean(at)
    values = {**DEFAULTS, **pg.settings.preset(name)}
    for key, value in pg.settings.PRESETS[name].items():
        assert at.query_params[key] == pg.SETTINGS[key].fmt(value)
    assert shown(at) == numbers(values)


def test_the_overfit_preset_overfits_and_dropout_lowers_the_test_loss():
    a = {**DEFAULTS, **pg.settings.preset("overfit")}
    run_a = pg.run(a, pg.points(a))
    b = pg.b_values(a)
    run_b = pg.run(b, pg.points(b))
    assert pg.verdict(run_a) == "overfit"
    assert run_b.test_loss[-1] < run_a.test_loss[-1]


def test_the_view_shows_the_net_after_the_epoch_asked_even_between_frames():
    at = open_page("playground", view="37")
    assert_clean(at)
    shown_ = player(at)
    assert shown_["steps"][shown_["index"]] == 37
    assert "**Decision regions after epoch 37**" in texts(at)
    values = {**DEFAULTS}
    run = pg.run(values, pg.points(values))
    net = [df for c in charts(at) for df in chart_data(c).values() if "weight" in df]
    W = run.net(37)[0].weight.detach().numpy()
    assert any(np.allclose(sorted(df["weight"][:W.size]), sorted(W.ravel()), atol=1e-6) for df in net)
