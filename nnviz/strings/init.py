"""Strings of the weight-initialisation page (/init). Title and question live in strings/topics.py."""

_LATEX_SUM = r"z_j = \sum_{i=1}^{n_\text{in}} w_{ji}\,x_i \quad\Rightarrow\quad \operatorname{Var}(z_j) = n_\text{in}\,\operatorname{Var}(w)\,\mathbb{E}[x^2]"
_LATEX_BACK = r"\frac{\partial L}{\partial x_i} = \sum_{j=1}^{n_\text{out}} w_{ji}\,\frac{\partial L}{\partial z_j} \quad\Rightarrow\quad \operatorname{Var}\!\Big(\frac{\partial L}{\partial x}\Big) = n_\text{out}\,\operatorname{Var}(w)\,\operatorname{Var}\!\Big(\frac{\partial L}{\partial z}\Big)"
_LATEX_XAVIER = r"n_\text{in}\operatorname{Var}(w) = 1,\ \ n_\text{out}\operatorname{Var}(w) = 1 \ \leadsto\ \operatorname{Var}(w) = \frac{2}{n_\text{in} + n_\text{out}}"
_LATEX_HE = r"\mathbb{E}[\operatorname{ReLU}(z)^2] = \tfrac12\operatorname{Var}(z) \ \leadsto\ n_\text{in}\operatorname{Var}(w)\cdot\tfrac12 = 1 \ \leadsto\ \operatorname{Var}(w) = \frac{2}{n_\text{in}}"
_LATEX_PRODUCT = r"\operatorname{Var}(z^{(L)}) \approx \operatorname{Var}(z^{(1)}) \prod_{l=2}^{L} \big(n_\text{in}\operatorname{Var}(w)\,c_\phi\big), \qquad c_\phi = \tfrac{\mathbb{E}[\phi(z)^2]}{\operatorname{Var}(z)}"
_LATEX_MF = r"q^{(l+1)} = \sigma_w^2\, n_l\, \mathbb{E}_{z\sim\mathcal{N}(0,\,q^{(l)})}\big[\phi(z)^2\big] + \sigma_b^2"
_LATEX_UNIFORM = r"w \sim U(-a, a) \ \Rightarrow\ \operatorname{Var}(w) = \frac{a^2}{3} \ \leadsto\ a = \sqrt{3}\,\sigma"


def _same(text: str) -> dict[str, str]:
    return {"en": text, "ko": text}


