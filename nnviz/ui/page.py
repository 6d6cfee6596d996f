"""A page: its settings bound to the URL, its widgets, text, player, charts and code."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import cast
from urllib.parse import urlencode

import streamlit as st

from nnviz import codegen, i18n
from nnviz.frames import FRAME, frame_steps
from nnviz.lessons import BY_SLUG
from nnviz.params import Bool, Choice, Float, Int, Param, Rejected, Spec
from nnviz.training import Divergence
from nnviz.ui import components
from nnviz.ui.sent import SENT, arrow_table, prepare
from nnviz.ui.session import lang, locale, narrow, option_label, ss, t, theme
from nnviz.ui.styles import PLAYER_PAGE_CSS

# Query keys the shell owns on every page (never reported as unknown settings): the language,
# Streamlit's own embedding switches, and the classroom ones (presenter mode, hidden controls).
GLOBAL_KEYS = ("lang", "embed", "embed_options", "presenter", "hide")
# Where a cached chart keeps its text alternative beside the spec (never sent as part of the spec).
ALT_KEY = "_nnviz_alt"


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


def page_url(slug: str, values: dict, spec: Spec) -> str:
    """A relative link to ``/slug`` with ``values`` (merged over defaults) and the current language."""
    merged = {**spec.defaults(), **values}
    return f"/{slug}?" + urlencode({"lang": lang(), **spec.to_query(merged)})


def table_height(rows: int, max_height: int = 400) -> int:
    """Pixels for an ``st.dataframe`` as tall as its ``rows`` (a 38 px header, 35 px a row), at most ``max_height``
    (then it scrolls)."""
    return min(max_height, 38 + 35 * rows)


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

    @property
    def narrow(self) -> bool:
        """The page's column is narrow (a phone): charts of several panels stack them (``narrow=`` of the
        chart builders)."""
        return narrow()

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
                shown = self._shown(r.name, self.spec[r.name].default)
                text += " " + (t("param.default", default=shown) if shown else t("param.default.empty"))
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

    def animate(self, name: str, hi: int, render: Callable[[int, Frames], None], frames: int = components.FRAMES,
                fps: float = components.FPS, unit: str = "step") -> None:
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
                components.player(data={"steps": [fr.steps[i] for i in order], "frames": order,
                              "index": order.index(fr.index), "param": FRAME, "fps": fps, "labels": labels,
                              "locale": locale() or "en"},
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

        def make() -> tuple[dict, dict[str, bytes]]:
            spec, arrow = prepare(chart() if callable(chart) else chart, self._frames, theme())
            # the text alternative depends on the same state: made once with the spec and cached with it
            return {**spec, ALT_KEY: alt() if callable(alt) else alt}, arrow

        cached, arrow = SENT.get((self._state_key(), name), make)
        spec = {k: v for k, v in cached.items() if k != ALT_KEY}
        # Streamlit applies alt as the view's description in the browser; kept out of the spec, so a new
        # sentence leaves the spec (and the browser's view) as it was.
        box.vega_lite_chart({**spec, "datasets": dict(arrow)}, width="stretch", alt=cached[ALT_KEY] or None)
        self.data(data, name, box)

    def table(self, make: Callable, name: str, container=None, max_height: int | None = None, **kwargs) -> None:
        """``st.dataframe`` of the table ``make()`` returns, built and converted once per page state and shared
        by every session (a cached rerun neither builds nor converts it). ``max_height``: the table as tall
        as its rows up to that many pixels (then it scrolls); ``kwargs`` go to ``st.dataframe``."""
        box = container if container is not None else st
        table = SENT.get((self._state_key(), f"table.{name}"), lambda: arrow_table(make()), size=lambda t: t.nbytes)
        if max_height is not None:
            kwargs["height"] = table_height(table.num_rows, max_height)
        box.dataframe(table, hide_index=True, **kwargs)

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
                st.dataframe(df, hide_index=True, height=table_height(len(df)))
                st.download_button(t("ui.download_csv"), functools.partial(df.to_csv, index=False),
                                   file_name=f"{self.slug}_{tname}.csv", mime="text/csv", on_click="ignore",
                                   key=f"csv.{self.slug}.{name}.{tname}")

    def _state_key(self) -> tuple:
        """What a page's view depends on: its settings, the language, the theme, the column's width class,
        presenter mode, the frames shown."""
        return (self._key, lang(), theme(), narrow(), self.presenter, self._frames,
                tuple(sorted((k, repr(v)) for k, v in self.values.items())))
