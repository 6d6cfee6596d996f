"""Dropout with the real ``nn.Dropout``: its masks, the 1/(1−p) scaling, train vs eval, and overfitting.

Part 1 looks inside one ``nn.Dropout`` layer (:func:`mask_demo`, :func:`expectation`) and inside a
small network that it thins differently on every forward pass (:func:`thinning_demo`). Part 2 is the
tutorial's experiment: a 1-H-1 ReLU net fitted to pure noise y = 0·x + ε overfits; the same net with
``nn.Dropout(p)`` does much less (:func:`overfit_experiment`), as long as it is switched to
``model.eval()`` before predicting (:func:`forgot_eval`).

PyTorch's ``p`` is the probability to **drop** a unit: ``nn.Dropout(0.8)`` zeroes 80 % of its inputs
and multiplies the rest by 1/(1−0.8) = 5.

``nn.Dropout`` draws its masks from torch's global random generator (it takes no ``generator``
argument), so every function here seeds it inside ``torch.random.fork_rng`` under :data:`RNG_LOCK`:
results depend only on the arguments, and the caller's random state is left as it was.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import cast
from dataclasses import dataclass, field

import pandas as pd
import torch
from torch import nn

from nnviz.data import noise_regression
from nnviz.models import mlp
from nnviz.params import Bool, Choice, Float, Int, Spec, seed
from nnviz.training import RNG_LOCK, Divergence, check_finite

LR_OPTIONS = (0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
INPUT_KINDS = ("ramp", "ones", "randn")
OPTIMIZERS = ("adam", "sgd")
MODELS = ("plain", "dropout")  # the two nets of the overfitting experiment
GRID_SIDE = 16  # the mask demo's layer is a GRID_SIDE × GRID_SIDE grid of units
THIN_SIZES = (2, 8, 8, 1)  # the small network whose thinned versions are drawn
TEST_FRACTION = 0.2  # the tutorial's 8:2 train/test split
EVAL_EVERY_STEP = 50  # eval-mode losses are recorded after each of the first 50 steps, then ~200 times

SETTINGS = Spec(
    # Part 1 and Part 2 share p: the same layer, seen up close and then at work.
    Float("p", 0.8, lo=0.0, hi=0.95, step=0.05, fmt_spec="%.2f"),
    Choice("inputs", "ramp", options=INPUT_KINDS, widget="segmented"),
    Int("draw", 0, lo=0, hi=999, widget="number"),
    Int("n", 100, lo=20, hi=200, step=10),
    Float("noise", 1.0, lo=0.1, hi=3.0, step=0.1, fmt_spec="%.1f"),
    Int("hidden", 512, lo=8, hi=512, step=8),
    Choice("optimizer", "adam", options=OPTIMIZERS, widget="segmented"),
    Float("lr", 0.001, lo=LR_OPTIONS[0], hi=LR_OPTIONS[-1], options=LR_OPTIONS, widget="select_slider"),
    Int("epochs", 1000, lo=100, hi=2000, step=100),
    seed(1),  # the tutorial's torch.manual_seed(1)
    # What the charts show (in the URL too, so a shared link shows the same view).
    Bool("objective", False, widget="toggle"),
    Bool("log", False, widget="toggle"),
    Bool("paper", False, widget="toggle"),  # run the paper check (Srivastava et al. 2014)
    Bool("band", True, widget="toggle"),
    Bool("once", True, widget="toggle"),
)

# nn.Dropout has no generator argument: every draw comes from the process-wide generator, which
# Streamlit sessions (threads) share. Holding the shared RNG_LOCK while seeding and drawing keeps one
# session's masks from being interleaved with another's (or with another page's seeding).


class _seeded:
    """``with _seeded(s):`` — global RNG seeded with ``s`` inside, caller's state restored after."""

    def __init__(self, s: int):
        self.s = s

    def __enter__(self):
        RNG_LOCK.acquire()
        # These tensors are small (≤ 200 × 512): a second intra-op thread only adds synchronisation,
        # and on a busy 2-core machine it made training 5–10× slower. One thread gives the same numbers.
        self._threads = torch.get_num_threads()
        if self._threads != 1:
            torch.set_num_threads(1)
        self._fork = torch.random.fork_rng(devices=[])
        self._fork.__enter__()
        torch.manual_seed(self.s)

    def __exit__(self, *exc):
        try:
            return self._fork.__exit__(*exc)
        finally:
            if self._threads != 1:
                torch.set_num_threads(self._threads)
            RNG_LOCK.release()


