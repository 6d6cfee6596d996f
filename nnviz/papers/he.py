"""He et al. (2015): a deep ReLU net with Var(w) = 1/n against Var(w) = 2/n.

With Var(w) = 1/n each ReLU layer halves the signal's second moment, so L layers keep 2^(−L/2) of its
size; Var(w) = 2/n keeps it level (Section 2.2, Eqs. 10–14). Their 30-layer net with the 1/n ("Xavier")
init does not learn at all, while 2/n converges (Fig. 3, right). Here: the /init page's own probe and
training loop, ReLU, 30 layers, ``xavier_normal`` (1/n between equal-width layers) against
``kaiming_normal`` (2/n), biases 0.
"""

from __future__ import annotations

import math

import pandas as pd

from nnviz import init as I
from nnviz.papers import Paper
from nnviz.params import Int, Spec, seed

PAPER = Paper("Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun", 2015,
              "Delving deep into rectifiers: surpassing human-level performance on ImageNet classification",
              "ICCV 2015", "Section 2.2, Fig. 3 (the 30-layer model)", reported={"depth": 30})
SCHEMES = {"1/n": "xavier_normal", "2/n": "kaiming_normal"}
ARGS = Spec(Int("depth", 30, lo=2, hi=30), Int("width", 256, lo=8, hi=512), Int("steps", 200, lo=20, hi=200),
            seed())
LR = 0.03  # plain SGD; the 2/n net learns at 0.01–0.1, the 1/n net stays at ln 10 at all of them
STALL = 0.01  # a run "stalls" when its final loss is within this of ln 10 (chance on ten digits)


def predicted(depth: int) -> float:
    """The 1/n net's last-layer activation size over its first's: 2^(−(depth − 1)/2)."""
    return 2 ** (-(depth - 1) / 2)


def signal(depth: int = 30, width: int = 256, seed: int = 0) -> pd.DataFrame:
    """Per variance (``1/n``, ``2/n``) and hidden layer: the activations' std on the page's probe batch."""
    ARGS.check(depth=depth, width=width, seed=seed)
    parts = []
    for var, scheme in SCHEMES.items():
        s = I.layer_stats(scheme, "relu", depth, width, seed=seed)
        h = s[s.kind == "hidden"]
        parts.append(pd.DataFrame({"variance": var, "layer": h.layer.to_numpy(),
                                   "activation_std": h.activation_std.to_numpy(dtype=float)}))
    return pd.concat(parts, ignore_index=True)


def kept(table: pd.DataFrame) -> dict[str, float]:
    """Per variance: the last hidden layer's std over the first's."""
    out = {}
    for var in SCHEMES:
        a = table[table["variance"] == var].sort_values("layer")["activation_std"].to_numpy()
        out[var] = float(a[-1] / a[0])
    return out


def train(depth: int = 30, width: int = 256, steps: int = 200, seed: int = 0) -> pd.DataFrame:
    """Both nets trained by :func:`nnviz.init.train` (same mini-batches): ``variance, step, train_loss, test_acc``."""
    ARGS.check(depth=depth, width=width, steps=steps, seed=seed)
    parts = []
    for var, scheme in SCHEMES.items():
        run = I.train(scheme, "relu", depth, width, steps, LR, seed)
        parts.append(run.history[["step", "train_loss", "test_acc"]].assign(variance=var))
    return pd.concat(parts, ignore_index=True)[["variance", "step", "train_loss", "test_acc"]]


def stalls(history: pd.DataFrame) -> dict[str, bool]:
    """Per variance: did training stay at chance (final loss within :data:`STALL` of ln 10)?"""
    return {var: bool(abs(float(history[history["variance"] == var]["train_loss"].iloc[-1]) - math.log(10)) < STALL)
            for var in SCHEMES}
