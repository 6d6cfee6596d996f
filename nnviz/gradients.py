"""Gradients through a deep net, layer by layer: how their size changes with depth, activation and init.

- :func:`layer_grad_norms` — for any model with ``nn.Linear`` layers: per layer, the norm of the loss
  gradient of its weight and bias, and the health of its units (dead, saturated).
- :func:`train` — the deep-net experiment: one MLP per activation (same seed, data and settings),
  trained full-batch side by side, recording the losses every epoch and the per-layer table at
  snapshots from initialisation to the end. Each net is the plain ``nn.Sequential`` loop of the code
  export. (Training the nets as one stacked ``torch.baddbmm`` program is 1.4–1.7× faster, but its
  rounding differs from ``nn.Linear``'s, and in chaotic settings — He init, large steps — that
  grows to percent-level differences in the final loss: the script could no longer reproduce the page.
  Measured again for issue 16, 3 nets × 100 epochs at the defaults: torch.func's vmap
  (``engine.train_stacked``) takes 1.5× the time of the plain loops and is not exact either; one
  ``baddbmm`` per hidden layer with each net's activation and output unit kept apart — what
  ``engine.bmm_exact`` allows: the output unit is a matrix-vector product, and 353 × 24 hidden values per
  net are not whole vector blocks — saves 9 %. Not worth a second training path.)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import cast
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import torch
import torch.nn.functional as F
from torch import nn

from nnviz.activations import NAMES, SATURATION_THRESHOLD
from nnviz.data import _split, _standardise, diabetes, logic_gate
from nnviz.models import ACTIVATIONS, initialize, mlp
from nnviz.params import Bool, Choice, Float, Int, Param, ParamError, Spec, seed
from nnviz.training import Divergence, check_finite, seeded

DATASETS = ("diabetes", "moons", "xor")
LOSSES = ("mse", "bce")
INITS = ("default", "xavier_uniform", "xavier_normal", "kaiming_uniform", "kaiming_normal")
OPTIMIZERS = ("sgd", "adam")
BIASES = ("default", "zeros")  # "default": what the init leaves (nn.Linear's U(±1/√fan_in), or 0); "zeros": all 0
LEARNING_RATES = (1e-4, 3e-4, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
SLOPES = (0.0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5)
MAX_COMPARE = 3  # activations trained side by side: 3 × 20 layers × 64 units × 200 epochs stays within ~5 s
N_SNAPSHOTS = 40  # per-layer tables recorded at about this many epochs (every 5th of 200), 0 and the last included
MOONS_SAMPLES = 300
COLUMNS = ("layer", "weight_grad_norm", "bias_grad_norm", "activation_mean", "activation_std",
           "dead_fraction", "saturated_fraction")


@dataclass(frozen=True)
class ActSet(Param):
    """A set of activation names, written ``sigmoid,relu`` in the URL (order kept, no repeats)."""

    options: tuple[str, ...] = NAMES
    max_size: int = MAX_COMPARE

    def parse(self, raw: str) -> tuple[str, ...]:
        return self.check(tuple(s.strip().lower() for s in raw.split(",") if s.strip()))

    def check(self, value) -> tuple[str, ...]:
        if isinstance(value, str):
            value = (value,)
        try:
            value = tuple(value)
        except TypeError:
            value = (value,)
        if (not value or len(value) > self.max_size or len(set(value)) != len(value)
                or any(v not in self.options for v in value)):
            shown = ",".join(map(str, value))
            raise ParamError(self.name, "activations_set", {"value": shown, "n": self.max_size,
                                                            "options": list(self.options)},
                             f"{self.name} must list 1 to {self.max_size} different activations out of "
                             f"{list(self.options)}, got {shown!r}")
        return value

    def fmt(self, value) -> str:
        return ",".join(value)


# The page's settings; the same table checks the library's arguments.
SETTINGS = Spec(
    ActSet("acts", ("sigmoid", "relu", "leaky_relu")),
    Choice("init", "default", options=INITS),
    Choice("biases", "default", options=BIASES, widget="segmented"),
    Choice("data", "diabetes", options=DATASETS, widget="segmented"),
    Int("depth", 16, lo=2, hi=20),
    Int("width", 24, lo=3, hi=64),
    Choice("optimizer", "sgd", options=OPTIMIZERS, widget="segmented"),
    Float("lr", 0.003, lo=1e-4, hi=10.0, options=LEARNING_RATES, widget="select_slider"),
    Int("epochs", 100, lo=10, hi=200, step=10),
    Float("slope", 0.01, lo=0.0, hi=0.5, options=SLOPES, widget="select_slider"),
    seed(),
    Int("view", 200, lo=0, hi=200),  # the epoch the per-layer views show (clamped to epochs)
    Bool("paper", False, widget="toggle"),  # run the paper check (Glorot & Bengio 2010)
)
# Prepared combinations the page offers as buttons (each a complete, valid setting).
_BASE = dict(data="diabetes", depth=16, width=24, init="default", biases="default", optimizer="sgd", lr=0.003,
             epochs=100, slope=0.01, seed=0)
PRESETS: dict[str, dict] = {
    # The tutorial's net: Linear(10, 3) → 3 → 3 → Linear(3, 1), ReLU vs LeakyReLU, plain SGD. It trains
    # 200,000 epochs at lr 1e-4; 200 epochs at lr 0.1 cover a similar distance (lr × epochs).
    "tutorial": {**_BASE, "acts": ("relu", "leaky_relu"), "depth": 3, "width": 3, "lr": 0.1, "epochs": 200},
    # PyTorch's default init in 16 layers: every activation vanishes, ReLU included.
    "vanish": {**_BASE, "acts": ("sigmoid", "relu", "leaky_relu")},
    # The same with He init: ReLU and LeakyReLU keep their gradients and learn; sigmoid still vanishes.
    "he": {**_BASE, "acts": ("sigmoid", "relu", "leaky_relu"), "init": "kaiming_normal"},
    # Xavier suits tanh (zero-centred, f′(0) = 1) but not sigmoid (f′ ≤ 0.25, outputs around 0.5).
    "xavier": {**_BASE, "acts": ("sigmoid", "tanh"), "init": "xavier_uniform"},
    # Large steps push ReLU units below zero for every sample: they die; LeakyReLU's cannot.
    "dying": {**_BASE, "acts": ("relu", "leaky_relu"), "depth": 10, "width": 16, "init": "kaiming_normal",
              "lr": 0.1, "epochs": 200},
    # Too large a step with He init: the gradients explode and training stops on inf/NaN.
    "explode": {**_BASE, "acts": ("sigmoid", "relu", "leaky_relu"), "init": "kaiming_normal", "lr": 0.1},
}
_ARGS = Spec(Choice("loss", "mse", options=LOSSES), Float("threshold", SATURATION_THRESHOLD, lo=0.0, hi=1.0))


# --- data ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Data:
    """A training/test split and the loss that fits it (``mse`` for regression, ``bce`` on logits)."""

    name: str
    X_train: torch.Tensor
    y_train: torch.Tensor
    X_test: torch.Tensor  # (0, d) when there is no test set (XOR)
    y_test: torch.Tensor
    loss: str


def dataset(name: str = "diabetes", seed: int = 0) -> Data:
    """``diabetes`` (442 × 10 regression, standardised, 8:2 split), ``moons`` (2-D, two classes,
    ``MOONS_SAMPLES`` points with noise 0.25, standardised, 8:2 split) or ``xor`` (the four points,
    no test set). The split and the moons' noise are drawn by ``seed``."""
    SETTINGS.check(data=name, seed=seed)
    if name == "diabetes":
        return Data(name, *diabetes(seed), loss="mse")
    if name == "moons":
        from sklearn.datasets import make_moons

        X, y = make_moons(n_samples=MOONS_SAMPLES, noise=0.25, random_state=seed)
        X = torch.tensor(X, dtype=torch.float32)
        y = torch.tensor(y, dtype=torch.float32).unsqueeze(1)
        tr, te = _split(len(X), 0.2, seed)
        X_tr, X_te = _standardise(X[tr], X[te])
        return Data(name, X_tr, y[tr], X_te, y[te], loss="bce")
    X, y = logic_gate("xor")
    return Data(name, X, y, X[:0], y[:0], loss="bce")


