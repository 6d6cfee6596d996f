"""Strings of the XOR page (/xor). Title and question live in strings/topics.py."""

_LATEX_NET = (
    r"h = \sigma(W_1 x + b_1) \in \mathbb{R}^H,\qquad p = \sigma(w_2^{\top} h + b_2),\qquad "
    r"L = -\tfrac14 \sum_{n=1}^{4} \big[y_n \log p_n + (1 - y_n)\log(1 - p_n)\big]"
)
_LATEX_FEATURES = (
    r"h_1 = \mathrm{OR}(x_1, x_2),\quad h_2 = \mathrm{NAND}(x_1, x_2),\qquad "
    r"\mathrm{XOR}(x_1, x_2) = \mathrm{AND}(h_1, h_2)"
)
_LATEX_EXAMPLE = (
    r"h_1 = \sigma(20x_1 + 20x_2 - 10),\quad h_2 = \sigma(-20x_1 - 20x_2 + 30),\quad "
    r"p = \sigma(20h_1 + 20h_2 - 30)"
)
_LATEX_STUCK = (
    r"h(1,0) \approx h(1,1) \;\Rightarrow\; p_{10} = p_{11} = p,\qquad "
    r"-\tfrac14\big[\log p + \log(1-p)\big] \ge -\tfrac14 \cdot 2\log\tfrac12 = \frac{\ln 2}{2} \approx 0.347"
)
_LATEX_SLOPE = (
    r"\frac{\partial L}{\partial W_{1,jk}} = \sum_n \underbrace{\frac{\partial L}{\partial h_{nj}}}_{\text{%s}}"
    r"\;\underbrace{\sigma'(z_{nj})}_{\approx\,0 \text{ %s}}\;x_{nk},\qquad \sigma'(z) = \sigma(z)(1-\sigma(z)) \le \tfrac14"
)
_LATEX_HESS = (
    r"L(\theta + \delta) \approx L(\theta) + \nabla L^{\top}\delta + \tfrac12\,\delta^{\top} \nabla^2 L\, \delta,"
    r"\qquad \lambda_{\min}(\nabla^2 L) > 0 \Rightarrow \text{%s}"
)


def _same(text: str) -> dict[str, str]:
    return {"en": text, "ko": text}


