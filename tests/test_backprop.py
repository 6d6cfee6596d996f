"""Backprop by hand: agreement with autograd, hand-worked values, the chain rule's products, SGD, codegen."""

import math
import re
import shutil
import subprocess

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from torch import nn

from nnviz import backprop
from nnviz import codegen
from nnviz.charts import backprop as charts
from nnviz.models import mlp
from nnviz.params import ParamError


def _agree(tr, atol=1e-6):
    assert tr.manual_grads.keys() == tr.autograd_grads.keys()
    for name in tr.manual_grads:
        torch.testing.assert_close(tr.manual_grads[name], tr.autograd_grads[name], atol=atol, rtol=0, msg=name)


# --- the hand-worked examples ------------------------------------------------------------------------------
def test_hand_worked_half_example_on_paper():
    """2-2-1 sigmoid, x = (1, 0), y = 1, MSE; first layer all zeros, w² = (1, −1), b² = 0.

    Forward:  z¹ = (0, 0) → a¹ = σ(0) = (0.5, 0.5);  z² = 1·0.5 − 1·0.5 + 0 = 0 → a² = 0.5
              L = (0.5 − 1)² = 0.25
    Backward: ∂L/∂a² = 2(0.5 − 1) = −1;  ∂a²/∂z² = 0.5·(1 − 0.5) = 0.25  →  ∂L/∂z² = −0.25
              ∂L/∂w²₁₁ = −0.25·a¹₁ = −0.125,  ∂L/∂w²₁₂ = −0.125,  ∂L/∂b² = −0.25
              ∂L/∂a¹ = −0.25·w² = (−0.25, 0.25);  · σ′ = 0.25  →  ∂L/∂z¹ = (−0.0625, 0.0625)
              ∂L/∂W¹ = ∂L/∂z¹ ⊗ x = [[−0.0625, 0], [0.0625, 0]],  ∂L/∂b¹ = (−0.0625, 0.0625)
    Every number is exact in binary, so the hand computation must hit them exactly.
    """
    model = backprop.build(width=2, depth=1, activation="sigmoid", weights=[0, 0, 0, 0, 0, 0, 1, -1, 0])
    tr = backprop.trace(model, torch.tensor([[1.0, 0.0]]), torch.tensor([[1.0]]), "mse")
    assert tr.loss == 0.25
    g = tr.manual_grads
    assert g["2.weight"].tolist() == [[-0.125, -0.125]]
    assert g["2.bias"].tolist() == [-0.25]
    assert g["0.weight"].tolist() == [[-0.0625, 0.0], [0.0625, 0.0]]
    assert g["0.bias"].tolist() == [-0.0625, 0.0625]
    values = {s.nodes[0]: s.value for s in tr.backward}
    assert values["a2_1"] == (-1.0,) and values["z2_1"] == (-0.25,)
    assert values["a1_1"] == (-0.25,) and values["a1_2"] == (0.25,)
    _agree(tr, atol=0)


def test_hand_worked_mazur_example_2_2_2():
    """Matt Mazur's classic worked example ("A Step by Step Backpropagation Example").

    i = (0.05, 0.10), targets (0.01, 0.99); w1..w4 = .15 .20 .25 .30, b1 = .35; w5..w8 = .40 .45 .50 .55,
    b2 = .60. His error E = Σ ½(t − o)² equals nn.MSELoss (mean over the 2 outputs), so the gradients agree.
    On paper: net_h1 = .15·.05 + .2·.1 + .35 = 0.3775, out_h1 = σ(0.3775) = 0.593269992;
    out_h2 = 0.596884378; net_o1 = .4·0.593269992 + .45·0.596884378 + .6 = 1.105905967,
    out_o1 = 0.75136507, out_o2 = 0.772928465; E = ½(.01 − .75136507)² + ½(.99 − .772928465)² = 0.298371109.
    ∂E/∂w5 = (out_o1 − t1)·out_o1(1 − out_o1)·out_h1 = 0.74136507·0.186815602·0.593269992 = 0.082167041.
    ∂E/∂w1 = (Σₖ δₖ·wₖ₁)·out_h1(1 − out_h1)·i1 = 0.036350306·0.241300709·0.05 = 0.000438568.
    The others follow from his updated weights (lr 0.5): w ← w − 0.5·∂E/∂w.
    """
    model = nn.Sequential(nn.Linear(2, 2), nn.Sigmoid(), nn.Linear(2, 2), nn.Sigmoid()).double()
    backprop.set_weights(model, [0.15, 0.20, 0.25, 0.30, 0.35, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.60])
    tr = backprop.trace(model, torch.tensor([[0.05, 0.10]]), torch.tensor([[0.01, 0.99]]), "mse")
    assert tr.loss == pytest.approx(0.298371109, abs=1e-8)  # he rounds each intermediate to 9 digits
    assert tr.node("a1_1").data[0] == pytest.approx(0.593269992, abs=1e-8)
    assert tr.node("a2_2").data[0] == pytest.approx(0.772928465, abs=1e-8)
    g = tr.manual_grads
    assert g["2.weight"][0, 0].item() == pytest.approx(0.082167041, abs=1e-8)
    assert g["0.weight"][0, 0].item() == pytest.approx(0.000438568, abs=1e-8)
    new = {  # his updated weights
        ("0.weight", 0, 0): 0.149780716,
        ("0.weight", 0, 1): 0.19956143,
        ("0.weight", 1, 0): 0.24975114,
        ("0.weight", 1, 1): 0.29950229,
        ("2.weight", 0, 0): 0.35891648,
        ("2.weight", 0, 1): 0.408666186,
        ("2.weight", 1, 0): 0.511301270,
        ("2.weight", 1, 1): 0.561370121,
    }
    for (name, j, i), w_new in new.items():
        w = dict(model.named_parameters())[name][j, i].item()
        assert w - 0.5 * g[name][j, i].item() == pytest.approx(w_new, abs=1e-8), (name, j, i)
    _agree(tr, atol=1e-12)


