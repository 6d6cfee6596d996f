"""Accessibility in the browser: the document's language, axe-core (WCAG 2.1 A/AA), phones, keyboard."""

from __future__ import annotations

import pytest

from nnviz.lessons import LESSONS

from .server import settle, streamlit_server

pytestmark = pytest.mark.e2e
PATHS = ["", *[lesson.slug for lesson in LESSONS], "glossary"]


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


# axe-core's WCAG 2.1 A/AA rules. Violations Streamlit owns and a page cannot override are listed here by
# rule and element (a CSS fragment of axe's target), each with why; anything else fails.
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
STREAMLIT_OWNED: dict[str, tuple[str, ...]] = {}


def _violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    found = []
    for v in result.response["violations"]:
        for node in v["nodes"]:
            target = " ".join(map(str, node["target"]))
            if not any(part in target for part in STREAMLIT_OWNED.get(v["id"], ())):
                found.append(f'{v["id"]}: {target[-160:]} ({node.get("failureSummary", "")[:160]})')
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("path", PATHS, ids=lambda p: p or "home")
def test_axe_finds_no_violation_of_ours(browser, server, path, lang, scheme):
    ctx, page = _open(browser, f"{server}/{path}?lang={lang}", scheme=scheme)
    try:
        page.wait_for_function(f"document.documentElement.lang === '{lang}'", timeout=10_000)
        assert _violations(page) == []
    finally:
        ctx.close()


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p or "home")
def test_no_page_scrolls_sideways_on_a_phone(browser, server, path):
    ctx, page = _open(browser, f"{server}/{path}?lang=ko", width=390)
    try:
        page.wait_for_timeout(500)  # charts size themselves to their container after the run
        widths = page.evaluate("""() => [document.documentElement, document.querySelector('[data-testid=stMain]')]
            .map(e => [e.scrollWidth, e.clientWidth])""")
        for scroll, client in widths:
            assert scroll <= client, widths
    finally:
        ctx.close()


# Charts wider than their column (index, width, column width): none, on a phone and on a desktop.
WIDE_CHARTS_JS = """() => [...document.querySelectorAll('[data-testid=stVegaLiteChart]')]
  .map((c, i) => [i, c.scrollWidth, c.clientWidth]).filter(([, scroll, client]) => scroll > client + 1)"""


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", [lesson.slug for lesson in LESSONS])
def test_charts_of_several_panels_reflow_to_fit_their_column(browser, server, path, width):
    ctx, page = _open(browser, f"{server}/{path}?lang=en", width=width)
    try:
        page.wait_for_timeout(1000)  # the browser reports a narrow column, the page reruns with stacked panels
        settle(page)
        assert page.evaluate(WIDE_CHARTS_JS) == []
    finally:
        ctx.close()


# Everything a keyboard reaches with Tab, in order (the browser's order: the DOM's, as we set no tabindex > 0).
FOCUSABLE_JS = """() => [...document.querySelectorAll(
  'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
  .filter(e => !e.disabled && e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')"""


@pytest.mark.parametrize("path", ["perceptron", "xor", "dropout"])
def test_the_data_behind_a_chart_is_the_next_tab_stop(browser, server, path):
    ctx, page = _open(browser, f"{server}/{path}?lang=en")
    try:
        # for every chart, the first Tab stop after it is its Data expander
        nexts = page.evaluate(f"""() => {{ const all = ({FOCUSABLE_JS})();
            return [...document.querySelectorAll('[data-testid=stVegaLiteChart]')].map(chart => {{
              const next = all.find(e => chart.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING
                                         && !chart.contains(e));
              return next ? next.tagName + ' ' + next.innerText.trim().split('\\n').pop() : null; }}); }}""")
        assert nexts and all(n == "SUMMARY Data" for n in nexts), nexts
        # and Tab from the stop before the first one lands on it
        before = page.evaluate_handle(f"""() => {{ const all = ({FOCUSABLE_JS})();
            const chart = document.querySelector('[data-testid=stVegaLiteChart]');
            const i = all.findIndex(e => chart.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING);
            return all[i - 1]; }}""")
        before.as_element().focus()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.tagName + ' ' + document.activeElement.innerText.trim()"
                             ).endswith("Data")
        page.keyboard.press("Enter")  # and it opens, with its table inside
        page.wait_for_selector('[data-testid="stExpanderDetails"] [data-testid="stDataFrame"]', timeout=30_000)
    finally:
        ctx.close()


@pytest.mark.parametrize(("lang", "text"), [("en", "Loss falls from 0.7 to 0.0061 by step 5,000."),
                                            ("ko", "손실이 5,000스텝까지 0.7에서 0.0061로 줄어듭니다.")])
def test_a_chart_is_named_by_its_message_and_its_marks_stay_out_of_the_way(browser, server, lang, text):
    ctx, page = _open(browser, f"{server}/xor?lang={lang}")
    try:
        named = page.locator(f'[data-testid="stVegaLiteChart"] [aria-label="{text}"], '
                             f'[data-testid="stVegaLiteChart"][aria-label="{text}"]')
        named.first.wait_for(state="attached", timeout=30_000)
        # no chart exposes its marks one by one (Vega's default: a role and a label for each)
        assert page.locator('[data-testid="stVegaLiteChart"] [role="graphics-symbol"]').count() == 0
    finally:
        ctx.close()
