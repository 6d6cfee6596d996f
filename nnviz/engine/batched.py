"""S nets of one layout trained at once, full batch, BCE, SGD or Adam: the batched program.

Tensors are laid out with the net last: activations (N, units, S), weights (out, in, S), all parameters
one (P, S) block (:mod:`nnviz.engine.flat`). Forward and backward are written out by hand and the
optimizers repeat ``torch.optim.SGD`` / ``torch.optim.Adam`` operation by operation, so net ``s`` gives
the numbers of the plain ``nn.Sequential`` + ``torch.optim`` loop (tests/test_engine.py compares them).
The step loop is compiled with TorchScript: the whole loop over steps then runs without Python in
between (about 1.6× faster for the XOR page's sizes; bench/xor_sweep.py measures it against
torch.func's vmap). If scripting is unavailable the same function runs as plain Python.
"""

from __future__ import annotations

import warnings

import torch

from nnviz.engine.flat import Layout, split
from nnviz.engine.forward import ACT_CODES, forward
from nnviz.engine.loss import bce, right_probability



def _constants() -> tuple[float, float, float, float]:
    """torch.optim.Adam's default betas and eps, and the ε by which nn.BCELoss's backward clamps p(1 − p)
    from below: written once, read by the TorchScript step loop too (it cannot read module globals)."""
    return 0.9, 0.999, 1e-8, 1e-12


ADAM_BETA1, ADAM_BETA2, ADAM_EPS, BCE_EPS = _constants()


