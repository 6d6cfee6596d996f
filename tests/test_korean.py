"""Korean that reads as Korean: one term per concept (the term list), particles that agree with the value
they follow, no English words in Korean text or formulas, and line breaks between words."""

from __future__ import annotations

import re
import string

import pytest
from conftest import ROOT, assert_clean, open_page
from test_robustness import _extreme

from nnviz import glossary, i18n
from nnviz.strings import terms
from nnviz.lessons import LESSONS

KO = {key: texts["ko"] for key, texts in i18n.CATALOGUE.items()}
PARTICLE = "으로|로|을|를|이|가|은|는|과|와"
PAIR_OF = {form: pair for pair in i18n.PAIRS for form in pair}
# A typed particle right after a value: closing marks, then the particle, then no more Hangul ("{x}이고",
# "{n}개가" are fine: a copula and a counter word).
TYPED = re.compile(rf"^([*`”’\"')\]]*)({PARTICLE})(?![가-힣])")


# --- reading aloud and choosing the particle ----------------------------------------------------
@pytest.mark.parametrize("text, reading", [
    ("1", "일"), ("2", "이"), ("3", "삼"), ("6", "육"), ("0", "영"), ("0.5", "오"), ("0.500", "영"),
    ("10", "십"), ("100", "백"), ("5,000", "천"), ("10,000", "만"), ("200,000", "만"), ("100000000", "억"),
    ("1e-05", "오"), ("x1", "원"), ("x₂", "투"), ("w7", "세븐"), ("nan", "난"), ("inf", "인프"), ("ReLU", "렐루"),
    ("Adam", "아담"), ("Adam(학습률 0.001)", "아담"), ("95%", "퍼센트"), ("“빠뜨리기”", "기"), ("**XOR**", "엑스오어"),
    ("(1, 0)", "영"), ("σ", "시그마"), ("3.4·10³⁸", "승"), ("ŷ", "와이"), ("H", "에이치"), ("MSE", "이"),
    ("`nn.Dropout(0.5)`", "드롭아웃"), ("He (Kaiming) 정규", "규"), ("10⁻⁸", "승"),
])
def test_values_read_aloud_as_a_korean_reader_says_them(text, reading):
    assert i18n.read_aloud(text) == (reading, True)


@pytest.mark.parametrize("template, value, shown", [
    ("{v}{을}", "1", "1을"), ("{v}{을}", "2", "2를"), ("{v}{를}", "x1", "x1을"), ("{v}{가}", "nan", "nan이"),
    ("{v}{가}", "0.5", "0.5가"), ("{v}{이}", "10", "10이"), ("{v}{은}", "ReLU", "ReLU는"), ("{v}{는}", "3", "3은"),
    ("{v}{와}", "He (Kaiming) 정규", "He (Kaiming) 정규와"), ("{v}{과}", "PyTorch 기본값", "PyTorch 기본값과"),
    ("{v}{로}", "1", "1로"), ("{v}{로}", "3", "3으로"), ("{v}{으로}", "2", "2로"), ("{v}{로}", "0.500, 0.500", "0.500, 0.500으로"),
    ("{v}(학습률 0.001){로}", "Adam", "Adam(학습률 0.001)으로"), ("{v}(학습률 0.1){로}", "SGD", "SGD(학습률 0.1)로"),
    ("**{v}**{은}", "PyTorch 기본값", "**PyTorch 기본값**은"), ("“{v}”{을}", "zero_grad() 빠뜨리기", "“zero_grad() 빠뜨리기”를"),
    ("{v:.1%}{가}", 0.25, "25.0%가"), ("{v:,}{을}", 5000, "5,000을"),
])
def test_particle_fields_pick_the_form_for_the_value(template, value, shown):
    assert i18n._fill(template, {"v": value}) == shown


def test_text_that_cannot_be_read_aloud_says_so():
    for text in ("", "**", ")", "🙂", "layer"):
        assert i18n.read_aloud(text)[1] is False, text


def test_particle_fields_work_without_values_and_leave_latex_alone():
    assert i18n._fill("`model.eval()`{을} 잊음", {}) == "`model.eval()`을 잊음"
    assert i18n._fill(r"\text{은}", {}) == r"\text{은}"


