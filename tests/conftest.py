"""Shared test helpers: open a page of the app in Streamlit's AppTest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from nnviz.lessons import BY_SLUG
from nnviz.params import Spec

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def one_thread():
    """One intra-op torch thread for a module's tests: small nets on a shared 2-core machine, where two
    threads spin against each other. Use with ``pytestmark = pytest.mark.usefixtures("one_thread")``."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def plain_training(model, x, y, loss, optimizer: str = "sgd", lr: float = 0.1, steps: int = 100, batches=None):
    """The tutorial's loop, written without nnviz: ``zero_grad; loss(model(x), y).backward(); step`` with
    torch.optim.SGD or Adam (on ``x[batches[t]]`` at step t if given). Returns the per-step losses."""
    import torch

    opt = (torch.optim.SGD if optimizer == "sgd" else torch.optim.Adam)(model.parameters(), lr=lr)
    losses = []
    for t in range(steps):
        xb, yb = (x, y) if batches is None else (x[batches[t]], y[batches[t]])
        opt.zero_grad()
        value = loss(model(xb), yb)
        value.backward()
        opt.step()
        losses.append(value.item())
    return losses


def open_page(slug: str | None = None, timeout: float = 120, **query) -> AppTest:
    """Run ``/slug?query`` the way the server does: app.py is the entry point, then the page."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    if slug:
        at.switch_page(f"pages/{slug}.py")
    for key, value in query.items():
        at.query_params[key] = value if isinstance(value, list) else str(value)
    at.run()
    return at


def assert_clean(at: AppTest) -> None:
    """No exception element on the page."""
    assert not at.exception, [e.value for e in at.exception]


def texts(at: AppTest) -> str:
    """All markdown, captions, alerts and titles of a run, joined (to search for numbers and words)."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "success", "warning", "error", "latex"):
        parts += [str(e.value) for e in getattr(at, kind)]
    return "\n".join(parts)


def metric(at: AppTest, label: str) -> str:
    """The value of the metric with this label."""
    found = [m.value for m in at.metric if m.label == label]
    assert found, f"no metric {label!r}; have {[m.label for m in at.metric]}"
    return found[0]


@pytest.fixture
def page():
    return open_page


def page_spec(slug: str) -> Spec | None:
    """The settings of lesson ``slug`` (its record in nnviz.lessons), or None for a page without any."""
    lesson = BY_SLUG.get(slug)
    return lesson.settings if lesson is not None and len(lesson.settings.names()) else None


def player(at: AppTest) -> dict:
    """What the page's training player was given: ``steps`` (its frames), ``index`` (the one shown)…"""
    (found,) = [e for e in at.get("bidi_component") if e.proto.component_name == "nnviz_player"]
    return json.loads(found.proto.json)


def chart_data(chart) -> dict:
    """The named datasets a chart was sent with, as DataFrames."""
    import pyarrow as pa

    return {d.name: pa.ipc.open_stream(d.data.data).read_all().to_pandas() for d in chart.proto.datasets}


def charts(at: AppTest) -> list:
    """The altair/vega-lite charts a run drew (anywhere on the page)."""
    found = []

    def walk(node):
        if getattr(node, "type", None) == "vega_lite_chart":
            found.append(node)
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at.main)
    return found
