"""The Streamlit glue every page shares: the shell, settings ↔ URL, language, caching, chart data, code.

The only module of nnviz that imports streamlit. A page starts with ``page = ui.page(slug, SETTINGS)``
and then only lays out widgets (``page.control``), text (``page.t``) and charts (``page.chart``).

How settings live: each page's settings are a :class:`nnviz.params.Spec`. On load, the URL's query
string is parsed against it (bad values fall back to the default with a warning that names them);
the current values are kept in session state under ``_values.<slug>`` and every change is written
back to the URL at once, so a copied link reproduces the view.
"""

from __future__ import annotations

import contextlib
import functools
import html
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import cast
from urllib.parse import urlencode

import pandas as pd
import torch

try:
    import altair as alt
    import streamlit as st
except ImportError as e:  # the core installs without the app's extra
    raise ImportError(f'nnviz.ui needs {e.name}, part of the app extra: pip install "nnviz[app]"', name=e.name) from e

import nnviz
from nnviz import codegen, i18n
from nnviz.charts import for_theme
from nnviz.frames import FRAME, frame_steps, varying
from nnviz.params import Bool, Choice, Float, Int, Param, Rejected, Spec
from nnviz.lessons import BY_SLUG, PAGES
from nnviz.training import Divergence

# Query keys the shell owns on every page (never reported as unknown settings): the language,
# Streamlit's own embedding switches, and the classroom ones (presenter mode, hidden controls).
GLOBAL_KEYS = ("lang", "embed", "embed_options", "presenter", "hide")
# Presenter mode: everything larger for a projector (Streamlit sizes its text in rem).
PRESENTER_CSS = "<style>html { font-size: 22px; } [data-testid='stSidebar'] { font-size: 18px; }</style>"
# Korean breaks lines between words, never inside one ("역|전파"); a token longer than the line
# (a URL, a long formula) may still wrap. Code keeps the browser's rules. !important: Streamlit's own
# rules for markdown (word-break: break-word) are more specific. Inline code gets less side padding, so
# the particle after it ("`model.eval()`을") does not look detached from its word.
KOREAN_CSS = ("<style>.stApp, .stApp * { word-break: keep-all !important; overflow-wrap: break-word; } "
              ".stApp pre, .stApp pre *, .stApp code { word-break: normal !important; } "
              ".stApp :not(pre) > code { padding-left: 0.15em; padding-right: 0.15em; }</style>")

# Contrast ≥ 4.5:1 for Streamlit's own text where its defaults fall short. Captions: Streamlit fades them to 60 % opacity (3.9:1 on white); text at 80 % of the text colour reaches
# 4.5:1 on both themes' backgrounds.
A11Y_CSS = ('<style>[data-testid="stCaptionContainer"] { opacity: 1 !important; '
            'color: color-mix(in srgb, currentColor 80%, transparent) !important; } '
            # white on the light theme's dark accent, dark on the dark theme's light one (.streamlit/config.toml)
            '[data-testid^="stBaseButton-primary"] { color: light-dark(#FFFFFF, #171614) !important; } '
            # a chart wider than a phone (fixed-width panels side by side) scrolls inside itself, not the page
            '[data-testid="stVegaLiteChart"] { max-width: 100%; overflow-x: auto; overflow-y: hidden; }</style>')

# The training player: about this many frames, shown this many a second (in the browser).
FRAMES = 60
FPS = 15
_ASSETS = Path(__file__).resolve().parent
_player = st.components.v2.component(
    "nnviz_player",
    html='<div class="nnviz-player"><div class="nnviz-label"></div><div class="nnviz-row"><button type="button">'
         '</button><input type="range" min="0" step="1"><span class="nnviz-step"></span></div></div>',
    css=(_ASSETS / "player.css").read_text(encoding="utf-8"),
    js=(_ASSETS / "player.js").read_text(encoding="utf-8"),
    isolate_styles=False,  # in the page's own DOM: it takes Streamlit's font and colours
)

# The document's language follows the page's (Streamlit itself always writes "en"), and a chart wider than
# its column becomes a named Tab stop (document.js). Set on every run (a change of language reruns the page).
_document = st.components.v2.component("nnviz_document", js=(_ASSETS / "document.js").read_text(encoding="utf-8"))