def _particle_problems(template: str, fmt: dict) -> list[str]:
    """Every particle after a filled-in value in ``template`` rendered with ``fmt``: a typed one that
    disagrees with the value, a particle field after text that cannot be read aloud, a 을(를) fallback."""
    problems, shown, prev = [], "", None
    if fmt:
        pieces = string.Formatter().parse(template)
    else:  # not formatted (it may hold literal braces): only its particle fields are filled
        split = re.split(rf"\{{({PARTICLE})\}}", template) + [None]
        pieces = [(split[i], split[i + 1], "", None) for i in range(0, len(split) - 1, 2)]
    for literal, field, spec, conv in pieces:
        typed = TYPED.match(literal)
        if prev is not None and typed:
            right = i18n.particle(shown + typed.group(1), PAIR_OF[typed.group(2)])
            if right != typed.group(2):
                problems.append(f"{shown[-25:] + typed.group(0)!r} should be {right}")
        shown += literal
        prev = field if field not in i18n.PARTICLE_FIELDS else None
        if field is None:
            continue
        if field in i18n.PARTICLE_FIELDS:
            if not i18n.read_aloud(shown)[1]:
                problems.append(f"cannot read {shown[-25:]!r} aloud for {{{field}}}")
            shown += i18n.particle(shown, PAIR_OF[field])
        else:
            shown += ("{" + field + (f"!{conv}" if conv else "") + (f":{spec}" if spec else "") + "}").format(**fmt)
    problems += [f"fallback {m!r}" for m in re.findall(rf"\((?:{PARTICLE}|으)\)", shown)]
    return problems


def test_no_particle_is_typed_right_after_a_placeholder():
    """A particle after a placeholder is a field ({을}) chosen for the value, or the text is rephrased."""
    after = re.compile(rf"\{{(?!(?:{PARTICLE})\}})[^{{}}]*\}}[*`”’\"']*({PARTICLE})(?![가-힣])")
    typed = {key: after.findall(text) for key, text in KO.items() if "\\" not in text}
    assert not {k: v for k, v in typed.items() if v}


RUNS = [(slug, "default") for slug in (None, *(t.slug for t in LESSONS), "glossary")] + \
    [(t.slug, end) for t in LESSONS for end in ("lo", "hi")]


@pytest.mark.parametrize("slug, end", RUNS, ids=[f"{s or 'home'}-{e}" for s, e in RUNS])
def test_particles_agree_with_the_values_each_page_shows(slug, end, monkeypatch):
    """Every Korean string a page renders, at its defaults and with every setting at a bound."""
    fill, rendered = i18n._fill, []
    monkeypatch.setattr(i18n, "_fill", lambda text, fmt: rendered.append((text, dict(fmt))) or fill(text, fmt))
    at = open_page(slug, timeout=180, lang="ko", **({} if end == "default" else _extreme(slug, end)))
    assert_clean(at)
    korean = set(KO.values())
    seen = [(text, fmt) for text, fmt in rendered if text in korean]
    assert len(seen) > 5, "the page renders Korean strings"
    problems = {text[:40]: p for text, fmt in seen if (p := _particle_problems(text, fmt))}
    assert not problems


# --- the term list ------------------------------------------------------------------------------
def test_term_list_is_consistent():
    for term in terms.TERMS:
        assert not any(re.search(b, term.ko) for b in term.banned), term
        assert term.glossary is None or term.glossary in glossary.TERMS, term
    concepts = [t.concept for t in terms.TERMS]
    assert len(concepts) == len(set(concepts))


@pytest.mark.parametrize("term", [t for t in terms.TERMS if t.banned], ids=lambda t: t.concept)
def test_korean_strings_use_the_listed_term_not_a_ruled_out_variant(term):
    found = {key: m.group(0) for key, text in KO.items() for b in term.banned if (m := re.search(b, text))}
    assert not found, f"use {term.ko!r}: {found}"


def test_slope_of_an_activation_is_never_called_gradient():
    """기울기 is the gradient; where the English speaks of an activation's slope, Korean says 미분값/도함수."""
    for key, texts in i18n.CATALOGUE.items():
        if re.search(r"\bslopes?\b", texts["en"]) and "gradient norm" not in texts["en"]:
            assert "미분값" in texts["ko"] or "도함수" in texts["ko"], key


def test_docs_term_table_is_generated_from_the_list():
    assert (ROOT / "docs" / "korean-terms.md").read_text(encoding="utf-8") == terms.markdown(), \
        "run: python -m nnviz.strings.terms > docs/korean-terms.md"


# --- English inside Korean ----------------------------------------------------------------------
# Names, code identifiers, units and maths words a Korean text may keep in Latin letters.
ALLOWED = set("""
PyTorch torch nnviz Python CSV URL NaN nan inf autograd scikit-learn TensorFlow float32 float64 MNIST
Xavier Glorot He Kaiming Bengio Rosenblatt Srivastava Poole Wilson Bernoulli
ReLU LeakyReLU ELU GELU SiLU Softplus softplus swish tanh Adam SGD MLP BCE MSE RBM
AND OR NAND NOR XOR XNOR NOT Linear Sequential Sigmoid Dropout Module
std rms max min log ln exp Var lr ms px in out
width depth
""".split())  # last line: variables of the exported script, named in its comments
# Code: dotted or underscored names, calls, keyword arguments, file paths, CamelCase class names.
IDENT = re.compile(r"[\w/]+\.py\b|\.?[A-Za-z_]\w*(?:\.\w+)+(?:\(\))?|\.\w+|[A-Za-z_]\w*\(|\w+=|\b[A-Za-z]\w*_\w*"
                   r"|\b[A-Z][a-z]+[A-Z]\w*")
