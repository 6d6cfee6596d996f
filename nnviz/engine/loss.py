"""Binary cross-entropy as nn.BCELoss computes it, from the probability of the right answer."""

from __future__ import annotations

import torch


def right_probability(p: torch.Tensor, y: torch.Tensor, out: torch.Tensor | None = None) -> torch.Tensor:
    """q: the probability a net gives the right answer, p where y = 1 and 1 − p where y = 0.

    Exactly so (0 + 1·p and 1 + (−1)·p): BCE is then −mean log q.
    """
    return torch.addcmul(1 - y, 2 * y - 1, p, out=out)


def point_losses(q: torch.Tensor) -> torch.Tensor:
    """Each point's BCE from q: −max(log q, −100), nn.BCELoss's clamp."""
    return -torch.log(q).clamp_min(-100)


def bce(q: torch.Tensor) -> torch.Tensor:
    """nn.BCELoss (mean over the N points) from q (…, N, 1, S) → (…, S)."""
    return point_losses(q).mean(-3).squeeze(-2)
