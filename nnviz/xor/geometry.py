"""Geometry of the XOR views: grids over the input box, lines clipped to a box, and the hidden-space view's
kind, coordinates, output line, background grid and extent (shared by one step's view and the player's frames)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import torch

from nnviz.data import INPUT_BOX


def input_grid(n: int = 41, box: tuple[float, float] = INPUT_BOX) -> torch.Tensor:
    """An n×n grid over the input box, (n², 2), x1 varying fastest."""
    axis = torch.linspace(box[0], box[1], n)
    x1, x2 = torch.meshgrid(axis, axis, indexing="xy")
    return torch.stack([x1.reshape(-1), x2.reshape(-1)], 1)

def clip_line(w1: float, w2: float, b: float, box: tuple[float, float, float, float]) -> list[tuple[float, float]]:
    """The segment of the line w1·u + w2·v + b = 0 inside box (u_lo, u_hi, v_lo, v_hi): 0 or 2 points."""
    u_lo, u_hi, v_lo, v_hi = box
    pts = []
    if abs(w2) > 1e-12:
        for u in (u_lo, u_hi):
            v = -(w1 * u + b) / w2
            if v_lo - 1e-9 <= v <= v_hi + 1e-9:
                pts.append((u, v))
    if abs(w1) > 1e-12:
        for v in (v_lo, v_hi):
            u = -(w2 * v + b) / w1
            if u_lo - 1e-9 <= u <= u_hi + 1e-9:
                pts.append((u, v))
    uniq: list[tuple[float, float]] = []
    for p in pts:
        if all(abs(p[0] - q[0]) > 1e-9 or abs(p[1] - q[1]) > 1e-9 for q in uniq):
            uniq.append(p)
    if len(uniq) < 2:
        return []
    # the two points farthest apart (a corner can be hit twice)
    a, b2 = max(((p, q) for i, p in enumerate(uniq) for q in uniq[i + 1:]),
                key=lambda pq: (pq[0][0] - pq[1][0]) ** 2 + (pq[0][1] - pq[1][1]) ** 2)
    return [a, b2]

def sheet(n_lines: int) -> tuple[torch.Tensor, pd.DataFrame]:
    """The input square's grid lines as points (n, 2), and their ``line, family, order`` columns."""
    t = torch.linspace(0, 1, 25)
    lines, meta = [], []
    for c in torch.linspace(0, 1, n_lines).tolist():
        lines.append(torch.stack([torch.full_like(t, c), t], 1))
        meta.append(("x1", c))
        lines.append(torch.stack([t, torch.full_like(t, c)], 1))
        meta.append(("x2", c))
    fam = [m for m in meta for _ in range(len(t))]
    cols = pd.DataFrame({"line": [f"{f}={c:.1f}" for f, c in fam], "family": [f for f, _ in fam],
                         "order": np.tile(np.arange(len(t)), len(meta))})
    return torch.cat(lines), cols

