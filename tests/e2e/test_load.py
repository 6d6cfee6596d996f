"""Ten sessions at once, different settings on every page: no errors, no state leaking, memory bounded."""

from __future__ import annotations

import pytest
from conftest import page_spec

from nnviz import perceptron as P
from nnviz.i18n import t
from nnviz.lessons import LESSONS as TOPICS

from .server import CHROMIUM, CHROMIUM_ARGS, page_errors, settle, streamlit_server

pytestmark = [pytest.mark.e2e, pytest.mark.load]
SESSIONS = 10


def _rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:")) / 1024


def test_ten_concurrent_sessions_each_see_their_own_settings():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw, streamlit_server() as (base, proc):
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        warm = browser.new_page()  # load torch and every page once, so the memory baseline is fair
        for topic in TOPICS:
            warm.goto(f"{base}/{topic.slug}?lang=en", wait_until="domcontentloaded")
            settle(warm, timeout_s=300)
        warm.close()
        before = _rss_mb(proc.pid)

        sessions = []
        for i in range(SESSIONS):
            slug = TOPICS[i % len(TOPICS)].slug
            seed = 1000 + 7 * i
            ctx = browser.new_context()
            page = ctx.new_page()
            page.goto(f"{base}/{slug}?lang=en&seed={seed}", wait_until="commit")  # all start before any ends
            sessions.append((ctx, page, slug, seed))
        for ctx, page, slug, seed in sessions:
            settle(page, timeout_s=300)
            assert page_errors(page) == [], (slug, seed)
            if page_spec(slug) is None:  # a lesson not built yet has no settings
                continue
            assert f"seed={seed}" in page.url, (slug, page.url)
            assert page.get_by_label(t("param.seed", "en"), exact=True).input_value() == str(seed), (slug, seed)
            if slug == "perceptron":
                expected = P.train("and", steps=1000, lr=1.0, seed=seed).final_loss
                shown = page.locator('[data-testid="stMetricValue"]').first.inner_text()
                assert shown == f"{expected:.4f}", (seed, shown)
        peak = _rss_mb(proc.pid)
        for ctx, *_ in sessions:
            ctx.close()
        browser.close()
    print(f"\nload: {SESSIONS} sessions, RSS {before:.0f} MB → {peak:.0f} MB")
    assert peak - before < 30 * SESSIONS, f"{(peak - before) / SESSIONS:.1f} MB per session"
