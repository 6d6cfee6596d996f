"""The /xor page in Streamlit's AppTest: defaults, URL states, widget changes, the sweep, both languages."""

import math

import pytest

from conftest import assert_clean, chart_data, charts, metric, open_page, player, texts

from nnviz import xor


def test_default_view_is_the_tutorial_net_and_87_percent_of_200_seeds():
    at = open_page("xor")
    assert_clean(at)
    run = xor.train(seed=0)
    assert metric(at, "Final loss") == f"{run.final_loss:.4f}"
    assert metric(at, "Outcome") == "Solved"
    assert metric(at, "Points right") == "4/4"
    assert metric(at, "Success rate") == "87.0%"
    assert metric(at, "Stuck on a plateau") == "26"
    assert "XOR is linearly separable here" in texts(at)
    assert "OR" in texts(at) and "NAND" in texts(at)  # the two units' jobs for seed 0
    assert at.query_params["hidden"] == "2" and at.query_params["n_seeds"] == "200"
    # the stuck seeds of the sweep are offered as one-click loads
    assert at.pills(key="_xor.stuck_pick").options[:3] == ["5", "8", "9"]


def test_stuck_seed_from_the_url_is_explained():
    at = open_page("xor", seed="5")
    assert_clean(at)
    assert metric(at, "Outcome") == "Stuck at ln 2/2"
    assert math.isclose(float(metric(at, "Final loss")), math.log(2) / 2, abs_tol=0.002)
    body = texts(at)
    assert "(1,0), (1,1)" in body  # the two points it gets wrong
    assert "A real local minimum" in body and "saturated" in body
    assert "Not separated at step 5,000" in body


def test_clicking_a_stuck_seed_loads_it_into_the_views():
    at = open_page("xor")
    at.pills(key="_xor.stuck_pick").set_value(8).run()
    assert_clean(at)
    assert at.query_params["seed"] == "8"
    assert metric(at, "Final loss") == f"{xor.train(seed=8).final_loss:.4f}"
    assert metric(at, "Outcome") == "Stuck at ln 2/2"


def test_widget_change_writes_the_url_and_recomputes():
    at = open_page("xor", steps="1000", n_seeds="20")
    at.slider(key="xor.hidden").set_value(3).run()
    assert_clean(at)
    assert at.query_params["hidden"] == "3"
    assert metric(at, "Final loss") == f"{xor.train(hidden=3, steps=1000).final_loss:.4f}"
    sweep = xor.seed_sweep(20, hidden=3, steps=1000)
    assert metric(at, "Success rate") == f"{sweep['solved'].mean():.1%}"


def test_step_slider_shows_the_net_at_that_step():
    at = open_page("xor", view="0", steps="500", n_seeds="10")
    assert_clean(at)
    shown = player(at)
    assert shown["steps"][shown["index"]] == 0
    assert "**Predictions after step 0**" in texts(at)
    # the loss chart's marker: step and loss, one column per frame of the player
    (marker,) = [df for c in charts(at) for df in chart_data(c).values() if "loss@0" in df and len(df) == 1]
    frame = shown["frames"][shown["index"]]
    assert marker[f"step@{frame}"].item() == 0
    assert marker[f"loss@{frame}"].item() == pytest.approx(float(xor.train(steps=500).losses[0]))


def test_bad_url_values_warn_by_name_and_fall_back():
    at = open_page("xor", hidden="abc", activation="gelu", n_seeds="5000", lr="nan", bogus="1")
    assert_clean(at)
    warnings = " ".join(w.value for w in at.warning)
    for name in ("hidden=abc", "activation=gelu", "n_seeds=5000", "lr=nan", "bogus=1"):
        assert name in warnings
    assert at.query_params["hidden"] == "2" and at.query_params["activation"] == "sigmoid"
    assert metric(at, "Success rate") == "87.0%"


def test_huge_learning_rate_is_explained_not_crashed():
    at = open_page("xor", lr="100", steps="300", n_seeds="10")
    assert_clean(at)
    run = xor.train(lr=100.0, steps=300)
    assert run.diverged is None and run.final_loss > float(run.losses[0])  # BCE clamps: it overshoots, no NaN
    assert "learning rate 100" in texts(at)
    assert metric(at, "Outcome") == "Overshoot"


def test_width_comparison_toggle_runs_every_width():
    at = open_page("xor", compare="1", n_seeds="10", steps="400")
    assert_clean(at)
    assert "Success rate of 10 seeds at each width H" in texts(at)
    at.toggle(key="xor.compare").set_value(False).run()
    assert at.query_params["compare"] == "0"
    assert "Turn on the comparison" in texts(at)


def test_korean_page_is_korean():
    at = open_page("xor", lang="ko", seed="5")
    assert_clean(at)
    assert at.title[0].value == "MLP로 푸는 XOR"
    assert metric(at, "최종 손실") and metric(at, "결과") == "ln 2/2에 갇힘"
    body = texts(at)
    assert "진짜 지역 최솟값입니다" in body
    for english in ("Solved", "Stuck at", "A real local minimum", "Success rate"):
        assert english not in body


def test_generated_code_matches_the_settings():
    at = open_page("xor", hidden="3", activation="tanh", optimizer="adam", lr="0.1", steps="300", n_seeds="10")
    code = at.code[0].value
    assert "nn.Linear(2, 3), nn.Tanh()," in code and "torch.optim.Adam(model.parameters(), lr=0.1)" in code
    assert "train(0, verbose=True)" in code and "steps=300" in code
