"""Views of one trained net at one step: its outputs over the input box, the four predictions, each unit's
gate and line, the weights, and the hidden space (:class:`HiddenView`). Every view runs the engine's
one forward pass."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import torch

from nnviz import heatmap
from nnviz.data import INPUT_BOX
from nnviz.engine import ACT_CODES, forward_zs, point_losses, right_probability
from nnviz.xor import geometry as geo
from nnviz.xor.model import POINT_NAMES, Run, build, data


def layer_outputs(run: Run, x: torch.Tensor, step: int | None = None) -> list[tuple[torch.Tensor, torch.Tensor]]:
    """(z, a) of every layer for inputs ``x`` (n, 2): pre-activation and output, (n, units); the last a is p."""
    with torch.no_grad():
        zs, acts = forward_zs(run.vector(step).reshape(-1, 1), list(run.layout.sizes), ACT_CODES[run.activation],
                              x[:, :, None])
    return [(z[..., 0], a[..., 0]) for z, a in zip(zs, acts[1:])]


def point_table(p: torch.Tensor) -> tuple[dict, torch.Tensor]:
    """The four points' columns shared by the prediction views: ``point, x1, x2, target``, and q (the
    probability of the right answer) for ``p`` (…, 4)."""
    X, y = data()
    cols = {"point": list(POINT_NAMES), "x1": X[:, 0].numpy(), "x2": X[:, 1].numpy(),
            "target": y[:, 0].int().numpy()}
    return cols, right_probability(p, y[:, 0])


def decision_image(run: Run, step: int | None = None, n_pixels: int = heatmap.PIXELS) -> pd.DataFrame:
    """The net's P(y = 1) over the input box as one PNG (:mod:`nnviz.heatmap`): a one-row ``image`` table."""
    return heatmap.images(layer_outputs(run, heatmap.pixel_centres(n_pixels), step)[-1][1][:, 0].numpy())


def decision_grid(run: Run, step: int | None = None, n: int = 41) -> pd.DataFrame:
    """The net's P(y = 1) over the input box [−0.5, 1.5]²: columns ``x1, x2, p``."""
    g = geo.input_grid(n)
    p = layer_outputs(run, g, step)[-1][1][:, 0]
    return pd.DataFrame({"x1": g[:, 0].numpy(), "x2": g[:, 1].numpy(), "p": p.numpy()})


def predictions(run: Run, step: int | None = None) -> pd.DataFrame:
    """The four inputs: ``point, x1, x2, target, p, loss`` (the point's BCE) and ``correct``."""
    p = layer_outputs(run, data()[0], step)[-1][1][:, 0]
    cols, q = point_table(p)
    return pd.DataFrame({**cols, "p": p.double().numpy(), "loss": point_losses(q).double().numpy(),
                         "correct": (q > 0.5).numpy()})


# The 16 functions of two bits, by their outputs on 00, 01, 10, 11 ("0111" is OR).
GATE_NAMES = {
    "0000": "never", "0001": "and", "0010": "x1_not_x2", "0011": "x1", "0100": "x2_not_x1", "0101": "x2",
    "0110": "xor", "0111": "or", "1000": "nor", "1001": "xnor", "1010": "not_x2", "1011": "x1_or_not_x2",
    "1100": "not_x1", "1101": "x2_or_not_x1", "1110": "nand", "1111": "always",
}


def unit_gates(run: Run, step: int | None = None) -> pd.DataFrame:
    """Which logic function each unit computes: it is "on" where its pre-activation z > 0.

    One row per unit of every layer (the output unit last): ``layer, unit, z00 … z11, a00 … a11,
    pattern`` (on/off over 00, 01, 10, 11) and ``gate`` (its name in ``GATE_NAMES``).
    """
    rows = []
    outs = layer_outputs(run, data()[0], step)
    for li, (z, a) in enumerate(outs, 1):
        for j in range(z.shape[1]):
            pattern = "".join("1" if v > 0 else "0" for v in z[:, j].tolist())
            row: dict[str, object] = {"layer": li, "unit": j + 1, "output": li == len(outs)}
            row.update({f"z{n}": float(v) for n, v in zip(POINT_NAMES, z[:, j])})
            row.update({f"a{n}": float(v) for n, v in zip(POINT_NAMES, a[:, j])})
            row.update({"pattern": pattern, "gate": GATE_NAMES[pattern]})
            rows.append(row)
    return pd.DataFrame(rows)