def test_default_page_net_values_and_formula_numbers():
    tr = backprop.page_trace()
    assert backprop.SETTINGS.defaults()["sample"] == "x10"
    assert [s.kind for s in tr.forward] == [
        "input",
        "linear",
        "linear",
        "activation",
        "activation",
        "linear",
        "activation",
        "loss",
    ]
    assert len(tr.backward) == 1 + 1 + 1 + 3 + 2 + 2 + 6  # seed, a², z², layer-2 params, a¹, z¹, layer-1 params
    # every forward value equals what the real modules compute (hooks on the same model)
    model = backprop.build()
    outs = []
    hooks = [m.register_forward_hook(lambda m, i, o: outs.append(o.detach())) for m in model]
    x, y = backprop.sample("x10")
    model(x)
    for h in hooks:
        h.remove()
    z1, a1, z2, a2 = outs
    for j in range(2):
        assert tr.node(f"z1_{j + 1}").data[0] == pytest.approx(z1[0, j].item(), abs=1e-6)
        assert tr.node(f"a1_{j + 1}").data[0] == pytest.approx(a1[0, j].item(), abs=1e-6)
    assert tr.output[0][0] == pytest.approx(a2.item(), abs=1e-6)
    assert tr.loss == pytest.approx(tr.autograd_loss, abs=1e-15)
    # the z¹₁ step shows its weights, inputs and result with 4 significant digits
    step = tr.forward[1]
    w = model[0].weight[0].tolist()
    for number in (format(w[0], ".4g"), format(w[1], ".4g"), format(step.value[0], ".4g")):
        assert number in step.formula


def test_default_net_grad_fn_chain_maps_to_modules():
    tr = backprop.page_trace()
    assert tr.grad_fn_names == (
        "MseLossBackward0",
        "SigmoidBackward0",
        "AddmmBackward0",
        "SigmoidBackward0",
        "AddmmBackward0",
    )
    assert [g.module for g in tr.grad_fns] == [-1, 3, 2, 1, 0]
    assert tr.grad_fns[2].params == ("2.bias", "2.weight") and tr.grad_fns[4].params == ("0.bias", "0.weight")
    assert tr.grad_fns[3].nodes == ("a1_1", "a1_2")
    bce = backprop.page_trace(activation="tanh", loss="bce")
    assert bce.grad_fn_names[:4] == (
        "BinaryCrossEntropyBackward0",
        "SigmoidBackward0",
        "AddmmBackward0",
        "TanhBackward0",
    )
    assert "ReluBackward0" in backprop.page_trace(activation="relu").grad_fn_names


# --- against autograd, on random nets ------------------------------------------------------------------------
ACTS = ["sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu", "silu", "softplus", "linear"]


@st.composite
def nets(draw):
    n_in = draw(st.integers(1, 3))
    hidden = draw(st.lists(st.integers(1, 4), min_size=0, max_size=3))
    n_out = draw(st.integers(1, 2))
    act = draw(st.sampled_from(ACTS))
    loss = draw(st.sampled_from(["mse", "bce"]))
    batch = draw(st.integers(1, 4))
    seed = draw(st.integers(0, 10_000))
    return n_in, hidden, n_out, act, loss, batch, seed


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(nets())
def test_manual_grads_match_autograd_on_random_nets(spec):
    n_in, hidden, n_out, act, loss, batch, seed = spec
    g = torch.Generator().manual_seed(seed)
    # BCE needs outputs in (0, 1): end with a sigmoid; MSE may end linear (no activation at all)
    model = mlp([n_in, *hidden, n_out], act, out_act="sigmoid" if loss == "bce" else None).double()
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(torch.randn(p.shape, generator=g, dtype=torch.float64))
    x = torch.rand(batch, n_in, generator=g, dtype=torch.float64) * 4 - 2
    y = torch.rand(batch, n_out, generator=g, dtype=torch.float64)
    tr = backprop.trace(model, x, y, loss)
    _agree(tr, atol=1e-6)
    assert tr.loss == pytest.approx(tr.autograd_loss, rel=1e-12, abs=1e-12)
    torch.testing.assert_close(torch.tensor(tr.output, dtype=torch.float64), model(x).detach(), atol=1e-12, rtol=0)


