"""nnviz.engine: the batched program against the plain nn.Sequential + torch.optim loop, seed by seed."""

from __future__ import annotations

import math

import pytest
import torch
from conftest import plain_training
from torch import nn

from nnviz import engine
from nnviz.data import logic_gate
from nnviz.engine import ACT_CODES, Batch, Layout, history, layer_sizes, linear_default_init_, mlp, one_thread, trace
from nnviz.engine import batched
from nnviz.engine.stacked import train_stacked
from nnviz.models import initialize

pytestmark = pytest.mark.usefixtures("one_thread")

ACTS = {"sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "relu": nn.ReLU}


def blobs(n: int = 8, n_in: int = 3, seed: int = 123) -> tuple[torch.Tensor, torch.Tensor]:
    """A small data set that is not XOR: ``n`` points in ``n_in`` dimensions, labels from a fixed plane."""
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(n, n_in, generator=g)
    return x, (x @ torch.arange(1.0, n_in + 1) > 0).float()[:, None]


def plain_loop(seed, sizes, activation, optimizer, lr, steps, x, y):
    """The tutorial's loop, written without nnviz: per-step losses and the trained model."""
    torch.manual_seed(seed)
    mods = []
    for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
        mods += [nn.Linear(a, b), ACTS[activation]() if i < len(sizes) - 2 else nn.Sigmoid()]
    model = nn.Sequential(*mods)
    return plain_training(model, x, y, nn.BCELoss(), optimizer, lr, steps), model


CASES = [
    ("sigmoid", "sgd", 1.0, (3, 4, 1)),
    ("tanh", "adam", 0.05, (3, 5, 5, 1)),
    ("relu", "sgd", 0.3, (3, 6, 6, 6, 1)),
    ("relu", "adam", 0.01, (3, 2, 1)),
]


@pytest.mark.parametrize("activation,optimizer,lr,sizes", CASES)
def test_every_net_of_a_batch_equals_the_plain_loop_seed_by_seed(activation, optimizer, lr, sizes):
    x, y = blobs()
    seeds, steps = [0, 3, 7], 150
    layout = Layout.of(sizes)
    batch = Batch(layout.initial_block(seeds), layout, activation, optimizer, lr, x, y)
    tr = trace(batch, steps, curve_steps=range(steps))
    for col, s in enumerate(seeds):
        losses, model = plain_loop(s, sizes, activation, optimizer, lr, steps, x, y)
        assert torch.allclose(tr.curves[:, col], torch.tensor(losses), atol=1e-6, rtol=0)
        for got, want in zip(layout.unpack(batch.flat[:, col]), model.parameters()):
            assert torch.allclose(got, want.detach(), atol=1e-6, rtol=0)
        with torch.no_grad():
            p = model(x)
        assert float(tr.final_loss[col]) == pytest.approx(nn.BCELoss()(p, y).item(), abs=1e-6)
        assert torch.allclose(tr.final_p[:, col], p[:, 0], atol=1e-6)


def test_history_of_one_net_equals_the_plain_loop():
    x, y = blobs(n=6, n_in=2, seed=9)
    layout = Layout.of((2, 3, 1))
    h = history(Batch(layout.initial_block([4]), layout, "tanh", "sgd", 0.5, x, y), 200)
    losses, model = plain_loop(4, (2, 3, 1), "tanh", "sgd", 0.5, 200, x, y)
    assert torch.allclose(h.losses, torch.tensor(losses), atol=1e-6, rtol=0)
    assert h.snap_steps == tuple(range(201)) and h.diverged is None
    for got, want in zip(layout.unpack(h.snaps[-1]), model.parameters()):
        assert torch.allclose(got, want.detach(), atol=1e-6, rtol=0)


def test_forward_equals_nn_sequential_for_every_activation():
    x = blobs(n=5)[0]
    for activation in ACT_CODES:
        sizes = (3, 4, 4, 1)
        torch.manual_seed(1)
        model = mlp(sizes, act=activation, out_act="sigmoid")
        vec = Layout.of(sizes).pack(list(model.parameters()))
        acts = engine.forward(vec.reshape(-1, 1), list(sizes), ACT_CODES[activation], x[:, :, None])
        with torch.no_grad():
            assert torch.allclose(acts[-1][..., 0], model(x), atol=1e-6)
            assert torch.allclose(acts[1][..., 0], model[:2](x), atol=1e-6)


def test_initial_weights_are_manual_seed_then_sequential_and_leave_global_rng_alone():
    state = torch.random.get_rng_state()
    layout = Layout.of(layer_sizes(2, 3, 2, 1))
    block = layout.initial_block([3, 11])
    assert torch.equal(torch.random.get_rng_state(), state)
    for col, s in enumerate([3, 11]):
        torch.manual_seed(s)
        ref = nn.Sequential(nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 3), nn.Tanh(), nn.Linear(3, 1), nn.Sigmoid())
        for got, want in zip(layout.unpack(block[:, col]), ref.parameters()):
            assert torch.equal(got, want.detach())


