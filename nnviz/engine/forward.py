"""The forward pass of S nets at once: the one every view and the batched trainer call."""

from __future__ import annotations

import torch

from nnviz.engine.flat import split

# The hidden activations the batched program knows (the output unit is always a sigmoid).
ACT_CODES = {"sigmoid": 0, "tanh": 1, "relu": 2}


def forward_zs(flat: torch.Tensor, sizes: list[int], act: int,
               x: torch.Tensor) -> tuple[list[torch.Tensor], list[torch.Tensor]]:
    """(zs, acts) of S nets (weights ``flat`` (P, S)) on inputs ``x`` (N, in, 1 or S).

    ``acts`` = [x, h1, …, p] and ``zs`` = [z1, …, z_out], each (N, units, S); hidden layers use
    activation ``act`` (:data:`ACT_CODES`), the output a sigmoid. Works under autograd and any dtype.
    """
    Ws, bs = split(flat, sizes)
    acts: list[torch.Tensor] = [x]
    zs: list[torch.Tensor] = []
    L = len(Ws)
    for i in range(L):
        z = (acts[i].unsqueeze(1) * Ws[i]).sum(2) + bs[i]  # Σ_k a[n,k]·W[j,k] + b[j]
        zs.append(z)
        if i == L - 1 or act == 0:
            acts.append(torch.sigmoid(z))
        elif act == 1:
            acts.append(torch.tanh(z))
        else:
            acts.append(torch.relu(z))
    return zs, acts


def forward(flat: torch.Tensor, sizes: list[int], act: int, x: torch.Tensor) -> list[torch.Tensor]:
    """[x, h1, …, p]: every layer's output, (N, units, S) (see :func:`forward_zs`)."""
    return forward_zs(flat, sizes, act, x)[1]
