"""Heat maps as images: pixel placement, colours against Vega's scheme, and PNG bytes a decoder reads."""

import base64
import io

import numpy as np
import pytest
import torch
from PIL import Image

from nnviz import heatmap as H


def decoded(url: str) -> np.ndarray:
    """The pixels of a data URL, read by Pillow (an independent PNG decoder)."""
    assert url.startswith("data:image/png;base64,")
    return np.asarray(Image.open(io.BytesIO(base64.b64decode(url.split(",", 1)[1]))).convert("RGB"))


def test_pixel_centres_run_left_to_right_then_top_down():
    X = H.pixel_centres(4, (0.0, 4.0))
    assert X.shape == (16, 2)
    assert X[0].tolist() == [0.5, 3.5]  # top-left pixel: smallest x1, largest x2
    assert X[3].tolist() == [3.5, 3.5]
    assert X[-1].tolist() == [3.5, 0.5]


def test_colours_hit_the_schemes_stops_and_interpolate_between_them():
    stops = [tuple(int(c[i:i + 2], 16) for i in (0, 2, 4)) for c in H.BLUE_ORANGE]
    assert [tuple(c) for c in H.colours(np.linspace(0, 1, len(stops)))] == stops
    mid = H.colours(np.array([0.05]))[0]  # halfway between the first two stops
    assert mid.tolist() == [round((a + b) / 2) for a, b in zip(stops[0], stops[1])]
    assert H.colours(np.array([-3.0, 7.0, np.nan])).tolist() == [list(stops[0]), list(stops[-1]), list(stops[5])]


@pytest.mark.parametrize("n", [1, 7, 96])
def test_png_round_trips_through_an_independent_decoder(n):
    p = torch.sigmoid(6 * (H.pixel_centres(n).sum(1) - 1)).numpy()
    assert np.array_equal(decoded(H.data_url(p)), H.colours(p.reshape(n, n)))


def test_a_smooth_map_is_a_small_image():
    p = torch.sigmoid(8 * (H.pixel_centres().sum(1) - 1)).numpy()
    assert len(H.data_url(p)) < 4000  # vs ~2 KB a cell row as rectangles: the reason for images
