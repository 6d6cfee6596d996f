"""The playground: your own data (or a generated set), every lesson's knob, in one live view.

- :mod:`~nnviz.playground.data` — :func:`make_data` (XOR, circles, moons, spirals, blobs), :func:`split`;
- :mod:`~nnviz.playground.points` — drawn points in the URL (:func:`encode` / :func:`decode`), :func:`parse_csv`;
- :mod:`~nnviz.playground.features` — the input features (x1, x2, x1², x2², x1x2, sin x1, sin x2);
- :mod:`~nnviz.playground.train` — :func:`train` → :class:`Run` (nn.Sequential + torch.optim);
- :mod:`~nnviz.playground.settings` — the page's :data:`SETTINGS` and the caps;
- :mod:`~nnviz.playground.session` — from the page's settings to its points and run;
- :mod:`~nnviz.playground.views` — decision maps, each unit's map, the network's weights, the verdict.
"""

from nnviz.playground.data import BOX, KINDS, MAX_POINTS, classes_for, make_data, split
from nnviz.playground.features import FEATURES, SYMBOLS, transform
from nnviz.playground.points import (CsvError, PointsError, append_csv, decode, encode, parse_csv, points_id, to_csv,
                                     toggle)
from nnviz.playground.session import Points, points, run
from nnviz.playground.settings import (
    COMPARABLE,
    MAX_EPOCHS,
    MAX_LAYERS,
    MAX_UNITS,
    SETTINGS,
    b_values,
    epochs_run,
    max_updates,
)
from nnviz.playground.train import Run, build, shape, train
from nnviz.playground.views import (
    best_epoch,
    class_colours,
    decision_image,
    decision_images,
    layer_outputs,
    loss_table,
    network,
    point_table,
    verdict,
)

# 'Try this' on the page: (question, answer).
TRY_THIS: tuple[tuple[str, str], ...] = (
    (".try.q1", ".try.a1"),
    (".try.q2", ".try.a2"),
    (".try.q3", ".try.a3"),
    (".try.q4", ".try.a4"),
)

__all__ = [
    "BOX", "COMPARABLE", "FEATURES", "KINDS", "MAX_EPOCHS", "MAX_LAYERS", "MAX_POINTS", "MAX_UNITS", "SETTINGS",
    "SYMBOLS", "TRY_THIS", "CsvError", "Points", "PointsError", "Run", "append_csv", "b_values", "best_epoch", "build",
    "class_colours", "classes_for", "decision_image", "decision_images", "decode", "encode", "epochs_run",
    "layer_outputs", "loss_table", "make_data", "max_updates", "network", "parse_csv", "point_table", "points", "points_id",
    "run", "shape", "split", "to_csv", "toggle", "train", "transform", "verdict",
]
