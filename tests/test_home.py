"""The home page: one card per lesson, links carry the language, the catalogue drives the text."""

from conftest import assert_clean, open_page

from nnviz.lessons import LESSONS as TOPICS


def test_home_lists_every_lesson_in_english_and_korean():
    for lang, title in (("en", "Perceptron limits"), ("ko", "퍼셉트론의 한계")):
        at = open_page(None, lang=lang)
        assert_clean(at)
        subheaders = [s.value for s in at.subheader]
        assert title in subheaders
        assert len(subheaders) == len(TOPICS)


def test_unknown_language_falls_back_to_english():
    at = open_page(None, lang="xx")
    assert_clean(at)
    assert "Perceptron limits" in [s.value for s in at.subheader]
