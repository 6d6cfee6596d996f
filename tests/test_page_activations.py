"""The /activations page in Streamlit's AppTest: defaults, widget changes, URL states, presets, both languages."""

import pytest
from conftest import assert_clean, charts, metric, open_page, player, texts

from nnviz import grad_factors as F
from nnviz import gradients as G

SMALL = {"depth": "4", "width": "8", "epochs": "20"}  # quick nets for the tests that are not about the defaults


pytestmark = pytest.mark.usefixtures("one_thread")  # see conftest.one_thread


def init_ratio(act, depth=16, width=24, init="default", seed=0):
    d = G.dataset("diabetes", seed)
    return G.first_last_ratio(G.layer_grad_norms(G.build(act, 10, depth, width, init, seed), d.X_train, d.y_train))


def test_default_view_shows_every_activation_vanishing_with_default_init():
    at = open_page("activations")
    assert_clean(at)
    for act, label in (("sigmoid", "Sigmoid"), ("relu", "ReLU"), ("leaky_relu", "LeakyReLU")):
        assert metric(at, f"{label}: layer 1 ÷ layer 17") == f"{init_ratio(act):.1e}"
    text = texts(at)
    assert "ReLU did not fix the vanishing here" in text
    assert "13 orders of magnitude less" in text  # sigmoid: ≈ 3.5e-14
    assert at.query_params["acts"] == "sigmoid,relu,leaky_relu" and at.query_params["init"] == "default"
    # functions, product, per-layer norms, losses, unit health, heat map, and one three-factor chart per net
    assert len(charts(at)) == 6 + 3
    m = F.mechanism("relu")
    assert F.cause(m) == "bias_floor"  # the warning's cause, read from the numbers it quotes
    assert f"each ReLU layer passes on about **{m.back:.2f}** of δ" in text
    assert f"by about **{m.forward:.2f}** per layer" in text and f"{m.ratio['zeros']:.1e}" in text


def test_zero_biases_from_the_url_keep_relus_weight_gradient_level():
    at = open_page("activations", biases="zeros", epochs="10")
    assert_clean(at)
    d = G.dataset("diabetes", 0)
    ratio = G.first_last_ratio(G.layer_grad_norms(G.build("relu", 10, 16, 24, biases="zeros"), d.X_train, d.y_train))
    assert 0.1 < ratio < 10  # the same weights as the default view: only the biases changed
    assert metric(at, "ReLU: layer 1 ÷ layer 17") == f"{ratio:.1e}"
    text = texts(at)
    assert "ReLU did not fix the vanishing here" not in text
    assert "**ReLU** — the gradient reaches layer 1 at a similar size" in text
    assert "Chart: biases Zeros." in text


def test_he_init_from_the_url_keeps_relus_gradient():
    at = open_page("activations", init="kaiming_normal", epochs="10")
    assert_clean(at)
    ratio = init_ratio("relu", init="kaiming_normal")
    assert 0.05 < ratio < 5
    assert metric(at, "ReLU: layer 1 ÷ layer 17") == f"{ratio:.1e}"
    assert "ReLU keeps its gradient" in texts(at)
    assert float(metric(at, "Sigmoid: layer 1 ÷ layer 17")) < 1e-8


def test_changing_widgets_writes_the_url_and_recomputes():
    at = open_page("activations", **SMALL)
    at.selectbox(key="activations.init").set_value("xavier_uniform").run()
    at.slider(key="activations.depth").set_value(6).run()
    assert_clean(at)
    assert at.query_params["init"] == "xavier_uniform" and at.query_params["depth"] == "6"
    assert metric(at, "ReLU: layer 1 ÷ layer 7") == f"{init_ratio('relu', 6, 8, 'xavier_uniform'):.1e}"


def test_picking_activations_with_the_pills_and_the_limit_of_three():
    at = open_page("activations", **SMALL)
    at.pills(key="activations.acts").set_value(["tanh", "gelu"]).run()
    assert_clean(at)
    assert at.query_params["acts"] == "tanh,gelu"
    assert [m.label for m in at.metric] == ["tanh: layer 1 ÷ layer 5", "GELU: layer 1 ÷ layer 5"]
    at.pills(key="activations.acts").set_value(["sigmoid", "tanh", "relu", "elu"]).run()
    assert at.query_params["acts"] == "tanh,gelu"  # a fourth is refused, the previous choice kept
    assert "Pick between 1 and 3 activations" in " ".join(w.value for w in at.warning)


