"""Dropout with the real ``nn.Dropout``: its masks, the 1/(1−p) scaling, train vs eval, and overfitting.

Part 1 looks inside one ``nn.Dropout`` layer (:func:`mask_demo`, :func:`expectation`) and inside a
small network that it thins differently on every forward pass (:func:`thinning_demo`). Part 2 is the
tutorial's experiment: a 1-H-1 ReLU net fitted to pure noise y = 0·x + ε overfits; the same net with
``nn.Dropout(p)`` does much less (:func:`overfit_experiment`), as long as it is switched to
``model.eval()`` before predicting (:func:`forgot_eval`).

PyTorch's ``p`` is the probability to **drop** a unit: ``nn.Dropout(0.8)`` zeroes 80 % of its inputs
and multiplies the rest by 1/(1−0.8) = 5.

``nn.Dropout`` draws its masks from torch's global random generator (it takes no ``generator``
argument), so every function here seeds it with :func:`~nnviz.dropout.seeding.seeded`: results depend
only on the arguments, and the caller's random state is left as it was.

Modules: settings, seeding, masks (Part 1), overfit (Part 2).
"""

from __future__ import annotations

from nnviz.dropout.masks import (Expectation, MaskDemo, Thinning, dropout_with_mask, expectation, input_values,
                                 mask_demo, thinning_demo)
from nnviz.dropout.overfit import OverfitResult, forgot_eval, overfit_experiment, spread
from nnviz.dropout.seeding import mask_seed, seeded
from nnviz.dropout.settings import (EVAL_EVERY_STEP, GRID_SIDE, INPUT_KINDS, LR_OPTIONS, MODELS, OPTIMIZERS, SETTINGS,
                                    TEST_FRACTION, THIN_SIZES)

__all__ = ["EVAL_EVERY_STEP", "GRID_SIDE", "INPUT_KINDS", "LR_OPTIONS", "MODELS", "OPTIMIZERS", "SETTINGS",
           "TEST_FRACTION", "THIN_SIZES", "Expectation", "MaskDemo", "OverfitResult", "Thinning", "dropout_with_mask",
           "expectation", "forgot_eval", "input_values", "mask_demo", "mask_seed", "overfit_experiment", "seeded",
           "spread", "thinning_demo"]
