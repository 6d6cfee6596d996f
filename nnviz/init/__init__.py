"""Weight initialisation: what each ``torch.nn.init`` scheme does to weights, activations and gradients.

The net is ``nn.Sequential(Linear(64, width), act, …, Linear(width, width), act, Linear(width, 10))``
with ``depth`` hidden layers, fed a batch of standardised ``load_digits`` images (64 pixels) or
Gaussian noise, with a cross-entropy loss on the ten classes. One idea a module:

- :mod:`.settings` — the page's settings, presets and each scheme's formula.
- :mod:`.net` — layer sizes, :class:`Scale` (a scheme with its arguments), :func:`build`, the inputs,
  :func:`scheme_table` (every scheme's theoretical std for the current layer sizes).
- :mod:`.mean_field` — the predicted spread of activations and gradients through depth.
- :mod:`.probe` — :func:`probe` / :func:`layer_stats`: one forward/backward pass, measured per layer,
  with histograms; :func:`profile` for the depth charts.
- :mod:`.training` — :func:`train`: "does it matter for training?", one scheme per run.
- :mod:`.symmetry` — :func:`symmetry`: a constant init keeps every hidden unit identical.
- :mod:`.diagnosis` — :func:`diagnose`: what the numbers say (vanish, explode, saturate, steady).

Every random draw comes from ``torch.Generator`` objects seeded by ``seed`` (never the global RNG),
so concurrent sessions cannot disturb each other and a generated script reproduces the numbers.
"""

from nnviz.init.diagnosis import Finding, diagnose, short_number
from nnviz.init.mean_field import MF_GROUPS, _gauss_moments, mean_field
from nnviz.init.net import Scale, build, gain_act, inputs, scheme_table, sizes
from nnviz.init.probe import PANELS, Probe, layer_stats, probe, profile
from nnviz.init.settings import (
    ACTS, BATCH_SEED_OFFSET, BOUNDS, EVAL_EVERY, EVAL_TRAIN, FLAT, FORMULAS, GAINS, LEARNING_RATES, N_CLASSES,
    N_FEATURES, NOISE_SEED_OFFSET, PRESETS, REFERENCES, SETTINGS, STD_FORMULAS, STDS, TRAIN_BATCH, TRAIN_WIDTH,
    VALUES, relevant,
)
from nnviz.init.symmetry import SymmetryRun, symmetry
from nnviz.init.training import CHANCE_LOSS, TrainRun, _batches, eval_every, train, train_many, train_width

__all__ = [
    "ACTS", "BATCH_SEED_OFFSET", "BOUNDS", "CHANCE_LOSS", "EVAL_EVERY", "EVAL_TRAIN", "FLAT", "FORMULAS", "GAINS",
    "LEARNING_RATES", "MF_GROUPS", "N_CLASSES", "N_FEATURES", "NOISE_SEED_OFFSET", "PANELS", "PRESETS",
    "REFERENCES", "SETTINGS", "STD_FORMULAS", "STDS", "TRAIN_BATCH", "TRAIN_WIDTH", "VALUES",
    "Finding", "Probe", "Scale", "SymmetryRun", "TrainRun",
    "build", "diagnose", "eval_every", "gain_act", "inputs", "layer_stats", "mean_field", "probe", "profile",
    "relevant", "scheme_table", "short_number", "sizes", "symmetry", "train", "train_many", "train_width",
    "_batches", "_gauss_moments",
]
