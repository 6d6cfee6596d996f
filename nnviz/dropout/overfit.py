"""Part 2, the tutorial's experiment: a 1-H-1 ReLU net fitted to pure noise overfits; with ``nn.Dropout(p)``
much less, as long as it is switched to ``model.eval()`` before predicting."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import cast

import pandas as pd
import torch
from torch import nn

from nnviz.data import noise_regression
from nnviz.dropout.seeding import seeded
from nnviz.dropout.settings import EVAL_EVERY_STEP, MODELS, SETTINGS, TEST_FRACTION
from nnviz.models import mlp
from nnviz.training import Divergence, check_finite


@dataclass(frozen=True)
class OverfitResult:
    """Two 1-H-1 ReLU nets fitted to y = 0·x + ε: ``plain`` and ``dropout`` (with nn.Dropout(p))."""

    settings: dict
    data: pd.DataFrame  # x, y, split ("train" / "test")
    history: pd.DataFrame  # epoch, model, split ("train" / "test" in eval mode, "objective"), loss
    final: pd.DataFrame  # index model; columns train, test, gap (eval mode, after training)
    curves: pd.DataFrame  # x, plain, dropout, train_once, band_lo, band_hi, band_mean, band_sd
    band_masks: int
    reference: dict  # split → MSE of the truth y = 0 on it (mean y²): no model can expect to beat it
    divergence: dict = field(default_factory=dict)  # model → Divergence or None
    states: dict = field(default_factory=dict)  # model → state_dict (tensors, cloned)

    @property
    def ensemble_z(self) -> float:
        """The largest gap, over x, between the eval-mode curve and the mean of the ``band_masks``
        train-mode curves, in standard errors of that mean (small: eval mode is the thinned nets' average)."""
        c = self.curves
        return float(((c.band_mean - c.dropout).abs() / (c.band_sd / math.sqrt(self.band_masks))).max())

    def model(self, which: str = "dropout") -> nn.Sequential:
        """A fresh copy of a trained net, in eval mode (never shared between callers)."""
        if which not in MODELS:
            raise ValueError(f"which must be one of {list(MODELS)}, got {which!r}")
        s = self.settings
        net = mlp([1, s["hidden"], 1], "relu", dropout=s["p"] if which == "dropout" else 0.0)
        net.load_state_dict(self.states[which])
        return net.eval()

    @property
    def diverged(self) -> Divergence | None:
        """The first divergence of either net, if any."""
        found = [d for d in self.divergence.values() if d is not None]
        return found[0] if found else None


def _make_optimizer(name: str, params, lr: float) -> torch.optim.Optimizer:
    """The code export's optimizer; ``foreach=True`` only fuses the per-tensor updates (the same numbers,
    tests/test_dropout.py checks them against the default single-tensor update)."""
    if name == "adam":
        return torch.optim.Adam(params, lr=lr, foreach=True)
    return torch.optim.SGD(params, lr=lr, foreach=True)


def _train(net, xtr, ytr, xte, yte, optimizer, lr, epochs, every, tick):
    """The tutorial's full-batch loop; eval-mode train/test losses early on and every ``every`` epochs."""
    loss_fn = nn.MSELoss()
    params = list(net.parameters())
    opt = _make_optimizer(optimizer, params, lr)
    objective, checkpoints, divergence = [], [], None

    def evaluate(epoch):
        net.eval()
        with torch.no_grad():
            tr, te = loss_fn(net(xtr), ytr).item(), loss_fn(net(xte), yte).item()
        net.train()
        checkpoints.append((epoch, tr, te))

    evaluate(0)
    for epoch in range(epochs):
        loss = loss_fn(net(xtr), ytr)  # train mode: a fresh dropout mask every epoch
        loss.backward()
        # One fused norm over all gradients is finite iff every gradient is (or they are so large that the
        # norm overflows): only then ask check_finite for the exact culprit (None if there is none).
        value = loss.item()
        total = nn.utils.get_total_norm([cast(torch.Tensor, q.grad) for q in params], foreach=True).item()
        divergence = None if math.isfinite(value) and math.isfinite(total) else check_finite(epoch, loss, params)
        if divergence is not None:
            if checkpoints[-1][0] != epoch:
                evaluate(epoch)  # the weights are still those after `epoch` finite steps
            break
        objective.append(value)
        opt.step()
        opt.zero_grad()
        # Every step early on (where the loss moves fastest, and where a divergence happens), then sparser.
        if epoch < EVAL_EVERY_STEP or (epoch + 1) % every == 0 or epoch + 1 == epochs:
            evaluate(epoch + 1)
            tick(epoch + 1)
    return objective, checkpoints, divergence


def overfit_experiment(n: int = 100, noise: float = 1.0, hidden: int = 512, p: float = 0.8,
                       lr: float = 0.001, epochs: int = 1000, seed: int = 1, optimizer: str = "adam", *,
                       band_masks: int = 100, grid: int = 121,
                       progress: Callable[[float], None] | None = None) -> OverfitResult:
    """Fit 1-H-1 ReLU nets without and with ``nn.Dropout(p)`` to ``noise_regression(n, noise, seed)``.

    Each net: ``torch.manual_seed(seed)`` then ``nn.Sequential(Linear(1, H), ReLU(), [Dropout(p)],
    Linear(H, 1))`` — both start from the same weights — trained full-batch on the 80 % training split
    with MSE and ``optimizer`` for ``epochs`` steps. Returns the loss histories (train and test, in eval
    mode), the fitted curves over x in [-1, 1], and for the dropout net the spread of ``band_masks``
    train-mode predictions around its eval-mode one. ``progress(fraction)`` is called as training goes.
    """
    SETTINGS.check(n=n, noise=noise, hidden=hidden, p=p, lr=lr, epochs=epochs, seed=seed,
                   optimizer=optimizer)
    if not 2 <= band_masks <= 1000:
        raise ValueError(f"band_masks must be between 2 and 1000, got {band_masks!r}")
    if not 2 <= grid <= 1001:
        raise ValueError(f"grid must be between 2 and 1001, got {grid!r}")
    lr = SETTINGS["lr"].check(lr)
    xtr, ytr, xte, yte = noise_regression(n, noise, seed, test_fraction=TEST_FRACTION)
    every = max(1, epochs // 200)
    history, finals, divergence, states = [], {}, {}, {}
    xs = torch.linspace(-1, 1, grid).unsqueeze(1)
    curves = {"x": xs[:, 0].numpy()}

    def ticker(offset):
        return (lambda e: progress((offset + e) / (2 * epochs))) if progress else (lambda e: None)

    with seeded(seed):
        for i, which in enumerate(MODELS):
            torch.manual_seed(seed)  # the same initial weights for both nets, as in the tutorial
            net = mlp([1, hidden, 1], "relu", dropout=p if which == "dropout" else 0.0)
            objective, checkpoints, div = _train(net, xtr, ytr, xte, yte, optimizer, lr, epochs, every,
                                                 ticker(i * epochs))
            divergence[which] = div
            history += [(e, which, "objective", v) for e, v in enumerate(objective)]
            history += [(e, which, "train", tr) for e, tr, _ in checkpoints]
            history += [(e, which, "test", te) for e, _, te in checkpoints]
            _, tr, te = checkpoints[-1]
            finals[which] = (tr, te, te - tr)
            states[which] = {k: v.detach().clone() for k, v in net.state_dict().items()}
            net.eval()
            with torch.no_grad():
                curves[which] = net(xs)[:, 0].numpy()
                if which == "dropout":
                    net.train()  # what a forgotten net.eval() predicts: each x gets its own mask
                    torch.manual_seed(seed + 1)
                    curves["train_once"] = net(xs)[:, 0].numpy()
                    many = net(xs.repeat(band_masks, 1)).reshape(band_masks, grid)
                    curves["band_lo"] = torch.quantile(many, 0.05, dim=0).numpy()
                    curves["band_hi"] = torch.quantile(many, 0.95, dim=0).numpy()
                    curves["band_mean"] = many.mean(0).numpy()
                    curves["band_sd"] = many.std(0).numpy()
    data = pd.concat([
        pd.DataFrame({"x": xtr[:, 0].numpy(), "y": ytr[:, 0].numpy(), "split": "train"}),
        pd.DataFrame({"x": xte[:, 0].numpy(), "y": yte[:, 0].numpy(), "split": "test"}),
    ], ignore_index=True)
    final = pd.DataFrame.from_dict(finals, orient="index", columns=["train", "test", "gap"])
    final.index.name = "model"
    return OverfitResult(
        settings={"n": n, "noise": noise, "hidden": hidden, "p": float(p), "lr": lr, "epochs": epochs,
                  "seed": seed, "optimizer": optimizer},
        data=data,
        history=pd.DataFrame(history, columns=["epoch", "model", "split", "loss"]),
        final=final,
        curves=pd.DataFrame(curves),
        band_masks=band_masks,
        reference={"train": float((ytr**2).mean()), "test": float((yte**2).mean())},
        divergence=divergence,
        states=states,
    )


def forgot_eval(result: OverfitResult, x: float = 0.5, presses: int = 5, seed: int = 0) -> pd.DataFrame:
    """Predict at ``x`` ``presses`` times with the dropout net left in train mode, and after ``model.eval()``.

    Returns one row per press and mode (press, mode "train"/"eval", prediction). In train mode every
    press draws a new mask, so the answers differ; in eval mode they are all the same.
    """
    if not 1 <= int(presses) <= 1000:
        raise ValueError(f"presses must be between 1 and 1000, got {presses!r}")
    if not math.isfinite(x) or not -10 <= x <= 10:
        raise ValueError(f"x must be between -10 and 10, got {x!r}")
    net = result.model("dropout")
    xin = torch.tensor([[float(x)]])
    rows = []
    with torch.no_grad(), seeded(seed):
        net.train()  # the mistake: predicting without model.eval()
        rows += [(k + 1, "train", float(net(xin))) for k in range(int(presses))]
        net.eval()
        rows += [(k + 1, "eval", float(net(xin))) for k in range(int(presses))]
    return pd.DataFrame(rows, columns=["press", "mode", "prediction"])


def spread(predictions: pd.Series) -> float:
    """The standard deviation of repeated predictions (0 for a single one)."""
    return float(predictions.std()) if len(predictions) > 1 else 0.0
