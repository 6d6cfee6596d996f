"""One playground run: an MLP trained with ``torch.optim`` on the training points, scored on the test points.

The run is the tutorial's loop, written plainly: ``torch.manual_seed(seed)``; ``nn.Sequential(Linear,
act, [Dropout], …, Linear)`` (:func:`build`); a ``torch.nn.init`` scheme on every weight (biases 0)
unless ``init="default"``; SGD or Adam with ``weight_decay`` (L2); each epoch the training points in a
new order (``torch.randperm`` from a generator seeded with ``seed``), ``zero_grad / CrossEntropyLoss /
backward / step`` per mini-batch. After every epoch the weights are kept and both splits are scored in
evaluation mode (no dropout). A loss or gradient that is not finite stops the run (``Run.diverged``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import torch
from torch import nn

from nnviz.models import initialize, mlp
from nnviz.params import Float, Int, Spec
from nnviz.playground import features as feats
from nnviz.playground import settings as S
from nnviz.training import Divergence, check_finite, seeded

ARGS = Spec(*(S.SETTINGS[name] for name in ("activation", "init", "dropout", "wd", "optimizer", "batch", "seed")),
            Float("lr", 0.03, lo=1e-6, hi=100.0), Int("epochs", 100, lo=1, hi=S.MAX_EPOCHS),
            Int("classes", 2, lo=2, hi=3))


def sizes(n_features: int, hidden: Sequence[int], classes: int) -> tuple[int, ...]:
    return (int(n_features), *map(int, hidden), int(classes))


def build(n_features: int, hidden: Sequence[int] = (8, 8), activation: str = "tanh", dropout: float = 0.0,
          classes: int = 2) -> nn.Sequential:
    """``nn.Sequential(Linear(F, h1), act, [Dropout(p)], …, Linear(h_last, classes))``: logits, one per class."""
    return mlp(sizes(n_features, hidden, classes), act=activation, dropout=dropout)


def shape(n_features: int, hidden: Sequence[int], classes: int) -> str:
    """The net's shape as tutorials write it: "2-4-4-2"."""
    return "-".join(map(str, sizes(n_features, hidden, classes)))


@dataclass(frozen=True)
class Run:
    """A trained net and its history: frame k holds the weights after k epochs (frame 0: the start)."""

    model: nn.Sequential
    features: tuple[str, ...]
    hidden: tuple[int, ...]
    activation: str
    dropout: float
    classes: int
    epochs: int  # epochs trained (fewer than asked when capped or diverged)
    snaps: list[dict[str, torch.Tensor]]  # state_dict after each epoch, frame 0 the initial weights
    train_loss: np.ndarray  # (epochs + 1,) cross-entropy on the training split, evaluation mode
    test_loss: np.ndarray
    train_acc: np.ndarray
    test_acc: np.ndarray
    updates: int  # optimizer steps taken
    diverged: Divergence | None = None
    batch_losses: list[float] = field(default_factory=list)  # the loss of every update, in order

    def net(self, epoch: int | None = None) -> nn.Sequential:
        """A copy of the net after ``epoch`` epochs (None or beyond the end: the final net), in evaluation mode."""
        k = self.frame(epoch)
        m = build(len(self.features), self.hidden, self.activation, self.dropout, self.classes)
        m.load_state_dict(self.snaps[k])
        return m.eval()

    def frame(self, epoch: int | None) -> int:
        return self.epochs if epoch is None else min(max(int(epoch), 0), self.epochs)

    @torch.no_grad()
    def proba(self, X: torch.Tensor, epoch: int | None = None) -> torch.Tensor:
        """Class probabilities (n, classes) of points X (n, 2) after ``epoch`` epochs."""
        return torch.softmax(self.net(epoch)(feats.transform(X, self.features)), dim=1)

    def predict(self, X: torch.Tensor, epoch: int | None = None) -> torch.Tensor:
        """Predicted labels (n,) int64 of points X (n, 2)."""
        return self.proba(X, epoch).argmax(dim=1)

    @property
    def losses(self) -> dict[str, np.ndarray]:
        return {"train": self.train_loss, "test": self.test_loss}

    # A cached run is unpickled on every rerun (st.cache_data hands each caller a copy): its hundreds of
    # per-epoch tensors cost ~50 µs each through torch's unpickler, a third of a cached render (py-spy).
    # Pickled as one NumPy array per parameter, stacked over epochs; restored as views of it.
    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        keys = list(self.snaps[0]) if self.snaps else []
        state["snaps"] = (keys, [np.stack([s[k].numpy() for s in self.snaps]) for k in keys], len(self.snaps))
        return state

    def __setstate__(self, state: dict) -> None:
        keys, stacks, n = state["snaps"]
        tensors = [torch.from_numpy(a) for a in stacks]
        state = {**state, "snaps": [{k: t[i] for k, t in zip(keys, tensors)} for i in range(n)]}
        for name, value in state.items():
            object.__setattr__(self, name, value)  # a frozen dataclass


