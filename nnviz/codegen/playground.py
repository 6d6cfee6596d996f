"""The playground as a plain PyTorch script: the page's points (drawn or generated) written out, the
same split, features, nn.Sequential, torch.nn.init, torch.optim loop, and the numbers the page shows."""

from __future__ import annotations

import numpy as np

from nnviz.i18n import t
from nnviz.playground import features as feats
from nnviz.playground import session
from nnviz.playground.settings import SETTINGS, epochs_run
from nnviz.playground.train import shape

_ACT = {"tanh": "nn.Tanh()", "relu": "nn.ReLU()", "sigmoid": "nn.Sigmoid()", "linear": "nn.Identity()"}
_OPT = {"sgd": "torch.optim.SGD", "adam": "torch.optim.Adam"}
_INIT = {
    "xavier_uniform": "nn.init.xavier_uniform_(m.weight, gain=nn.init.calculate_gain({act!r}))",
    "kaiming_uniform": "nn.init.kaiming_uniform_(m.weight, a=0.01, nonlinearity={nl!r})",
    "normal": "nn.init.normal_(m.weight, 0.0, 0.01)",
    "zeros": "nn.init.zeros_(m.weight)",
}


def _points(X: np.ndarray, y: np.ndarray) -> str:
    """The points as a Python list, 4 to a line; coordinates printed to float32's round-trip digits."""
    rows = [f"({float(np.float32(a))!r}, {float(np.float32(b))!r}, {int(c)})" for (a, b), c in zip(X, y)]
    lines = [", ".join(rows[i:i + 4]) for i in range(0, len(rows), 4)]
    return "[\n" + "".join(f"    {line},\n" for line in lines) + "]"


def _model_lines(n_in: int, layers: int, units: int, act: str, p: float, classes: int) -> str:
    rows, width = [], n_in
    for _ in range(layers):
        rows.append(f"nn.Linear({width}, {units}), {_ACT[act]}," + (f" nn.Dropout({p!r})," if p > 0 else ""))
        width = units
    rows.append(f"nn.Linear({width}, {classes}),")
    return "\n".join("    " + r for r in rows)


def script(values: dict, lang: str = "en") -> str:
    v = {**SETTINGS.defaults(), **values}
    v = {**v, **SETTINGS.check(**{k: v[k] for k in SETTINGS.names()})}
    c = lambda key, **kw: "# " + t(f"playground.code.{key}", lang, **kw)
    pts = session.points(v)
    names = feats.chosen(v)
    X, y = pts.X.numpy(), pts.y.numpy()
    n_train = len(pts.train)
    batch = min(v["batch"], max(n_train, 1))
    epochs = epochs_run(v["epochs"], max(n_train, 1), batch, v["layers"])
    hidden = (v["units"],) * v["layers"]
    nl = v["activation"] if v["activation"] in ("tanh", "relu", "sigmoid") else "linear"
    init = "" if v["init"] == "default" else (
        "for m in model:\n    if isinstance(m, nn.Linear):  " + c("init") + "\n        "
        + _INIT[v["init"]].format(act=nl, nl="relu" if nl == "relu" else nl) + "\n        nn.init.zeros_(m.bias)\n")
    cols = ", ".join(feats.CODE[f] for f in names)
    return f'''{c("title", shape=shape(len(names), hidden, pts.classes), n=len(y))}
import torch
from torch import nn

points = {_points(X, y)}  {c("data")}
X = torch.tensor([p[:2] for p in points])
y = torch.tensor([p[2] for p in points])
perm = torch.randperm(len(y), generator=torch.Generator().manual_seed({v["seed"]}))  {c("split")}
n_test = {len(pts.test)}
test, train = perm[:n_test], perm[n_test:]


def features(X):  {c("features")}
    return torch.stack([{cols}], dim=1)


torch.manual_seed({v["seed"]})
model = nn.Sequential(
{_model_lines(len(names), v["layers"], v["units"], v["activation"], v["dropout"], pts.classes)}
)
{init}optimizer = {_OPT[v["optimizer"]]}(model.parameters(), lr={v["lr"]!r}, weight_decay={v["wd"]!r})
loss_fn = nn.CrossEntropyLoss()
F_train, y_train = features(X[train]), y[train]
F_test, y_test = features(X[test]), y[test]
order = torch.Generator().manual_seed({v["seed"]})  {c("order")}
diverged = False
for epoch in range({epochs}):
    model.train()
    perm = torch.randperm(len(y_train), generator=order)
    for start in range(0, len(y_train), {batch}):
        idx = perm[start:start + {batch}]
        optimizer.zero_grad()
        loss = loss_fn(model(F_train[idx]), y_train[idx])
        loss.backward()
        if not torch.isfinite(loss):  {c("nan")}
            print(f"loss is {{loss.item()}} in epoch {{epoch}}: diverged")
            diverged = True
            break
        optimizer.step()
    if diverged:
        break

model.eval()  {c("eval")}
with torch.no_grad():
    for name, F, labels in (("train", F_train, y_train), ("test", F_test, y_test)):
        logits = model(F)
        accuracy = (logits.argmax(1) == labels).float().mean().item()
        print(f"{{name}} loss {{loss_fn(logits, labels).item():.4f}}  accuracy {{accuracy:.1%}}")
'''
