"""The CSS the shell adds to pages: presenter mode, Korean line breaking, contrast, the player's page."""

from __future__ import annotations

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

# On a page with a player: the Vega inputs it drives stay hidden, and what it does not animate (tables,
# text; see Page.still) fades while it plays, to say "this is the step where you stopped".
PLAYER_PAGE_CSS = ("<style>.vega-bindings { display: none !important; } "
                   "body.nnviz-playing [class*='st-key-still-'] { opacity: 0.35; transition: opacity 0.2s; }</style>")
