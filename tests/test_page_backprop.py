"""The /backprop page in Streamlit's AppTest: the walk, the check against autograd, SGD, the zero_grad trap."""

import re

from conftest import assert_clean, charts, metric, open_page, texts

from nnviz import backprop


def _graph(at) -> str:
    found = at.get("graphviz_chart")
    assert len(found) == 1
    return found[0].proto.spec


def _button(at, label):
    return next(b for b in at.button if b.label == label)


def test_default_view_walks_the_2_2_1_net_and_agrees_with_autograd():
    at = open_page("backprop")
    assert_clean(at)
    tr = backprop.page_trace()
    assert metric(at, "Loss L") == f"{tr.loss:.6f}"
    assert float(metric(at, "Largest difference")) <= 1e-6
    assert "All 9 gradients agree to within 10⁻⁶" in texts(at)
    assert at.query_params["sample"] == "x10" and at.query_params["step"] == "0"
    assert at.latex[0].value.strip("$\n") == tr.forward[0].formula
    graph = _graph(at)
    assert "AddmmBackward0" in graph and "MseLossBackward0" in graph
    assert "MseLossBackward0 → SigmoidBackward0 → AddmmBackward0 → SigmoidBackward0 → AddmmBackward0" in [
        c.value for c in at.code][0]
    run = backprop.page_training()
    assert metric(at, "Loss after 20 updates") == f"{run.losses[-1]:.6f}"
    assert len(charts(at)) == 3  # gradients, loss, the followed parameter's .grad


def test_next_and_previous_buttons_step_through_the_walk():
    at = open_page("backprop")
    tr = backprop.page_trace()
    _button(at, "Next step").click().run()
    assert at.query_params["step"] == "1"
    assert at.latex[0].value.strip("$\n") == tr.steps[1].formula  # z¹₁ = w·x + b with the numbers
    assert 'PORT="z1_1" BORDER="3"' in _graph(at)
    _button(at, "Jump to backward").click().run()
    assert at.query_params["step"] == str(len(tr.forward))
    assert r"\frac{\partial L}{\partial L} = 1" in at.latex[0].value
    _button(at, "Previous step").click().run()
    assert at.query_params["step"] == str(len(tr.forward) - 1)
    assert_clean(at)


def test_url_step_shows_that_backward_formula_and_the_written_out_chain():
    tr = backprop.page_trace()
    i = next(k for k, s in enumerate(tr.steps) if s.nodes == ("w1_1_1",))
    at = open_page("backprop", step=str(i))
    assert_clean(at)
    formulas = [x.value.strip("$\n") for x in at.latex]
    assert formulas[0] == tr.steps[i].formula and formulas[1] == tr.steps[i].chain
    assert "0.weight.grad[0, 0]" in texts(at)
    assert f"Backward pass · step {i - len(tr.forward) + 1} of {len(tr.backward)}" in texts(at)


def test_widget_changes_recompute_and_write_the_url():
    at = open_page("backprop")
    at.selectbox(key="backprop.sample").set_value("batch").run()
    at.radio(key="backprop.loss").set_value("bce").run()
    at.segmented_control(key="backprop.activation").set_value("tanh").run()
    assert_clean(at)
    assert (at.query_params["sample"], at.query_params["loss"], at.query_params["activation"]) == ("batch", "bce", "tanh")
    tr = backprop.page_trace("batch", activation="tanh", loss="bce")
    assert metric(at, "Loss L") == f"{tr.loss:.6f}"
    assert "show" in [s.key.split(".")[-1] for s in at.selectbox]  # a mini-batch offers one sample at a time
    at.selectbox(key="backprop.show").set_value("n3").run()
    assert at.query_params["show"] == "n3"
    assert_clean(at)


def test_url_reproduces_a_deep_net_view():
    query = {"sample": "x11", "width": "3", "depth": "2", "activation": "relu", "loss": "bce", "seed": "4",
             "step": "30", "lr": "0.3", "updates": "50"}
    first = open_page("backprop", **query)
    again = open_page("backprop", **dict(first.query_params))
    assert [m.value for m in again.metric] == [m.value for m in first.metric]
    tr = backprop.page_trace("x11", 3, 2, "relu", "bce", 4)
    assert again.latex[0].value.strip("$\n") == tr.steps[30].formula
    assert metric(again, "Largest difference") == f"{tr.max_abs_diff:.1e}"


