"""nnviz.grad_factors: the three factors of a weight gradient, checked against autograd by hand."""

import math

import pytest
import torch
from torch import nn

from nnviz import grad_factors as F
from nnviz import gradients as G

pytestmark = pytest.mark.usefixtures("one_thread")  # see conftest.one_thread


def test_factors_are_delta_input_and_their_product_by_hand():
    d = G.dataset("diabetes", 0)
    model = G.build("tanh", 10, 3, 5, "default", 1)
    t = F.factors(model, d.X_train, d.y_train)
    # by hand: run the layers one at a time, keep every z, and differentiate the MSE with respect to each
    h, zs, ins = d.X_train, [], []
    for m in model:
        if isinstance(m, nn.Linear):
            ins.append(h)
            h = m(h)
            zs.append(h)
        else:
            h = m(h)
    loss = ((h - d.y_train) ** 2).mean()
    deltas = torch.autograd.grad(loss, zs)
    lins = [m for m in model if isinstance(m, nn.Linear)]
    for row, delta, x, lin in zip(t.itertuples(), deltas, ins, lins):
        assert row.delta_rms == pytest.approx(float(delta.double().pow(2).mean().sqrt()), rel=1e-6)
        assert row.input_rms == pytest.approx(float(x.detach().double().pow(2).mean().sqrt()), rel=1e-6)
        # ∂L/∂W = δᵀ·h summed over the samples: the identity the page's lead states
        assert row.weight_grad_norm == pytest.approx(float((delta.T @ x.detach()).double().norm()), rel=1e-5)
    assert list(t["layer"]) == [1, 2, 3, 4]
    with pytest.raises(ValueError, match="no nn.Linear"):
        F.factors(nn.Sequential(nn.ReLU()), d.X_train, d.y_train)


def test_per_layer_is_the_geometric_mean_step():
    assert F.per_layer([1.0, 0.5, 0.25, 0.125]) == pytest.approx(0.5)
    assert F.per_layer([8.0, 1.0]) == pytest.approx(0.125)
    assert math.isnan(F.per_layer([1.0])) and math.isnan(F.per_layer([0.0, 1.0]))


@pytest.mark.parametrize("ratio,word", [(0.0, "dead"), (1e-3, "vanish"), (0.0099, "vanish"), (0.01, "ok"),
                                        (1.0, "ok"), (100.0, "ok"), (101.0, "explode"), (math.nan, "none")])
def test_verdict_thresholds(ratio, word):
    assert F.verdict(ratio) == word


def test_zero_biases_keep_the_weights_and_only_zero_the_biases():
    a = G.build("relu", 10, 4, 6, "default", 3)
    b = G.build("relu", 10, 4, 6, "default", 3, biases="zeros")
    for la, lb in zip(a, b):
        if isinstance(la, nn.Linear):
            assert torch.equal(la.weight, lb.weight) and not lb.bias.any() and la.bias.any()
    with pytest.raises(ValueError, match="biases"):
        G.build("relu", 10, 4, 6, biases="small")


def test_train_with_zero_biases_matches_a_zero_bias_net_by_hand():
    ex = G.train(("relu",), depth=3, width=6, epochs=10, biases="zeros")
    d = G.dataset("diabetes", 0)
    t = G.layer_grad_norms(G.build("relu", 10, 3, 6, biases="zeros"), d.X_train, d.y_train)
    assert ex.at(0)["weight_grad_norm"].tolist() == pytest.approx(t["weight_grad_norm"].tolist(), rel=1e-6)
