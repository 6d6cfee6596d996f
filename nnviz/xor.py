"""XOR solved by an MLP: ``nn.Sequential(Linear(2, H), act, [Linear(H, H), act, …], Linear(H, 1), Sigmoid())``.

What the page and library users get:
- :func:`train` — one net's whole training (loss per step, weights per step) for the replay views;
- views of a trained net at any step: :func:`decision_grid`, :func:`unit_lines`, :func:`hidden_points`,
  :func:`hidden_sheet`, :func:`predictions`, :func:`weights_table`, :func:`unit_gates`, :func:`diagnose`;
- :func:`seed_sweep` — N seeds trained at once; :func:`width_sweep` — success rate against H.

Every net here, one or a thousand, is trained by the same batched program (:class:`_Batch`): all nets
live in tensors whose *last* dimension is the net, forward and backward are written out by hand, and
the optimizers repeat ``torch.optim.SGD`` / ``torch.optim.Adam`` operation by operation. Net ``s``
starts from exactly the weights ``torch.manual_seed(s)`` followed by building the nn.Sequential gives,
so each one equals the plain one-model loop (the tests compare them with nn.Sequential + torch.optim).
"""

from __future__ import annotations

import contextlib
import functools
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import torch
from torch import nn

from nnviz.data import logic_gate
from nnviz.frames import by_frame_columns
from nnviz.models import mlp
from nnviz.params import Bool, Choice, Float, Int, Spec, seed
from nnviz.training import RNG_LOCK, Divergence, seeded

ACTIVATIONS = ("sigmoid", "tanh", "relu")
OPTIMIZERS = ("sgd", "adam")
LEARNING_RATES = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0)
SOLVED_BELOW = 0.05  # a net "solves" XOR when its BCE loss is below this (all four outputs on the right side, confidently)
LN2 = math.log(2)
# The stalls a stuck net sits on: k of the four points merged into one hidden point predicted at the
# mean of their targets. Two points (one 0, one 1) at p = ½ cost 2·ln 2 / 4 = ln 2 / 2.
PLATEAUS = {
    "half_ln2": LN2 / 2,  # two points merged: 0.3466
    "three": (math.log(3) + 2 * math.log(1.5)) / 4,  # three points merged (two of one class): 0.4774
    "ln2": LN2,  # all four merged, p = ½ everywhere: what a single unit does (perceptron page)
}
WIDTHS = tuple(range(1, 9))  # the width sweep's H
MAX_SEEDS = 1000
ADAM_BETAS = (0.9, 0.999)
ADAM_EPS = 1e-8
BCE_EPS = 1e-12  # nn.BCELoss's backward clamps p(1 − p) from below by this
INPUT_BOX = (-0.5, 1.5)  # the input-space view

SETTINGS = Spec(
    Int("hidden", 2, lo=1, hi=10),
    Int("layers", 1, lo=1, hi=3),
    Choice("activation", "sigmoid", options=ACTIVATIONS, widget="segmented"),
    Choice("optimizer", "sgd", options=OPTIMIZERS, widget="segmented"),
    Float("lr", 1.0, lo=0.001, hi=100.0, options=LEARNING_RATES, widget="select_slider"),
    Int("steps", 5000, lo=100, hi=10_000, step=100),
    Int("view", 10_000, lo=0, hi=10_000),  # the training step the views show (beyond the end: the end)
    seed(),
    Int("n_seeds", 200, lo=1, hi=MAX_SEEDS),  # the seed sweep's N
    Int("start_seed", 0, lo=0, hi=999_000, widget="number"),  # the sweep's first seed
    Bool("compare", False, widget="toggle"),  # also run the width sweep H = 1 … 8
)


# --- the model ----------------------------------------------------------------------------------
def sizes(hidden: int = 2, layers: int = 1) -> tuple[int, ...]:
    """Layer sizes: (2, H, …, H, 1) with ``layers`` hidden layers."""
    return (2,) + (hidden,) * layers + (1,)


def build(hidden: int = 2, layers: int = 1, activation: str = "sigmoid") -> nn.Sequential:
    """The page's model, ``nn.Sequential(Linear(2, H), act, …, Linear(H, 1), Sigmoid())``, freshly initialised."""
    return mlp(sizes(hidden, layers), act=activation, out_act="sigmoid")


def initial_model(seed: int, hidden: int = 2, layers: int = 1, activation: str = "sigmoid") -> nn.Sequential:
    """The model right after ``torch.manual_seed(seed)``; the caller's global RNG state is left as it was."""
    with seeded(seed):
        return build(hidden, layers, activation)


def _check(**values) -> dict:
    return SETTINGS.check(**values)


# --- the batched program ------------------------------------------------------------------------
@contextlib.contextmanager
def _one_thread():
    """Run tiny tensor ops on the calling thread only.

    Our tensors are a few thousand numbers: splitting an op across threads costs more than it saves,
    and on a busy machine a parallel region can wait milliseconds for a descheduled worker. ``log``,
    ``tanh`` and ``sqrt`` go parallel above 2,048 elements, so a sweep would hit that every step.
    torch's thread count is per calling thread (OpenMP), so other sessions are not slowed.
    """
    n = torch.get_num_threads()
    if n == 1:
        yield
        return
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(n)


@dataclass(frozen=True)
class _Layout:
    """Where each layer's weight (out, in) and bias (out,) sit in a flat (P, S) parameter block."""

    sizes: tuple[int, ...]
    offsets: tuple[tuple[int, int], ...]  # per layer: (weight offset, bias offset)
    n_params: int

    @classmethod
    def of(cls, sizes: Sequence[int]) -> _Layout:
        offs, o = [], 0
        for n_in, n_out in zip(sizes[:-1], sizes[1:]):
            offs.append((o, o + n_out * n_in))
            o += n_out * n_in + n_out
        return cls(tuple(sizes), tuple(offs), o)

    def views(self, flat: torch.Tensor) -> list[tuple[torch.Tensor, torch.Tensor]]:
        """Per layer (W (out, in, S), b (out, S)): contiguous views into ``flat`` (P, S)."""
        out = []
        for (n_in, n_out), (ow, ob) in zip(zip(self.sizes[:-1], self.sizes[1:]), self.offsets):
            out.append((flat[ow:ob].view(n_out, n_in, -1), flat[ob : ob + n_out]))
        return out

    def pack(self, params: Sequence[torch.Tensor]) -> torch.Tensor:
        """nn.Sequential's parameters (W1, b1, W2, b2, …) of one net → a (P,) vector."""
        return torch.cat([p.detach().reshape(-1) for p in params])

    def unpack(self, vec: torch.Tensor) -> list[torch.Tensor]:
        """A (P,) vector → [W1 (out, in), b1, W2, b2, …] as nn.Linear holds them."""
        out = []
        for W, b in self.views(vec.reshape(-1, 1)):
            out += [W[..., 0], b[:, 0]]
        return out


def _initial_block(seeds: Sequence[int], hidden: int, layers: int, activation: str) -> torch.Tensor:
    """(P, S): column s holds the initial weights of net ``seeds[s]``."""
    layout = _Layout.of(sizes(hidden, layers))
    cols = torch.empty(len(seeds), layout.n_params)
    with RNG_LOCK, torch.random.fork_rng(devices=[]):
        for i, s in enumerate(seeds):
            torch.manual_seed(int(s))
            # nn.Linear draws its weight then its bias; activations draw nothing, so building the
            # Linear layers alone consumes the RNG exactly as nn.Sequential(...) does.
            params = []
            for n_in, n_out in zip(layout.sizes[:-1], layout.sizes[1:]):
                lin = nn.Linear(n_in, n_out)
                params += [lin.weight, lin.bias]
            cols[i] = layout.pack(params)
    return cols.T.contiguous()


def _pad_block(block: torch.Tensor, small: _Layout, big: _Layout) -> tuple[torch.Tensor, torch.Tensor]:
    """Embed nets of a narrower layout in a wider one; the extra units have zero weights (and a 0 mask)."""
    S = block.shape[1]
    out = torch.zeros(big.n_params, S)
    mask = torch.zeros(big.n_params, 1)
    for (Ws, bs), (Wb, bb), (Mw, Mb) in zip(small.views(block), big.views(out), big.views(mask)):
        o, i = Ws.shape[:2]
        Wb[:o, :i] = Ws
        bb[:o] = bs
        Mw[:o, :i] = 1
        Mb[:o] = 1
    return out, mask


# --- one training step, for S nets at once ------------------------------------------------------------
# Written once, as plain torch code that TorchScript can compile: the whole loop over steps then runs
# without Python in between (about 1.6× faster for the page's sizes). If scripting is unavailable the
# same function runs as ordinary Python, with the same numbers.
ACT_CODES = {"sigmoid": 0, "tanh": 1, "relu": 2}


