"""The dropout page as a plain PyTorch script: one nn.Dropout layer, then the overfitting experiment.

Run with ``python``, it prints the numbers the page shows: the units kept by the page's mask, the
train/test losses of both nets (``nnviz.dropout.overfit_experiment``) and the forgot-eval predictions
(``nnviz.dropout.forgot_eval``).
"""

from __future__ import annotations

from nnviz.dropout import SETTINGS, TEST_FRACTION, mask_seed
from nnviz.i18n import t

_INPUTS = {
    "ramp": "torch.arange(256) / 100",
    "ones": "torch.ones(256)",
    "randn": "torch.randn(256, generator=torch.Generator().manual_seed({seed}))",
}


def script(values: dict, lang: str = "en") -> str:
    """A runnable script for the page's settings ``values`` (missing keys take their defaults)."""
    v = {**SETTINGS.defaults(), **values}
    v = {**v, **SETTINGS.check(**{k: v[k] for k in SETTINGS.names()})}
    c = lambda key, **kw: t(f"dropout.code.{key}", lang, **kw)  # noqa: E731
    p, seed, hidden = v["p"], v["seed"], v["hidden"]
    opt = "torch.optim.Adam" if v["optimizer"] == "adam" else "torch.optim.SGD"
    ms = mask_seed(seed, v["draw"])
    x_expr = _INPUTS[v["inputs"]].format(seed=seed)
    return f'''# {c("header")}
import torch
from torch import nn

p = {p:g}  # {c("p")}

# --- 1. {c("part1")} ---
x = {x_expr}
drop = nn.Dropout(p)  # {c("train_default")}
torch.manual_seed({ms})  # {c("mask_seed", seed=seed, draw=v["draw"])}
out = drop(x)
torch.manual_seed({ms})  # {c("replay")}
mask = drop(torch.ones_like(x)) != 0
print(f"kept {{int(mask.sum())}} of {{x.numel()}} units = {{mask.float().mean().item():.4f}} (1 - p = {{1 - p:.4f}})")
k = mask & (x != 0)
if k.any():
    print(f"kept units multiplied by {{(out[k] / x[k]).min().item():.4f}} .. {{(out[k] / x[k]).max().item():.4f}}"
          f" (1/(1 - p) = {{1 / (1 - p):.4f}})")
drop.eval()  # {c("eval")}
print("eval mode: output == input:", torch.equal(drop(x), x))

# --- 2. {c("part2")} ---
n, noise, seed = {v["n"]}, {v["noise"]:g}, {seed}
x = torch.linspace(-1, 1, n).reshape(-1, 1)
y = 0 * x + noise * torch.randn(n, 1, generator=torch.Generator().manual_seed(seed))  # {c("data")}
perm = torch.randperm(n, generator=torch.Generator().manual_seed(seed + 1))
n_test = max(1, round(n * {TEST_FRACTION:g}))  # {c("split")}
test, train = perm[:n_test].sort().values, perm[n_test:].sort().values
xtr, ytr, xtest, ytest = x[train], y[train], x[test], y[test]


def fit(net):
    loss_fn = nn.MSELoss()
    optimizr = {opt}(net.parameters(), lr={v["lr"]:g})
    for epoc in range({v["epochs"]}):
        loss = loss_fn(net(xtr), ytr)  # {c("loop")}
        if not torch.isfinite(loss):
            print(f"diverged at epoch {{epoc}}: loss = {{loss.item()}}")
            break
        loss.backward()
        optimizr.step()
        optimizr.zero_grad()
    net.eval()  # {c("eval_after")}
    with torch.no_grad():
        tr, te = loss_fn(net(xtr), ytr).item(), loss_fn(net(xtest), ytest).item()
    return tr, te


torch.manual_seed(seed)  # {c("same_init")}
net = nn.Sequential(nn.Linear(1, {hidden}), nn.ReLU(), nn.Linear({hidden}, 1))
tr, te = fit(net)
print(f"no dropout: train {{tr:.4f}}  test {{te:.4f}}  gap {{te - tr:.4f}}")

torch.manual_seed(seed)
net_drop = nn.Sequential(nn.Linear(1, {hidden}), nn.ReLU(), nn.Dropout(p), nn.Linear({hidden}, 1))
tr, te = fit(net_drop)
print(f"dropout:    train {{tr:.4f}}  test {{te:.4f}}  gap {{te - tr:.4f}}")

# --- 3. {c("part3")} ---
x0 = torch.tensor([[0.5]])
net_drop.train()  # {c("forgot")}
torch.manual_seed(seed)
print("train mode:", [round(net_drop(x0).item(), 4) for _ in range(3)])
net_drop.eval()
print("eval mode: ", [round(net_drop(x0).item(), 4) for _ in range(3)])
'''