# On a page with a player: the Vega inputs it drives stay hidden, and what it does not animate (tables,
# text; see Page.still) fades while it plays, to say "this is the step where you stopped".
PLAYER_PAGE_CSS = ("<style>.vega-bindings { display: none !important; } "
                   "body.nnviz-playing [class*='st-key-still-'] { opacity: 0.35; transition: opacity 0.2s; }</style>")

# Cache sizes: bounded so a public demo's memory stays flat however many settings are tried.
CACHE_MAX_ENTRIES = 64
CACHE_TTL_S = 3600

ss = st.session_state

# altair's theme and data transformer are process-wide; charts are converted under this lock.
_ALTAIR_LOCK = threading.Lock()


def _by_position(data, datasets: dict) -> dict:
    """altair data transformer: name each dataset by its order in the chart, not by its content
    (a table drawn by several layers is sent once)."""
    for name, seen in datasets.items():
        if seen is data:
            return {"name": name}
    name = f"data{len(datasets)}"
    datasets[name] = data
    return {"name": name}


alt.data_transformers.register("nnviz_by_position", _by_position)


def vega_spec(chart) -> dict:
    """The Vega-Lite spec of an altair chart, its datasets named by position.

    ``st.altair_chart`` names datasets by a hash of their content, so new data make a new spec and the
    browser rebuilds the whole Vega view (~270 ms a chart, measured). With names that depend only on
    the chart's structure, a rerun that changes the data alone updates the view in place.
    """
    datasets: dict = {}
    with _ALTAIR_LOCK, alt.theme.enable("none"), alt.data_transformers.enable("nnviz_by_position", datasets=datasets):
        # Not validated against the schema again: that took most of the time (charts are tested).
        spec = chart.to_dict(validate=False)
    spec["datasets"] = {**spec.get("datasets", {}), **datasets}
    return spec

# The server runs each session's script in its own thread on 2 cores. Our tensors are small, and
# intra-op threads fighting over the cores made them up to 10× slower (measured): one thread each.
torch.set_num_threads(1)


def _warm_up() -> None:
    # torch.optim imports torch._dynamo on the first optimizer.step() (1.5–3.7 s, measured) and the
    # first scikit-learn data set costs ~1.4 s of imports: the first visitor of a training page would
    # wait for both. Import them now, off the page's thread.
    import sklearn.datasets  # noqa: F401
    import torch._dynamo  # noqa: F401


threading.Thread(target=_warm_up, name="nnviz-warm-up", daemon=True).start()


# --- language ---------------------------------------------------------------------------------
def lang() -> str:
    """The session's language: ``?lang=`` if valid, else the last choice, else the browser's locale."""
    if "lang" not in ss:
        ss["lang"] = i18n.lang_from_locale(_locale())
    return ss["lang"]


def _locale() -> str | None:
    try:
        return st.context.locale
    except Exception:  # AppTest and old clients have no browser locale
        return None


def theme() -> str:
    """The browser's theme, "light" or "dark" (charts colour their text for it)."""
    try:
        return st.context.theme.type or "light"
    except Exception:  # AppTest has no browser
        return "light"


def t(key: str, **fmt) -> str:
    """The text for ``key`` in the session's language."""
    text = i18n.t(key, lang(), **fmt)
    return i18n.glue(text) if lang() == "ko" else text


def option_label(option: str) -> str:
    return i18n.option_label(option, lang())


def _sync_lang_from_url() -> None:
    raw = st.query_params.get_all("lang")
    if raw and raw[-1] in i18n.LANGS:
        ss["lang"] = raw[-1]
    elif "lang" not in ss:
        lang()


def _on_lang_change() -> None:
    ss["lang"] = ss["_lang_choice"]
    st.query_params["lang"] = ss["lang"]


@dataclass(frozen=True)
class Frames:
    """The frames of a player: ``steps[:n_grid]`` spread evenly over the run (the same for every
    step shown, so their data can be cached), then the step shown if it is not among them."""

    steps: list[int]
    n_grid: int
    step: int

    @property
    def index(self) -> int:
        """The frame of the step shown."""
        return self.steps.index(self.step)

    @property
    def grid(self) -> list[int]:
        return self.steps[: self.n_grid]


