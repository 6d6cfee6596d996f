"""The shell around every page: page config, sidebar, the language switch, the styles; set up once per server."""

from __future__ import annotations

import gc
import threading

import streamlit as st
import torch

import nnviz
from nnviz import i18n
from nnviz.lessons import BY_SLUG, PAGES
from nnviz.params import Spec
from nnviz.ui import components
from nnviz.ui.page import Page
from nnviz.ui.session import DOCUMENT_KEY, lang, narrow, on_lang_change, option_label, ss, sync_lang_from_url, t
from nnviz.ui.styles import A11Y_CSS, KOREAN_CSS, PRESENTER_CSS

# The server runs each session's script in its own thread on 2 cores. Our tensors are small, and
# intra-op threads fighting over the cores made them up to 10× slower (measured): one thread each.
torch.set_num_threads(1)


def _warm_up() -> None:
    # torch.optim imports torch._dynamo on the first optimizer.step() (1.5–3.7 s, measured) and the
    # first scikit-learn data set costs ~1.4 s of imports: the first visitor of a training page would
    # wait for both. Import them now, off the page's thread.
    import sklearn.datasets  # noqa: F401
    import torch._dynamo  # noqa: F401

    # The first forward-mode derivative (/xor's diagnosis) loads and scripts torch's JVP decompositions:
    # ~0.3 s the first unseen seed would wait for (py-spy).
    torch.func.jacfwd(torch.sin)(torch.zeros(1))

    # Python's full collections scan every live object; the ~420,000 of these imports took 0.1 s of the
    # one core all sessions share each time (py-spy). They live as long as the server: moved out of the
    # collector's reach, a collection scans only what the sessions made since (collected first, so no
    # garbage is frozen with them). Streamlit's own collection after every run is off (.streamlit/config.toml).
    gc.collect()
    gc.freeze()


threading.Thread(target=_warm_up, name="nnviz-warm-up", daemon=True).start()


def page(slug: str | None, spec: Spec | None = None) -> Page:
    """Open a page: page config, sidebar, language, and the settings read from the URL.

    ``spec``: the page's settings, by default those of its lesson record (:mod:`nnviz.lessons`).
    """
    lesson = BY_SLUG.get(slug) if slug else None
    sync_lang_from_url()
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
            on_change=on_lang_change,
        )
        with st.expander(t("app.about")):
            st.markdown(t("app.about.body", version=nnviz.__version__, torch=torch.__version__.split("+")[0]))
        components.document(data={"lang": lang(), "wide": t("ui.chart.wide"), "narrow": narrow()}, key=DOCUMENT_KEY,
                            height=0, on_narrow_change=lambda: None)