def _loss(out: torch.Tensor, y: torch.Tensor, loss: str, reduce_dims=None) -> torch.Tensor:
    if loss == "mse":
        per = (out - y) ** 2
    else:  # binary cross-entropy on logits (the net has no final sigmoid)
        per = F.binary_cross_entropy_with_logits(out, y.expand_as(out), reduction="none")
    return per.mean() if reduce_dims is None else per.mean(reduce_dims)


# --- per-layer gradients of any model -------------------------------------------------------------
def _following_activations(model: nn.Module) -> list[tuple[nn.Linear, nn.Module]]:
    """Each nn.Linear with the elementwise activation that follows it (Identity if none does)."""
    leaves = [m for m in model.modules() if not list(m.children())]
    kinds = tuple(ACTIVATIONS.values())
    pairs = []
    for i, m in enumerate(leaves):
        if not isinstance(m, nn.Linear):
            continue
        act: nn.Module = nn.Identity()
        for nxt in leaves[i + 1:]:
            if isinstance(nxt, nn.Dropout):
                continue  # dropout sits between a layer and the next; the activation is before it
            if isinstance(nxt, kinds):
                act = nxt
            break
        pairs.append((m, act))
    return pairs


def unit_health(z: torch.Tensor, act: nn.Module, threshold: float = SATURATION_THRESHOLD) -> dict[str, float]:
    """Statistics of one layer's units from its pre-activations ``z`` (samples × units).

    ``activation_mean``/``activation_std``: of the outputs f(z) over all samples and units.
    ``dead_fraction``: share of units whose output is exactly 0 on every sample. ``saturated_fraction``:
    share of units whose |f′(z)|, averaged over the samples, is below ``threshold``.
    """
    z = z.detach().requires_grad_(True)
    with torch.enable_grad():
        h = act(z)
        (fprime,) = torch.autograd.grad(h.sum(), z)
    return dict(zip(COLUMNS[3:], _health(h.detach()[None], fprime[None], threshold)[0].tolist()))


