"""Strings of the perceptron page (/perceptron)."""

_LATEX_XOR = (
    r"\begin{aligned}"
    r"(0,0)\mapsto 0:&\quad b < 0 \\"
    r"(0,1)\mapsto 1:&\quad w_2 + b \ge 0 \\"
    r"(1,0)\mapsto 1:&\quad w_1 + b \ge 0 \\"
    r"(1,1)\mapsto 0:&\quad w_1 + w_2 + b < 0"
    r"\end{aligned}"
)
_LATEX_SUM = r"(w_1 + b) + (w_2 + b) \ge 0 \;\Rightarrow\; w_1 + w_2 + b \ge -b > 0 \quad\text{but we need } w_1 + w_2 + b < 0"
_LATEX_SUM_KO = _LATEX_SUM.replace(r"\text{but we need }", r"\text{그런데 필요한 조건은 }")
_LATEX_BCE = r"L(p) = -\tfrac14\big[\log(1-p_{00}) + \log p_{01} + \log p_{10} + \log(1-p_{11})\big] \;\ge\; \ln 2"
_LATEX_UNIT = r"z = w_1 x_1 + w_2 x_2 + b,\qquad p = \sigma(z) = \frac{1}{1 + e^{-z}}"


def _same(text: str) -> dict[str, str]:
    return {"en": text, "ko": text}


