"""nnviz.lessons: the registry the shell, code export and tests read agrees with the pages on disk."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, assert_clean, open_page

from nnviz import codegen, i18n
from nnviz.lessons import BY_SLUG, GLOSSARY, HOME, LESSONS, PAGES, Lesson
from nnviz.params import Spec


def test_every_page_file_has_a_record_and_every_record_a_page():
    on_disk = {p.stem for p in (ROOT / "pages").glob("*.py")}
    assert on_disk == {lesson.slug for lesson in PAGES}
    assert all((ROOT / lesson.path).is_file() for lesson in PAGES)
    assert GLOSSARY in PAGES and GLOSSARY not in HOME and HOME == LESSONS


def test_each_page_opens_with_its_own_slug_and_no_settings_table_of_its_own():
    """The page passes only its slug: its settings come from the record, so nothing can disagree."""
    for lesson in PAGES:
        src = (ROOT / lesson.path).read_text()
        calls = re.findall(r"ui\.page\(([^)]*)\)", src)
        assert calls and calls[0].split(",")[0].strip() == f'"{lesson.slug}"', (lesson.slug, calls)


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.slug)
def test_a_lesson_has_settings_modules_a_script_and_strings_in_both_languages(lesson: Lesson):
    assert isinstance(lesson.settings, Spec) and lesson.settings.names()
    assert lesson.modules and all(m.__name__.startswith("nnviz.") for m in lesson.modules)
    assert any(getattr(m, "SETTINGS", None) is lesson.settings for m in lesson.modules)
    for lang in i18n.LANGS:
        assert i18n.has(lesson.title_key) and i18n.t(lesson.title_key, lang)
        assert i18n.has(lesson.question_key) and i18n.t(lesson.question_key, lang)
    src = codegen.script(lesson.slug, lesson.settings.defaults(), "en")
    assert src == lesson.script(lesson.settings.defaults(), "en")
    compile(src, f"<{lesson.slug}>", "exec")


def test_a_page_without_a_script_is_refused_by_name():
    assert GLOSSARY.script is None and i18n.has(GLOSSARY.title_key)
    with pytest.raises(ValueError, match="glossary"):
        codegen.script("glossary", {}, "en")


def test_the_sidebar_links_every_page_from_the_registry():
    at = open_page("xor", n_seeds="10", steps="200")
    assert_clean(at)
    links = [e.proto.page for e in at.sidebar.get("page_link")]
    assert links[1:] == [lesson.slug for lesson in PAGES]  # after Home
    assert BY_SLUG["xor"].settings.names() == list(at.session_state["_values.xor"])