def _health(h: torch.Tensor, fprime: torch.Tensor, threshold: float) -> torch.Tensor:
    """(nets, samples, units) outputs and f′ → (nets, 4): mean, std, dead share, saturated share."""
    mean = h.mean((1, 2))
    # Two-pass variance: deep sigmoid layers have mean ≈ 0.5 and a tiny spread.
    std = (h - mean[:, None, None]).square().mean((1, 2)).sqrt()
    dead = (h.abs().amax(1) == 0).float().mean(1)  # amax: much faster than .all() on CPU
    saturated = (fprime.abs().mean(1) < threshold).float().mean(1)
    return torch.stack([mean, std, dead, saturated], 1)


def layer_grad_norms(
    model: nn.Module, X: torch.Tensor, y: torch.Tensor, loss: str = "mse",
    saturation_threshold: float = SATURATION_THRESHOLD,
) -> pd.DataFrame:
    """One row per ``nn.Linear`` of ``model`` (input side first) for the full-batch loss on (X, y).

    Columns: ``layer`` (1, 2, …), ``weight_grad_norm`` and ``bias_grad_norm`` (Frobenius norms of
    dLoss/dW and dLoss/db), ``activation_mean`` and ``activation_std`` (of the layer's outputs after
    its activation, over all samples and units), ``dead_fraction`` and ``saturated_fraction`` (see
    :func:`unit_health`; saturated means mean |f′| < ``saturation_threshold``). A layer with no
    activation after it (the output layer) counts as linear. ``loss``: ``mse``, or ``bce`` — binary
    cross-entropy on the model's outputs as logits. The model's ``.grad`` fields are left untouched.
    """
    _ARGS.check(loss=loss, threshold=saturation_threshold)
    pairs = _following_activations(model)
    if not pairs:
        raise ValueError("model has no nn.Linear layer")
    captured: dict[int, torch.Tensor] = {}
    hooks = [lin.register_forward_hook(lambda m, i, o, k=k: captured.__setitem__(k, o))
             for k, (lin, _) in enumerate(pairs)]
    try:
        with torch.enable_grad():
            out = model(X)
            value = _loss(out, y, loss)
            params = [p for lin, _ in pairs for p in (lin.weight, lin.bias) if p is not None]
            grads = dict(zip(map(id, params), torch.autograd.grad(value, params, allow_unused=True)))
    finally:
        for h in hooks:
            h.remove()
    rows = []
    for k, (lin, act) in enumerate(pairs):
        gw = grads.get(id(lin.weight))
        gb = grads.get(id(lin.bias)) if lin.bias is not None else None
        rows.append({
            "layer": k + 1,
            "weight_grad_norm": float(gw.norm()) if gw is not None else 0.0,
            "bias_grad_norm": float(gb.norm()) if gb is not None else float("nan"),
            **unit_health(captured[k], act, saturation_threshold),
        })
    return pd.DataFrame(rows, columns=list(COLUMNS))