def test_layer_sizes_are_input_hidden_output():
    assert layer_sizes(2, 3, 2, 1) == (2, 3, 3, 1)
    assert Layout.of(layer_sizes(2, 3, 2, 1)).n_params == (2 * 3 + 3) + (3 * 3 + 3) + (3 + 1)


def test_linear_default_init_from_a_generator_is_reset_parameters():
    """nn.Linear's own rule on a private generator draws what reset_parameters draws from the global one."""
    model = mlp((4, 6, 3), act="relu")
    linear_default_init_(model, torch.Generator().manual_seed(5))
    ref = mlp((4, 6, 3), act="relu")
    torch.manual_seed(5)
    for layer in ref:
        if isinstance(layer, nn.Linear):
            layer.reset_parameters()
    for got, want in zip(model.parameters(), ref.parameters()):
        assert torch.equal(got, want)
    again = initialize(mlp((4, 6, 3), act="relu"), "default", generator=torch.Generator().manual_seed(5))
    assert all(torch.equal(a, b) for a, b in zip(again.parameters(), model.parameters()))


def test_a_diverging_net_is_marked_and_leaves_the_others_alone():
    x, y = logic_gate("xor")
    layout = Layout.of((2, 2, 1))
    block = layout.initial_block([0, 1, 2])
    block[0, 1] = float("nan")  # poison net 1's first weight
    tr = trace(Batch(block, layout, "sigmoid", "sgd", 1.0, x, y), 100, curve_steps=[0, 10, 100])
    assert tr.diverged_at.tolist() == [-1, 0, -1]
    assert tr.diverged_what[1] == "loss"
    assert torch.isnan(tr.curves[:, 1]).all()
    clean = trace(Batch(layout.initial_block([0, 2]), layout, "sigmoid", "sgd", 1.0, x, y), 100)
    assert tr.final_loss[[0, 2]].tolist() == pytest.approx(clean.final_loss.tolist(), abs=1e-7)


def test_embedded_narrow_nets_train_as_if_alone():
    x, y = blobs()
    small, big = Layout.of((3, 2, 1)), Layout.of((3, 5, 1))
    block, mask = big.embed(small.initial_block([1, 2]), small)
    wide = trace(Batch(block, big, "tanh", "adam", 0.05, x, y, mask=mask.expand(-1, 2).contiguous()), 120)
    alone = trace(Batch(small.initial_block([1, 2]), small, "tanh", "adam", 0.05, x, y), 120)
    assert torch.allclose(wide.final_loss, alone.final_loss, atol=1e-6)


@pytest.mark.parametrize("activation,optimizer", [("sigmoid", "sgd"), ("relu", "adam")])
def test_plain_python_step_loop_gives_the_scripted_numbers(activation, optimizer):
    x, y = logic_gate("xor")
    layout = Layout.of((2, 3, 3, 1))
    block = layout.initial_block(range(6))
    outs = []
    for program in (batched.train_steps, batched.train_steps_python):
        b = Batch(block, layout, activation, optimizer, 0.1, x, y)
        q, g = torch.empty(200, 4, 1, 6), torch.empty(200, 6)
        with torch.no_grad():
            b.steps(200, q, g, program=program)
        outs.append((b.flat, q))
    assert torch.allclose(outs[0][0], outs[1][0], atol=1e-6) and torch.allclose(outs[0][1], outs[1][1], atol=1e-6)


def test_bad_activation_or_optimizer_is_named():
    x, y = logic_gate("xor")
    layout = Layout.of((2, 2, 1))
    with pytest.raises(ValueError, match="gelu"):
        Batch(layout.initial_block([0]), layout, "gelu", "sgd", 1.0, x, y)
    with pytest.raises(ValueError, match="rmsprop"):
        Batch(layout.initial_block([0]), layout, "relu", "rmsprop", 1.0, x, y)


def test_one_thread_context_restores_the_thread_count():
    torch.set_num_threads(2)
    with one_thread():
        assert torch.get_num_threads() == 1
    assert torch.get_num_threads() == 2
    torch.set_num_threads(1)


def test_constants_are_torchs_defaults():
    import inspect

    adam = inspect.signature(torch.optim.Adam).parameters
    assert (batched.ADAM_BETA1, batched.ADAM_BETA2) == adam["betas"].default
    assert batched.ADAM_EPS == adam["eps"].default
    assert math.isclose(batched.BCE_EPS, 1e-12)


# --- the torch.func path: a few larger nets, any loss ------------------------------------------------------
@pytest.mark.parametrize("optimizer,lr,loss_name", [("sgd", 0.1, "mse"), ("adam", 0.01, "bce_logits"),
                                                    ("sgd", 0.5, "cross_entropy")])
