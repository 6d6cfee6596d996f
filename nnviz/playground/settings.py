"""The playground's settings table (its widgets, URL and argument checks) and the caps that keep a
rerun short on a small server."""

from __future__ import annotations

from nnviz.params import Bool, Choice, Float, Int, Spec, seed
from nnviz.playground.data import KINDS, MAX_NOISE, MAX_POINTS, MIN_POINTS
from nnviz.playground.features import DEFAULT, FEATURES
from nnviz.playground.points import Points

ACTIVATIONS = ("tanh", "relu", "sigmoid", "linear")
INITS = ("default", "xavier_uniform", "kaiming_uniform", "normal", "zeros")
OPTIMIZERS = ("sgd", "adam")
LEARNING_RATES = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
DROPOUTS = (0.0, 0.1, 0.2, 0.3, 0.5, 0.7)
WEIGHT_DECAYS = (0.0, 0.0001, 0.001, 0.01, 0.1)
MAX_LAYERS = 6
MAX_UNITS = 8
MAX_EPOCHS = 500
# Work a run may do: WORK // (hidden layers + 2) units (a deeper net's update costs more), one unit per
# mini-batch update and one per epoch (scoring both splits and keeping the weights). 6 layers of 8:
# 900 units, about 1.5 s on one core of the busy 2-core server, twice that with A/B on.
WORK = 7200
# A/B: the settings that can differ in B, each with its own B value (setting "b_<name>").
COMPARABLE = ("dropout", "wd", "activation", "optimizer", "lr", "init", "layers", "units")

SETTINGS = Spec(
    # data
    Choice("source", "generated", options=("generated", "own"), widget="segmented"),
    Choice("data", "circles", options=KINDS),
    Float("noise", 0.1, lo=0.0, hi=MAX_NOISE, step=0.05, fmt_spec="%.2f"),
    Int("n", 200, lo=MIN_POINTS, hi=MAX_POINTS, step=10),
    Int("test", 30, lo=10, hi=50, step=5),  # percent of the points held out
    Int("classes", 2, lo=2, hi=3),
    Points("points", ""),  # the learner's own points (source = own)
    Int("label", 0, lo=0, hi=2),  # the class a click adds
    # features
    *(Bool(name, name in DEFAULT, widget="toggle") for name in FEATURES),
    # model
    Int("layers", 2, lo=0, hi=MAX_LAYERS),
    Int("units", 4, lo=1, hi=MAX_UNITS),
    Choice("activation", "tanh", options=ACTIVATIONS, widget="segmented"),
    Choice("init", "default", options=INITS),
    Float("dropout", 0.0, lo=0.0, hi=0.7, options=DROPOUTS, widget="select_slider"),
    Float("wd", 0.0, lo=0.0, hi=0.1, options=WEIGHT_DECAYS, widget="select_slider"),
    Choice("optimizer", "adam", options=OPTIMIZERS, widget="segmented"),
    Float("lr", 0.01, lo=0.001, hi=10.0, options=LEARNING_RATES, widget="select_slider"),
    Int("batch", 16, lo=1, hi=MAX_POINTS, widget="number"),
    Int("epochs", 100, lo=1, hi=MAX_EPOCHS),
    Int("view", MAX_EPOCHS, lo=0, hi=MAX_EPOCHS),  # the epoch the views show (beyond the end: the end)
    seed(),
    # A/B
    Choice("compare", "off", options=("off", *COMPARABLE)),
    Float("b_dropout", 0.5, lo=0.0, hi=0.7, options=DROPOUTS, widget="select_slider"),
    Float("b_wd", 0.01, lo=0.0, hi=0.1, options=WEIGHT_DECAYS, widget="select_slider"),
    Choice("b_activation", "relu", options=ACTIVATIONS, widget="segmented"),
    Choice("b_optimizer", "sgd", options=OPTIMIZERS, widget="segmented"),
    Float("b_lr", 0.3, lo=0.001, hi=10.0, options=LEARNING_RATES, widget="select_slider"),
    Choice("b_init", "zeros", options=INITS),
    Int("b_layers", 0, lo=0, hi=MAX_LAYERS),
    Int("b_units", 8, lo=1, hi=MAX_UNITS),
)

# The settings of one training run (train()'s keywords), and those of the data.
MODEL = ("layers", "units", "activation", "init", "dropout", "wd", "optimizer", "lr", "batch", "epochs", "seed")
DATA = ("source", "data", "noise", "n", "test", "classes", "points", "seed")


def max_updates(layers: int) -> int:
    """The work a run of ``layers`` hidden layers may do: mini-batch updates plus epochs."""
    return WORK // (int(layers) + 2)


def updates_per_epoch(n_train: int, batch: int) -> int:
    return -(-int(n_train) // max(1, min(int(batch), int(n_train))))


def epochs_run(epochs: int, n_train: int, batch: int, layers: int) -> int:
    """The epochs actually trained: ``epochs``, or fewer when their updates and epochs would pass
    :func:`max_updates` (at least one)."""
    return max(1, min(int(epochs), max_updates(layers) // (updates_per_epoch(n_train, batch) + 1)))


def b_values(values: dict) -> dict | None:
    """The settings of run B: A's with the compared one changed (None when A/B is off)."""
    name = values.get("compare", "off")
    if name == "off":
        return None
    return {**values, name: values[f"b_{name}"]}


# Presets: prepared combinations (over the defaults of data, features and model; drawn points, A/B and
# the epoch shown are left as they are).
PRESETS: dict[str, dict] = {
    "circle": {"data": "circles", "layers": 0, "x1sq": True, "x2sq": True},
    "overfit": {"data": "moons", "noise": 0.3, "n": 100, "layers": 4, "units": 8, "lr": 0.03, "batch": 32,
                "epochs": 300, "compare": "dropout", "b_dropout": 0.3},
    "spirals": {"data": "spirals", "noise": 0.05, "layers": 3, "units": 8, "lr": 0.03, "batch": 32, "epochs": 300,
                "sin1": True, "sin2": True},
}
_KEPT = {"points", "label", "view", "compare", *(f"b_{name}" for name in COMPARABLE)}


def preset(name: str) -> dict:
    """The settings a preset button sets: its own values over the defaults (the source becomes generated)."""
    base = {k: v for k, v in SETTINGS.defaults().items() if k not in _KEPT}
    return SETTINGS.check(**{**base, **PRESETS[name]})
