"""The string catalogue: every key in both languages, every key a page uses exists, every setting labelled."""

import re
import string
from pathlib import Path

import pytest

from nnviz import i18n
from conftest import page_spec

from nnviz.params import Choice
from nnviz.lessons import LESSONS as TOPICS

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "app.py", *(ROOT / "nnviz" / "ui").glob("*.py"), *sorted((ROOT / "pages").glob("*.py"))]
# t("key"), ui.t("key"), page.t(".key"): literal keys only (f-strings are checked by the pages' AppTests).
CALL = re.compile(r"""\b(?:ui\.|page\.|\b)t\(\s*(["'])([A-Za-z0-9_.]+)\1""")


@pytest.mark.parametrize("key", sorted(i18n.CATALOGUE))
def test_every_key_has_korean_and_english(key):
    texts = i18n.CATALOGUE[key]
    assert set(texts) == set(i18n.LANGS), f"{key}: {sorted(texts)}"
    assert all(isinstance(v, str) and v.strip() for v in texts.values()), key


# LaTeX strings are not format templates: their braces are TeX groups (translated \text{…} included).
TEMPLATES = sorted(k for k, v in i18n.CATALOGUE.items() if not any("\\" in text for text in v.values()))


@pytest.mark.parametrize("key", TEMPLATES)
def test_both_languages_take_the_same_placeholders(key):
    """Korean particle fields ({을}, {가} …) are not placeholders: i18n fills them itself."""
    texts = i18n.CATALOGUE[key]
    try:
        fields = {lang: {f for _, f, _, _ in string.Formatter().parse(text) if f and f not in i18n.PARTICLE_FIELDS}
                  for lang, text in texts.items()}
    except ValueError:  # not a template (LaTeX braces): then it must be language-neutral
        assert texts["en"] == texts["ko"], key
        return
    assert fields["en"] == fields["ko"], f"{key}: {fields}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_every_literal_key_used_by_a_page_exists(path):
    slug = path.stem
    missing = []
    for _, key in CALL.findall(path.read_text()):
        if key.startswith(".") and path.parent.name == "ui":
            continue  # the shell's ".intro" is each page's own (its AppTest renders it)
        full = f"{slug}{key}" if key.startswith(".") else key
        if not i18n.has(full):
            missing.append(full)
    assert not missing, f"{path.name} uses keys not in the catalogue: {missing}"


def test_every_topic_has_title_question_and_intro():
    for topic in TOPICS:
        assert i18n.has(topic.title_key) and i18n.has(topic.question_key)


@pytest.mark.parametrize("slug", [t.slug for t in TOPICS])
def test_every_setting_and_choice_has_a_label(slug):
    spec = page_spec(slug)
    if spec is None:
        pytest.skip(f"/{slug} has no settings yet")
    missing = [f"{slug}.{p.name}" for p in spec if p.name != "seed" and not i18n.has(f"{slug}.{p.name}")]
    missing += [f"opt.{o}" for p in spec if isinstance(p, Choice) for o in p.options if not i18n.has(f"opt.{o}")]
    assert not missing, missing


def test_unknown_key_raises():
    with pytest.raises(KeyError):
        i18n.t("no.such.key", "en")


def test_browser_locale_picks_language():
    assert i18n.lang_from_locale("ko-KR") == "ko"
    assert i18n.lang_from_locale("en-US") == "en"
    assert i18n.lang_from_locale(None) == "en"