def _views(flat: torch.Tensor, sizes: list[int]) -> tuple[list[torch.Tensor], list[torch.Tensor]]:
    """Weights (out, in, S) and biases (out, S) of every layer: views into the (P, S) block."""
    S = flat.shape[1]
    Ws: list[torch.Tensor] = []
    bs: list[torch.Tensor] = []
    o = 0
    for i in range(len(sizes) - 1):
        n_in, n_out = sizes[i], sizes[i + 1]
        Ws.append(flat[o : o + n_out * n_in].view(n_out, n_in, S))
        o += n_out * n_in
        bs.append(flat[o : o + n_out])
        o += n_out
    return Ws, bs


def _forward(flat: torch.Tensor, sizes: list[int], act: int, x: torch.Tensor) -> list[torch.Tensor]:
    """[x, h1, …, p]: every layer's output, (4, units, S)."""
    Ws, bs = _views(flat, sizes)
    acts: list[torch.Tensor] = [x]
    L = len(Ws)
    for i in range(L):
        z = (acts[i].unsqueeze(1) * Ws[i]).sum(2).add_(bs[i])  # Σ_k a[n,k]·W[j,k] + b[j]
        if i == L - 1 or act == 0:
            acts.append(torch.sigmoid(z))
        elif act == 1:
            acts.append(torch.tanh(z))
        else:
            acts.append(torch.relu(z))
    return acts


