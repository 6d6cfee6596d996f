"""nnviz home: the six lessons, each with the question it answers."""

import streamlit as st

from nnviz import ui
from nnviz.topics import TOPICS

page = ui.page(None)
st.title(ui.t("app.title"), anchor=False)
st.markdown(ui.t("app.tagline"))

for row in range(0, len(TOPICS), 3):
    cols = st.columns(3)
    for col, topic in zip(cols, TOPICS[row : row + 3]):
        with col.container(border=True, height="stretch"):
            st.subheader(ui.t(topic.title_key), anchor=False)
            st.markdown(ui.t(topic.question_key))
            st.page_link(topic.path, label=ui.t("app.open"), icon=topic.icon, query_params={"lang": ui.lang()})

with st.expander(ui.t("app.how.title"), expanded=True, icon=":material/help:"):
    st.markdown(ui.t("app.how.body"))
