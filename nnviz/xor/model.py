"""The XOR lesson's net, its settings and one net's whole training (:func:`train` → :class:`Run`)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from nnviz.data import logic_gate
from nnviz.engine import Batch, Layout, history, layer_sizes, mlp
from nnviz.params import Bool, Choice, Float, Int, Spec, seed
from nnviz.training import Divergence
from nnviz.xor import outcomes

ACTIVATIONS = ("sigmoid", "tanh", "relu")
OPTIMIZERS = ("sgd", "adam")
LEARNING_RATES = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0)
WIDTHS = tuple(range(1, 9))  # the width sweep's H
MAX_SEEDS = 1000
POINT_NAMES = ("00", "01", "10", "11")  # the four inputs, in logic_gate's row order

SETTINGS = Spec(
    Int("hidden", 2, lo=1, hi=10),
    Int("layers", 1, lo=1, hi=3),
    Choice("activation", "sigmoid", options=ACTIVATIONS, widget="segmented"),
    Choice("optimizer", "sgd", options=OPTIMIZERS, widget="segmented"),
    Float("lr", 1.0, lo=0.001, hi=100.0, options=LEARNING_RATES, widget="select_slider"),
    Int("steps", 5000, lo=100, hi=10_000, step=100),
    Int("view", 10_000, lo=0, hi=10_000),  # the training step the views show (beyond the end: the end)
    seed(),
    Int("n_seeds", 200, lo=1, hi=MAX_SEEDS),  # the seed sweep's N
    Int("start_seed", 0, lo=0, hi=999_000, widget="number"),  # the sweep's first seed
    Bool("compare", False, widget="toggle"),  # also run the width sweep H = 1 … 8
)


# The page's prepared views (its preset buttons, in this order): the tutorials' 2-2-1 sigmoid net with SGD,
# a seed it gets stuck with, a wider net on that seed, Adam, and a deep net.
_CLASSIC = dict(hidden=2, layers=1, activation="sigmoid", optimizer="sgd", lr=1.0, steps=5000)
PRESETS: dict[str, dict] = {
    "classic": {**_CLASSIC, "seed": 0},
    "stuck": {**_CLASSIC, "seed": 5},
    "wide": {**_CLASSIC, "hidden": 4, "seed": 5},
    "adam": {**_CLASSIC, "optimizer": "adam", "lr": 0.1, "seed": 0},
    "deep": {**_CLASSIC, "hidden": 10, "layers": 3, "steps": 10000, "seed": 0},
}


def check(**values) -> dict:
    """``values`` checked against :data:`SETTINGS` (a ParamError names the bad one)."""
    return SETTINGS.check(**values)


def sizes(hidden: int = 2, layers: int = 1) -> tuple[int, ...]:
    """Layer sizes, input first: (2, H, …, H, 1) with ``layers`` hidden layers."""
    return layer_sizes(2, hidden, layers, 1)


def shape(hidden: int = 2, layers: int = 1) -> str:
    """The net's shape as tutorials write it: "2-2-1", "2-4-4-1"."""
    return "-".join(map(str, sizes(hidden, layers)))


def build(hidden: int = 2, layers: int = 1, activation: str = "sigmoid") -> nn.Sequential:
    """The page's model, ``nn.Sequential(Linear(2, H), act, …, Linear(H, 1), Sigmoid())``, freshly initialised."""
    return mlp(sizes(hidden, layers), act=activation, out_act="sigmoid")


def data() -> tuple[torch.Tensor, torch.Tensor]:
    """The four XOR points: X (4, 2), y (4, 1)."""
    return logic_gate("xor")


def batch(seeds, hidden: int, layers: int, activation: str, optimizer: str, lr: float) -> Batch:
    """The nets of ``seeds`` (each as ``torch.manual_seed(seed)`` then :func:`build`), ready to train on XOR."""
    layout = Layout.of(sizes(hidden, layers))
    return Batch(layout.initial_block(list(seeds)), layout, activation, optimizer, lr, *data())


