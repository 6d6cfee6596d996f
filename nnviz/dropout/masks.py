"""Part 1: inside one ``nn.Dropout`` layer (its mask, the 1/(1−p) scaling, the expectation it keeps) and
the thinned networks it makes of a small net on every forward pass."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

import pandas as pd
import torch
from torch import nn

from nnviz.dropout.seeding import seeded
from nnviz.dropout.settings import GRID_SIDE, SETTINGS, THIN_SIZES


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
    with torch.no_grad(), seeded(seed):
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
    with torch.no_grad(), seeded(seed):
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
    with torch.no_grad(), seeded(seed):
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
