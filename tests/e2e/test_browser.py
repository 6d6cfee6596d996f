"""End to end: every page in headless Chromium against a real server, both languages, deep links."""

from __future__ import annotations

import pytest

from nnviz.i18n import t
from nnviz.lessons import LESSONS as TOPICS

from .server import SHOTS, full_screenshot, page_errors, settle, streamlit_server

pytestmark = pytest.mark.e2e
PATHS = ["", *[topic.slug for topic in TOPICS], "glossary"]


@pytest.fixture(scope="module")
def server():
    with streamlit_server() as (base, proc):
        yield base


def _sidebar_links(page) -> list[str]:
    # The text after the icon: Material icons render their name as a ligature.
    return [a.inner_text().strip().split("\n")[-1] for a in page.query_selector_all('[data-testid="stSidebar"] a')]


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("path", PATHS, ids=lambda p: p or "home")
def test_page_renders_without_error(browser, server, path, lang):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ko-KR" if lang == "ko" else "en-US")
    page = ctx.new_page()
    try:
        page.goto(f"{server}/{path}?lang={lang}", wait_until="domcontentloaded")
        settle(page)
        assert page_errors(page) == []
        title = t(f"{path}.title", lang) if path else t("app.title", lang)
        assert page.locator("h1").first.inner_text().strip() == title
        assert t("perceptron.title", lang) in _sidebar_links(page)
        (SHOTS / "top").mkdir(parents=True, exist_ok=True)  # the first screenful: README's pictures
        page.screenshot(path=str(SHOTS / "top" / f"{path or 'home'}_{lang}.png"))
        full_screenshot(page, SHOTS / f"{path or 'home'}_{lang}.png")
    finally:
        ctx.close()


def test_browser_locale_chooses_the_language(browser, server):
    ctx = browser.new_context(locale="ko-KR")
    page = ctx.new_page()
    try:
        page.goto(f"{server}/perceptron", wait_until="domcontentloaded")
        settle(page)
        assert page.locator("h1").first.inner_text().strip() == t("perceptron.title", "ko")
        assert "lang=ko" in page.url
    finally:
        ctx.close()


def test_narrow_window_and_bad_parameter(browser, server):
    ctx = browser.new_context(viewport={"width": 400, "height": 900})
    page = ctx.new_page()
    try:
        page.goto(f"{server}/perceptron?lang=en&lr=abc&gate=xor", wait_until="domcontentloaded")
        settle(page)
        assert page_errors(page) == []
        warning = page.locator('[data-testid="stAlertContentWarning"]').first.inner_text()
        assert "lr=abc" in warning
        assert "lr=1" in page.url and "gate=xor" in page.url  # the URL now holds what is shown
        full_screenshot(page, SHOTS / "perceptron_narrow_bad_param.png")
    finally:
        ctx.close()


def _snapshot(browser, url: str) -> dict:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    try:
        page.goto(url, wait_until="domcontentloaded")
        settle(page)
        return {"title": page.title(), "h1": page.locator("h1").first.inner_text().strip(),
                "sidebar": _sidebar_links(page), "errors": page_errors(page)}
    finally:
        ctx.close()


@pytest.mark.parametrize("slug", ["perceptron", "xor"])
def test_deep_link_as_first_request_matches_after_home(browser, slug):
    """A fresh server's very first request is a deep link: same page, sidebar and title as after home."""
    with streamlit_server() as (base, _):
        first = _snapshot(browser, f"{base}/{slug}?lang=en")
        _snapshot(browser, f"{base}/?lang=en")
        again = _snapshot(browser, f"{base}/{slug}?lang=en")
    assert first["errors"] == []
    assert first == again
    assert first["h1"] == t(f"{slug}.title", "en")
    assert first["title"].startswith(t(f"{slug}.title", "en"))


def test_app_works_behind_a_base_url_path(browser):
    """Served under /nnviz (--server.baseUrlPath), as behind a reverse proxy: pages and links work."""
    with streamlit_server(("--server.baseUrlPath", "nnviz")) as (base, _):
        snap = _snapshot(browser, f"{base}/nnviz/perceptron?lang=en")
    assert snap["errors"] == []
    assert snap["h1"] == t("perceptron.title", "en")
    assert t("xor.title", "en") in snap["sidebar"]


@pytest.mark.parametrize("slug", ["xor", "dropout"])
def test_presenter_mode_enlarges_text_in_the_browser(browser, server, slug):
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    page = ctx.new_page()
    try:
        page.goto(f"{server}/{slug}?lang=ko&presenter=1", wait_until="domcontentloaded")
        settle(page)
        assert page_errors(page) == []
        assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "22px"
        assert page.locator('[data-testid="stExpander"] summary', has_text=t("ui.settings", "ko")).count() >= 1
        full_screenshot(page, SHOTS / f"{slug}_presenter_ko.png")
    finally:
        ctx.close()


@pytest.mark.parametrize("slug", ["perceptron", "xor", "activations"])
def test_player_animates_in_the_browser_and_the_page_catches_up_on_pause(browser, server, slug):
    """Play moves the charts without the server; pausing writes the step to the URL and redraws the rest."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server}/{slug}?lang=en&view=0", wait_until="domcontentloaded")
    settle(page)
    player = page.locator(".nnviz-player")
    player.evaluate("el => el.scrollIntoView({block: 'start'})")
    chart = player.locator("xpath=following::canvas[1]")  # the first chart the player drives
    before = chart.screenshot()
    assert player.get_attribute("data-frame") == "0"
    assert not page.locator(".vega-bindings").first.is_visible()  # the inputs the player drives stay hidden

    player.get_by_role("button", name="Play").click()
    page.wait_for_timeout(1200)
    assert page.evaluate("document.body.classList.contains('nnviz-playing')")
    assert int(player.get_attribute("data-frame")) >= 5  # about 15 frames a second
    assert chart.screenshot() != before  # the chart itself moved
    assert "view=0" in page.url  # no trip to the server while playing

    player.get_by_role("button", name="Pause").click()
    page.wait_for_function("() => !/[?&]view=0(&|$)/.test(location.search)", timeout=30_000)
    settle(page)
    step = page.url.split("view=")[1].split("&")[0]
    assert int(step) > 0
    label = player.locator(".nnviz-step").inner_text()
    assert label.split(" / ")[0].replace(",", "") == step
    assert not page.evaluate("document.body.classList.contains('nnviz-playing')")
    assert page_errors(page) == []
    page.close()


def test_player_keeps_playing_through_a_change_of_settings(browser, server):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server}/perceptron?lang=en&view=0", wait_until="domcontentloaded")
    settle(page)
    player = page.locator(".nnviz-player")
    player.get_by_role("button", name="Play").click()
    page.wait_for_timeout(600)
    page.get_by_text("OR", exact=True).first.click()  # another gate while it plays: a rerun
    page.wait_for_function("() => /[?&]gate=or/.test(location.search)", timeout=30_000)
    page.wait_for_function("() => /[?&]view=[1-9]/.test(location.search)", timeout=30_000)  # it went on to the end
    settle(page)
    last = player.locator(".nnviz-step").inner_text().split(" / ")
    assert last[0] == last[1]
    assert player.get_by_role("button").inner_text().strip().endswith("Play")
    assert page_errors(page) == []
    page.close()
