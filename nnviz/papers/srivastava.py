"""Srivastava et al. (2014): the weight-scaling rule against the average of many thinned nets.

At test time dropout nets are run whole, with the weights scaled by the keep probability (PyTorch scales
during training instead: the same net). The paper checks that this matches averaging the predictions of k
randomly thinned nets: on MNIST the Monte-Carlo average reaches the weight-scaled net's test error at about
k = 50 (Section 7.5, Fig. 11). Here: a 64-H-H-10 ReLU net with nn.Dropout(p), trained on scikit-learn's
8×8 digits, and the test error of the eval-mode net against that of k thinned nets averaged.
"""

from __future__ import annotations

import pandas as pd
import torch
import torch.nn.functional as F
from torch import nn

from nnviz.data import digits
from nnviz.papers import Paper
from nnviz.params import Float, Int, Spec, seed
from nnviz.training import seeded

PAPER = Paper("Nitish Srivastava, Geoffrey Hinton, Alex Krizhevsky, Ilya Sutskever, Ruslan Salakhutdinov", 2014,
              "Dropout: a simple way to prevent neural networks from overfitting", "JMLR 15",
              "Section 7.5, Fig. 11", reported={"k_match": 50})
KS = (1, 2, 5, 10, 20, 50, 100, 200)
ARGS = Spec(Float("p", 0.5, lo=0.1, hi=0.9), Int("hidden", 128, lo=16, hi=512), Int("epochs", 200, lo=10, hi=1000),
            seed())
LR = 1e-3


def _net(hidden: int, p: float) -> nn.Sequential:
    return nn.Sequential(nn.Linear(64, hidden), nn.ReLU(), nn.Dropout(p), nn.Linear(hidden, hidden), nn.ReLU(),
                         nn.Dropout(p), nn.Linear(hidden, 10))


def compare(p: float = 0.5, hidden: int = 128, epochs: int = 200, seed: int = 0) -> pd.DataFrame:
    """Train the dropout net (Adam, full batch) and return ``k, mc_error, scaled_error``: the test error of
    the mean softmax of k thinned nets (train mode, masks drawn by ``seed``) and of the eval-mode net."""
    ARGS.check(p=p, hidden=hidden, epochs=epochs, seed=seed)
    X, y, Xt, yt = digits(seed)
    with seeded(seed):
        net = _net(hidden, p)
        opt = torch.optim.Adam(net.parameters(), lr=LR)
        net.train()
        for _ in range(epochs):
            opt.zero_grad()
            F.cross_entropy(net(X), y).backward()
            opt.step()
        with torch.no_grad():
            net.eval()
            scaled = float((net(Xt).argmax(1) != yt).double().mean())
            net.train()
            probs = torch.stack([F.softmax(net(Xt), 1) for _ in range(max(KS))])  # thinned nets, one mask each
    cum = probs.cumsum(0)
    rows = [{"k": k, "mc_error": float((cum[k - 1].argmax(1) != yt).double().mean()), "scaled_error": scaled}
            for k in KS]
    return pd.DataFrame(rows)


def test_size(seed: int = 0) -> int:
    """How many test digits the errors are measured on (one mistake is 1/that)."""
    return len(digits(seed)[3])


def matched_at(table: pd.DataFrame, tol: float = 0.0) -> int | None:
    """The smallest k from which the Monte-Carlo error stays within ``tol`` of the weight-scaled error."""
    t = table.sort_values("k")
    ok = (t["mc_error"] <= t["scaled_error"] + tol).to_numpy()
    for i in range(len(ok)):
        if ok[i:].all():
            return int(t["k"].iloc[i])
    return None
