"""The Korean term list: one Korean term per concept, the spellings learners meet in Korean tutorials,
and the ones our Korean strings must not use (tests/test_korean.py; docs/korean-terms.md is rendered
from this table by ``python -m nnviz.strings.terms``). The glossary search also matches every
``variants`` spelling of a term that names a glossary entry.

Terms follow the tutorials the app accompanies (/work/shared/tutorials): 학습, 에포크, 파라미터, 특성.
기울기 is the gradient only; the slope f′(z) of an activation is 미분값 and the function f′ is 도함수.
"""

from __future__ import annotations

from dataclasses import dataclass

# A Korean gloss in parentheses after the term, "과적합(오버피팅)", is allowed: it is how a text tells a
# learner that the tutorial's word means the same thing. Patterns below skip "(" before a variant.
_NOT_GLOSS = r"(?<!\()"


@dataclass(frozen=True)
class Term:
    concept: str  # the English term
    ko: str  # the one Korean term our strings use
    variants: tuple[str, ...] = ()  # other spellings learners meet (glossary search aliases)
    banned: tuple[str, ...] = ()  # regular expressions no Korean string may match
    glossary: str | None = None  # the glossary entry it names, if any
    note: str = ""


TERMS: tuple[Term, ...] = (
    Term("gradient", "기울기", ("그래디언트", "그라디언트", "그랜디언트", "경사", "gradient"),
         (_NOT_GLOSS + "그래디언트", "그라디언트", "경사도", r"경사(?! ?하강)"), "gradient",
         "∂L/∂w only; never the slope f′ of an activation"),
    Term("slope f′(z) of an activation", "미분값", ("기울기", "도함수 값", "slope"),
         (r"기울기 ?\(?[fσφ]′", r"[fσφ]′\(?z?\)?의 기울기"), None,
         "the number f′(z); the function f′ itself is 도함수"),
    Term("derivative (the function f′)", "도함수", ("미분", "derivative")),
    Term("gradient descent", "경사 하강법", ("경사하강법", "그래디언트 디센트", "gradient descent"),
         ("경사하강법",), "gradient_descent"),
    Term("vanishing gradient", "기울기 소실", ("그래디언트 소실", "그래디언트 소실 문제", "기울기 소멸", "경사 소실",
                                            "vanishing gradient"),
         ("기울기 소멸", "경사 소실"), "vanishing_gradient"),
    Term("exploding gradient", "기울기 폭발", ("그래디언트 폭발", "경사 폭발", "exploding gradient"),
         ("경사 폭발",), "exploding_gradient"),
    Term("activation function", "활성화 함수", ("활성함수", "활성 함수", "activation function"),
         (r"활성 ?함수",), "activation"),
    Term("loss function", "손실 함수", ("손실함수", "비용 함수", "loss function"), ("손실함수",), "loss"),
    Term("overfitting", "과적합", ("오버피팅", "과대적합", "overfitting"), (_NOT_GLOSS + "오버피팅", "과대적합"),
         "overfitting"),
    Term("dropout", "드롭아웃", ("드랍아웃", "드롭 아웃", "dropout"), ("드랍아웃", "드롭 아웃"), "dropout"),
    Term("chain rule", "연쇄 법칙", ("체인룰", "체인 룰", "연쇄법칙", "chain rule"), (r"체인 ?룰", "연쇄법칙"),
         "chain_rule"),
    Term("backpropagation", "역전파", ("오차 역전파", "백프로퍼게이션", "back-propagation", "backprop"),
         ("백프로퍼게이션",), "backprop"),
    Term("epoch", "에포크", ("에폭", "에포치", "epoch"), ("에폭", "에포치"), "epoch"),
    Term("training (to train)", "학습", ("훈련", "트레이닝", "training"), ("훈련", "트레이닝")),
    Term("training mode (model.train())", "학습 모드", ("훈련 모드", "train 모드", "training mode"), (),
         "eval_mode"),
    Term("evaluation mode (model.eval())", "평가 모드", ("eval 모드", "추론 모드", "evaluation mode"), (),
         "eval_mode"),
    Term("parameter", "파라미터", ("매개변수", "parameter"), ("매개변수",)),
    Term("weight", "가중치", ("웨이트", "weight"), ("웨이트",), "weight"),
    Term("bias", "편향", ("바이어스", "bias"), ("바이어스",), "bias"),
    Term("learning rate", "학습률", ("러닝 레이트", "학습 속도", "learning rate"), ("러닝 레이트",), "learning_rate"),
    Term("local minimum", "지역 최솟값", ("국소 최솟값", "로컬 미니멈", "지역 최소점", "local minimum"),
         (r"국소 최[솟소]", "로컬 미니멈"), "local_minimum"),
    Term("plateau", "평탄 구간", ("플래토", "정체 구간", "plateau"), ("플래토",), "local_minimum"),
    Term("noise", "노이즈", ("잡음", "noise"), ("잡음",)),
    Term("feature", "특성", ("특징", "피처", "feature"), ("특징", "피처")),
    Term("gain (torch.nn.init)", "이득", ("gain", "게인"), (r"(?<![_A-Za-z`])gain(?![_A-Za-z(`])", "게인"), None,
         "calculate_gain stays as code"),
    Term("hidden layer", "은닉층", ("은닉 층", "히든 레이어", "hidden layer"), ("은닉 층", "히든 레이어"), "hidden_layer"),
    Term("neuron", "뉴런", ("노드", "neuron"), (), "neuron", "a single neuron; the neurons of a layer are 유닛"),
    Term("unit (of a layer)", "유닛", ("뉴런", "노드", "unit"), ("죽음",), "neuron", "a dead unit is 죽은 유닛"),
    Term("saturation", "포화", ("새추레이션", "saturation"), ("새추레이션",), "saturation"),
    Term("initialization", "초기화", ("이니셜라이제이션", "initialization"), ("이니셜라이제이션",), "initialization"),
    Term("symmetry breaking", "대칭 깨기", ("대칭성 깨짐", "symmetry breaking"), ("균형을 깨",), "symmetry"),
    Term("optimizer", "옵티마이저", ("최적화기", "최적화 알고리즘", "optimizer"), ("최적화기",)),
    Term("mini-batch", "미니배치", ("미니 배치", "mini-batch"), ("미니 배치",)),
    Term("expected value", "기댓값", ("기대값", "expected value"), ("기대값",)),
    Term("minimum / maximum", "최솟값 / 최댓값", ("최소값", "최대값"), ("최소값", "최대값")),
    Term("step (one update)", "스텝", ("단계", "걸음", "step"), ("걸음",), None,
         "단계 is a stage of the backprop walkthrough; the step number N is “N번째 스텝”"),
    Term("section (of a page)", "절", ("구역", "부", "section"), (r"\d+번 구역", r"\d부(?=[에의와는*])")),
    Term("row (of a table)", "행", ("줄", "row"), (r"(?:한|두|세|네) 줄", "줄짜리")),
    Term("perceptron", "퍼셉트론", ("perceptron",), (), "perceptron"),
    Term("multilayer perceptron (MLP)", "다층 퍼셉트론", ("심층신경망", "MLP"), (), "mlp"),
    Term("decision boundary", "결정 경계", ("결정경계", "decision boundary"), ("결정경계",), "decision_boundary"),
    Term("linearly separable", "선형 분리 가능", ("선형분리", "linearly separable"), (), "linearly_separable"),
    Term("binary cross-entropy", "이진 교차 엔트로피", ("바이너리 크로스 엔트로피", "BCE"), ("바이너리 크로스",), "bce"),
    Term("computational graph", "계산 그래프", ("연산 그래프", "computational graph"), (), "computational_graph"),
    Term("automatic differentiation", "자동 미분", ("autograd", "오토그래드"), ("오토그래드",), "autograd"),
    Term("inverted dropout", "역 드롭아웃", ("inverted dropout",), (), "inverted_dropout"),
    Term("dead ReLU", "죽은 ReLU", ("dying ReLU", "죽은 뉴런"), (), "dead_relu"),
)


def aliases(glossary_id: str) -> tuple[str, ...]:
    """Every spelling (term and variants) of the terms that name this glossary entry."""
    return tuple(s for t in TERMS if t.glossary == glossary_id for s in (t.ko, *t.variants))


def markdown() -> str:
    """docs/korean-terms.md: the table above, for people."""
    rows = ["# Korean terms", "",
            "One Korean term per concept, used on every page. Generated from `nnviz/strings/terms.py` by",
            "`python -m nnviz.strings.terms > docs/korean-terms.md`; `tests/test_korean.py` fails when a Korean",
            "string uses a ruled-out spelling, and the glossary search finds every listed variant.", "",
            "| concept | Korean term | variants learners meet | ruled out (pattern) | note |",
            "|---|---|---|---|---|"]
    for t in TERMS:
        banned = ", ".join("`" + b.replace("|", r"\|") + "`" for b in t.banned)
        rows.append(f"| {t.concept} | **{t.ko}** | {', '.join(t.variants)} | {banned} | {t.note} |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(markdown(), end="")
