"""No traceback for any input: hostile URLs, extreme settings, huge learning rates — on every page."""

from __future__ import annotations

import tomllib

import pytest
from conftest import ROOT, assert_clean, charts, open_page, page_spec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nnviz.params import Bool, Choice, Float, Int
from nnviz.lessons import LESSONS as TOPICS

SLUGS = [t.slug for t in TOPICS] + ["glossary"]
HOSTILE = ["", "nan", "NaN", "inf", "-inf", "1e309", "-1", "0", "-0", "1e-320", "99999999999999999999",
           "abc", "'; DROP TABLE x;--", "<script>alert(1)</script>", "{{7*7}}", "__import__('os')",
           "가나다", "🙂", "\u202e", "x" * 500, "1,5", "0x10", "true", "None", " 3 "]


def _query_strategy(names: list[str]):
    keys = st.sampled_from(names + ["lang", "bogus", "", "a" * 60, "시드"]) | st.text(max_size=12)
    values = st.sampled_from(HOSTILE) | st.text(max_size=30) | st.integers(-10**9, 10**9).map(str) | \
        st.floats(allow_nan=True, allow_infinity=True).map(repr)
    return st.dictionaries(keys, values | st.lists(values, min_size=2, max_size=3), max_size=6)


@pytest.mark.parametrize("slug", SLUGS)
def test_hostile_urls_never_raise_and_every_rejection_is_named(slug):
    spec = page_spec(slug)
    names = spec.names() if spec else []

    @settings(max_examples=12, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
    @given(_query_strategy(names))
    def run(query):
        at = open_page(slug, **query)
        assert_clean(at)
        if spec is None:
            return
        _, rejected = spec.parse_query({k: v for k, v in query.items() if k != "lang"}, allowed_extra=("lang",))
        warnings = " ".join(w.value for w in at.warning)
        for r in rejected:
            assert f"`{r.name}=" in warnings, (r, warnings)

    run()


def _extreme(slug: str, end: str) -> dict[str, str]:
    """A URL with every numeric setting at its bound.

    ``hi``: numbers at their maximum, learning rates and choices at their defaults, toggles on — the
    heaviest computation. ``hi_last``: the same with every choice at its last option and learning rates
    at their maximum. ``lo``: numbers at their minimum, first options, toggles off.
    """
    spec = page_spec(slug)
    if spec is None:
        return {}
    out = {}
    for p in spec:
        if p.name == "seed":
            continue
        options = getattr(p, "options", ())
        if isinstance(p, Choice):
            out[p.name] = {"hi": p.default, "hi_last": p.options[-1], "lo": p.options[0]}[end]
        elif isinstance(p, Bool):
            out[p.name] = p.fmt(end != "lo")
        elif isinstance(p, (Int, Float)):
            if end == "hi" and p.name.startswith("lr"):
                continue
            top = options[-1] if options else p.hi
            out[p.name] = p.fmt(options[0] if end == "lo" and options else p.lo if end == "lo" else top)
    return out


@pytest.mark.parametrize("end", ["hi", "hi_last", "lo"])
@pytest.mark.parametrize("slug", SLUGS)
def test_extreme_settings_render_with_charts(slug, end):
    query = _extreme(slug, end)
    at = open_page(slug, timeout=180, **query)
    assert_clean(at)
    assert not at.warning or all("URL parameter" not in w.value for w in at.warning)  # all accepted
    if query:
        assert charts(at), "a page with settings always draws its charts"


@pytest.mark.parametrize("slug", SLUGS)
def test_huge_learning_rate_is_explained_never_blank(slug):
    spec = page_spec(slug)
    lrs = [p for p in spec or () if p.name.startswith("lr")]
    if not lrs:
        pytest.skip(f"/{slug} has no learning rate")
    query = {p.name: p.fmt(p.options[-1] if getattr(p, "options", ()) else p.hi) for p in lrs}
    at = open_page(slug, **query)
    assert_clean(at)
    assert charts(at)


def test_server_config_is_hardened():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["client"]["showErrorDetails"] == "none"  # tracebacks only in the server log
    assert config["client"]["showSidebarNavigation"] is False
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["enableCORS"] is True  # CORS protection on: no cross-origin access
    assert config["server"]["maxUploadSize"] <= 1  # the app takes no uploads
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["fileWatcherType"] == "none"  # a watcher per session stalled the server
    assert config["runner"]["postScriptGC"] is False  # a full collection after every run: half a cached render


def test_no_page_passes_user_text_to_unsafe_html():
    for path in [ROOT / "app.py", *(ROOT / "nnviz" / "ui").glob("*.py"), *(ROOT / "pages").glob("*.py")]:
        assert "unsafe_allow_html=True" not in path.read_text(), path.name
