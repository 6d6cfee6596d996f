"""The app's two browser components: the training player and the document's own attributes (document.js)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

# The training player: about this many frames, shown this many a second (in the browser).
FRAMES = 60
FPS = 15
_ASSETS = Path(__file__).resolve().parent
player = st.components.v2.component(
    "nnviz_player",
    html='<div class="nnviz-player"><div class="nnviz-label"></div><div class="nnviz-row"><button type="button">'
         '</button><input type="range" min="0" step="1"><span class="nnviz-step"></span></div></div>',
    css=(_ASSETS / "player.css").read_text(encoding="utf-8"),
    js=(_ASSETS / "player.js").read_text(encoding="utf-8"),
    isolate_styles=False,  # in the page's own DOM: it takes Streamlit's font and colours
)

# The document's language follows the page's (Streamlit itself always writes "en"), and a chart wider than
# its column becomes a named Tab stop (document.js). Set on every run (a change of language reruns the page).
document = st.components.v2.component("nnviz_document", js=(_ASSETS / "document.js").read_text(encoding="utf-8"))
