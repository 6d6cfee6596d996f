"""Accessibility in the browser: the document's language, axe-core (WCAG 2.1 A/AA), phones, keyboard."""

from __future__ import annotations

import pytest

from nnviz.lessons import LESSONS

from .server import CHROMIUM, CHROMIUM_ARGS, settle, streamlit_server

pytestmark = pytest.mark.e2e
PATHS = ["", *[lesson.slug for lesson in LESSONS], "glossary"]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def server():
    with streamlit_server() as (base, proc):
        yield base


def _open(browser, url: str, width: int = 1280, scheme: str = "light"):
    ctx = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = ctx.new_page()
    page.goto(url)
    settle(page)
    return ctx, page


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_document_language_follows_the_page_and_switches_with_it(browser, server, lang):
    ctx, page = _open(browser, f"{server}/glossary?lang={lang}")
    try:
        page.wait_for_function(f"document.documentElement.lang === '{lang}'", timeout=10_000)
        other = "en" if lang == "ko" else "ko"
        # the other language's term beside each headword is marked as such
        assert page.locator(f'[data-testid="stMain"] span[lang="{other}"]').count() >= 30
        # choosing the other language in the sidebar relabels the document too
        page.locator('[data-testid="stSidebar"] button', has_text="English" if lang == "ko" else "한국어").click()
        page.wait_for_function(f"document.documentElement.lang === '{other}'", timeout=30_000)
    finally:
        ctx.close()


# Counts the script runs the page starts (the app's script state turning to "running").
COUNT_RUNS_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  window.__runs = 0;
  new MutationObserver(() => { if (app.dataset.testScriptState === 'running') window.__runs++; })
    .observe(app, { attributes: true, attributeFilter: ['data-test-script-state'] });
}"""


@pytest.mark.parametrize(("slug", "lang", "text"), [
    ("perceptron", "en", "step 0 of 1,000"), ("xor", "ko", "전체 5,000스텝 중 0스텝"),
    ("activations", "en", "epoch 0 of 100")])
def test_player_slider_says_the_step_and_keys_in_a_row_make_one_rerun(browser, server, slug, lang, text):
    ctx, page = _open(browser, f"{server}/{slug}?lang={lang}&view=0")
    try:
        slider = page.locator(".nnviz-player input[type=range]")
        assert slider.get_attribute("aria-valuetext") == text
        assert page.locator(".nnviz-player button[aria-pressed]").count() == 0  # its name alone says play/pause
        page.evaluate(COUNT_RUNS_JS)
        slider.focus()
        for _ in range(4):
            slider.press("ArrowRight")
            page.wait_for_timeout(80)
        page.wait_for_function("() => /[?&]view=[1-9]/.test(location.search)", timeout=30_000)
        settle(page)
        page.wait_for_timeout(1000)
        assert page.evaluate("window.__runs") == 1  # four keys, one rerun
        step = int(page.url.split("view=")[1].split("&")[0])
        shown = slider.get_attribute("aria-valuetext")
        assert f"{step:,}" in shown and shown != text
    finally:
        ctx.close()
