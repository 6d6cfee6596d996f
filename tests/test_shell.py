"""The shell every page shares: language switch, presenter mode, hidden controls, links."""

from conftest import assert_clean, open_page

from nnviz.ui import PRESENTER_CSS


def test_language_switch_rewrites_page_and_url():
    at = open_page("perceptron", lang="en")
    assert at.title[0].value == "Perceptron limits"
    at.sidebar.button_group[0].set_value("ko").run()
    assert_clean(at)
    assert at.title[0].value == "퍼셉트론의 한계"
    assert at.query_params["lang"] == "ko"


def test_presenter_mode_enlarges_text_and_collapses_settings():
    at = open_page("perceptron", presenter="1")
    assert_clean(at)
    assert PRESENTER_CSS in [h.proto.body for h in at.get("html")]
    assert "Settings" in [e.label for e in at.expander]
    assert at.query_params["presenter"] == "1"  # kept in the URL for the next visitor
    normal = open_page("perceptron")
    assert PRESENTER_CSS not in [h.proto.body for h in normal.get("html")]
    assert "Settings" not in [e.label for e in normal.expander]


def test_hide_removes_named_controls_but_keeps_their_values():
    at = open_page("perceptron", hide="lr,steps", lr="10")
    assert_clean(at)
    assert not [s for s in at.select_slider if s.key == "perceptron.lr"]
    assert not [s for s in at.slider if s.key == "perceptron.steps"]
    assert at.query_params["lr"] == "10"
    assert [r for r in at.radio if r.key == "perceptron.loss"]  # others stay


def test_hide_with_unknown_name_warns():
    at = open_page("perceptron", hide="lr,nope")
    warnings = " ".join(w.value for w in at.warning)
    assert "`hide=nope`" in warnings