STRINGS = {
    "xor.intro": {
        "en": "A single neuron cannot learn XOR (previous lesson). Add a **hidden layer** — here "
        "`nn.Sequential(nn.Linear(2, H), act, nn.Linear(H, 1), nn.Sigmoid())`, trained exactly like the tutorial "
        "(BCE, full batch, SGD with learning rate 1) — and it can. Watch how: each hidden unit draws its own line "
        "in the input plane, and in the **hidden space** those lines create, the four points become separable by "
        "one straight line. Then find out how often training actually succeeds: the same net trained from up to "
        "1,000 different random starts at once.",
        "ko": "뉴런 하나로는 XOR을 배울 수 없었습니다(이전 수업). **은닉층**을 하나 넣으면 배울 수 있습니다. 여기서는 "
        "`nn.Sequential(nn.Linear(2, H), act, nn.Linear(H, 1), nn.Sigmoid())`를 튜토리얼과 똑같이(BCE, 전체 배치, "
        "학습률 1의 SGD) 학습합니다. 어떻게 푸는지 보세요. 은닉 유닛마다 입력 평면에 자기 직선을 하나씩 긋고, 그 "
        "직선들이 만든 **은닉 공간**에서는 네 점이 직선 하나로 나뉩니다. 그다음 학습이 실제로 얼마나 자주 "
        "성공하는지 확인합니다. 같은 신경망을 최대 1,000개의 서로 다른 무작위 출발점에서 한꺼번에 학습합니다.",
    },
    # --- settings ---------------------------------------------------------------------------------
    "xor.hidden": {"en": "Hidden units per layer (H)", "ko": "층마다 은닉 유닛 수 (H)"},
    "xor.hidden.help": {
        "en": "Width of each hidden layer. H = 2 is the classic 2-2-1 net; H = 1 cannot solve XOR at all.",
        "ko": "은닉층 하나의 너비입니다. H = 2가 고전적인 2-2-1 신경망이고, H = 1로는 XOR을 절대 풀 수 없습니다.",
    },
    "xor.layers": {"en": "Hidden layers", "ko": "은닉층 수"},
    "xor.layers.help": {
        "en": "1 is the 2-H-1 net. 3 with H = 10 is the tutorial's deeper 2-10-10-10-1 net.",
        "ko": "1이면 2-H-1 신경망입니다. 3이고 H = 10이면 튜토리얼의 더 깊은 2-10-10-10-1 신경망입니다.",
    },
    "xor.activation": {"en": "Hidden activation", "ko": "은닉층 활성화 함수"},
    "xor.activation.help": {
        "en": "Applied after every hidden nn.Linear. The output always ends with nn.Sigmoid() for BCE.",
        "ko": "은닉층의 nn.Linear 뒤마다 적용됩니다. 출력은 BCE를 위해 항상 nn.Sigmoid()로 끝납니다.",
    },
    "xor.optimizer": {"en": "Optimizer", "ko": "옵티마이저"},
    "xor.optimizer.help": {
        "en": "torch.optim.SGD (no momentum) or torch.optim.Adam with its default betas. Adam usually wants a "
        "much smaller learning rate (0.01–0.1).",
        "ko": "torch.optim.SGD(모멘텀 없음) 또는 기본 설정(betas)의 torch.optim.Adam입니다. Adam은 보통 훨씬 작은 "
        "학습률(0.01–0.1)이 맞습니다.",
    },
    "xor.lr": {"en": "Learning rate", "ko": "학습률"},
    "xor.lr.help": {
        "en": "Step size of the optimizer. The tutorial uses SGD with lr = 1.",
        "ko": "옵티마이저의 보폭입니다. 튜토리얼은 lr = 1의 SGD를 씁니다.",
    },
    "xor.steps": {"en": "Training steps", "ko": "학습 스텝 수"},
    "xor.steps.help": {
        "en": "Full-batch updates; each step sees all four rows of XOR's truth table.",
        "ko": "전체 배치 업데이트 횟수입니다. 한 스텝에 XOR 진리표의 네 행을 모두 봅니다.",
    },
    "xor.view": {"en": "Show the net after step", "ko": "이 스텝 뒤의 신경망 보기"},
    "xor.view.help": {
        "en": "Replay training: every view above and below shows the net after this many updates.",
        "ko": "학습 과정을 다시 봅니다. 위아래의 모든 그림이 이만큼 업데이트한 뒤의 신경망을 보여 줍니다.",
    },
    "xor.n_seeds": {"en": "Seeds in the sweep (N)", "ko": "실험할 시드 수 (N)"},
    "xor.n_seeds.help": {
        "en": "How many random starts to train with the settings above. All of them train at once, as one batched "
        "PyTorch program.",
        "ko": "위의 설정으로 학습할 무작위 출발점의 개수입니다. 모두 하나의 배치 PyTorch 프로그램으로 동시에 학습합니다.",
    },
    "xor.start_seed": {"en": "First seed", "ko": "첫 시드"},
    "xor.start_seed.help": {
        "en": "The sweep uses seeds first, first + 1, …, first + N − 1.",
        "ko": "첫 시드가 s이면 실험은 시드 s, s + 1, …, s + N − 1을 씁니다.",
    },
    # --- presets ----------------------------------------------------------------------------------
    "xor.presets": {"en": "Presets", "ko": "미리 준비한 설정"},
    "xor.preset.classic": {"en": "Tutorial 2-2-1", "ko": "튜토리얼 2-2-1"},
    "xor.preset.deep": {"en": "Deep 2-10-10-10-1", "ko": "깊은 2-10-10-10-1"},
    "xor.preset.stuck": {"en": "A stuck seed", "ko": "갇힌 시드"},
    "xor.preset.wide": {"en": "Wider: H = 4", "ko": "더 넓게: H = 4"},
    "xor.preset.adam": {"en": "Adam, lr 0.1", "ko": "Adam, lr 0.1"},
    # --- labels -----------------------------------------------------------------------------------
    "xor.lbl.x1": {"en": "input x₁", "ko": "입력 x₁"},
    "xor.lbl.x2": {"en": "input x₂", "ko": "입력 x₂"},
    "xor.lbl.p": {"en": "output P(y=1)", "ko": "출력 P(y=1)"},
    "xor.lbl.y": {"en": "target y", "ko": "정답 y"},
    "xor.lbl.target0": {"en": "y = 0", "ko": "y = 0"},
    "xor.lbl.target1": {"en": "y = 1", "ko": "y = 1"},
    "xor.lbl.point": {"en": "input", "ko": "입력"},
    "xor.lbl.unit": {"en": "hidden unit", "ko": "은닉 유닛"},
    "xor.lbl.units": {"en": "hidden units' lines", "ko": "은닉 유닛의 직선"},
    "xor.lbl.unit_name": {"en": "unit {j}: {gate}", "ko": "유닛 {j}: {gate}"},
    "xor.lbl.step": {"en": "step", "ko": "스텝"},
    "xor.lbl.loss": {"en": "loss", "ko": "손실"},
    "xor.lbl.final_loss": {"en": "final loss", "ko": "최종 손실"},
    "xor.lbl.seeds": {"en": "seeds", "ko": "시드 수"},
    "xor.lbl.seed": {"en": "seed", "ko": "시드"},
    "xor.lbl.outcome": {"en": "outcome", "ko": "결과"},
    "xor.lbl.from": {"en": "from", "ko": "구간 시작"},
    "xor.lbl.to": {"en": "to", "ko": "구간 끝"},
    "xor.lbl.share_solved": {"en": "share of seeds solved", "ko": "성공한 시드 비율"},
    "xor.lbl.rate": {"en": "success rate", "ko": "성공률"},
    "xor.lbl.solved": {"en": "solved", "ko": "성공"},
    "xor.lbl.ci_low": {"en": "95% interval, low", "ko": "95% 구간 하한"},
    "xor.lbl.ci_high": {"en": "95% interval, high", "ko": "95% 구간 상한"},
    "xor.lbl.median_steps": {"en": "median steps to solve", "ko": "성공까지 스텝(중앙값)"},
    "xor.lbl.hidden": {"en": "hidden units H", "ko": "은닉 유닛 수 H"},
    "xor.lbl.sheet": {"en": "grid line of the input square", "ko": "입력 정사각형의 격자선"},
    "xor.lbl.h1": {"en": "hidden unit h₁", "ko": "은닉 유닛 h₁"},
    "xor.lbl.h2": {"en": "hidden unit h₂", "ko": "은닉 유닛 h₂"},
    "xor.lbl.h_last1": {"en": "last hidden layer, unit h₁", "ko": "마지막 은닉층, 유닛 h₁"},
    "xor.lbl.h_last2": {"en": "last hidden layer, unit h₂", "ko": "마지막 은닉층, 유닛 h₂"},
    "xor.lbl.proj_u": {"en": "signed distance to the output unit's line", "ko": "출력 유닛의 경계까지 부호 있는 거리"},
    "xor.lbl.proj_v": {"en": "main remaining direction of spread", "ko": "남은 방향 중 가장 넓게 퍼진 방향"},
    "xor.lbl.none": {"en": "(no second axis)", "ko": "(두 번째 축 없음)"},
    "xor.lbl.never": {"en": "never", "ko": "없음"},
    "xor.lbl.yes": {"en": "yes", "ko": "예"},
    "xor.lbl.no": {"en": "no", "ko": "아니요"},
    "xor.lbl.target": {"en": "target", "ko": "정답"},
    "xor.lbl.point_loss": {"en": "this point's loss", "ko": "이 점의 손실"},
    "xor.lbl.correct": {"en": "right?", "ko": "정답 여부"},
    "xor.lbl.tensor": {"en": "tensor (state_dict name)", "ko": "텐서 (state_dict 이름)"},
    "xor.lbl.index": {"en": "index", "ko": "인덱스"},
    "xor.lbl.value": {"en": "value", "ko": "값"},
    "xor.lbl.layer": {"en": "layer", "ko": "층"},
    "xor.lbl.gate": {"en": "acts as", "ko": "하는 일"},
    "xor.lbl.pattern": {"en": "on for 00 01 10 11", "ko": "00 01 10 11에서 켜짐"},
    "xor.lbl.open": {"en": "open", "ko": "열기"},
    "xor.lbl.wrong": {"en": "wrong points", "ko": "틀린 점"},
    "xor.lbl.steps_to_solve": {"en": "steps to loss < 0.05", "ko": "손실 < 0.05까지 스텝"},
    "xor.lbl.output_layer": {"en": "output", "ko": "출력"},
    "xor.ref.solved_below": {"en": "0.05: solved", "ko": "0.05: 성공 기준"},
    "xor.ref.half_ln2": {"en": "ln 2 / 2 ≈ 0.347", "ko": "ln 2 / 2 ≈ 0.347"},
    "xor.ref.three": {"en": "≈ 0.477 (3 merged)", "ko": "≈ 0.477 (세 점이 겹침)"},
    "xor.ref.ln2": {"en": "ln 2 ≈ 0.693", "ko": "ln 2 ≈ 0.693"},
    # outcomes
    "xor.outcome.solved": {"en": "solved (loss < 0.05)", "ko": "성공 (손실 < 0.05)"},
    "xor.outcome.half_ln2": {"en": "stuck at ln 2 / 2: two points merged", "ko": "ln 2 / 2에 갇힘: 두 점이 겹침"},
    "xor.outcome.three": {"en": "stuck at ≈ 0.477: three points merged", "ko": "≈ 0.477에 갇힘: 세 점이 겹침"},
    "xor.outcome.ln2": {"en": "stuck at ln 2: learned nothing", "ko": "ln 2에 갇힘: 아무것도 못 배움"},
    "xor.outcome.other": {"en": "neither solved nor on a plateau", "ko": "성공도 평탄 구간도 아님"},
    "xor.outcome.overshoot": {"en": "worse than ln 2: learning rate too large", "ko": "ln 2보다 나쁨: 학습률이 너무 큼"},
    "xor.outcome.diverged": {"en": "diverged (NaN/inf)", "ko": "발산 (NaN/inf)"},
    "xor.short.solved": {"en": "Solved", "ko": "성공"},
    "xor.short.half_ln2": {"en": "Stuck at ln 2/2", "ko": "ln 2/2에 갇힘"},
    "xor.short.three": {"en": "Stuck at 0.477", "ko": "0.477에 갇힘"},
    "xor.short.ln2": {"en": "Stuck at ln 2", "ko": "ln 2에 갇힘"},
    "xor.short.other": {"en": "Not solved", "ko": "못 풂"},
    "xor.short.overshoot": {"en": "Overshoot", "ko": "지나침"},
    "xor.short.diverged": {"en": "Diverged", "ko": "발산"},
    # gates a unit can compute (pattern on 00, 01, 10, 11)
    "xor.gate.never": {"en": "always off", "ko": "항상 꺼짐"},
    "xor.gate.always": {"en": "always on", "ko": "항상 켜짐"},
    "xor.gate.and": {"en": "AND", "ko": "AND"},
    "xor.gate.or": {"en": "OR", "ko": "OR"},
    "xor.gate.nand": {"en": "NAND", "ko": "NAND"},
    "xor.gate.nor": {"en": "NOR", "ko": "NOR"},
    "xor.gate.xor": {"en": "XOR", "ko": "XOR"},
    "xor.gate.xnor": {"en": "XNOR", "ko": "XNOR"},
    "xor.gate.x1": {"en": "x₁", "ko": "x₁"},
    "xor.gate.x2": {"en": "x₂", "ko": "x₂"},
    "xor.gate.not_x1": {"en": "NOT x₁", "ko": "NOT x₁"},
    "xor.gate.not_x2": {"en": "NOT x₂", "ko": "NOT x₂"},
    "xor.gate.x1_not_x2": {"en": "x₁ AND NOT x₂", "ko": "x₁ AND NOT x₂"},
    "xor.gate.x2_not_x1": {"en": "x₂ AND NOT x₁", "ko": "x₂ AND NOT x₁"},
    "xor.gate.x1_or_not_x2": {"en": "x₁ OR NOT x₂", "ko": "x₁ OR NOT x₂"},
    "xor.gate.x2_or_not_x1": {"en": "x₂ OR NOT x₁", "ko": "x₂ OR NOT x₁"},
    # --- section 1: training replay ------------------------------------------------------------------
    "xor.replay": {"en": "1 · Watch it learn", "ko": "1 · 학습 과정 보기"},
    "xor.m.final_loss": {"en": "Final loss", "ko": "최종 손실"},
    "xor.m.solved_at": {"en": "Loss < 0.05 from step", "ko": "손실 < 0.05 도달 스텝"},
    "xor.m.right": {"en": "Points right", "ko": "맞힌 점"},
    "xor.m.outcome": {"en": "Outcome", "ko": "결과"},
    "xor.input.title": {"en": "Input space", "ko": "입력 공간"},
    "xor.input.caption": {
        "en": "Background: the net's output at every input (blue ≈ 0, orange ≈ 1). Dashed lines: each first-layer "
        "hidden unit's own line w·x + b = 0 — the unit is on (z > 0) on one side. A dashed red ring marks a point "
        "the net gets wrong.",
        "ko": "배경: 모든 입력에서의 신경망 출력(파랑 ≈ 0, 주황 ≈ 1). 점선: 첫 은닉층의 유닛마다 자기 직선 "
        "w·x + b = 0. 유닛은 한쪽에서만 켜집니다(z > 0). 빨간 점선 고리는 신경망이 틀린 점입니다.",
    },
    "xor.input.deeper": {
        "en": "With {layers} hidden layers only the first layer's units have straight lines in the input plane; the "
        "later layers combine them, so the final border can bend more.",
        "ko": "은닉층이 {layers}개이면 입력 평면에서 직선으로 그릴 수 있는 것은 첫 층의 유닛뿐입니다. 뒤의 층들이 "
        "그 직선들을 조합하므로 최종 경계는 더 자유롭게 휠 수 있습니다.",
    },
    "xor.loss.title": {"en": "Loss", "ko": "손실"},
    "xor.loss.caption": {
        "en": "BCE loss before each update (log scale). Grey dashed levels: the solved threshold 0.05 and the "
        "plateaus a stuck net sits on. The orange rule is the step shown on the left.",
        "ko": "각 업데이트 직전의 BCE 손실(로그 눈금). 회색 점선: 성공 기준 0.05와 갇힌 신경망이 머무는 평탄 구간들. "
        "주황색 세로선이 왼쪽 그림의 스텝입니다.",
    },
    "xor.verdict.solved": {
        "en": "**Solved.** Loss {loss:.4f} after {steps} steps; it went below 0.05 at step {at}.",
        "ko": "**성공.** {steps}스텝 뒤 손실 {loss:.4f}. {at}번째 스텝에서 0.05 아래로 내려갔습니다.",
    },
    "xor.verdict.stuck": {
        "en": "**Stuck** at loss {loss:.4f} ({outcome}) — see ‘4 · Why is this net stuck?’ below.",
        "ko": "손실 {loss:.4f}에 **갇혔습니다** ({outcome}). 아래 ‘4 · 이 신경망은 왜 갇혔을까?’를 보세요.",
    },
    "xor.verdict.other": {
        "en": "**Not solved yet**: loss {loss:.4f} after {steps} steps and still going down. Try more steps.",
        "ko": "**아직 못 풀었습니다.** {steps}스텝 뒤 손실 {loss:.4f}이고 아직 내려가는 중입니다. 스텝을 늘려 보세요.",
    },
    "xor.overshoot": {
        "en": "The loss ends far above where it started ({start:.3f} → {end:.3f}): with learning rate {lr:g} every "
        "step overshoots, the sigmoids saturate at the wrong answers and BCE charges up to 100 per point "
        "(nn.BCELoss clamps log p at −100). Try a learning rate 10× or 100× smaller.",
        "ko": "손실이 시작할 때보다 훨씬 커졌습니다({start:.3f} → {end:.3f}). 학습률 {lr:g}에서는 스텝마다 지나치게 "
        "멀리 가서 시그모이드가 틀린 답에서 포화되고, BCE는 점마다 최대 100까지 벌점을 줍니다(nn.BCELoss는 "
        "log p를 −100에서 자릅니다). 학습률을 10배나 100배 줄여 보세요.",
    },
    "xor.play": {"en": "Play training", "ko": "학습 재생"},
    "xor.play.help": {
        "en": "Animates the views from step 0 to the end; the slider stays where you left it.",
        "ko": "그림들을 0번째 스텝부터 끝까지 움직여 보여 줍니다. 슬라이더는 그대로 둡니다.",
    },
    "xor.frame": {"en": "Step {step} of {steps}", "ko": "{steps}스텝 중 {step}번째"},
    # --- section 2: hidden space -------------------------------------------------------------------------
    "xor.hidden_space": {"en": "2 · The hidden space: where XOR becomes separable", "ko": "2 · 은닉 공간: XOR이 분리 가능해지는 곳"},
    "xor.hidden.lead": {
        "en": "The output unit is just the perceptron of the last lesson: one straight line. It does not see the "
        "inputs — it sees what the hidden layer makes of them. Here are the four points **as the output unit "
        "sees them**.",
        "ko": "출력 유닛은 지난 수업의 퍼셉트론과 같습니다. 직선 하나만 그을 수 있죠. 하지만 출력 유닛은 입력을 직접 보지 "
        "않고, 은닉층이 입력을 바꿔 놓은 것을 봅니다. 아래는 **출력 유닛이 보는** 네 점입니다.",
    },
    "xor.hidden.plane": {
        "en": "Axes: the two hidden units' outputs (h₁, h₂). Thin grey curves: the grid lines of the input square "
        "[0, 1]², bent by the hidden layer. Black line: the output unit's border w·h + b = 0. Move the step slider "
        "back to where the loss drops to watch the square unfold and fold.",
        "ko": "축: 두 은닉 유닛의 출력 (h₁, h₂). 가는 회색 곡선: 입력 정사각형 [0, 1]²의 격자선이 은닉층을 지나며 휜 "
        "모습. 검은 직선: 출력 유닛의 경계 w·h + b = 0. 스텝 슬라이더를 손실이 뚝 떨어지는 곳으로 되돌리면 "
        "정사각형이 펼쳐졌다 접히는 모습을 볼 수 있습니다.",
    },
    "xor.hidden.line": {
        "en": "With H = 1 the hidden space is a line: the four points get one number each, and the output can only "
        "cut that line once. One 1-point and one 0-point always end up on the same side — a single hidden unit "
        "can never solve XOR.",
        "ko": "H = 1이면 은닉 공간은 직선입니다. 네 점이 각각 숫자 하나가 되고, 출력은 그 직선을 한 번만 자를 수 "
        "있습니다. 그래서 1인 점과 0인 점이 늘 같은 쪽에 하나씩 남습니다. 은닉 유닛 하나로는 XOR을 절대 풀 수 "
        "없습니다.",
    },
    "xor.hidden.projection": {
        "en": "With H = {h} the hidden space has {h} dimensions, so this is a **2-D projection**: the horizontal axis "
        "is each point's signed distance to the output unit's border (the border is exactly the vertical black "
        "line), the vertical axis is the main direction in which the points spread apart besides that. The "
        "projection keeps exactly what the output unit uses.",
        "ko": "H = {h}이면 은닉 공간이 {h}차원이라 이 그림은 **2차원 투영**입니다. 가로축은 각 점에서 출력 유닛의 "
        "경계까지의 부호 있는 거리이고(경계는 정확히 검은 세로선), 세로축은 그 밖에 점들이 가장 넓게 퍼진 "
        "방향입니다. 출력 유닛이 쓰는 정보는 이 투영에 그대로 담겨 있습니다.",
    },
    "xor.hidden.separable": {
        "en": "**Step {step}: XOR is linearly separable here.** Both y = 1 points lie on one side of the black line and both "
        "y = 0 points on the other (smallest margin {margin:.3g}). In the input plane no line could do this; the "
        "hidden layer has moved the points so that one can.",
        "ko": "**{step}번째 스텝: 여기서는 XOR이 선형 분리됩니다.** y = 1인 두 점은 검은 직선의 한쪽에, y = 0인 두 점은 반대쪽에 "
        "있습니다(가장 작은 여유 {margin:.3g}). 입력 평면에서는 어떤 직선도 못 하던 일입니다. 은닉층이 점들을 "
        "옮겨서 직선 하나로 나눌 수 있게 만든 것입니다.",
    },
    "xor.hidden.not_separable": {
        "en": "**Not separated at step {step}**: at least one point is on the wrong side of the black line. "
        "{merged}",
        "ko": "**{step}번째 스텝에서는 아직 나뉘지 않았습니다.** 적어도 한 점이 검은 직선의 반대쪽에 있습니다. {merged}",
    },
    "xor.hidden.merged": {
        "en": "Inputs {points} land on almost the same hidden point (within {d:.2g}) although their targets "
        "differ — no line can split them.",
        "ko": "입력 {points}의 정답은 서로 다른데 은닉 공간에서 거의 같은 점에 떨어집니다(거리 {d:.2g} 이내). 어떤 "
        "직선도 이들을 나눌 수 없습니다.",
    },
    "xor.units.title": {"en": "What each unit detects at step {step}", "ko": "{step}번째 스텝에서 유닛마다 감지하는 것"},
    "xor.units.caption": {
        "en": "A unit is *on* where its weighted sum z is positive. Reading the on/off pattern over the four inputs "
        "as a truth table names the logic function it computes.",
        "ko": "유닛은 가중합 z가 양수인 곳에서 *켜집니다*. 네 입력에서 켜짐/꺼짐을 진리표로 읽으면 그 유닛이 "
        "계산하는 논리 함수가 됩니다.",
    },
    "xor.units.story": {
        "en": "Here the hidden units compute **{gates}**, and the output combines them into **{out}**.",
        "ko": "여기서 은닉 유닛들은 **{gates}**{를} 계산하고, 출력이 그것들을 **{out}**{로} 합칩니다.",
    },
    # --- section 3: weights and predictions ----------------------------------------------------------------
    "xor.tables": {"en": "3 · Weights and predictions", "ko": "3 · 가중치와 예측"},
    "xor.pred.title": {"en": "Predictions after step {step}", "ko": "{step}번째 스텝 뒤의 예측"},
    "xor.weights.title": {"en": "Weights after step {step}", "ko": "{step}번째 스텝 뒤의 가중치"},
    "xor.weights.caption": {
        "en": "Names as in `model.state_dict()`: `0.weight` is the first nn.Linear's (H × 2) weight, and so on.",
        "ko": "이름은 `model.state_dict()`와 같습니다. `0.weight`가 첫 nn.Linear의 (H × 2) 가중치입니다.",
    },
    # --- section 4: stuck -------------------------------------------------------------------------------------
    "xor.stuck.title": {"en": "4 · Why is this net stuck?", "ko": "4 · 이 신경망은 왜 갇혔을까?"},
    "xor.stuck.solved": {
        "en": "This seed solves XOR. To see a stuck net, press **{preset}** above or click a stuck seed in the sweep "
        "below.",
        "ko": "이 시드는 XOR을 풉니다. 갇힌 신경망을 보려면 위의 **{preset}** 버튼을 누르거나 아래 실험에서 갇힌 시드를 "
        "클릭하세요.",
    },
    "xor.stuck.wrong": {
        "en": "**What it gets wrong.** Inputs {points}: the net answers {probs} — a coin flip.",
        "ko": "**틀리는 점.** 입력 {points}에 신경망이 {probs}{로} 답합니다. 동전 던지기입니다.",
    },
    "xor.stuck.merged": {
        "en": "**Why.** The hidden layer sends {pairs} to the same place (distance {d:.2g} in hidden space). The "
        "output unit gets identical numbers for inputs whose targets differ, so the best it can do is answer ½ "
        "for both: each costs ln 2, and the mean over four points is ln 2 / 2 ≈ 0.347 (or more, if more points "
        "merge).",
        "ko": "**이유.** 은닉층이 입력 {pairs}{를} 은닉 공간의 같은 곳으로 보냅니다(거리 {d:.2g}). 정답이 다른 입력들에 대해 "
        "출력 유닛이 똑같은 숫자를 받으니, 둘 다 ½로 답하는 것이 최선입니다. 점마다 ln 2의 손실이 들고, 네 점의 "
        "평균은 ln 2 / 2 ≈ 0.347입니다(더 많은 점이 겹치면 더 큽니다).",
    },
    "xor.stuck.saturated": {
        "en": "**Why it cannot leave.** To pull those points apart, a hidden unit would have to respond differently "
        "to them. But at those inputs every hidden unit is saturated: its slope σ′(z) there is at most {slope:.1e} "
        "(at most 0.25 in the best case). The gradient that would move those units is multiplied by that slope, so "
        "it is practically zero — the gradient norm is {g:.1e}.",
        "ko": "**빠져나오지 못하는 이유.** 그 점들을 떼어 놓으려면 어떤 은닉 유닛이 둘에 다르게 반응해야 합니다. 그런데 그 "
        "입력들에서는 모든 은닉 유닛이 포화되어 미분값 σ′(z)이 많아야 {slope:.1e}입니다(가장 좋을 때는 0.25). 그 "
        "유닛들을 움직일 기울기에 이 값이 곱해지므로 사실상 0입니다. 기울기의 크기(노름)는 {g:.1e}입니다.",
    },
    "xor.stuck.dead": {
        "en": "**Why it cannot leave.** {n} ReLU unit(s) are off (z ≤ 0) for all four inputs: their output and their "
        "gradient are exactly 0, so no update ever reaches them again (a dead ReLU). The gradient norm is {g:.1e}.",
        "ko": "**빠져나오지 못하는 이유.** ReLU 유닛 {n}개가 네 입력 모두에서 꺼져(z ≤ 0) 있습니다. 출력도 기울기도 "
        "정확히 0이라 어떤 업데이트도 다시는 닿지 않습니다(죽은 ReLU). 기울기의 크기는 {g:.1e}입니다.",
    },
    "xor.stuck.minimum": {
        "en": "**A real local minimum.** The loss curves upward in all {n} directions of weight space (smallest "
        "eigenvalue of the Hessian {lam:.1e} > 0): every small step from here goes uphill. Gradient descent, which "
        "only ever steps downhill, stays — more steps will not help; a different seed or more hidden units will.",
        "ko": "**진짜 지역 최솟값입니다.** 가중치 공간의 {n}개 방향 모두에서 손실이 위로 휘어 있습니다(헤세 행렬의 가장 "
        "작은 고윳값 {lam:.1e} > 0). 여기서 어느 쪽으로 조금 움직여도 손실이 커집니다. 늘 내리막으로만 가는 경사 "
        "하강법은 여기 머뭅니다. 스텝을 늘려도 소용없습니다. 다른 시드나 더 많은 은닉 유닛이 도움이 됩니다.",
    },
    "xor.stuck.saddle": {
        "en": "**A plateau, not a minimum.** Some directions still go downhill (smallest Hessian eigenvalue "
        "{lam:.1e} < 0), but the slope is tiny (gradient norm {g:.1e}). Training crawls here; with enough steps it "
        "can still get out — try more steps.",
        "ko": "**최솟값이 아니라 평탄한 곳입니다.** 아직 내리막인 방향이 있지만(헤세 행렬의 가장 작은 고윳값 {lam:.1e} < 0) "
        "기울기가 아주 작습니다(노름 {g:.1e}). 여기서는 학습이 기어가듯 느립니다. 스텝이 충분하면 빠져나올 수 "
        "있으니 스텝을 늘려 보세요.",
    },
    "xor.stuck.flat": {
        "en": "**Flat in some directions.** The smallest Hessian eigenvalue is {lam:.1e} ≈ 0: along those directions "
        "the loss does not change at all, so the gradient cannot point anywhere useful.",
        "ko": "**어떤 방향으로는 완전히 평평합니다.** 헤세 행렬의 가장 작은 고윳값이 {lam:.1e} ≈ 0입니다. 그 방향으로는 "
        "손실이 전혀 변하지 않으니 기울기가 쓸모 있는 쪽을 가리킬 수 없습니다.",
    },
    "xor.stuck.slopes": {"en": "Hidden units' slopes at each input", "ko": "입력마다 은닉 유닛의 미분값"},
    "xor.stuck.slopes.caption": {
        "en": "The activation's derivative at each unit and input (σ′ ≤ 0.25, tanh′ ≤ 1, ReLU′ ∈ {0, 1}). Near 0 "
        "means the unit no longer reacts to that input.",
        "ko": "유닛과 입력마다 활성화 함수의 도함수입니다(σ′ ≤ 0.25, tanh′ ≤ 1, ReLU′ ∈ {0, 1}). 0에 가까우면 그 "
        "유닛은 그 입력에 더는 반응하지 않습니다.",
    },
    # --- section 5: the sweep -----------------------------------------------------------------------------------
    "xor.sweep.title": {"en": "5 · How often does it work?", "ko": "5 · 얼마나 자주 성공할까?"},
    "xor.sweep.lead": {
        "en": "Your net solved it (or not) from one random start. Here are **N seeds trained with exactly the settings "
        "above**, all at once: one batched PyTorch program, each seed initialised exactly as "
        "`torch.manual_seed(seed)` followed by building the nn.Sequential. A seed counts as **solved when its final "
        "BCE loss is below 0.05**.",
        "ko": "위의 신경망은 무작위 출발점 하나에서 풀었습니다(또는 못 풀었습니다). 여기서는 **위와 똑같은 설정으로 N개의 "
        "시드**를 하나의 배치 PyTorch 프로그램으로 한꺼번에 학습합니다. 각 시드는 `torch.manual_seed(seed)` 뒤에 "
        "nn.Sequential을 만든 것과 정확히 같은 가중치에서 출발합니다. **최종 BCE 손실이 0.05보다 작으면 성공**으로 "
        "셉니다.",
    },
    "xor.sweep.progress": {"en": "Training {n} seeds at once…", "ko": "시드 {n}개를 한꺼번에 학습하는 중…"},
    "xor.sweep.capped": {
        "en": "For a {shape} net with {steps} steps the page runs {n} seeds (of the {asked} you asked) to stay "
        "within a few seconds. The library call `nnviz.xor.seed_sweep` has no such cap.",
        "ko": "{shape} 신경망을 {steps}스텝 학습하는 경우 몇 초 안에 끝내기 위해 요청한 {asked}개 중 {n}개의 시드만 "
        "실행합니다. 라이브러리 함수 `nnviz.xor.seed_sweep`에는 이런 제한이 없습니다.",
    },
    "xor.m.rate": {"en": "Success rate", "ko": "성공률"},
    "xor.m.rate.delta": {"en": "{k} of {n} seeds", "ko": "{n}개 중 {k}개"},
    "xor.m.stuck": {"en": "Stuck on a plateau", "ko": "평탄 구간에 갇힘"},
    "xor.m.half": {"en": "of them at ln 2 / 2", "ko": "그중 ln 2 / 2"},
    "xor.m.median": {"en": "Median steps to solve", "ko": "성공까지 스텝 (중앙값)"},
    "xor.m.seconds": {"en": "Sweep time", "ko": "실험 시간"},
    "xor.m.seconds.value": {"en": "{s:.2f} s", "ko": "{s:.2f}초"},
    "xor.m.seconds.delta": {"en": "{n} seeds × {steps} steps", "ko": "시드 {n}개 × {steps}스텝"},
    "xor.sweep.hist": {"en": "Where the seeds end", "ko": "시드들이 멈춘 곳"},
    "xor.sweep.hist.caption": {
        "en": "Final loss of every seed (log scale). Solved seeds pile up near 0.002; the stuck ones stand in a "
        "narrow spike at ln 2 / 2 ≈ 0.347 — not spread out, as slow training would be, but all at the same level.",
        "ko": "모든 시드의 최종 손실(로그 눈금). 성공한 시드는 0.002 근처에 모이고, 갇힌 시드는 ln 2 / 2 ≈ 0.347에 "
        "좁은 기둥을 이룹니다. 느린 학습이라면 넓게 퍼져 있을 텐데, 모두 같은 높이에 멈춰 있습니다.",
    },
    "xor.sweep.when": {"en": "When they get there", "ko": "언제 도달할까"},
    "xor.sweep.when.caption": {
        "en": "Share of all N seeds whose loss has dropped below 0.05 by each step. Where the curve goes flat, more "
        "steps stop helping.",
        "ko": "스텝마다 손실이 0.05 아래로 내려간 시드의 비율(전체 N개 기준). 곡선이 평평해지는 곳부터는 스텝을 "
        "늘려도 더 좋아지지 않습니다.",
    },
    "xor.sweep.curves": {"en": "Some of their loss curves", "ko": "손실 곡선 몇 개"},
    "xor.sweep.curves.caption": {
        "en": "Up to 12 seeds of each outcome. Every net starts near ln 2 ≈ 0.693; the successful ones drop off the "
        "plateau, the stuck ones level out on another.",
        "ko": "결과마다 최대 12개의 시드입니다. 모든 신경망이 ln 2 ≈ 0.693 근처에서 출발합니다. 성공한 것은 평탄 "
        "구간에서 떨어져 내려오고, 갇힌 것은 다른 평탄 구간에서 멈춥니다.",
    },
    "xor.sweep.stuck_list": {"en": "The seeds that did not solve it", "ko": "풀지 못한 시드"},
    "xor.sweep.stuck_list.caption": {
        "en": "Click a seed number to load it into the views above (**open** gives its link, to share or open in a "
        "new tab). The columns p00 … p11 are its final answers for the four inputs; a stuck net says ≈ 0.5 for "
        "the points it has merged.",
        "ko": "시드 번호를 누르면 위의 그림들에 그 시드가 열립니다(**열기**는 공유하거나 새 탭에서 열 수 있는 링크입니다). "
        "p00 … p11 열은 네 입력에 대한 최종 답입니다. 갇힌 신경망은 겹쳐 버린 점들에 ≈ 0.5로 답합니다.",
    },
    "xor.sweep.pick": {"en": "Load a seed into the views above", "ko": "위의 그림에 시드 불러오기"},
    "xor.sweep.none_stuck": {
        "en": "Every one of the {n} seeds solved XOR with these settings.",
        "ko": "이 설정에서는 {n}개의 시드가 모두 XOR을 풀었습니다.",
    },
    "xor.sweep.diverged": {
        "en": "{n} seed(s) diverged: their loss or a gradient became NaN or inf. The learning rate is too large for "
        "them.",
        "ko": "시드 {n}개가 발산했습니다. 손실이나 기울기가 NaN 또는 inf가 되었습니다. 학습률이 너무 큽니다.",
    },
    "xor.widths.title": {"en": "Does width help?", "ko": "넓히면 도움이 될까?"},
    "xor.compare": {"en": "Compare widths H = 1 … 8", "ko": "너비 H = 1 … 8 비교하기"},
    "xor.compare.help": {
        "en": "Trains the same seeds at every width with the other settings as above (one batch, a few seconds). "
        "Stays on in the page's address.",
        "ko": "다른 설정은 위와 같게 두고 같은 시드들을 모든 너비로 학습합니다(배치 하나, 몇 초). 켜 둔 상태가 페이지 "
        "주소에 남습니다.",
    },
    "xor.widths.progress": {"en": "Training {n} nets (8 widths × {k} seeds)…", "ko": "신경망 {n}개 학습 중 (너비 8가지 × 시드 {k}개)…"},
    "xor.widths.caption": {
        "en": "Success rate of {k} seeds at each width H (error bars: 95 % Wilson interval; orange: the H above). "
        "Extra hidden units give the net more ways to carve the plane, so fewer starts end with two points merged.",
        "ko": "너비 H마다 시드 {k}개의 성공률입니다(오차 막대: 95% Wilson 구간, 주황: 위에서 고른 H). 은닉 유닛이 "
        "많으면 평면을 나누는 방법이 많아져서, 두 점이 겹친 채 끝나는 출발점이 줄어듭니다.",
    },
    "xor.widths.too_heavy": {
        "en": "Comparing 8 widths of {shape}-shaped nets over {steps} steps takes too long for this page. Lower the "
        "steps or the hidden layers — or run `nnviz.xor.width_sweep(...)` in Python.",
        "ko": "{shape} 모양의 신경망을 {steps}스텝 동안 너비 8가지로 비교하는 것은 이 페이지에서 하기에 너무 오래 걸립니다. "
        "스텝이나 은닉층 수를 줄이거나, 파이썬에서 `nnviz.xor.width_sweep(...)`을 실행해 보세요.",
    },
    "xor.sweep.off": {
        "en": "Turn on the comparison to train seeds at every width.",
        "ko": "비교를 켜면 모든 너비로 시드를 학습합니다.",
    },
    # --- try this ---------------------------------------------------------------------------------------------
    "xor.try.q1": {
        "en": "With the tutorial's 2-2-1 net (SGD, lr 1, 5,000 steps), out of 1,000 seeds, how many do you expect "
        "to solve XOR? Set N = 1000 and check.",
        "ko": "튜토리얼의 2-2-1 신경망(SGD, lr 1, 5,000스텝)으로 시드 1,000개 중 몇 개가 XOR을 풀 것 같나요? "
        "N = 1000으로 놓고 확인해 보세요.",
    },
    "xor.try.a1": {
        "en": "About 87 % (874 of seeds 0–999). Almost all of the rest sit at ln 2 / 2 ≈ 0.347 — so if your own 2-2-1 "
        "XOR code fails now and then, your code is probably fine: that is the loss landscape.",
        "ko": "약 87%입니다(시드 0–999 중 874개). 나머지는 거의 모두 ln 2 / 2 ≈ 0.347에 머뭅니다. 그러니 직접 짠 2-2-1 "
        "XOR 코드가 가끔 실패해도 코드가 틀린 것이 아닐 가능성이 큽니다. 손실 지형이 그런 것입니다.",
    },
    "xor.try.q2": {
        "en": "Load **{preset}** (seed 5). Will 10,000 steps instead of 5,000 rescue it?",
        "ko": "**{preset}** 설정(시드 5)을 불러오세요. 5,000스텝 대신 10,000스텝이면 빠져나올까요?",
    },
    "xor.try.a2": {
        "en": "No. The loss creeps from 0.3478 towards 0.3466 = ln 2 / 2 and stays: (1,0) and (1,1) are merged in "
        "hidden space, both hidden units are saturated there, and the Hessian shows the loss curving upward in "
        "every direction. Measured (bench/xor_sweep.py): all 116 of seeds 0–999 that sit at ln 2 / 2 after 5,000 "
        "steps are still there after 70,000.",
        "ko": "아니요. 손실은 0.3478에서 0.3466 = ln 2 / 2 쪽으로 아주 조금 내려갈 뿐 그대로입니다. (1,0)과 (1,1)이 은닉 "
        "공간에서 겹쳤고, 두 은닉 유닛이 그곳에서 포화되었으며, 헤세 행렬은 모든 방향으로 손실이 위로 휘어 있음을 "
        "보여 줍니다. 측정해 보면(bench/xor_sweep.py) 시드 0–999 중 5,000스텝 뒤 ln 2 / 2에 있던 116개가 70,000스텝 뒤에도 "
        "모두 그대로입니다.",
    },
    "xor.try.q3": {
        "en": "Which helps the success rate more: H = 3 instead of 2, or tanh instead of sigmoid? Predict, then try both "
        "(keep N = 1000).",
        "ko": "성공률을 더 높이는 것은 어느 쪽일까요? H를 2에서 3으로 늘리기, 아니면 시그모이드 대신 tanh 쓰기? 예측한 "
        "뒤 둘 다 해 보세요(N = 1000 유지).",
    },
    "xor.try.a3": {
        "en": "Width wins by far: H = 3 solves about 99 % of seeds. tanh with lr 1 does worse here (about 66 %): it "
        "learns faster but gets stuck at ln 2 / 2 more often. Turn on the width comparison to see the whole trend.",
        "ko": "너비가 훨씬 낫습니다. H = 3이면 약 99%가 풉니다. lr 1의 tanh는 여기서 오히려 나쁩니다(약 66%). 더 빨리 "
        "배우지만 ln 2 / 2에 더 자주 갇힙니다. 너비 비교를 켜면 전체 흐름이 보입니다.",
    },
    "xor.try.q4": {
        "en": "Load **{preset}**: the tutorial's 2-10-10-10-1 sigmoid net, SGD lr 1, 10,000 steps. Then set the steps "
        "to 5,000. It has far more units than 2-2-1 — will it still solve XOR as often?",
        "ko": "**{preset}** 설정을 불러오세요. 튜토리얼의 2-10-10-10-1 시그모이드 신경망, SGD lr 1, 10,000스텝입니다. "
        "그다음 스텝을 5,000으로 줄여 보세요. 2-2-1보다 유닛이 훨씬 많은데, 그래도 그만큼 자주 풀까요?",
    },
    "xor.try.a4": {
        "en": "With 10,000 steps about 95 % of seeds solve it; with 5,000 only about half do — most of the rest are "
        "still on the ln 2 plateau. Every sigmoid layer shrinks the gradient (σ′ ≤ 0.25), so at first the early layers "
        "barely move: the vanishing gradient. Unlike the 2-2-1's stuck seeds this is a plateau, not a minimum "
        "(section 4 finds negative Hessian eigenvalues there), so more steps do get it out.",
        "ko": "10,000스텝이면 시드의 약 95%가 풀지만, 5,000스텝이면 절반 정도만 풉니다. 나머지는 대부분 아직 ln 2 평탄 "
        "구간에 있습니다. 시그모이드 층을 지날 때마다 기울기가 줄어서(σ′ ≤ 0.25) 처음에는 앞쪽 층이 거의 움직이지 않습니다. "
        "기울기 소실입니다. 2-2-1의 갇힌 시드와 달리 이것은 최솟값이 아니라 평탄한 곳이라(4절에서 헤세 행렬의 음의 "
        "고윳값이 보입니다) 스텝을 늘리면 빠져나옵니다.",
    },
    "xor.try.q5": {
        "en": "Does Adam rescue the 2-2-1 net? Switch the optimizer to Adam and try lr 0.01 and 0.1 (N = 1000).",
        "ko": "Adam이면 2-2-1 신경망을 구해 낼까요? 옵티마이저를 Adam으로 바꾸고 lr 0.01과 0.1을 시도해 보세요(N = 1000).",
    },
    "xor.try.a5": {
        "en": "Not here: about 60 % of seeds with lr 0.01 and 46 % with lr 0.1, against 87 % for plain SGD with lr 1. "
        "Adam rescales each weight's step, but a minimum where two points are merged is still a minimum; with the "
        "larger rate it even merges three points more often (loss ≈ 0.477). What helps is width.",
        "ko": "여기서는 아닙니다. lr 0.01이면 약 60%, lr 0.1이면 46%로, lr 1의 평범한 SGD(87%)보다 낮습니다. Adam은 "
        "가중치마다 보폭을 조절하지만, 두 점이 겹친 최솟값은 여전히 최솟값입니다. 학습률이 크면 세 점을 겹치는 경우"
        "(손실 ≈ 0.477)가 오히려 늘어납니다. 도움이 되는 것은 너비입니다.",
    },
    # --- why ----------------------------------------------------------------------------------------------------
    "xor.why.net": {
        "en": "The 2-H-1 net computes hidden features h, then a perceptron on them, and is trained on the BCE loss:",
        "ko": "2-H-1 신경망은 은닉 특성 h를 계산한 뒤 그 위에서 퍼셉트론을 돌리고, BCE 손실로 학습합니다:",
    },
    "xor.why.features": {
        "en": "**Hidden units as feature detectors.** XOR is \"OR but not AND\". One unit can learn OR, another NAND — "
        "both linearly separable, so each is one line — and the output unit, itself a single line, computes their "
        "AND:",
        "ko": "**특성 감지기로서의 은닉 유닛.** XOR은 \"OR이지만 AND는 아님\"입니다. 한 유닛은 OR을, 다른 유닛은 NAND를 "
        "배울 수 있습니다. 둘 다 선형 분리 가능하니 각각 직선 하나면 됩니다. 그리고 역시 직선 하나인 출력 유닛이 "
        "둘의 AND를 계산합니다:",
    },
    "xor.why.example": {
        "en": "For example these hand-picked weights do it exactly (check the four inputs):",
        "ko": "예를 들어 손으로 고른 다음 가중치가 정확히 그렇게 합니다(네 입력을 넣어 확인해 보세요):",
    },
    "xor.why.trained": {
        "en": "Trained nets find an equivalent split of the work — OR/NAND, or e.g. \"x₁ AND NOT x₂\" with "
        "\"x₂ AND NOT x₁\" combined by OR; section 2 names what your seed's units detect.",
        "ko": "학습된 신경망도 같은 일을 나눠 맡는 방법을 찾습니다. OR/NAND일 수도 있고, 예컨대 \"x₁ AND NOT x₂\"와 "
        "\"x₂ AND NOT x₁\"을 OR로 합치는 방식일 수도 있습니다. 2절에서 지금 시드의 유닛들이 무엇을 감지하는지 "
        "볼 수 있습니다.",
    },
    "xor.why.stuck": {
        "en": "**The ln 2 / 2 local minimum.** If the hidden layer maps two inputs with different targets to the same "
        "point, the output gives them the same p, and the best common answer is ½:",
        "ko": "**ln 2 / 2 지역 최솟값.** 은닉층이 정답이 다른 두 입력을 같은 점으로 보내면 출력은 둘에 같은 p를 주고, "
        "둘에게 공통으로 줄 수 있는 최선의 답은 ½입니다:",
    },
    "xor.why.slope": {
        "en": "The two other points are already right, so the only way down is to un-merge the pair — which needs the "
        "hidden units to change at those inputs. Their gradient passes through the activation's slope, which is "
        "≈ 0 where a sigmoid is saturated:",
        "ko": "나머지 두 점은 이미 맞혔으니, 손실을 더 줄이는 유일한 길은 겹친 두 점을 떼어 놓는 것입니다. 그러려면 그 "
        "입력들에서 은닉 유닛이 달라져야 합니다. 그런데 그 기울기는 활성화 함수의 미분값을 거쳐야 하고, 시그모이드가 "
        "포화된 곳에서는 그 값이 ≈ 0입니다:",
    },
    "xor.why.hessian": {
        "en": "Whether a point is a true minimum or only a plateau is read from the curvature, the Hessian's "
        "eigenvalues (section 4 computes them with torch.func.hessian):",
        "ko": "진짜 최솟값인지 그냥 평탄한 곳인지는 곡률, 즉 헤세 행렬의 고윳값으로 알 수 있습니다(4절에서 "
        "torch.func.hessian으로 계산합니다):",
    },
    "xor.why.ln2": {
        "en": "**The ln 2 stall, again.** Every net starts near p = ½ for all four inputs, i.e. at the perceptron's "
        "loss ln 2 ≈ 0.693 (perceptron lesson). A single unit can never leave it; a hidden layer can, once its "
        "units break the symmetry and start detecting different things. Deep sigmoid nets may sit there for a long "
        "time because the gradient shrinks at every layer.",
        "ko": "**다시 만난 ln 2 평탄 구간.** 모든 신경망은 네 입력 모두에 p ≈ ½, 즉 퍼셉트론의 손실 ln 2 ≈ 0.693 근처에서 "
        "출발합니다(퍼셉트론 수업). 유닛 하나로는 여기서 절대 못 벗어나지만, 은닉층은 유닛들이 대칭을 깨고 서로 다른 "
        "것을 감지하기 시작하면 벗어납니다. 깊은 시그모이드 신경망은 층마다 기울기가 줄어서 여기에 오래 머물 수 "
        "있습니다.",
    },
    "xor.latex.net": _same(_LATEX_NET),
    "xor.latex.features": _same(_LATEX_FEATURES),
    "xor.latex.example": _same(_LATEX_EXAMPLE),
    "xor.latex.stuck": _same(_LATEX_STUCK),
    "xor.latex.slope": {"en": _LATEX_SLOPE % ("from above", "if saturated"), "ko": _LATEX_SLOPE % ("위층에서", "포화되면")},
    "xor.latex.hess": {"en": _LATEX_HESS % "every small step goes uphill",
                       "ko": _LATEX_HESS % "어느 쪽으로 조금 가도 오르막"},
    # --- code comments ---------------------------------------------------------------------------------------
    "xor.code.title": {"en": "XOR with a {shape} MLP, trained as on the nnviz page", "ko": "{shape} MLP로 푸는 XOR (nnviz 페이지와 같은 학습)"},
    "xor.code.targets": {"en": "XOR's targets", "ko": "XOR의 정답"},
    "xor.code.seed": {"en": "the seed fixes the initial weights", "ko": "시드가 초기 가중치를 정함"},
    "xor.code.solved_at": {"en": "first step with loss < 0.05", "ko": "손실이 처음 0.05보다 작아진 스텝"},
    "xor.code.nan": {"en": "stop if training diverged", "ko": "학습이 발산하면 멈춤"},
    "xor.code.hidden": {"en": "the last hidden layer's output: the hidden space", "ko": "마지막 은닉층의 출력: 은닉 공간"},
    "xor.code.sweep1": {
        "en": "The page's seed sweep, one seed at a time (the page trains them all at once; same numbers).",
        "ko": "페이지의 시드 실험을 한 번에 시드 하나씩 (페이지는 모두 한꺼번에 학습하고, 숫자는 같습니다).",
    },
    "xor.code.sweep2": {
        "en": "Slow with a plain loop: about a second per seed. Uncomment to count successes:",
        "ko": "평범한 반복문으로는 느립니다(시드당 약 1초). 주석을 풀면 성공한 시드 수를 셉니다:",
    },
}
