"""/playground in Chromium: points added and removed by clicking, a shared link brings them back, the
player moves the decision regions, and a narrow Korean window works."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from nnviz import playground as pg

from .server import page_errors, settle, streamlit_server

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def server():
    with streamlit_server() as (base, _proc):
        yield base


def _points(page) -> str:
    return parse_qs(urlparse(page.url).query).get("points", [""])[0]


def test_clicks_add_and_remove_points_and_the_link_brings_them_back(browser, server):
    page = browser.new_page(viewport={"width": 1280, "height": 1800})
    page.goto(f"{server}/playground?lang=en&source=own&label=1", wait_until="domcontentloaded")
    settle(page)
    plane = page.locator('[data-testid="stVegaLiteChart"]').first
    box = plane.bounding_box()
    at = [(0.3, 0.3), (0.6, 0.5)]
    for n, (fx, fy) in enumerate(at, 1):
        page.mouse.click(box["x"] + box["width"] * fx, box["y"] + box["height"] * fy)
        page.wait_for_function(f"() => (new URLSearchParams(location.search).get('points') || '').length === {4 * n}",
                               timeout=30_000)
        settle(page)
    X, y = pg.decode(_points(page))
    assert y.tolist() == [1, 1] and X[0, 0] < X[1, 0] and X[0, 1] > X[1, 1]  # left-top, then right-lower
    link = page.url
    page.mouse.click(box["x"] + box["width"] * at[0][0], box["y"] + box["height"] * at[0][1])  # on the first point
    page.wait_for_function("() => (new URLSearchParams(location.search).get('points') || '').length === 4",
                           timeout=30_000)
    settle(page)
    assert pg.decode(_points(page))[0].tolist() == X[1:].tolist()
    assert page_errors(page) == []

    other = browser.new_page(viewport={"width": 1280, "height": 1800})
    other.goto(link, wait_until="domcontentloaded")
    settle(other)
    assert pg.decode(_points(other))[0].tolist() == X.tolist()
    assert "2 points" in other.inner_text("body")
    other.close()
    page.close()


def test_play_moves_the_decision_regions(browser, server):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server}/playground?lang=en&view=0", wait_until="domcontentloaded")
    settle(page)
    player = page.locator(".nnviz-player")
    player.evaluate("el => el.scrollIntoView({block: 'start'})")
    chart = player.locator("xpath=following::canvas[1]")
    before = chart.screenshot()
    player.get_by_role("button", name="Play").click()
    page.wait_for_timeout(1500)
    assert chart.screenshot() != before
    assert "view=0" in page.url
    player.get_by_role("button", name="Pause").click()
    page.wait_for_function("() => !/[?&]view=0(&|$)/.test(location.search)", timeout=30_000)
    settle(page)
    assert page_errors(page) == []
    page.close()


def test_narrow_korean_window_has_no_errors(browser, server):
    page = browser.new_page(viewport={"width": 390, "height": 900})
    page.goto(f"{server}/playground?lang=ko&compare=dropout", wait_until="domcontentloaded")
    settle(page)
    assert page_errors(page) == []
    assert "결정 영역" in page.inner_text("body")
    page.close()