def project(h: torch.Tensor, w: torch.Tensor, b: float, ref: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """(u, v) of hidden vectors h (n, H) for the projection view, built from the four points ``ref``."""
    nw = float(w.norm())
    if nw < 1e-12:  # no output direction: fall back to the two main directions of spread
        w_hat = torch.zeros_like(w)
        w_hat[0] = 1.0
        nw = 1.0
    else:
        w_hat = w / nw
    resid = ref - ref.mean(0) - ((ref - ref.mean(0)) @ w_hat)[:, None] * w_hat
    if float(resid.abs().max()) < 1e-12:
        e = torch.zeros_like(w)
        e[1 if abs(float(w_hat[0])) > 0.9 else 0] = 1.0
        d = e - (e @ w_hat) * w_hat
        d = d / d.norm()
    else:
        d = torch.linalg.svd(resid.double(), full_matrices=False).Vh[0].float()
        d = d - (d @ w_hat) * w_hat
        d = d / d.norm()
        if float(d[d.abs().argmax()]) < 0:  # a fixed sign, so the view does not flip between steps
            d = -d
    u = (h @ w + b) / nw if float(w.norm()) >= 1e-12 else h @ w_hat
    v = (h - ref.mean(0)) @ d
    return u, v

def view_kind(hidden: int) -> str:
    """How the last hidden layer is drawn: "line" (H = 1), "plane" (H = 2) or "projection"."""
    return "line" if hidden == 1 else "plane" if hidden == 2 else "projection"


def view_coords(kind: str, h: torch.Tensor, sheet_h: torch.Tensor, w_out: torch.Tensor,
                 b_out: float) -> tuple[torch.Tensor, ...]:
    """(u, v) of the four points ``h`` (4, H) and of the sheet ``sheet_h`` (n, H) in the view."""
    if kind == "line":
        return h[:, 0], torch.zeros(len(h)), sheet_h[:, 0], torch.zeros(len(sheet_h))
    if kind == "plane":
        return h[:, 0], h[:, 1], sheet_h[:, 0], sheet_h[:, 1]
    u, v = project(h, w_out, b_out, h)
    su, sv = project(sheet_h, w_out, b_out, h)
    return u, v, su, sv


def output_line(kind: str, w_out: torch.Tensor, b_out: float,
                 box: tuple[float, float, float, float]) -> tuple[float, float, float, list]:
    """The output unit as w1·u + w2·v + b in the view's coordinates, and its segment inside ``box``."""
    if kind == "plane":
        w1, w2, b = float(w_out[0]), float(w_out[1]), b_out
    elif kind == "line":
        w1, w2, b = float(w_out[0]), 0.0, b_out
    else:  # u is the signed distance itself: the line is u = 0, and p = σ(|w|·u)
        w1, w2, b = float(w_out.norm()), 0.0, 0.0
    seg = clip_line(w1, w2, b, box) if kind != "line" or abs(w1) > 1e-12 else []
    if kind == "line" and abs(w1) > 1e-12:
        u0 = -b / w1
        seg = [(u0, box[2]), (u0, box[3])] if box[0] <= u0 <= box[1] else []
    return w1, w2, b, seg


def view_grid(kind: str, box: tuple[float, float, float, float], n_grid: int) -> tuple[torch.Tensor, torch.Tensor]:
    """The background's grid over ``box`` (two rows only for the line view)."""
    gu = torch.linspace(box[0], box[1], n_grid)
    gv = torch.linspace(box[2], box[3], n_grid if kind != "line" else 2)
    U, V = torch.meshgrid(gu, gv, indexing="xy")
    return U, V


def hidden_box(activation: str, kind: str, u: torch.Tensor, v: torch.Tensor) -> tuple[float, float, float, float]:
    """The view's extent: the activation's range for the plane, else the data's, with a margin."""
    if kind == "plane" and activation in ("sigmoid", "tanh"):
        lo = -1.0 if activation == "tanh" else 0.0
        return (lo - 0.08, 1.08, lo - 0.08, 1.08)

    def span(a: torch.Tensor, fixed_lo: float | None = None) -> tuple[float, float]:
        a = a[torch.isfinite(a)]
        lo = float(a.min()) if len(a) else 0.0
        hi = float(a.max()) if len(a) else 1.0
        if fixed_lo is not None:
            lo = min(lo, fixed_lo)
        pad = max(0.08 * (hi - lo), 0.1)
        return lo - pad, hi + pad

    relu_lo = 0.0 if activation == "relu" and kind == "plane" else None
    if kind == "line":
        lo = 0.0 if activation in ("sigmoid", "relu") else -1.0
        u_lo, u_hi = span(u, lo)
        if activation == "sigmoid":
            u_hi = max(u_hi, 1.08)
        return (u_lo, u_hi, -1.0, 1.0)
    u_lo, u_hi = span(u, relu_lo)
    v_lo, v_hi = span(v, relu_lo)
    return (u_lo, u_hi, v_lo, v_hi)
