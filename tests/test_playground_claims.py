"""What the playground's 'Try this' answers say, computed with the page's own settings (nnviz.playground)."""

from __future__ import annotations

import torch

from nnviz import playground as pg
from nnviz.playground import settings as S


def _run(**over):
    values = S.SETTINGS.check(**{**S.SETTINGS.defaults(), **over})
    return values, pg.run(values, pg.points(values))


def test_a1_no_straight_line_separates_circles_but_squared_features_draw_one():
    _, line = _run(data="circles", layers=0)
    assert line.test_acc[-1] <= 0.7  # "accuracy stays near chance" (two classes: 0.5)
    _, circle = _run(**S.PRESETS["circle"])
    assert circle.test_acc[-1] >= 0.95


def test_a2_the_big_net_overfits_noisy_moons_and_dropout_ends_lower():
    values, a = _run(**S.PRESETS["overfit"])
    low = int(a.test_loss.argmin())
    assert low < a.epochs and a.test_loss[-1] > 1.2 * a.test_loss[low]  # the test loss turns up …
    assert a.train_loss[-1] < a.train_loss[low]  # … while the training loss keeps falling
    assert pg.verdict(a) == "overfit"
    b_values = pg.b_values(values)
    assert b_values is not None and b_values["dropout"] == 0.3
    b = pg.run(b_values, pg.points(b_values))
    assert b.test_loss[-1] < a.test_loss[-1]  # "usually ends lower": here it does


def test_a3_zero_init_keeps_a_layers_units_copies_of_each_other():
    _, run = _run(init="zeros", activation="tanh")
    X = pg.points(S.SETTINGS.defaults()).X
    for h in pg.layer_outputs(run, X)[1:-1]:  # every hidden layer's outputs
        assert torch.allclose(h, h[:, :1].expand_as(h))  # all units alike
    hidden_weights = [w for name, w in run.model.state_dict().items() if name.endswith("weight")][:-1]
    assert all(float(w.abs().max()) == 0.0 for w in hidden_weights)  # with all weights 0 they never move
