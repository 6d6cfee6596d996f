"""The /perceptron page in Streamlit's AppTest: defaults, widget changes, URL states, both languages."""

import math

from conftest import assert_clean, metric, open_page, player, texts

from nnviz import perceptron as P


def test_default_view_learns_and():
    at = open_page("perceptron")
    assert_clean(at)
    run = P.train("and", steps=1000, lr=1.0, seed=0)
    assert metric(at, "Final loss") == f"{run.final_loss:.4f}"
    assert metric(at, "Points right") == "4/4"
    assert "AND learned" in texts(at)
    assert at.query_params["gate"] == "and" and at.query_params["seed"] == "0"


def test_xor_from_url_is_stuck_on_the_plateau():
    at = open_page("perceptron", gate="xor", seed="3")
    assert_clean(at)
    assert metric(at, "Plateau (p = 0.5)") == f"{math.log(2):.4f}"
    assert float(metric(at, "Final loss")) >= math.log(2) - 1e-4
    assert "XOR not learned" in texts(at)
    floor = P.xor_floor(range(20), P.LEARNING_RATES, steps=1000)
    assert f"{floor.final_loss.min():.6f}" in texts(at)


def test_changing_a_widget_writes_the_url_and_recomputes():
    at = open_page("perceptron")
    at.segmented_control(key="perceptron.gate").set_value("or").run()
    at.select_slider(key="perceptron.lr").set_value(0.1).run()
    assert_clean(at)
    assert at.query_params["gate"] == "or" and at.query_params["lr"] == "0.1"
    run = P.train("or", steps=1000, lr=0.1, seed=0)
    assert metric(at, "Final loss") == f"{run.final_loss:.4f}"


def test_url_reproduces_the_view_exactly():
    first = open_page("perceptron", gate="nand", loss="mse", lr="3", steps="200", seed="11")
    link = dict(first.query_params)
    again = open_page("perceptron", **link)
    assert [m.value for m in again.metric] == [m.value for m in first.metric]
    assert metric(again, "Final loss") == f"{P.train('nand', steps=200, lr=3.0, seed=11, loss='mse').final_loss:.4f}"


def test_bad_url_values_warn_by_name_and_fall_back():
    at = open_page("perceptron", gate="foo", lr="abc", steps="1e309", bogus="1")
    assert_clean(at)
    warnings = " ".join(w.value for w in at.warning)
    for name in ("gate=foo", "lr=abc", "steps=1e309", "bogus=1"):
        assert name in warnings
    assert "Using the default, AND, instead." in warnings
    assert at.query_params["gate"] == "and" and at.query_params["lr"] == "1"
    assert metric(at, "Points right") == "4/4"


def test_perceptron_rule_mode_converges_on_or_and_never_on_xor():
    at = open_page("perceptron", mode="rosenblatt", gate="or")
    assert_clean(at)
    assert metric(at, "Converged at epoch") == str(P.rosenblatt("or", epochs=20).converged_epoch)
    at = open_page("perceptron", mode="rosenblatt", gate="xor", epochs="50")
    assert metric(at, "Converged at epoch") == "never"
    assert "Never converges" in texts(at)


def test_huge_learning_rate_is_explained_not_crashed():
    at = open_page("perceptron", gate="and", lr="100", steps="10")
    assert_clean(at)
    run = P.train("and", steps=10, lr=100.0)
    if run.final_loss > float(run.losses[0]):
        assert "learning rate 100" in texts(at)


def test_step_slider_shows_the_unit_at_that_step():
    at = open_page("perceptron", view="0")
    w0, b0 = P.initial_unit(0)
    assert f"{float(w0[0]):+.3f}" in texts(at)  # the line's equation at step 0
    shown = player(at)
    assert shown["steps"][shown["index"]] == 0


def test_korean_page_has_korean_text_and_no_english_leftovers():
    at = open_page("perceptron", lang="ko")
    assert_clean(at)
    assert at.title[0].value == "퍼셉트론의 한계"
    assert metric(at, "최종 손실")
    assert "AND 학습 성공" in texts(at)
    assert "learned" not in texts(at)


def test_generated_code_is_on_the_page():
    at = open_page("perceptron", gate="xor")
    code = at.code[0].value
    assert "nn.Sequential(nn.Linear(2, 1), nn.Sigmoid())" in code and "torch.manual_seed(0)" in code
