#!/usr/bin/env bash
# Set up nnviz on a fresh Debian/Ubuntu machine with Python 3.11+: a venv in .venv with the pinned
# requirements. With --dev, also the test tools, and Debian's chromium and a Korean font for the
# browser tests (installed with apt-get, as root or through sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv 2>/dev/null || { apt_install python3-venv; rm -rf .venv; "$python" -m venv .venv; }
fi

req=requirements.txt
[ "${1:-}" = "--dev" ] && req=requirements-dev.txt
# Reinstall only when the requirements changed (a stamp per requirements content).
stamp=".venv/.installed-$(cat requirements*.txt | sha1sum | cut -c1-12)-${req%.txt}"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -r "$req"
  touch "$stamp"
fi

if [ "${1:-}" = "--dev" ]; then
  need=()
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
  command -v haproxy >/dev/null 2>&1 || need+=(haproxy)                # scripts/serve.sh, tests/e2e/test_serve.py
  command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)  # Docker's own parser checks deploy/compose.yaml
  [ ${#need[@]} -eq 0 ] || apt_install "${need[@]}"
  # checkov pins packaging<24 and networkx 2.x, older than pytest and torch need: a venv of its own.
  if [ ! -x .venv-checkov/bin/checkov ]; then
    "$python" -m venv .venv-checkov
    .venv-checkov/bin/python -m pip install -q --disable-pip-version-check -r requirements-checkov.txt
  fi
fi
