"""The /init page's settings, presets and the formulas of every ``torch.nn.init`` scheme."""

from __future__ import annotations

from nnviz.models import INIT_SCHEMES
from nnviz.params import Bool, Choice, Float, Int, Spec, seed

N_FEATURES = 64  # load_digits: 8×8 pixels
N_CLASSES = 10
TRAIN_WIDTH = 64  # the training comparison caps the width here: depth, not width, decides the outcome
TRAIN_BATCH = 64
EVAL_EVERY = 10
EVAL_TRAIN = 512  # training digits the loss curve is measured on (the first of the shuffled split)
ACTS = ("tanh", "sigmoid", "relu", "leaky_relu", "linear")
REFERENCES = ("default", "xavier_normal", "kaiming_normal")  # overlaid when ``compare`` is on
GAINS = ("torch_default", "calculate_gain")
STDS = (0.001, 0.003, 0.01, 0.03, 0.05, 0.1, 0.3, 1.0, 3.0)
BOUNDS = (0.001, 0.003, 0.01, 0.03, 0.05, 0.1, 0.3, 1.0, 3.0)
VALUES = (-0.1, -0.01, 0.001, 0.01, 0.05, 0.1, 0.3, 1.0)  # 0 is the zeros scheme
LEARNING_RATES = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 100.0, 1000.0)
# Data draws get their own streams: a generator seeded like the init's would hand the inputs the very
# numbers the weights get (x ∝ w), and every scheme must see the same mini-batches.
NOISE_SEED_OFFSET = 1_000_000
BATCH_SEED_OFFSET = 2_000_000
FLAT = 0.01  # a unit is "flat" when its local derivative φ'(z) is below this: it passes < 1 % of the gradient

SETTINGS = Spec(
    Choice("scheme", "default", options=INIT_SCHEMES),
    Choice("activation", "tanh", options=ACTS, widget="segmented"),
    Int("depth", 10, lo=1, hi=30),  # 30: He et al. (2015)'s deep ReLU net, run at its own depth
    Int("width", 256, lo=8, hi=512, step=8),
    Choice("data", "digits", options=("digits", "noise")),
    Int("batch", 256, lo=32, hi=256, step=32),
    Float("std", 0.01, lo=0.001, hi=3.0, options=STDS, widget="select_slider"),
    Float("bound", 0.05, lo=0.001, hi=3.0, options=BOUNDS, widget="select_slider"),
    Float("value", 0.1, lo=-0.1, hi=1.0, options=VALUES, widget="select_slider"),
    Choice("mode", "fan_in", options=("fan_in", "fan_out"), widget="segmented"),
    Choice("gain", "torch_default", options=GAINS, widget="radio"),
    Bool("compare", True, widget="toggle"),
    Bool("paper", False, widget="toggle"),  # run the paper check (He et al. 2015)
    Int("steps", 100, lo=20, hi=200, step=20),
    Float("lr", 0.1, lo=0.001, hi=1000.0, options=LEARNING_RATES, widget="select_slider"),
    seed(),
)

# Prepared views; each reproduces a well-known picture (tests check the claims on these).
PRESETS: dict[str, dict] = {
    # The tutorial's 784-256-256-10 MLP with ReLU and xavier_uniform_, on 64-pixel digits.
    "tutorial": dict(activation="relu", depth=2, width=256, data="digits", scheme="xavier_uniform",
                     gain="torch_default"),
    "tanh_small": dict(activation="tanh", depth=10, width=512, data="noise", scheme="normal", std=0.01),
    "tanh_large": dict(activation="tanh", depth=10, width=512, data="noise", scheme="normal", std=1.0),
    "tanh_xavier": dict(activation="tanh", depth=10, width=512, data="noise", scheme="xavier_normal",
                        gain="torch_default"),
    "relu_xavier": dict(activation="relu", depth=20, width=512, data="noise", scheme="xavier_normal",
                        gain="torch_default"),
    "relu_he": dict(activation="relu", depth=20, width=512, data="noise", scheme="kaiming_normal",
                    mode="fan_in", gain="torch_default"),
}

# The formula of each scheme (LaTeX), as torch.nn.init draws it.
FORMULAS = {
    "default": r"U\!\left(-\tfrac{1}{\sqrt{n_\text{in}}},\ \tfrac{1}{\sqrt{n_\text{in}}}\right)",
    "zeros": r"w = 0",
    "constant": r"w = c",
    "normal": r"\mathcal{N}(0,\ \sigma^2)",
    "uniform": r"U(-a,\ a)",
    "xavier_normal": r"\mathcal{N}\!\left(0,\ g^2\,\tfrac{2}{n_\text{in}+n_\text{out}}\right)",
    "xavier_uniform": r"U\!\left(\pm g\sqrt{\tfrac{6}{n_\text{in}+n_\text{out}}}\right)",
    "kaiming_normal": r"\mathcal{N}\!\left(0,\ \tfrac{g^2}{n_\text{mode}}\right)",
    "kaiming_uniform": r"U\!\left(\pm g\sqrt{\tfrac{3}{n_\text{mode}}}\right)",
    "orthogonal": r"g\,Q,\ \ Q^\top Q = I",
}
STD_FORMULAS = {
    "default": r"\tfrac{1}{\sqrt{3\,n_\text{in}}}",
    "zeros": r"0",
    "constant": r"0",
    "normal": r"\sigma",
    "uniform": r"\tfrac{a}{\sqrt 3}",
    "xavier_normal": r"g\sqrt{\tfrac{2}{n_\text{in}+n_\text{out}}}",
    "xavier_uniform": r"g\sqrt{\tfrac{2}{n_\text{in}+n_\text{out}}}",
    "kaiming_normal": r"\tfrac{g}{\sqrt{n_\text{mode}}}",
    "kaiming_uniform": r"\tfrac{g}{\sqrt{n_\text{mode}}}",
    "orthogonal": r"\tfrac{g}{\sqrt{\max(n_\text{in}, n_\text{out})}}",
}


def relevant(scheme: str, values: dict) -> dict:
    """The scheme's own arguments out of a page's settings (the rest at their defaults).

    Keeps caches and generated code honest: a He run does not depend on the normal scheme's σ.
    """
    d = SETTINGS.defaults()
    out = {k: d[k] for k in ("std", "bound", "value", "mode", "gain")}
    keys = {"normal": ("std",), "uniform": ("bound",), "constant": ("value",),
            "xavier_normal": ("gain",), "xavier_uniform": ("gain",), "orthogonal": ("gain",),
            "kaiming_normal": ("gain", "mode"), "kaiming_uniform": ("gain", "mode")}.get(scheme, ())
    out.update({k: values[k] for k in keys if k in values})
    return out
