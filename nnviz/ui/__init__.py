"""The Streamlit glue every page shares: the shell, settings ↔ URL, language, caching, chart data, code.

The only package of nnviz that imports streamlit. A page starts with ``page = ui.page(slug)`` and then
only lays out widgets (``page.control``), text (``page.t``) and charts (``page.chart``).

How settings live: each page's settings are a :class:`nnviz.params.Spec`. On load, the URL's query
string is parsed against it (bad values fall back to the default with a warning that names them);
the current values are kept in session state under ``_values.<slug>`` and every change is written
back to the URL at once, so a copied link reproduces the view.

One idea a module: :mod:`~nnviz.ui.shell` (page config, sidebar), :mod:`~nnviz.ui.page` (a page's
settings, widgets, player, charts), :mod:`~nnviz.ui.session` (language, theme, text),
:mod:`~nnviz.ui.caching` (results and progress bars), :mod:`~nnviz.ui.sent` (what a chart sends, shared
by sessions), :mod:`~nnviz.ui.components` (the player and document.js), :mod:`~nnviz.ui.styles` (CSS).
"""

from __future__ import annotations

try:
    import altair  # noqa: F401
    import streamlit  # noqa: F401
except ImportError as e:  # the core installs without the app's extra
    raise ImportError(f'nnviz.ui needs {e.name}, part of the app extra: pip install "nnviz[app]"', name=e.name) from e

from nnviz.ui.caching import CACHE_MAX_ENTRIES, CACHE_TTL_S, cached, progress
from nnviz.ui.components import FPS, FRAMES
from nnviz.ui.page import GLOBAL_KEYS, Frames, Page, page_url, table_height
from nnviz.ui.sent import SENT, SentCache, vega_spec
from nnviz.ui.session import in_lang, lang, option_label, t, theme
from nnviz.ui.shell import page
from nnviz.ui.styles import A11Y_CSS, KOREAN_CSS, PLAYER_PAGE_CSS, PRESENTER_CSS

__all__ = ["A11Y_CSS", "CACHE_MAX_ENTRIES", "CACHE_TTL_S", "FPS", "FRAMES", "GLOBAL_KEYS", "KOREAN_CSS",
           "PLAYER_PAGE_CSS", "PRESENTER_CSS", "SENT", "Frames", "Page", "SentCache", "cached", "in_lang", "lang",
           "option_label", "page", "page_url", "progress", "t", "table_height", "theme", "vega_spec"]