# --- the deep-net experiment --------------------------------------------------------------------------
def build(act: str, n_in: int, depth: int, width: int, init: str = "default", seed: int = 0,
          negative_slope: float = 0.01, biases: str = "default") -> nn.Sequential:
    """The MLP n_in → width (× depth hidden layers) → 1 exactly as ``torch.manual_seed(seed)`` then
    ``nn.Sequential(...)`` and, unless ``init`` is ``default``, the init applied layer by layer;
    ``biases="zeros"`` then sets every bias to 0 (the weights stay as drawn).

    The global random state is left as it was.
    """
    SETTINGS.check(depth=depth, width=width, init=init, seed=seed, slope=negative_slope, biases=biases)
    with seeded(seed):
        model = mlp([n_in] + [width] * depth + [1], act, negative_slope=negative_slope)
        if init != "default":  # "default" is what nn.Linear drew on construction: keep it
            initialize(model, init, act, negative_slope=negative_slope)
    if biases == "zeros":
        with torch.no_grad():
            for layer in model:
                if isinstance(layer, nn.Linear):
                    nn.init.zeros_(layer.bias)
    return model


@dataclass(frozen=True)
class Experiment:
    """Deep nets trained side by side, one per activation.

    ``history``: ``activation, epoch, train_loss, test_loss`` — epoch 0 is the initial net, epoch k
    the net after k updates. ``layers``: the :func:`layer_grad_norms` table with ``activation`` and
    ``epoch`` columns, at the snapshot epochs. ``divergence``: per activation, where its training
    stopped on a NaN/inf loss or gradient (None if it did not).
    """

    activations: tuple[str, ...]
    settings: dict
    history: pd.DataFrame
    layers: pd.DataFrame
    divergence: dict[str, Divergence | None] = field(default_factory=dict)

    @property
    def snapshot_epochs(self) -> list[int]:
        return sorted(self.layers["epoch"].unique().tolist())

    def at(self, epoch: int) -> pd.DataFrame:
        """The per-layer table of each activation at the last snapshot ≤ ``epoch`` it reached."""
        parts = []
        for _, block in self.layers.groupby("activation", sort=False):
            reached = block[block["epoch"] <= epoch]
            e = reached["epoch"].max() if len(reached) else block["epoch"].min()
            parts.append(block[block["epoch"] == e])
        return pd.concat(parts, ignore_index=True) if parts else self.layers.iloc[:0]

    def at_each(self, epochs: Sequence[int]) -> list[pd.DataFrame]:
        """:meth:`at` for each of ``epochs`` (the same rows in the same order, so they line up)."""
        acts, ep = self.layers["activation"].to_numpy(), self.layers["epoch"].to_numpy()
        blocks = []  # per activation: its snapshot epochs, and the row positions of each
        for a in dict.fromkeys(acts):
            snaps = np.unique(ep[acts == a])
            blocks.append((snaps, {e: np.flatnonzero((acts == a) & (ep == e)) for e in snaps}))
        out = []
        for epoch in epochs:
            rows = [where[snaps[max(int(np.searchsorted(snaps, epoch, side="right")) - 1, 0)]]
                    for snaps, where in blocks]
            out.append(self.layers.iloc[np.concatenate(rows)].reset_index(drop=True) if rows else self.layers.iloc[:0])
        return out

    def summary(self) -> pd.DataFrame:
        """Per activation: first/last layer weight-gradient ratio at init and at the end, final losses,
        dead and saturated shares over the hidden units, and the divergence step (−1 if none)."""
        rows = []
        for a in self.activations:
            block = self.layers[self.layers["activation"] == a]
            hist = self.history[self.history["activation"] == a]
            div = self.divergence.get(a)
            if block.empty or hist.empty:  # diverged before its first snapshot
                rows.append({"activation": a, "diverged_at": div.step if div else -1})
                continue
            first, last = block["epoch"].min(), block["epoch"].max()

            def at(e, col):
                return block[block["epoch"] == e].sort_values("layer")[col].to_numpy()

            rows.append({
                "activation": a,
                "ratio_init": _ratio(at(first, "weight_grad_norm")),
                "ratio_end": _ratio(at(last, "weight_grad_norm")),
                "end_epoch": int(last),
                "train_loss": float(hist["train_loss"].iloc[-1]),
                "test_loss": float(hist["test_loss"].iloc[-1]),
                "dead_init": float(at(first, "dead_fraction")[:-1].mean()),
                "dead_end": float(at(last, "dead_fraction")[:-1].mean()),
                "saturated_init": float(at(first, "saturated_fraction")[:-1].mean()),
                "saturated_end": float(at(last, "saturated_fraction")[:-1].mean()),
                "diverged_at": div.step if div else -1,
            })
        return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)


