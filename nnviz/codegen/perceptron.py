"""The perceptron page as a script: a sigmoid unit with SGD, or Rosenblatt's rule."""

from __future__ import annotations

from nnviz.data import logic_gate
from nnviz.i18n import t


def script(values: dict, lang: str) -> str:
    gate, seed, lr = values["gate"], values["seed"], values["lr"]
    _, y = logic_gate(gate)
    targets = ", ".join(f"[{v:.0f}.]" for v in y[:, 0].tolist())
    c = lambda key, **kw: "# " + t(f"perceptron.code.{key}", lang, **kw)  # noqa: E731
    head = f'''{c("title", gate=gate.upper())}
import torch
from torch import nn

torch.manual_seed({seed})
X = torch.tensor([[0., 0.], [0., 1.], [1., 0.], [1., 1.]])
y = torch.tensor([{targets}])  {c("targets", gate=gate.upper())}
'''
    if values["mode"] == "rosenblatt":
        epochs = values["epochs"]
        return head + f'''
{c("init_same")}
layer = nn.Linear(2, 1)
w = layer.weight.detach()[0].clone()
b = layer.bias.detach()[0].clone()
lr = {lr!r}

for epoch in range(1, {epochs} + 1):
    mistakes = 0
    for x_i, y_i in zip(X, y[:, 0]):
        y_hat = 1.0 if x_i @ w + b >= 0 else 0.0  {c("step")}
        error = y_i - y_hat
        w = w + lr * error * x_i
        b = b + lr * error
        mistakes += int(error != 0)
    print(f"epoch {{epoch:3d}}  mistakes {{mistakes}}")

print(f"w1 {{w[0].item():.6f}}  w2 {{w[1].item():.6f}}  b {{b.item():.6f}}")
'''
    criterion = "nn.BCELoss()" if values["loss"] == "bce" else "nn.MSELoss()"
    steps = values["steps"]
    every = max(1, steps // 10)
    return head + f'''
model = nn.Sequential(nn.Linear(2, 1), nn.Sigmoid())
criterion = {criterion}
optimizer = torch.optim.SGD(model.parameters(), lr={lr!r})

for step in range({steps}):
    optimizer.zero_grad()
    loss = criterion(model(X), y)
    loss.backward()
    optimizer.step()
    if step % {every} == 0:
        print(f"step {{step:5d}}  loss {{loss.item():.6f}}")

{c("final")}
with torch.no_grad():
    p = model(X)
    w1, w2 = model[0].weight[0].tolist()
    b = model[0].bias.item()
print(f"final loss {{criterion(p, y).item():.6f}}")
print(f"w1 {{w1:.6f}}  w2 {{w2:.6f}}  b {{b:.6f}}")
print("p(y=1) for 00, 01, 10, 11:", [round(v, 4) for v in p[:, 0].tolist()])
'''
