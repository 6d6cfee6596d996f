"""The dropout lesson's settings and fixed sizes."""

from __future__ import annotations

from nnviz.params import Bool, Choice, Float, Int, Spec, seed

LR_OPTIONS = (0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
INPUT_KINDS = ("ramp", "ones", "randn")
OPTIMIZERS = ("adam", "sgd")
MODELS = ("plain", "dropout")  # the two nets of the overfitting experiment
GRID_SIDE = 16  # the mask demo's layer is a GRID_SIDE × GRID_SIDE grid of units
THIN_SIZES = (2, 8, 8, 1)  # the small network whose thinned versions are drawn
TEST_FRACTION = 0.2  # the tutorial's 8:2 train/test split
EVAL_EVERY_STEP = 50  # eval-mode losses are recorded after each of the first 50 steps, then ~200 times

SETTINGS = Spec(
    # Part 1 and Part 2 share p: the same layer, seen up close and then at work.
    Float("p", 0.8, lo=0.0, hi=0.95, step=0.05, fmt_spec="%.2f"),
    Choice("inputs", "ramp", options=INPUT_KINDS, widget="segmented"),
    Int("draw", 0, lo=0, hi=999, widget="number"),
    Int("n", 100, lo=20, hi=200, step=10),
    Float("noise", 1.0, lo=0.1, hi=3.0, step=0.1, fmt_spec="%.1f"),
    Int("hidden", 512, lo=8, hi=512, step=8),
    Choice("optimizer", "adam", options=OPTIMIZERS, widget="segmented"),
    Float("lr", 0.001, lo=LR_OPTIONS[0], hi=LR_OPTIONS[-1], options=LR_OPTIONS, widget="select_slider"),
    Int("epochs", 1000, lo=100, hi=2000, step=100),
    seed(1),  # the tutorial's torch.manual_seed(1)
    # What the charts show (in the URL too, so a shared link shows the same view).
    Bool("objective", False, widget="toggle"),
    Bool("log", False, widget="toggle"),
    Bool("paper", False, widget="toggle"),  # run the paper check (Srivastava et al. 2014)
    Bool("band", True, widget="toggle"),
    Bool("once", True, widget="toggle"),
)
