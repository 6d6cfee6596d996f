"""The glossary: every term in both languages, linked to an existing lesson, searchable in either."""

from conftest import assert_clean, open_page

from nnviz import glossary, i18n
from nnviz.lessons import BY_SLUG


def test_every_term_has_both_names_a_definition_and_a_lesson():
    for term, slug in glossary.TERMS.items():
        assert i18n.has(f"glossary.term.{term}") and i18n.has(f"glossary.def.{term}")
        assert slug in BY_SLUG


def test_search_finds_terms_in_either_language():
    assert [r["id"] for r in glossary.entries("en", "역전파")] == ["backprop"]
    assert "vanishing_gradient" in [r["id"] for r in glossary.entries("ko", "vanishing")]
    assert glossary.entries("en", "no such thing at all") == []
    assert len(glossary.entries("en")) == len(glossary.TERMS)


def test_glossary_page_lists_and_filters_terms():
    at = open_page("glossary", lang="ko")
    assert_clean(at)
    assert at.title[0].value == "용어집"
    assert f"용어 {len(glossary.TERMS)}개" in [c.value for c in at.caption]
    at.text_input(key="glossary.q").input("dropout").run()
    assert_clean(at)
    shown = " ".join(m.value for m in at.markdown)
    assert "드롭아웃" in shown and "퍼셉트론" not in shown
    at.text_input(key="glossary.q").input("<script>").run()
    assert "<script>" in at.info[0].value  # shown as text, matched nothing
