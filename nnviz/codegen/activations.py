"""The activations page as a script: deep nets per activation, their per-layer gradient norms at
initialisation and after training, and the final losses."""

from __future__ import annotations

from nnviz.gradients import MOONS_SAMPLES
from nnviz.i18n import t

_MODULES = {
    "sigmoid": "nn.Sigmoid()", "tanh": "nn.Tanh()", "relu": "nn.ReLU()", "leaky_relu": "nn.LeakyReLU({slope})",
    "elu": "nn.ELU()", "gelu": "nn.GELU()", "silu": "nn.SiLU()", "softplus": "nn.Softplus()",
}
# torch.nn.init's name for the gain of each activation (GELU, SiLU, ELU, softplus: ReLU's).
_NONLINEARITY = {"sigmoid": "sigmoid", "tanh": "tanh", "relu": "relu", "leaky_relu": "leaky_relu"}


def _data(name: str, seed: int, c) -> str:
    if name == "xor":
        return f'''{c("data_xor")}
X_train = torch.tensor([[0., 0.], [0., 1.], [1., 0.], [1., 1.]])
y_train = torch.tensor([[0.], [1.], [1.], [0.]])
X_test, y_test = X_train[:0], y_train[:0]  {c("no_test")}
'''
    if name == "diabetes":
        load = f'''from sklearn.datasets import load_diabetes

{c("data_diabetes")}
X, y = load_diabetes(return_X_y=True)'''
        scale_y = "\ny_train, y_test = standardise(y_train, y_test)"
    else:
        load = f'''from sklearn.datasets import make_moons

{c("data_moons")}
X, y = make_moons(n_samples={MOONS_SAMPLES}, noise=0.25, random_state={seed})'''
        scale_y = ""
    return f'''{load}
X = torch.tensor(X, dtype=torch.float32)
y = torch.tensor(y, dtype=torch.float32).unsqueeze(1)
{c("split")}
perm = torch.randperm(len(X), generator=torch.Generator().manual_seed({seed}))
n_test = round(len(X) * 0.2)
test, train = perm[:n_test], perm[n_test:]


def standardise(a, b):
    mean, std = a.mean(0, keepdim=True), a.std(0, keepdim=True).clamp_min(1e-8)
    return (a - mean) / std, (b - mean) / std


X_train, X_test = standardise(X[train], X[test])
y_train, y_test = y[train], y[test]{scale_y}
'''


def _init(init: str, slope: float, c, biases: str = "default") -> str:
    if init == "default":
        if biases == "zeros":
            return f'''    {c('init_default')}
    {c('zero_biases')}
    for layer in model:
        if isinstance(layer, nn.Linear):
            nn.init.zeros_(layer.bias)
'''
        return f"    {c('init_default')}\n"
    if init.startswith("kaiming"):
        call = f"nn.init.{init}_(layer.weight, a={slope!r}, nonlinearity=nonlinearity)"
    else:
        call = f"nn.init.{init}_(layer.weight, gain=nn.init.calculate_gain(nonlinearity, {slope!r}))"
    return f'''    for layer in model:
        if isinstance(layer, nn.Linear):
            {call}
            nn.init.zeros_(layer.bias)
'''


def script(values: dict, lang: str) -> str:
    acts, seed, slope = tuple(values["acts"]), values["seed"], values["slope"]
    depth, width, epochs, lr = values["depth"], values["width"], values["epochs"], values["lr"]
    data, init, opt = values["data"], values["init"], values["optimizer"]
    n_in = {"diabetes": 10, "moons": 2, "xor": 2}[data]
    c = lambda key, **kw: "# " + t(f"activations.code.{key}", lang, **kw)  # noqa: E731
    if init == "default":  # no init call: the module alone
        modules = ",\n".join(f'    "{a}": lambda: {_MODULES[a].format(slope=slope)}' for a in acts)
        unpack = "act = ACTIVATIONS[name]"
        acts_comment = c("acts_only")
    else:
        modules = ",\n".join(
            f'    "{a}": (lambda: {_MODULES[a].format(slope=slope)}, "{_NONLINEARITY.get(a, "relu")}")' for a in acts
        )
        unpack = "act, nonlinearity = ACTIVATIONS[name]"
        acts_comment = c("acts")
    loss = "nn.MSELoss()" if data == "diabetes" else f"nn.BCEWithLogitsLoss()  {c('bce')}"
    optim = "torch.optim.SGD" if opt == "sgd" else "torch.optim.Adam"
    names = ", ".join(f'"{a}"' for a in acts)
    return f'''{c("title", acts=", ".join(acts))}
import torch
from torch import nn
{_data(data, seed, c)}
{acts_comment}
ACTIVATIONS = {{
{modules},
}}


def make_model(name):
    {unpack}
    torch.manual_seed({seed})  {c("same_seed")}
    sizes = [{n_in}] + [{width}] * {depth} + [1]  {c("sizes", depth=depth)}
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(act())
    model = nn.Sequential(*layers)
{_init(init, slope, c, values.get("biases", "default"))}    return model


criterion = {loss}


def grad_norms(model):
    {c("grad_norms")}
    model.zero_grad()
    loss = criterion(model(X_train), y_train)
    loss.backward()
    grads = [p.grad for p in model.parameters()]
    finite = torch.isfinite(loss) and all(torch.isfinite(g).all() for g in grads)
    norms = [m.weight.grad.norm().item() for m in model if isinstance(m, nn.Linear)]
    return loss.item(), norms, finite


norms, results = {{}}, {{}}
for name in [{names}]:
    model = make_model(name)
    optimizer = {optim}(model.parameters(), lr={lr!r})
    diverged = None
    for epoch in range({epochs} + 1):  {c("epochs")}
        train_loss, grads, finite = grad_norms(model)
        if epoch == 0:
            at_init = grads
        if not finite:  {c("stop")}
            diverged = epoch
            break
        if epoch < {epochs}:
            optimizer.step()
    with torch.no_grad():
        test_loss = criterion(model(X_test), y_test).item() if len(X_test) else float("nan")
    ratio = grads[0] / grads[-1] if grads[-1] else float("nan")
    norms[name] = (at_init, grads)
    results[name] = (diverged, train_loss, test_loss, ratio)

{c("table")}
print("      layer  " + "  ".join(f"{{name:>12}}" for name in norms))
for when, k in (("init", 0), ("end ", 1)):
    for i in range({depth + 1}):
        row = "  ".join(f"{{norms[name][k][i]:12.4e}}" for name in norms)
        print(f"{{when}}  {{i + 1:5d}}  {{row}}")
for name, (diverged, train_loss, test_loss, ratio) in results.items():
    if diverged is not None:
        print(f"{{name:<10}} diverged at epoch {{diverged}}")
    else:
        print(f"{{name:<10}} train loss {{train_loss:.6f}}  test loss {{test_loss:.6f}}  "
              f"first/last {{ratio:.4e}}")
'''
