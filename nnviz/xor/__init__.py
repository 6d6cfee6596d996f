"""XOR solved by an MLP: ``nn.Sequential(Linear(2, H), act, [Linear(H, H), act, …], Linear(H, 1), Sigmoid())``.

What the page and library users get (``from nnviz import xor; xor.train(...)``):

- :mod:`~nnviz.xor.model` — the settings, the net (:func:`build`), :func:`train` → :class:`Run`;
- :mod:`~nnviz.xor.outcomes` — how a run ends (:func:`outcome`), the plateaus, :func:`solved_at`;
- :mod:`~nnviz.xor.views` — one net at one step: :func:`decision_grid`, :func:`predictions`,
  :func:`unit_gates`, :func:`unit_lines`, :func:`weights_table`, :func:`hidden_view`;
- :mod:`~nnviz.xor.geometry` — grids, clipped lines, the hidden view's coordinates and box;
- :mod:`~nnviz.xor.diagnosis` — why a net is stuck: :func:`diagnose`, :func:`merged_pairs`;
- :mod:`~nnviz.xor.sweep` — :func:`sweep` / :func:`seed_sweep` (N seeds at once), :func:`width_sweep`;
- :mod:`~nnviz.xor.wilson`, :mod:`~nnviz.xor.cost` (what a sweep costs, :func:`plan_sweeps`),
  :mod:`~nnviz.xor.summaries` (sweep tables for charts), :mod:`~nnviz.xor.animation` (player frames);
- :data:`TRY_THIS` — the page's questions to predict.

Every net, one or a thousand, is trained by :mod:`nnviz.engine`'s batched program: net ``s`` starts
from exactly the weights ``torch.manual_seed(s)`` then building the nn.Sequential gives, and equals the
plain one-model loop (the tests compare them with nn.Sequential + torch.optim).
"""

from nnviz.xor.animation import Animation, animation
from nnviz.xor.cost import (PAGE_BUDGET_S, PAGE_SWEEP_BUDGET_S, affordable_seeds, plan_sweeps,
                            sweep_seconds)
from nnviz.xor.diagnosis import Diagnosis, diagnose, merged_groups, merged_pairs
from nnviz.xor.geometry import clip_line, input_grid
from nnviz.xor.model import (ACTIVATIONS, LEARNING_RATES, MAX_SEEDS, OPTIMIZERS, POINT_NAMES, PRESETS, SETTINGS, WIDTHS,
                             Run, build, shape, sizes, train)
from nnviz.xor.outcomes import (LN2, OUTCOMES, PLATEAU_TOL, PLATEAUS, SOLVED_BELOW, is_stuck, outcome,
                                reference_levels, solved_at)
from nnviz.xor.summaries import curve_sample, loss_curve, loss_histogram, solved_by_step
from nnviz.xor.sweep import CURVES_PER_OUTCOME, Sweep, curve_steps, seed_sweep, sweep, width_sweep
from nnviz.xor.views import (GATE_NAMES, HiddenView, decision_grid, decision_image, hidden_view, layer_outputs, predictions,
                             unit_gates, unit_lines, weights_table)
from nnviz.xor.wilson import wilson

# 'Try this' on the page: (question, answer, {format name: i18n key of the text to put there}).
TRY_THIS: tuple[tuple[str, str, dict[str, str]], ...] = (
    (".try.q1", ".try.a1", {}),
    (".try.q2", ".try.a2", {"preset": "xor.preset.stuck"}),
    (".try.q3", ".try.a3", {}),
    (".try.q4", ".try.a4", {"preset": "xor.preset.deep"}),
    (".try.q5", ".try.a5", {}),
)

__all__ = [
    "ACTIVATIONS", "CURVES_PER_OUTCOME", "GATE_NAMES", "LEARNING_RATES", "LN2", "MAX_SEEDS", "OPTIMIZERS",
    "OUTCOMES", "PAGE_BUDGET_S", "PAGE_SWEEP_BUDGET_S", "PLATEAUS", "PLATEAU_TOL", "POINT_NAMES", "PRESETS", "SETTINGS",
    "SOLVED_BELOW", "TRY_THIS", "WIDTHS", "Animation", "Diagnosis", "HiddenView", "Run", "Sweep",
    "affordable_seeds", "animation", "build", "clip_line", "curve_sample", "curve_steps", "decision_grid",
    "decision_image", "diagnose", "hidden_view", "input_grid", "is_stuck", "layer_outputs", "loss_curve",
    "loss_histogram", "merged_groups",
    "merged_pairs", "outcome", "plan_sweeps", "predictions", "reference_levels", "seed_sweep", "sizes",
    "solved_at", "solved_by_step", "sweep", "sweep_seconds", "train", "unit_gates", "unit_lines",
    "shape", "weights_table", "width_sweep", "wilson",
]