def _train_steps(flat: torch.Tensor, grad: torch.Tensor, m: torch.Tensor, v: torch.Tensor, sizes: list[int],
                 act: int, adam: bool, lr: float, t: int, n: int, x: torch.Tensor, y: torch.Tensor,
                 mask: torch.Tensor | None, qbuf: torch.Tensor, gbuf: torch.Tensor, snaps: torch.Tensor | None,
                 snap_every: int, stop_if_bad: bool) -> int:
    """``n`` training steps of every net, from optimizer step ``t``; returns the steps actually taken.

    Step i is the plain loop's ``zero_grad(); loss = BCE(model(X), y); loss.backward(); opt.step()``,
    with the backward written out as autograd computes it (same formulas, same clamps) and the update
    as torch.optim.SGD / torch.optim.Adam (single-tensor path, default betas and eps) does it.
    Before the step, ``qbuf[i]`` (4, 1, S) gets the probability each net gives the right answers (BCE is
    −mean log q), ``gbuf[i]`` (S,) the sum of each net's gradient (NaN/inf anywhere makes it so), and every
    ``snap_every`` optimizer steps ``snaps[t // snap_every]`` the weights of net 0. With ``stop_if_bad``
    the loop stops before updating with a non-finite gradient.
    """
    Ws = _views(flat, sizes)[0]
    gWs, gbs = _views(grad, sizes)
    L = len(Ws)
    one = torch.ones(1, 1, 1)
    q0 = one - y  # q = p where y = 1, 1 − p where y = 0 (exactly: 0 + 1·p and 1 + (−1)·p)
    q1 = 2 * y - one
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for i in range(n):
        if snaps is not None and snap_every > 0 and (t + i) % snap_every == 0:
            snaps[(t + i) // snap_every].copy_(flat[:, 0])
        acts = _forward(flat, sizes, act, x)
        p = acts[L]
        torch.addcmul(q0, q1, p, out=qbuf[i])
        # nn.BCELoss backward (mean of 4): (p − y) / max((1 − p)·p, 1e-12) / 4; then Sigmoid's: g·(1 − p)·p
        one_minus_p = one - p
        g = (p - y).div_((one_minus_p * p).clamp_min_(1e-12)).div_(4)
        g = g.mul_(one_minus_p).mul_(p)
        for li in range(L):
            layer = L - 1 - li
            a = acts[layer]
            gW = gWs[layer]
            if gW.numel() < 16384:  # Σ_n g[n,j]·a[n,k]: one broadcast product and a sum …
                torch.sum(g.unsqueeze(2) * a.unsqueeze(1), 0, out=gW)
            else:  # … or, for wide layers, four multiply-adds (n = 4 points) without a 4-D temporary
                torch.mul(g[0].unsqueeze(1), a[0].unsqueeze(0), out=gW)
                for k in range(1, 4):
                    gW.addcmul_(g[k].unsqueeze(1), a[k].unsqueeze(0))
            torch.sum(g, 0, out=gbs[layer])
            if layer > 0:
                ga = (g.unsqueeze(2) * Ws[layer]).sum(1)  # Σ_j g[n,j]·W[j,k]
                if act == 0:  # sigmoid_backward: g·(1 − h)·h
                    g = ga.mul_(one - a).mul_(a)
                elif act == 1:  # tanh_backward: g·(1 − h²)
                    g = ga.mul_(one - a * a)
                else:  # threshold_backward(g, relu output, 0)
                    g = torch.where(a <= 0, torch.zeros_like(ga), ga)
        if mask is not None:
            grad.mul_(mask)
        torch.sum(grad, 0, out=gbuf[i])
        if stop_if_bad:
            total = float(gbuf[i].sum())
            if total - total != 0.0:  # NaN or ±inf somewhere in the gradient
                return i
        if adam:
            step = float(t + i + 1)
            m.lerp_(grad, 1 - beta1)
            v.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
            bias_correction1 = 1 - beta1**step
            bias_correction2 = 1 - beta2**step
            step_size = lr / bias_correction1
            denom = (v.sqrt() / bias_correction2**0.5).add_(eps)
            flat.addcdiv_(m, denom, value=-step_size)
        else:
            flat.add_(grad, alpha=-lr)
    return n


def _compile() -> bool:
    """Swap in TorchScript versions of the step functions; keep the Python ones if scripting fails."""
    global _forward, _train_steps
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # torch.jit.script is deprecated in favour of torch.compile
            forward, steps = torch.jit.script(_forward), torch.jit.script(_train_steps)
    except (RuntimeError, OSError, AttributeError) as e:  # pragma: no cover - depends on the torch build
        warnings.warn(f"nnviz.xor runs its training loop as plain Python ({e})", RuntimeWarning, stacklevel=2)
        return False
    _forward, _train_steps = forward, steps
    return True


_train_steps_python = _train_steps  # kept for the test that the fallback gives the same numbers
SCRIPTED = _compile()  # whether the step loop runs as TorchScript


class _Batch:
    """S nets of one layout trained at once on XOR: full batch, BCE, SGD or Adam.

    Tensors are laid out with the net last: activations (4, units, S), weights (out, in, S), all
    parameters one (P, S) block, so an optimizer step is a handful of ops whatever the depth.
    """

    def __init__(self, block: torch.Tensor, layout: _Layout, activation: str, optimizer: str, lr: float,
                 mask: torch.Tensor | None = None):
        self.layout, self.activation, self.optimizer, self.lr = layout, activation, optimizer, float(lr)
        self.flat = block.clone()
        self.grad = torch.zeros_like(self.flat)
        self.mask = mask
        self.t = 0  # optimizer steps taken
        # Adam's moments (unused, empty, for SGD)
        self.m = torch.zeros_like(self.flat) if optimizer == "adam" else torch.empty(0)
        self.v = torch.zeros_like(self.flat) if optimizer == "adam" else torch.empty(0)
        X, y = logic_gate("xor")
        self.x = X[:, :, None]  # (4, 2, 1): broadcast over nets
        self.y = y[:, :, None]  # (4, 1, 1)

    @property
    def S(self) -> int:
        return self.flat.shape[1]

    def forward(self) -> list[torch.Tensor]:
        """[x, h1, …, p]: each layer's output, (4, units, S)."""
        return _forward(self.flat, list(self.layout.sizes), ACT_CODES[self.activation], self.x)

    def q(self, p: torch.Tensor, out: torch.Tensor | None = None) -> torch.Tensor:
        """The probability each net gives the right answer, (4, 1, S)."""
        return torch.addcmul(1 - self.y, 2 * self.y - 1, p, out=out)

    def steps(self, n: int, qbuf: torch.Tensor, gbuf: torch.Tensor, snaps: torch.Tensor | None = None,
              snap_every: int = 0, stop_if_bad: bool = False) -> int:
        """Train ``n`` steps (see :func:`_train_steps`); returns the steps taken."""
        done = _train_steps(self.flat, self.grad, self.m, self.v, list(self.layout.sizes),
                            ACT_CODES[self.activation], self.optimizer == "adam", self.lr, self.t, n,
                            self.x, self.y, self.mask, qbuf, gbuf, snaps, snap_every, stop_if_bad)
        self.t += done
        return done

    def final(self) -> tuple[torch.Tensor, torch.Tensor]:
        """(loss (S,), p (4, S)) of the current weights, as nn.BCELoss computes it."""
        p = self.forward()[-1]
        return _bce(self.q(p)), p[:, 0]


def _bce(q: torch.Tensor) -> torch.Tensor:
    """nn.BCELoss from q (…, 4, 1, S) → (…, S): −mean over the four points of max(log q, −100)."""
    return -torch.log(q).clamp_min_(-100).mean(-3).squeeze(-2)


@dataclass(frozen=True)
class _Trace:
    """What a batched run records per net: first solving step, first diverging step, sampled losses."""

    solved_at: torch.Tensor  # (S,) long, -1 = never
    diverged_at: torch.Tensor  # (S,) long, -1 = never
    diverged_what: tuple[str, ...]  # "loss" | "grad" | ""
    diverged_value: torch.Tensor  # (S,) the first non-finite value
    curve_steps: tuple[int, ...]
    curves: torch.Tensor  # (len(curve_steps), S), NaN from the divergence on
    final_loss: torch.Tensor  # (S,) loss of the final weights
    final_p: torch.Tensor  # (4, S) predictions of the final weights


CHUNK = 250  # steps between bookkeeping passes (and progress reports)


def _run(batch: _Batch, steps: int, curve_steps: Sequence[int] = (),
         progress: Callable[[float], None] | None = None) -> _Trace:
    """Train all nets of ``batch`` for ``steps`` steps; keep each net's losses at ``curve_steps``.

    The loss of step t is the one computed in step t's forward pass (before its update), as the plain
    loop prints it; step ``steps`` means the final weights. A net whose loss or gradient stops being
    finite is marked diverged at that step (its later numbers are NaN); the others are unaffected.
    """
    S = batch.S
    want = sorted({int(k) for k in curve_steps if 0 <= k <= steps})
    row_of = {k: i for i, k in enumerate(want)}
    curves = torch.full((len(want), S), float("nan"))
    solved_at = torch.full((S,), -1, dtype=torch.long)
    div_at = torch.full((S,), -1, dtype=torch.long)
    div_what = [""] * S
    div_val = torch.full((S,), float("nan"))
    qbuf = torch.empty(min(CHUNK, steps + 1), 4, 1, S)
    gbuf = torch.empty(min(CHUNK, steps + 1), S)
    with _one_thread(), torch.no_grad():
        start = 0
        while start <= steps:
            n = min(CHUNK, steps + 1 - start)
            n_train = min(n, steps - start)
            batch.steps(n_train, qbuf, gbuf)
            if n_train < n:  # the last row: the final weights' loss, no update
                batch.q(batch.forward()[-1], out=qbuf[n_train])
                gbuf[n_train] = 0.0
            loss, gsum = _bce(qbuf[:n]), gbuf[:n]
            bad = ~torch.isfinite(loss) | ~torch.isfinite(gsum)
            first_bad = torch.where(bad.any(0), bad.int().argmax(0), -1)
            for s in ((first_bad >= 0) & (div_at < 0)).nonzero().flatten().tolist():
                j = int(first_bad[s])
                div_at[s] = start + j
                value = float(loss[j, s])
                div_what[s] = "loss" if not math.isfinite(value) else "grad"
                div_val[s] = value if not math.isfinite(value) else float(gsum[j, s])
            ok = loss < SOLVED_BELOW
            first_ok = torch.where(ok.any(0), ok.int().argmax(0), -1)
            hit = (first_ok >= 0) & (solved_at < 0) & ((div_at < 0) | (div_at > start + first_ok))
            solved_at = torch.where(hit, start + first_ok, solved_at)
            rows = [(row_of[k], k - start) for k in range(start, start + n) if k in row_of]
            if rows:
                curves[[r for r, _ in rows]] = loss[[j for _, j in rows]]
            start += n
            if progress is not None:
                progress(min(1.0, start / (steps + 1)))
        final_loss, final_p = batch.final()
    if want:
        after_div = (torch.tensor(want)[:, None] >= div_at[None, :]) & (div_at[None, :] >= 0)
        curves[after_div] = float("nan")
    return _Trace(solved_at, div_at, tuple(div_what), div_val, tuple(want), curves, final_loss, final_p)


# --- one net, the whole history -----------------------------------------------------------------
@dataclass(frozen=True)
class Run:
    """One net's training. ``losses[k]`` is the loss of step k (before update k); weights are kept at
    ``snap_steps`` (every step for small nets), the last entry being the final weights."""

    hidden: int
    layers: int
    activation: str
    optimizer: str
    lr: float
    steps: int
    seed: int
    losses: torch.Tensor  # (n,) n = steps, or the divergence step
    snap_steps: tuple[int, ...]
    snaps: torch.Tensor  # (len(snap_steps), P)
    final_loss: float
    diverged: Divergence | None = None

    @property
    def layout(self) -> _Layout:
        return _Layout.of(sizes(self.hidden, self.layers))

    @property
    def last_step(self) -> int:
        """The step of the final weights (``steps``, or where training diverged)."""
        return self.snap_steps[-1]

    @functools.cached_property
    def _snap_array(self) -> np.ndarray:
        return np.asarray(self.snap_steps)

    def _snap_index(self, step: int | None) -> int:
        if step is None:
            return len(self.snap_steps) - 1
        return max(int(np.searchsorted(self._snap_array, int(step), side="right")) - 1, 0)

    def frame(self, step: int | None = None) -> int:
        """The recorded step shown for ``step``: the last one at or before it (None → final)."""
        return self.snap_steps[self._snap_index(step)]

    def params(self, step: int | None = None) -> list[torch.Tensor]:
        """[W1, b1, W2, b2, …] after ``frame(step)`` updates, shaped as nn.Linear holds them."""
        return self.layout.unpack(self.snaps[self._snap_index(step)])

    def model(self, step: int | None = None) -> nn.Sequential:
        """A fresh nn.Sequential holding the weights after ``frame(step)`` updates."""
        m = build(self.hidden, self.layers, self.activation)
        with torch.no_grad():
            for p, v in zip(m.parameters(), self.params(step)):
                p.copy_(v)
        return m

    def loss_at(self, step: int | None = None) -> float:
        """The loss of the weights after ``frame(step)`` updates."""
        k = self.frame(step)
        return float(self.losses[k]) if k < len(self.losses) else self.final_loss


def _snap_every(n_params: int, steps: int, budget: int = 200_000) -> int:
    """Keep every step's weights when that is under ``budget`` numbers, else every 2nd, 5th, 10th …"""
    for every in (1, 2, 5, 10, 20, 25, 50, 100):
        if n_params * (steps // every + 2) <= budget:
            return every
    return 100


def train(hidden: int = 2, layers: int = 1, activation: str = "sigmoid", optimizer: str = "sgd",
          lr: float = 1.0, steps: int = 5000, seed: int = 0,
          progress: Callable[[float], None] | None = None) -> Run:
    """Train the page's model from ``seed`` on XOR (full batch, BCE) and keep its whole history.

    Equal, to float rounding, to ``torch.manual_seed(seed)``, building the nn.Sequential, and the
    usual ``zero_grad / BCELoss / backward / step`` loop with torch.optim.SGD or Adam. Stops at the
    first step whose loss or gradient is not finite (``Run.diverged``).
    """
    _check(hidden=hidden, layers=layers, activation=activation, optimizer=optimizer, lr=lr, steps=steps,
           seed=seed)
    layout = _Layout.of(sizes(hidden, layers))
    batch = _Batch(_initial_block([seed], hidden, layers, activation), layout, activation, optimizer, lr)
    every = _snap_every(layout.n_params, steps)
    qbuf = torch.empty(steps, 4, 1, 1)
    gbuf = torch.empty(steps, 1)
    snaps = torch.empty(steps // every + 1, layout.n_params)
    diverged, end = None, 0
    with _one_thread(), torch.no_grad():
        while end < steps:
            n = min(4 * CHUNK, steps - end)
            done = batch.steps(n, qbuf[end:], gbuf[end:], snaps, every, stop_if_bad=True)
            end += done
            if done < n:  # step `end` produced a non-finite loss or gradient: stop before its update
                loss_k = float(_bce(qbuf[end])[0])
                if not math.isfinite(loss_k):
                    diverged = Divergence(end, "loss", loss_k)
                else:
                    g = batch.grad[:, 0]
                    diverged = Divergence(end, "grad", float(g[~torch.isfinite(g)][0]))
                break
            if progress is not None:
                progress(end / steps)
        final_loss, _ = batch.final()
        snap_steps = list(range(0, end + 1, every))
        snap_list = list(snaps[: len(snap_steps)])
        if snap_steps[-1] != end:
            snap_steps.append(end)
            snap_list.append(batch.flat[:, 0].clone())
        else:
            snap_list[-1] = batch.flat[:, 0].clone()
    losses = _bce(qbuf[:end])[:, 0] if end else torch.empty(0)
    return Run(hidden, layers, activation, optimizer, float(lr), steps, seed, losses, tuple(snap_steps),
               torch.stack(snap_list), float(final_loss[0]), diverged)


# --- many seeds at once ---------------------------------------------------------------------------
OUTCOMES = ("solved", "half_ln2", "three", "ln2", "other", "overshoot", "diverged")
PLATEAU_TOL = 0.02  # a stuck net's loss is this close to its plateau
# What the page may spend on a sweep, by the cost model below (the heaviest page run stays ≤ 5 s).
PAGE_SWEEP_BUDGET_S = 3.0
PAGE_BUDGET_S = 4.5  # one net + the seed sweep (+ the width sweep), estimated


def outcome(final_loss: float, diverged: bool = False) -> str:
    """Name a final state: solved, one of the plateaus (``PLATEAUS``), overshoot (worse than predicting ½
    everywhere: the learning rate is too large), other (none of these), or diverged."""
    if diverged or not math.isfinite(final_loss):
        return "diverged"
    if final_loss < SOLVED_BELOW:
        return "solved"
    name, level = min(PLATEAUS.items(), key=lambda kv: abs(kv[1] - final_loss))
    if abs(level - final_loss) <= PLATEAU_TOL:
        return name
    return "overshoot" if final_loss > LN2 else "other"


CURVES_PER_OUTCOME = 12  # seeds of each outcome whose loss curve a sweep keeps


@dataclass(frozen=True)
class Sweep:
    """A seed sweep: one row per seed (``table``) and the loss curves (``curves``, long form: seed, step,
    loss, outcome, at 101 steps) of the first ``CURVES_PER_OUTCOME`` seeds of each outcome."""

    table: pd.DataFrame
    curves: pd.DataFrame
    seconds: float = float("nan")  # wall time of the training

    @property
    def rate(self) -> float:
        """Share of seeds that solved XOR."""
        return float(self.table["solved"].mean()) if len(self.table) else float("nan")

    def counts(self) -> dict[str, int]:
        """Seeds per outcome, in ``OUTCOMES`` order."""
        vc = self.table["outcome"].value_counts()
        return {o: int(vc.get(o, 0)) for o in OUTCOMES}


def curve_steps(steps: int, n: int = 101) -> list[int]:
    """``n`` steps spread evenly over 0 … steps (the sampled points of a sweep's loss curves)."""
    return sorted({round(i * steps / (n - 1)) for i in range(n)})


def sweep(n_seeds: int, hidden: int = 2, layers: int = 1, activation: str = "sigmoid", optimizer: str = "sgd",
          lr: float = 1.0, steps: int = 5000, start_seed: int = 0,
          progress: Callable[[float], None] | None = None) -> Sweep:
    """:func:`seed_sweep`, plus loss curves (at 101 evenly spread steps) of a few seeds of each outcome."""
    _check(n_seeds=n_seeds, hidden=hidden, layers=layers, activation=activation, optimizer=optimizer, lr=lr,
           steps=steps, start_seed=start_seed)
    t0 = time.perf_counter()
    seeds = list(range(start_seed, start_seed + n_seeds))
    layout = _Layout.of(sizes(hidden, layers))
    block = _initial_block(seeds, hidden, layers, activation)
    batch = _Batch(block, layout, activation, optimizer, lr)
    trace = _run(batch, steps, curve_steps(steps), progress=progress)
    table = _sweep_table(seeds, trace, steps)
    # keep the curves of a sample only: all of them would make a cached sweep weigh megabytes
    keep = np.flatnonzero(table.index.isin(table.groupby("outcome", sort=False).head(CURVES_PER_OUTCOME).index))
    n_pts = len(trace.curve_steps)
    curves = pd.DataFrame({
        "seed": np.repeat(table["seed"].to_numpy()[keep], n_pts),
        "step": np.tile(trace.curve_steps, len(keep)),
        "loss": trace.curves[:, keep].T.reshape(-1).numpy(),
        "outcome": np.repeat(table["outcome"].to_numpy()[keep], n_pts),
    })
    return Sweep(table, curves, time.perf_counter() - t0)


def _sweep_table(seeds: Sequence[int], trace: _Trace, steps: int) -> pd.DataFrame:
    diverged = trace.diverged_at >= 0
    final = torch.where(diverged, float("nan"), trace.final_loss)
    p = torch.where(diverged[None, :], float("nan"), trace.final_p)
    solved = (final < SOLVED_BELOW) & ~diverged
    df = pd.DataFrame({
        "seed": np.asarray(seeds, dtype=np.int64),
        "final_loss": final.double().numpy(),
        "solved": solved.numpy(),
        "steps_to_solve": np.where(trace.solved_at >= 0, trace.solved_at.numpy(), np.nan),
    })
    df["outcome"] = [outcome(f, d) for f, d in zip(df["final_loss"], diverged.tolist())]
    df["diverged_step"] = np.where(diverged.numpy(), trace.diverged_at.numpy(), np.nan)
    for i, name in enumerate(POINT_NAMES):
        df[f"p{name}"] = p[i].double().numpy()
    y = logic_gate("xor")[1][:, 0].numpy()
    q = np.where(y[:, None] > 0.5, p.double().numpy(), 1 - p.double().numpy())  # (4, S): P(right answer)
    df["wrong"] = [
        " ".join(n for n, qi in zip(POINT_NAMES, col) if not qi > 0.5) if np.isfinite(col).all() else ""
        for col in q.T
    ]
    return df


POINT_NAMES = ("00", "01", "10", "11")


def seed_sweep(n_seeds: int, hidden: int = 2, layers: int = 1, activation: str = "sigmoid", optimizer: str = "sgd",
               lr: float = 1.0, steps: int = 5000, start_seed: int = 0) -> pd.DataFrame:
    """Seeds ``start_seed … start_seed + n_seeds − 1`` trained at once; one row per seed.

    Columns: ``seed, final_loss, solved`` (final loss < 0.05), ``steps_to_solve`` (first step whose
    loss is < 0.05; NaN if never), then ``outcome`` (solved / a plateau / other / diverged),
    ``diverged_step``, the final predictions ``p00 p01 p10 p11`` and the ``wrong`` points.
    Each row equals what the plain one-model loop gives for that seed.
    """
    return sweep(n_seeds, hidden, layers, activation, optimizer, lr, steps, start_seed).table


# --- success rate against width -------------------------------------------------------------------
def width_sweep(n_seeds: int, widths: Sequence[int] = WIDTHS, layers: int = 1, activation: str = "sigmoid",
                optimizer: str = "sgd", lr: float = 1.0, steps: int = 5000, start_seed: int = 0,
                progress: Callable[[float], None] | None = None) -> pd.DataFrame:
    """Success rate against hidden width: the same ``n_seeds`` seeds trained at every H in ``widths``.

    All widths train in one batch: narrower nets sit in the widest layout with their extra units' weights
    held at zero (their gradients are masked), which leaves every net's numbers as if trained alone.
    One row per width: ``hidden, n_seeds, solved, rate, ci_low, ci_high`` (Wilson 95 % interval),
    ``stuck`` (seeds on a plateau), ``median_steps_to_solve``.
    """
    _check(n_seeds=n_seeds, layers=layers, activation=activation, optimizer=optimizer, lr=lr, steps=steps,
           start_seed=start_seed)
    widths = sorted({int(SETTINGS["hidden"].check(h)) for h in widths})
    per_seed = _width_batch(n_seeds, widths, layers, activation, optimizer, lr, steps, start_seed, progress)
    rows = []
    for h in widths:
        t = per_seed[per_seed["hidden"] == h]
        k, n = int(t["solved"].sum()), len(t)
        lo, hi = wilson(k, n)
        rows.append({
            "hidden": h, "n_seeds": n, "solved": k, "rate": k / n, "ci_low": lo, "ci_high": hi,
            "stuck": int(t["outcome"].isin(list(PLATEAUS)).sum()),
            "median_steps_to_solve": float(t["steps_to_solve"].median()) if k else float("nan"),
        })
    return pd.DataFrame(rows)


def _width_batch(n_seeds, widths, layers, activation, optimizer, lr, steps, start_seed, progress=None):
    """Per-seed table (with a ``hidden`` column) of every (width, seed), trained as one padded batch."""
    seeds = list(range(start_seed, start_seed + n_seeds))
    big = _Layout.of(sizes(max(widths), layers))
    blocks, masks = [], []
    for h in widths:
        small = _Layout.of(sizes(h, layers))
        block, mask = _pad_block(_initial_block(seeds, h, layers, activation), small, big)
        blocks.append(block)
        masks.append(mask.expand(-1, n_seeds))
    batch = _Batch(torch.cat(blocks, 1), big, activation, optimizer, lr, mask=torch.cat(masks, 1).contiguous())
    trace = _run(batch, steps, (), progress=progress)
    table = _sweep_table(seeds * len(widths), trace, steps)
    table.insert(0, "hidden", np.repeat(widths, n_seeds))
    return table


def wilson(k: int, n: int, z: float = 1.959964) -> tuple[float, float]:
    """Wilson score interval for a success rate k/n (95 % by default)."""
    if n == 0:
        return float("nan"), float("nan")
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


# --- how much a sweep costs -----------------------------------------------------------------------
# Measured on the 2-core machine (single thread): one step of S nets costs about
# OVERHEAD + S·(PER_NET + PER_ELEMENT·W), W = the 4-point activation/weight products per net.
_COST_OVERHEAD_S = 120e-6
_COST_PER_LAYER_S = 40e-6
_COST_PER_NET_S = 0.4e-6
_COST_PER_ELEMENT_S = 1.3e-9


def _work(hidden: int, layers: int) -> int:
    sz = sizes(hidden, layers)
    return 4 * sum(a * b for a, b in zip(sz[:-1], sz[1:]))


def sweep_seconds(n_nets: int, hidden: int, layers: int, steps: int) -> float:
    """Estimated wall time of training ``n_nets`` nets of this shape at once (a deterministic model)."""
    per_step = (_COST_OVERHEAD_S + _COST_PER_LAYER_S * layers
                + n_nets * (_COST_PER_NET_S + _COST_PER_ELEMENT_S * _work(hidden, layers)))
    return per_step * steps


def affordable_seeds(hidden: int, layers: int, steps: int, budget_s: float, n_widths: int = 1,
                     cap: int = MAX_SEEDS) -> int:
    """The most seeds (a multiple of 10, from 10 to ``cap``) whose sweep fits in ``budget_s`` by the cost model.

    With ``n_widths`` > 1 it is the seeds per width of a width sweep (all widths padded to ``hidden``).
    """
    per_step = budget_s / steps - _COST_OVERHEAD_S - _COST_PER_LAYER_S * layers
    per_net = _COST_PER_NET_S + _COST_PER_ELEMENT_S * _work(hidden, layers)
    n = int(per_step / per_net / n_widths) // 10 * 10 if per_step > 0 else 0
    return int(min(max(n, 10), cap))


# --- views of one net at one step --------------------------------------------------------------------
def _act_fn(name: str) -> Callable[[torch.Tensor], torch.Tensor]:
    return {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu}[name]


def _act_slope(name: str, z: torch.Tensor) -> torch.Tensor:
    """The activation's derivative at z: how much a nudge of z still moves the unit's output."""
    if name == "sigmoid":
        s = torch.sigmoid(z)
        return s * (1 - s)
    if name == "tanh":
        return 1 - torch.tanh(z) ** 2
    return (z > 0).to(z.dtype)


def layer_outputs(run: Run, x: torch.Tensor, step: int | None = None) -> list[tuple[torch.Tensor, torch.Tensor]]:
    """(z, a) of every layer for inputs ``x`` (n, 2): pre-activation and output; the last a is p."""
    params = run.params(step)
    act = _act_fn(run.activation)
    out, a = [], x
    with torch.no_grad():
        for i in range(0, len(params), 2):
            z = torch.nn.functional.linear(a, params[i], params[i + 1])
            a = torch.sigmoid(z) if i == len(params) - 2 else act(z)
            out.append((z, a))
    return out


def _inputs() -> tuple[torch.Tensor, torch.Tensor]:
    return logic_gate("xor")


def input_grid(n: int = 41, box: tuple[float, float] = INPUT_BOX) -> torch.Tensor:
    """An n×n grid over the input box, (n², 2), x1 varying fastest."""
    axis = torch.linspace(box[0], box[1], n)
    x1, x2 = torch.meshgrid(axis, axis, indexing="xy")
    return torch.stack([x1.reshape(-1), x2.reshape(-1)], 1)


def decision_grid(run: Run, step: int | None = None, n: int = 41) -> pd.DataFrame:
    """The net's P(y = 1) over the input box [−0.5, 1.5]²: columns ``x1, x2, p``."""
    g = input_grid(n)
    p = layer_outputs(run, g, step)[-1][1][:, 0]
    return pd.DataFrame({"x1": g[:, 0].numpy(), "x2": g[:, 1].numpy(), "p": p.numpy()})


def predictions(run: Run, step: int | None = None) -> pd.DataFrame:
    """The four inputs: ``point, x1, x2, target, p, loss`` (the point's BCE) and ``correct``."""
    X, y = _inputs()
    p = layer_outputs(run, X, step)[-1][1][:, 0]
    q = torch.where(y[:, 0] > 0.5, p, 1 - p)
    return pd.DataFrame({
        "point": list(POINT_NAMES), "x1": X[:, 0].numpy(), "x2": X[:, 1].numpy(), "target": y[:, 0].int().numpy(),
        "p": p.double().numpy(), "loss": (-torch.log(q).clamp_min(-100)).double().numpy(),
        "correct": (q > 0.5).numpy(),
    })


def clip_line(w1: float, w2: float, b: float, box: tuple[float, float, float, float]) -> list[tuple[float, float]]:
    """The segment of the line w1·u + w2·v + b = 0 inside box (u_lo, u_hi, v_lo, v_hi): 0 or 2 points."""
    u_lo, u_hi, v_lo, v_hi = box
    pts = []
    if abs(w2) > 1e-12:
        for u in (u_lo, u_hi):
            v = -(w1 * u + b) / w2
            if v_lo - 1e-9 <= v <= v_hi + 1e-9:
                pts.append((u, v))
    if abs(w1) > 1e-12:
        for v in (v_lo, v_hi):
            u = -(w2 * v + b) / w1
            if u_lo - 1e-9 <= u <= u_hi + 1e-9:
                pts.append((u, v))
    uniq = []
    for p in pts:
        if all(abs(p[0] - q[0]) > 1e-9 or abs(p[1] - q[1]) > 1e-9 for q in uniq):
            uniq.append(p)
    if len(uniq) < 2:
        return []
    # the two points farthest apart (a corner can be hit twice)
    a, b2 = max(((p, q) for i, p in enumerate(uniq) for q in uniq[i + 1:]),
                key=lambda pq: (pq[0][0] - pq[1][0]) ** 2 + (pq[0][1] - pq[1][1]) ** 2)
    return [a, b2]


# The 16 functions of two bits, by their outputs on 00, 01, 10, 11 ("0111" is OR).
GATE_NAMES = {
    "0000": "never", "0001": "and", "0010": "x1_not_x2", "0011": "x1", "0100": "x2_not_x1", "0101": "x2",
    "0110": "xor", "0111": "or", "1000": "nor", "1001": "xnor", "1010": "not_x2", "1011": "x1_or_not_x2",
    "1100": "not_x1", "1101": "x2_or_not_x1", "1110": "nand", "1111": "always",
}


def unit_gates(run: Run, step: int | None = None) -> pd.DataFrame:
    """Which logic function each unit computes: it is "on" where its pre-activation z > 0.

    One row per unit of every layer (the output unit last): ``layer, unit, z00 … z11, a00 … a11,
    pattern`` (on/off over 00, 01, 10, 11) and ``gate`` (its name in ``GATE_NAMES``).
    """
    X, _ = _inputs()
    rows = []
    outs = layer_outputs(run, X, step)
    for li, (z, a) in enumerate(outs, 1):
        for j in range(z.shape[1]):
            pattern = "".join("1" if v > 0 else "0" for v in z[:, j].tolist())
            row = {"layer": li, "unit": j + 1, "output": li == len(outs)}
            row.update({f"z{n}": float(v) for n, v in zip(POINT_NAMES, z[:, j])})
            row.update({f"a{n}": float(v) for n, v in zip(POINT_NAMES, a[:, j])})
            row.update({"pattern": pattern, "gate": GATE_NAMES[pattern]})
            rows.append(row)
    return pd.DataFrame(rows)


def unit_lines(run: Run, step: int | None = None, box: tuple[float, float] = INPUT_BOX,
               gates: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each first-layer unit's line w·x + b = 0 in input space, clipped to the box (long form).

    Columns ``unit, x1, x2, w1, w2, b, gate``; two rows per unit whose line crosses the box.
    ``gates``: :func:`unit_gates` of that step, if already computed.
    """
    W, b = run.params(step)[:2]
    gates = unit_gates(run, step) if gates is None else gates
    gates = gates[gates["layer"] == 1].set_index("unit")["gate"]
    rows = []
    for j in range(W.shape[0]):
        w1, w2, bj = float(W[j, 0]), float(W[j, 1]), float(b[j])
        for u, v in clip_line(w1, w2, bj, (*box, *box)):
            rows.append({"unit": j + 1, "x1": u, "x2": v, "w1": w1, "w2": w2, "b": bj, "gate": gates[j + 1]})
    return pd.DataFrame(rows, columns=["unit", "x1", "x2", "w1", "w2", "b", "gate"])


def weights_table(run: Run, step: int | None = None) -> pd.DataFrame:
    """Every weight and bias as ``model.state_dict()`` names them: ``tensor, index, value``."""
    names = [n for n, _ in build(run.hidden, run.layers, run.activation).named_parameters()]
    rows = []
    for name, t in zip(names, run.params(step)):
        for idx in np.ndindex(*t.shape):
            rows.append({"tensor": name, "index": str(list(idx)), "value": float(t[idx])})
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class HiddenView:
    """The four points as the last hidden layer sees them, in 2-D, with the output unit's line.

    ``kind``: "line" (H = 1: the unit's value; v = 0), "plane" (H = 2: (h1, h2) itself) or "projection"
    (H > 2: u = signed distance to the output unit's hyperplane w·h + b = 0, so the boundary is exactly
    u = 0; v = the main remaining direction of spread of the four points, orthogonal to w).
    """

    kind: str
    points: pd.DataFrame  # point, x1, x2, target, u, v, p, correct, h1 … hH
    boundary: pd.DataFrame  # u, v: the output unit's line (0 or 2 rows)
    background: pd.DataFrame  # u, v, p over the view's box
    sheet: pd.DataFrame  # line, family, order, u, v: the input square's grid lines mapped into hidden space
    box: tuple[float, float, float, float]
    margin: float  # the smallest distance of a point to the output line, in u units (negative: wrong side)


def _project(h: torch.Tensor, w: torch.Tensor, b: float, ref: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, dict]:
    """(u, v) of hidden vectors h (n, H) for the projection view, built from the four points ``ref``."""
    nw = float(w.norm())
    if nw < 1e-12:  # no output direction: fall back to the two main directions of spread
        w_hat = torch.zeros_like(w)
        w_hat[0] = 1.0
        nw = 1.0
    else:
        w_hat = w / nw
    resid = ref - ref.mean(0) - ((ref - ref.mean(0)) @ w_hat)[:, None] * w_hat
    if float(resid.abs().max()) < 1e-12:
        e = torch.zeros_like(w)
        e[1 if abs(float(w_hat[0])) > 0.9 else 0] = 1.0
        d = e - (e @ w_hat) * w_hat
        d = d / d.norm()
    else:
        d = torch.linalg.svd(resid.double(), full_matrices=False).Vh[0].float()
        d = d - (d @ w_hat) * w_hat
        d = d / d.norm()
        if float(d[d.abs().argmax()]) < 0:  # a fixed sign, so the view does not flip between steps
            d = -d
    u = (h @ w + b) / nw if float(w.norm()) >= 1e-12 else h @ w_hat
    v = (h - ref.mean(0)) @ d
    return u, v, {"w_norm": float(w.norm())}


def hidden_view(run: Run, step: int | None = None, n_grid: int = 41, n_lines: int = 11,
                box: tuple[float, float, float, float] | None = None) -> HiddenView:
    """The hidden-space view (see :class:`HiddenView`); ``box`` fixes its extent (default: fit the data)."""
    X, y = _inputs()
    params = run.params(step)
    W_out, b_out = params[-2][0], float(params[-1][0])
    H = W_out.shape[0]
    h = layer_outputs(run, X, step)[-2][1]  # (4, H): the last hidden layer
    p = layer_outputs(run, X, step)[-1][1][:, 0]
    # the input square's grid lines, mapped through the hidden layers
    sheet_x, sheet_cols = _sheet(n_lines)
    sheet_h = layer_outputs(run, sheet_x, step)[-2][1]
    kind = _view_kind(H)
    u, v, su, sv = _view_coords(kind, h, sheet_h, W_out, b_out)
    box = box or _hidden_box(run.activation, kind, torch.cat([u, su]), torch.cat([v, sv]))
    w1, w2, b, seg = _output_line(kind, W_out, b_out, box)
    boundary = pd.DataFrame(seg, columns=["u", "v"])
    U, V = _view_grid(kind, box, n_grid)
    bg_p = torch.sigmoid(w1 * U + w2 * V + b)
    background = pd.DataFrame({"u": U.reshape(-1).numpy(), "v": V.reshape(-1).numpy(), "p": bg_p.reshape(-1).numpy()})
    pts = pd.DataFrame({
        "point": list(POINT_NAMES), "x1": X[:, 0].numpy(), "x2": X[:, 1].numpy(), "target": y[:, 0].int().numpy(),
        "u": u.numpy(), "v": v.numpy(), "p": p.numpy(),
        "correct": (torch.where(y[:, 0] > 0.5, p, 1 - p) > 0.5).numpy(),
    })
    for j in range(H):
        pts[f"h{j + 1}"] = h[:, j].numpy()
    sheet = sheet_cols.assign(u=su.numpy(), v=sv.numpy())
    signed = (w1 * u + w2 * v + b) / max(math.hypot(w1, w2), 1e-12)
    margin = float(torch.min(torch.where(y[:, 0] > 0.5, signed, -signed)))
    return HiddenView(kind, pts, boundary, background, sheet, box, margin)


def _view_kind(hidden: int) -> str:
    """How the last hidden layer is drawn: "line" (H = 1), "plane" (H = 2) or "projection"."""
    return "line" if hidden == 1 else "plane" if hidden == 2 else "projection"


def _view_coords(kind: str, h: torch.Tensor, sheet_h: torch.Tensor, w_out: torch.Tensor,
                 b_out: float) -> tuple[torch.Tensor, ...]:
    """(u, v) of the four points ``h`` (4, H) and of the sheet ``sheet_h`` (n, H) in the view."""
    if kind == "line":
        return h[:, 0], torch.zeros(len(h)), sheet_h[:, 0], torch.zeros(len(sheet_h))
    if kind == "plane":
        return h[:, 0], h[:, 1], sheet_h[:, 0], sheet_h[:, 1]
    u, v, _ = _project(h, w_out, b_out, h)
    su, sv, _ = _project(sheet_h, w_out, b_out, h)
    return u, v, su, sv


def _output_line(kind: str, w_out: torch.Tensor, b_out: float,
                 box: tuple[float, float, float, float]) -> tuple[float, float, float, list]:
    """The output unit as w1·u + w2·v + b in the view's coordinates, and its segment inside ``box``."""
    if kind == "plane":
        w1, w2, b = float(w_out[0]), float(w_out[1]), b_out
    elif kind == "line":
        w1, w2, b = float(w_out[0]), 0.0, b_out
    else:  # u is the signed distance itself: the line is u = 0, and p = σ(|w|·u)
        w1, w2, b = float(w_out.norm()), 0.0, 0.0
    seg = clip_line(w1, w2, b, box) if kind != "line" or abs(w1) > 1e-12 else []
    if kind == "line" and abs(w1) > 1e-12:
        u0 = -b / w1
        seg = [(u0, box[2]), (u0, box[3])] if box[0] <= u0 <= box[1] else []
    return w1, w2, b, seg


def _view_grid(kind: str, box: tuple[float, float, float, float], n_grid: int) -> tuple[torch.Tensor, torch.Tensor]:
    """The background's grid over ``box`` (two rows only for the line view)."""
    gu = torch.linspace(box[0], box[1], n_grid)
    gv = torch.linspace(box[2], box[3], n_grid if kind != "line" else 2)
    return torch.meshgrid(gu, gv, indexing="xy")


def _hidden_box(activation: str, kind: str, u: torch.Tensor, v: torch.Tensor) -> tuple[float, float, float, float]:
    """The view's extent: the activation's range for the plane, else the data's, with a margin."""
    if kind == "plane" and activation in ("sigmoid", "tanh"):
        lo = -1.0 if activation == "tanh" else 0.0
        return (lo - 0.08, 1.08, lo - 0.08, 1.08)

    def span(a: torch.Tensor, fixed_lo: float | None = None) -> tuple[float, float]:
        a = a[torch.isfinite(a)]
        lo = float(a.min()) if len(a) else 0.0
        hi = float(a.max()) if len(a) else 1.0
        if fixed_lo is not None:
            lo = min(lo, fixed_lo)
        pad = max(0.08 * (hi - lo), 0.1)
        return lo - pad, hi + pad

    relu_lo = 0.0 if activation == "relu" and kind == "plane" else None
    if kind == "line":
        lo = 0.0 if activation in ("sigmoid", "relu") else -1.0
        u_lo, u_hi = span(u, lo)
        if activation == "sigmoid":
            u_hi = max(u_hi, 1.08)
        return (u_lo, u_hi, -1.0, 1.0)
    u_lo, u_hi = span(u, relu_lo)
    v_lo, v_hi = span(v, relu_lo)
    return (u_lo, u_hi, v_lo, v_hi)


# --- why a net is stuck ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Diagnosis:
    """What holds a net where it is (at one step).

    ``wrong``: points on the wrong side of p = ½ (a coin flip counts as wrong). ``merged``: pairs of
    points with different targets that the last hidden layer maps (almost) to the same vector — no
    output line can then tell them apart, and the best it can do is predict their mean. ``slopes``: each
    hidden unit's activation slope at each point (sigmoid′, tanh′ or the ReLU's 0/1): where it is ≈ 0,
    the gradient that would move that unit is ≈ 0 too. ``hessian_eigs``: the curvature of the loss in
    every direction of weight space, ascending; all > 0 means every small step goes uphill.
    """

    step: int
    loss: float
    outcome: str
    wrong: tuple[str, ...]
    merged: tuple[tuple[str, str, float], ...]
    slopes: pd.DataFrame  # layer, unit, s00, s01, s10, s11
    dead_units: tuple[tuple[int, int], ...]  # (layer, unit) of ReLU units off at all four points
    grad_norm: float
    hessian_eigs: tuple[float, ...]

    @property
    def curved_up(self) -> bool:
        """Every direction of weight space goes uphill (the smallest curvature is positive)."""
        return bool(self.hessian_eigs) and self.hessian_eigs[0] > 0


def _loss_of_vector(run: Run, vec: torch.Tensor) -> torch.Tensor:
    """The BCE of the net whose parameters are the flat vector ``vec`` (differentiable, any dtype)."""
    X, y = _inputs()
    X, y = X.to(vec.dtype), y.to(vec.dtype)
    act = _act_fn(run.activation)
    layout = run.layout
    a = X
    views = layout.views(vec.reshape(-1, 1))
    for i, (W, b) in enumerate(views):
        z = a @ W[..., 0].T + b[:, 0]
        a = torch.sigmoid(z) if i == len(views) - 1 else act(z)
    return torch.nn.functional.binary_cross_entropy(a, y)


def merged_pairs(run: Run, step: int | None = None, tol: float = 0.05) -> tuple[tuple[str, str, float], ...]:
    """Pairs of inputs with different targets that the last hidden layer sends to (almost) the same vector.

    "Almost": closer than ``tol`` × the activation's range × √H. Each pair is (point, point, distance).
    """
    X, y = _inputs()
    h = layer_outputs(run, X, step)[-2][1]
    scale = {"sigmoid": 1.0, "tanh": 2.0}.get(run.activation, max(float(h.abs().max()), 1e-6))
    out = []
    for i in range(4):
        for j in range(i + 1, 4):
            if y[i] != y[j]:
                d = float((h[i] - h[j]).norm())
                if d < tol * scale * math.sqrt(h.shape[1]):
                    out.append((POINT_NAMES[i], POINT_NAMES[j], d))
    return tuple(out)


def merged_groups(pairs: Sequence[tuple[str, str, float]]) -> list[tuple[list[str], float]]:
    """Merged pairs joined into groups of points that share one hidden spot: (points, largest distance)."""
    groups: list[tuple[set[str], float]] = []
    for a, b, d in pairs:
        hit = [g for g in groups if a in g[0] or b in g[0]]
        pts = {a, b}.union(*(g[0] for g in hit))
        dist = max([d, *(g[1] for g in hit)])
        groups = [g for g in groups if g not in hit] + [(pts, dist)]
    return [(sorted(p), d) for p, d in groups]


def diagnose(run: Run, step: int | None = None, merge_tol: float = 0.05) -> Diagnosis:
    """Why the net at ``step`` (default: final) sits where it does: see :class:`Diagnosis`."""
    k = run.frame(step)
    X, y = _inputs()
    outs = layer_outputs(run, X, k)
    p = outs[-1][1][:, 0]
    q = torch.where(y[:, 0] > 0.5, p, 1 - p)
    wrong = tuple(n for n, qi in zip(POINT_NAMES, q.tolist()) if not qi > 0.5)
    merged = merged_pairs(run, k, merge_tol)
    rows, dead = [], []
    for li, (z, _) in enumerate(outs[:-1], 1):
        s = _act_slope(run.activation, z)
        for j in range(z.shape[1]):
            rows.append({"layer": li, "unit": j + 1, **{f"s{n}": float(v) for n, v in zip(POINT_NAMES, s[:, j])}})
            if run.activation == "relu" and bool((z[:, j] <= 0).all()):
                dead.append((li, j + 1))
    vec = run.snaps[run.snap_steps.index(k)].double().clone().requires_grad_(True)
    loss = _loss_of_vector(run, vec)
    (g,) = torch.autograd.grad(loss, vec)
    H = torch.func.hessian(lambda v: _loss_of_vector(run, v))(vec.detach())
    eigs = torch.linalg.eigvalsh(H)
    loss = float(loss.detach())
    return Diagnosis(k, loss, outcome(loss), wrong, merged, pd.DataFrame(rows),
                     tuple(dead), float(g.norm()), tuple(float(e) for e in eigs))


# --- summaries of a sweep, for charts -------------------------------------------------------------------
def reference_levels() -> pd.DataFrame:
    """The loss levels worth a rule on every loss chart: the success threshold and the plateaus."""
    return pd.DataFrame({
        "code": ["solved_below", "half_ln2", "three", "ln2"],
        "loss": [SOLVED_BELOW, PLATEAUS["half_ln2"], PLATEAUS["three"], PLATEAUS["ln2"]],
        "side": ["right", "right", "left", "right"],  # where a chart writes the label: close levels alternate
    })


def loss_histogram(table: pd.DataFrame, per_decade: int = 12) -> pd.DataFrame:
    """Final losses in log-spaced bins (``per_decade`` a decade), counted per outcome.

    Columns ``lo, hi, outcome, count`` and ``bottom, top``: the bar's extent when a bin's outcomes are stacked.
    """
    f = table.loc[np.isfinite(table["final_loss"]) & (table["final_loss"] > 0)]
    if not len(f):
        return pd.DataFrame(columns=["lo", "hi", "outcome", "count", "bottom", "top"])
    a = math.floor(math.log10(float(f["final_loss"].min())) * per_decade) / per_decade
    b = math.ceil(math.log10(float(f["final_loss"].max())) * per_decade + 1e-9) / per_decade
    n = max(1, round((b - a) * per_decade))
    edges = np.logspace(a, a + n / per_decade, n + 1)
    idx = np.clip(np.searchsorted(edges, f["final_loss"].to_numpy(), side="right") - 1, 0, n - 1)
    counts = pd.DataFrame({"bin": idx, "outcome": f["outcome"].to_numpy()}).value_counts().rename("count").reset_index()
    counts["lo"] = edges[counts["bin"]]
    counts["hi"] = edges[counts["bin"] + 1]
    order = {o: i for i, o in enumerate(OUTCOMES)}
    counts = counts.sort_values(["bin", "outcome"], key=lambda s: s.map(order) if s.name == "outcome" else s)
    counts["top"] = counts.groupby("bin")["count"].cumsum()  # stacked within a bin, in OUTCOMES order
    counts["bottom"] = counts["top"] - counts["count"]
    return counts[["lo", "hi", "outcome", "count", "bottom", "top"]].reset_index(drop=True)


def solved_by_step(table: pd.DataFrame, steps: int, n: int = 201) -> pd.DataFrame:
    """The share of all seeds whose loss has gone below the threshold by each step: step, share."""
    at = np.sort(table["steps_to_solve"].dropna().to_numpy())
    grid = np.unique(np.round(np.linspace(0, steps, n)).astype(int))
    share = np.searchsorted(at, grid, side="right") / max(len(table), 1)
    return pd.DataFrame({"step": grid, "share": share})


def curve_sample(sweep_result: Sweep, per_outcome: int = CURVES_PER_OUTCOME) -> pd.DataFrame:
    """The loss curves of the first ``per_outcome`` (≤ CURVES_PER_OUTCOME) seeds of every outcome, long form."""
    t = sweep_result.table
    keep = t.groupby("outcome", sort=False).head(per_outcome)["seed"]
    return sweep_result.curves[sweep_result.curves["seed"].isin(set(keep))]


def plan_sweeps(hidden: int, layers: int, steps: int, n_seeds: int, compare: bool,
                budget_s: float = PAGE_BUDGET_S) -> tuple[int, int]:
    """How many seeds the page trains in its seed sweep, and per width in its width sweep (if ``compare``).

    By the cost model, in order: the one net, then the seed sweep (up to ``n_seeds``, within
    ``PAGE_SWEEP_BUDGET_S`` and what is left of ``budget_s``; at least 10), then the width sweep with what
    remains — 0 (skipped) when even 10 seeds per width would not fit.
    """
    left = max(0.0, budget_s - sweep_seconds(1, hidden, layers, steps))
    n = min(n_seeds, affordable_seeds(hidden, layers, steps, min(PAGE_SWEEP_BUDGET_S, left)))
    if not compare:
        return n, 0
    left -= sweep_seconds(n, hidden, layers, steps)
    big = max(WIDTHS)
    if sweep_seconds(10 * len(WIDTHS), big, layers, steps) > left:
        return n, 0
    return n, min(n_seeds, affordable_seeds(big, layers, steps, left, n_widths=len(WIDTHS)))


@dataclass
class Animation:
    """The net at every frame of a player, each table holding all frames side by side
    (``p@0, p@1, …``, see :func:`nnviz.frames.wide`); frame k shows recorded step ``steps[k]``.

    Tables, as the single-step functions give them: ``field`` (:func:`decision_grid`), ``pred``
    (:func:`predictions`), ``lines`` (:func:`unit_lines`, two rows per unit: empty where its line misses
    the box), and the hidden view's ``points``, ``boundary``, ``background``, ``sheet``
    (:func:`hidden_view`), all in one ``box``.
    """

    steps: list[int]
    tables: dict[str, pd.DataFrame]  # nnviz.frames.wide tables
    kind: str
    box: tuple[float, float, float, float]


def _sheet(n_lines: int) -> tuple[torch.Tensor, pd.DataFrame]:
    """The input square's grid lines as points (n, 2), and their ``line, family, order`` columns."""
    t = torch.linspace(0, 1, 25)
    lines, meta = [], []
    for c in torch.linspace(0, 1, n_lines).tolist():
        lines.append(torch.stack([torch.full_like(t, c), t], 1))
        meta.append(("x1", c))
        lines.append(torch.stack([t, torch.full_like(t, c)], 1))
        meta.append(("x2", c))
    fam = [m for m in meta for _ in range(len(t))]
    cols = pd.DataFrame({"line": [f"{f}={c:.1f}" for f, c in fam], "family": [f for f, _ in fam],
                         "order": np.tile(np.arange(len(t)), len(meta))})
    return torch.cat(lines), cols


def animation(run: Run, steps: Sequence[int], n_grid: int = 25, n_lines: int = 11,
              box: tuple[float, float, float, float] | None = None) -> Animation:
    """What :func:`decision_grid`, :func:`predictions`, :func:`unit_lines` and :func:`hidden_view` show,
    at every one of ``steps`` at once (one batched forward pass). The hidden views share one box: the
    union of each step's own, or ``box``, so a player moving between them keeps its axes still."""
    ks = [run.frame(s) for s in steps]
    n_frames = len(ks)
    flat = run.snaps[[run._snap_index(k) for k in ks]].T.contiguous()  # (P, K)
    layers = run.layout.views(flat)  # per layer: W (out, in, K), b (out, K)
    act = _act_fn(run.activation)
    X, y = _inputs()
    grid = input_grid(n_grid)
    sheet_x, sheet_cols = _sheet(n_lines)
    n_g = len(grid)
    a = torch.cat([X, grid, sheet_x]).expand(n_frames, -1, -1)  # (K, N, 2)
    outs = []
    with torch.no_grad():
        for i, (W, b) in enumerate(layers):
            z = torch.einsum("kni,oik->kno", a, W) + b.T[:, None, :]
            a = torch.sigmoid(z) if i == len(layers) - 1 else act(z)
            outs.append((z, a))
    p_all = outs[-1][1][..., 0]  # (K, N)
    p4, p_grid = p_all[:, :4], p_all[:, 4:4 + n_g]
    target = y[:, 0] > 0.5
    q = torch.where(target, p4, 1 - p4)

    field = pd.DataFrame({"x1": grid[:, 0].numpy(), "x2": grid[:, 1].numpy(), **by_frame_columns("p", p_grid.numpy())})
    pred = pd.DataFrame({
        "point": list(POINT_NAMES), "x1": X[:, 0].numpy(), "x2": X[:, 1].numpy(), "target": y[:, 0].int().numpy(),
        **by_frame_columns("p", p4.double().numpy()),
        **by_frame_columns("loss", (-torch.log(q).clamp_min(-100)).double().numpy()),
        **by_frame_columns("correct", (q > 0.5).numpy()),
    })

    # first-layer units: their gate (the on/off pattern of z over the four inputs) and line in input space
    W1, b1 = layers[0]
    on = (outs[0][0][:, :4, :] > 0).numpy()  # (K, 4, H1)
    n_units = W1.shape[0]
    cols = {c: np.full((n_frames, 2 * n_units), np.nan) for c in ("unit", "x1", "x2", "w1", "w2", "b")}
    gate = np.full((n_frames, 2 * n_units), None, dtype=object)
    for k in range(n_frames):
        for j in range(n_units):
            w1, w2, bj = float(W1[j, 0, k]), float(W1[j, 1, k]), float(b1[j, k])
            for r, (u, v) in enumerate(clip_line(w1, w2, bj, (*INPUT_BOX, *INPUT_BOX))):
                row = 2 * j + r
                cols["unit"][k, row], cols["x1"][k, row], cols["x2"][k, row] = j + 1, u, v
                cols["w1"][k, row], cols["w2"][k, row], cols["b"][k, row] = w1, w2, bj
                gate[k, row] = GATE_NAMES["".join("1" if x else "0" for x in on[k, :, j])]
    lines = pd.DataFrame({**{n: v for c, a_ in cols.items() for n, v in by_frame_columns(c, a_).items()},
                          **by_frame_columns("gate", gate)})

    # the last hidden layer: the four points and the input square's sheet, in the view's coordinates
    h_all = outs[-2][1]
    h4, sheet_h = h_all[:, :4, :], h_all[:, 4 + n_g:, :]
    W_out, b_out = layers[-1][0][0], layers[-1][1][0]  # (H, K), (K,)
    H = W_out.shape[0]
    kind = _view_kind(H)
    uv = [_view_coords(kind, h4[k], sheet_h[k], W_out[:, k], float(b_out[k])) for k in range(n_frames)]
    if box is None:
        boxes = np.array([_hidden_box(run.activation, kind, torch.cat([u, su]), torch.cat([v, sv]))
                          for u, v, su, sv in uv])
        box = (float(boxes[:, 0].min()), float(boxes[:, 1].max()), float(boxes[:, 2].min()), float(boxes[:, 3].max()))
    U, V = _view_grid(kind, box, n_grid)
    seg = np.full((n_frames, 2, 2), np.nan)
    bg = []
    for k in range(n_frames):
        w1, w2, b, ends = _output_line(kind, W_out[:, k], float(b_out[k]), box)
        if ends:
            seg[k] = ends
        bg.append(torch.sigmoid(w1 * U + w2 * V + b).reshape(-1))
    points = pd.DataFrame({
        "point": list(POINT_NAMES), "x1": X[:, 0].numpy(), "x2": X[:, 1].numpy(), "target": y[:, 0].int().numpy(),
        **by_frame_columns("u", torch.stack([f[0] for f in uv]).numpy()),
        **by_frame_columns("v", torch.stack([f[1] for f in uv]).numpy()),
        **by_frame_columns("p", p4.numpy()), **by_frame_columns("correct", (q > 0.5).numpy()),
        **{n: v for j in range(H) for n, v in by_frame_columns(f"h{j + 1}", h4[:, :, j].numpy()).items()},
    })
    boundary = pd.DataFrame({**by_frame_columns("u", seg[:, :, 0]), **by_frame_columns("v", seg[:, :, 1])})
    background = pd.DataFrame({"u": U.reshape(-1).numpy(), "v": V.reshape(-1).numpy(),
                               **by_frame_columns("p", torch.stack(bg).numpy())})
    moved = {**by_frame_columns("u", torch.stack([f[2] for f in uv]).numpy()),
             **by_frame_columns("v", torch.stack([f[3] for f in uv]).numpy())}
    sheet = pd.concat([sheet_cols, pd.DataFrame(moved)], axis=1)
    return Animation(ks, {"field": field, "pred": pred, "lines": lines, "points": points, "boundary": boundary,
                          "background": background, "sheet": sheet}, kind, box)
