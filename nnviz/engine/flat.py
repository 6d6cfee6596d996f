"""Many nets of one shape as one flat parameter block (P, S): column s holds net s's weights.

The block's order is ``nn.Sequential``'s: W1 (out, in) row-major, b1, W2, b2, … . Every layer's weight
and bias are contiguous views into it (:func:`split`), so an optimizer step is a few ops on the block.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import torch
from torch import nn

from nnviz.training import RNG_LOCK


def split(flat: torch.Tensor, sizes: list[int]) -> tuple[list[torch.Tensor], list[torch.Tensor]]:
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


@dataclass(frozen=True)
class Layout:
    """Where each layer of an MLP with layer sizes ``sizes`` (n_in, …, n_out) sits in a flat block."""

    sizes: tuple[int, ...]

    @classmethod
    def of(cls, sizes: Sequence[int]) -> Layout:
        return cls(tuple(int(n) for n in sizes))

    @property
    def n_params(self) -> int:
        return sum(n_out * n_in + n_out for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:]))

    def views(self, flat: torch.Tensor) -> list[tuple[torch.Tensor, torch.Tensor]]:
        """Per layer (W (out, in, S), b (out, S)): contiguous views into ``flat`` (P, S)."""
        return list(zip(*split(flat, list(self.sizes))))

    def pack(self, params: Sequence[torch.Tensor]) -> torch.Tensor:
        """nn.Sequential's parameters (W1, b1, W2, b2, …) of one net → a (P,) vector."""
        return torch.cat([p.detach().reshape(-1) for p in params])

    def unpack(self, vec: torch.Tensor) -> list[torch.Tensor]:
        """A (P,) vector → [W1 (out, in), b1, W2, b2, …] as nn.Linear holds them."""
        out = []
        for W, b in self.views(vec.reshape(-1, 1)):
            out += [W[..., 0], b[:, 0]]
        return out

    def initial_block(self, seeds: Sequence[int]) -> torch.Tensor:
        """(P, S): column s holds the weights ``torch.manual_seed(seeds[s])`` then building the net gives.

        The caller's global random state is left as it was.
        """
        cols = torch.empty(len(seeds), self.n_params)
        with RNG_LOCK, torch.random.fork_rng(devices=[]):
            for i, s in enumerate(seeds):
                torch.manual_seed(int(s))
                # nn.Linear draws its weight then its bias; activations draw nothing, so building the
                # Linear layers alone consumes the RNG exactly as nn.Sequential(...) does.
                params = []
                for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:]):
                    lin = nn.Linear(n_in, n_out)
                    params += [lin.weight, lin.bias]
                cols[i] = self.pack(params)
        return cols.T.contiguous()

    def embed(self, block: torch.Tensor, small: Layout) -> tuple[torch.Tensor, torch.Tensor]:
        """Nets of the narrower layout ``small`` placed in this one: (block, mask), the extra units'
        weights zero and masked (their gradient held at 0), so each net trains as if alone."""
        S = block.shape[1]
        out = torch.zeros(self.n_params, S)
        mask = torch.zeros(self.n_params, 1)
        for (Ws, bs), (Wb, bb), (Mw, Mb) in zip(small.views(block), self.views(out), self.views(mask)):
            o, i = Ws.shape[:2]
            Wb[:o, :i] = Ws
            bb[:o] = bs
            Mw[:o, :i] = 1
            Mb[:o] = 1
        return out, mask
