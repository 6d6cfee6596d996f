"""A real server in headless Chromium: start-up to first page, memory per page and session, animation rate."""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.e2e.server import CHROMIUM, CHROMIUM_ARGS, settle, streamlit_server  # noqa: E402

from nnviz.lessons import LESSONS as TOPICS  # noqa: E402


ANIMATED = ("perceptron", "xor", "activations")
# Frames the player shows in 3 s: its frame attribute read at every animation frame of the browser.
COUNT_FRAMES_JS = """() => new Promise(done => {
  const el = document.querySelector('.nnviz-player');
  let last = el.dataset.frame, moves = 0;
  const t0 = performance.now();
  const tick = () => {
    if (el.dataset.frame !== last) { moves++; last = el.dataset.frame; }
    if (performance.now() - t0 < 3000) requestAnimationFrame(tick); else done(moves);
  };
  requestAnimationFrame(tick);
})"""


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (the server runs as one process)."""
    with open(f"/proc/{pid}/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:")) / 1024


def run(extra_sessions: int = 5) -> dict:
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        t0 = time.perf_counter()
        with streamlit_server() as (base, proc):
            page = browser.new_page()
            page.goto(f"{base}/?lang=en", wait_until="domcontentloaded")
            settle(page)
            out["server_start_to_first_page_s"] = time.perf_counter() - t0
            for topic in TOPICS:
                page.goto(f"{base}/{topic.slug}?lang=en", wait_until="domcontentloaded")
                settle(page, timeout_s=300)
            out["rss_after_every_page_mb"] = rss_mb(proc.pid)

            # Animation: press Play and count the frames the player shows in the browser for 3 s.
            for slug in ANIMATED:
                page.goto(f"{base}/{slug}?lang=en&view=0", wait_until="domcontentloaded")
                settle(page, timeout_s=300)
                player = page.locator(".nnviz-player")
                player.evaluate("el => el.scrollIntoView({block: 'start'})")  # charts on screen, as a learner sees
                player.get_by_role("button").click()
                page.wait_for_timeout(300)
                out[f"animation_fps_{slug}"] = page.evaluate(COUNT_FRAMES_JS) / 3

            before = rss_mb(proc.pid)
            contexts = []
            for i in range(extra_sessions):
                ctx = browser.new_context()
                p = ctx.new_page()
                p.goto(f"{base}/perceptron?lang=en&seed={100 + i}", wait_until="domcontentloaded")
                contexts.append((ctx, p))
            for _, p in contexts:
                settle(p, timeout_s=300)
            out["rss_per_extra_session_mb"] = (rss_mb(proc.pid) - before) / extra_sessions
            for ctx, _ in contexts:
                ctx.close()
        browser.close()
    return out
