"""nnviz: see how a neural network works, driven by real PyTorch.

A library in its own right: every maths, data and training function is importable and tested
without Streamlit. Modules are named by concept: ``perceptron``, ``xor``, ``backprop``,
``gradients``, ``init``, ``dropout``; ``params`` (settings tables), ``i18n``, ``codegen``,
``charts`` (altair), and ``ui`` (the only Streamlit glue).
"""

__version__ = "0.1.0"
