"""What the page draws of a run: the decision regions, every unit's output over the plane, the network's
weights, the loss curves and the verdict. Tables and PNG ``data:`` URLs (:mod:`nnviz.heatmap`); no plotting.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence

import numpy as np
import pandas as pd
import torch
from torch import nn

from nnviz import heatmap
from nnviz.frames import by_frame_columns
from nnviz.playground import features as feats
from nnviz.playground.data import BOX
from nnviz.playground.train import Run

PIXELS = 48  # decision map samples per side (the browser smooths it)
UNIT_PIXELS = 24  # a unit's thumbnail
# class colours (Okabe–Ito blue, orange, green), as the charts draw the points
CLASS_RGB = np.array([[0x00, 0x72, 0xB2], [0xE6, 0x9F, 0x00], [0x00, 0x9E, 0x73]], dtype=np.float64)
OVERFIT_GAP = 0.1  # test loss this much above its best (relatively) while the train loss still falls: overfitting
OVERFIT_MIN = 0.02  # … and at least this much (a tiny loss wobbling is not overfitting)
GOOD_ACCURACY = 0.9


def _url(rgb: np.ndarray) -> str:
    return "data:image/png;base64," + base64.b64encode(heatmap.png(rgb)).decode("ascii")


def class_colours(proba: np.ndarray) -> np.ndarray:
    """RGB (…, 3) uint8 of class probabilities (…, C): two classes on Vega's blue–orange scheme of
    P(class 1) (as :mod:`nnviz.heatmap`), three as the probability-weighted mix of the class colours,
    faded towards white where the net is unsure."""
    proba = np.nan_to_num(np.asarray(proba, dtype=np.float64), nan=1.0 / proba.shape[-1])
    if proba.shape[-1] == 2:
        return heatmap.colours(proba[..., 1])
    mix = proba @ CLASS_RGB[: proba.shape[-1]]
    sure = np.clip((proba.max(-1, keepdims=True) - 1 / 3) * 1.5, 0, 1)
    return np.rint(255 * (1 - sure) + mix * sure).astype(np.uint8)


def grid(n: int = PIXELS) -> torch.Tensor:
    """The (n², 2) pixel centres of the plane, in image order."""
    return heatmap.pixel_centres(n, BOX)


def decision_images(run: Run, epochs: Sequence[int], n: int = PIXELS) -> pd.DataFrame:
    """The decision regions after each of ``epochs`` as a one-row table ``image@0, image@1, …``."""
    g = grid(n)
    urls = [_url(class_colours(run.proba(g, k).numpy().reshape(n, n, -1))) for k in epochs]
    return pd.DataFrame(by_frame_columns("image", [[u] for u in urls]))


def decision_image(run: Run, epoch: int | None = None, n: int = PIXELS) -> pd.DataFrame:
    g = grid(n)
    return pd.DataFrame({"image": [_url(class_colours(run.proba(g, epoch).numpy().reshape(n, n, -1)))]})


@torch.no_grad()
def layer_outputs(run: Run, X: torch.Tensor, epoch: int | None = None) -> list[torch.Tensor]:
    """The inputs' features, then each hidden layer's output (after its activation; evaluation mode,
    so no dropout) and the class probabilities, for points X (n, 2): a list of (n, width) tensors."""
    net = run.net(epoch)
    h = feats.transform(X, run.features)
    out = [h]
    for layer in net:
        h = layer(h)
        if not isinstance(layer, (nn.Linear, nn.Dropout)):
            out.append(h)
    out.append(torch.softmax(h, dim=1))
    return out


def unit_scale(v: np.ndarray) -> np.ndarray:
    """A unit's outputs on the 0…1 colour scale, 0 in the middle and the largest |value| at an end."""
    top = np.nanmax(np.abs(v)) if np.isfinite(v).any() else 0.0
    return np.full_like(v, 0.5) if not top or not np.isfinite(top) else 0.5 + 0.5 * v / top