# --- caching ----------------------------------------------------------------------------------
def cached(fn: Callable) -> Callable:
    """``fn`` cached by its arguments, per server (``st.cache_data``: each caller gets a copy)."""
    return st.cache_data(max_entries=CACHE_MAX_ENTRIES, ttl=CACHE_TTL_S, show_spinner=False)(fn)


@contextlib.contextmanager
def progress(label: str, every: float = 0.05):
    """``with ui.progress(label) as report: f(..., progress=report)``: a progress bar for a long call.

    Use it inside the ``@ui.cached`` function that makes the call: st.cache_data then replays the bar
    (ending empty) on a hit, whereas updating a bar made outside the cached call breaks the replay. The
    bar moves in steps of ``every`` (≤ 21 updates: a short replay) and is removed when the call ends.
    """
    bar, shown = st.progress(0.0, text=label), [0.0]

    def report(fraction: float) -> None:
        fraction = min(1.0, float(fraction))
        if fraction - shown[0] >= every or fraction >= 1:
            shown[0] = fraction
            bar.progress(fraction, text=label)

    try:
        yield report
    finally:
        bar.empty()


# --- the shell ----------------------------------------------------------------------------------
def page(slug: str | None, spec: Spec | None = None) -> Page:
    """Open a page: page config, sidebar, language, and the settings read from the URL.

    ``spec``: the page's settings, by default those of its lesson record (:mod:`nnviz.lessons`).
    """
    lesson = BY_SLUG.get(slug) if slug else None
    _sync_lang_from_url()
    st.set_page_config(
        page_title=f"{t(lesson.title_key)} · nnviz" if lesson else t("app.title"),
        page_icon=lesson.icon if lesson else ":material/neurology:",
        layout="wide",
    )
    _sidebar()
    p = Page(slug, spec if spec is not None else lesson.settings if lesson else Spec())
    p._load_url()
    if p.presenter:
        st.html(PRESENTER_CSS)
    st.html(A11Y_CSS)
    if lang() == "ko":
        st.html(KOREAN_CSS)
    return p


def _sidebar() -> None:
    with st.sidebar:
        st.page_link("app.py", label=t("app.home"), icon=":material/home:", query_params={"lang": lang()})
        st.caption(t("app.pages"))
        for lesson in PAGES:
            st.page_link(lesson.path, label=t(lesson.title_key), icon=lesson.icon, query_params={"lang": lang()})
        st.divider()
        ss["_lang_choice"] = lang()
        st.segmented_control(
            t("app.language"),
            options=list(i18n.LANGS),
            format_func=option_label,
            key="_lang_choice",
            on_change=_on_lang_change,
        )
        with st.expander(t("app.about")):
            st.markdown(t("app.about.body", version=nnviz.__version__, torch=torch.__version__.split("+")[0]))
        _document(data={"lang": lang(), "wide": t("ui.chart.wide")}, key="nnviz-document", height=0)


def in_lang(text: str, code: str) -> str:
    """``text`` as HTML marked as written in language ``code`` (a Korean term in English text)."""
    return f'<span lang="{code}">{html.escape(text)}</span>'


def page_url(slug: str, values: dict, spec: Spec) -> str:
    """A relative link to ``/slug`` with ``values`` (merged over defaults) and the current language."""
    merged = {**spec.defaults(), **values}
    return f"/{slug}?" + urlencode({"lang": lang(), **spec.to_query(merged)})