@pytest.mark.parametrize("sample", backprop.SAMPLES)
@pytest.mark.parametrize(
    "act, loss, depth, width",
    [("sigmoid", "mse", 1, 2), ("tanh", "bce", 2, 3), ("relu", "mse", 2, 1), ("relu", "bce", 1, 3)],
)
def test_page_nets_agree_in_float32_too(sample, act, loss, depth, width):
    """The real float32 model, traced in float32: hand vs autograd within 1e-6 (and float64 far closer)."""
    x, y = backprop.sample(sample)
    model = backprop.build(width, depth, act, seed=3)
    _agree(backprop.trace(model, x, y, loss, dtype=torch.float32), atol=1e-6)
    _agree(backprop.trace(model, x, y, loss), atol=1e-12)


def test_batch_parameter_gradient_is_sum_of_single_sample_gradients():
    model = backprop.build(2, 1, "tanh", seed=5)
    batch = backprop.trace(model, *backprop.sample("batch"), "mse")
    singles = [backprop.trace(model, *backprop.sample(s), "mse") for s in ("x00", "x01", "x10", "x11")]
    for name in batch.manual_grads:
        # the batch loss is the mean of the four single losses, so its gradient is the mean of theirs
        mean = sum(s.manual_grads[name] for s in singles) / 4
        torch.testing.assert_close(batch.manual_grads[name], mean, atol=1e-12, rtol=0)


# --- the chain rule as written in the steps ----------------------------------------------------------------------
def _evaluate(terms, reduce):
    total = sum(np.prod([np.asarray(f) for f in term], axis=0) for term in terms)
    return np.atleast_1d(total.sum() if reduce else total)


@pytest.mark.parametrize(
    "kw",
    [
        {},
        {"sample_name": "batch"},
        {"depth": 2, "width": 3, "activation": "tanh", "loss": "bce"},
        {"depth": 2, "width": 2, "sample_name": "batch", "activation": "relu"},
    ],
)
def test_chain_rule_products_equal_stated_gradients(kw):
    tr = backprop.page_trace(**kw)
    for step in tr.backward:
        # upstream × local, summed over consumers (and over samples for a parameter) = the value shown
        np.testing.assert_allclose(_evaluate(step.terms, step.reduce), step.value, rtol=1e-12, atol=1e-15)
        node = tr.node(step.nodes[0])
        assert node.grad == step.value
        if node.param:
            # the chain rule written out path by path gives the same number, and it is autograd's
            paths = sum(np.prod([np.asarray(f) for f in path], axis=0).sum() for path in step.paths)
            assert paths == pytest.approx(step.value[0], rel=1e-12, abs=1e-15)
            assert tr.autograd_grads[node.param][node.index].item() == pytest.approx(step.value[0], rel=1e-9, abs=1e-15)
            assert r"\frac{\partial L}{\partial " + node.tex + "}" in step.chain.split("=")[0]


def test_single_path_chain_matches_the_issue_example():
    """∂L/∂w¹₁₁ = ∂L/∂a² · ∂a²/∂z² · ∂z²/∂a¹₁ · ∂a¹₁/∂z¹₁ · ∂z¹₁/∂w¹₁₁, five numbers whose product is shown."""
    tr = backprop.page_trace()
    step = next(s for s in tr.backward if s.nodes == ("w1_1_1",))
    (path,) = step.paths
    assert len(path) == 5
    a2, a1 = tr.node("a2_1").data[0], tr.node("a1_1").data[0]
    expected = [2 * (a2 - 1), a2 * (1 - a2), tr.node("w2_1_1").data[0], a1 * (1 - a1), 1.0]  # x₁ = 1
    assert [f[0] for f in path] == pytest.approx(expected, rel=1e-12)
    assert math.prod(expected) == pytest.approx(step.value[0], rel=1e-12)
    numbers = re.findall(r"\(([-0-9.e]+)\)", step.chain.split("=")[2])
    assert [float(n) for n in numbers] == pytest.approx(expected, rel=1e-3)


def test_backward_steps_only_read_gradients_already_computed():
    tr = backprop.page_trace(depth=2, width=3, sample_name="batch")
    done = set()
    for step in tr.backward:
        assert set(step.uses) <= done, step.nodes
        done |= set(step.nodes)
    assert done == {n.id for n in tr.nodes if n.grad is not None}


