"""Text alternatives for charts: each chart's message in a sentence or two, with the numbers it shows.

One function per chart, one module per lesson; the words come from the string tables
(``describe.*``, :mod:`nnviz.strings.describe`), the numbers from the data the chart draws. Pages pass
them to ``Page.chart(alt=...)``; they are cheap (they run on every rerun and never train).
"""

from nnviz.describe import activations, backprop, dropout, init, perceptron, playground, xor
from nnviz.describe.base import FLAT, count, join, loss_curve, number, percent, way

__all__ = ["FLAT", "activations", "backprop", "count", "dropout", "init", "join", "loss_curve", "number", "percent",
           "perceptron", "playground", "way", "xor"]