class Page:
    """A page's settings, text and building blocks, bound to the URL."""

    def __init__(self, slug: str | None, spec: Spec):
        self.slug, self.spec = slug, spec
        self._key = slug or "home"
        self.presenter = False  # ?presenter=1: large type, settings collapsed
        self.hidden: set[str] = set()  # ?hide=lr,steps: controls a teacher chose to hide
        self._frames: tuple[int, int] | None = None  # inside a player's view: (frame shown, frames)
        self._stills = 0  # containers made by still() in this run

    # -- settings ----------------------------------------------------------------------------
    @property
    def values(self) -> dict:
        """The current settings (a copy)."""
        return dict(ss[f"_values.{self._key}"])

    def __getitem__(self, name: str):
        return ss[f"_values.{self._key}"][name]

    def _query(self) -> dict[str, tuple[str, ...]]:
        return {k: tuple(st.query_params.get_all(k)) for k in st.query_params.keys()}

    def _load_url(self) -> None:
        marker = f"_url.{self._key}"
        query = self._query()
        if ss.get(marker) != query or f"_values.{self._key}" not in ss:
            # First visit, or the address changed under us (a link was followed): the URL wins.
            values, rejected = self.spec.parse_query(
                {k: list(v) for k, v in query.items()}, allowed_extra=GLOBAL_KEYS
            )
            ss[f"_values.{self._key}"] = values
            ss[f"_rejected.{self._key}"] = rejected
            ss[f"_loaded.{self._key}"] = dict(values)
        self._read_classroom(query)
        self._write_url()
        self._warn_rejected()

    def _read_classroom(self, query: dict[str, tuple[str, ...]]) -> None:
        """?presenter=1 and ?hide=name,name (unknown names are reported like any bad parameter)."""
        presenter = query.get("presenter", ())
        self.presenter = bool(presenter) and presenter[-1].strip().lower() in ("1", "true", "yes", "on")
        names = [n.strip() for raw in query.get("hide", ()) for n in raw.split(",") if n.strip()]
        self.hidden = {n for n in names if n in self.spec}
        if ss.get(f"_url.{self._key}") != query:
            bad = [n for n in names if n not in self.spec]
            ss[f"_rejected.{self._key}"] = ss.get(f"_rejected.{self._key}", []) + [
                Rejected("hide", n[:40], "unknown") for n in bad]

    def _write_url(self) -> None:
        keep = {k: st.query_params.get_all(k) for k in GLOBAL_KEYS if k in st.query_params and k != "lang"}
        st.query_params.from_dict({"lang": lang(), **keep, **self.spec.to_query(self.values)})
        ss[f"_url.{self._key}"] = self._query()

    def _warn_rejected(self) -> None:
        rejected: list[Rejected] = ss.get(f"_rejected.{self._key}", [])
        # Warn while the settings are still the ones the URL loaded; the first change clears it.
        if not rejected or self.values != ss.get(f"_loaded.{self._key}"):
            return
        for r in rejected:
            text = t("param.rejected", name=r.name, raw=r.raw, reason=self._reason(r))
            if r.name in self.spec:
                text += " " + t("param.default", default=self._shown(r.name, self.spec[r.name].default))
            st.warning(text, icon=":material/link_off:")

    def _shown(self, name: str, value) -> str:
        """A setting's value as its widget shows it."""
        return option_label(value) if isinstance(self.spec[name], Choice) else self.spec[name].fmt(value)

    def _reason(self, r: Rejected) -> str:
        detail = dict(r.detail)
        if "kind" in detail:
            detail["kind"] = t(f"param.kind.{detail['kind']}")
        if "options" in detail:
            detail["options"] = ", ".join(map(str, cast(Iterable, detail["options"])))
        return t(f"param.reason.{r.reason}", **detail)

    def set(self, **values) -> None:
        """Change settings from code (a preset, a link-like button); call from a callback or before widgets."""
        current = ss[f"_values.{self._key}"]
        current.update(self.spec.check(**values))
        self._write_url()

    def label(self, name: str) -> str:
        return t("param.seed") if name == "seed" else t(f"{self.slug}.{name}")

    def help(self, name: str) -> str | None:
        key = "param.seed.help" if name == "seed" else f"{self.slug}.{name}.help"
        return t(key) if i18n.has(key) else None

    def control(self, name: str, container=None, *, lo=None, hi=None, label_visibility="visible", disabled=False):
        """Draw the widget for setting ``name`` (its kind and bounds from the spec); return its value.

        ``lo``/``hi`` narrow an Int/Float's range for this view (e.g. a step slider up to the steps
        trained); the value is clamped into it.
        """
        p: Param = self.spec[name]
        box = container if container is not None else st
        key = f"{self._key}.{name}"
        values = ss[f"_values.{self._key}"]
        if name in self.hidden:
            return values[name]
        if (lo is not None or hi is not None) and isinstance(p, (Int, Float)):
            clamped = min(max(values[name], p.lo if lo is None else lo), p.hi if hi is None else hi)
            if clamped != values[name]:
                values[name] = clamped
                self._write_url()
        ss[key] = values[name]

        def changed() -> None:
            self.set(**{name: ss[key]})

        common = dict(key=key, help=self.help(name), on_change=changed, disabled=disabled,
                      label_visibility=label_visibility)
        label = self.label(name)
        if isinstance(p, Bool):
            box.toggle(label, **common)
        elif isinstance(p, Choice):
            if p.widget == "radio":
                box.radio(label, p.options, format_func=option_label, horizontal=True, **common)
            elif p.widget == "segmented":
                # A segmented control can be emptied by a second click; keep the old value then.
                def changed_segmented() -> None:
                    if ss[key] is None:
                        ss[key] = values[name]
                    self.set(**{name: ss[key]})

                common["on_change"] = changed_segmented
                box.segmented_control(label, p.options, format_func=option_label, **common)
            else:
                box.selectbox(label, p.options, format_func=option_label, **common)
        elif isinstance(p, Float) and p.options:
            box.select_slider(label, options=list(p.options), format_func=lambda v: format(v, "g"), **common)
        elif isinstance(p, (Int, Float)):
            kw = dict(min_value=p.lo if lo is None else lo, max_value=p.hi if hi is None else hi)
            if p.step is not None:
                kw["step"] = p.step
            if isinstance(p, Float):
                kw["format"] = p.fmt_spec
            if p.widget == "number":
                box.number_input(label, **kw, **common)
            elif kw["min_value"] == kw["max_value"]:
                box.number_input(label, **kw, **{**common, "disabled": True})
            else:
                box.slider(label, **kw, **common)
        return values[name]

    def animate(self, name: str, hi: int, render: Callable[[int, Frames], None], frames: int = FRAMES,
                fps: float = FPS, unit: str = "step") -> None:
        """A player for setting ``name`` (a step in 0…``hi``): play/pause and a slider, run in the browser.

        The player walks through about ``frames`` steps spread over 0…``hi``, plus the current step.
        ``render(step, frames)`` draws the view at ``step``; its charts may carry every frame's data
        (:func:`nnviz.frames.wide` over ``frames.steps``), and those the browser animates by itself.
        The rest of the view shows ``step`` and is redrawn when the player stops. A view at the end of
        training stays at the end when the training gets longer. ``unit`` ("step" or "epoch") names the
        slider's value for a screen reader ("step 2,750 of 5,000").
        """
        values = ss[f"_values.{self._key}"]
        hi_key, player_key = f"_hi.{self._key}.{name}", f"player.{self._key}.{name}"
        last_hi = ss.get(hi_key)
        if last_hi is not None and last_hi != hi and values[name] == last_hi:
            values[name] = hi
        ss[hi_key] = hi

        def stopped() -> None:
            step = ss[player_key].get("step")
            if step is not None:
                self.set(**{name: min(max(int(step), 0), hi)})

        def body() -> None:
            self._stills = 0
            step = min(values[name], hi)
            grid = frame_steps(hi, frames)
            fr = Frames(grid + ([] if step in grid else [step]), len(grid), step)
            order = sorted(range(len(fr.steps)), key=fr.steps.__getitem__)  # slider position → frame
            labels = {"play": t("ui.play"), "pause": t("ui.pause"), "slider": self.label(name),
                      "valuetext": t(f"ui.player.{unit}", step="{step}", last="{last}")}  # JS fills in the numbers
            if name not in self.hidden:  # ?hide=view: a teacher fixes the step the class sees
                _player(data={"steps": [fr.steps[i] for i in order], "frames": order,
                              "index": order.index(fr.index), "param": FRAME, "fps": fps, "labels": labels,
                              "locale": _locale() or "en"},
                        key=player_key, on_step_change=stopped, width="stretch")
            self._frames = (fr.index, len(fr.steps))
            try:
                render(step, fr)
            finally:
                self._frames = None

        st.html(PLAYER_PAGE_CSS)
        st.fragment(body)()

    def still(self):
        """A container for what a player does not animate (tables, text): it fades while the player
        plays and shows the step where the player stopped."""
        self._stills += 1
        return st.container(key=f"still-{self._key}-{self._stills}")

    def settings_box(self):
        """The box a page's controls go in: bordered, or (presenter mode) a collapsed expander."""
        if self.presenter:
            return st.expander(t("ui.settings"), icon=":material/tune:", expanded=False)
        return st.container(border=True)

    def preset(self, label_key: str, container=None, **values) -> None:
        """A button that loads a prepared combination of settings."""
        (container or st).button(t(label_key), on_click=self.set, kwargs=values, key=f"preset.{label_key}")

    def url(self, **values) -> str:
        """A link to this page with ``values`` changed (others at their current value)."""
        return page_url(cast(str, self.slug), {**self.values, **values}, self.spec)

    # -- text ----------------------------------------------------------------------------------
    def t(self, key: str, **fmt) -> str:
        """Text by key; a leading dot means this page's own prefix (``.intro`` → ``<slug>.intro``)."""
        return t(f"{self.slug}{key}" if key.startswith(".") else key, **fmt)

    def header(self, **fmt: object) -> None:
        """The page title, its question and the "what you will see" intro (``fmt`` fills its placeholders)."""
        lesson = BY_SLUG[cast(str, self.slug)]
        st.title(t(lesson.title_key), anchor=False)
        st.markdown(f"**{t(lesson.question_key)}**")
        st.info(self.t(".intro", **fmt), icon=":material/visibility:")

    def try_this(self, items: Iterable[tuple]) -> None:
        """'Try this': questions to predict before revealing the answer.

        Each item is (question key, answer key) or (question key, answer key, {name: i18n key}): the
        question is formatted with the translated texts of those keys (e.g. a preset's name).
        """
        st.subheader(t("ui.try"), anchor=False)
        for i, (question, answer, *fmt) in enumerate(items, 1):
            names = {name: t(key) for name, key in (fmt[0] if fmt else {}).items()}
            st.markdown(f"{i}. {self.t(question, **names)}")
            with st.expander(t("ui.reveal")):
                st.markdown(self.t(answer))

    @contextlib.contextmanager
    def why(self):
        """The 'Why' expander holding the maths."""
        with st.expander(t("ui.why"), icon=":material/functions:"):
            yield

    def code(self) -> None:
        """The PyTorch script for the current settings, shown and downloadable."""
        source = codegen.script(cast(str, self.slug), self.values, lang())
        with st.expander(t("ui.code"), icon=":material/code:"):
            st.caption(t("ui.code.caption"))
            st.code(source, language="python")
            st.download_button(t("ui.download_code"), source, file_name=f"nnviz_{self.slug}.py",
                               mime="text/x-python", on_click="ignore", key=f"code.{self.slug}")

    def diverged(self, div: Divergence | None) -> bool:
        """Explain a diverged run (if any) in plain words; True if there was one."""
        if div is None:
            return False
        st.error(f"**{t('diverged.title', step=div.step)}**\n\n{t(div.reason_key, value=div.value)}",
                 icon=":material/warning:")
        return True

    # -- charts --------------------------------------------------------------------------------
    def chart(self, chart, data, name: str, container=None, alt: str | Callable[[], str] | None = None) -> None:
        """An altair chart, with the tables behind it in a "Data" expander right below (table + CSV).

        ``chart`` is an altair chart or a function that builds one; ``data`` a table, a dict of named
        tables, or a function returning either. What is sent (the Vega-Lite spec and its Arrow data) is
        cached by the page's state (settings, language, frames shown): a rerun that shows a view seen
        before, by any session, neither builds the chart nor converts its data again. The tables are
        made and sent only while their expander is open. In a player's view, a chart drawn from
        :func:`nnviz.frames.wide` tables follows the player. ``alt`` (text, or a function making it: see
        :mod:`nnviz.describe`) is the chart's text alternative, its name for a screen reader.
        """
        box = container if container is not None else st
        spec, arrow = SENT.get((self._state_key(), name), lambda: _prepare(chart() if callable(chart) else chart,
                                                                      self._frames, theme()))
        text = alt() if callable(alt) else alt
        if text:
            spec = {**spec, "description": text}
        box.vega_lite_chart({**spec, "datasets": dict(arrow)}, width="stretch", alt=text or None)
        self.data(data, name, box)

    def data(self, data, name: str, container=None) -> None:
        """The tables behind a view (a chart, a diagram) in a "Data" expander right below it, each with its
        CSV download. ``data``: a table, a dict of named tables, or a function returning either; made and
        sent only while the expander is open (the CSV only when clicked)."""
        box = container if container is not None else st
        with box.expander(t("ui.data"), icon=":material/table:", key=f"data.{self._key}.{name}",
                          on_change="rerun") as shown:
            if not shown.open:
                return
            tables = data() if callable(data) else data
            tables = tables if isinstance(tables, dict) else {name: tables}
            for tname, df in tables.items():
                if len(tables) > 1:
                    st.caption(tname)
                st.dataframe(df, hide_index=True, height=min(400, 38 + 35 * len(df)))
                st.download_button(t("ui.download_csv"), functools.partial(df.to_csv, index=False),
                                   file_name=f"{self.slug}_{tname}.csv", mime="text/csv", on_click="ignore",
                                   key=f"csv.{self.slug}.{name}.{tname}")

    def _state_key(self) -> tuple:
        """What a page's view depends on: its settings, the language, the theme, presenter mode, the frames shown."""
        return (self._key, lang(), theme(), self.presenter, self._frames,
                tuple(sorted((k, repr(v)) for k, v in self.values.items())))


