"""Start `streamlit run app.py` on a free port and drive headless Chromium against it."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
# Flags for a closed network: no background connections that would be refused anyway.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# The page's script run is over: connected, not running, nothing still loading.
FINISHED_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return !!app && app.dataset.testConnectionState === 'CONNECTED'
    && ['notRunning', 'compilationError'].includes(app.dataset.testScriptState)
    && !document.querySelector('[data-testid="stStatusWidget"], [data-testid="stSkeleton"]');
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(extra_args: tuple[str, ...] = ()):
    """A fresh server on 127.0.0.1; yields its base URL and the process, and always stops it."""
    port = free_port()
    # The server's log goes to a file: a pipe nobody reads fills up and blocks the server's next write.
    log = tempfile.TemporaryFile("w+")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", *extra_args],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    args = list(extra_args)
    prefix = args[args.index("--server.baseUrlPath") + 1].strip("/") + "/" if "--server.baseUrlPath" in args else ""
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            if proc.poll() is not None:
                log.seek(0)
                raise RuntimeError(f"streamlit exited: {log.read()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{base}/{prefix}_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.25)
        else:
            raise RuntimeError("streamlit did not become healthy in 60 s")
        yield base, proc
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def settle(page, timeout_s: float = 90) -> None:
    """Wait until the script run is over, twice (charts may trigger one more run)."""
    page.wait_for_function(FINISHED_JS, timeout=timeout_s * 1000, polling=100)
    page.wait_for_timeout(400)
    page.wait_for_function(FINISHED_JS, timeout=timeout_s * 1000, polling=100)


def page_errors(page) -> list[str]:
    """Signs of a broken app on the page: exception boxes, tracebacks, 'Page not found'."""
    found = [e.inner_text()[:300] for e in page.query_selector_all('[data-testid="stException"]')]
    body = page.inner_text("body")
    for sign in ("Traceback (most recent call last)", "Page not found", "StreamlitAPIException"):
        if sign in body:
            found.append(sign)
    return found


def full_screenshot(page, path: Path) -> None:
    """A screenshot of the whole page: stMain scrolls inside itself, so grow the viewport first."""
    size = page.viewport_size
    height = page.evaluate("Math.max(...[...document.querySelectorAll("
                           "'[data-testid=stMain], [data-testid=stSidebar]')].map(e => e.scrollHeight))")
    page.set_viewport_size({"width": size["width"], "height": min(max(size["height"], height), 15000)})
    page.wait_for_timeout(300)
    path.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(size)