def test_bce_after_sigmoid_simplifies_to_output_minus_target():
    tr = backprop.page_trace(loss="bce")
    step = next(s for s in tr.backward if s.nodes == ("z2_1",))
    a = tr.node("a2_1").data[0]
    assert step.value[0] == pytest.approx(a - 1.0, abs=1e-12)  # y = 1
    assert r"a^{(2)}-y" in step.formula


def test_relu_blocks_gradient_of_a_negative_unit():
    for seed in range(50):
        tr = backprop.page_trace(activation="relu", seed=seed)
        dead = [n for n in tr.nodes if n.kind == "z" and n.layer == 1 and n.data[0] < 0]
        if dead:
            j = dead[0].unit
            assert tr.node(f"z1_{j}").grad == (0.0,)
            assert tr.manual_grads["0.weight"][j - 1].abs().sum() == 0
            return
    pytest.fail("no seed gave a negative hidden z")


def test_zero_input_gives_zero_weight_gradient():
    tr = backprop.page_trace()  # x = (1, 0)
    assert tr.manual_grads["0.weight"][:, 1].abs().sum() == 0
    assert (tr.manual_grads["0.weight"][:, 0] != 0).all()


def test_path_costs_count_the_products_of_both_methods():
    for width, depth in [(2, 1), (3, 2), (1, 2)]:
        tr = backprop.page_trace(width=width, depth=depth)
        naive = sum(len(p) for s in tr.backward if s.paths for p in s.paths)
        bp = sum(len(s.terms) for s in tr.backward[1:])
        assert backprop.path_costs(backprop.sizes(width, depth)) == (naive, bp)
    naive, bp = backprop.path_costs([2, 16, 16, 16, 1])
    assert naive > 50 * bp


# --- validation and typed weights ---------------------------------------------------------------------------------
def test_trace_rejects_what_it_cannot_trace():
    x, y = backprop.sample("x10")
    with pytest.raises(ValueError, match="loss must be one of"):
        backprop.trace(backprop.build(), x, y, "hinge")
    with pytest.raises(ValueError, match="got Dropout"):
        backprop.trace(nn.Sequential(nn.Linear(2, 1), nn.Dropout(0.5)), x, y)
    with pytest.raises(ValueError, match="needs outputs and targets in"):
        backprop.trace(nn.Sequential(nn.Linear(2, 1)), x, torch.tensor([[5.0]]), "bce")
    with pytest.raises(ValueError, match="must be an nn.Sequential"):
        backprop.trace(nn.Linear(2, 1), x, y)
    with pytest.raises(ValueError, match="expects 3 inputs"):
        backprop.trace(nn.Sequential(nn.Linear(3, 1)), x, y)
    with pytest.raises(ValueError, match="at most 2000"):
        backprop.trace(nn.Sequential(nn.Linear(2, 1000), nn.Linear(1000, 1)), x, y)


def test_trace_leaves_the_model_untouched():
    model = backprop.build()
    before = [p.detach().clone() for p in model.parameters()]
    backprop.trace(model, *backprop.sample("x10"))
    assert all(p.grad is None for p in model.parameters())
    assert all(torch.equal(a, b) for a, b in zip(before, model.parameters()))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("0.15, -0.2 0.35", (0.15, -0.2, 0.35)),
        (".5;-.25", (0.5, -0.25)),
        ("1e-3 10 -10", (0.001, 10.0, -10.0)),
        ("", ()),
    ],
)
def test_parse_weights_accepts_plain_numbers(text, expected):
    assert backprop.parse_weights(text) == expected


