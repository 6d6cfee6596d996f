"""Until its lesson lands, the page says it comes next."""

from nnviz import ui

ui.coming_next("init")
