#!/usr/bin/env bash
# Set up (first time only) and run every test: unit, AppTest and headless-Chromium end to end.
# Extra arguments go to pytest (e.g. `-m "not e2e"` for the fast layers only).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --dev
exec .venv/bin/python -m pytest "$@"