SUMMARY_COLUMNS = ["activation", "ratio_init", "ratio_end", "end_epoch", "train_loss", "test_loss", "dead_init",
                   "dead_end", "saturated_init", "saturated_end", "diverged_at"]


def _ratio(norms) -> float:
    first, last = float(norms[0]), float(norms[-1])
    return first / last if last > 0 and math.isfinite(first) and math.isfinite(last) else math.nan


def snapshot_epochs(epochs: int, n: int = N_SNAPSHOTS) -> list[int]:
    """Epochs 0, k, 2k, … and the last, with the stride k = ⌈epochs / n⌉ (at most about n + 1 of them)."""
    stride = max(1, math.ceil(epochs / n))
    return sorted(set(range(0, epochs + 1, stride)) | {epochs})


def train(
    acts: Sequence[str] | str = ("sigmoid", "relu", "leaky_relu"),
    *,
    data: str = "diabetes",
    depth: int = 16,
    width: int = 24,
    init: str = "default",
    biases: str = "default",
    optimizer: str = "sgd",
    lr: float = 0.003,
    epochs: int = 100,
    seed: int = 0,
    slope: float = 0.01,
    snapshots: int = N_SNAPSHOTS,
    saturation_threshold: float = SATURATION_THRESHOLD,
    progress: Callable[[float], None] | None = None,
) -> Experiment:
    """Train one deep MLP per activation in ``acts`` side by side, full batch, and record everything.

    Each net is ``build(act, …, seed)`` trained by ``torch.optim.SGD`` (plain) or ``torch.optim.Adam``
    for ``epochs`` full-batch steps — exactly the loop of the code export, so the script prints the
    same numbers. A net whose loss or gradient becomes NaN/inf stops there (its ``divergence``); the
    others go on. ``progress(fraction)`` is called now and then.
    """
    acts = SETTINGS["acts"].check(acts)
    settings = SETTINGS.check(data=data, depth=depth, width=width, init=init, biases=biases, optimizer=optimizer, lr=lr,
                              epochs=epochs, seed=seed, slope=slope)
    _ARGS.check(threshold=saturation_threshold)
    d = dataset(data, seed)
    snaps = set(snapshot_epochs(epochs, snapshots))
    hist, rows, divergence = [], [], {}
    for k, act in enumerate(acts):
        def report(fraction: float, k=k) -> None:
            if progress is not None:
                progress((k + fraction) / len(acts))

        h, r, divergence[act] = _train_one(act, d, depth, width, init, biases, optimizer, lr, epochs, seed, slope,
                                           snaps, saturation_threshold, report)
        hist.append(h)
        rows += r
    if progress is not None:
        progress(1.0)
    layers = pd.DataFrame(rows, columns=["activation", "epoch", *COLUMNS])
    return Experiment(tuple(acts), {"acts": acts, **settings}, pd.concat(hist, ignore_index=True), layers, divergence)