def unit_lines(run: Run, step: int | None = None, box: tuple[float, float] = INPUT_BOX,
               gates: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each first-layer unit's line w·x + b = 0 in input space, clipped to the box (long form).

    Columns ``unit, x1, x2, w1, w2, b, gate``; two rows per unit whose line crosses the box.
    ``gates``: :func:`unit_gates` of that step, if already computed.
    """
    W, b = run.params(step)[:2]
    gates = unit_gates(run, step) if gates is None else gates
    gates = gates[gates["layer"] == 1].set_index("unit")["gate"]
    rows = []
    for j in range(W.shape[0]):
        w1, w2, bj = float(W[j, 0]), float(W[j, 1]), float(b[j])
        for u, v in geo.clip_line(w1, w2, bj, (*box, *box)):
            rows.append({"unit": j + 1, "x1": u, "x2": v, "w1": w1, "w2": w2, "b": bj, "gate": gates[j + 1]})
    return pd.DataFrame(rows, columns=["unit", "x1", "x2", "w1", "w2", "b", "gate"])


def weights_table(run: Run, step: int | None = None) -> pd.DataFrame:
    """Every weight and bias as ``model.state_dict()`` names them: ``tensor, index, value``."""
    names = [n for n, _ in build(run.hidden, run.layers, run.activation).named_parameters()]
    rows = []
    for name, t in zip(names, run.params(step)):
        for idx in np.ndindex(*t.shape):
            rows.append({"tensor": name, "index": str(list(idx)), "value": float(t[idx])})
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class HiddenView:
    """The four points as the last hidden layer sees them, in 2-D, with the output unit's line.

    ``kind``: "line" (H = 1: the unit's value; v = 0), "plane" (H = 2: (h1, h2) itself) or "projection"
    (H > 2: u = signed distance to the output unit's hyperplane w·h + b = 0, so the boundary is exactly
    u = 0; v = the main remaining direction of spread of the four points, orthogonal to w).
    """

    kind: str
    points: pd.DataFrame  # point, x1, x2, target, u, v, p, correct, h1 … hH
    boundary: pd.DataFrame  # u, v: the output unit's line (0 or 2 rows)
    background: pd.DataFrame  # u, v, p over the view's box
    sheet: pd.DataFrame  # line, family, order, u, v: the input square's grid lines mapped into hidden space
    box: tuple[float, float, float, float]
    margin: float  # the smallest distance of a point to the output line, in u units (negative: wrong side)
    image: pd.DataFrame | None = None  # the background as one PNG over the box (nnviz.heatmap), for charts

    @property
    def separable(self) -> bool:
        """Whether the output unit's line puts all four points on their right sides (margin > 0)."""
        return self.margin > 0


def hidden_view(run: Run, step: int | None = None, n_grid: int = 41, n_lines: int = 11,
                box: tuple[float, float, float, float] | None = None, n_pixels: int = heatmap.PIXELS) -> HiddenView:
    """The hidden-space view (see :class:`HiddenView`); ``box`` fixes its extent (default: fit the data)."""
    X, y = data()
    params = run.params(step)
    W_out, b_out = params[-2][0], float(params[-1][0])
    H = W_out.shape[0]
    # the four points and the input square's grid lines (the sheet), through the net at once
    sheet_x, sheet_cols = geo.sheet(n_lines)
    outs = layer_outputs(run, torch.cat([X, sheet_x]), step)
    h, sheet_h = outs[-2][1][:4], outs[-2][1][4:]  # the last hidden layer
    p = outs[-1][1][:4, 0]
    kind = geo.view_kind(H)
    u, v, su, sv = geo.view_coords(kind, h, sheet_h, W_out, b_out)
    box = box or geo.hidden_box(run.activation, kind, torch.cat([u, su]), torch.cat([v, sv]))
    w1, w2, b, seg = geo.output_line(kind, W_out, b_out, box)
    boundary = pd.DataFrame(seg, columns=["u", "v"])
    U, V = geo.view_grid(kind, box, n_grid)
    bg_p = torch.sigmoid(w1 * U + w2 * V + b)
    background = pd.DataFrame({"u": U.reshape(-1).numpy(), "v": V.reshape(-1).numpy(), "p": bg_p.reshape(-1).numpy()})
    UV = heatmap.pixel_centres(n_pixels, box)
    image = heatmap.images(torch.sigmoid(w1 * UV[:, 0] + w2 * UV[:, 1] + b).numpy())
    cols, q = point_table(p)
    pts = pd.DataFrame({**cols, "u": u.numpy(), "v": v.numpy(), "p": p.numpy(), "correct": (q > 0.5).numpy()})
    for j in range(H):
        pts[f"h{j + 1}"] = h[:, j].numpy()
    sheet = sheet_cols.assign(u=su.numpy(), v=sv.numpy())
    signed = (w1 * u + w2 * v + b) / max(math.hypot(w1, w2), 1e-12)
    margin = float(torch.min(torch.where(y[:, 0] > 0.5, signed, -signed)))
    return HiddenView(kind, pts, boundary, background, sheet, box, margin, image)
