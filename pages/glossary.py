"""The bilingual glossary: every term with a link to the lesson that shows it."""

import streamlit as st

from nnviz import glossary, ui
from nnviz.lessons import BY_SLUG

page = ui.page("glossary")
st.title(ui.t("glossary.title"), anchor=False)
st.markdown(ui.t("glossary.intro"))
query = st.text_input(ui.t("glossary.search"), max_chars=40, key="glossary.q")
rows = glossary.entries(ui.lang(), query)
if not rows:
    st.info(ui.t("glossary.none", q=query))
st.caption(ui.t("glossary.count", n=len(rows)))
for row in rows:
    with st.container(border=True):
        c1, c2 = st.columns([2, 3])
        other = "en" if ui.lang() == "ko" else "ko"
        c1.html(f"<strong>{ui.in_lang(row[ui.lang()], ui.lang())}</strong><br>{ui.in_lang(row[other], other)}")
        c2.markdown(row["definition"])
        topic = BY_SLUG[row["slug"]]
        c2.page_link(topic.path, label=ui.t(topic.title_key), icon=topic.icon, query_params={"lang": ui.lang()})