def _prepare(chart, frames: tuple[int, int] | None, theme: str = "light") -> tuple[dict, dict[str, bytes]]:
    """A chart as Streamlit sends it: the Vega-Lite spec (its text coloured for ``theme``), and each dataset
    as Arrow IPC bytes."""
    spec = for_theme(vega_spec(chart), theme)
    # A screen reader gets the chart's text alternative (Page.chart's alt) and its Data table, not each of
    # its marks (up to 2,000 a page, with raw floats): no ARIA on marks and guides.
    spec["config"]["aria"] = False
    spec["config"]["mark"] = {**spec["config"].get("mark", {}), "aria": False}
    datasets = spec.pop("datasets")
    # a chart follows the player when it is drawn from frame tables (framed() then reads FRAME)
    if frames is not None and any(isinstance(d, pd.DataFrame) and varying(d) for d in datasets.values()):
        index, count = frames
        spec.setdefault("params", []).append(
            {"name": FRAME, "value": index, "bind": {"input": "range", "min": 0, "max": count - 1, "step": 1}})
        # Drawn on a canvas: Streamlit's default SVG redraws hundreds of DOM nodes in every frame.
        spec["usermeta"] = {"embedOptions": {"renderer": "canvas"}}
    return spec, {name: _arrow(d) for name, d in datasets.items()}


