"""String tables for nnviz.i18n: one module per concern, each a ``STRINGS`` dict."""