def _train_steps(flat: torch.Tensor, grad: torch.Tensor, m: torch.Tensor, v: torch.Tensor, sizes: list[int],
                 act: int, adam: bool, lr: float, t: int, n: int, x: torch.Tensor, y: torch.Tensor,
                 mask: torch.Tensor | None, qbuf: torch.Tensor, gbuf: torch.Tensor, snaps: torch.Tensor | None,
                 snap_every: int, stop_if_bad: bool) -> int:
    """``n`` training steps of every net, from optimizer step ``t``; returns the steps actually taken.

    Step i is the plain loop's ``zero_grad(); loss = BCE(model(x), y); loss.backward(); opt.step()``,
    with the backward written out as autograd computes it (same formulas, same clamps) and the update
    as torch.optim.SGD / torch.optim.Adam (single-tensor path, default betas and eps) does it.
    Before the step, ``qbuf[i]`` (N, 1, S) gets the probability each net gives the right answers (BCE is
    −mean log q), ``gbuf[i]`` (S,) the sum of each net's gradient (NaN/inf anywhere makes it so), and every
    ``snap_every`` optimizer steps ``snaps[t // snap_every]`` the weights of net 0. With ``stop_if_bad``
    the loop stops before updating with a non-finite gradient.
    """
    Ws = split(flat, sizes)[0]
    gWs, gbs = split(grad, sizes)
    L = len(Ws)
    N = x.shape[0]
    one = torch.ones(1, 1, 1)
    q0 = one - y  # loss.right_probability, its two factors computed once
    q1 = 2 * y - one
    beta1, beta2, adam_eps, bce_eps = _constants()
    for i in range(n):
        if snaps is not None and snap_every > 0 and (t + i) % snap_every == 0:
            snaps[(t + i) // snap_every].copy_(flat[:, 0])
        acts = forward(flat, sizes, act, x)
        p = acts[L]
        torch.addcmul(q0, q1, p, out=qbuf[i])
        # nn.BCELoss backward (mean of N): (p − y) / max((1 − p)·p, ε) / N; then Sigmoid's: g·(1 − p)·p
        one_minus_p = one - p
        g = (p - y).div_((one_minus_p * p).clamp_min_(bce_eps)).div_(N)
        g = g.mul_(one_minus_p).mul_(p)
        for li in range(L):
            layer = L - 1 - li
            a = acts[layer]
            gW = gWs[layer]
            if gW.numel() < 16384:  # Σ_n g[n,j]·a[n,k]: one broadcast product and a sum …
                torch.sum(g.unsqueeze(2) * a.unsqueeze(1), 0, out=gW)
            else:  # … or, for wide layers, N multiply-adds without a 4-D temporary
                torch.mul(g[0].unsqueeze(1), a[0].unsqueeze(0), out=gW)
                for k in range(1, N):
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
            denom = (v.sqrt() / bias_correction2**0.5).add_(adam_eps)
            flat.addcdiv_(m, denom, value=-step_size)
        else:
            flat.add_(grad, alpha=-lr)
    return n


train_steps_python = _train_steps  # the plain-Python loop (tests: it gives the scripted numbers)


def _script(fn):
    """``fn`` compiled by TorchScript, or ``fn`` itself if scripting fails."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # torch.jit.script is deprecated in favour of torch.compile
            return torch.jit.script(fn), True
    except (RuntimeError, OSError, AttributeError) as e:  # pragma: no cover - depends on the torch build
        warnings.warn(f"nnviz.engine runs its training loop as plain Python ({e})", RuntimeWarning, stacklevel=2)
        return fn, False


train_steps, SCRIPTED = _script(_train_steps)  # SCRIPTED: whether the step loop runs as TorchScript


class Batch:
    """S nets of one layout and activation, trained at once on the data (x (N, in), y (N, 1) in {0, 1})."""

    def __init__(self, block: torch.Tensor, layout: Layout, activation: str, optimizer: str, lr: float,
                 x: torch.Tensor, y: torch.Tensor, mask: torch.Tensor | None = None):
        if activation not in ACT_CODES:
            raise ValueError(f"activation must be one of {list(ACT_CODES)}, got {activation!r}")
        if optimizer not in ("sgd", "adam"):
            raise ValueError(f"optimizer must be 'sgd' or 'adam', got {optimizer!r}")
        self.layout, self.activation, self.optimizer, self.lr = layout, activation, optimizer, float(lr)
        self.flat = block.clone()
        self.grad = torch.zeros_like(self.flat)
        self.mask = mask
        self.t = 0  # optimizer steps taken
        # Adam's moments (unused, empty, for SGD)
        self.m = torch.zeros_like(self.flat) if optimizer == "adam" else torch.empty(0)
        self.v = torch.zeros_like(self.flat) if optimizer == "adam" else torch.empty(0)
        self.x = x[:, :, None]  # (N, in, 1): broadcast over nets
        self.y = y[:, :, None]  # (N, 1, 1)

    @property
    def S(self) -> int:
        return self.flat.shape[1]

    @property
    def n_points(self) -> int:
        return self.x.shape[0]

    def forward(self) -> list[torch.Tensor]:
        """[x, h1, …, p]: each layer's output, (N, units, S)."""
        return forward(self.flat, list(self.layout.sizes), ACT_CODES[self.activation], self.x)

    def q(self, p: torch.Tensor, out: torch.Tensor | None = None) -> torch.Tensor:
        """The probability each net gives the right answer, (N, 1, S)."""
        return right_probability(p, self.y, out=out)

    def steps(self, n: int, qbuf: torch.Tensor, gbuf: torch.Tensor, snaps: torch.Tensor | None = None,
              snap_every: int = 0, stop_if_bad: bool = False, program=None) -> int:
        """Train ``n`` steps (see :func:`_train_steps`; ``program``: another compilation of it);
        returns the steps taken."""
        done = (program or train_steps)(self.flat, self.grad, self.m, self.v, list(self.layout.sizes),
                                        ACT_CODES[self.activation], self.optimizer == "adam", self.lr, self.t,
                                        n, self.x, self.y, self.mask, qbuf, gbuf, snaps, snap_every,
                                        stop_if_bad)
        self.t += done
        return done

    def final(self) -> tuple[torch.Tensor, torch.Tensor]:
        """(loss (S,), p (N, S)) of the current weights, as nn.BCELoss computes it."""
        p = self.forward()[-1]
        return bce(self.q(p)), p[:, 0]
