#!/usr/bin/env bash
# Refresh the README's screenshots from the browser tests' own (screenshots/top/*_en.png).
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python -m pytest -q tests/e2e/test_browser.py -k "renders_without_error"
mkdir -p docs/screenshots
cp screenshots/top/*_en.png docs/screenshots/