# An English term in parentheses right after its Korean word is a gloss for the learner: 끌(drop) 확률.
GLOSS = re.compile(r"(?<=[가-힣]) ?\([A-Za-z][A-Za-z -]*\)")


def _english_words(text: str) -> list[str]:
    if "\\" in text:  # LaTeX: only what \text{…} writes is prose
        text = " ".join(re.findall(r"\\(?:text|mathrm|operatorname)\{([^{}]*)\}", text))
    text = re.sub(r"`[^`]*`|\$[^$]*\$|\{[^{}]*\}|https?://\S+", " ", text)
    text = IDENT.sub(" ", GLOSS.sub(" ", text))
    words = re.findall(r"(?<![\w-])[A-Za-z][A-Za-z'’-]*[A-Za-z][A-Za-z0-9]*", text)  # not 1e-4, 1-H-1, p00
    return [w for w in words if w not in ALLOWED]


def test_korean_text_and_formulas_have_no_english_words():
    """Code identifiers, units and names stay; any other English word in a Korean string is a defect."""
    found = {key: words for key, text in KO.items() if (words := _english_words(text)) and text != i18n.CATALOGUE[key]["en"]}
    assert not found


def test_the_english_word_check_catches_english():
    assert _english_words(r"a \quad\text{but we need } b") == ["but", "we", "need"]
    assert _english_words("`nn.Dropout(0.5)` 뒤에 model.eval()과 ReLU, 10 ms") == []
    assert _english_words("기본 beta 값") == ["beta"]
    assert _english_words("끌(drop) 확률, `.grad`, float32, AccumulateGrad, lr=1") == []


# --- line breaks -------------------------------------------------------------------------------
def test_korean_pages_break_lines_between_words_only():
    ko, en = open_page("glossary", lang="ko"), open_page("glossary", lang="en")
    assert_clean(ko)
    css = " ".join(h.proto.body for h in ko.html)
    assert "word-break: keep-all" in css
    assert not any("keep-all" in h.proto.body for h in en.html)


def test_bold_text_closes_before_the_particle_after_it():
    """Markdown does not close ** after punctuation when a letter follows ("**왜 그럴까?**에는" shows
    the stars): such a string must move the particle or the stars."""
    stuck = re.compile(r"[^\w\s*}]\*\*(?=[^\W\d_])")
    found = {}
    for key, text in KO.items():
        marks = [m.start() for m in re.finditer(r"\*\*", text)]
        closers = marks[1::2]  # every second ** closes
        found.update({key: text[max(0, i - 15):i + 4] for i in closers if stuck.match(text, i - 1)})
    assert not found


def test_english_strings_have_no_korean():
    """A shared value (one text for both languages) must not take a Korean edit into the English page."""
    found = [key for key, texts in i18n.CATALOGUE.items() if re.search("[가-힣]", texts["en"]) and key != "opt.ko"]
    assert not found


# Where a Korean paragraph wraps in the browser: the two characters around every line break.
_BREAKS_JS = """() => {
  const out = [];
  const main = '[data-testid="stMain"] [data-testid="stMarkdownContainer"] p';
  for (const p of [...document.querySelectorAll(main)].slice(0, 40)) {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let prev = null, prevTop = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.length; i++) {
        const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
        const rect = r.getBoundingClientRect(), ch = node.data[i];
        if (/\s/.test(ch)) { prev = ' '; continue; }  // a space at a line end has no width
        if (!rect.width) continue;
        if (prev !== null && rect.top > prevTop + 4) out.push(prev + ch);
        prev = ch; prevTop = rect.top;
      }
    }
  }
  return out;
}"""


@pytest.mark.e2e
@pytest.mark.parametrize("path", ["", "dropout", "glossary"], ids=lambda p: p or "home")
def test_korean_lines_break_between_words_in_the_browser(path):
    """At phone width no Korean word is split across two lines ("역|전파")."""
    from e2e.server import CHROMIUM, CHROMIUM_ARGS, settle, streamlit_server
    from playwright.sync_api import sync_playwright

    with streamlit_server() as (base, _), sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 390, "height": 2000})
        page.goto(f"{base}/{path}?lang=ko")
        settle(page)
        breaks = page.evaluate(_BREAKS_JS)
        browser.close()
    assert len(breaks) > 10, "the paragraphs wrap at this width"
    inside_a_word = [b for b in breaks if re.fullmatch("[가-힣][가-힣]", b)]
    assert not inside_a_word