def _train_one(act, d: Data, depth, width, init, biases, optimizer, lr, epochs, seed, slope, snaps, threshold, report):
    """One net's full-batch loop: (history frame, snapshot rows, divergence or None)."""
    model = build(act, d.X_train.shape[1], depth, width, init, seed, slope, biases)
    params = list(model.parameters())
    # The code export's optimizer; foreach=True only fuses the per-tensor updates (same numbers, tested).
    opt = (torch.optim.SGD(params, lr=lr, foreach=True) if optimizer == "sgd"
           else torch.optim.Adam(params, lr=lr, foreach=True))
    criterion = nn.MSELoss() if d.loss == "mse" else nn.BCEWithLogitsLoss()
    pairs = _following_activations(model)
    hidden_act = pairs[0][1]
    zs: list[torch.Tensor] = []
    hooks: list = []
    train_loss = np.full(epochs + 1, np.nan)
    test_loss = np.full(epochs + 1, np.nan)
    rows: list[dict] = []
    divergence = None
    every = max(1, epochs // 10)
    for e in range(epochs + 1):
        if e in snaps:  # capture every layer's pre-activations z for the unit statistics
            zs.clear()
            hooks = [lin.register_forward_hook(lambda m, i, o: zs.append(o)) for lin, _ in pairs]
        for p in params:  # model.zero_grad() without walking the module tree every epoch
            p.grad = None
        loss = criterion(model(d.X_train), d.y_train)
        loss.backward()
        for hk in hooks:
            hk.remove()
        hooks = []
        # One fused norm over all gradients is non-finite if any entry is; only then look closer
        # (check_finite also clears a finite gradient whose total norm merely overflowed).
        total = torch.nn.utils.get_total_norm([cast(torch.Tensor, p.grad) for p in params], foreach=True)
        if not (math.isfinite(loss.item()) and math.isfinite(total.item())):
            divergence = check_finite(e, loss, params)
            if divergence is not None:
                break
        train_loss[e] = loss.item()
        with torch.no_grad():
            if len(d.X_test):
                test_loss[e] = criterion(model(d.X_test), d.y_test).item()
            if e in snaps:
                rows += _snapshot_rows(act, e, pairs, zs, hidden_act, depth, threshold)
        if e < epochs:
            opt.step()
        if e % every == 0:
            report(e / (epochs + 1))
    stop = divergence.step if divergence else epochs + 1
    hist = pd.DataFrame({"activation": act, "epoch": np.arange(stop), "train_loss": train_loss[:stop],
                         "test_loss": test_loss[:stop]})
    return hist, rows, divergence


def _snapshot_rows(act, e, pairs, zs, hidden_act, depth, threshold) -> list[dict]:
    """The per-layer table at epoch ``e`` from the captured pre-activations and the fresh gradients
    (the same numbers as :func:`layer_grad_norms`, computed for all hidden layers at once)."""
    z = torch.stack([zi.detach() for zi in zs[:depth]]).requires_grad_(True)  # (depth, samples, width)
    with torch.enable_grad():
        h = hidden_act(z)
        (fprime,) = torch.autograd.grad(h.sum(), z)
    out = zs[depth].detach()[None]  # the output layer: no activation, f′ = 1
    health = torch.cat([_health(h.detach(), fprime, threshold), _health(out, torch.ones_like(out), threshold)])
    norms = torch.stack([torch.stack([lin.weight.grad.norm(), lin.bias.grad.norm()]) for lin, _ in pairs])
    table = torch.cat([norms.double(), health.double()], 1).tolist()
    return [{"activation": act, "epoch": e, "layer": l + 1, **dict(zip(COLUMNS[1:], v))} for l, v in enumerate(table)]


def first_last_ratio(table: pd.DataFrame) -> float:
    """First layer's weight-gradient norm over the last layer's, from a :func:`layer_grad_norms` table."""
    return _ratio(table.sort_values("layer")["weight_grad_norm"].to_numpy())