def test_bad_url_values_are_named_and_fall_back():
    at = open_page("backprop", sample="x22", lr="abc", w="1,2,os.system", width="9", bogus="1")
    assert_clean(at)
    warnings = " ".join(w.value for w in at.warning)
    for name in ("sample=x22", "lr=abc", "w=1,2,os.system", "width=9", "bogus=1"):
        assert name in warnings
    assert metric(at, "Loss L") == f"{backprop.page_trace().loss:.6f}"


def test_typed_weights_in_the_url_drive_the_page():
    # the hand-worked example of test_backprop: a¹ = (0.5, 0.5), a² = 0.5, L = (0.5 − 1)² = 0.25
    at = open_page("backprop", w="0,0,0,0,0,0,1,-1,0")
    assert_clean(at)
    assert metric(at, "Loss L") == "0.250000"
    assert "Using your typed weights" in texts(at)
    wrong = open_page("backprop", w="0.1,0.2,0.3")
    assert "were for a net with 3 parameters; this one has 9" in texts(wrong)
    assert metric(wrong, "Loss L") == f"{backprop.page_trace().loss:.6f}"


def test_huge_learning_rate_is_explained():
    frozen = open_page("backprop", sample="batch", loss="bce", lr="100")
    assert_clean(frozen)
    assert "Training stalled at loss 50" in texts(frozen)
    bouncing = open_page("backprop", sample="batch", lr="100")
    assert "The loss went **up**" in texts(bouncing)
    assert charts(bouncing)


def test_forgetting_zero_grad_shows_the_sum():
    at = open_page("backprop", forget="1", follow="-1")
    assert_clean(at)
    run = backprop.page_training(forget=True)
    acc = run.accumulation_frame("2.bias", (0,))
    g1, g2 = acc.step_grad[0], acc.step_grad[1]
    assert f"{g1:.6g} + {g2:.6g} = **{acc.grad[1]:.6g}**" in texts(at)
    assert "without zero_grad()" in " ".join(str(c.proto.spec) for c in charts(at))


def test_korean_page():
    at = open_page("backprop", lang="ko", step="9")
    assert_clean(at)
    assert at.title[0].value == "한 단계씩 보는 역전파"
    assert metric(at, "손실 L")
    assert "역전파 · " in texts(at) and "기울기" in _graph(at)
    assert not re.search(r"\b(Backward pass|Forward pass|gradients agree)\b", texts(at))


def test_generated_code_is_on_the_page():
    at = open_page("backprop", activation="tanh", forget="1")
    code = at.code[-1].value
    assert "nn.Linear(2, 2), nn.Tanh()," in code and "torch.manual_seed(0)" in code
    assert "optimizer.zero_grad()  #" not in code  # forgotten on purpose


def test_classroom_hide_keeps_values_and_hides_controls():
    at = open_page("backprop", hide="step,follow,w", step="5")
    assert_clean(at)
    assert not [b for b in at.button if b.label in ("Next step", "Previous step")]
    assert "backprop.step" not in [s.key for s in at.slider]
    assert "backprop.follow" not in [s.key for s in at.selectbox]
    assert at.latex[0].value.strip("$\n") == backprop.page_trace().steps[5].formula


def test_every_view_offers_its_tables_as_csv():
    at = open_page("backprop", forget="1")
    keys = [b.proto.id.rsplit("-csv.", 1)[-1] for b in at.get("download_button") if b.proto.label == "Download CSV"]
    assert keys == ["backprop.graph.nodes", "backprop.graph.steps", "backprop.gradients.gradients",
                    "backprop.loss.with_zero_grad", "backprop.loss.without_zero_grad",
                    "backprop.grad.with_zero_grad", "backprop.grad.without_zero_grad"]