def mask_seed(seed: int, draw: int) -> int:
    """The seed of the ``draw``-th mask sample for page seed ``seed`` (distinct for every pair)."""
    SETTINGS.check(seed=seed, draw=draw)
    return seed * 1000 + draw


def input_values(kind: str = "ramp", n: int = GRID_SIDE * GRID_SIDE, seed: int = 1) -> torch.Tensor:
    """The vector fed to the layer: "ramp" 0, 0.01, 0.02, … (the tutorial's), "ones", or "randn" N(0, 1)."""
    SETTINGS.check(inputs=kind, seed=seed)
    if kind == "ramp":
        return torch.arange(n, dtype=torch.float32) / 100
    if kind == "ones":
        return torch.ones(n)
    return torch.randn(n, generator=torch.Generator().manual_seed(seed))


def dropout_with_mask(drop: nn.Dropout, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """``drop(x)`` and the keep-mask it used, read back by replaying the same random draws on ones.

    The mask cannot be read off ``drop(x) != 0`` where x is 0 (a kept 0 is still 0). ``nn.Dropout``
    draws its mask from the global generator independently of the values, so restoring the generator
    and passing ``ones_like(x)`` through the same layer draws the same mask and returns it scaled.
    """
    state = torch.get_rng_state()
    out = drop(x)
    after = torch.get_rng_state()
    torch.set_rng_state(state)
    scaled_mask = drop(torch.ones_like(x))
    torch.set_rng_state(after)
    return out, scaled_mask != 0


@dataclass(frozen=True)
class MaskDemo:
    """One pass of ``nn.Dropout(p)`` over ``values`` in train mode, and the same layer in eval mode."""

    values: torch.Tensor
    p: float
    mask: torch.Tensor  # bool: True where the unit was kept
    output: torch.Tensor  # train mode: values · mask / (1 − p)
    eval_output: torch.Tensor  # eval mode: the values unchanged

    @property
    def scale(self) -> float:
        """The factor kept units are multiplied by: 1/(1−p)."""
        return 1.0 / (1.0 - self.p)

    @property
    def kept(self) -> int:
        return int(self.mask.sum())

    @property
    def kept_share(self) -> float:
        return self.kept / self.mask.numel()

    @property
    def kept_share_se(self) -> float:
        """Sampling error of the kept share of one mask: √(p(1−p)/n)."""
        return math.sqrt(self.p * (1 - self.p) / self.mask.numel())

    def frame(self, side: int = GRID_SIDE) -> pd.DataFrame:
        """One row per unit: grid position, input, kept, train-mode and eval-mode output."""
        n = self.values.numel()
        idx = torch.arange(n)
        return pd.DataFrame({
            "unit": idx.numpy(),
            "row": (idx // side).numpy(),
            "col": (idx % side).numpy(),
            "input": self.values.reshape(-1).numpy(),
            "kept": self.mask.reshape(-1).numpy(),
            "output": self.output.reshape(-1).numpy(),
            "eval_output": self.eval_output.reshape(-1).numpy(),
        })


def mask_demo(values, p: float = 0.8, seed: int = 0) -> MaskDemo:
    """Pass ``values`` once through ``nn.Dropout(p)`` in train mode (seeded) and once in eval mode."""
    SETTINGS.check(p=p)
    if not isinstance(seed, int) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"seed must be a non-negative whole number, got {seed!r}")
    x = torch.as_tensor(values, dtype=torch.float32).detach().clone()
    if not torch.isfinite(x).all():
        raise ValueError("values must be finite numbers")
    drop = nn.Dropout(p)
    with torch.no_grad(), _seeded(seed):
        out, mask = dropout_with_mask(drop, x)
    drop.eval()
    with torch.no_grad():
        ev = drop(x)
    return MaskDemo(values=x, p=float(p), mask=mask, output=out, eval_output=ev)


@dataclass(frozen=True)
class Expectation:
    """``nn.Dropout(p)`` applied with ``masks`` independent masks to the same values."""

    p: float
    masks: int
    units: pd.DataFrame  # unit, input, mean (over masks), se (theory), sd (sample), z
    shares: pd.DataFrame  # mask, kept_share: one row per mask
    kept_share: float  # over all units of all masks
    kept_share_se: float  # √(p(1−p)/(units·masks))

    @property
    def max_abs_z(self) -> float:
        return float(self.units["z"].abs().max())

    @property
    def within_2se(self) -> float:
        """Share of units whose mean over the masks lies within 2 sampling errors of the input."""
        return float((self.units["z"].abs() <= 2).mean())

    @property
    def mean_output(self) -> float:
        return float(self.units["mean"].mean())

    @property
    def mean_input(self) -> float:
        return float(self.units["input"].mean())

    @property
    def mean_se(self) -> float:
        """Sampling error of :attr:`mean_output` (the units' masks are independent): √(Σ se²)/n."""
        return float((self.units["se"] ** 2).sum() ** 0.5 / len(self.units))

    @property
    def mean_z(self) -> float | None:
        """How many sampling errors the mean output lies from the mean input (None when nothing varies)."""
        return (self.mean_output - self.mean_input) / self.mean_se if self.mean_se > 0 else None


def expectation(values, p: float = 0.8, masks: int = 1000, seed: int = 0) -> Expectation:
    """Mean output of ``nn.Dropout(p)`` over ``masks`` masks vs its input, with the sampling error.

    Each unit's output is x/(1−p) with probability 1−p and 0 otherwise: mean x, standard deviation
    |x|·√(p/(1−p)). The mean of ``masks`` draws therefore has sampling error |x|·√(p/((1−p)·masks)),
    and z = (mean − x)/se is about N(0, 1). A unit with input 0 always outputs 0: se = z = 0.
    """
    SETTINGS.check(p=p)
    if not 2 <= int(masks) <= 20_000:
        raise ValueError(f"masks must be between 2 and 20000, got {masks!r}")
    x = torch.as_tensor(values, dtype=torch.float32).reshape(-1)
    drop = nn.Dropout(p)
    with torch.no_grad(), _seeded(seed):
        # One call of the real layer on a (masks × units) batch: every element gets its own draw.
        out, kept = dropout_with_mask(drop, x.expand(int(masks), -1).contiguous())
    mean = out.double().mean(0)
    sd = out.double().std(0)
    xd = x.double()
    se = xd.abs() * math.sqrt(p / ((1 - p) * masks)) if p > 0 else torch.zeros_like(xd)
    z = torch.where(se > 0, (mean - xd) / se.clamp_min(1e-300), torch.zeros_like(xd))
    units = pd.DataFrame({
        "unit": range(x.numel()),
        "input": x.numpy(),
        "mean": mean.numpy(),
        "se": se.numpy(),
        "sd": sd.numpy(),
        "z": z.numpy(),
    })
    shares = pd.DataFrame({"mask": range(int(masks)), "kept_share": kept.double().mean(1).numpy()})
    share = float(kept.double().mean())
    share_se = math.sqrt(p * (1 - p) / kept.numel())
    return Expectation(float(p), int(masks), units, shares, share, share_se)


@dataclass(frozen=True)
class Thinning:
    """A few train-mode forward passes of one small ReLU net with Dropout: which units each dropped."""

    sizes: tuple[int, ...]
    p: float
    x: tuple[float, ...]
    nodes: pd.DataFrame  # pass, layer, unit, kept, value (after dropout; input/output layers always kept)
    edges: pd.DataFrame  # pass, layer (of the source), src, dst, active (both ends kept)
    outputs: pd.DataFrame  # pass, output, kept (hidden units kept in the pass)
    eval_output: float  # the full network with every unit and no scaling: model.eval()
    bias: float  # the output layer's bias: what a pass outputs when no kept unit of the last hidden layer fires

    @property
    def passes(self) -> int:
        return int(self.outputs["pass"].nunique())


def thinning_demo(p: float = 0.8, seed: int = 1, passes: int = 4, x: Sequence[float] = (0.5, -0.5),
                  sizes: Sequence[int] = THIN_SIZES) -> Thinning:
    """Run ``passes`` train-mode forward passes of ``mlp(sizes, "relu", dropout=p)`` on one input ``x``.

    The masks are read back with :func:`dropout_with_mask` (a ReLU output of 0 says nothing about
    whether its unit was dropped).
    """
    SETTINGS.check(p=p, seed=seed)
    sizes = tuple(int(s) for s in sizes)
    if len(sizes) < 3 or min(sizes) < 1 or max(sizes) > 64:
        raise ValueError(f"sizes must have at least 3 layers of 1 to 64 units, got {sizes!r}")
    if not 1 <= int(passes) <= 12:
        raise ValueError(f"passes must be between 1 and 12, got {passes!r}")
    if len(x) != sizes[0]:
        raise ValueError(f"x must have {sizes[0]} values, got {len(x)}")
    node_rows, edge_rows, out_rows = [], [], []
    with torch.no_grad(), _seeded(seed):
        model = _thin_net(sizes, p)
        xin = torch.tensor([list(x)], dtype=torch.float32)
        for k in range(int(passes)):
            h, kept_layers, values = xin, [torch.ones(sizes[0], dtype=torch.bool)], [xin[0]]
            for module in model:
                if isinstance(module, nn.Dropout):
                    h, mask = dropout_with_mask(module, h)
                    kept_layers.append(mask[0])
                    values.append(h[0])
                else:
                    h = module(h)
            kept_layers.append(torch.ones(sizes[-1], dtype=torch.bool))
            values.append(h[0])
            for li, (mask, vals) in enumerate(zip(kept_layers, values)):
                for u in range(sizes[li]):
                    node_rows.append((k, li, u, bool(mask[u]), float(vals[u])))
            for li in range(len(sizes) - 1):
                for s in range(sizes[li]):
                    for d in range(sizes[li + 1]):
                        edge_rows.append((k, li, s, d, bool(kept_layers[li][s] and kept_layers[li + 1][d])))
            out_rows.append((k, float(h[0, 0]), int(sum(int(m.sum()) for m in kept_layers[1:-1]))))
        model.eval()
        eval_out = float(model(xin)[0, 0])
        bias = float(cast(nn.Linear, model[-1]).bias[0])
    return Thinning(
        sizes=sizes,
        p=float(p),
        x=tuple(float(v) for v in x),
        nodes=pd.DataFrame(node_rows, columns=["pass", "layer", "unit", "kept", "value"]),
        edges=pd.DataFrame(edge_rows, columns=["pass", "layer", "src", "dst", "active"]),
        outputs=pd.DataFrame(out_rows, columns=["pass", "output", "kept"]),
        eval_output=eval_out,
        bias=bias,
    )


def _thin_net(sizes: tuple[int, ...], p: float) -> nn.Sequential:
    """Linear → ReLU → Dropout(p) per hidden layer, then Linear: ``mlp(sizes, "relu", dropout=p)``,
    written out so that a Dropout layer exists (and keeps everything) at p = 0 too."""
    layers: list[nn.Module] = []
    for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
        layers.append(nn.Linear(a, b))
        if i < len(sizes) - 2:
            layers += [nn.ReLU(), nn.Dropout(p)]
    return nn.Sequential(*layers)


# --- Part 2: overfitting pure noise, and the cure ------------------------------------------------


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

    with _seeded(seed):
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
    with torch.no_grad(), _seeded(seed):
        net.train()  # the mistake: predicting without model.eval()
        rows += [(k + 1, "train", float(net(xin))) for k in range(int(presses))]
        net.eval()
        rows += [(k + 1, "eval", float(net(xin))) for k in range(int(presses))]
    return pd.DataFrame(rows, columns=["press", "mode", "prediction"])


def spread(predictions: pd.Series) -> float:
    """The standard deviation of repeated predictions (0 for a single one)."""
    return float(predictions.std()) if len(predictions) > 1 else 0.0
