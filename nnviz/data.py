"""Data sets: logic gates, and (in later modules) the real tables the pages train on."""

from __future__ import annotations

import torch

GATES = ("and", "or", "nand", "xor")

_INPUTS = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
_TARGETS = {
    "and": [0.0, 0.0, 0.0, 1.0],
    "or": [0.0, 1.0, 1.0, 1.0],
    "nand": [1.0, 1.0, 1.0, 0.0],
    "xor": [0.0, 1.0, 1.0, 0.0],
}


def logic_gate(name: str) -> tuple[torch.Tensor, torch.Tensor]:
    """The truth table of a gate: X (4, 2) and y (4, 1), float32, rows 00, 01, 10, 11."""
    key = str(name).lower()
    if key not in _TARGETS:
        raise ValueError(f"gate must be one of {list(GATES)}, got {name!r}")
    X = torch.tensor(_INPUTS, dtype=torch.float32)
    y = torch.tensor(_TARGETS[key], dtype=torch.float32).unsqueeze(1)
    return X, y