STRINGS = {
    "init.intro": {
        "en": "A deep net starts from random weights — but **how** random decides whether it can learn at all. "
        "Pick an initialisation scheme (every one of `torch.nn.init`'s, and PyTorch's own default for "
        "`nn.Linear`), push a batch of real digit images (or noise) through up to {max_depth} layers, and watch the "
        "**activations** on the way forward and the **gradients** on the way back, layer by layer, against "
        "what theory predicts. Then see what the same choice does to training, and why setting every "
        "weight to the same value makes a whole layer act as **one** unit.",
        "ko": "깊은 신경망은 무작위 가중치에서 출발합니다. 그런데 **얼마나** 무작위인지가 학습이 되느냐 마느냐를 "
        "가릅니다. 초기화 방법을 고르고(`torch.nn.init`의 모든 방법과 `nn.Linear`의 PyTorch 기본값), 실제 숫자 "
        "이미지(또는 노이즈) 한 배치를 최대 {max_depth}개 층에 통과시켜 보세요. 순전파에서는 **활성값**이, 역전파에서는 "
        "**기울기**가 층마다 어떻게 변하는지 이론값과 함께 보여 줍니다. 그다음 같은 선택이 학습에 어떤 차이를 "
        "만드는지, 그리고 모든 가중치를 같은 값으로 두면 왜 층 전체가 유닛 **하나**처럼 동작하는지 확인합니다.",
    },
    # --- settings --------------------------------------------------------------------------------
    "init.scheme": {"en": "Initialisation scheme", "ko": "초기화 방법"},
    "init.scheme.help": {
        "en": "How every nn.Linear weight is drawn (torch.nn.init). Biases start at 0, except PyTorch's "
        "default, which also draws them from U(−1/√fan_in, 1/√fan_in).",
        "ko": "모든 nn.Linear 가중치를 어떻게 뽑을지 정합니다(torch.nn.init). 편향은 0에서 시작합니다. 단, PyTorch "
        "기본값은 편향도 U(−1/√fan_in, 1/√fan_in)에서 뽑습니다.",
    },
    "init.activation": {"en": "Activation", "ko": "활성화 함수"},
    "init.activation.help": {
        "en": "The nonlinearity after every hidden layer.",
        "ko": "모든 은닉층 뒤에 오는 비선형 함수입니다.",
    },
    "init.depth": {"en": "Hidden layers", "ko": "은닉층 수"},
    "init.depth.help": {
        "en": "Number of hidden layers of the same width (plus one output layer of 10 units).",
        "ko": "같은 너비의 은닉층 개수입니다(여기에 10개 유닛의 출력층이 하나 더 붙습니다).",
    },
    "init.width": {"en": "Width (units per hidden layer)", "ko": "너비 (은닉층 유닛 수)"},
    "init.width.help": {
        "en": "fan_in and fan_out of every hidden layer. The first layer has fan_in 64 (8×8 pixels).",
        "ko": "모든 은닉층의 fan_in과 fan_out입니다. 첫 층의 fan_in은 64(8×8 픽셀)입니다.",
    },
    "init.data": {"en": "Input batch", "ko": "입력 배치"},
    "init.data.help": {
        "en": "Standardised load_digits images (64 features, their real labels) or N(0, 1) noise with random labels.",
        "ko": "표준화한 load_digits 이미지(특성 64개, 실제 레이블) 또는 N(0, 1) 노이즈(무작위 레이블)입니다.",
    },
    "opt.digits": {"en": "Digits (load_digits)", "ko": "숫자 (load_digits)"},
    "opt.noise": {"en": "Gaussian noise", "ko": "가우스 노이즈"},
    "init.batch": {"en": "Batch size", "ko": "배치 크기"},
    "init.batch.help": {
        "en": "Samples in the forward/backward pass the statistics and histograms are measured on.",
        "ko": "통계와 히스토그램을 재는 순전파/역전파에 넣는 샘플 수입니다.",
    },
    "init.std": {"en": "std σ (normal)", "ko": "표준편차 σ (정규분포)"},
    "init.std.help": {"en": "nn.init.normal_(w, 0, σ)", "ko": "nn.init.normal_(w, 0, σ)"},
    "init.bound": {"en": "range a (uniform)", "ko": "범위 a (균등분포)"},
    "init.bound.help": {"en": "nn.init.uniform_(w, −a, a)", "ko": "nn.init.uniform_(w, −a, a)"},
    "init.value": {"en": "value c (constant)", "ko": "값 c (상수)"},
    "init.value.help": {"en": "nn.init.constant_(w, c): every weight the same.",
                        "ko": "nn.init.constant_(w, c): 모든 가중치가 같은 값입니다."},
    "init.mode": {"en": "He mode", "ko": "He 모드"},
    "init.mode.help": {
        "en": "fan_in keeps the forward activations' variance, fan_out the backward gradients'.",
        "ko": "fan_in은 순전파 활성값의 분산을, fan_out은 역전파 기울기의 분산을 유지합니다.",
    },
    "init.gain": {"en": "Gain g", "ko": "이득 g"},
    "init.gain.help": {
        "en": "What a bare call gives — xavier_*/orthogonal_: g = 1 (the tutorial's xavier_uniform_(w)); "
        "kaiming_*: nonlinearity='leaky_relu' with a = 0, so g = √2 — or nn.init.calculate_gain(activation).",
        "ko": "인자 없이 부를 때의 값(xavier_*/orthogonal_: g = 1, 튜토리얼의 xavier_uniform_(w)과 같음; "
        "kaiming_*: nonlinearity='leaky_relu', a = 0이라 g = √2) 또는 nn.init.calculate_gain(활성화 함수).",
    },
    "opt.torch_default": {"en": "bare call (PyTorch's default argument)", "ko": "인자 없이 (PyTorch 기본 인자)"},
    "opt.calculate_gain": {"en": "calculate_gain(activation)", "ko": "calculate_gain(활성화 함수)"},
    "init.compare": {"en": "Overlay default, Xavier and He", "ko": "기본값·Xavier·He 겹쳐 보기"},
    "init.compare.help": {
        "en": "Draw PyTorch's default, Xavier normal and He normal next to the chosen scheme, on the same "
        "batch and seed, in the depth charts and the training comparison.",
        "ko": "깊이 그래프와 학습 비교에 PyTorch 기본값, Xavier 정규, He 정규를 고른 방법과 함께 그립니다"
        "(같은 배치, 같은 시드).",
    },
    "init.steps": {"en": "Training steps", "ko": "학습 스텝 수"},
    "init.steps.help": {"en": "SGD steps on mini-batches of 64 digits.", "ko": "숫자 64개짜리 미니배치로 하는 SGD 스텝 수입니다."},
    "init.lr": {"en": "Learning rate", "ko": "학습률"},
    "init.lr.help": {"en": "SGD learning rate, the same for every scheme.", "ko": "SGD 학습률이며 모든 방법에 같습니다."},
    # --- presets ---------------------------------------------------------------------------------
    "init.presets": {"en": "Well-known pictures — one click each:", "ko": "대표적인 설정 — 클릭 한 번으로 불러오기:"},
    "init.preset.tutorial": {"en": "Tutorial net 64-256-256-10", "ko": "튜토리얼 신경망 64-256-256-10"},
    "init.preset.tanh_small": {"en": "tanh, σ = 0.01", "ko": "tanh, σ = 0.01"},
    "init.preset.tanh_large": {"en": "tanh, σ = 1", "ko": "tanh, σ = 1"},
    "init.preset.tanh_xavier": {"en": "tanh, Xavier", "ko": "tanh, Xavier"},
    "init.preset.relu_xavier": {"en": "ReLU, Xavier", "ko": "ReLU, Xavier"},
    "init.preset.relu_he": {"en": "ReLU, He", "ko": "ReLU, He"},
    # --- the chosen scheme -----------------------------------------------------------------------
    "init.formula": {
        "en": "**{name}** draws every weight as",
        "ko": "**{name}**{은} 가중치를 다음과 같이 뽑습니다.",
    },
    "init.formula.std": {
        "en": "Theoretical std of the weights: first layer (64 → {w}) **{first}**, hidden ({w} → {w}) **{hidden}**, "
        "output ({w} → 10) **{output}**.",
        "ko": "가중치 표준편차의 이론값: 첫 층(64 → {w}) **{first}**, 은닉층({w} → {w}) **{hidden}**, "
        "출력층({w} → 10) **{output}**.",
    },
    "init.formula.gain": {"en": "Here g = {g}.", "ko": "여기서 g = {g}입니다."},
    "init.arg.normal": _same("σ = {v}"),
    "init.arg.uniform": _same("a = {v}"),
    "init.arg.constant": _same("c = {v}"),
    "init.arg.fan_out": _same("fan_out"),
    "init.arg.gain": _same("g = {v}"),
    "init.m.act_first": {"en": "std(h), layer 1", "ko": "std(h), 1층"},
    "init.m.act_last": {"en": "std(h), layer {n}", "ko": "std(h), {n}층"},
    "init.m.grad_first": {"en": "std(∂L/∂h), layer 1", "ko": "std(∂L/∂h), 1층"},
    "init.m.grad_last": {"en": "std(∂L/∂h), layer {n}", "ko": "std(∂L/∂h), {n}층"},
    "init.m.flat": {"en": "Flat units, layer {n}", "ko": "평평한 유닛 비율, {n}층"},
    "init.m.flat.help": {
        "en": "Share of units whose local slope φ′(z) is below 0.01: they pass less than 1 % of the gradient "
        "(saturated tanh/sigmoid, ReLU at z < 0).",
        "ko": "미분값 φ′(z)이 0.01보다 작은 유닛의 비율입니다. 이런 유닛은 기울기를 1%도 전달하지 "
        "못합니다(포화된 tanh/시그모이드, z < 0인 ReLU).",
    },
    "init.verdict.vanish": {
        "en": "**The signal vanishes.** The activations' std falls by a factor of {ratio} from layer 1 to layer {n}: "
        "deep layers see almost nothing of the input.",
        "ko": "**신호가 사라집니다.** 활성값 표준편차가 1층에서 {n}층까지 {ratio}배로 줄었습니다. 깊은 층은 입력을 "
        "거의 보지 못합니다.",
    },
    "init.verdict.floor": {
        "en": "**…but only down to a floor.** The std falls by about ×{factor} per layer until layer {layer}, then "
        "stays near **{value}**: nn.Linear's default biases, U(±1/√n), give every unit a spread of its own that "
        "the shrinking weights cannot take away.",
        "ko": "**…다만 바닥까지만 줄어듭니다.** 표준편차는 {layer}층까지 층마다 약 ×{factor}배로 줄다가, 그 뒤로는 "
        "**{value}** 근처에 머뭅니다. nn.Linear의 기본 편향 U(±1/√n)이 유닛마다 고유한 퍼짐을 주고, 줄어드는 "
        "가중치는 이를 없애지 못합니다.",
    },
    "init.verdict.floor.tanh": {
        "en": "For tanh near 0 the variance settles where Var(z) = Var(z)/3 + 1/(3n): std 1/√(2n) = {closed} for "
        "n = {n}.",
        "ko": "0 근처의 tanh에서는 분산이 Var(z) = Var(z)/3 + 1/(3n)이 되는 곳에 자리 잡습니다. n = {n}이면 표준편차 "
        "1/√(2n) = {closed}입니다.",
    },
    "init.verdict.explode": {
        "en": "**The signal explodes.** The activations' std grows by a factor of {ratio} from layer 1 to layer {n}.",
        "ko": "**신호가 폭발합니다.** 활성값 표준편차가 1층에서 {n}층까지 {ratio}배로 커졌습니다.",
    },
    "init.verdict.saturate": {
        "en": "**The units saturate.** {flat} of the units in layer {n} sit on the flat part of the activation "
        "(φ′ < 0.01): they output ±1 (or 0/1) whatever the input and pass almost no gradient.",
        "ko": "**유닛이 포화됩니다.** {n}층 유닛의 {flat}{가} 활성화 함수의 평평한 부분(φ′ < 0.01)에 있습니다. 입력과 "
        "상관없이 ±1(또는 0/1)을 내고 기울기를 거의 전달하지 못합니다.",
    },
    "init.verdict.grad": {
        "en": "**The gradients {how}.** The back-propagated gradient ∂L/∂h changes by a factor of {ratio} from "
        "layer {n} back to layer 1: the first layers learn {speed}.",
        "ko": "**기울기가 {how}.** 역전파된 기울기 ∂L/∂h가 {n}층에서 1층으로 오면서 {ratio}배가 됩니다. 앞쪽 층은 "
        "{speed} 배웁니다.",
    },
    "init.verdict.grad.vanish": {"en": "vanish", "ko": "사라집니다"},
    "init.verdict.grad.explode": {"en": "explode", "ko": "폭발합니다"},
    "init.verdict.speed.slow": {"en": "far more slowly than the last", "ko": "마지막 층보다 훨씬 느리게"},
    "init.verdict.speed.fast": {"en": "with far larger steps than the last", "ko": "마지막 층보다 훨씬 큰 폭으로"},
    "init.verdict.steady": {
        "en": "**Steady.** Activations keep their size within a factor of {ratio} from layer 1 to layer {n}, and "
        "gradients within {gratio} on the way back: every layer gets a usable signal.",
        "ko": "**안정적입니다.** 활성값 크기가 1층에서 {n}층까지 {ratio}배 안에서 유지되고, 역전파 기울기도 "
        "{gratio}배 안에서 유지됩니다. 모든 층이 쓸 만한 신호를 받습니다.",
    },
    "init.verdict.constant": {
        "en": "**All weights equal.** The weights have no spread at all (std 0): see the symmetry section below.",
        "ko": "**모든 가중치가 같습니다.** 가중치 퍼짐이 전혀 없습니다(표준편차 0). 아래 대칭성 절을 보세요.",
    },
    "init.overflow": {
        "en": "**The activations overflowed at layer {layer}.** They grew past the largest float32 number "
        "(≈ 3.4·10³⁸) and became inf/NaN, so the backward pass and the theory stop there. The weights are far "
        "too large for this depth: use a smaller std, fewer layers, or Xavier/He.",
        "ko": "**{layer}층에서 활성값이 넘쳤습니다.** float32의 최댓값(≈ 3.4·10³⁸)을 넘어 inf/NaN이 되어, 역전파와 "
        "이론 계산이 거기서 멈춥니다. 이 깊이에 비해 가중치가 너무 큽니다. 표준편차를 줄이거나 층을 줄이거나 "
        "Xavier/He를 쓰세요.",
    },
    # --- depth charts ----------------------------------------------------------------------------
    "init.depth.title": {"en": "Through the layers", "ko": "층을 지나며"},
    "init.depth.caption": {
        "en": "Solid lines with dots: measured on this batch. Dashed: theory — the weights' std from the "
        "scheme's formula; for activations and ∂L/∂h, the mean-field prediction for independent random "
        "weights (it follows each layer's variance through the activation; not defined for constant weights). "
        "Log scale: each grid line is ×10.",
        "ko": "점이 있는 실선: 이 배치에서 잰 값. 점선: 이론값. 가중치는 방법의 공식에서, 활성값과 ∂L/∂h는 "
        "독립인 무작위 가중치를 가정한 평균장 이론의 예측에서 구했습니다(각 층의 분산을 활성화 함수에 "
        "통과시켜 따라갑니다. 상수 가중치에는 정의되지 않습니다). 로그 눈금: 눈금 한 칸이 10배입니다.",
    },
    "init.panel.weight": {"en": "Weights w", "ko": "가중치 w"},
    "init.panel.activation": {"en": "Activations h (forward)", "ko": "활성값 h (순전파)"},
    "init.panel.backprop": {"en": "Gradients ∂L/∂h (backward)", "ko": "기울기 ∂L/∂h (역전파)"},
    "init.panel.wgrad": {"en": "Weight gradients ∂L/∂W", "ko": "가중치 기울기 ∂L/∂W"},
    "init.lbl.layer": {"en": "layer", "ko": "층"},
    "init.lbl.std": {"en": "std", "ko": "표준편차"},
    "init.lbl.scheme": {"en": "scheme", "ko": "초기화"},
    "init.lbl.source": {"en": "line", "ko": "선"},
    "init.lbl.measured": {"en": "measured", "ko": "측정값"},
    "init.lbl.theory": {"en": "theory", "ko": "이론값"},
    "init.lbl.value": {"en": "value", "ko": "값"},
    "init.lbl.share": {"en": "share of values", "ko": "값의 비율"},
    "init.lbl.count": {"en": "count", "ko": "개수"},
    "init.lbl.from": {"en": "from", "ko": "구간 시작"},
    "init.lbl.to": {"en": "to", "ko": "구간 끝"},
    "init.lbl.step": {"en": "step", "ko": "스텝"},
    "init.lbl.train_loss": {"en": "training loss", "ko": "학습 손실"},
    "init.lbl.test_acc": {"en": "test accuracy", "ko": "테스트 정확도"},
    "init.lbl.unit": {"en": "unit", "ko": "유닛"},
    "init.lbl.weight": {"en": "weight", "ko": "가중치"},
    "init.lbl.output": {"en": "out", "ko": "출력"},
    "init.lbl.ln10": {"en": "ln 10 = guessing", "ko": "ln 10 = 무작위로 찍기"},
    # --- histograms ------------------------------------------------------------------------------
    "init.hist.title": {"en": "Distributions, layer by layer", "ko": "층별 분포"},
    "init.hist.weight": {"en": "Weights", "ko": "가중치"},
    "init.hist.activation": {"en": "Activations", "ko": "활성값"},
    "init.hist.gradient": {"en": "Weight gradients", "ko": "가중치 기울기"},
    "init.hist.caption": {
        "en": "{scheme}: one histogram per layer, all on the same x-axis so layers compare at a glance (a bar "
        "piled at 0 means the values collapsed; bars at the edges mean saturation). Each panel's height is "
        "its own share of values; hover a bar for its exact range and count.",
        "ko": "{scheme}: 층마다 히스토그램 하나. 모든 층이 같은 x축을 써서 한눈에 비교됩니다(0에 막대 하나만 "
        "있으면 값이 쪼그라든 것, 양 끝에 몰리면 포화된 것). 세로축은 패널마다 따로 맞춘 값의 비율입니다. 막대에 "
        "마우스를 올리면 정확한 구간과 개수가 보입니다.",
    },
    "init.hist.layer": {"en": "layer {n}", "ko": "{n}층"},
    # --- all schemes -------------------------------------------------------------------------------
    "init.table.title": {"en": "Every scheme for these layer sizes", "ko": "이 층 크기에서의 모든 초기화 방법"},
    "init.table.caption": {
        "en": "Theoretical std of the weights each scheme draws, for the first layer (64 → {w}), the hidden layers "
        "({w} → {w}) and the output layer ({w} → 10), with the gain and arguments set above. Xavier and He "
        "scale with the layer size; normal, uniform and constant do not — that is why one fixed σ can only be "
        "right for one width.",
        "ko": "각 방법이 뽑는 가중치 표준편차의 이론값입니다. 첫 층(64 → {w}), 은닉층({w} → {w}), 출력층({w} → 10) "
        "기준이며 이득과 인자는 위의 설정을 따릅니다. Xavier와 He는 층 크기에 맞춰 바뀌지만 정규·균등·상수는 "
        "바뀌지 않습니다. 그래서 고정된 σ 하나는 한 가지 너비에만 맞을 수 있습니다.",
    },
    "init.col.scheme": {"en": "scheme", "ko": "방법"},
    "init.col.gain": {"en": "gain g", "ko": "이득 g"},
    "init.col.first": {"en": "std, first layer", "ko": "표준편차, 첫 층"},
    "init.col.hidden": {"en": "std, hidden layers", "ko": "표준편차, 은닉층"},
    "init.col.output": {"en": "std, output layer", "ko": "표준편차, 출력층"},
    "init.formulas": {"en": "Formulas", "ko": "공식"},
    # --- symmetry ----------------------------------------------------------------------------------
    "init.sym.title": {"en": "Symmetry: why not give every weight the same value?", "ko": "대칭성: 모든 가중치를 같은 값으로 두면 안 될까?"},
    "init.sym.intro": {
        "en": "Initialise with `nn.init.constant_(w, {value})` and train: every unit of a hidden layer computes the "
        "same sum of the same inputs, so it gets the same value, the same gradient and the same update — at "
        "every step. A layer of {units} units acts as **one** unit. Here the tutorial's shape, 64-{units}-{units}-10 "
        "with {act}, is trained for {steps} steps on the digits (learning rate {lr}), next to {other}.",
        "ko": "`nn.init.constant_(w, {value})`로 초기화하고 학습해 보세요. 은닉층의 모든 유닛이 같은 입력의 같은 합을 "
        "계산하므로 값도, 기울기도, 업데이트도 매 스텝 똑같습니다. 유닛 {units}개짜리 층이 유닛 **하나**처럼 "
        "동작합니다. 여기서는 튜토리얼과 같은 모양인 64-{units}-{units}-10({act})을 숫자 데이터로 {steps}스텝 "
        "학습시키고(학습률 {lr}), {other}{와} 나란히 비교합니다.",
    },
    "init.sym.trace": {
        "en": "The weight from the first input into {k} units of the last hidden layer, step by step",
        "ko": "마지막 은닉층 유닛 {k}개로 들어가는 첫 입력의 가중치, 스텝별",
    },
    "init.sym.trace.caption": {
        "en": "Left, constant init: the {k} lines lie exactly on top of each other (one line is all you can see) "
        "even though the weights move. Right, {other}: each unit goes its own way.",
        "ko": "왼쪽, 상수 초기화: 가중치가 움직이는데도 {k}개의 선이 정확히 겹쳐서 선 하나만 보입니다. "
        "오른쪽, {other}: 유닛마다 다른 길로 갑니다.",
    },
    "init.sym.table": {"en": "After {steps} steps, hidden layer by hidden layer", "ko": "{steps}스텝 후, 은닉층별"},
    "init.sym.col.layer": {"en": "hidden layer", "ko": "은닉층"},
    "init.sym.col.init": {"en": "init", "ko": "초기화"},
    "init.sym.col.distinct": {"en": "distinct units", "ko": "서로 다른 유닛 수"},
    "init.sym.col.rank": {"en": "rank of its output", "ko": "출력의 랭크"},
    "init.sym.col.act_spread": {"en": "max unit difference, h", "ko": "유닛 간 최대 차이, h"},
    "init.sym.col.grad_spread": {"en": "max unit difference, ∂L/∂W", "ko": "유닛 간 최대 차이, ∂L/∂W"},
    "init.sym.col.moved": {"en": "largest weight change", "ko": "가중치 최대 변화량"},
    "init.sym.table.caption": {
        "en": "Distinct units: rows of W that differ (by more than 10⁻⁶ relative). Rank: of the layer's outputs on "
        "256 digits — 1 means every unit carries the same signal. Differences are relative to the mean size.",
        "ko": "서로 다른 유닛 수: W에서 서로 다른 행의 개수(상대 차이 10⁻⁶ 초과). 랭크: 숫자 256개에 대한 그 층 "
        "출력의 랭크로, 1이면 모든 유닛이 같은 신호를 나른다는 뜻입니다. 차이는 평균 크기에 대한 상대값입니다.",
    },
    "init.sym.verdict.same": {
        "en": "Constant init: after {steps} steps every hidden layer still has **1** distinct unit out of {units}, "
        "its output has rank **1**, and the largest difference between two units' values and gradients is "
        "exactly **0**. Test accuracy: {acc} — what a net one unit wide can do.",
        "ko": "상수 초기화: {steps}스텝 뒤에도 모든 은닉층에서 서로 다른 유닛은 {units}개 중 **1**개, 출력의 랭크는 "
        "**1**이고, 두 유닛의 값과 기울기의 최대 차이는 정확히 **0**입니다. 테스트 정확도: {acc} — 너비가 유닛 "
        "하나인 신경망이 할 수 있는 만큼입니다.",
    },
    "init.sym.verdict.broken": {
        "en": "Constant init, yet the units came apart (up to {distinct} distinct units): floating-point rounding "
        "broke the tie. The difference stays tiny next to a random init.",
        "ko": "상수 초기화인데도 유닛이 갈라졌습니다(서로 다른 유닛 최대 {distinct}개). 부동소수점 반올림이 대칭을 "
        "깼습니다. 그래도 무작위 초기화와 비교하면 차이는 아주 작습니다.",
    },
    "init.sym.verdict.random": {
        "en": "{other}: {distinct} distinct units per layer, rank {rank}, test accuracy {acc}.",
        "ko": "{other}: 층마다 서로 다른 유닛 {distinct}개, 랭크 {rank}, 테스트 정확도 {acc}.",
    },
    "init.sym.zeros": {
        "en": "With `zeros_` it is worse still: all hidden weights and the output weights are 0, so ∂L/∂W is 0 for "
        "every hidden layer and only the biases learn.",
        "ko": "`zeros_`는 더 나쁩니다. 은닉층과 출력층 가중치가 모두 0이라 모든 은닉층의 ∂L/∂W가 0이 되고, 편향만 "
        "학습됩니다.",
    },
    # --- training ----------------------------------------------------------------------------------
    "init.train.title": {"en": "Does it matter for training?", "ko": "학습에 차이가 있을까?"},
    "init.train.intro": {
        "en": "The same net — {depth} hidden layers of {tw} units, {act} — trained on the digits with SGD "
        "(learning rate {lr}, mini-batches of 64, {steps} steps). Same seed, same mini-batches: only the initial "
        "weights differ.",
        "ko": "같은 신경망({act}, 유닛 {tw}개짜리 은닉층 {depth}개)을 숫자 데이터로 SGD 학습합니다(학습률 {lr}, "
        "미니배치 64, {steps}스텝). 시드와 미니배치가 같고 초기 가중치만 다릅니다.",
    },
    "init.train.capped": {
        "en": "Trained at width {tw} instead of {w} so the comparison takes a second or two; whether a scheme keeps "
        "the signal alive depends on its scaling with depth, which the chart above shows at full width.",
        "ko": "비교가 1~2초 안에 끝나도록 너비 {w} 대신 {tw}{로} 학습합니다. 방법이 신호를 살리는지는 깊이에 따른 "
        "배율로 정해지며, 위 그래프가 원래 너비에서 그것을 보여 줍니다.",
    },
    "init.train.loss": {"en": "Training loss", "ko": "학습 손실"},
    "init.train.acc": {"en": "Test accuracy", "ko": "테스트 정확도"},
    "init.train.caption": {
        "en": "Loss measured on {n} training digits every {every} steps, accuracy on the held-out test digits. "
        "The grey line is ln 10 ≈ 2.303: the "
        "loss of guessing 1/10 for every class — a net stuck there has learned nothing.",
        "ko": "{every}스텝마다 학습 숫자 {n}개에서 잰 손실이며, 정확도는 따로 떼어 둔 테스트 숫자에서 쟀습니다. "
        "회색 선은 ln 10 ≈ 2.303으로, 모든 클래스에 "
        "1/10씩 찍을 때의 손실입니다. 여기 머무는 신경망은 아무것도 배우지 못한 것입니다.",
    },
    "init.train.col.final": {"en": "final training loss", "ko": "최종 학습 손실"},
    "init.train.col.acc": {"en": "test accuracy", "ko": "테스트 정확도"},
    "init.train.col.status": {"en": "status", "ko": "상태"},
    "init.train.ok": {"en": "trained", "ko": "학습됨"},
    "init.train.stuck": {"en": "stuck at ln 10", "ko": "ln 10에 멈춤"},
    "init.train.diverged": {"en": "diverged at step {step}", "ko": "{step}스텝에서 발산"},
    "init.train.overshoot": {"en": "loss grew", "ko": "손실 증가"},
    "init.train.overshoot.note": {
        "en": "**The learning rate is too large.** For {schemes} the loss went *up* during training (from {start} to "
        "{end} for the first): each step of size {lr} overshoots the minimum further than the last. Saturating "
        "activations (tanh, sigmoid) keep the numbers finite, so nothing overflows — the net just gets worse. "
        "Try a learning rate 10× smaller.",
        "ko": "**학습률이 너무 큽니다.** {schemes}에서 학습 중 손실이 오히려 *올라갔습니다*(첫 번째는 {start}에서 "
        "{end}{로}). 크기 {lr}의 스텝이 매번 최솟값을 더 멀리 지나칩니다. 포화하는 활성화 함수(tanh, 시그모이드)가 "
        "숫자를 유한하게 붙잡아 두어 넘치지는 않지만, 신경망은 점점 나빠집니다. 학습률을 10배 줄여 보세요.",
    },
    "init.train.best": {
        "en": "After {steps} steps the best is **{best}** (loss {loss}, test accuracy {acc}); the worst is **{worst}** "
        "(loss {wloss}, test accuracy {wacc}).",
        "ko": "{steps}스텝 뒤 가장 좋은 것은 **{best}**(손실 {loss}, 테스트 정확도 {acc}), 가장 나쁜 것은 "
        "**{worst}**(손실 {wloss}, 테스트 정확도 {wacc})입니다.",
    },
    "init.train.diverged_note": {"en": "{scheme}:", "ko": "{scheme}:"},
    # --- try this ----------------------------------------------------------------------------------
    "init.try.q1": {
        "en": "Click **tanh, σ = 0.01**. Before you look: what will the activation histograms of layers 1 to 10 "
        "look like?",
        "ko": "**tanh, σ = 0.01**을 눌러 보세요. 보기 전에 예측해 보세요. 1층부터 10층까지 활성값 히스토그램은 어떻게 "
        "생겼을까요?",
    },
    "init.try.a1": {
        "en": "Each layer multiplies the std by about σ·√512 ≈ 0.23, so the bell curve narrows layer after layer "
        "until everything sits in one bar at 0 (std ~10⁻⁷ by layer 10). The gradients ∂L/∂W shrink just as "
        "fast, and in training the loss never leaves ln 10.",
        "ko": "층마다 표준편차가 약 σ·√512 ≈ 0.23배가 되어 종 모양이 층마다 좁아지다가, 10층쯤에는 모두 0의 막대 "
        "하나에 몰립니다(표준편차 ~10⁻⁷). 기울기 ∂L/∂W도 그만큼 빨리 줄어들고, 학습에서 손실은 ln 10을 벗어나지 "
        "못합니다.",
    },
    "init.try.q2": {
        "en": "Now **tanh, σ = 1**. Saturated units pass almost no gradient — so will the gradients vanish too?",
        "ko": "이번엔 **tanh, σ = 1**. 포화된 유닛은 기울기를 거의 전달하지 못하니, 기울기도 사라질까요?",
    },
    "init.try.a2": {
        "en": "The activations pile up at ±1 (about 89 % of units are flat). But look at ∂L/∂h: it *grows* towards "
        "the input, by about ×3.5 per layer. The few units that are not saturated multiply the gradient by "
        "weights of size 1 summed over 512 inputs — and the mean-field theory (dashed) predicts exactly that. "
        "Saturation does not make the gradient small; it makes it wild: a handful of huge entries and zeros "
        "everywhere else.",
        "ko": "활성값은 ±1에 몰립니다(유닛의 약 89%가 평평함). 그런데 ∂L/∂h를 보면 입력 쪽으로 갈수록 층마다 약 3.5배씩 "
        "*커집니다*. 포화되지 않은 몇몇 유닛이 크기 1인 가중치 512개를 거쳐 기울기를 키우기 때문이며, 평균장 "
        "이론(점선)도 정확히 그렇게 예측합니다. 포화는 기울기를 작게 만드는 게 아니라 들쭉날쭉하게 만듭니다. "
        "몇 개는 아주 크고 나머지는 0입니다.",
    },
    "init.try.q3": {
        "en": "**ReLU, Xavier** at 20 layers: Xavier keeps n·Var(w) = 1. What happens to the activations' std per layer?",
        "ko": "20층에서 **ReLU, Xavier**: Xavier는 n·Var(w) = 1을 유지합니다. 활성값 표준편차는 층마다 어떻게 될까요?",
    },
    "init.try.a3": {
        "en": "ReLU zeroes half of its inputs, so E[h²] = Var(z)/2: the signal's size drops by 1/√2 per layer — "
        "a factor of about 700 over 20 layers. He (**ReLU, He**) doubles the variance to 2/n to pay for that half, "
        "and the line goes flat. Set the gain to *calculate_gain* and Xavier gets g = √2 as well.",
        "ko": "ReLU는 입력의 절반을 0으로 만들어 E[h²] = Var(z)/2가 됩니다. 그래서 신호 크기가 층마다 1/√2배로 줄어 "
        "20층이면 약 700분의 1이 됩니다. He(**ReLU, He**)는 그 절반을 메우려고 분산을 2/n으로 두 배 키우고, 선이 "
        "평평해집니다. 이득을 `calculate_gain`으로 바꾸면 Xavier도 g = √2를 받습니다.",
    },
    "init.try.q4": {
        "en": "Set the activation to **tanh** at 10 layers and keep **PyTorch's default** scheme. Will the training "
        "comparison show it learning in 100 steps?",
        "ko": "활성화 함수를 **tanh**, 10층으로 두고 초기화는 **PyTorch 기본값**으로 두세요. 학습 비교에서 100스텝 "
        "안에 학습이 될까요?",
    },
    "init.try.a4": {
        "en": "PyTorch's default draws U(±1/√n): Var(w) = 1/(3n), a third of what keeps tanh's signal alive. The "
        "activations shrink over the first layers — until the default biases hold them at a floor, std ≈ "
        "1/√(2n) — and, at learning rate 0.1, the loss barely leaves ln 10 while Xavier trains. The default is a safe choice for shallow nets, not a law: deep nets need the scheme that "
        "matches the activation.",
        "ko": "PyTorch 기본값은 U(±1/√n)에서 뽑아 Var(w) = 1/(3n)으로, tanh의 신호를 유지하는 값의 3분의 1입니다. "
        "활성값이 처음 몇 층에서 줄어들다가 기본 편향 때문에 바닥(표준편차 ≈ 1/√(2n))에서 멈추고, 학습률 0.1에서 손실은 "
        "ln 10을 거의 벗어나지 못하는데 Xavier는 학습됩니다. "
        "기본값은 얕은 신경망에 안전한 선택일 뿐 법칙이 아닙니다. 깊은 신경망에는 활성화 함수에 맞는 초기화가 "
        "필요합니다.",
    },
    "init.try.q5": {
        "en": "Pick **Constant** with c = 0.1 and ReLU. Predict the number of distinct units per hidden layer after "
        "training.",
        "ko": "**상수**, c = 0.1, ReLU를 고르세요. 학습 뒤 은닉층마다 서로 다른 유닛이 몇 개일지 예측해 보세요.",
    },
    "init.try.a5": {
        "en": "One. The units start equal, get equal gradients and equal updates, forever: nothing in gradient "
        "descent can tell them apart. Random initialisation exists to break this symmetry.",
        "ko": "하나입니다. 유닛들이 같은 값에서 출발해 같은 기울기와 같은 업데이트를 계속 받으니, 경사 하강법은 "
        "이들을 영원히 구별하지 못합니다. 무작위 초기화는 바로 이 대칭을 깨려고 있는 것입니다.",
    },
    # --- why ---------------------------------------------------------------------------------------
    "init.why.sum": {
        "en": "A unit adds up n_in weighted inputs. With independent, zero-mean weights the variances add:",
        "ko": "유닛 하나는 가중치를 곱한 입력 n_in개를 더합니다. 가중치가 서로 독립이고 평균이 0이면 분산이 더해집니다.",
    },
    "init.why.product": {
        "en": "Layer after layer the factors multiply. If n_in·Var(w)·c_φ is below 1 the signal shrinks "
        "geometrically (vanishes), above 1 it grows (explodes) — depth turns a small mismatch into a huge one.",
        "ko": "층을 지날 때마다 이 배율이 곱해집니다. n_in·Var(w)·c_φ가 1보다 작으면 신호가 기하급수적으로 줄고(소실), "
        "1보다 크면 커집니다(폭발). 깊이가 작은 어긋남을 엄청난 차이로 키웁니다.",
    },
    "init.why.back": {
        "en": "Backward, each input collects the gradients of the n_out units it feeds, through the same weights:",
        "ko": "역전파에서는 각 입력이 자신이 연결된 n_out개 유닛의 기울기를 같은 가중치를 거쳐 모읍니다.",
    },
    "init.why.xavier": {
        "en": "**Xavier (Glorot & Bengio, 2010)** wants both to stay at 1 for a roughly linear activation (tanh near "
        "0); it cannot have both when n_in ≠ n_out, so it takes the harmonic compromise:",
        "ko": "**Xavier**(Glorot & Bengio, 2010)는 거의 선형인 활성화 함수(0 근처의 tanh)에서 두 배율을 모두 1로 두고 "
        "싶어 합니다. n_in ≠ n_out이면 둘 다 만족할 수 없으므로 두 조건의 조화 평균으로 절충합니다.",
    },
    "init.why.he": {
        "en": "**He (Kaiming He et al., 2015)**: ReLU zeroes half of the inputs, so only half of the variance "
        "survives; doubling Var(w) pays for it (mode fan_in keeps the forward pass, fan_out the backward one):",
        "ko": "**He(Kaiming He 외, 2015)**: ReLU는 입력의 절반을 0으로 만들어 분산도 절반만 남습니다. Var(w)를 두 배로 "
        "키워 이를 메웁니다(fan_in 모드는 순전파를, fan_out 모드는 역전파를 유지합니다).",
    },
    "init.why.gain": {
        "en": "The gain g of `calculate_gain` is the same correction per activation: √2 for ReLU, 5/3 for tanh, 1 "
        "for linear and sigmoid. Uniform schemes reach the same std with a wider range:",
        "ko": "`calculate_gain`의 이득 g는 활성화 함수별로 같은 보정을 합니다. ReLU는 √2, tanh는 5/3, 선형과 "
        "시그모이드는 1입니다. 균등분포 방법은 범위를 넓혀 같은 표준편차를 맞춥니다.",
    },
    "init.why.mf": {
        "en": "The dashed theory lines go one step further (mean-field theory, Poole et al. 2016): they follow each "
        "layer's variance q through the real activation, with no linear approximation — which is why they also "
        "catch tanh's saturation and the exploding gradients of σ = 1:",
        "ko": "그래프의 점선 이론값은 여기서 더 나아갑니다(평균장 이론, Poole 외 2016). 선형 근사 없이 실제 활성화 "
        "함수를 통과시키며 층마다 분산 q를 따라갑니다. 그래서 tanh의 포화와 σ = 1일 때의 기울기 폭발까지 "
        "맞힙니다.",
    },
    "init.why.rbm": {
        "en": "The tutorial also lists RBM pre-training (2006): train each layer alone as a Restricted Boltzmann "
        "Machine, stack them, then fine-tune with backprop. It was the first way to train deep nets at all; "
        "Xavier and He made it unnecessary with one line of arithmetic, which is why it is rarely used today.",
        "ko": "튜토리얼에는 RBM 사전 학습(2006)도 나옵니다. 층 하나씩 제한된 볼츠만 머신(RBM)으로 따로 학습해 쌓은 뒤 "
        "역전파로 미세 조정하는 방법으로, 깊은 신경망을 처음으로 학습 가능하게 했습니다. Xavier와 He가 간단한 공식 하나로 "
        "이를 대신하게 되어 지금은 잘 쓰지 않습니다.",
    },
    "init.latex.sum": _same(_LATEX_SUM),
    "init.latex.product": _same(_LATEX_PRODUCT),
    "init.latex.back": _same(_LATEX_BACK),
    "init.latex.xavier": _same(_LATEX_XAVIER),
    "init.latex.he": _same(_LATEX_HE),
    "init.latex.uniform": _same(_LATEX_UNIFORM),
    "init.latex.mf": _same(_LATEX_MF),
    # --- generated code comments ---------------------------------------------------------------------
    "init.code.title": {
        "en": "Weight initialisation ({scheme}, {activation}): per-layer statistics, then a short training run",
        "ko": "가중치 초기화({scheme}, {activation}): 층별 통계를 재고 짧게 학습해 봅니다",
    },
    "init.code.data": {
        "en": "load_digits: split 80/20 by the seed, standardised with the training split's mean and std",
        "ko": "load_digits: 시드로 80/20 분할하고 학습 데이터의 평균과 표준편차로 표준화합니다",
    },
    "init.code.model": {
        "en": "64 inputs → depth hidden layers of `width` units → 10 classes",
        "ko": "입력 64개 → 유닛 width개짜리 은닉층 depth개 → 클래스 10개",
    },
    "init.code.init": {
        "en": "re-initialise every weight (and bias) with torch.nn.init, drawing from our own generator",
        "ko": "모든 가중치와 편향을 torch.nn.init으로 다시 초기화합니다. 난수는 우리 생성기에서 뽑습니다",
    },
    "init.code.noise": {"en": "its own random stream for the data", "ko": "데이터용 난수 흐름은 따로 둡니다"},
    "init.code.probe": {
        "en": "1) one batch forward and backward: std of weights, activations and gradients per layer",
        "ko": "1) 배치 하나로 순전파와 역전파: 층별 가중치·활성값·기울기의 표준편차",
    },
    "init.code.outputs": {
        "en": "a hidden layer's activation, or the logits at the end",
        "ko": "은닉층의 활성값, 마지막은 로짓",
    },
    "init.code.train": {
        "en": "2) does it matter for training? SGD on mini-batches of {batch}, width {width}",
        "ko": "2) 학습에 차이가 있을까? 미니배치 {batch}개로 SGD, 너비 {width}",
    },
    "init.code.batches": {
        "en": "the same mini-batches for every scheme at this seed",
        "ko": "같은 시드면 어떤 초기화든 같은 미니배치를 씁니다",
    },
    "init.code.diverged": {"en": "the loss became inf/NaN: stop", "ko": "손실이 inf/NaN이 되면 멈춥니다"},
    # --- paper check: He et al. (2015) ---------------------------------------------------------------
    "init.paper": {"en": "Paper check: He et al. (2015)", "ko": "논문 확인: He 외 (2015)"},
    "init.paper.help": {
        "en": "Rerun the paper's 30-layer ReLU net with Var(w) = 1/n and 2/n: the signal through depth and "
        "200 training steps (takes a few seconds).",
        "ko": "논문의 30층 ReLU 신경망을 Var(w) = 1/n과 2/n으로 다시 돌립니다. 깊이에 따른 신호와 200스텝 학습을 "
        "봅니다(몇 초 걸립니다).",
    },
    "init.paper.title": {
        "en": "Paper check: He et al. (2015), a 30-layer ReLU net",
        "ko": "논문 확인: He 외 (2015), 30층 ReLU 신경망",
    },
    "init.paper.lead": {
        "en": "He and colleagues showed that with Var(w) = 1/n each ReLU layer halves the signal's second moment, so "
        "after L layers only 2^(−L/2) of its size is left, while Var(w) = 2/n keeps it level; their 30-layer net "
        "with 1/n did not learn at all, with 2/n it did. Here the paper's own depth, 30 hidden layers of {width} "
        "units (training: {train_width}) on the digits, seed {seed}:",
        "ko": "He와 동료들은 Var(w) = 1/n이면 ReLU 층마다 신호의 2차 모멘트가 절반이 되어 L층 뒤에는 크기의 "
        "2^(−L/2)만 남고, Var(w) = 2/n이면 일정하게 유지됨을 보였습니다. 1/n으로 초기화한 30층 신경망은 전혀 학습하지 "
        "못했고 2/n은 학습했습니다. 여기서는 논문과 같은 깊이, 유닛 {width}개(학습은 {train_width}개)짜리 은닉층 "
        "30개를 손글씨 숫자에서 시드 {seed}{로} 돌립니다.",
    },
    "init.paper.m.kept": {"en": "Layer 30 ÷ layer 1, Var(w) = {var}", "ko": "30층 ÷ 1층, Var(w) = {var}"},
    "init.paper.m.delta": {"en": "paper: {value}", "ko": "논문: {value}"},
    "init.paper.m.loss": {"en": "Loss after {steps} steps, Var(w) = {var}", "ko": "{steps}스텝 뒤 손실, Var(w) = {var}"},
    "init.paper.stall.yes": {
        "en": "**Var(w) = {var}: stalled**, as in the paper — the loss stays at ln 10 = 2.303 (chance on ten digits).",
        "ko": "**Var(w) = {var}: 멈췄습니다.** 논문과 같습니다. 손실이 ln 10 = 2.303(열 개 숫자에서 찍기)에 머뭅니다.",
    },
    "init.paper.stall.no": {
        "en": "**Var(w) = {var}: learns** — the loss falls from ln 10 to {loss}.",
        "ko": "**Var(w) = {var}: 학습합니다.** 손실이 ln 10에서 {loss}{로} 내려갑니다.",
    },
    "init.paper.source": {"en": "Source: {cite}", "ko": "출처: {cite}"},
    "init.lbl.paper": {"en": "paper: 2^(−(l−1)/2)", "ko": "논문: 2^(−(l−1)/2)"},
    "init.lbl.step": {"en": "step", "ko": "스텝"},
    "init.lbl.loss": {"en": "training loss", "ko": "학습 손실"},
    "init.lbl.chance": {"en": "ln 10 (chance)", "ko": "ln 10 (찍기)"},
}
