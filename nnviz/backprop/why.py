"""The maths the page's "Why" shows: the chain rule and the local derivatives (language-neutral LaTeX),
and how many products backprop saves over writing the chain rule out path by path."""

from __future__ import annotations

import math
from collections.abc import Sequence

from nnviz.backprop.net import sizes

BIG_NET = (2, 16, 16, 16, 1)  # the deeper net the page compares its own with

WHY_LATEX = {
    "chain": r"\frac{\partial L}{\partial w^{(1)}_{11}} = \frac{\partial L}{\partial a^{(2)}}\,"
    r"\frac{\partial a^{(2)}}{\partial z^{(2)}}\,\frac{\partial z^{(2)}}{\partial a^{(1)}_{1}}\,"
    r"\frac{\partial a^{(1)}_{1}}{\partial z^{(1)}_{1}}\,\frac{\partial z^{(1)}_{1}}{\partial w^{(1)}_{11}}",
    "local": r"\begin{array}{ll}"
    r"z = \textstyle\sum_i w_i a_i + b & \qquad \dfrac{\partial z}{\partial w_i} = a_i, \quad "
    r"\dfrac{\partial z}{\partial a_i} = w_i, \quad \dfrac{\partial z}{\partial b} = 1\\[1.2em]"
    r"\sigma(z) = \dfrac{1}{1+e^{-z}} & \qquad \sigma'(z) = \sigma(z)\,\bigl(1-\sigma(z)\bigr)\\[1.2em]"
    r"\tanh(z) & \qquad \tanh'(z) = 1-\tanh^2(z)\\[1em]"
    r"\mathrm{ReLU}(z) = \max(0, z) & \qquad \mathrm{ReLU}'(z) = \begin{cases}1 & z>0\\ 0 & z\le 0\end{cases}"
    r"\\[1.4em]"
    r"\mathrm{MSE} = \dfrac{1}{N}\sum_n (a_n-y_n)^2 & \qquad \dfrac{\partial L}{\partial a_n} = \dfrac{2}{N}(a_n-y_n)"
    r"\\[1.4em]"
    r"\mathrm{BCE} = -\dfrac{1}{N}\sum_n \bigl[y_n\ln a_n+(1-y_n)\ln(1-a_n)\bigr] & \qquad "
    r"\dfrac{\partial L}{\partial a_n} = \dfrac{1}{N}\,\dfrac{a_n-y_n}{a_n(1-a_n)}"
    r"\end{array}",
    "bce": r"\frac{\partial L}{\partial z_n} = \frac{1}{N}\,\frac{a_n-y_n}{a_n(1-a_n)}\cdot a_n(1-a_n) "
    r"= \frac{1}{N}\,(a_n-y_n)",
    "batch": r"\frac{\partial L}{\partial w} = \sum_{n=1}^{N} \frac{\partial L}{\partial z_n}\,"
    r"\frac{\partial z_n}{\partial w}",
}


def path_costs(sizes_: Sequence[int]) -> tuple[int, int]:
    """Products of local derivatives needed for every parameter's gradient (one sample, an
    activation after every layer): (path by path, backprop).

    Path by path: a parameter of layer l has ∏(widths of the layers after l+1) paths to the loss, each
    a product of 2·(layers from l on) + 1 local derivatives (∂L/∂a, then ∂a/∂z and ∂z/∂a per layer above,
    ∂a/∂z and ∂z/∂w of its own). Backprop: one product per edge of the graph, each edge visited once.
    """
    s = list(sizes_)
    n = len(s) - 1  # layers
    naive = bp = 0
    for l in range(n):
        params = s[l] * s[l + 1] + s[l + 1]
        naive += params * math.prod(s[l + 2 :]) * (2 * (n - l) + 1)
        # ∂L/∂z per unit (through its activation), ∂L/∂w and ∂L/∂b per parameter, ∂L/∂a below per weight
        bp += s[l + 1] + params + (s[l] * s[l + 1] if l > 0 else 0)
    return naive, bp + s[-1]  # + ∂L/∂a of each output


def reuse(width: int = 2, depth: int = 1) -> dict[str, int]:
    """:func:`path_costs` of the page's net (``naive``, ``bp``) and of BIG_NET (``naive_big``, ``bp_big``)."""
    naive, bp = path_costs(sizes(width, depth))
    naive_big, bp_big = path_costs(BIG_NET)
    return {"naive": naive, "bp": bp, "naive_big": naive_big, "bp_big": bp_big}
