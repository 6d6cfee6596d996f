"""The backprop page as a script: the gradients by hand and by autograd, the grad_fn chain, then SGD."""

from __future__ import annotations

from nnviz import backprop
from nnviz.i18n import t

_ROWS = {"x00": ([0, 0], 0), "x01": ([0, 1], 1), "x10": ([1, 0], 1), "x11": ([1, 1], 0)}
_ACT = {"sigmoid": "nn.Sigmoid()", "tanh": "nn.Tanh()", "relu": "nn.ReLU()"}


def _weights_block(values: dict, c) -> str:
    """``model[i].weight.copy_(...)`` lines for typed weights that fit the net ('' if none)."""
    weights = backprop.usable_weights(values.get("w") or (), values["width"], values["depth"])
    if not weights:
        return ""
    sizes = backprop.sizes(values["width"], values["depth"])
    lines, i = [c("typed"), "with torch.no_grad():"], 0
    for layer, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        rows = []
        for _ in range(n_out):
            rows.append("[" + ", ".join(repr(float(v)) for v in weights[i : i + n_in]) + "]")
            i += n_in
        bias = ", ".join(repr(float(v)) for v in weights[i : i + n_out])
        i += n_out
        lines.append(f"    model[{2 * layer}].weight.copy_(torch.tensor([{', '.join(rows)}]))")
        lines.append(f"    model[{2 * layer}].bias.copy_(torch.tensor([{bias}]))")
    return "\n".join(lines) + "\n"


def script(values: dict, lang: str) -> str:
    v = {**backprop.SETTINGS.defaults(), **values}
    c = lambda key, **kw: "# " + t(f"backprop.code.{key}", lang, **kw)  # noqa: E731
    sizes = backprop.sizes(v["width"], v["depth"])
    act = _ACT[v["activation"]]
    layers = []
    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        last = i == len(sizes) - 2
        layers.append(f"    nn.Linear({n_in}, {n_out}), {'nn.Sigmoid()' if last else act},")
    if v["sample"] == "batch":
        data = "x = torch.tensor([[0., 0.], [0., 1.], [1., 0.], [1., 1.]])\ny = torch.tensor([[0.], [1.], [1.], [0.]])"
    else:
        xs, ys = _ROWS[v["sample"]]
        data = f"x = torch.tensor([[{xs[0]}., {xs[1]}.]])\ny = torch.tensor([[{ys}.]])"
    if v["loss"] == "mse":
        criterion, dloss = "nn.MSELoss()", "dA = 2 * (a[-1] - y) / y.numel()"
    else:
        criterion, dloss = "nn.BCELoss()", "dA = (a[-1] - y) / (a[-1] * (1 - a[-1])).clamp_min(1e-12) / y.numel()"
    zero = f"    optimizer.zero_grad()  {c('zero')}" if not v["forget"] else f"    {c('forgot')}"
    lr, updates = v["lr"], v["updates"]
    return f"""{c("header")}
import itertools

import torch
from torch import nn

{c("data")}
{data}

{c("model")}
torch.manual_seed({v["seed"]})
model = nn.Sequential(
{chr(10).join(layers)}
)
{_weights_block(v, c)}criterion = {criterion}

{c("forward")}
with torch.no_grad():
    a, z = [x], []
    for linear, act in zip(model[0::2], model[1::2]):
        z.append(a[-1] @ linear.weight.T + linear.bias)
        a.append(act(z[-1]))
    print(f"loss {{criterion(a[-1], y).item():.10g}}")


{c("local")}
def local(act, z, a):
    if isinstance(act, nn.Sigmoid):
        return a * (1 - a)
    if isinstance(act, nn.Tanh):
        return 1 - a ** 2
    return (z > 0).to(z.dtype)  # ReLU


{c("manual")}
manual = {{}}
with torch.no_grad():
    {dloss}  {c("dloss")}
    for l in reversed(range(len(z))):
        linear, act = model[2 * l], model[2 * l + 1]
        dZ = dA * local(act, z[l], a[l + 1])  {c("dz")}
        manual[f"{{2 * l}}.weight"] = dZ.T @ a[l]  {c("dw")}
        manual[f"{{2 * l}}.bias"] = dZ.sum(0)  {c("db")}
        dA = dZ @ linear.weight  {c("da")}

{c("autograd")}
loss = criterion(model(x), y)
loss.backward()
for name, p in model.named_parameters():
    for idx in itertools.product(*map(range, p.shape)):
        print(f"grad {{name}}{{list(idx)}} manual {{manual[name][idx].item() + 0.0:.10g}} "
              f"autograd {{p.grad[idx].item() + 0.0:.10g}}")

{c("gradfn")}
fn = loss.grad_fn
while fn is not None:
    print("grad_fn", fn.name())
    fn = next((f for f, _ in fn.next_functions
               if f is not None and not hasattr(f, "variable") and f.name() != "TBackward0"), None)

{c("train")}
model.zero_grad()
optimizer = torch.optim.SGD(model.parameters(), lr={lr!r})
for step in range({updates}):
{zero}
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()
    print(f"update {{step + 1}} loss before {{loss.item():.10g}}")
with torch.no_grad():
    print(f"final loss {{criterion(model(x), y).item():.10g}}")
"""
