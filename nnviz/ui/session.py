"""The session's language and theme, and text in that language."""

from __future__ import annotations

import html

import streamlit as st

from nnviz import i18n

ss = st.session_state
DOCUMENT_KEY = "nnviz-document"  # the document component (document.js): it reports whether the column is narrow


def lang() -> str:
    """The session's language: ``?lang=`` if valid, else the last choice, else the browser's locale."""
    if "lang" not in ss:
        ss["lang"] = i18n.lang_from_locale(locale())
    return ss["lang"]


def locale() -> str | None:
    """The browser's locale ("ko-KR"), or None where there is no browser."""
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


def narrow() -> bool:
    """Whether the page's column is narrow (a phone, a small window), as the browser last reported it;
    False until it has (AppTest, the first run of a session)."""
    state = ss.get(DOCUMENT_KEY)
    return bool(state.get("narrow")) if state is not None else False


def t(key: str, **fmt) -> str:
    """The text for ``key`` in the session's language."""
    code = lang()
    text = i18n.t(key, code, **fmt)
    return i18n.glue(text) if code == "ko" else text


def option_label(option: str) -> str:
    return i18n.option_label(option, lang())


def sync_lang_from_url() -> None:
    raw = st.query_params.get_all("lang")
    if raw and raw[-1] in i18n.LANGS:
        ss["lang"] = raw[-1]
    elif "lang" not in ss:
        lang()


def on_lang_change() -> None:
    ss["lang"] = ss["_lang_choice"]
    st.query_params["lang"] = ss["lang"]


def in_lang(text: str, code: str) -> str:
    """``text`` as HTML marked as written in language ``code`` (a Korean term in English text)."""
    return f'<span lang="{code}">{html.escape(text)}</span>'
