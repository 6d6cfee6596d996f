"""Korean/English strings: one catalogue, merged from ``nnviz/strings/*.py``, looked up by key.

Each strings module holds ``STRINGS = {key: {"en": ..., "ko": ...}}`` for one concern (the shell,
one topic each). A key lives in exactly one module; every key has both languages (tests enforce it).

Korean particles after a filled-in value. A Korean template never types a particle right after a
placeholder, because 을/를, 이/가, 은/는, 과/와 and 으로/로 depend on the final sound of the value.
It writes the particle as a field instead, e.g. ``"{value}{을} 씁니다"``, ``"**{name}**{은}"``.
Either form of the pair works as the field name ({을} = {를}). ``t`` fills the template, then picks
each particle by how the text before it reads aloud in Korean (``final_sound``): 1 → 일, 2 → 이,
5,000 → 오천, 0.5 → 영 점 오, x1 → 엑스원, nan → 난, ReLU → 렐루, 95% → 퍼센트. Closing quotes,
backticks, ``**`` and a parenthesis group are skipped: "Adam(학습률 0.1){로}" reads "Adam" → 으로.
A particle field also works after plain text or inline code (``"`eval()`{을}"``).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import unicodedata

import nnviz.strings as _pkg

LANGS = ("ko", "en")
DEFAULT_LANG = "en"


def _load() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(_pkg.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{_pkg.__name__}.{info.name}")
        for key, texts in getattr(module, "STRINGS", {}).items():  # terms.py holds the term list, no strings
            if key in merged:
                raise KeyError(f"i18n key {key!r} defined twice (again in strings/{info.name}.py)")
            merged[key] = texts
    return merged


CATALOGUE = _load()


def t(key: str, lang: str, **fmt: object) -> str:
    """The text for ``key`` in ``lang``, formatted with ``fmt``; a missing key raises KeyError."""
    return _fill(CATALOGUE[key][lang if lang in LANGS else DEFAULT_LANG], fmt)


def _fill(text: str, fmt: dict) -> str:
    """Format a template, then choose its Korean particles for the text they follow."""
    if fmt:
        text = text.format(**fmt, **_MARKS)
    elif "\\" not in text:  # LaTeX strings are never templates: leave their braces alone
        text = _FIELD.sub(lambda m: _MARKS[m.group(1)], text)
    if _MARK_CHAR not in text:
        return text
    out = ""
    for i, piece in enumerate(re.split(f"{_MARK_CHAR}(\\d+){_MARK_CHAR}", text)):
        out += particle(out, PAIRS[int(piece)]) if i % 2 else piece  # odd pieces: the markers
    return out


# A browser may break a line after a closing bracket or quote even with keep-all ("model.eval()" |
# "을"); a word joiner keeps the particle on its word's line.
_CLOSER_THEN_HANGUL = re.compile(r"(?:(?<=[)\]”’\"'])|(?<=[)\]”’\"']`))(?=[가-힣])")


def glue(text: str) -> str:
    """Korean text for the screen: no line break between a closing ) ] ” ’ (or inline code ending in one)
    and the particle after it."""
    return _CLOSER_THEN_HANGUL.sub("\u2060", text)


def has(key: str) -> bool:
    return key in CATALOGUE


def lang_from_locale(locale: str | None) -> str:
    """'ko-KR' → 'ko'; anything not Korean → English."""
    return "ko" if (locale or "").lower().startswith("ko") else DEFAULT_LANG


def option_label(option: str, lang: str) -> str:
    """Display name of a choice value (an activation, a gate …): key ``opt.<option>``."""
    return t(f"opt.{option}", lang)


# --- Korean particles -----------------------------------------------------------------------------
# (after a final consonant, after a vowel); 으로/로 also takes 로 after ㄹ.
PAIRS = (("을", "를"), ("이", "가"), ("은", "는"), ("과", "와"), ("으로", "로"))
PARTICLE_FIELDS = {form: i for i, pair in enumerate(PAIRS) for form in pair}
_MARK_CHAR = "\x00"
_MARKS = {form: f"{_MARK_CHAR}{i}{_MARK_CHAR}" for form, i in PARTICLE_FIELDS.items()}
_FIELD = re.compile("\\{(" + "|".join(PARTICLE_FIELDS) + ")\\}")

# How a digit reads: alone / in a number (Korean), and right after a Latin letter (English: x1 → 엑스원).
_DIGIT_KO = "영일이삼사오육칠팔구"
_DIGIT_EN = ("제로", "원", "투", "쓰리", "포", "파이브", "식스", "세븐", "에이트", "나인")
# A number ending in zeros ends in a unit word: 10 → 십, 100 → 백, 1,000 → 천, 10,000 → 만, 10⁸ → 억.
_TENS = ("", "십", "백", "천")
_MYRIADS = ("", "만", "억", "조", "경")
_LETTER = dict(zip("abcdefghijklmnopqrstuvwxyz", (
    "에이", "비", "시", "디", "이", "에프", "지", "에이치", "아이", "제이", "케이", "엘", "엠", "엔", "오", "피", "큐",
    "알", "에스", "티", "유", "브이", "더블유", "엑스", "와이", "제트")))
# Words and names the app fills in, as a Korean reader says them.
WORDS = {
    "relu": "렐루", "leakyrelu": "리키렐루", "elu": "엘루", "gelu": "겔루", "silu": "실루", "swish": "스위시",
    "sigmoid": "시그모이드", "tanh": "탠에이치", "softplus": "소프트플러스", "linear": "리니어", "none": "논",
    "nan": "난", "inf": "인프", "adam": "아담", "sgd": "에스지디", "xavier": "자비에", "glorot": "글로로",
    "he": "히", "kaiming": "카이밍", "torch": "토치", "pytorch": "파이토치", "python": "파이썬",
    "and": "앤드", "or": "오어", "nand": "낸드", "xor": "엑스오어", "not": "낫", "true": "트루", "false": "폴스",
    "dropout": "드롭아웃", "eval": "이발", "train": "트레인", "grad": "그래드", "backward": "백워드",
    "step": "스텝", "in": "인", "out": "아웃", "fan": "팬", "weight": "웨이트", "bias": "바이어스",
    "autograd": "오토그래드", "sequential": "시퀀셜", "module": "모듈", "mean": "민", "std": "에스티디",
    "loss": "로스", "ms": "밀리초", "px": "픽셀", "normal": "노멀", "uniform": "유니폼", "orthogonal": "오소고널",
    "zeros": "제로스", "constant": "콘스턴트", "default": "디폴트", "gain": "게인", "seed": "시드",
}
_SYMBOL = {"%": "퍼센트", "°": "도", "×": "배", "²": "제곱", "³": "세제곱", "′": "프라임", "∞": "무한대",
           "σ": "시그마", "η": "에타", "α": "알파", "λ": "람다", "θ": "세타", "π": "파이", "μ": "뮤", "φ": "파이",
           "ε": "엡실론", "δ": "델타", "∂": "델", "√": "루트", "ʹ": "프라임"}
_SKIP = " \t\n*_`'\"”’」』.,;:!?"
_NUMBER = re.compile(r"(\d[\d,]*)(?:\.(\d+))?(?:[eE][-+−]?(\d+))?$")
_SUBSCRIPT = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
_POWERS = "⁰¹⁴⁵⁶⁷⁸⁹"  # ² and ³ alone read 제곱 / 세제곱 (in _SYMBOL); other superscripts are powers


def _read_number(digits: str, frac: str | None) -> str:
    """The last syllables of a number read in Korean (enough to know its final sound)."""
    if frac:
        return _DIGIT_KO[int(frac[-1])]
    n = int(digits.replace(",", "") or 0)
    if n == 0:
        return "영"
    zeros = len(str(n)) - len(str(n).rstrip("0"))
    if zeros == 0:
        return _DIGIT_KO[n % 10]
    return _MYRIADS[min(zeros // 4, 4)] if zeros >= 4 else _TENS[zeros]  # 200,000 = 이십만


def read_aloud(text: str) -> tuple[str, bool]:
    """How the end of ``text`` reads in Korean (the last word or number, in Hangul), and whether
    that reading is certain (False: an unknown Latin word, read by its last letters)."""
    end = text.rstrip(_SKIP)[-1:]
    if end and end in _POWERS:
        return "승", True  # 10³⁸: 십의 삼십팔 승
    s = text.translate(_SUBSCRIPT)
    s = s.rstrip(_SKIP)
    while s.endswith((")", "]")):  # the particle follows the word a parenthesis is attached to
        opener = "(" if s.endswith(")") else "["
        depth, i = 0, len(s) - 1
        while i >= 0:
            depth += {")": 1, "]": 1, "(": -1, "[": -1}.get(s[i], 0) if s[i] in "()[]" else 0
            if depth == 0:
                break
            i -= 1
        inner, before = s[i + 1:-1], s[:max(i, 0)]
        attached = before[-1:].strip(_SKIP) and s[i:i + 1] == opener  # "Adam(…)", not "… (0, 1)"
        s = before if attached else inner.rstrip(_SKIP)
    if not s:
        return "", False
    last = s[-1]
    if not "가" <= last <= "힣":  # ŷ → y, ﬁ → i: the letter under a mark
        last = unicodedata.normalize("NFKD", last)[:1] or last
        s = s[:-1] + last
    if "가" <= last <= "힣":
        return last, True
    if last in _SYMBOL:
        return _SYMBOL[last], True
    number = _NUMBER.search(s)
    if number:
        start = number.start()
        if start and s[start - 1].isascii() and s[start - 1].isalpha() and number.group(0).isdigit() and len(
                number.group(0)) == 1:
            return _DIGIT_EN[int(number.group(0))], True  # x1, w2: an identifier, read in English
        if number.group(3):
            return _DIGIT_KO[int(number.group(3)[-1])], True  # 1e-05: … 마이너스 오
        return _read_number(number.group(1), number.group(2)), True
    word = re.search(r"[A-Za-z]+$", s)
    if word:
        w = word.group(0)
        if w.lower() in WORDS:
            return WORDS[w.lower()], True
        if len(w) == 1 or (w.isupper() and len(w) <= 5):  # a letter or an acronym: spelled out
            return _LETTER[w[-1].lower()], True
        return _guess(w.lower()), False
    return last, False


def _guess(word: str) -> str:
    """A likely Korean reading of an unknown English word's ending (only its final sound matters)."""
    for ending, sound in (("ng", "잉"), ("m", "엄"), ("n", "언"), ("l", "얼"), ("ck", "억"), ("k", "억"),
                          ("p", "업"), ("t", "엇")):
        if word.endswith(ending):
            return sound
    return "어"


def final_sound(text: str) -> str:
    """'' (ends in a vowel), 'ㄹ' or 'C' (another final consonant), for the text read aloud."""
    syllable, _ = read_aloud(text)
    if not syllable or not "가" <= syllable[-1] <= "힣":
        return ""
    jong = (ord(syllable[-1]) - 0xAC00) % 28
    return "" if jong == 0 else "ㄹ" if jong == 8 else "C"


def particle(before: str, pair: tuple[str, str]) -> str:
    """The form of ``pair`` (after consonant, after vowel) that follows ``before``."""
    sound = final_sound(before)
    if pair == ("으로", "로"):
        return "로" if sound in ("", "ㄹ") else "으로"
    return pair[0] if sound else pair[1]
