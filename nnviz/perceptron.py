"""One unit, ``nn.Linear(2, 1)`` + sigmoid, on the logic gates: it learns AND, OR, NAND — never XOR.

Two learners:
- :func:`train` — the sigmoid unit trained full-batch by gradient descent (BCE or MSE, SGD), as in
  ``nn.Sequential(nn.Linear(2, 1), nn.Sigmoid())`` with ``torch.optim.SGD``.
- :func:`rosenblatt` — the classic perceptron rule with a step activation, one sample at a time.

Several units (gates, seeds, learning rates) train at once as one batched program; each equals the
plain one-model loop (tests compare them).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import torch
import torch.nn.functional as F
from torch import nn

from nnviz import heatmap
from nnviz.data import GATES, INPUT_BOX, logic_gate
from nnviz.frames import by_frame_columns
from nnviz.params import Choice, Float, Int, Spec, seed
from nnviz.training import Divergence, seeded

LOSSES = ("bce", "mse")
# The best a linear unit can do on XOR is p = 0.5 everywhere: BCE ln 2, MSE (0.5)² = 0.25.
PLATEAU = {"bce": math.log(2), "mse": 0.25}
LEARNING_RATES = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0)

SETTINGS = Spec(
    Choice("gate", "and", options=GATES, widget="segmented"),
    Choice("mode", "gd", options=("gd", "rosenblatt"), widget="radio"),
    Choice("loss", "bce", options=LOSSES, widget="radio"),
    Float("lr", 1.0, lo=0.001, hi=100.0, options=LEARNING_RATES, widget="select_slider"),
    Int("steps", 1000, lo=10, hi=5_000, step=10),
    Int("epochs", 20, lo=1, hi=200),
    Int("view", 5_000, lo=0, hi=5_000),  # the training step (or update) the views show
    seed(),
)


class _WeightPath:
    """A training's weights and biases after every update (row 0 = initial); the last row is the result."""

    weights: torch.Tensor
    biases: torch.Tensor

    @property
    def weight(self) -> torch.Tensor:
        """Final weights (2,)."""
        return self.weights[-1]

    @property
    def bias(self) -> float:
        return float(self.biases[-1])


@dataclass(frozen=True)
class Run(_WeightPath):
    """A sigmoid unit's training: ``losses[k]`` is the loss before update k (one per step)."""

    gate: str
    loss: str
    losses: torch.Tensor  # (steps,)
    weights: torch.Tensor  # (steps + 1, 2): row k = weights after k updates (row 0 = initial)
    biases: torch.Tensor  # (steps + 1,)
    diverged: Divergence | None = None

    @property
    def final_loss(self) -> float:
        """Loss of the final weights (after the last update)."""
        return float(loss_of(self.weight, self.bias, self.gate, self.loss))

    def loss_at(self, step: int) -> float:
        """The loss of the weights after ``step`` updates."""
        return float(self.losses[step]) if step < len(self.losses) else self.final_loss

    def probs(self, step: int | None = None) -> torch.Tensor:
        """Predicted P(y=1) for the four inputs 00, 01, 10, 11 after ``step`` updates (default: final)."""
        k = len(self.weights) - 1 if step is None else step
        X, _ = logic_gate(self.gate)
        return torch.sigmoid(X @ self.weights[k] + self.biases[k])


PLATEAU_TOL = 0.02  # a run whose final loss is within 2 % of the plateau is stuck on it
SAME_WEIGHT_TOL = 0.02  # |w₁| and |w₂| within 2 % (or 0.001): the inputs matter equally


def verdict(run: Run) -> str:
    """How a run ended, by name: ``learned`` (all four points right), ``stuck`` (XOR, or a loss on the
    plateau), or ``partial`` (some points right, not stuck)."""
    if int(points(run.gate, run.probs()).correct.sum()) == 4:
        return "learned"
    if run.gate == "xor" or math.isclose(run.final_loss, PLATEAU[run.loss], rel_tol=PLATEAU_TOL):
        return "stuck"
    return "partial"


def overshot(run: Run) -> bool:
    """Whether training ended worse than it began (a learning rate too large)."""
    return bool(len(run.losses)) and run.final_loss > float(run.losses[0])