STRINGS = {
    "perceptron.title": {"en": "Perceptron limits", "ko": "퍼셉트론의 한계"},
    "perceptron.question": {
        "en": "Which logic gates can a single neuron learn — and why never XOR?",
        "ko": "뉴런 하나로 어떤 논리 게이트를 배울 수 있을까? 그리고 왜 XOR은 절대 못 배울까?",
    },
    "perceptron.intro": {
        "en": "One neuron — `nn.Linear(2, 1)` followed by a sigmoid — learns a logic gate from its four-row "
        "truth table. It can only draw **one straight line** through the input plane. Watch the line find "
        "AND, OR and NAND, and watch it fail on XOR: the loss stops at ln 2 ≈ 0.693, whatever the seed or "
        "learning rate.",
        "ko": "뉴런 하나(`nn.Linear(2, 1)` 뒤에 시그모이드)가 네 행짜리 진리표로 논리 게이트를 배웁니다. 이 뉴런은 "
        "입력 평면에 **직선 하나**만 그을 수 있습니다. 그 직선이 AND, OR, NAND를 찾아가는 모습과, XOR에서 "
        "실패하는 모습을 보세요. XOR의 손실은 시드나 학습률과 상관없이 ln 2 ≈ 0.693에서 멈춥니다.",
    },
    # settings
    "perceptron.gate": {"en": "Logic gate", "ko": "논리 게이트"},
    "perceptron.gate.help": {"en": "The truth table the neuron must learn.", "ko": "뉴런이 배워야 할 진리표입니다."},
    "perceptron.mode": {"en": "Learning rule", "ko": "학습 규칙"},
    "perceptron.mode.help": {
        "en": "Sigmoid + gradient descent: today's neuron, trained with a loss and SGD. Perceptron rule: "
        "Rosenblatt's 1958 original, a step activation corrected one sample at a time.",
        "ko": "시그모이드 + 경사 하강법: 손실 함수와 SGD로 학습하는 오늘날의 뉴런. 퍼셉트론 규칙: 계단 함수를 쓰고 "
        "샘플 하나씩 틀린 만큼 고치는 로젠블랫(1958)의 원래 방식.",
    },
    "opt.gd": {"en": "Sigmoid + gradient descent", "ko": "시그모이드 + 경사 하강법"},
    "opt.rosenblatt": {"en": "Perceptron rule (step)", "ko": "퍼셉트론 규칙 (계단 함수)"},
    "perceptron.loss": {"en": "Loss", "ko": "손실 함수"},
    "perceptron.loss.help": {
        "en": "BCE (nn.BCELoss) is the usual loss for a 0/1 target; MSE (nn.MSELoss) is the squared error.",
        "ko": "BCE(nn.BCELoss)는 0/1 정답에 흔히 쓰는 손실이고, MSE(nn.MSELoss)는 오차의 제곱입니다.",
    },
    "perceptron.lr": {"en": "Learning rate", "ko": "학습률"},
    "perceptron.lr.help": {
        "en": "How far each step moves the weights along the negative gradient.",
        "ko": "한 스텝마다 가중치를 기울기 반대 방향으로 얼마나 움직일지 정합니다.",
    },
    "perceptron.steps": {"en": "Training steps", "ko": "학습 스텝 수"},
    "perceptron.steps.help": {
        "en": "Full-batch updates: each step sees all four rows of the truth table.",
        "ko": "전체 배치 업데이트 횟수입니다. 한 스텝에 진리표의 네 행을 모두 봅니다.",
    },
    "perceptron.epochs": {"en": "Epochs", "ko": "에포크 수"},
    "perceptron.epochs.help": {
        "en": "Passes over the four samples; the rule updates after each sample.",
        "ko": "네 샘플을 몇 번 돌지 정합니다. 규칙은 샘플 하나마다 가중치를 고칩니다.",
    },
    "perceptron.view": {"en": "Show the unit after step", "ko": "이 스텝 뒤의 뉴런 보기"},
    "perceptron.view.help": {
        "en": "Move through training: the line, the colours and the table show the unit after this many updates.",
        "ko": "학습 과정을 따라가 보세요. 직선, 배경색, 표가 이만큼 업데이트한 뒤의 뉴런을 보여 줍니다.",
    },
    # chart labels
    "perceptron.lbl.x1": {"en": "input x₁", "ko": "입력 x₁"},
    "perceptron.lbl.x2": {"en": "input x₂", "ko": "입력 x₂"},
    "perceptron.lbl.p": {"en": "output P(y=1)", "ko": "출력 P(y=1)"},
    "perceptron.lbl.step_out": {"en": "output step(z)", "ko": "계단 함수 출력"},
    "perceptron.lbl.y": {"en": "target y", "ko": "정답 y"},
    "perceptron.lbl.target0": {"en": "y = 0", "ko": "y = 0"},
    "perceptron.lbl.target1": {"en": "y = 1", "ko": "y = 1"},
    "perceptron.lbl.step": {"en": "step", "ko": "스텝"},
    "perceptron.lbl.update": {"en": "update", "ko": "업데이트"},
    "perceptron.lbl.loss": {"en": "loss", "ko": "손실"},
    "perceptron.lbl.gate": {"en": "gate", "ko": "게이트"},
    "perceptron.lbl.plateau.bce": {"en": "ln 2 ≈ 0.693: p = 0.5 everywhere", "ko": "ln 2 ≈ 0.693: 모든 곳에서 p = 0.5"},
    "perceptron.lbl.plateau.mse": {"en": "0.25: p = 0.5 everywhere", "ko": "0.25: 모든 곳에서 p = 0.5"},
    "perceptron.lbl.epoch": {"en": "epoch", "ko": "에포크"},
    "perceptron.lbl.mistakes": {"en": "mistakes", "ko": "틀린 개수"},
    "perceptron.lbl.lr": {"en": "learning rate", "ko": "학습률"},
    "perceptron.lbl.seed": {"en": "seed", "ko": "시드"},
    "perceptron.lbl.correct": {"en": "right?", "ko": "정답 여부"},
    "perceptron.lbl.yes": {"en": "yes", "ko": "예"},
    "perceptron.lbl.no": {"en": "no", "ko": "아니요"},
    "perceptron.lbl.param": {"en": "parameter", "ko": "파라미터"},
    "perceptron.lbl.value": {"en": "value", "ko": "값"},
    "perceptron.lbl.meaning": {"en": "what it means", "ko": "의미"},
    "perceptron.lbl.converged": {"en": "first epoch with 0 mistakes", "ko": "처음으로 0개 틀린 에포크"},
    "perceptron.lbl.never": {"en": "never", "ko": "없음"},
    # sections and captions
    "perceptron.truth": {"en": "Truth table of {gate}", "ko": "{gate}의 진리표"},
    "perceptron.watch": {"en": "Watch it learn", "ko": "학습 과정 보기"},
    "perceptron.boundary.caption": {
        "en": "Background: the neuron's output at every input (blue ≈ 0, orange ≈ 1). Black line: "
        "w₁x₁ + w₂x₂ + b = 0, where the output is exactly 0.5. Circles should end up on blue, squares on orange.",
        "ko": "배경: 모든 입력에서의 뉴런 출력(파랑 ≈ 0, 주황 ≈ 1). 검은 직선: w₁x₁ + w₂x₂ + b = 0, 즉 출력이 정확히 "
        "0.5인 곳. 동그라미는 파란 쪽에, 네모는 주황 쪽에 있어야 합니다.",
    },
    "perceptron.boundary.caption_step": {
        "en": "Background: the step output, 0 (blue) or 1 (orange). Black line: w₁x₁ + w₂x₂ + b = 0.",
        "ko": "배경: 계단 함수 출력, 0(파랑) 또는 1(주황). 검은 직선: w₁x₁ + w₂x₂ + b = 0.",
    },
    "perceptron.no_line": {
        "en": "Here w₁ = w₂ = 0: there is no line — the output is the same for every input.",
        "ko": "여기서는 w₁ = w₂ = 0이라 직선이 없습니다. 모든 입력에서 출력이 같습니다.",
    },
    "perceptron.loss.caption": {
        "en": "Loss before each update (log scale); the orange rule marks the step shown on the left.",
        "ko": "각 업데이트 직전의 손실(로그 눈금). 주황색 세로선이 왼쪽 그림의 스텝입니다.",
    },
    "perceptron.probs": {"en": "Predictions after step {step}", "ko": "{step}번째 스텝 뒤의 예측"},
    "perceptron.m.final_loss": {"en": "Final loss", "ko": "최종 손실"},
    "perceptron.m.plateau": {"en": "Plateau (p = 0.5)", "ko": "평탄 구간 (p = 0.5)"},
    "perceptron.m.right": {"en": "Points right", "ko": "맞힌 점"},
    "perceptron.m.converged": {"en": "Converged at epoch", "ko": "수렴한 에포크"},
    "perceptron.verdict.learned": {
        "en": "**{gate} learned.** All four points are on the right side of the line; final loss {loss:.4f}.",
        "ko": "**{gate} 학습 성공.** 네 점이 모두 직선의 올바른 쪽에 있습니다. 최종 손실 {loss:.4f}.",
    },
    "perceptron.verdict.stuck": {
        "en": "**{gate} not learned.** The loss is stuck at {loss:.4f}, on the plateau {plateau:.4f}: the neuron "
        "gives up and outputs ≈ 0.5 for every input. No single line puts both 1s on one side and both 0s on "
        "the other.",
        "ko": "**{gate} 학습 실패.** 손실이 평탄 구간 {plateau:.4f}에 걸려 {loss:.4f}에서 멈췄습니다. 뉴런이 포기하고 "
        "모든 입력에 ≈ 0.5를 출력합니다. 직선 하나로는 1 두 개를 한쪽에, 0 두 개를 다른 쪽에 둘 수 없습니다.",
    },
    "perceptron.verdict.partial": {
        "en": "**{right}/4 points right** after {steps} steps (loss {loss:.4f}). Not finished: try more steps or a "
        "larger learning rate.",
        "ko": "{steps}스텝 뒤 **네 점 중 {right}개 맞음** (손실 {loss:.4f}). 아직 덜 배웠습니다. 스텝을 늘리거나 "
        "학습률을 키워 보세요.",
    },
    "perceptron.overshoot": {
        "en": "The loss ends higher ({end:.4f}) than it started ({start:.4f}): with learning rate {lr:g} each step "
        "jumps past the minimum. Try a smaller learning rate.",
        "ko": "손실이 처음({start:.4f})보다 끝({end:.4f})에서 더 큽니다. 학습률 {lr:g}에서는 한 스텝마다 최솟값을 "
        "지나쳐 버립니다. 학습률을 줄여 보세요.",
    },
    "perceptron.weights": {"en": "The weights and what they mean", "ko": "가중치와 그 의미"},
    "perceptron.equation": {"en": "The decision line after step {step}:", "ko": "{step}번째 스텝 뒤의 결정 경계 직선:"},
    "perceptron.meaning.w": {
        "en": "Raising x{i} from 0 to 1 adds {w:+.3f} to z, multiplying the odds of y = 1 by e^w = {odds:.3g}.",
        "ko": "x{i}{를} 0에서 1로 올리면 z가 {w:+.3f}만큼 변하고, y = 1일 오즈가 e^w = {odds:.3g}배가 됩니다.",
    },
    "perceptron.meaning.b": {
        "en": "The output when both inputs are 0 is σ(b) = {p:.3f}. A more negative bias means the neuron needs "
        "more input before it fires.",
        "ko": "두 입력이 모두 0일 때 출력은 σ(b) = {p:.3f}입니다. 편향이 음수로 클수록 뉴런이 켜지려면 더 큰 입력이 필요합니다.",
    },
    "perceptron.meaning.which": {
        "en": "Which input matters more? |w₁| = {a:.3f}, |w₂| = {b:.3f}: {verdict}",
        "ko": "어느 입력이 더 중요할까요? |w₁| = {a:.3f}, |w₂| = {b:.3f}: {verdict}",
    },
    "perceptron.meaning.x1": {"en": "x₁ moves the output more.", "ko": "x₁이 출력을 더 크게 움직입니다."},
    "perceptron.meaning.x2": {"en": "x₂ moves the output more.", "ko": "x₂가 출력을 더 크게 움직입니다."},
    "perceptron.meaning.equal": {
        "en": "the two inputs matter equally — as they must for a gate that treats x₁ and x₂ alike.",
        "ko": "두 입력이 똑같이 중요합니다. x₁과 x₂를 똑같이 다루는 게이트라면 당연한 결과입니다.",
    },
    "perceptron.all": {"en": "All four gates, same start", "ko": "네 게이트 한꺼번에, 같은 출발점에서"},
    "perceptron.all.caption": {
        "en": "Each gate trained from the same initial weights (seed {seed}) with the same settings. AND, OR and "
        "NAND head for 0; XOR flattens out on the dashed line.",
        "ko": "같은 초기 가중치(시드 {seed})와 같은 설정으로 게이트마다 학습했습니다. AND, OR, NAND는 0을 향해 가고, "
        "XOR은 점선에서 평평해집니다.",
    },
    "perceptron.floor": {"en": "XOR from 220 starts", "ko": "출발점 220가지에서 본 XOR"},
    "perceptron.floor.caption": {
        "en": "Final XOR loss after {steps} steps for seeds 0–19 and every learning rate from 0.001 to 100. The "
        "lowest of all {n} runs is {min:.6f}; the plateau is {plateau:.6f}. No run gets below it — larger "
        "learning rates only bounce above it.",
        "ko": "시드 0–19와 0.001부터 100까지의 모든 학습률로 {steps}스텝 학습한 뒤의 XOR 손실입니다. {n}번의 실행 중 "
        "가장 낮은 값은 {min:.6f}, 평탄 구간은 {plateau:.6f}입니다. 어떤 실행도 그 아래로 내려가지 못하고, "
        "학습률이 크면 그 위에서 튈 뿐입니다.",
    },
    "perceptron.rb.title": {"en": "Mistakes per epoch", "ko": "에포크별 틀린 개수"},
    "perceptron.rb.converged": {
        "en": "**Converged in epoch {epoch}:** every sample right, so the rule stops changing the weights. The "
        "perceptron convergence theorem guarantees this for any linearly separable gate.",
        "ko": "**{epoch}번째 에포크에서 수렴:** 모든 샘플을 맞혀서 규칙이 더 이상 가중치를 바꾸지 않습니다. 퍼셉트론 "
        "수렴 정리는 선형 분리 가능한 게이트라면 언제나 이렇게 된다고 보장합니다.",
    },
    "perceptron.rb.never": {
        "en": "**Never converges:** still {m} mistakes in epoch {epochs}. On XOR every correction breaks another "
        "sample, and the weights cycle forever.",
        "ko": "**수렴하지 않음:** {epochs}번째 에포크에서도 {m}개를 틀립니다. XOR에서는 하나를 고치면 다른 샘플이 "
        "틀려서 가중치가 영원히 맴돕니다.",
    },
    "perceptron.rb.all": {"en": "The rule on all four gates", "ko": "네 게이트에 규칙 적용"},
    # try this
    "perceptron.try.q1": {
        "en": "Switch the gate to **XOR**. Before you look: where will the line end up, and what loss will it reach?",
        "ko": "게이트를 **XOR**로 바꿔 보세요. 보기 전에 예측해 보세요. 직선은 어디로 가고, 손실은 얼마가 될까요?",
    },
    "perceptron.try.a1": {
        "en": "The line leaves the square (or vanishes as the weights shrink to 0), every output drifts to 0.5 "
        "and the loss settles at ln 2 ≈ 0.693 — the loss of a coin flip. Two points are always on the wrong side "
        "of any line.",
        "ko": "직선은 정사각형 밖으로 나가거나(가중치가 0으로 줄면서) 사라지고, 모든 출력이 0.5로 모여 손실은 "
        "ln 2 ≈ 0.693, 즉 동전 던지기의 손실에 머뭅니다. 어떤 직선을 그어도 두 점은 늘 반대편에 있습니다.",
    },
    "perceptron.try.q2": {
        "en": "With XOR, try learning rate 10 and then 0.01, and several seeds. Can any setting get below the dashed line?",
        "ko": "XOR에서 학습률 10과 0.01, 여러 시드를 시도해 보세요. 점선 아래로 내려가는 설정이 있을까요?",
    },
    "perceptron.try.a2": {
        "en": "No. ln 2 is the lowest loss any single line can reach on XOR (see *Why*), so the only difference is "
        "how fast it gets there — or, with a huge rate, how much it bounces above it.",
        "ko": "없습니다. ln 2는 직선 하나가 XOR에서 얻을 수 있는 가장 낮은 손실입니다(*왜 그럴까?* 참고). 차이는 "
        "얼마나 빨리 도달하느냐, 학습률이 아주 크면 그 위에서 얼마나 튀느냐뿐입니다.",
    },
    "perceptron.try.q3": {
        "en": "Train AND, then look at the weights table. Which input matters more, and why is the bias so negative?",
        "ko": "AND를 학습시킨 뒤 가중치 표를 보세요. 어느 입력이 더 중요하고, 편향은 왜 그렇게 큰 음수일까요?",
    },
    "perceptron.try.a3": {
        "en": "Neither input wins: w₁ = w₂, because AND treats its inputs alike. The bias is about −1.5 times a "
        "weight: one input alone (w + b < 0) is not enough to fire, both together (2w + b > 0) are.",
        "ko": "어느 쪽도 더 중요하지 않습니다. AND는 두 입력을 똑같이 다루므로 w₁ = w₂입니다. 편향은 가중치의 약 −1.5배라서 "
        "입력 하나만으로는(w + b < 0) 켜지지 않고, 둘 다 있어야(2w + b > 0) 켜집니다.",
    },
    "perceptron.try.q4": {
        "en": "Switch to the **perceptron rule** and compare AND with XOR. How many epochs until no mistakes?",
        "ko": "**퍼셉트론 규칙**으로 바꾸고 AND와 XOR을 비교해 보세요. 틀린 개수가 0이 되기까지 몇 에포크가 걸릴까요?",
    },
    "perceptron.try.a4": {
        "en": "AND stops after a few epochs with zero mistakes. XOR never does: it keeps making mistakes in every "
        "epoch, however many you allow.",
        "ko": "AND는 몇 에포크 만에 틀린 개수가 0이 되고 멈춥니다. XOR은 에포크를 아무리 늘려도 매번 틀립니다.",
    },
    # why
    "perceptron.why.unit": {
        "en": "The neuron computes a weighted sum and squashes it:",
        "ko": "뉴런은 가중합을 계산한 뒤 시그모이드로 눌러 줍니다:",
    },
    "perceptron.why.line": {
        "en": "It says 1 when p > 0.5, i.e. when z > 0. So the border between its two answers is the straight line "
        "z = 0. To learn XOR, with threshold z ≥ 0 for 1, it would need all four of:",
        "ko": "p > 0.5, 즉 z > 0일 때 1이라고 답합니다. 그래서 두 답의 경계는 직선 z = 0입니다. XOR을 배우려면 "
        "(z ≥ 0이면 1) 다음 네 조건이 모두 필요합니다:",
    },
    "perceptron.why.contradiction": {
        "en": "Add the middle two and use b < 0 from the first: the last one is contradicted. No weights satisfy all "
        "four, so no line separates XOR's classes.",
        "ko": "가운데 두 식을 더하고 첫 식의 b < 0을 쓰면 마지막 식과 모순입니다. 네 조건을 모두 만족하는 가중치는 없고, "
        "따라서 XOR의 두 클래스를 나누는 직선도 없습니다.",
    },
    "perceptron.why.ln2": {
        "en": "Why exactly ln 2? XOR is symmetric: swapping x₁ ↔ 1 − x₁ swaps the classes. The BCE loss is convex "
        "in (w, b), so its minimum is at the symmetric point w = 0, b = 0, where p = 0.5 for every input:",
        "ko": "왜 하필 ln 2일까요? XOR은 대칭적입니다. x₁ ↔ 1 − x₁로 바꾸면 클래스가 서로 바뀝니다. BCE 손실은 (w, b)에 "
        "대해 볼록 함수이므로 최솟값은 대칭인 점 w = 0, b = 0, 즉 모든 입력에서 p = 0.5인 곳에 있습니다:",
    },
    "perceptron.why.mse": {
        "en": "With MSE the same point gives (0.5)² = 0.25: the plateau on the MSE curves. Hidden units bend the "
        "border — that is the next lesson, XOR solved by an MLP.",
        "ko": "MSE에서는 같은 점에서 (0.5)² = 0.25가 되고, 이것이 MSE 곡선의 평탄 구간입니다. 은닉 유닛을 두면 경계를 "
        "구부릴 수 있습니다. 다음 수업, MLP로 푸는 XOR에서 봅니다.",
    },
    "perceptron.latex.unit": _same(_LATEX_UNIT),
    "perceptron.latex.xor": _same(_LATEX_XOR),
    "perceptron.latex.sum": {"en": _LATEX_SUM, "ko": _LATEX_SUM_KO},
    "perceptron.latex.bce": _same(_LATEX_BCE),
    # code comments
    "perceptron.code.title": {"en": "One neuron learning {gate}", "ko": "뉴런 하나로 {gate} 배우기"},
    "perceptron.code.targets": {"en": "targets of {gate}", "ko": "{gate}의 정답"},
    "perceptron.code.init_same": {
        "en": "start from nn.Linear's initial weights, as the page does",
        "ko": "페이지와 같이 nn.Linear의 초기 가중치에서 출발",
    },
    "perceptron.code.step": {"en": "step activation", "ko": "계단 함수"},
    "perceptron.code.final": {"en": "the numbers the page shows", "ko": "페이지에 보이는 숫자들"},
}
