"""The XOR page as a script: the MLP trained by the plain loop, and the seed sweep done one seed at a time."""

from __future__ import annotations

from nnviz.i18n import t
from nnviz.xor.model import shape
from nnviz.xor.outcomes import SOLVED_BELOW

_ACT = {"sigmoid": "nn.Sigmoid()", "tanh": "nn.Tanh()", "relu": "nn.ReLU()"}
_OPT = {"sgd": "torch.optim.SGD", "adam": "torch.optim.Adam"}


def model_lines(hidden: int, layers: int, activation: str, indent: str = "        ") -> str:
    """The nn.Sequential's layers, one per line: Linear(2, H), act, …, Linear(H, 1), Sigmoid()."""
    act = _ACT[activation]
    rows = [f"nn.Linear(2, {hidden}), {act},"]
    rows += [f"nn.Linear({hidden}, {hidden}), {act}," for _ in range(layers - 1)]
    rows += [f"nn.Linear({hidden}, 1), nn.Sigmoid(),"]
    return "\n".join(indent + r for r in rows)


def script(values: dict, lang: str) -> str:
    H, L, act = values["hidden"], values["layers"], values["activation"]
    opt, lr, steps, seed = values["optimizer"], values["lr"], values["steps"], values["seed"]
    every = max(1, steps // 10)
    c = lambda key, **kw: "# " + t(f"xor.code.{key}", lang, **kw)
    return f'''{c("title", shape=shape(H, L))}
import torch
from torch import nn

X = torch.tensor([[0., 0.], [0., 1.], [1., 0.], [1., 1.]])
y = torch.tensor([[0.], [1.], [1.], [0.]])  {c("targets")}
criterion = nn.BCELoss()


def train(seed, steps={steps}, verbose=False):
    torch.manual_seed(seed)  {c("seed")}
    model = nn.Sequential(
{model_lines(H, L, act)}
    )
    optimizer = {_OPT[opt]}(model.parameters(), lr={lr!r})
    solved_at = None  {c("solved_at")}
    for step in range(steps):
        optimizer.zero_grad()
        loss = criterion(model(X), y)
        if not torch.isfinite(loss):  {c("nan")}
            print(f"loss is {{loss.item()}} at step {{step}}: diverged")
            break
        if solved_at is None and loss.item() < {SOLVED_BELOW!r}:
            solved_at = step
        loss.backward()
        optimizer.step()
        if verbose and step % {every} == 0:
            print(f"step {{step:5d}}  loss {{loss.item():.6f}}")
    with torch.no_grad():
        p = model(X)
        final = criterion(p, y).item()
    if solved_at is None and final < {SOLVED_BELOW!r}:
        solved_at = steps
    return model, final, solved_at


model, final, solved_at = train({seed}, verbose=True)
print(f"final loss {{final:.6f}}")
print(f"steps to loss < {SOLVED_BELOW!r}: {{solved_at}}")
with torch.no_grad():
    print("p(y=1) for 00, 01, 10, 11:", [round(v, 4) for v in model(X)[:, 0].tolist()])
    {c("hidden")}
    print("hidden layer for 00, 01, 10, 11:", [[round(v, 4) for v in row] for row in model[:-2](X).tolist()])

{c("sweep1")}
{c("sweep2")}
# solved = sum(train(s)[1] < {SOLVED_BELOW!r} for s in range(100))
# print(f"{{solved}} of 100 seeds reach loss < {SOLVED_BELOW!r}")
'''
