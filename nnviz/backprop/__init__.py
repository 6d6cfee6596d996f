"""Backpropagation by hand, every number of it, checked against PyTorch's autograd.

:func:`trace` takes any ``nn.Sequential`` of ``nn.Linear`` layers and activations and re-does its
forward and backward pass one scalar at a time, micrograd-style, *without* autograd:

1. every operation records, when it computes its output, the **local derivative** of that output
   with respect to each of its inputs (:mod:`~nnviz.backprop.ops` — the only place derivatives live);
2. the **chain rule is one loop** (:func:`~nnviz.backprop.graph.backprop`): visit the nodes from the
   loss backwards and hand each node's gradient to its inputs, multiplied by the local derivative.

Each node holds one number per sample, so a mini-batch is the same graph with vectors. Parameters are
shared by all samples, so their gradient is the sum over the samples. The result
(:mod:`~nnviz.backprop.records`) is a list of steps (name, LaTeX formula with the numbers substituted,
see :mod:`~nnviz.backprop.typesetting`, value), the hand-made gradients, and the gradients
``loss.backward()`` leaves in ``param.grad`` on a copy of the same model, with the ``grad_fn`` chain
PyTorch recorded (:mod:`~nnviz.backprop.autograd`).

:func:`sgd` then takes real SGD steps (w ← w − lr·∂L/∂w), optionally forgetting
``optimizer.zero_grad()`` to show gradients accumulating; :mod:`~nnviz.backprop.verdicts` says what a
run shows. The page's nets and data are in :mod:`~nnviz.backprop.net`, its settings in
:mod:`~nnviz.backprop.settings`, typed weights and parameter names in :mod:`~nnviz.backprop.weights`.
"""

from nnviz.backprop.graph import MAX_TRACE_PARAMS, backprop, trace
from nnviz.backprop.net import (
    build,
    linear_default_init,
    n_params,
    page_trace,
    sample,
    shown_weights,
    sizes,
    usable_weights,
    weight_slots,
)
from nnviz.backprop.ops import ACT_FORWARD, ACT_LOCAL, BCE_EPS, LOSS_FORWARD, LOSS_LOCAL
from nnviz.backprop.records import AGREE_TOL, GradFn, Node, Step, Trace
from nnviz.backprop.settings import (
    LEARNING_RATES,
    LOSSES,
    MAX_STEP,
    PAGE_ACTIVATIONS,
    SAMPLES,
    SETTINGS,
    SHOWN,
    followed,
    shown_sample,
)
from nnviz.backprop.sgd import Training, page_training, sgd
from nnviz.backprop.typesetting import MAX_PATHS
from nnviz.backprop.verdicts import accumulated, saturated, verdict
from nnviz.backprop.weights import (
    MAX_WEIGHTS,
    MAX_WEIGHTS_TEXT,
    SEEDED,
    WEIGHT_BOUND,
    Slot,
    Weights,
    check_weight,
    edited,
    flat_weights,
    parse_weights,
    set_weights,
    slots,
)
from nnviz.backprop.why import BIG_NET, WHY_LATEX, path_costs, reuse

__all__ = [
    "ACT_FORWARD", "ACT_LOCAL", "AGREE_TOL", "BCE_EPS", "BIG_NET", "LEARNING_RATES", "LOSSES", "LOSS_FORWARD",
    "LOSS_LOCAL", "MAX_PATHS", "MAX_STEP", "MAX_TRACE_PARAMS", "MAX_WEIGHTS", "MAX_WEIGHTS_TEXT", "PAGE_ACTIVATIONS",
    "SAMPLES", "SEEDED", "SETTINGS", "SHOWN", "WEIGHT_BOUND", "WHY_LATEX", "GradFn", "Node", "Slot", "Step", "Trace",
    "Training", "Weights", "accumulated", "backprop", "build", "check_weight", "edited", "flat_weights", "followed",
    "linear_default_init", "n_params", "page_trace", "page_training", "parse_weights", "path_costs", "reuse",
    "sample", "saturated", "set_weights", "sgd", "shown_sample", "shown_weights", "sizes", "slots", "trace",
    "usable_weights", "verdict", "weight_slots",
]
