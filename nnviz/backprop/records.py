"""What a trace returns: every scalar (:class:`Node`), every step of the walk (:class:`Step`), the
``grad_fn`` chain autograd recorded (:class:`GradFn`), and the whole pass (:class:`Trace`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import cast

import pandas as pd
import torch

from nnviz.backprop.weights import Slot

AGREE_TOL = 1e-6  # hand-made and autograd gradients agree when they differ by at most this


@dataclass(frozen=True)
class Node:
    """One scalar of the computational graph (its value per sample, and ∂L/∂it)."""

    id: str  # "x1", "w1_2_1", "b1_2", "z1_2", "a1_2", "y1", "L" — safe in DOT
    kind: str  # input | target | weight | bias | z | a | loss
    tex: str  # LaTeX symbol, e.g. "w^{(1)}_{21}"
    label: str  # plain-text symbol, e.g. "w¹₂₁"
    layer: int  # 0 for inputs; l for layer l's parameters, z and a; the last layer + 1 for the loss
    unit: int  # 1-based unit (row j of a weight)
    col: int  # 1-based input (column i of a weight); 0 otherwise
    op: str  # "linear", an activation name, "mse"/"bce"; "" for leaves
    module: int  # index of the nn.Sequential module that computes it (-1 for leaves and the loss)
    parents: tuple[str, ...]
    data: tuple[float, ...]  # one value per sample (one value for parameters and the loss)
    grad: tuple[float, ...] | None  # ∂L/∂node (None for inputs and targets)
    param: str = ""  # its tensor's name in model.named_parameters()
    index: tuple[int, ...] = ()  # its index in that tensor

    @property
    def slot(self) -> Slot | None:
        """Where a parameter lives in the model (None for other nodes)."""
        return Slot(self.param, self.index) if self.param else None


@dataclass(frozen=True)
class Step:
    """One step of the walk: a value computed going forward, or a gradient going backward."""

    phase: str  # "forward" | "backward"
    nodes: tuple[str, ...]  # node(s) computed at this step
    uses: tuple[str, ...]  # nodes whose value or gradient it reads
    name: str  # LaTeX of what is computed: "z^{(1)}_{1}" or "\frac{\partial L}{\partial z^{(1)}_{1}}"
    formula: str  # LaTeX: definition = numbers substituted = value
    value: tuple[float, ...]  # the result (per sample, or one number)
    kind: str  # what happens: input | linear | activation | loss | seed | loss_grad | act_grad | sum_grad | param_grad
    # Backward only: the value is Σ_terms Π_factors (elementwise over samples), summed over the
    # samples if ``reduce`` — the chain rule's upstream × local, each factor one number per sample.
    terms: tuple[tuple[tuple[float, ...], ...], ...] = ()
    reduce: bool = False
    # Parameters only: the chain rule written out along every path from L (factors per path), and as LaTeX.
    paths: tuple[tuple[tuple[float, ...], ...], ...] | None = None
    chain: str = ""


@dataclass(frozen=True)
class GradFn:
    """One node of the graph autograd recorded, from the loss back to the first layer."""

    name: str  # e.g. "AddmmBackward0"
    module: int  # the nn.Sequential index it belongs to (-1: the loss)
    nodes: tuple[str, ...]  # our nodes it computes (all units of a layer at once)
    params: tuple[str, ...]  # parameters feeding it (through AccumulateGrad)


@dataclass(frozen=True)
class Trace:
    """Every number of one forward and backward pass, by hand and by autograd."""

    nodes: tuple[Node, ...]
    forward: tuple[Step, ...]
    backward: tuple[Step, ...]
    loss_fn: str
    loss: float  # by hand
    autograd_loss: float
    output: tuple[tuple[float, ...], ...]  # the model's output by hand, per sample
    manual_grads: dict[str, torch.Tensor]
    autograd_grads: dict[str, torch.Tensor]
    grad_fns: tuple[GradFn, ...]
    modules: tuple[str, ...]  # the model's modules, e.g. ("Linear(2, 2)", "Sigmoid()", …)
    batch: int
    dtype: str
    node_map: dict[str, Node] = field(repr=False, compare=False, default_factory=dict)

    def __post_init__(self):
        object.__setattr__(self, "node_map", {n.id: n for n in self.nodes})

    @property
    def steps(self) -> tuple[Step, ...]:
        """The whole walk: forward steps, then backward steps."""
        return self.forward + self.backward

    @property
    def grad_fn_names(self) -> tuple[str, ...]:
        """The ``grad_fn`` chain PyTorch recorded, from the loss back to the first layer."""
        return tuple(g.name for g in self.grad_fns)

    def node(self, node_id: str) -> Node:
        return self.node_map[node_id]

    @property
    def params(self) -> tuple[Node, ...]:
        """The parameters' nodes, in ``named_parameters()`` order."""
        return tuple(n for n in self.nodes if n.param)

    @property
    def symbols(self) -> dict[str, str]:
        """Each parameter's symbol by its entry (``"0.weight[1, 0]"`` → ``"w¹₂₁"``)."""
        return {str(n.slot): n.label for n in self.params}

    # -- the check against autograd --------------------------------------------------------------------------
    def comparison(self) -> pd.DataFrame:
        """Every parameter: its gradient by hand, by autograd, and their difference."""
        rows = []
        for n in self.params:
            manual = float(self.manual_grads[n.param][n.index])
            auto = float(self.autograd_grads[n.param][n.index])
            rows.append(
                {
                    "symbol": n.label,
                    "parameter": str(n.slot),
                    "value": n.data[0],
                    "manual": manual + 0.0,  # no "-0" in the table
                    "autograd": auto + 0.0,
                    "abs_diff": abs(manual - auto),
                }
            )
        return pd.DataFrame(rows)

    @property
    def max_abs_diff(self) -> float:
        """The largest |hand-made − autograd| over all parameters."""
        return max(float((self.manual_grads[k] - self.autograd_grads[k]).abs().max()) for k in self.manual_grads)

    @property
    def agrees(self) -> bool:
        """Every hand-made gradient within AGREE_TOL of autograd's."""
        return self.max_abs_diff <= AGREE_TOL

    def grad_fn_frame(self) -> pd.DataFrame:
        """The ``grad_fn`` chain as a table: name, module (``""`` for the loss), our nodes, parameters."""
        return pd.DataFrame(
            [
                {
                    "name": g.name,
                    "module": "" if g.module < 0 else f"model[{g.module}] {self.modules[g.module]}",
                    "nodes": ", ".join(self.node(n).label for n in g.nodes),
                    "params": ", ".join(g.params),
                }
                for g in self.grad_fns
            ],
            columns=["name", "module", "nodes", "params"],
        )

    # -- the walk --------------------------------------------------------------------------------------------
    def phase(self, at: int) -> tuple[str, int, int]:
        """Walk position ``at`` as (phase, its 1-based step in that phase, that phase's step count)."""
        n_fwd = len(self.forward)
        if at < n_fwd:
            return "forward", at + 1, n_fwd
        return "backward", at - n_fwd + 1, len(self.backward)

    def describe(self, at: int) -> list[tuple[str, dict]]:
        """What step ``at`` does, as string keys (``"kind.<kind>"``, under the page's prefix) and their values."""
        step = self.steps[at]
        node = self.node(step.nodes[0])
        if step.kind in ("input", "loss", "seed"):
            return [(f"kind.{step.kind}", {})]
        if step.kind == "act_grad":
            return [("kind.act_grad", {"node": node.label, "up": self.node(step.uses[0]).label})]
        if step.kind == "sum_grad":
            return [("kind.sum_grad", {"node": node.label, "k": len(step.uses)})]
        if step.kind == "param_grad":
            text = [("kind.param_grad", {"param": cast(Slot, node.slot).grad})]
            return text + ([("kind.param_grad.batch", {"B": self.batch})] if self.batch > 1 else [])
        return [(f"kind.{step.kind}", {"node": node.label})]

    def nodes_frame(self) -> pd.DataFrame:
        """Every node's value and gradient (sample s as ``value_s``/``grad_s`` columns in a batch)."""
        rows = []
        for n in self.nodes:
            row: dict[str, object] = {"node": n.label, "kind": n.kind, "parameter": str(n.slot) if n.slot else ""}
            for s, v in enumerate(n.data, 1):
                row["value" if len(n.data) == 1 else f"value_{s}"] = v
            if n.grad is not None:
                for s, g in enumerate(n.grad, 1):
                    row["grad" if len(n.grad) == 1 else f"grad_{s}"] = g
            rows.append(row)
        return pd.DataFrame(rows)

    def steps_frame(self) -> pd.DataFrame:
        """The walk as a table: step, phase, what is computed (LaTeX), value."""
        return pd.DataFrame(
            [
                {
                    "step": i,
                    "phase": s.phase,
                    "kind": s.kind,
                    "name": s.name,
                    "value": ", ".join(format(v, ".6g") for v in s.value),
                }
                for i, s in enumerate(self.steps)
            ]
        )
