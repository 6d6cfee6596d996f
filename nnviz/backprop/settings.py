"""The /backprop page's settings table (widgets, URL, checked library arguments) and what its values mean."""

from __future__ import annotations

from nnviz.backprop.weights import MAX_WEIGHTS, WEIGHTS
from nnviz.params import Bool, Choice, Float, Int, Spec, seed

LOSSES = ("mse", "bce")
PAGE_ACTIVATIONS = ("sigmoid", "tanh", "relu")
# The XOR truth table's rows by name, and all four at once as a mini-batch.
SAMPLES = ("x00", "x01", "x10", "x11", "batch")
SHOWN = ("n0", "n1", "n2", "n3", "n4")  # which sample's numbers the graph shows in a mini-batch (n0: all)
LEARNING_RATES = (0.01, 0.03, 0.1, 0.3, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0, 30.0, 100.0)
MAX_STEP = 120  # upper bound of the walk position; the page narrows it to the net's step count

SETTINGS = Spec(
    Choice("sample", "x10", options=SAMPLES),
    Int("width", 2, lo=1, hi=3),
    Int("depth", 1, lo=1, hi=2),
    Choice("activation", "sigmoid", options=PAGE_ACTIVATIONS, widget="segmented"),
    Choice("loss", "mse", options=LOSSES, widget="radio"),
    Float("lr", 1.0, lo=0.01, hi=100.0, options=LEARNING_RATES, widget="select_slider"),
    Int("updates", 20, lo=1, hi=200),
    Bool("forget", False, widget="toggle"),  # forget optimizer.zero_grad()
    Int("step", 0, lo=0, hi=MAX_STEP),  # the forward/backward step the walk shows
    Choice("show", "n0", options=SHOWN),  # mini-batch: the graph shows all samples (n0) or sample n
    Int("follow", -1, lo=-1, hi=MAX_WEIGHTS - 1),  # the parameter the zero_grad view follows (-1: the last)
    WEIGHTS,
    seed(),
)


def shown_sample(show: str) -> int | None:
    """The ``show`` setting as the 0-based sample the graph shows, or None for all (``"n0"``)."""
    SETTINGS.check(show=show)
    return None if show == "n0" else SHOWN.index(show) - 1


def followed(follow: int, n_params: int) -> int:
    """The parameter the zero_grad view follows: ``follow`` if the net has it, else the last one."""
    return n_params - 1 if follow < 0 or follow >= n_params else follow
