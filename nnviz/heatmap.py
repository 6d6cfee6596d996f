"""Heat maps as images: a network's output over the input plane, one small PNG per frame.

A map drawn as hundreds of rectangles costs the server a table of every cell and the browser a mark
per cell in every frame; one image is a few kilobytes, drawn at once and smoothed by the browser, so
it can be finer (``PIXELS``² samples instead of 25² cells). Colours follow Vega's ``blueorange``
scheme, so a chart's colour legend drawn with that scheme reads the image. Pure numpy and zlib.
"""

from __future__ import annotations

import base64
import struct
import zlib

import numpy as np
import pandas as pd
import torch

from nnviz.data import INPUT_BOX as BOX
from nnviz.frames import by_frame_columns

# Samples per side of a map: fine enough to look smooth once the browser interpolates it.
PIXELS = 96
# Vega's "blueorange" scheme (vega-scale's continuous schemes), interpolated in RGB as Vega does.
BLUE_ORANGE = ("134b85", "2f78b3", "5da2cb", "9dcae1", "d2e5ef", "f2f0eb", "fce0ba", "fbbf74", "e8932f",
               "c5690d", "994a07")
_STOPS = np.array([[int(c[i:i + 2], 16) for i in (0, 2, 4)] for c in BLUE_ORANGE], dtype=np.float64)


def pixel_centres(n: int = PIXELS, box: tuple[float, ...] = BOX) -> torch.Tensor:
    """The (n², 2) points at the centres of an n × n image over ``box`` — (lo, hi) for both axes, or
    (x_lo, x_hi, y_lo, y_hi) — in image order: rows from the top (largest y) down, each from the left."""
    x_lo, x_hi, y_lo, y_hi = (*box, *box) if len(box) == 2 else box
    hx, hy = (x_hi - x_lo) / (2 * n), (y_hi - y_lo) / (2 * n)
    xs = torch.linspace(x_lo + hx, x_hi - hx, n)
    ys = torch.linspace(y_hi - hy, y_lo + hy, n)
    rows, cols = torch.meshgrid(ys, xs, indexing="ij")
    return torch.stack([cols.reshape(-1), rows.reshape(-1)], dim=1)


def colours(p: np.ndarray) -> np.ndarray:
    """RGB bytes (…, 3) for values in [0, 1] (clipped; NaN shows as the middle colour)."""
    p = np.nan_to_num(np.clip(np.asarray(p, dtype=np.float64), 0.0, 1.0), nan=0.5)
    pos = p * (len(_STOPS) - 1)
    i = np.minimum(pos.astype(np.int64), len(_STOPS) - 2)
    frac = (pos - i)[..., None]
    return np.rint(_STOPS[i] * (1 - frac) + _STOPS[i + 1] * frac).astype(np.uint8)


def png(rgb: np.ndarray) -> bytes:
    """An RGB image (h, w, 3) of uint8 as PNG bytes."""
    h, w, _ = rgb.shape
    # filter "up" on every row: a smooth map differs little from the row above, so it compresses well
    up = np.diff(rgb.astype(np.int16), axis=0, prepend=0).astype(np.uint8)
    raw = np.concatenate([np.full((h, 1), 2, np.uint8), up.reshape(h, w * 3)], axis=1).tobytes()

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def data_url(p: np.ndarray) -> str:
    """A square map of values in [0, 1] (n², in :func:`pixel_centres` order) as a PNG ``data:`` URL."""
    p = np.asarray(p)
    n = int(round(len(p) ** 0.5))
    return "data:image/png;base64," + base64.b64encode(png(colours(p.reshape(n, n)))).decode("ascii")



def images(p: np.ndarray) -> pd.DataFrame:
    """Maps of several frames (K, n²) as a one-row table of ``data:`` URLs, ``image@0, image@1, …``
    (:func:`nnviz.frames.wide`; one frame: a plain ``image`` column)."""
    p = np.asarray(p)
    if p.ndim == 1:
        return pd.DataFrame({"image": [data_url(p)]})
    return pd.DataFrame(by_frame_columns("image", [[data_url(f)] for f in p]))