def test_bad_url_values_warn_by_name_and_fall_back():
    at = open_page("activations", acts="relu,relu", depth="99", init="he", lr="abc", bogus="1", epochs="20")
    assert_clean(at)
    warnings = " ".join(w.value for w in at.warning)
    for shown in ("acts=relu,relu", "depth=99", "init=he", "lr=abc", "bogus=1"):
        assert shown in warnings, shown
    assert "must list 1 to 3 different activations" in warnings
    assert at.query_params["acts"] == "sigmoid,relu,leaky_relu" and at.query_params["depth"] == "16"


def test_huge_learning_rate_is_explained_with_the_curves_up_to_that_point():
    at = open_page("activations", lr="10", init="kaiming_normal", **SMALL)
    assert_clean(at)
    ex = G.train(("sigmoid", "relu", "leaky_relu"), depth=4, width=8, epochs=20, lr=10.0, init="kaiming_normal")
    div = ex.divergence["relu"]
    assert div is not None
    text = texts(at)
    assert f"Training diverged at step {div.step}" in " ".join(e.value for e in at.error)
    assert f"ReLU, LeakyReLU**: training stopped at epoch {div.step}" in text
    assert metric(at, "ReLU: layer 1 ÷ layer 5") == f"{ex.summary().set_index('activation').loc['relu', 'ratio_init']:.1e}"
    assert [m.delta for m in at.metric if m.label.startswith("ReLU")] == [f"diverged at epoch {div.step}"]
    assert len(charts(at)) == 6 + 3  # the three-factor charts are at initialisation: there for every net


def test_tutorial_preset_loads_the_tutorials_net():
    at = open_page("activations", epochs="20")
    next(b for b in at.button if b.label.startswith("Tutorial net")).click().run()
    assert_clean(at)
    assert at.query_params["depth"] == "3" and at.query_params["width"] == "3"
    assert at.query_params["acts"] == "relu,leaky_relu" and at.query_params["lr"] == "0.1"
    assert "200,000 epochs at lr 1e-4" in " ".join(i.value for i in at.info)
    assert metric(at, "ReLU: layer 1 ÷ layer 4") == f"{init_ratio('relu', 3, 3):.1e}"


def test_korean_page():
    at = open_page("activations", lang="ko", **SMALL)
    assert_clean(at)
    assert at.title[0].value == "활성화 함수와 기울기 소실"
    assert metric(at, "시그모이드: 1층 ÷ 5층") == f"{init_ratio('sigmoid', 4, 8):.1e}"
    assert "직접 해 보기" in texts(at)


def test_xor_data_has_no_test_curve_and_explains_the_bce_baseline():
    at = open_page("activations", data="xor", acts="tanh", **SMALL)
    assert_clean(at)
    assert "ln 2 ≈ 0.693" in texts(at)
    assert [m.label for m in at.metric] == ["tanh: layer 1 ÷ layer 5"]


def test_epoch_slider_shows_the_nets_at_that_epoch():
    at = open_page("activations", view="8", **SMALL)
    assert_clean(at)
    shown = player(at)
    assert shown["steps"][shown["index"]] == 8
    assert "**At epoch 8**" in texts(at)
    ex = G.train(depth=4, width=8, epochs=20)
    table = next(df.value for df in at.dataframe if "Sigmoid" in df.value.columns)  # at the epoch shown
    sig = ex.history[(ex.history.activation == "sigmoid") & (ex.history.epoch == 8)]
    assert table.iloc[0].tolist() == ["Train loss", f"{sig.train_loss.item():.4f}"] + table.iloc[0].tolist()[2:]


def test_paper_check_puts_glorots_singular_values_beside_ours():
    from nnviz.papers import glorot

    at = open_page("activations", paper="1", **SMALL)
    assert_clean(at)
    sv = glorot.mean_singular_value(glorot.measure())
    assert metric(at, "Mean singular value, standard U(±1/√n)") == f"{sv['standard']:.2f}"
    assert metric(at, "Mean singular value, normalized (Xavier)") == f"{sv['normalized']:.2f}"
    text = texts(at)
    assert "Ours agrees with the paper" in text and "Glorot, Yoshua Bengio (2010)" in text


def test_bad_biases_and_paper_values_in_the_url_are_named_and_defaulted():
    at = open_page("activations", biases="tiny", paper="maybe", **SMALL)
    assert not at.exception
    warned = " ".join(w.value for w in at.warning)
    assert "biases" in warned and "paper" in warned
    assert "Chart: biases PyTorch default." in texts(at)
