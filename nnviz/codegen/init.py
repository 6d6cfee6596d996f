"""The init page as a script: per-layer std after one forward/backward pass, then a short training run."""

from __future__ import annotations

from nnviz.i18n import t
from nnviz.init import BATCH_SEED_OFFSET, EVAL_TRAIN, NOISE_SEED_OFFSET, TRAIN_BATCH, gain_act, train_width

_ACT_MODULE = {"tanh": "nn.Tanh()", "sigmoid": "nn.Sigmoid()", "relu": "nn.ReLU()",
               "leaky_relu": "nn.LeakyReLU(0.01)", "linear": "nn.Identity()"}


def init_lines(values: dict) -> list[str]:
    """The body of ``init_weights``: the torch.nn.init calls ``nnviz.init.build`` makes for one layer."""
    scheme, act = values["scheme"], values["activation"]
    g_act = gain_act(scheme, act, values["gain"])
    explicit = values["gain"] == "calculate_gain"
    gain = f", gain=nn.init.calculate_gain({g_act!r})" if explicit else ""
    if scheme == "default":
        return ["nn.init.kaiming_uniform_(layer.weight, a=math.sqrt(5), generator=gen)",
                "bound = 1 / math.sqrt(layer.in_features)",
                "nn.init.uniform_(layer.bias, -bound, bound, generator=gen)"]
    w = {
        "zeros": "nn.init.zeros_(layer.weight)",
        "constant": f"nn.init.constant_(layer.weight, {values['value']!r})",
        "normal": f"nn.init.normal_(layer.weight, mean=0.0, std={values['std']!r}, generator=gen)",
        "uniform": f"nn.init.uniform_(layer.weight, -{values['bound']!r}, {values['bound']!r}, generator=gen)",
        "xavier_normal": f"nn.init.xavier_normal_(layer.weight{gain}, generator=gen)",
        "xavier_uniform": f"nn.init.xavier_uniform_(layer.weight{gain}, generator=gen)",
        "orthogonal": f"nn.init.orthogonal_(layer.weight{gain}, generator=gen)",
    }.get(scheme)
    if w is None:  # kaiming: models.initialize passes a = negative slope, mode and nonlinearity
        a = ", a=0.01" if g_act == "leaky_relu" else ""
        w = (f"nn.init.{scheme}_(layer.weight{a}, mode={values['mode']!r}, nonlinearity={g_act!r}, "
             "generator=gen)")
    return [w, "nn.init.zeros_(layer.bias)"]


def script(values: dict, lang: str) -> str:
    v = values
    c = lambda key, **kw: "# " + t(f"init.code.{key}", lang, **kw)  # noqa: E731
    depth, width, batch, seed = v["depth"], v["width"], v["batch"], v["seed"]
    body = "\n                ".join(init_lines(v))
    if v["data"] == "digits":
        probe_data = f"xb, yb = X_train[:{batch}], y_train[:{batch}]"
    else:
        probe_data = (f"noise = torch.Generator().manual_seed(seed + {NOISE_SEED_OFFSET:_})  {c('noise')}\n"
                      f"xb = torch.randn({batch}, 64, generator=noise)\n"
                      f"yb = torch.randint(0, 10, ({batch},), generator=noise)")
    return f'''{c("title", scheme=v["scheme"], activation=v["activation"])}
import math

import torch
from torch import nn
from sklearn.datasets import load_digits

seed = {seed}
depth, width = {depth}, {width}

{c("data")}
X, y = load_digits(return_X_y=True)
X, y = torch.tensor(X, dtype=torch.float32), torch.tensor(y)
perm = torch.randperm(len(X), generator=torch.Generator().manual_seed(seed))
train, test = perm[round(len(X) * 0.2):], perm[:round(len(X) * 0.2)]
mean, std = X[train].mean(0), X[train].std(0).clamp_min(1e-8)
X_train, y_train = (X[train] - mean) / std, y[train]
X_test, y_test = (X[test] - mean) / std, y[test]


def make_model(width):
    {c("model")}
    sizes = [64] + [width] * depth + [10]
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(nn.Linear(sizes[i], sizes[i + 1]))
        if i < depth:
            layers.append({_ACT_MODULE[v["activation"]]})
    return nn.Sequential(*layers)


def init_weights(model, gen):
    {c("init")}
    with torch.no_grad():
        for layer in model:
            if isinstance(layer, nn.Linear):
                {body}


{c("probe")}
model = make_model(width)
init_weights(model, torch.Generator().manual_seed(seed))
{probe_data}
h, outputs = xb, []
for i, layer in enumerate(model):
    h = layer(h)
    if not isinstance(layer, nn.Linear) or i == len(model) - 1:
        outputs.append(h)  {c("outputs")}
loss = nn.functional.cross_entropy(h, yb)
loss.backward()

linears = [layer for layer in model if isinstance(layer, nn.Linear)]
print("layer  weight_std  activation_mean  activation_std  grad_std")
for i, (layer, out) in enumerate(zip(linears, outputs), 1):
    w, g, a = layer.weight.detach().double(), layer.weight.grad.double(), out.detach().double()
    print(f"{{i:5d}}  {{w.std().item():.6g}}  {{a.mean().item():.6g}}  {{a.std().item():.6g}}  {{g.std().item():.6g}}")

{c("train", width=train_width(width), batch=TRAIN_BATCH)}
model = make_model(min(width, 64))
init_weights(model, torch.Generator().manual_seed(seed))
optimizer = torch.optim.SGD(model.parameters(), lr={v["lr"]!r})
batches = torch.Generator().manual_seed(seed + {BATCH_SEED_OFFSET:_})  {c("batches")}
index = torch.randint(0, len(X_train), ({v["steps"]}, {TRAIN_BATCH}), generator=batches)
for step in range({v["steps"]}):
    optimizer.zero_grad()
    loss = nn.functional.cross_entropy(model(X_train[index[step]]), y_train[index[step]])
    if not torch.isfinite(loss):
        print(f"diverged at step {{step + 1}}: loss {{loss.item()}}")  {c("diverged")}
        break
    loss.backward()
    optimizer.step()
with torch.no_grad():
    train_loss = nn.functional.cross_entropy(model(X_train[:{EVAL_TRAIN}]), y_train[:{EVAL_TRAIN}]).item()
    test_acc = (model(X_test).argmax(1) == y_test).double().mean().item()
print(f"final train loss {{train_loss:.6g}}  test accuracy {{test_acc:.6g}}")
'''