@pytest.mark.parametrize(
    "text, message",
    [
        ("1+1", "entry 1"),
        ("__import__('os')", "not a number"),
        ("nan", "not a number"),
        ("inf", "not a number"),
        ("1e309", "finite"),
        ("0.1, 10.5", "entry 2 must be between -10 and 10"),
        (",".join(["1"] * 65), "at most 64 numbers"),
        ("0x10", "not a number"),
    ],
)
def test_parse_weights_rejects_anything_else(text, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        backprop.parse_weights(text)


def test_weights_in_the_url_may_be_longer_than_the_shell_cap_but_are_bounded():
    text = "0.123456,-0.223456,0.323456,0.423456,0.523456,0.623456,0.723456,0.823456,0.923456"
    assert len(text) > 40
    values, rejected = backprop.SETTINGS.parse_query({"w": text})
    assert not rejected and values["w"] == backprop.parse_weights(text)
    values, rejected = backprop.SETTINGS.parse_query({"w": "1," * 500, "lr": "abc"})
    assert values["w"] == () and {r.name: r.reason for r in rejected} == {"w": "too_long", "lr": "type"}
    values, rejected = backprop.SETTINGS.parse_query({"w": "1,2,99"})
    assert values["w"] == () and rejected[0].reason == "range"
    values, rejected = backprop.SETTINGS.parse_query({"w": "1,os.system"})
    assert rejected[0].reason == "type"
    assert backprop.SETTINGS.to_query({"w": (0.5, -0.25)}) == {"w": "0.5,-0.25"}
    assert backprop.SETTINGS.to_query({"w": ()}) == {"w": "seed"}  # the default reads as what it means
    assert backprop.SETTINGS.parse_query({"w": "seed"}) == (backprop.SETTINGS.defaults(), [])


def test_set_weights_checks_count_and_bounds():
    model = backprop.build()
    with pytest.raises(ValueError, match="this net has 9 parameters, got 3"):
        backprop.set_weights(model, [0.1, 0.2, 0.3])
    with pytest.raises(ParamError, match="between"):
        backprop.set_weights(model, [0.0] * 8 + [11.0])
    backprop.set_weights(model, [0.5] * 9)
    assert backprop.flat_weights(model) == (0.5,) * 9
    slots = backprop.weight_slots(3, 2)
    assert len(slots) == backprop.n_params(3, 2) == 25
    assert slots.parameter.tolist()[:4] == ["0.weight[0, 0]", "0.weight[0, 1]", "0.weight[1, 0]", "0.weight[1, 1]"]


def test_a_slot_writes_and_reads_one_entry_of_a_parameter():
    slot = backprop.Slot("0.weight", (1, 0))
    assert str(slot) == "0.weight[1, 0]" and slot.grad == "0.weight.grad[1, 0]"
    model = backprop.build(3, 2)
    every = list(backprop.slots(model))
    assert len(every) == 25 and [backprop.Slot.parse(str(s)) for s in every] == every
    assert [str(s) for s in every] == backprop.weight_slots(3, 2).parameter.tolist()
    tr = backprop.page_trace(width=3, depth=2)
    assert sorted((n.slot for n in tr.params), key=every.index) == every  # named the same way (by unit)
    assert tr.symbols["0.weight[1, 0]"] == "w¹₂₁" and tr.symbols["4.bias[0]"] == "b³"
    for bad in ("0.weight[1,0]", "0.weight", "__import__('os')[0]", "0.weight[-1, 0]"):
        with pytest.raises(ValueError, match="not a parameter entry"):
            backprop.Slot.parse(bad)


def test_edited_weights_are_rounded_as_a_link_writes_them_and_checked():
    current = (0.1234567891, 0.5, -2.0)
    values = backprop.edited(current, {1: 2.25})
    assert values == (0.123457, 2.25, -2.0)
    assert backprop.SETTINGS.parse_query(backprop.SETTINGS.to_query({"w": values}))[0]["w"] == values
    with pytest.raises(ValueError, match="entry 2 must be between -10 and 10"):
        backprop.edited(current, {1: 11})
    with pytest.raises(ValueError, match="entry 3 is not a number"):
        backprop.edited(current, {2: "abc"})


def test_typed_weights_are_used_only_when_they_fit_the_net():
    nine = tuple(0.1 * k for k in range(9))
    assert backprop.usable_weights(nine) == nine
    assert backprop.usable_weights(nine[:3]) == () and backprop.usable_weights(nine, width=3) == ()
    assert backprop.shown_weights(weights=nine) == nine
    assert backprop.shown_weights(seed=5) == backprop.flat_weights(backprop.build(seed=5))


def test_page_settings_say_which_sample_and_parameter_are_shown():
    assert backprop.shown_sample("n0") is None
    assert [backprop.shown_sample(f"n{k}") for k in range(1, 5)] == [0, 1, 2, 3]
    with pytest.raises(ValueError, match="show must be one of"):
        backprop.shown_sample("n9")
    assert [backprop.followed(f, 9) for f in (-1, 0, 3, 8, 9, 40)] == [8, 0, 3, 8, 8, 8]


def test_build_draws_the_same_weights_as_manual_seed():
    for seed, width, depth, act in [(0, 2, 1, "sigmoid"), (42, 3, 2, "relu")]:
        torch.manual_seed(seed)
        reference = mlp(backprop.sizes(width, depth), act, out_act="sigmoid")  # what a script gets
        assert backprop.flat_weights(backprop.build(width, depth, act, seed=seed)) == backprop.flat_weights(reference)


def test_page_settings_bounds_are_enforced():
    with pytest.raises(ValueError, match="width must be between 1 and 3"):
        backprop.build(width=4)
    with pytest.raises(ValueError, match="depth must be between 1 and 2"):
        backprop.page_trace(depth=3)
    with pytest.raises(ValueError, match="lr must be between 0.01 and 100"):
        backprop.sgd(backprop.build(), *backprop.sample("x10"), lr=1000)
    with pytest.raises(ValueError, match="sample must be one of"):
        backprop.sample("x22")


def test_the_walk_says_where_it_is_and_what_each_step_does():
    from nnviz import i18n

    tr = backprop.page_trace()
    n_fwd, n_bwd = len(tr.forward), len(tr.backward)
    assert tr.phase(0) == ("forward", 1, n_fwd) and tr.phase(n_fwd - 1) == ("forward", n_fwd, n_fwd)
    assert tr.phase(n_fwd) == ("backward", 1, n_bwd) and tr.phase(len(tr.steps) - 1) == ("backward", n_bwd, n_bwd)
    at = next(k for k, s in enumerate(tr.steps) if s.nodes == ("w1_2_1",))
    assert tr.describe(at) == [("kind.param_grad", {"param": "0.weight.grad[1, 0]"})]
    batch = backprop.page_trace("batch")
    at = next(k for k, s in enumerate(batch.steps) if s.nodes == ("b2_1",))
    assert batch.describe(at) == [("kind.param_grad", {"param": "2.bias.grad[0]"}), ("kind.param_grad.batch", {"B": 4})]
    at = next(k for k, s in enumerate(tr.steps) if s.nodes == ("z1_1",) and s.phase == "backward")
    assert tr.describe(at) == [("kind.act_grad", {"node": "z¹₁", "up": "a¹₁"})]
    at = next(k for k, s in enumerate(tr.steps) if s.nodes == ("a1_1",) and s.phase == "backward")
    assert tr.describe(at) == [("kind.sum_grad", {"node": "a¹₁", "k": 1})]  # a¹₁ feeds z² only
    assert tr.describe(len(tr.forward)) == [("kind.seed", {})] and tr.describe(0) == [("kind.input", {})]
    deep = backprop.page_trace("batch", 3, 2, "relu", "bce")
    for t in (tr, batch, deep):
        for k in range(len(t.steps)):
            for key, fmt in t.describe(k):
                assert i18n.has(f"backprop.{key}"), key
                assert i18n.t(f"backprop.{key}", "ko", **fmt)  # every value the text needs is given


def test_agreement_with_autograd_is_judged_at_the_tolerance():
    import dataclasses

    tr = backprop.page_trace()
    assert tr.agrees and tr.max_abs_diff <= backprop.AGREE_TOL
    off = {k: v.clone() for k, v in tr.manual_grads.items()}
    off["0.bias"][1] += 2 * backprop.AGREE_TOL
    assert not dataclasses.replace(tr, manual_grads=off).agrees
    off["0.bias"][1] -= 1.5 * backprop.AGREE_TOL
    assert dataclasses.replace(tr, manual_grads=off).agrees


def test_grad_fn_frame_names_each_autograd_node_by_module():
    tr = backprop.page_trace()
    df = tr.grad_fn_frame()
    assert df.name.tolist() == list(tr.grad_fn_names)
    assert df.module.tolist() == ["", "model[3] Sigmoid()", "model[2] Linear(2, 1)", "model[1] Sigmoid()",
                                  "model[0] Linear(2, 2)"]
    assert df.nodes.tolist()[:3] == ["L", "a²", "z²"] and df.params.tolist()[2] == "2.bias, 2.weight"


# --- SGD and the zero_grad trap ------------------------------------------------------------------------------------
def test_sgd_update_is_w_minus_lr_times_grad_and_lowers_the_loss():
    tr = backprop.page_training(lr=1.0, updates=20)
    df = tr.update_frame(0)
    np.testing.assert_allclose(df.w_new, df.w - 1.0 * df.grad, atol=1e-7)
    # the .grad of the first update is the hand-made gradient of the page's trace
    page = backprop.page_trace().comparison()
    np.testing.assert_allclose(df.grad, page.set_index("parameter").loc[df.parameter, "manual"], atol=1e-6)
    assert tr.losses[1] < tr.losses[0]
    assert len(tr.losses) == 21 and tr.losses[-1] < 0.25 * tr.losses[0]
    assert tr.divergence is None and not backprop.saturated(tr)


def test_sgd_matches_the_plain_training_loop():
    model = backprop.build(3, 2, "tanh", seed=7)
    x, y = backprop.sample("batch")
    tr = backprop.sgd(model, x, y, "bce", lr=0.5, updates=15)
    twin = backprop.build(3, 2, "tanh", seed=7)
    opt = torch.optim.SGD(twin.parameters(), lr=0.5)
    for t in range(15):
        opt.zero_grad()
        loss = nn.BCELoss()(twin(x), y)
        assert loss.item() == tr.losses[t]
        loss.backward()
        opt.step()
    for name, p in twin.named_parameters():
        assert torch.equal(p.detach(), tr.params[-1][name])


def test_forgotten_zero_grad_accumulates_gradients():
    tr = backprop.page_training(lr=1.0, updates=6, forget=True)
    for t in range(tr.updates):
        for name in tr.names:
            running = sum(tr.fresh[s][name] for s in range(t + 1))
            torch.testing.assert_close(tr.grads[t][name], running, atol=1e-6, rtol=1e-5)
    # update 2's own gradient, computed independently at the weights after update 1
    model = backprop.build()
    with torch.no_grad():
        for name, p in model.named_parameters():
            p.copy_(tr.params[1][name])
    nn.MSELoss()(model(backprop.sample("x10")[0]), backprop.sample("x10")[1]).backward()
    for name, p in model.named_parameters():
        torch.testing.assert_close(tr.grads[1][name], tr.grads[0][name] + p.grad, atol=1e-7, rtol=1e-6)
    acc = tr.accumulation_frame("2.bias", (0,))
    np.testing.assert_allclose(acc.grad, acc.sum_of_step_grads, atol=1e-6)
    clean = backprop.page_training(lr=1.0, updates=6)
    for t in range(clean.updates):
        for name in clean.names:
            assert torch.equal(clean.grads[t][name], clean.fresh[t][name])


def test_the_trap_adds_the_first_two_gradients_and_the_update_table_names_each_weight():
    forgot = backprop.page_training(updates=6, forget=True)
    acc = forgot.accumulation_frame("0.weight", (1, 0))
    g1, g2, total = backprop.accumulated(acc)
    assert g1 == float(forgot.fresh[0]["0.weight"][1, 0]) and g2 == float(forgot.fresh[1]["0.weight"][1, 0])
    assert total == float(forgot.grads[1]["0.weight"][1, 0]) == pytest.approx(g1 + g2, abs=1e-7)
    assert backprop.accumulated(acc.head(1)) is None
    tr = backprop.page_trace()
    upd = forgot.update_frame(0, tr.symbols)
    assert upd.columns[:2].tolist() == ["symbol", "parameter"]
    assert upd.symbol.tolist() == backprop.weight_slots().symbol.tolist()
    assert "symbol" not in forgot.update_frame(0).columns


def test_grad_series_draws_the_followed_gradient_with_and_without_zero_grad():
    names = {"grad_with": "gw", "step_with": "sw", "step_without": "so", "grad_without": "go"}
    clean = backprop.page_training(updates=5).accumulation_frame("2.bias", (0,))
    acc = backprop.page_training(updates=5, forget=True).accumulation_frame("2.bias", (0,))
    alone = charts.grad_series(clean, None, names)
    assert alone.series.unique().tolist() == ["gw", "sw"] and len(alone) == 10
    both = charts.grad_series(clean, acc, names)
    assert both.series.unique().tolist() == ["gw", "so", "go"]
    assert both[both.series == "go"].value.tolist() == acc.grad.tolist()
    assert both[both.series == "so"].value.tolist() == acc.step_grad.tolist()


def test_reuse_counts_the_page_net_and_the_big_one():
    assert backprop.reuse(3, 2) == dict(zip(("naive", "bp"), backprop.path_costs([2, 3, 3, 1]))) | dict(
        zip(("naive_big", "bp_big"), backprop.path_costs(backprop.BIG_NET)))


def test_huge_learning_rate_freezes_or_overshoots_instead_of_diverging():
    # BCE on the four samples: outputs pinned at 0/1 → loss 50 (the clamped logs), gradient ≈ 0
    frozen = backprop.page_training(sample_name="batch", loss="bce", lr=100.0, updates=50)
    assert frozen.divergence is None and backprop.saturated(frozen) and backprop.verdict(frozen) == "saturated"
    assert frozen.losses[-1] > 10 * frozen.losses[0]
    # MSE: it bounces around and ends above where it started
    bouncing = backprop.page_training(sample_name="batch", lr=100.0, updates=50)
    assert backprop.verdict(bouncing) == "up"
    # one sample is fitted by a single huge step: nothing went wrong
    assert backprop.verdict(backprop.page_training(lr=100.0, updates=50)) is None
    assert backprop.verdict(backprop.page_training()) is None


# --- charts ---------------------------------------------------------------------------------------------------------
def test_graph_dot_shows_values_then_gradients_and_highlights_the_step():
    tr = backprop.page_trace()
    first = charts.graph_dot(tr, 0)
    pending_grad = f'<TR><TD BGCOLOR="{charts.PENDING_FILL}" ALIGN="LEFT">?</TD></TR>'  # a row's second line
    pending_value = f'</B></TD><TD BGCOLOR="{charts.PENDING_FILL}" ALIGN="LEFT">?</TD>'  # beside the name
    assert first.count(pending_grad) == sum(n.grad is not None for n in tr.nodes)
    assert first.count(pending_value) == len(tr.forward) - 1  # z, a and L are not computed yet
    last = charts.graph_dot(tr, len(tr.steps) - 1, labels={"data": "값", "grad": "기울기"})
    assert "?" not in last and "기울기" in last
    step = len(tr.forward) + 4  # a backward step
    dot = charts.graph_dot(tr, step)
    current = tr.steps[step].nodes[0]
    assert f'PORT="{current}" BORDER="3" COLOR="{charts.VERMILION}"' in dot
    assert all(f'PORT="{u}" BORDER="3" COLOR="{charts.SKY}"' in dot for u in tr.steps[step].uses)
    assert "dir=back" in dot and "dir=back" not in charts.graph_dot(tr, 2)
    for name in tr.grad_fn_names:
        assert name in dot
    ports = set(re.findall(r'PORT="(\w+)"', dot))
    assert ports == {n.id for n in tr.nodes}
    for a, b in re.findall(r"\w+:(\w+):e -> \w+:(\w+):w", dot):
        assert b in {c.id for c in tr.nodes if a in c.parents}
    assert len(re.findall(r" -> ", dot)) == sum(len(n.parents) for n in tr.nodes)
    assert dot.count("{") == dot.count("}")


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' not installed (the browser renders DOT itself)")
def test_graph_dot_is_valid_graphviz():
    tr = backprop.page_trace(depth=2, width=3, sample_name="batch")
    for step in (0, len(tr.steps) - 1):
        dot = charts.graph_dot(tr, step, sample=1)
        done = subprocess.run(["dot", "-Tsvg"], input=dot, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert "<svg" in done.stdout


def test_graph_dot_shows_one_sample_of_a_batch():
    tr = backprop.page_trace(sample_name="batch")
    allv = charts.graph_dot(tr, len(tr.steps) - 1)
    one = charts.graph_dot(tr, len(tr.steps) - 1, sample=2)
    column = '"LEFT">' + "".join(f'{v}<BR ALIGN="LEFT"/>' for v in (0, 0, 1, 1)) + "</TD>"
    assert column in allv  # x₁ of the four samples, one line each
    assert column not in one and 'PORT="x1"' in one
    x1_row = one.split('PORT="x1"')[1].split("</TABLE>")[0]
    assert x1_row.endswith('"LEFT">1</TD></TR>')  # x₁ of sample 3 is 1


def test_altair_charts_build():
    tr = backprop.page_training(updates=5, forget=True)
    hist = tr.history_frame().assign(run="a")
    assert charts.loss_curves(hist, "update", "loss", "run").to_dict()["layer"]
    acc = tr.accumulation_frame("2.bias", (0,)).melt(
        id_vars="update", value_vars=["step_grad", "grad"], var_name="series"
    )
    assert charts.grad_curves(acc, "update", "grad", "series").to_dict()["layer"]
    cmp = backprop.page_trace().comparison()
    assert charts.grad_comparison(cmp, "p", "g", "hand", "autograd").to_dict()["layer"]


# --- codegen --------------------------------------------------------------------------------------------------------
def _parse(out: str):
    grads = {
        m[0]: (float(m[1]), float(m[2]))
        for m in re.findall(r"^grad (\S+\[[^\]]*\]) manual (\S+) autograd (\S+)$", out, re.M)
    }
    losses = [float(v) for v in re.findall(r"^update \d+ loss before (\S+)$", out, re.M)]
    final = float(re.search(r"^final loss (\S+)$", out, re.M).group(1))
    fns = tuple(re.findall(r"^grad_fn (\S+)$", out, re.M))
    return grads, losses, final, fns


@pytest.mark.parametrize(
    "change",
    [
        {},
        {
            "sample": "batch",
            "loss": "bce",
            "activation": "relu",
            "depth": 2,
            "width": 3,
            "forget": True,
            "updates": 8,
            "lr": 0.3,
            "seed": 11,
        },
        {"activation": "tanh", "w": (0.1, -0.2, 0.3, 0.4, -0.5, 0.6, 0.7, -0.8, 0.9), "lang": None},
    ],
)
def test_generated_script_prints_the_page_numbers(change):
    values = {**backprop.SETTINGS.defaults(), **{k: v for k, v in change.items() if k != "lang"}}
    src = codegen.script("backprop", values, "en" if "lang" in change else "ko")
    grads, losses, final, fns = _parse(codegen.run(src))
    args = dict(
        sample_name=values["sample"],
        width=values["width"],
        depth=values["depth"],
        activation=values["activation"],
        loss=values["loss"],
        seed=values["seed"],
        weights=values["w"],
    )
    tr = backprop.page_trace(**args)
    page = {row.parameter: row for row in tr.comparison().itertuples()}
    assert grads.keys() == page.keys()
    for name, (manual, auto) in grads.items():
        assert manual == pytest.approx(page[name].manual, abs=1e-6)
        assert auto == pytest.approx(page[name].autograd, abs=1e-6)
    assert fns == tr.grad_fn_names
    run = backprop.page_training(lr=values["lr"], updates=values["updates"], forget=values["forget"], **args)
    assert losses == pytest.approx(list(run.losses[:-1]), abs=1e-6)
    assert final == pytest.approx(run.losses[-1], abs=1e-6)
