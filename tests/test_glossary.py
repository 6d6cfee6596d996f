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
    shown = " ".join([m.value for m in at.markdown] + [h.proto.body for h in at.get("html")])  # headwords: html
    assert "드롭아웃" in shown and "퍼셉트론" not in shown
    at.text_input(key="glossary.q").input("<script>").run()
    assert "<script>" in at.info[0].value  # shown as text, matched nothing


def test_search_finds_the_spellings_learners_type_from_tutorials():
    """Aliases come from the term list (strings/terms.py); spaces and case do not matter."""
    for query, term in [("그래디언트 소실", "vanishing_gradient"), ("활성함수", "activation"), ("오버피팅", "overfitting"),
                        ("드랍아웃", "dropout"), ("체인룰", "chain_rule"), ("경사하강법", "gradient_descent"),
                        ("손실함수", "loss"), ("에폭", "epoch"), ("훈련 모드", "eval_mode"), ("훈련모드", "eval_mode"),
                        ("연쇄법칙", "chain_rule"), ("ZERO GRAD", "zero_grad"), ("역 전파", "backprop")]:
        ids = [r["id"] for r in glossary.entries("ko", query)]
        assert ids and ids[0] == term, (query, ids)


def test_entries_named_by_the_query_come_before_mentions_in_definitions():
    ids = [r["id"] for r in glossary.entries("ko", "기울기")]
    assert ids[:3] == ["gradient", "vanishing_gradient", "exploding_gradient"] and "backprop" in ids[3:]