def _arrow(data) -> bytes:
    """A dataset as the Arrow IPC bytes Streamlit sends, by its own conversion, lighter: floats as float32
    (a chart draws and its tooltips print fewer than 7 digits; the Data table keeps every digit), repeated
    text dictionary-encoded, and without the pandas metadata (a JSON note per column Vega never reads)."""
    from streamlit import dataframe_util

    df = data if isinstance(data, pd.DataFrame) else pd.DataFrame(data)
    df = df.reset_index(drop=True)
    lighter = {**dict.fromkeys(df.select_dtypes("float64").columns, "float32"),
               # text repeated down a long table (labels, names) sent once per distinct value
               **{c: "category" for c in df.select_dtypes("object").columns
                  if all(isinstance(x, str) for x in df[c]) and df[c].nunique() < len(df) / 2}}
    if lighter:
        df = df.astype(lighter)
    table = dataframe_util.convert_pandas_df_to_arrow_table(df)
    return dataframe_util.convert_arrow_table_to_arrow_bytes(table.replace_schema_metadata(None))


class SentCache:
    """A bounded, thread-safe LRU of what pages send, shared by every session of the server.

    Values are never mutated after they are made (callers copy the spec's top level), so sessions may
    share them. Bounded by total bytes, so a public demo's memory stays flat whatever is tried.
    """

    def __init__(self, max_bytes: int):
        self.max_bytes, self.size = max_bytes, 0
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key, make: Callable[[], tuple[dict, dict[str, bytes]]]) -> tuple[dict, dict[str, bytes]]:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                self.hits += 1
                return self._items[key][0]
        value = make()  # outside the lock: another session may build the same view meanwhile; both agree
        n = sum(map(len, value[1].values()))
        with self._lock:
            self.misses += 1
            if key not in self._items:
                self._items[key] = (value, n)
                self.size += n
            while self.size > self.max_bytes and len(self._items) > 1:
                _, (_, dropped) = self._items.popitem(last=False)
                self.size -= dropped
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.size = 0


# What pages send, by page state: 32 MB holds every page's default view and presets many times over.
SENT = SentCache(32 << 20)