def test_stacked_nets_equal_the_plain_loop_each(optimizer, lr, loss_name):
    g = torch.Generator().manual_seed(0)
    x = torch.randn(40, 5, generator=g)
    n_out = 3 if loss_name == "cross_entropy" else 1
    y = {"mse": torch.randn(40, 1, generator=g), "bce_logits": (torch.rand(40, 1, generator=g) > 0.5).float(),
         "cross_entropy": torch.randint(0, 3, (40,), generator=g)}[loss_name]
    loss = {"mse": nn.functional.mse_loss, "bce_logits": nn.functional.binary_cross_entropy_with_logits,
            "cross_entropy": nn.functional.cross_entropy}[loss_name]
    batches = torch.randint(0, 40, (60, 16), generator=g) if loss_name == "cross_entropy" else None
    models = []
    act = "tanh"
    for i in range(3):  # one structure, own weights: nn.Linear's default, Xavier, He
        gen = torch.Generator().manual_seed(i)
        m = mlp((5, 16, 16, n_out), act=act)
        models.append(linear_default_init_(m, gen) if i == 0 else
                      initialize(m, ("xavier_normal", "kaiming_uniform")[i - 1], act, generator=gen))
    before = [{k: v.clone() for k, v in m.state_dict().items()} for m in models]
    first: dict = {}
    st = train_stacked(models, x, y, loss, optimizer, lr, 60, batches=batches,
                       on_step=lambda t, p, g: first.update(g) if t == 0 else None)
    for i, m in enumerate(models):  # step 0's gradients are autograd's on each untouched model
        xb, yb = (x, y) if batches is None else (x[batches[0]], y[batches[0]])
        m.zero_grad()
        loss(m(xb), yb).backward()
        for name, p in m.named_parameters():
            assert torch.allclose(first[name][i], p.grad, atol=1e-6, rtol=0)
        m.zero_grad()
    for i, m in enumerate(models):
        assert all(torch.equal(v, m.state_dict()[k]) for k, v in before[i].items())  # left as they were
        ref = plain_training(m, x, y, loss, optimizer, lr, 60, batches)
        assert torch.allclose(st.losses[:, i], torch.tensor(ref), atol=1e-6, rtol=0)
        for name, p in m.named_parameters():
            assert torch.allclose(st.params[name][i], p.detach(), atol=1e-6, rtol=0)




# --- nn.Linear stacks through torch.baddbmm ----------------------------------------------------------------
@pytest.mark.parametrize("act", ["tanh", "relu", "sigmoid", "leaky_relu", "linear"])
@pytest.mark.parametrize("sizes,n", [((64, 64, 64, 10), 64), ((64, 8, 10), 360), ((10, 24, 24, 3), 352)])
def test_a_linear_stack_equals_each_nets_own_layers_forward_and_backward_bit_for_bit(act, sizes, n):
    if not engine.bmm_matches_linear():
        pytest.skip("this CPU's bmm is not nn.Linear's to the bit: bmm_exact is False and callers train net by net")
    assert engine.bmm_exact(sizes, n)
    g = torch.Generator().manual_seed(3)
    x = torch.randn(n, sizes[0], generator=g)
    models = [initialize(mlp(sizes, act), ("default", "xavier_normal", "kaiming_normal")[i], act, generator=g)
              if i else linear_default_init_(mlp(sizes, act), g) for i in range(3)]
    Ws, bs = engine.stack_linears(models)
    out = engine.linear_stack_forward(Ws, bs, models[0][1], x)
    torch.autograd.backward([o.square().mean() for o in out])
    for i, m in enumerate(models):
        mine = m(x)
        assert torch.equal(out[i], mine)
        mine.square().mean().backward()
        lins = [l for l in m if isinstance(l, nn.Linear)]
        for W, b, lin in zip(Ws, bs, lins):
            assert torch.equal(W.grad[i], lin.weight.grad) and torch.equal(b.grad[i], lin.bias.grad)


def test_bmm_exact_excludes_small_and_matrix_vector_products():
    assert engine.bmm_exact((64, 64, 10), 64) == engine.bmm_matches_linear()  # the rule, then this CPU's BLAS
    assert not engine.bmm_exact((1, 512, 1), 80)  # the dropout lesson's 1-H-1 net: matrix-vector products
    assert not engine.bmm_exact((10, 24, 1), 353)  # the activations lesson's output unit
    assert not engine.bmm_exact((2, 3, 3), 4)  # 4·3·3 < 400: torch's own small loop
    # 353 × 24 hidden values per net: not whole vector blocks (a stacked sigmoid_backward differs in the last bit)
    assert not engine.bmm_exact((10, 24, 24, 3), 353)
    assert engine.bmm_exact((10, 24, 24, 3), 352) == engine.bmm_matches_linear()