def which_input(w1: float, w2: float) -> str:
    """Which input the unit weighs more: ``x1``, ``x2`` or ``equal``."""
    a, b = abs(w1), abs(w2)
    if math.isclose(a, b, rel_tol=SAME_WEIGHT_TOL, abs_tol=1e-3):
        return "equal"
    return "x1" if a > b else "x2"


def odds_factor(w: float) -> float:
    """How much raising an input from 0 to 1 multiplies the odds of y = 1: e^w (capped before overflow)."""
    return math.exp(min(w, 700.0))


def output_at_zero(b: float) -> float:
    """The unit's output when both inputs are 0: σ(b)."""
    return 1 / (1 + math.exp(-max(min(b, 700.0), -700.0)))


def initial_unit(seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    """The weights ``nn.Linear(2, 1)`` gets right after ``torch.manual_seed(seed)``: (2,), (1,)."""
    with seeded(seed):
        layer = nn.Linear(2, 1)
    return layer.weight.detach()[0].clone(), layer.bias.detach().clone()


def loss_of(weight: torch.Tensor, bias: float | torch.Tensor, gate: str, loss: str = "bce") -> torch.Tensor:
    """The loss of a unit with these weights on a gate's truth table (as nn.BCELoss / nn.MSELoss)."""
    X, y = logic_gate(gate)
    return _mean_loss(torch.sigmoid(X @ weight + bias), y, loss)


def _mean_loss(p: torch.Tensor, y: torch.Tensor, loss: str) -> torch.Tensor:
    """nn.BCELoss / nn.MSELoss of a unit's four outputs ``p`` (4,) against ``y`` (4, 1)."""
    p = p.unsqueeze(1)
    return F.binary_cross_entropy(p, y) if loss == "bce" else F.mse_loss(p, y)


# Units train in blocks of this many rows, padded. torch computes sigmoid and log with SIMD code on whole
# vector chunks and with scalar code on the tail, which differ in the last bit (AVX2 CPUs, measured): in a
# batch of any other width, a unit's numbers would depend on its neighbours. 32 rows of 4 (and 32 per-unit
# values) fill whole chunks at every vector width torch uses for float32.
BLOCK = 32


def _padded(t: torch.Tensor, rows: int) -> torch.Tensor:
    """``t`` with its first row repeated at the end up to ``rows`` rows."""
    return torch.cat([t, t[:1].expand(rows - len(t), *t.shape[1:])]) if rows > len(t) else t


def _row_sum(t: torch.Tensor) -> torch.Tensor:
    """Each row of ``t`` (U, n) summed left to right: the same additions whatever the batch width (a reduction
    kernel may group them by vector lanes)."""
    total = t[:, 0]
    for j in range(1, t.shape[1]):
        total = total + t[:, j]
    return total


def train_batch(
    W0: torch.Tensor, b0: torch.Tensor, Y: torch.Tensor, lr: torch.Tensor, steps: int, loss: str = "bce"
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Train U independent units at once, full batch, plain SGD.

    ``W0`` (U, 2), ``b0`` (U,), targets ``Y`` (U, 4) on inputs 00, 01, 10, 11, learning rates ``lr``
    (U,). Returns losses (steps, U), weights (steps+1, U, 2), biases (steps+1, U) and, per unit, the
    first step whose loss or gradient was not finite (-1 if none); a diverged unit stops updating.
    A unit's numbers are the same to the bit whichever units train beside it.
    """
    X, _ = logic_gate("and")
    U = len(W0)
    rows = -(-U // BLOCK) * BLOCK
    W, b = _padded(W0, rows).clone(), _padded(b0, rows).clone()
    Y, lr = _padded(Y, rows).contiguous(), _padded(lr, rows)
    losses = torch.empty(steps, rows)
    Ws, bs = torch.empty(steps + 1, rows, 2), torch.empty(steps + 1, rows)
    Ws[0], bs[0] = W, b
    bad_at = torch.full((rows,), -1, dtype=torch.long)
    alive = torch.ones(rows, dtype=torch.bool)
    for k in range(steps):
        # inputs are 0 or 1: the products are exact, so any matmul kernel gives the same z
        p = torch.sigmoid(W @ X.T + b[:, None])  # (rows, 4)
        # BCELoss refuses NaN inputs: give a broken unit a harmless stand-in and mark its loss NaN.
        ok = torch.isfinite(p).all(1)
        p = torch.where(ok[:, None], p, torch.full_like(p, 0.5))
        per, g_z = _loss_and_grad(p, Y, loss)
        per = torch.where(ok, per, torch.full_like(per, float("nan")))
        gW, gb = g_z @ X, _row_sum(g_z)
        losses[k] = per
        finite = torch.isfinite(per) & torch.isfinite(gW).all(1) & torch.isfinite(gb)
        bad_at[alive & ~finite] = k
        alive &= finite
        # where(), not a 0/1 factor: 0 × NaN would still poison a stopped unit.
        W = torch.where(alive[:, None], W - lr[:, None] * gW, W)
        b = torch.where(alive, b - lr * gb, b)
        Ws[k + 1], bs[k + 1] = W, b
    return losses[:, :U], Ws[:, :U], bs[:, :U], bad_at[:U]


def _loss_and_grad(p: torch.Tensor, Y: torch.Tensor, loss: str) -> tuple[torch.Tensor, torch.Tensor]:
    """Per-unit mean loss of sigmoid outputs ``p`` (U, 4) and its gradient with respect to the logits.

    The same arithmetic as autograd through nn.Sigmoid + nn.BCELoss / nn.MSELoss (BCE's backward
    divides by max(p(1−p), 1e-12), as PyTorch's does), without autograd's per-step overhead: the
    units train thousands of steps in a Python loop. Tests compare it with the autograd loop.
    """
    n = p.shape[1]
    if loss == "bce":
        per = _row_sum(F.binary_cross_entropy(p, Y, reduction="none")) / n
        g_p = (p - Y) / torch.clamp((1 - p) * p, min=1e-12) / n
    else:
        per = _row_sum(F.mse_loss(p, Y, reduction="none")) / n
        g_p = 2 * (p - Y) / n
    return per, g_p * (1 - p) * p


def train(gate: str, steps: int = 1000, lr: float = 1.0, seed: int = 0, loss: str = "bce") -> Run:
    """Train ``nn.Linear(2, 1)`` + sigmoid on ``gate`` with full-batch SGD; the whole history."""
    return train_gates((gate,), steps=steps, lr=lr, seed=seed, loss=loss)[gate]


def train_gates(
    gates: Sequence[str] = GATES, steps: int = 1000, lr: float = 1.0, seed: int = 0, loss: str = "bce"
) -> dict[str, Run]:
    """:func:`train` for several gates at once (same initial weights, as the same seed gives)."""
    SETTINGS.check(steps=steps, lr=lr, seed=seed, loss=loss)
    for g in gates:
        SETTINGS.check(gate=g)
    W0, b0 = initial_unit(seed)
    U = len(gates)
    Y = torch.stack([logic_gate(g)[1][:, 0] for g in gates])
    losses, Ws, bs, bad = train_batch(
        W0.expand(U, 2), b0.expand(U), Y, torch.full((U,), float(lr)), steps, loss
    )
    runs = {}
    for u, g in enumerate(gates):
        k = int(bad[u])
        div = None
        if k >= 0:
            div = Divergence(k, "loss" if not math.isfinite(float(losses[k, u])) else "grad", float(losses[k, u]))
        end = steps if k < 0 else k
        runs[g] = Run(g, loss, losses[:end, u].clone(), Ws[: end + 1, u].clone(), bs[: end + 1, u].clone(), div)
    return runs


def xor_floor(
    seeds: Sequence[int] = range(10), lrs: Sequence[float] = (0.1, 1.0, 10.0), steps: int = 1000, loss: str = "bce"
) -> pd.DataFrame:
    """XOR trained from many seeds and learning rates at once: the final loss never goes below the plateau.

    One row per (seed, lr): ``seed, lr, final_loss, plateau, gap`` where gap = final_loss − plateau ≥ 0.
    """
    SETTINGS.check(steps=steps, loss=loss)
    pairs = [(s, lr) for s in seeds for lr in lrs]
    for s, lr in pairs:
        SETTINGS.check(seed=s, lr=lr)
    inits = [initial_unit(s) for s, _ in pairs]
    W0 = torch.stack([w for w, _ in inits])
    b0 = torch.cat([b for _, b in inits])
    Y = logic_gate("xor")[1][:, 0].expand(len(pairs), 4)
    _, Ws, bs, _ = train_batch(W0, b0, Y, torch.tensor([lr for _, lr in pairs]), steps, loss)
    # each final loss as Run.final_loss computes it, so a row equals what train("xor", …) shows
    # (a diverged unit's broken outputs count as 0.5, as in training)
    X, y = logic_gate("xor")
    final = [float(_mean_loss(torch.sigmoid(X @ w + b).nan_to_num(0.5), y, loss)) for w, b in zip(Ws[-1], bs[-1])]
    df = pd.DataFrame({"seed": [s for s, _ in pairs], "lr": [lr for _, lr in pairs], "final_loss": final})
    df["plateau"] = PLATEAU[loss]
    df["gap"] = df["final_loss"] - df["plateau"]
    return df


@dataclass(frozen=True)
class RosenblattRun(_WeightPath):
    """The perceptron rule's training: mistakes per epoch and the weights after every sample."""

    gate: str
    mistakes: torch.Tensor  # (epochs,) samples misclassified during each epoch
    weights: torch.Tensor  # (epochs * 4 + 1, 2)
    biases: torch.Tensor  # (epochs * 4 + 1,)

    @property
    def converged_epoch(self) -> int | None:
        """The first epoch (1-based) with no mistake; None if there was none."""
        zero = (self.mistakes == 0).nonzero()
        return int(zero[0]) + 1 if len(zero) else None


def step_fn(z: torch.Tensor) -> torch.Tensor:
    """The perceptron's activation: 1 if z ≥ 0 else 0."""
    return (z >= 0).to(z.dtype)


def rosenblatt(gate: str, epochs: int = 20, lr: float = 1.0, seed: int = 0) -> RosenblattRun:
    """Rosenblatt's rule: for each sample, w ← w + lr·(y − ŷ)·x, b ← b + lr·(y − ŷ), ŷ = step(w·x + b).

    Starts from the same weights as :func:`train` (nn.Linear's init for ``seed``); samples in the
    order 00, 01, 10, 11 every epoch. On a linearly separable gate the mistakes reach 0 after finitely
    many updates (the perceptron convergence theorem); on XOR never.
    """
    SETTINGS.check(gate=gate, epochs=epochs, lr=lr, seed=seed)
    X, y = logic_gate(gate)
    w, b = initial_unit(seed)
    b = b[0].clone()
    Ws, bs = [w.clone()], [b.clone()]
    mistakes = torch.zeros(epochs, dtype=torch.long)
    for e in range(epochs):
        for x_i, y_i in zip(X, y[:, 0]):
            err = y_i - step_fn(x_i @ w + b)
            w = w + lr * err * x_i
            b = b + lr * err
            mistakes[e] += int(err != 0)
            Ws.append(w.clone())
            bs.append(b.clone())
    return RosenblattRun(gate, mistakes, torch.stack(Ws), torch.stack(bs))


def grid(weight: torch.Tensor, bias: float, n: int = 41, lo: float = INPUT_BOX[0], hi: float = INPUT_BOX[1],
         activation: str = "sigmoid") -> pd.DataFrame:
    """The unit's output over an n×n grid of inputs: columns ``x1, x2, p`` (step → 0/1)."""
    axis = torch.linspace(lo, hi, n)
    x1, x2 = torch.meshgrid(axis, axis, indexing="xy")
    z = weight[0] * x1 + weight[1] * x2 + bias
    p = torch.sigmoid(z) if activation == "sigmoid" else step_fn(z)
    return pd.DataFrame({"x1": x1.reshape(-1).numpy(), "x2": x2.reshape(-1).numpy(), "p": p.reshape(-1).numpy()})


def boundary(weight: torch.Tensor, bias: float, lo: float = INPUT_BOX[0], hi: float = INPUT_BOX[1]) -> pd.DataFrame:
    """Two points of the line w1·x1 + w2·x2 + b = 0 spanning [lo, hi] (empty if w = 0: no line).

    The line is parametrised along the axis it is steeper against, so it never needs huge values.
    """
    w1, w2, b = float(weight[0]), float(weight[1]), float(bias)
    if abs(w1) < 1e-12 and abs(w2) < 1e-12:
        return pd.DataFrame({"x1": [], "x2": []})
    if abs(w2) >= abs(w1):
        xs = [lo, hi]
        return pd.DataFrame({"x1": xs, "x2": [-(w1 * x + b) / w2 for x in xs]})
    ys = [lo, hi]
    return pd.DataFrame({"x1": [-(w2 * v + b) / w1 for v in ys], "x2": ys})


def points(gate: str, probs: torch.Tensor | None = None) -> pd.DataFrame:
    """The four inputs with their target and, if given, the prediction: ``x1, x2, y[, p, correct]``."""
    X, y = logic_gate(gate)
    df = pd.DataFrame({"x1": X[:, 0].numpy(), "x2": X[:, 1].numpy(), "y": y[:, 0].int().numpy()})
    if probs is not None:
        df["p"] = probs.detach().numpy()
        df["correct"] = (df["p"] >= 0.5).astype(int) == df["y"]
    return df


def history_frame(runs: dict[str, Run], max_points: int | None = None) -> pd.DataFrame:
    """Loss curves of several runs in long form: ``gate, step, loss``.

    ``max_points``: keep about that many evenly spaced steps per run (and the last) for drawing.
    """
    frames = []
    for g, r in runs.items():
        steps = torch.arange(len(r.losses))
        if max_points and len(steps) > max_points:
            steps = torch.unique(torch.cat([steps[:: -(-len(steps) // max_points)], steps[-1:]]))
        frames.append(pd.DataFrame({"gate": g, "step": steps.numpy(), "loss": r.losses[steps].numpy()}))
    return pd.concat(frames, ignore_index=True)


def animation(weights: torch.Tensor, biases: torch.Tensor, steps: Sequence[int], gate: str,
              activation: str = "sigmoid", pixels: int = heatmap.PIXELS) -> dict[str, pd.DataFrame]:
    """What the boundary chart shows after each of ``steps`` (the unit's ``weights`` (S, 2) and
    ``biases`` (S,) by step), all steps at once, every frame's values side by side (see
    :mod:`nnviz.frames`): ``image``, the unit's output over the plane as one PNG a frame (one row;
    :mod:`nnviz.heatmap`); ``line``, two rows, empty where there is no line; ``points``, the four inputs."""
    idx = torch.as_tensor(list(steps))
    W, b = weights[idx], biases[idx].reshape(-1)  # (K, 2), (K,)
    inputs = heatmap.pixel_centres(pixels)
    z = W @ inputs.T + b[:, None]  # (K, pixels²)
    out = torch.sigmoid(z) if activation == "sigmoid" else step_fn(z)
    image = heatmap.images(out.numpy())
    ends = np.full((len(idx), 2, 2), np.nan)
    for k in range(len(idx)):
        line = boundary(W[k], float(b[k]))
        if len(line):
            ends[k] = line[["x1", "x2"]].to_numpy()
    X, y = logic_gate(gate)
    zp = X @ W.T + b  # (4, K), as the page computes one step
    zp = zp.T
    p = torch.sigmoid(zp) if activation == "sigmoid" else step_fn(zp)
    pts = pd.DataFrame({"x1": X[:, 0].numpy(), "x2": X[:, 1].numpy(), "y": y[:, 0].int().numpy(),
                        **by_frame_columns("p", p.numpy()),
                        **by_frame_columns("correct", ((p >= 0.5).int() == y[:, 0].int()).numpy())})
    line = pd.DataFrame({**by_frame_columns("x1", ends[:, :, 0]), **by_frame_columns("x2", ends[:, :, 1])})
    return {"image": image, "line": line, "points": pts}