@dataclass(frozen=True)
class Run:
    """One net's training. ``losses[k]`` is the loss of step k (before update k); weights are kept at
    ``snap_steps`` (every step for small nets), the last entry being the final weights."""

    hidden: int
    layers: int
    activation: str
    optimizer: str
    lr: float
    steps: int
    seed: int
    losses: torch.Tensor  # (n,) n = steps, or the divergence step
    snap_steps: tuple[int, ...]
    snaps: torch.Tensor  # (len(snap_steps), P)
    final_loss: float
    diverged: Divergence | None = None

    @property
    def layout(self) -> Layout:
        return Layout.of(sizes(self.hidden, self.layers))

    @property
    def last_step(self) -> int:
        """The step of the final weights (``steps``, or where training diverged)."""
        return self.snap_steps[-1]

    @functools.cached_property
    def _snap_array(self) -> np.ndarray:
        return np.asarray(self.snap_steps)

    def snap_index(self, step: int | None) -> int:
        """The row of ``snaps`` shown for ``step``."""
        if step is None:
            return len(self.snap_steps) - 1
        return max(int(np.searchsorted(self._snap_array, int(step), side="right")) - 1, 0)

    def frame(self, step: int | None = None) -> int:
        """The recorded step shown for ``step``: the last one at or before it (None → final)."""
        return self.snap_steps[self.snap_index(step)]

    def vector(self, step: int | None = None) -> torch.Tensor:
        """All parameters after ``frame(step)`` updates as one (P,) vector (nn.Sequential's order)."""
        return self.snaps[self.snap_index(step)]

    def params(self, step: int | None = None) -> list[torch.Tensor]:
        """[W1, b1, W2, b2, …] after ``frame(step)`` updates, shaped as nn.Linear holds them."""
        return self.layout.unpack(self.vector(step))

    def model(self, step: int | None = None) -> nn.Sequential:
        """A fresh nn.Sequential holding the weights after ``frame(step)`` updates."""
        m = build(self.hidden, self.layers, self.activation)
        with torch.no_grad():
            for p, v in zip(m.parameters(), self.params(step)):
                p.copy_(v)
        return m

    @property
    def outcome(self) -> str:
        """How the run ended (:func:`nnviz.xor.outcomes.outcome`)."""
        return outcomes.outcome(self.final_loss, self.diverged is not None)

    @functools.cached_property
    def solved_at(self) -> int | None:
        """The first step with loss below the threshold (:func:`nnviz.xor.outcomes.solved_at`), or None."""
        return outcomes.solved_at(self.losses.tolist(), self.final_loss, self.last_step)

    def loss_at(self, step: int | None = None) -> float:
        """The loss of the weights after ``frame(step)`` updates."""
        k = self.frame(step)
        return float(self.losses[k]) if k < len(self.losses) else self.final_loss


def train(hidden: int = 2, layers: int = 1, activation: str = "sigmoid", optimizer: str = "sgd",
          lr: float = 1.0, steps: int = 5000, seed: int = 0,
          progress: Callable[[float], None] | None = None) -> Run:
    """Train the page's model from ``seed`` on XOR (full batch, BCE) and keep its whole history.

    Equal, to float rounding, to ``torch.manual_seed(seed)``, building the nn.Sequential, and the
    usual ``zero_grad / BCELoss / backward / step`` loop with torch.optim.SGD or Adam. Stops at the
    first step whose loss or gradient is not finite (``Run.diverged``).
    """
    check(hidden=hidden, layers=layers, activation=activation, optimizer=optimizer, lr=lr, steps=steps, seed=seed)
    h = history(batch([seed], hidden, layers, activation, optimizer, lr), steps, progress)
    return Run(hidden, layers, activation, optimizer, float(lr), steps, seed, h.losses, h.snap_steps, h.snaps,
               h.final_loss, h.diverged)