def network(run: Run, epoch: int | None = None, n: int = UNIT_PIXELS, labels: dict | None = None) -> dict[str, pd.DataFrame]:
    """The network as TensorFlow Playground draws it: ``nodes`` (column = layer: features, hidden
    layers, output; each with its map over the plane as a PNG and its range) and ``edges`` (every weight,
    from node to node, with its value)."""
    outs = layer_outputs(run, grid(n), epoch)
    names = [feats.SYMBOLS[f] for f in run.features]
    rows = []
    last = len(outs) - 1
    for col, h in enumerate(outs):
        width = h.shape[1]
        for j in range(width):
            v = h[:, j].numpy().astype(np.float64)
            if col == last:
                scaled, kind, name = v, "output", f"P({j})"
            else:
                scaled = unit_scale(v)
                kind, name = ("input", names[j]) if col == 0 else ("hidden", f"h{col}.{j + 1}")
            if kind != "output":
                rgb = heatmap.colours(scaled)
            elif run.classes == 2:  # P(1) high → orange, P(0) high → blue, as the decision map
                rgb = heatmap.colours(v if j == 1 else 1 - v)
            else:
                rgb = class_colours(_one_vs(v, j, run.classes))
            rgb = rgb.reshape(n, n, 3)
            rows.append({"layer": col, "unit": j, "y": j - (width - 1) / 2, "kind": kind, "name": name,
                         "min": float(np.nanmin(v)), "max": float(np.nanmax(v)), "image": _url(rgb)})
    nodes = pd.DataFrame(rows)
    edges = []
    linears = [m for m in run.net(epoch) if isinstance(m, nn.Linear)]
    for col, lin in enumerate(linears):
        W = lin.weight.detach().numpy()
        w_in, w_out = W.shape[1], W.shape[0]
        for j in range(w_out):
            for i in range(w_in):
                edges.append({"layer": col, "from": i, "to": j, "x": col, "x2": col + 1,
                              "y": i - (w_in - 1) / 2, "y2": j - (w_out - 1) / 2, "weight": float(W[j, i])})
    return {"nodes": nodes, "edges": pd.DataFrame(edges)}


def _one_vs(p: np.ndarray, j: int, classes: int) -> np.ndarray:
    """Probabilities (n, classes) that put ``p`` on class j and the rest evenly on the others (a class's
    own map in the three-class colours)."""
    out = np.repeat(((1 - p) / (classes - 1))[:, None], classes, axis=1)
    out[:, j] = p
    return out


def point_table(X: torch.Tensor, y: torch.Tensor, train_idx: torch.Tensor, test_idx: torch.Tensor,
                run: Run | None = None, epoch: int | None = None) -> pd.DataFrame:
    """Every point: coordinates, label, split, and (with a run) the predicted label and whether it is right."""
    split = np.array(["train"] * len(y), dtype=object)
    split[test_idx.numpy()] = "test"
    df = pd.DataFrame({"x1": X[:, 0].numpy().astype(np.float64), "x2": X[:, 1].numpy().astype(np.float64),
                       "label": y.numpy(), "split": split})
    if run is not None:
        df["predicted"] = run.predict(X, epoch).numpy()
        df["right"] = df["predicted"] == df["label"]
    return df


def loss_table(run: Run) -> pd.DataFrame:
    """Loss and accuracy of both splits after every epoch (long form: epoch, split, loss, accuracy)."""
    k = np.arange(run.epochs + 1)
    parts = [pd.DataFrame({"epoch": k, "split": s, "loss": getattr(run, f"{s}_loss"),
                           "accuracy": getattr(run, f"{s}_acc")}) for s in ("train", "test")]
    return pd.concat(parts, ignore_index=True)


def verdict(run: Run) -> str:
    """How the run ended: "diverged", "underfit" (train accuracy below :data:`GOOD_ACCURACY`: not
    learned, whatever the test loss does), "overfit" (the test loss rose more than :data:`OVERFIT_GAP` above
    its best, and by at least :data:`OVERFIT_MIN`, while the train loss kept falling), or "good"."""
    if run.diverged is not None:
        return "diverged"
    if run.train_acc[-1] < GOOD_ACCURACY:
        return "underfit"
    test, tr = run.test_loss, run.train_loss
    if len(test) and np.isfinite(test).all():
        best = int(np.argmin(test))
        if test[-1] > test[best] + max(OVERFIT_GAP * test[best], OVERFIT_MIN) and tr[-1] < tr[best]:
            return "overfit"
    return "good"


def best_epoch(run: Run) -> int:
    """The epoch with the lowest test loss (0 when there is no test split)."""
    test = run.test_loss
    return int(np.nanargmin(test)) if np.isfinite(test).any() else 0
