"""One engine for training small MLPs: nets built as the tutorials write them, and S of them trained at once.

- :func:`nnviz.models.mlp` builds ``nn.Sequential(Linear, act, …, Linear, [out_act])`` from layer sizes
  (:func:`layer_sizes`); :func:`nnviz.models.linear_default_init_` is nn.Linear's own initialisation
  drawn from a ``torch.Generator``;
- :mod:`~nnviz.engine.flat`: S nets of one shape as one (P, S) parameter block (``Layout``);
- :mod:`~nnviz.engine.forward`: the one forward pass (training and every view call it);
- :mod:`~nnviz.engine.loss`: nn.BCELoss from the probability of the right answer;
- :mod:`~nnviz.engine.batched`: the batched program (full batch, BCE, SGD/Adam), equal net by net to
  the plain ``nn.Sequential`` + ``torch.optim`` loop;
- :mod:`~nnviz.engine.record`: many nets' outcomes (``trace``), one net's whole history (``history``);
- :mod:`~nnviz.engine.stacked`: a few nets of one structure, any loss or layer, trained as one
  torch.func computation (``train_stacked``); and ``nn.Linear`` stacks as one ``torch.baddbmm`` per layer
  (``stack_linears``, ``linear_stack_forward``), bit for bit each net's own numbers where ``bmm_exact``;
- :func:`one_thread`: one intra-op thread for these tiny tensor programs.
"""

from nnviz.engine.batched import SCRIPTED, Batch
from nnviz.engine.flat import Layout
from nnviz.engine.forward import ACT_CODES, forward, forward_zs
from nnviz.engine.loss import bce, point_losses, right_probability
from nnviz.engine.record import History, Trace, history, trace
from nnviz.engine.stacked import Stacked, bmm_exact, bmm_matches_linear, linear_stack_forward, stack_linears, train_stacked
from nnviz.engine.threads import one_thread
from nnviz.models import layer_sizes, linear_default_init_, mlp

__all__ = ["ACT_CODES", "SCRIPTED", "Batch", "History", "Layout", "Trace", "bce", "forward", "forward_zs",
           "history", "layer_sizes", "linear_default_init_", "mlp", "one_thread", "point_losses",
           "right_probability", "Stacked", "bmm_exact", "bmm_matches_linear", "linear_stack_forward", "stack_linears", "trace",
           "train_stacked"]
