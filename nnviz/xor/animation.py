"""The training player's frames: every view of one net at many steps, in one batched forward pass."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import torch

from nnviz import heatmap
from nnviz.data import INPUT_BOX
from nnviz.engine import ACT_CODES, forward_zs, point_losses
from nnviz.frames import by_frame_columns
from nnviz.xor import geometry as geo
from nnviz.xor.model import Run, data
from nnviz.xor.views import GATE_NAMES, point_table


@dataclass
class Animation:
    """The net at every frame of a player, each table holding all frames side by side
    (``p@0, p@1, …``, see :func:`nnviz.frames.wide`); frame k shows recorded step ``steps[k]``.

    Tables, as the single-step functions give them: ``field`` (:func:`decision_grid`) and ``image`` (the
    same output as one PNG a frame over the input box, :mod:`nnviz.heatmap`), ``pred``
    (:func:`predictions`), ``lines`` (:func:`unit_lines`, two rows per unit: empty where its line misses
    the box), and the hidden view's ``points``, ``boundary``, ``background`` (and ``background_image``),
    ``sheet`` (:func:`hidden_view`), all in one ``box``.
    """

    steps: list[int]
    tables: dict[str, pd.DataFrame]  # nnviz.frames.wide tables
    kind: str
    box: tuple[float, float, float, float]


def animation(run: Run, steps: Sequence[int], n_grid: int = 25, n_lines: int = 11,
              box: tuple[float, float, float, float] | None = None, n_pixels: int = heatmap.PIXELS) -> Animation:
    """What :func:`decision_grid`, :func:`predictions`, :func:`unit_lines` and :func:`hidden_view` show,
    at every one of ``steps`` at once (one batched forward pass). The hidden views share one box: the
    union of each step's own, or ``box``, so a player moving between them keeps its axes still."""
    ks = [run.frame(s) for s in steps]
    n_frames = len(ks)
    flat = run.snaps[[run.snap_index(k) for k in ks]].T.contiguous()  # (P, K): one column per frame
    layers = run.layout.views(flat)  # per layer: W (out, in, K), b (out, K)
    X, y = data()
    grid = geo.input_grid(n_grid)
    sheet_x, sheet_cols = geo.sheet(n_lines)
    pixels = heatmap.pixel_centres(n_pixels)
    n_g, n_s = len(grid), len(sheet_x)
    with torch.no_grad():
        zs, acts = forward_zs(flat, list(run.layout.sizes), ACT_CODES[run.activation],
                              torch.cat([X, grid, sheet_x, pixels])[:, :, None])
    outs = [(z.permute(2, 0, 1), a.permute(2, 0, 1)) for z, a in zip(zs, acts[1:])]  # each (K, N, units)
    p_all = outs[-1][1][..., 0]  # (K, N)
    p4, p_grid, p_pixels = p_all[:, :4], p_all[:, 4:4 + n_g], p_all[:, 4 + n_g + n_s:]
    cols4, q = point_table(p4)

    field = pd.DataFrame({"x1": grid[:, 0].numpy(), "x2": grid[:, 1].numpy(), **by_frame_columns("p", p_grid.numpy())})
    pred = pd.DataFrame({
        **cols4, **by_frame_columns("p", p4.double().numpy()),
        **by_frame_columns("loss", point_losses(q).double().numpy()),
        **by_frame_columns("correct", (q > 0.5).numpy()),
    })

    # first-layer units: their gate (the on/off pattern of z over the four inputs) and line in input space
    W1, b1 = layers[0]
    on = (outs[0][0][:, :4, :] > 0).numpy()  # (K, 4, H1)
    n_units = W1.shape[0]
    cols = {c: np.full((n_frames, 2 * n_units), np.nan) for c in ("unit", "x1", "x2", "w1", "w2", "b")}
    gate = np.full((n_frames, 2 * n_units), None, dtype=object)
    for k in range(n_frames):
        for j in range(n_units):
            w1, w2, bj = float(W1[j, 0, k]), float(W1[j, 1, k]), float(b1[j, k])
            for r, (u, v) in enumerate(geo.clip_line(w1, w2, bj, (*INPUT_BOX, *INPUT_BOX))):
                row = 2 * j + r
                cols["unit"][k, row], cols["x1"][k, row], cols["x2"][k, row] = j + 1, u, v
                cols["w1"][k, row], cols["w2"][k, row], cols["b"][k, row] = w1, w2, bj
                gate[k, row] = GATE_NAMES["".join("1" if x else "0" for x in on[k, :, j])]
    lines = pd.DataFrame({**{n: v for c, a_ in cols.items() for n, v in by_frame_columns(c, a_).items()},
                          **by_frame_columns("gate", gate)})

    # the last hidden layer: the four points and the input square's sheet, in the view's coordinates
    h_all = outs[-2][1]
    h4, sheet_h = h_all[:, :4, :], h_all[:, 4 + n_g:4 + n_g + n_s, :]
    W_out, b_out = layers[-1][0][0], layers[-1][1][0]  # (H, K), (K,)
    H = W_out.shape[0]
    kind = geo.view_kind(H)
    uv = [geo.view_coords(kind, h4[k], sheet_h[k], W_out[:, k], float(b_out[k])) for k in range(n_frames)]
    if box is None:
        boxes = np.array([geo.hidden_box(run.activation, kind, torch.cat([u, su]), torch.cat([v, sv]))
                          for u, v, su, sv in uv])
        box = (float(boxes[:, 0].min()), float(boxes[:, 1].max()), float(boxes[:, 2].min()), float(boxes[:, 3].max()))
    U, V = geo.view_grid(kind, box, n_grid)
    UV = heatmap.pixel_centres(n_pixels, box)
    seg = np.full((n_frames, 2, 2), np.nan)
    bg, bg_pixels = [], []
    for k in range(n_frames):
        w1, w2, b, ends = geo.output_line(kind, W_out[:, k], float(b_out[k]), box)
        if ends:
            seg[k] = ends
        bg.append(torch.sigmoid(w1 * U + w2 * V + b).reshape(-1))
        bg_pixels.append(torch.sigmoid(w1 * UV[:, 0] + w2 * UV[:, 1] + b))
    points = pd.DataFrame({
        **cols4,
        **by_frame_columns("u", torch.stack([f[0] for f in uv]).numpy()),
        **by_frame_columns("v", torch.stack([f[1] for f in uv]).numpy()),
        **by_frame_columns("p", p4.numpy()), **by_frame_columns("correct", (q > 0.5).numpy()),
        **{n: v for j in range(H) for n, v in by_frame_columns(f"h{j + 1}", h4[:, :, j].numpy()).items()},
    })
    boundary = pd.DataFrame({**by_frame_columns("u", seg[:, :, 0]), **by_frame_columns("v", seg[:, :, 1])})
    background = pd.DataFrame({"u": U.reshape(-1).numpy(), "v": V.reshape(-1).numpy(),
                               **by_frame_columns("p", torch.stack(bg).numpy())})
    moved = {**by_frame_columns("u", torch.stack([f[2] for f in uv]).numpy()),
             **by_frame_columns("v", torch.stack([f[3] for f in uv]).numpy())}
    sheet = pd.concat([sheet_cols, pd.DataFrame(moved)], axis=1)
    return Animation(ks, {"field": field, "image": heatmap.images(p_pixels.numpy()), "pred": pred, "lines": lines,
                          "points": points, "boundary": boundary, "background": background,
                          "background_image": heatmap.images(torch.stack(bg_pixels).numpy()), "sheet": sheet},
                     kind, box)