def make_optimizer(params, name: str, lr: float, wd: float) -> torch.optim.Optimizer:
    cls = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam}[name]
    return cls(params, lr=lr, weight_decay=wd)


@torch.no_grad()
def _score(model: nn.Module, F: torch.Tensor, y: torch.Tensor, loss_fn) -> tuple[float, float]:
    if not len(y):
        return float("nan"), float("nan")
    logits = model(F)
    return float(loss_fn(logits, y)), float((logits.argmax(1) == y).float().mean())


def train(X: torch.Tensor, y: torch.Tensor, hidden: Sequence[int] = (8, 8), activation: str = "tanh", *,
          features: Sequence[str] = feats.DEFAULT, init: str = "default", dropout: float = 0.0, wd: float = 0.0,
          optimizer: str = "adam", lr: float = 0.03, batch: int = 16, epochs: int = 100, seed: int = 0,
          classes: int | None = None, X_test: torch.Tensor | None = None, y_test: torch.Tensor | None = None,
          progress: Callable[[float], None] | None = None) -> Run:
    """Train on points X (n, 2) with labels y (n,); score on (X_test, y_test) if given. ``hidden=()``: no
    hidden layer (a linear classifier of the features). ``classes`` defaults to max label + 1 (at least 2)."""
    names = feats.check(features)
    hidden = tuple(hidden)
    if len(hidden) > S.MAX_LAYERS or any(isinstance(h, bool) or not 1 <= int(h) <= 64 for h in hidden):
        raise ValueError(f"hidden must be at most {S.MAX_LAYERS} layer widths of 1 … 64, got {hidden!r}")
    X, y = torch.as_tensor(X, dtype=torch.float32), torch.as_tensor(y, dtype=torch.int64)
    if X.ndim != 2 or X.shape[1] != 2 or y.shape != (len(X),) or len(X) < 1:
        raise ValueError(f"X must be (n, 2) with n ≥ 1 and y (n,), got {tuple(X.shape)} and {tuple(y.shape)}")
    if classes is None:
        classes = max(2, int(y.max()) + 1)
    ARGS.check(activation=activation, init=init, dropout=dropout, wd=wd, optimizer=optimizer, lr=lr, batch=batch,
               epochs=epochs, seed=seed, classes=classes)
    if int(y.min()) < 0 or int(y.max()) >= classes:
        raise ValueError(f"y must hold labels 0 … {classes - 1}, got {sorted(set(y.tolist()))}")
    X_test = torch.zeros(0, 2) if X_test is None else torch.as_tensor(X_test, dtype=torch.float32)
    y_test = torch.zeros(0, dtype=torch.int64) if y_test is None else torch.as_tensor(y_test, dtype=torch.int64)
    F, F_test = feats.transform(X, names), feats.transform(X_test, names)
    loss_fn = nn.CrossEntropyLoss()
    n = len(X)
    history: dict[str, list[float]] = {"train_loss": [], "test_loss": [], "train_acc": [], "test_acc": []}
    snaps, batch_losses, diverged, updates, done = [], [], None, 0, 0

    def record(model: nn.Module) -> None:
        model.eval()
        snaps.append({k: v.detach().clone() for k, v in model.state_dict().items()})
        for split, (a, b) in (("train", (F, y)), ("test", (F_test, y_test))):
            loss, acc = _score(model, a, b, loss_fn)
            history[f"{split}_loss"].append(loss)
            history[f"{split}_acc"].append(acc)

    with seeded(int(seed)):
        model = build(len(names), hidden, activation, dropout, classes)
        if init != "default":
            initialize(model, init, activation)
        opt = make_optimizer(model.parameters(), optimizer, lr, wd)
        order = torch.Generator().manual_seed(int(seed))
        record(model)
        for epoch in range(epochs):
            model.train()
            perm = torch.randperm(n, generator=order)
            for start in range(0, n, batch):
                idx = perm[start:start + batch]
                opt.zero_grad()
                loss = loss_fn(model(F[idx]), y[idx])
                loss.backward()
                diverged = check_finite(updates, loss, model.parameters())
                if diverged is not None:
                    break
                opt.step()
                updates += 1
                batch_losses.append(loss.item())
            if diverged is not None:
                break
            done = epoch + 1
            record(model)
            if not all(torch.isfinite(p).all() for p in model.parameters()):
                diverged = Divergence(updates, "loss", float("nan"))
                snaps.pop()
                for values in history.values():
                    values.pop()
                done -= 1
                break
            if progress is not None:
                progress(done / epochs)
    if diverged is not None:  # the net keeps the last weights that were all finite
        model.load_state_dict(snaps[-1])
    h = {k: np.asarray(values) for k, values in history.items()}
    return Run(model.eval(), names, hidden, activation, float(dropout), classes, done, snaps, h["train_loss"],
               h["test_loss"], h["train_acc"], h["test_acc"], updates, diverged, batch_losses)

