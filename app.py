"""nnviz home: the six lessons, each with the question it answers."""

import streamlit as st

from nnviz import ui
from nnviz.lessons import HOME

page = ui.page(None)
st.title(ui.t("app.title"), anchor=False)
st.markdown(ui.t("app.tagline"))

for row in range(0, len(HOME), 3):
    cols = st.columns(3)
    for col, lesson in zip(cols, HOME[row : row + 3]):
        with col.container(border=True, height="stretch"):
            st.subheader(ui.t(lesson.title_key), anchor=False)
            st.markdown(ui.t(lesson.question_key))
            st.page_link(lesson.path, label=ui.t("app.open"), icon=lesson.icon, query_params={"lang": ui.lang()})

with st.expander(ui.t("app.how.title"), expanded=True, icon=":material/help:"):
    st.markdown(ui.t("app.how.body"))
