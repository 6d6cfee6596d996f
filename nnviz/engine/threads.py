"""One intra-op thread for the tiny tensor programs of a lesson."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import torch


@contextlib.contextmanager
def one_thread() -> Iterator[None]:
    """Run tensor ops on the calling thread only; the thread count is restored afterwards.

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
