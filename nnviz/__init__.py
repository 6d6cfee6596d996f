"""nnviz: see how a neural network works, driven by real PyTorch.

A library in its own right: every maths, data and training function is importable and tested
without Streamlit. Modules are named by concept: ``perceptron``, ``xor``, ``backprop``,
``gradients``, ``init``, ``dropout``; ``params`` (settings tables), ``i18n``, ``codegen``,
``charts`` (altair, ``pip install "nnviz[app]"``), and ``ui`` (the only Streamlit glue, same extra).
"""

from importlib import metadata as _metadata
from pathlib import Path as _Path


def _version() -> str:
    """The installed package's version; in a source tree that is not installed, pyproject.toml's."""
    try:
        return _metadata.version("nnviz")
    except _metadata.PackageNotFoundError:
        import tomllib

        try:
            with open(_Path(__file__).resolve().parent.parent / "pyproject.toml", "rb") as f:
                project = tomllib.load(f)["project"]
        except (OSError, KeyError, tomllib.TOMLDecodeError):
            return "0+unknown"
        return str(project["version"]) if project.get("name") == "nnviz" else "0+unknown"


__version__ = _version()
