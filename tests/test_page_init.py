"""The /init page in Streamlit's AppTest: defaults, presets, widget changes, URL states, both languages."""

from conftest import assert_clean, charts, metric, open_page, texts

from nnviz import init as I

SMALL = dict(depth="3", width="32", batch="64", steps="20")  # quick settings for the tests that need no default


def _fmt(x: float) -> str:
    return I.short_number(x)


def _warnings(at) -> str:
    return " ".join(w.value for w in at.warning)


def test_default_view_shows_the_measured_stats_and_every_section():
    at = open_page("init")
    assert_clean(at)
    s = I.layer_stats("default", "tanh", 10, 256, batch=256, seed=0)
    assert metric(at, "std(h), layer 1") == _fmt(s.activation_std[0])
    assert metric(at, "std(h), layer 10") == _fmt(s.activation_std[9])
    assert metric(at, "std(∂L/∂h), layer 1") == _fmt(s.act_grad_std[0])
    body = texts(at)
    for heading in ("Through the layers", "Distributions, layer by layer", "Every scheme for these layer sizes",
                    "Does it matter for training?", "Symmetry: why not give every weight the same value?"):
        assert heading in body
    assert len(charts(at)) == 1 + 3 + 1 + 2  # depth grid, histograms, loss+accuracy, symmetry
    assert at.query_params["scheme"] == "default" and at.query_params["seed"] == "0"
    run = I.train("xavier_normal", "tanh", 10, 256, 100, 0.1, 0)
    assert f"{run.final_loss:.4f}" in body or f"{run.final_loss:.5f}" in " ".join(
        str(df.value.to_csv()) for df in at.dataframe)


def test_tanh_small_preset_shows_the_collapse():
    at = open_page("init", **SMALL)
    at.button(key="preset.init.preset.tanh_small").click().run()
    assert_clean(at)
    qp = at.query_params
    assert (qp["activation"], qp["scheme"], qp["std"], qp["depth"], qp["width"]) == ("tanh", "normal", "0.01", "10", "512")
    assert "The signal vanishes" in _warnings(at)
    s = I.layer_stats("normal", "tanh", 10, 512, batch=64, seed=0, data="noise", std=0.01)
    assert metric(at, "std(h), layer 10") == _fmt(s.activation_std[9])


def test_changing_the_scheme_shows_its_arguments_and_writes_the_url():
    at = open_page("init", **SMALL)
    at.selectbox(key="init.scheme").set_value("kaiming_normal").run()
    assert_clean(at)
    assert at.query_params["scheme"] == "kaiming_normal"
    at.segmented_control(key="init.mode").set_value("fan_out").run()
    at.radio(key="init.gain").set_value("calculate_gain").run()
    assert_clean(at)
    assert at.query_params["mode"] == "fan_out" and at.query_params["gain"] == "calculate_gain"
    s = I.layer_stats("kaiming_normal", "tanh", 3, 32, batch=64, mode="fan_out", gain="calculate_gain")
    assert metric(at, "std(h), layer 1") == _fmt(s.activation_std[0])
    assert "He (Kaiming) normal (g = 1.67, fan_out)" in " ".join(str(df.value.to_csv()) for df in at.dataframe)


def test_constant_init_from_url_keeps_one_distinct_unit():
    at = open_page("init", scheme="constant", value="0.01", activation="relu", compare="0", **SMALL)
    assert_clean(at)
    assert "All weights equal" in " ".join(i.value for i in at.info)
    assert "still has **1** distinct unit out of 32" in " ".join(s.value for s in at.success)
    assert "Constant (c = 0.01)" in texts(at) or "Constant (c = 0.01)" in str(charts(at)[0].proto)


def test_bad_url_values_are_named_and_fall_back_to_defaults():
    at = open_page("init", depth="10000", scheme="foo", std="0.02", steps="20", width="32")
    assert_clean(at)
    w = _warnings(at)
    for name in ("depth=10000", "scheme=foo", "std=0.02"):
        assert f"`{name}`" in w
    assert at.query_params["depth"] == "10" and at.query_params["scheme"] == "default"


def test_huge_learning_rate_is_explained_with_the_curve_so_far():
    at = open_page("init", lr="1000", activation="relu", **SMALL)
    assert_clean(at)
    run = I.train("default", "relu", 3, 32, 20, 1000.0, 0)
    assert any(f"Training diverged at step {run.diverged.step}" in e.value for e in at.error)
    assert charts(at)
    # tanh keeps every number finite: the loss just climbs, and the page says why
    at = open_page("init", lr="1000", activation="tanh", **SMALL)
    assert_clean(at)
    assert "The learning rate is too large" in _warnings(at)


def test_overflow_is_explained_not_crashed():
    at = open_page("init", scheme="normal", std="3", activation="relu", depth="24", width="512", batch="32",
                   data="noise", steps="20", compare="0")
    assert_clean(at)
    assert any("overflowed" in e.value for e in at.error)


def test_korean_page():
    at = open_page("init", lang="ko", **SMALL)
    assert_clean(at)
    body = texts(at)
    assert "층을 지나며" in body and "학습에 차이가 있을까?" in body and "대칭성" in body
    assert metric(at, "std(h), 1층")


def test_every_scheme_and_activation_renders():
    at = open_page("init", **SMALL, compare="0")
    for scheme in I.SETTINGS["scheme"].options:
        at.selectbox(key="init.scheme").set_value(scheme).run()
        assert_clean(at)
        assert at.query_params["scheme"] == scheme
        assert charts(at)
    for act in ("relu", "linear"):  # tanh is the default; sigmoid/leaky ReLU take the same paths
        at.segmented_control(key="init.activation").set_value(act).run()
        assert_clean(at)


def test_default_tanh_verdict_names_the_bias_floor_it_measures():
    from nnviz import init as I
    from nnviz import signal_floor as SF

    at = open_page("init", steps="20")
    assert_clean(at)
    s = I.layer_stats("default", "tanh", 10, 256, seed=0)
    floor = SF.find(s[s.kind == "hidden"].activation_std.to_numpy())
    text = " ".join(w.value for w in at.warning)
    assert "The signal vanishes" in text and "but only down to a floor" in text
    assert f"until layer {floor.layer}, then stays near **{I.short_number(floor.value)}**" in text
    assert f"1/√(2n) = {I.short_number(SF.tanh_default(256))}" in text


def test_paper_check_runs_hes_thirty_layers():
    from nnviz.papers import he

    at = open_page("init", paper="1", width="64", steps="20")
    assert_clean(at)
    kept = he.kept(he.signal(30, 64, 0))
    assert metric(at, "Layer 30 ÷ layer 1, Var(w) = 1/n") == I.short_number(kept["1/n"])
    text = texts(at)
    assert "**Var(w) = 1/n: stalled**" in text and "**Var(w) = 2/n: learns**" in text
    assert "Kaiming He, Xiangyu Zhang" in text and "Fig. 3" in text
