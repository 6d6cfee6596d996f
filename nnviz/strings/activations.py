"""Strings of the activations page (/activations). Title and question live in strings/topics.py."""


def _same(text: str) -> dict[str, str]:
    return {"en": text, "ko": text}


_LATEX_CHAIN = (
    r"\frac{\partial \mathcal{L}}{\partial h^{(1)}} = \Big(\prod_{l=2}^{L} W^{(l)\top}\,"
    r"\mathrm{diag}\big(f'(z^{(l)})\big)\Big)\,\frac{\partial \mathcal{L}}{\partial h^{(L)}}"
)
_LATEX_SIZE = (
    r"\Big\|\frac{\partial \mathcal{L}}{\partial h^{(1)}}\Big\| \approx \prod_{l=2}^{L}"
    r"\Big(\underbrace{\sqrt{n}\,\sigma_w}_{\text{weights}}\cdot\underbrace{\sqrt{\mathbb{E}[f'(z)^2]}}_{\text{slope}}\Big)"
    r"\,\Big\|\frac{\partial \mathcal{L}}{\partial h^{(L)}}\Big\|"
)
_LATEX_SIGMOID = r"\sigma'(z) = \sigma(z)\,\big(1-\sigma(z)\big) \le \tfrac14 \quad\Rightarrow\quad \prod_{l=1}^{L} \sigma'(z^{(l)}) \le 4^{-L}"
_LATEX_HE = (
    r"\text{He: } \mathrm{Var}(W) = \frac{2}{n_\text{in}} \Rightarrow \sqrt{2}\cdot\sqrt{\tfrac12} = 1"
    r"\qquad \text{default: } \mathrm{Var}(W) = \frac{1}{3\,n_\text{in}} \Rightarrow"
    r" \sqrt{\tfrac13}\cdot\sqrt{\tfrac12} \approx 0.41"
)
_LATEX_SIZE_KO = _LATEX_SIZE.replace(r"\text{weights}", r"\text{가중치}").replace(r"\text{slope}", r"\text{미분값}")
_LATEX_HE_KO = _LATEX_HE.replace(r"\text{default: }", r"\text{기본값: }")
_LATEX_LEAKY = (
    r"f(z) = \max(\alpha z,\, z), \qquad f'(z) = \begin{cases} 1 & z > 0 \\ \alpha & z \le 0 \end{cases}"
    r"\qquad \text{He: } \mathrm{Var}(W) = \frac{2}{(1+\alpha^2)\,n_\text{in}}"
)

STRINGS = {
    "activations.intro": {
        "en": "A deep net learns by sending the gradient of the loss backwards through every layer "
        "(backpropagation), and every layer multiplies it by its activation's slope f′ and by its weights. "
        "**Part 1** shows each activation function f and its slope f′. **Part 2** trains real deep nets side by "
        "side with PyTorch — one per activation, same seed, same data — and measures layer by layer how much "
        "gradient is left when it reaches the first layers, and which units have died or saturated. Change the "
        "activation, the **initialisation** and the depth, and watch the gradient vanish, survive or explode.",
        "ko": "깊은 신경망은 손실의 기울기를 출력층에서 입력층 쪽으로 한 층씩 거꾸로 전달하며(역전파) 학습합니다. "
        "층을 지날 때마다 기울기에는 그 층 활성화 함수의 미분값 f′와 가중치가 곱해집니다. **1절**에서는 활성화 "
        "함수 f와 그 도함수 f′를 봅니다. **2절**에서는 활성화 함수마다 하나씩, 같은 시드와 같은 데이터로 실제 깊은 "
        "신경망을 PyTorch로 나란히 학습시키며, 기울기가 첫 층에 도착했을 때 얼마나 남아 있는지, 어떤 유닛이 "
        "죽거나 포화되었는지를 층마다 잽니다. 활성화 함수, **가중치 초기화**, 깊이를 바꿔 가며 기울기가 "
        "사라지고, 살아남고, 폭발하는 모습을 보세요.",
    },
    # --- settings -----------------------------------------------------------------------------------
    "activations.acts": {"en": "Activations to compare (1 to 3)", "ko": "비교할 활성화 함수 (1~3개)"},
    "activations.acts.help": {
        "en": "One net is trained per activation, all from the same seed, so the only difference is f.",
        "ko": "활성화 함수마다 신경망을 하나씩, 모두 같은 시드로 학습합니다. 그래서 다른 점은 f뿐입니다.",
    },
    "activations.acts.limit": {
        "en": "Pick between 1 and {n} activations; the previous choice is kept.",
        "ko": "활성화 함수는 1~{n}개를 고르세요. 이전 선택을 유지합니다.",
    },
    "param.reason.activations_set": {
        "en": "must list 1 to {n} different activations out of {options}",
        "ko": "{options} 중에서 서로 다른 활성화 함수 1~{n}개여야 합니다",
    },
    "activations.init": {"en": "Weight initialisation", "ko": "가중치 초기화"},
    "activations.init.help": {
        "en": "PyTorch default: what nn.Linear draws if you write nothing, U(−1/√fan_in, 1/√fan_in). Xavier "
        "(Glorot) keeps the signal's size for tanh-like units; He (Kaiming) is made for ReLU: its √2 gain makes "
        "up for the half of the units that are off. Xavier and He use each activation's own gain.",
        "ko": "PyTorch 기본값: 아무것도 쓰지 않으면 nn.Linear가 뽑는 U(−1/√fan_in, 1/√fan_in)입니다. Xavier(Glorot)는 "
        "tanh 같은 유닛에서 신호의 크기를 유지하고, He(Kaiming)는 ReLU를 위해 만들어졌습니다. He의 이득 √2가 "
        "꺼져 있는 절반의 유닛을 보충합니다. Xavier와 He는 활성화 함수마다 알맞은 이득을 씁니다.",
    },
    "activations.data": {"en": "Data", "ko": "데이터"},
    "activations.data.help": {
        "en": "Diabetes: scikit-learn's load_diabetes (it replaces the Boston housing set that scikit-learn removed). "
        "Two moons: a 2-D two-class set. XOR: the four points.",
        "ko": "당뇨병: scikit-learn의 load_diabetes (scikit-learn에서 빠진 보스턴 집값 데이터 대신 씁니다). "
        "두 개의 반달: 2차원 두 클래스 데이터. XOR: 네 점.",
    },
    "opt.diabetes": {"en": "Diabetes (regression)", "ko": "당뇨병 (회귀)"},
    "opt.moons": {"en": "Two moons (classes)", "ko": "두 개의 반달 (분류)"},
    "activations.depth": {"en": "Hidden layers", "ko": "은닉층 수"},
    "activations.depth.help": {
        "en": "Number of hidden layers; the net has one more nn.Linear (the output layer).",
        "ko": "은닉층의 개수입니다. 신경망의 nn.Linear는 이보다 하나 더 많습니다(출력층).",
    },
    "activations.width": {"en": "Units per hidden layer", "ko": "은닉층의 유닛 수"},
    "activations.optimizer": {"en": "Optimizer", "ko": "옵티마이저"},
    "activations.optimizer.help": {
        "en": "SGD steps by lr × gradient, so a tiny gradient gives a tiny step. Adam divides each step by the "
        "gradient's running size, which hides vanishing gradients — up to a point.",
        "ko": "SGD는 학습률 × 기울기만큼 움직이므로 기울기가 작으면 한 스텝도 작습니다. Adam은 스텝 크기를 기울기의 "
        "평균 크기로 나누기 때문에 기울기 소실을 어느 정도 가려 줍니다.",
    },
    "activations.lr": {"en": "Learning rate", "ko": "학습률"},
    "activations.lr.help": {
        "en": "Step size of the optimizer. Too large and the loss or the gradients overflow to inf/NaN.",
        "ko": "옵티마이저의 보폭입니다. 너무 크면 손실이나 기울기가 inf/NaN으로 넘쳐 버립니다.",
    },
    "activations.epochs": {"en": "Epochs (full batch)", "ko": "에포크 수 (전체 배치)"},
    "activations.epochs.help": {
        "en": "One epoch = one update on the whole training set, as in the tutorial's loop.",
        "ko": "에포크 한 번 = 학습 데이터 전체로 한 번 업데이트합니다. 튜토리얼의 반복문과 같습니다.",
    },
    "activations.slope": {"en": "LeakyReLU slope for z < 0", "ko": "LeakyReLU의 음수 쪽 미분값"},
    "activations.slope.help": {
        "en": "nn.LeakyReLU(negative_slope): 0 makes it a plain ReLU. Used in part 1 and part 2.",
        "ko": "nn.LeakyReLU(negative_slope): 0이면 보통의 ReLU와 같습니다. 1절와 2절에 모두 쓰입니다.",
    },
    "activations.view": {"en": "Epoch shown", "ko": "보여 줄 에포크"},
    "activations.view.help": {
        "en": "The per-layer charts show the nets at this epoch (the nearest recorded one at or before it).",
        "ko": "층별 그래프가 이 에포크의 신경망을 보여 줍니다 (이 에포크이나 그 직전에 기록된 값).",
    },
    # --- presets ---------------------------------------------------------------------------------------
    "activations.presets": {"en": "Ready-made experiments", "ko": "준비된 실험"},
    "activations.preset.vanish": {"en": "Default init: all vanish", "ko": "기본 초기화: 모두 소실"},
    "activations.preset.he": {"en": "He init: ReLU recovers", "ko": "He 초기화: ReLU 회복"},
    "activations.preset.xavier": {"en": "Xavier: tanh yes, sigmoid no", "ko": "Xavier: tanh는 되고 시그모이드는 안 됨"},
    "activations.preset.dying": {"en": "Dying ReLU", "ko": "죽은 ReLU"},
    "activations.preset.explode": {"en": "Step too large: explosion", "ko": "학습률이 너무 큼: 폭발"},
    "activations.preset.tutorial": {"en": "Tutorial net 10→3→3→3→1", "ko": "튜토리얼 신경망 10→3→3→3→1"},
    "activations.preset.tutorial.note": {
        "en": "The tutorial's net: four nn.Linear layers, three hidden layers of 3 units, ReLU vs LeakyReLU, plain "
        "SGD on the full batch. The tutorial trains 200,000 epochs at lr 1e-4; here 200 epochs at lr 0.1 cover a "
        "similar distance (learning rate × epochs).",
        "ko": "튜토리얼의 신경망입니다. nn.Linear 네 개, 유닛 3개짜리 은닉층 세 개, ReLU와 LeakyReLU, 전체 배치에 "
        "모멘텀 없는 SGD. 튜토리얼은 학습률 1e-4로 200,000 에포크을 학습하는데, 여기서는 학습률 0.1로 200 에포크을 "
        "학습해 비슷한 거리(학습률 × 에포크)를 움직입니다.",
    },
    # --- part 1 -------------------------------------------------------------------------------------------
    "activations.p1.title": {"en": "1 · The functions and their slopes", "ko": "1 · 활성화 함수와 그 도함수"},
    "activations.p1.lead": {
        "en": "Backpropagation multiplies the gradient by f′(z) at every unit it passes through. Where f′ is small "
        "the gradient shrinks; where f′ is 0 nothing gets through. Grey bands: **|f′| < {thr}**, the *saturated* "
        "regions. Red dot: the steepest point — sigmoid's slope is never more than **0.25**.",
        "ko": "역전파는 기울기가 지나가는 유닛마다 f′(z)를 곱합니다. f′가 작으면 기울기가 줄고, f′가 0이면 아무것도 "
        "지나가지 못합니다. 회색 띠: **|f′| < {thr}**인 *포화* 구간. 빨간 점: 가장 가파른 곳. 시그모이드의 "
        "미분값은 결코 **0.25**를 넘지 않습니다.",
    },
    "activations.p1.caption": {
        "en": "f′ is computed by autograd through the real torch.nn modules (our tests check it against the "
        "formulas). GELU and SiLU dip slightly below zero, so their slope passes through 0 near z ≈ −0.75 and "
        "z ≈ −1.28: a narrow band shows there too. LeakyReLU's negative side is shaded while its slope ({slope}) "
        "is below {thr}.",
        "ko": "f′는 실제 torch.nn 모듈에 autograd를 적용해 계산합니다 (테스트에서 공식과 대조합니다). GELU와 SiLU는 "
        "0보다 살짝 아래로 내려가기 때문에 z ≈ −0.75, z ≈ −1.28 근처에서 미분값이 0을 지나고, 그래서 그곳에도 "
        "좁은 띠가 보입니다. LeakyReLU의 음수 쪽은 미분값({slope})이 {thr}보다 작을 때 회색으로 칠해집니다.",
    },
    "activations.shrink.title": {"en": "How a product of L slopes shrinks", "ko": "미분값 L개를 곱하면 얼마나 작아질까"},
    "activations.shrink.body": {
        "en": "Through L layers the gradient is multiplied by L slopes. Even at sigmoid's very best (every unit at "
        "z = 0) that is 0.25ᴸ: **{s10}** after 10 layers, **{s20}** after 20. ReLU's slope is exactly 1 for every "
        "unit that is on, so its best product stays **1**.\n\n"
        "Dashed: a *typical* slope, the root-mean-square of f′(z) for z ~ N(0, 1). ReLU's is √½ ≈ {relu_rms} "
        "because half of the inputs are negative: still {relu20} after 20 layers. That leftover factor is what "
        "the weights must make up for — which is why the initialisation matters in part 2.",
        "ko": "L개의 층을 지나면 기울기에 L개의 미분값(f′)이 곱해집니다. 시그모이드가 가장 유리할 때(모든 유닛이 "
        "z = 0)에도 0.25ᴸ이라서, 10층이면 **{s10}**, 20층이면 **{s20}**입니다. ReLU의 미분값은 켜져 있는 "
        "유닛마다 정확히 1이므로 최선의 곱은 **1** 그대로입니다.\n\n"
        "점선: z ~ N(0, 1)일 때 f′(z)의 제곱평균제곱근, 즉 *보통의* 미분값. ReLU는 입력의 절반이 음수라서 "
        "√½ ≈ {relu_rms}이고, 20층이면 여전히 {relu20}입니다. 이 남은 배율을 가중치가 메워 주어야 합니다. "
        "그래서 2절에서 가중치 초기화가 중요합니다.",
    },
    # --- part 2 ---------------------------------------------------------------------------------------------
    "activations.p2.title": {"en": "2 · A deep net, layer by layer", "ko": "2 · 깊은 신경망을 층별로 보기"},
    "activations.p2.lead": {
        "en": "One net per activation ({n} in all), each from the same seed, trained on {data}. Each has **{depth} "
        "hidden layers of {width} units** ({linears} nn.Linear layers): layer 1 is next to the input, layer "
        "{linears} is the output.",
        "ko": "활성화 함수마다 신경망을 하나씩(모두 {n}개) 같은 시드에서 출발시켜 {data}에서 학습합니다. 각각 **유닛 "
        "{width}개짜리 은닉층 {depth}개**(nn.Linear {linears}개)로 되어 있습니다. 1층이 입력 바로 다음이고, "
        "{linears}층이 출력층입니다.",
    },
    "activations.data.diabetes": {
        "en": "scikit-learn's diabetes table (442 patients × 10 measurements, standardised, split 8:2 into "
        "training and test; MSE loss)",
        "ko": "scikit-learn의 당뇨병 데이터(환자 442명 × 측정값 10개, 표준화, 학습:테스트 = 8:2, MSE 손실)",
    },
    "activations.data.moons": {
        "en": "two interleaving half-moons (300 points in 2-D, noise 0.25, split 8:2; binary cross-entropy on logits)",
        "ko": "서로 맞물린 두 개의 반달(2차원 점 300개, 노이즈 0.25, 8:2 분할, 로짓에 대한 이진 교차 엔트로피)",
    },
    "activations.data.xor": {
        "en": "the four XOR points (no test set; binary cross-entropy on logits)",
        "ko": "XOR의 네 점(테스트 데이터 없음, 로짓에 대한 이진 교차 엔트로피)",
    },
    "activations.m.ratio": {"en": "{name}: layer 1 ÷ layer {last}", "ko": "{name}: 1층 ÷ {last}층"},
    "activations.m.ratio.help": {
        "en": "The gradient norm of the first layer's weights divided by the output layer's, at initialisation. "
        "Near 1: the first layer gets as much signal as the last. 1e-6: a millionth of it.",
        "ko": "초기화 직후 첫 층 가중치의 기울기 크기를 출력층의 기울기 크기로 나눈 값입니다. 1에 가까우면 첫 층도 "
        "마지막 층만큼 신호를 받고, 1e-6이면 백만분의 일만 받습니다.",
    },
    "activations.m.after": {"en": "after {epoch} epochs: {ratio}", "ko": "{epoch} 에포크 뒤: {ratio}"},
    "activations.verdict.vanish": {
        "en": "**{name}** — vanishing: layer 1 gets {ratio} of the output layer's gradient, {orders} orders of "
        "magnitude less.",
        "ko": "**{name}** — 기울기 소실: 1층이 받는 기울기는 출력층의 {ratio}배로, {orders}자릿수나 작습니다.",
    },
    "activations.verdict.ok": {
        "en": "**{name}** — the gradient reaches layer 1 at a similar size (ratio {ratio}).",
        "ko": "**{name}** — 기울기가 1층까지 비슷한 크기로 도착합니다 (비율 {ratio}).",
    },
    "activations.verdict.explode": {
        "en": "**{name}** — exploding: layer 1's gradient is {ratio} times the output layer's.",
        "ko": "**{name}** — 기울기 폭발: 1층의 기울기가 출력층의 {ratio}배입니다.",
    },
    "activations.verdict.dead": {
        "en": "**{name}** — no gradient reaches layer 1 at all: a whole layer above it is dead.",
        "ko": "**{name}** — 1층에 기울기가 전혀 도착하지 않습니다. 그 위의 한 층 전체가 죽었습니다.",
    },
    "activations.relu_default": {
        "en": "**ReLU did not fix the vanishing here — and the cause is the biases, not the gradient's shrinking "
        "alone.** Going back, each ReLU layer passes on about **{back}** of δ = ∂L/∂z. But ∂L/∂W = δ·hᵀ also "
        "holds the activations h, and with zero biases they shrink going forward by about **{forward}** per "
        "layer: the two cancel, and layer 1 gets {zeros} of the output layer's weight gradient. nn.Linear's "
        "default biases, drawn from U(−1/√fan_in, 1/√fan_in), stop h shrinking at a floor ({floor} times the "
        "zero-bias value by the last hidden layer) while δ keeps shrinking: the ratio falls to {measured}. "
        "See the three factors below, or set the biases to zero. **He (Kaiming)** init keeps δ and h level "
        "(and sets the biases to 0).",
        "ko": "**여기서는 ReLU도 기울기 소실을 막지 못했습니다. 원인은 기울기가 줄어드는 것만이 아니라 편향입니다.** "
        "거꾸로 갈 때 ReLU 층 하나는 δ = ∂L/∂z의 약 **{back}**배를 전달합니다. 그런데 ∂L/∂W = δ·hᵀ에는 활성값 "
        "h도 들어 있고, 편향이 0이면 h는 앞으로 갈 때 층마다 약 **{forward}**배로 줄어듭니다. 둘이 상쇄되어 1층은 "
        "출력층 가중치 기울기의 {zeros}배를 받습니다. nn.Linear의 기본 편향은 U(−1/√fan_in, 1/√fan_in)에서 "
        "뽑히는데, 이 편향이 h가 줄어드는 것을 바닥에서 멈추게 합니다(마지막 은닉층에서 편향이 0일 때의 {floor}배). "
        "δ는 계속 줄어드니 비율이 {measured}{로} 떨어집니다. 아래의 세 인수를 보거나 편향을 0으로 바꿔 보세요. "
        "**He(Kaiming) 초기화**는 δ와 h를 모두 일정하게 유지합니다(편향도 0으로 둡니다).",
    },
    "activations.no_cancel": {
        "en": "**{name}**: δ shrinks by about **{back}** per layer going back, the activations h by about "
        "**{forward}** going forward (zero biases): they do not cancel, so the weight gradients vanish whatever "
        "the biases ({zeros} with zero biases). The slopes f′ take the gradient away.",
        "ko": "**{name}**: δ는 거꾸로 갈 때 층마다 약 **{back}**배로, 활성값 h는 앞으로 갈 때 약 **{forward}**배로 "
        "줄어듭니다(편향 0). 둘이 상쇄되지 않으므로 편향과 상관없이 가중치 기울기가 소실됩니다(편향 0일 때 "
        "{zeros}). 도함수 값 f′가 기울기를 앗아 갑니다.",
    },
    # --- the three factors of a weight gradient ---------------------------------------------------------
    "activations.factors.title": {
        "en": "Why: the three factors of a weight gradient",
        "ko": "왜 그럴까: 가중치 기울기의 세 인수",
    },
    "activations.factors.lead": {
        "en": "Layer l's weight gradient is ∂L/∂W⁽ˡ⁾ = δ⁽ˡ⁾·h⁽ˡ⁻¹⁾ᵀ: the gradient δ = ∂L/∂z that reaches the layer "
        "going back, times the activations h that enter it going forward. Each line is divided by its value at "
        "the output layer (at initialisation). When δ falls towards layer 1 as fast as h rises, ∂L/∂W stays level.",
        "ko": "l층의 가중치 기울기는 ∂L/∂W⁽ˡ⁾ = δ⁽ˡ⁾·h⁽ˡ⁻¹⁾ᵀ입니다. 거꾸로 그 층에 도착하는 기울기 δ = ∂L/∂z에, "
        "앞으로 그 층에 들어오는 활성값 h를 곱한 것입니다. 각 선은 출력층에서의 값(초기화 직후)으로 나누었습니다. "
        "1층 쪽으로 δ가 줄어드는 만큼 h가 커지면 ∂L/∂W는 일정하게 유지됩니다.",
    },
    "activations.factors.row": {
        "en": "**{name}** — δ: ×{back} per layer going back; h (zero biases): ×{forward} per layer going forward. "
        "Layer 1 ÷ output layer of ∂L/∂W: {default} with the default biases, {zeros} with zero biases.",
        "ko": "**{name}** — δ: 거꾸로 층마다 ×{back}, h(편향 0): 앞으로 층마다 ×{forward}. ∂L/∂W의 1층 ÷ 출력층: "
        "기본 편향 {default}, 편향 0 {zeros}.",
    },
    "activations.factors.shown": {
        "en": "Chart: biases {biases}.",
        "ko": "그래프: 편향 {biases}.",
    },
    "activations.lbl.delta": {"en": "δ = ∂L/∂z (RMS)", "ko": "δ = ∂L/∂z (RMS)"},
    "activations.lbl.input": {"en": "input h (RMS)", "ko": "입력 h (제곱평균제곱근)"},
    "activations.lbl.wgrad": {"en": "‖∂L/∂W‖", "ko": "‖∂L/∂W‖"},
    "activations.lbl.relative": {"en": "÷ output layer", "ko": "÷ 출력층"},
    "activations.lbl.measured": {"en": "measured", "ko": "측정값"},
    "activations.biases": {"en": "Biases", "ko": "편향"},
    "activations.biases.help": {
        "en": "PyTorch default: what the initialisation leaves (nn.Linear's own U(−1/√fan_in, 1/√fan_in), or 0 "
        "after a torch.nn.init scheme). Zeros: every bias set to 0, the weights unchanged.",
        "ko": "PyTorch 기본값: 초기화가 남긴 그대로입니다(nn.Linear 자체의 U(−1/√fan_in, 1/√fan_in), torch.nn.init "
        "방식을 쓰면 0). 0으로: 가중치는 그대로 두고 모든 편향을 0으로 둡니다.",
    },
    "activations.relu_he": {
        "en": "**With {init}, ReLU keeps its gradient**: layer 1 gets {ratio} of the output layer's. Sigmoid "
        "would not — its slope is at most 0.25 in every layer, and no init can undo that.",
        "ko": "**{init}에서는 ReLU가 기울기를 유지합니다.** 1층이 출력층 기울기의 {ratio}배를 받습니다. 시그모이드는 "
        "그렇지 못합니다. 모든 층에서 미분값이 0.25 이하이고, 어떤 초기화도 이를 되돌릴 수 없습니다.",
    },
    "activations.diverged.which": {
        "en": "**{names}**: training stopped at epoch {step}.",
        "ko": "**{names}**: {step} 에포크에서 학습이 멈췄습니다.",
    },
    "activations.diverged.others": {
        "en": "The other nets trained to the end: {names}.",
        "ko": "나머지 신경망은 끝까지 학습했습니다: {names}.",
    },
    "activations.m.stopped": {"en": "diverged at epoch {step}", "ko": "{step} 에포크에서 발산"},
    "activations.now.title": {"en": "At epoch {epoch}", "ko": "{epoch} 에포크에서"},
    "activations.now.measure": {"en": "Measure", "ko": "항목"},
    "activations.now.stuck": {"en": "{name} (epoch {epoch})", "ko": "{name} ({epoch} 에포크)"},
    "activations.now.train": {"en": "Train loss", "ko": "학습 손실"},
    "activations.now.test": {"en": "Test loss", "ko": "테스트 손실"},
    "activations.now.dead": {"en": "Dead", "ko": "죽은 유닛"},
    "activations.now.saturated": {"en": "Saturated", "ko": "포화된 유닛"},
    "activations.now.caption": {
        "en": "Losses at that epoch; dead and saturated shares over all hidden units (per layer below). A net "
        "that diverged shows its last recorded epoch.",
        "ko": "그 에포크의 손실, 그리고 모든 은닉 유닛 중 죽은 유닛과 포화된 유닛의 비율입니다 (층별 값은 아래). 발산한 "
        "신경망은 마지막으로 기록된 에포크을 보여 줍니다.",
    },
    "activations.loss.title": {"en": "Training and test loss", "ko": "학습 손실과 테스트 손실"},
    "activations.summary": {"en": "All key numbers", "ko": "주요 숫자 모아 보기"},
    "activations.col.activation": {"en": "Activation", "ko": "활성화 함수"},
    "activations.col.ratio_init": {"en": "Layer 1 ÷ last, at init", "ko": "1층 ÷ 마지막 층 (초기)"},
    "activations.col.ratio_end": {"en": "Layer 1 ÷ last, at the end", "ko": "1층 ÷ 마지막 층 (끝)"},
    "activations.col.train": {"en": "Training loss (end)", "ko": "학습 손실 (끝)"},
    "activations.col.test": {"en": "Test loss (end)", "ko": "테스트 손실 (끝)"},
    "activations.col.dead": {"en": "Dead units (init → end)", "ko": "죽은 유닛 (초기 → 끝)"},
    "activations.col.saturated": {"en": "Saturated units (init → end)", "ko": "포화된 유닛 (초기 → 끝)"},
    "activations.col.diverged": {"en": "Diverged at epoch", "ko": "발산한 에포크"},
    "activations.never": {"en": "—", "ko": "—"},
    # charts of part 2
    "activations.watch": {"en": "Layer by layer, through training", "ko": "층별로, 학습하는 동안"},
    "activations.profile.caption": {
        "en": "‖∂loss/∂W‖ of each layer's weights on a log scale: each step down the axis is 10× smaller. A "
        "line that falls towards layer 1 means the layers near the input get almost no gradient and barely "
        "learn. Solid: at initialisation; dashed: at the epoch shown.",
        "ko": "각 층 가중치의 ‖∂손실/∂W‖를 로그 눈금으로 나타냈습니다. 축의 한 칸 아래는 10배 작습니다. 1층 쪽으로 "
        "갈수록 선이 떨어지면 입력 가까운 층이 기울기를 거의 받지 못해 거의 배우지 못한다는 뜻입니다. 실선: "
        "초기화 직후, 점선: 보여 주는 에포크.",
    },
    "activations.zero": {
        "en": "{n} layer(s) got a gradient of exactly 0 (a dead layer above them) and cannot be drawn on a log axis.",
        "ko": "{n}개 층의 기울기가 정확히 0이라(그 위에 죽은 층이 있음) 로그 축에 그릴 수 없습니다.",
    },
    "activations.health.caption": {
        "en": "**Dead**: the unit outputs exactly 0 for every training sample, so no gradient passes through it "
        "and it cannot recover (only ReLU can die; a dead unit also counts as saturated). **Saturated**: the "
        "unit's |f′(z)|, averaged over the training samples, is below {thr} — it passes on less than {pct} of "
        "the gradient.",
        "ko": "**죽은 유닛**: 모든 학습 샘플에서 출력이 정확히 0이라 기울기가 전혀 지나가지 못하고 다시 살아날 수 "
        "없습니다 (죽을 수 있는 것은 ReLU뿐이고, 죽은 유닛은 포화된 유닛으로도 셉니다). **포화된 유닛**: 학습 "
        "샘플에 대한 |f′(z)|의 평균이 {thr}보다 작아서 기울기를 {pct}도 전달하지 못하는 유닛.",
    },
    "activations.loss.caption": {
        "en": "Solid: training loss; dashed: test loss on the held-out 20%. A flat line means the net is not "
        "learning. {baseline}",
        "ko": "실선: 학습 손실, 점선: 따로 떼어 둔 20%에 대한 테스트 손실. 선이 평평하면 신경망이 배우지 못하고 "
        "있다는 뜻입니다. {baseline}",
    },
    "activations.baseline.diabetes": {
        "en": "On the standardised diabetes targets, always predicting the mean scores an MSE of about 1.",
        "ko": "표준화한 당뇨병 정답에서 항상 평균만 예측하면 MSE가 약 1입니다.",
    },
    "activations.baseline.bce": {
        "en": "Predicting p = 0.5 everywhere scores ln 2 ≈ 0.693.",
        "ko": "어디서나 p = 0.5로 예측하면 ln 2 ≈ 0.693입니다.",
    },
    "activations.heat.title": {"en": "Gradient size per layer, as training goes", "ko": "학습이 진행되는 동안 층별 기울기 크기"},
    "activations.heat.caption": {
        "en": "Each cell is one layer at one recorded epoch, coloured by log₁₀ of its weight-gradient norm "
        "(yellow: large, purple: small). Colours changing from top to bottom mean the gradient vanishes (or "
        "explodes) through depth; colours changing from left to right show training reshaping it.",
        "ko": "각 칸은 기록된 한 에포크에서의 한 층이고, 가중치 기울기 크기의 log₁₀로 색을 칠했습니다 (노랑: 큼, "
        "보라: 작음). 위아래로 색이 바뀌면 깊이를 따라 기울기가 사라지고(또는 폭발하고) 있다는 뜻이고, "
        "왼쪽에서 오른쪽으로 바뀌면 학습이 그것을 바꾸고 있다는 뜻입니다.",
    },
    # chart labels
    "activations.lbl.x": _same("z"),
    "activations.lbl.value": {"en": "value", "ko": "값"},
    "activations.lbl.f": _same("f(z)"),
    "activations.lbl.df": _same("f′(z)"),
    "activations.lbl.band": {"en": "|f′| < {thr}: saturated", "ko": "|f′| < {thr}: 포화"},
    "activations.lbl.max": {"en": "max f′", "ko": "f′의 최댓값"},
    "activations.lbl.from": {"en": "from z", "ko": "z 시작"},
    "activations.lbl.to": {"en": "to z", "ko": "z 끝"},
    "activations.lbl.layers": {"en": "Layers L", "ko": "층 수 L"},
    "activations.lbl.product": {"en": "Product of L slopes", "ko": "미분값 L개의 곱"},
    "activations.lbl.activation": {"en": "Activation", "ko": "활성화 함수"},
    "activations.lbl.best": {"en": "at best: (max f′)ᴸ", "ko": "최선: (max f′)ᴸ"},
    "activations.lbl.typical": {"en": "typical: (rms f′)ᴸ, z ~ N(0, 1)", "ko": "보통: (rms f′)ᴸ, z ~ N(0, 1)"},
    "activations.lbl.layer": {"en": "Layer (1 = next to the input)", "ko": "층 (1 = 입력 바로 다음)"},
    "activations.lbl.norm": {"en": "‖∂loss/∂W‖", "ko": "‖∂손실/∂W‖"},
    "activations.lbl.bias_norm": {"en": "‖∂loss/∂b‖", "ko": "‖∂손실/∂b‖"},
    "activations.lbl.log_norm": {"en": "log₁₀ ‖∂loss/∂W‖", "ko": "log₁₀ ‖∂손실/∂W‖"},
    "activations.lbl.epoch": {"en": "Epoch", "ko": "에포크"},
    "activations.lbl.init": {"en": "at initialisation", "ko": "초기화 직후"},
    "activations.lbl.shown": {"en": "at the epoch shown", "ko": "보고 있는 에포크"},
    "activations.lbl.dead": {"en": "Dead units", "ko": "죽은 유닛"},
    "activations.lbl.saturated": {"en": "Saturated units", "ko": "포화된 유닛"},
    "activations.lbl.share": {"en": "Share of the layer's units", "ko": "층 안의 비율"},
    "activations.lbl.mean": {"en": "mean of f(z)", "ko": "f(z)의 평균"},
    "activations.lbl.std": {"en": "std of f(z)", "ko": "f(z)의 표준편차"},
    "activations.lbl.loss": {"en": "Loss", "ko": "손실"},
    "activations.lbl.train": {"en": "training", "ko": "학습"},
    "activations.lbl.test": {"en": "test", "ko": "테스트"},
    # --- try this --------------------------------------------------------------------------------------------
    "activations.try.q1": {
        "en": "Defaults: 16 hidden layers with PyTorch's default init. Before you look at the chart: which "
        "activation keeps the largest gradient in layer 1?",
        "ko": "기본 설정: PyTorch 기본 초기화, 은닉층 16개. 그래프를 보기 전에 예측해 보세요. 1층에서 기울기가 가장 "
        "크게 남는 활성화 함수는 무엇일까요?",
    },
    "activations.try.a1": {
        "en": "None of them does well. Sigmoid's layer 1 gets a few 10⁻¹⁴ of the output layer's gradient, but ReLU "
        "and LeakyReLU also get only a few 10⁻⁶: they vanish too. Not because the gradient shrinks — the "
        "activations shrink just as fast going forward and would cancel it — but because nn.Linear's default "
        "biases stop the activations shrinking: with zero biases ReLU's layer 1 gets about as much as the last.",
        "ko": "모두 좋지 않습니다. 시그모이드의 1층은 출력층 기울기의 10⁻¹⁴배 몇 개 정도를 받지만, ReLU와 LeakyReLU도 "
        "10⁻⁶배 몇 개 정도밖에 받지 못해 역시 소실됩니다. 기울기가 줄어서가 아닙니다. 활성값도 앞으로 가며 똑같이 줄어 "
        "상쇄할 텐데, nn.Linear의 기본 편향이 활성값이 줄어드는 것을 멈추게 하기 때문입니다. 편향을 0으로 두면 "
        "ReLU의 1층도 마지막 층만큼 받습니다.",
    },
    "activations.try.q2": {
        "en": "Now switch the initialisation to He (Kaiming) normal. What will happen to ReLU's line — and to "
        "sigmoid's?",
        "ko": "이제 초기화를 He(Kaiming) 정규로 바꿔 보세요. ReLU의 선은 어떻게 될까요? 시그모이드의 선은요?",
    },
    "activations.try.a2": {
        "en": "ReLU's and LeakyReLU's lines turn flat (layer 1 gets 0.1–1 of the last layer's gradient) and their "
        "losses start falling. Sigmoid's still drops by about ten orders of magnitude: He's gain for sigmoid is 1, "
        "and no init can undo a slope of at most 0.25 in every layer.",
        "ko": "ReLU와 LeakyReLU의 선이 평평해지고(1층이 마지막 층 기울기의 0.1~1배를 받음) 손실이 줄기 시작합니다. "
        "시그모이드는 여전히 약 10자릿수나 떨어집니다. 시그모이드에 대한 He의 이득은 1이고, 모든 층에서 0.25 "
        "이하인 미분값은 어떤 초기화로도 되돌릴 수 없습니다.",
    },
    "activations.try.q3": {
        "en": "Load \"Xavier: tanh yes, sigmoid no\". Both are S-shaped. Why does tanh keep its gradient while "
        "sigmoid loses it?",
        "ko": "\"Xavier: tanh는 되고 시그모이드는 안 됨\"을 불러오세요. 둘 다 S자 모양입니다. 왜 tanh는 기울기를 "
        "유지하고 시그모이드는 잃을까요?",
    },
    "activations.try.a3": {
        "en": "tanh′(0) = 1 and tanh is centred on 0, so with Xavier each layer passes the gradient on at about "
        "the same size. Sigmoid′ is at most 0.25 — a quarter per layer even in the best case — and its outputs "
        "sit around 0.5 instead of 0.",
        "ko": "tanh′(0) = 1이고 tanh는 0을 중심으로 하기 때문에, Xavier 초기화에서는 층마다 기울기가 거의 같은 "
        "크기로 전달됩니다. 시그모이드′는 최대 0.25라서 가장 좋은 경우에도 층마다 4분의 1이 되고, 출력도 0이 "
        "아닌 0.5 근처에 모여 있습니다.",
    },
    "activations.try.q4": {
        "en": "Load \"Dying ReLU\" and press play. What happens to ReLU's share of dead units? To LeakyReLU's?",
        "ko": "\"죽은 ReLU\"를 불러와 재생해 보세요. ReLU의 죽은 유닛 비율은 어떻게 될까요? LeakyReLU는요?",
    },
    "activations.try.a4": {
        "en": "ReLU's dead share grows during training (with seed 0, from about 9% to about 38% of the hidden "
        "units): large updates push units below zero for every sample, their gradient becomes 0 and they never "
        "come back. LeakyReLU units cannot die — the small negative slope still lets some gradient through; "
        "they show up as saturated instead.",
        "ko": "학습하는 동안 ReLU의 죽은 유닛 비율이 늘어납니다 (시드 0에서 은닉 유닛의 약 9%에서 약 38%로). 큰 "
        "업데이트가 유닛을 모든 샘플에서 0 아래로 밀어내면 기울기가 0이 되어 다시는 돌아오지 못합니다. "
        "LeakyReLU 유닛은 죽지 않습니다. 음수 쪽의 작은 미분값 덕분에 기울기가 조금은 지나가기 때문이고, 대신 포화된 "
        "유닛으로 나타납니다.",
    },
    "activations.try.q5": {
        "en": "Keep the default init but switch the optimizer to Adam with lr 0.001. Does the 16-layer ReLU net "
        "learn now? Does sigmoid?",
        "ko": "기본 초기화는 그대로 두고 옵티마이저를 Adam, 학습률 0.001로 바꿔 보세요. 16층 ReLU 신경망이 이제 "
        "배울까요? 시그모이드는요?",
    },
    "activations.try.a5": {
        "en": "ReLU learns: Adam divides every step by the running size of that parameter's gradient, so even a "
        "10⁻⁶ gradient gives a normal-sized step. The gradient still vanishes — the chart shows it — Adam just "
        "rescales it. Sigmoid's gradients (down to 10⁻¹³) are below Adam's ε = 10⁻⁸, so its first layers "
        "still hardly move and its loss stays flat.",
        "ko": "ReLU는 배웁니다. Adam은 스텝 크기를 그 파라미터 기울기의 평균 크기로 나누기 때문에 10⁻⁶짜리 기울기도 "
        "보통 크기의 스텝이 됩니다. 기울기는 여전히 소실되지만(그래프에 보입니다) Adam이 크기를 다시 맞춰 줄 "
        "뿐입니다. 시그모이드의 기울기(10⁻¹³까지)는 Adam의 ε = 10⁻⁸보다 작아서 앞쪽 층이 거의 움직이지 않고 "
        "손실도 평평합니다.",
    },
    "activations.try.q6": {
        "en": "Load the tutorial's net (three hidden layers of 3 units). How many of its 9 hidden ReLU units are "
        "dead before training even starts?",
        "ko": "튜토리얼의 신경망(유닛 3개짜리 은닉층 3개)을 불러오세요. 학습을 시작하기도 전에 은닉 ReLU 유닛 "
        "9개 중 몇 개가 죽어 있을까요?",
    },
    "activations.try.a6": {
        "en": "With seed 0, two of the nine (22%). In a layer of 3 units one dead unit is a third of the layer, "
        "so narrow ReLU nets are fragile. Try other seeds: the count changes, and LeakyReLU never loses a unit.",
        "ko": "시드 0에서는 9개 중 2개(22%)입니다. 유닛이 3개뿐인 층에서는 유닛 하나가 죽으면 층의 3분의 1이 "
        "사라지므로 폭이 좁은 ReLU 신경망은 약합니다. 다른 시드도 해 보세요. 개수가 바뀌고, LeakyReLU는 유닛을 "
        "하나도 잃지 않습니다.",
    },
    # --- why -------------------------------------------------------------------------------------------------
    "activations.why.chain": {
        "en": "Write layer l as z⁽ˡ⁾ = W⁽ˡ⁾h⁽ˡ⁻¹⁾ + b⁽ˡ⁾ and h⁽ˡ⁾ = f(z⁽ˡ⁾), with ℒ the loss and L the last "
        "hidden layer. By the chain rule, the gradient that reaches the first layer is a product with one "
        "factor per layer above it — a weight matrix and the activation's slopes:",
        "ko": "l번째 층을 z⁽ˡ⁾ = W⁽ˡ⁾h⁽ˡ⁻¹⁾ + b⁽ˡ⁾, h⁽ˡ⁾ = f(z⁽ˡ⁾)로 쓰고, ℒ은 손실, L은 마지막 은닉층입니다. "
        "연쇄 법칙에 따라 첫 층에 도착하는 기울기는 그 위의 층마다 하나씩, 가중치 행렬과 활성화 함수의 "
        "미분값을 곱한 것입니다.",
    },
    "activations.why.size": {
        "en": "So its size changes by roughly the same factor at each layer: the weights' scale (√n·σ_w for n "
        "inputs with weights of spread σ_w) times the typical slope. A factor below 1 shrinks the gradient "
        "exponentially with depth — it **vanishes**; above 1 it **explodes**.",
        "ko": "그래서 기울기의 크기는 층마다 거의 같은 배율로 바뀝니다. 그 배율은 가중치의 크기(입력 n개, 가중치 "
        "표준편차 σ_w일 때 √n·σ_w)와 보통의 미분값을 곱한 것입니다. 배율이 1보다 작으면 기울기는 깊이에 따라 "
        "지수적으로 줄어들고(**기울기 소실**), 1보다 크면 **폭발**합니다.",
    },
    "activations.why.sigmoid": {
        "en": "**Sigmoid** is at its steepest at z = 0, and even there its slope is only 1/4. Ten layers multiply "
        "the gradient by at most 4⁻¹⁰ ≈ 10⁻⁶. Its outputs are also all positive (around 0.5), which biases the "
        "next layer's inputs. No initialisation fixes both.",
        "ko": "**시그모이드**는 z = 0에서 가장 가파르지만 그때도 미분값이 1/4뿐입니다. 10개 층이면 기울기가 최대 "
        "4⁻¹⁰ ≈ 10⁻⁶배가 됩니다. 출력도 모두 양수(0.5 근처)라서 다음 층의 입력을 한쪽으로 치우치게 합니다. "
        "어떤 초기화도 이 둘을 함께 고칠 수는 없습니다.",
    },
    "activations.why.relu": {
        "en": "**ReLU**'s slope is exactly 1 where z > 0, so an active unit passes the gradient on unchanged. But "
        "about half of the units are off, so the typical slope is √½. The weights must supply the missing √2: "
        "**He** init draws W with variance 2/n_in. PyTorch's default U(±1/√n_in) has variance 1/(3·n_in) and "
        "leaves a factor ≈ 0.41 per layer on δ = ∂L/∂z. The weight gradient δ·hᵀ need not vanish with it: "
        "the activations h shrink by the same factor going forward, unless biases hold them up (see the three "
        "factors above).",
        "ko": "**ReLU**의 미분값은 z > 0에서 정확히 1이므로 켜진 유닛은 기울기를 그대로 전달합니다. 하지만 유닛의 "
        "절반쯤은 꺼져 있어서 보통의 미분값은 √½입니다. 모자라는 √2는 가중치가 채워야 합니다. **He** 초기화는 "
        "W를 분산 2/n_in으로 뽑습니다. PyTorch 기본값 U(±1/√n_in)의 분산은 1/(3·n_in)이라 δ = ∂L/∂z에 층마다 "
        "약 0.41배가 남습니다. 그렇다고 가중치 기울기 δ·hᵀ까지 소실되지는 않습니다. 편향이 붙잡지 않으면 활성값 h가 "
        "앞으로 가며 같은 배율로 줄어들기 때문입니다(위의 세 인수 참고).",
    },
    "activations.why.dead": {
        "en": "The price of ReLU: its slope is 0 for z ≤ 0. If a unit's z is negative for *every* sample — a large "
        "update pushed its weights or bias down, or the init did — its gradient is 0 for ever and nothing can "
        "revive it: the unit is **dead**. A layer of dead units cuts the gradient to everything below it.",
        "ko": "ReLU의 대가: z ≤ 0에서 미분값이 0입니다. 어떤 유닛의 z가 *모든* 샘플에서 음수가 되면(큰 업데이트나 "
        "초기화가 가중치나 편향을 아래로 밀어낸 경우) 그 유닛의 기울기는 영원히 0이고 다시 살릴 방법이 없습니다. "
        "**죽은 유닛**입니다. 한 층 전체가 죽으면 그 아래의 모든 층으로 가는 기울기가 끊깁니다.",
    },
    "activations.why.leaky": {
        "en": "**LeakyReLU** keeps a small slope α on the negative side, so the gradient is never exactly 0 and a "
        "unit can come back; He init accounts for α. ELU, GELU, SiLU and softplus are smooth relatives: slope "
        "near 1 for large z, small but non-zero for negative z.",
        "ko": "**LeakyReLU**는 음수 쪽에 작은 미분값 α를 남겨 두어 기울기가 정확히 0이 되지 않고, 유닛이 다시 "
        "살아날 수 있습니다. He 초기화는 α까지 고려합니다. ELU, GELU, SiLU, softplus는 ReLU를 매끄럽게 만든 변형입니다. z가 "
        "크면 미분값이 1에 가깝고, 음수 쪽에서는 작지만 0은 아닙니다.",
    },
    "activations.why.adam": {
        "en": "**Why Adam hides it**: Adam divides each parameter's step by the running root-mean-square of its "
        "gradient, so the step no longer depends on the gradient's size — until that size falls below ε = 10⁻⁸.",
        "ko": "**Adam이 이를 가려 주는 이유**: Adam은 파라미터마다 스텝 크기를 그 기울기의 제곱평균제곱근으로 "
        "나누므로, 스텝의 크기가 기울기의 크기와 상관없어집니다. 기울기가 ε = 10⁻⁸보다 작아지기 전까지는요.",
    },
    "activations.latex.chain": _same(_LATEX_CHAIN),
    "activations.latex.size": {"en": _LATEX_SIZE, "ko": _LATEX_SIZE_KO},
    "activations.latex.sigmoid": _same(_LATEX_SIGMOID),
    "activations.latex.he": {"en": _LATEX_HE, "ko": _LATEX_HE_KO},
    "activations.latex.leaky": _same(_LATEX_LEAKY),
    # --- code export comments -----------------------------------------------------------------------------------
    "activations.code.title": {
        "en": "Deep nets with {acts}: per-layer gradient norms at initialisation and after training",
        "ko": "{acts} 깊은 신경망: 초기화 직후와 학습 후의 층별 기울기 크기",
    },
    "activations.code.data_diabetes": {
        "en": "scikit-learn's diabetes table (442 x 10); it stands in for the removed Boston housing set",
        "ko": "scikit-learn의 당뇨병 데이터(442 × 10). 사라진 보스턴 집값 데이터 대신 씁니다",
    },
    "activations.code.data_moons": {"en": "two half-moons: 2-D points in two classes", "ko": "두 개의 반달: 두 클래스의 2차원 점"},
    "activations.code.data_xor": {"en": "the four XOR points", "ko": "XOR의 네 점"},
    "activations.code.no_test": {"en": "XOR has no test set", "ko": "XOR에는 테스트 데이터가 없습니다"},
    "activations.code.split": {
        "en": "8:2 train/test split drawn by the seed, standardised with the training split's statistics",
        "ko": "시드로 정한 8:2 학습/테스트 분할, 학습 데이터의 평균과 표준편차로 표준화",
    },
    "activations.code.acts": {
        "en": "activation module, and the name torch.nn.init uses for its gain",
        "ko": "활성화 모듈과, torch.nn.init.calculate_gain이 이득을 정할 때 쓰는 이름",
    },
    "activations.code.acts_only": {"en": "the activation modules", "ko": "활성화 모듈"},
    "activations.code.same_seed": {
        "en": "same seed for every activation: a fair comparison",
        "ko": "모든 활성화 함수에 같은 시드: 공정한 비교",
    },
    "activations.code.sizes": {"en": "input -> {depth} hidden layers -> 1 output", "ko": "입력 -> 은닉층 {depth}개 -> 출력 1개"},
    "activations.code.init_default": {
        "en": "PyTorch's default init: nn.Linear already drew U(-1/sqrt(fan_in), 1/sqrt(fan_in))",
        "ko": "PyTorch 기본 초기화: nn.Linear가 이미 U(-1/sqrt(fan_in), 1/sqrt(fan_in))에서 뽑았습니다",
    },
    "activations.code.zero_biases": {
        "en": "biases set to 0, the weights kept as drawn (the page's \"Biases: Zeros\")",
        "ko": "가중치는 뽑은 그대로 두고 편향만 0으로 (페이지의 \"편향: 0으로\")",
    },
    "activations.code.bce": {"en": "binary cross-entropy on logits", "ko": "로짓에 대한 이진 교차 엔트로피"},
    "activations.code.grad_norms": {
        "en": "one full-batch forward/backward: the loss and each Linear weight's gradient norm",
        "ko": "전체 배치로 순전파/역전파 한 번: 손실과 각 Linear 가중치의 기울기 크기",
    },
    "activations.code.epochs": {
        "en": "one full-batch step per epoch; the last pass only measures",
        "ko": "에포크마다 전체 배치로 한 스텝, 마지막 한 번은 측정만 합니다",
    },
    "activations.code.stop": {"en": "NaN/inf loss or gradient: training diverged", "ko": "손실이나 기울기가 NaN/inf: 학습이 발산했습니다"},
    "activations.code.table": {
        "en": "per-layer weight-gradient norms (layer 1 = next to the input), as on the page",
        "ko": "층별 가중치 기울기 크기 (1층 = 입력 바로 다음), 페이지와 같은 값",
    },
    # --- paper check: Glorot & Bengio (2010) ---------------------------------------------------------
    "activations.paper": {"en": "Paper check: Glorot & Bengio (2010)", "ko": "논문 확인: Glorot & Bengio (2010)"},
    "activations.paper.help": {
        "en": "Rerun the paper's tanh experiment at a size that fits (5 hidden layers of 256 units on the digits) "
        "and put its numbers beside ours.",
        "ko": "논문의 tanh 실험을 감당할 수 있는 크기(유닛 256개짜리 은닉층 5개, 손글씨 숫자)로 다시 돌려 논문의 "
        "수치와 나란히 놓습니다.",
    },
    "activations.paper.title": {
        "en": "Paper check: Glorot & Bengio (2010), tanh nets",
        "ko": "논문 확인: Glorot & Bengio (2010), tanh 신경망",
    },
    "activations.paper.lead": {
        "en": "Glorot and Bengio trained tanh nets with 5 hidden layers of 1000 units and measured, at "
        "initialisation, the mean singular value of each layer's Jacobian ∂h⁽ⁱ⁺¹⁾/∂h⁽ⁱ⁾: about **{p_std}** with "
        "the standard init U(±1/√n), about **{p_norm}** with their normalized init U(±√6/√(n_in + n_out)), biases 0. "
        "Here the same nets at 5 × 256 units on the 8×8 digits, measured live:",
        "ko": "Glorot와 Bengio는 유닛 1000개짜리 은닉층 5개의 tanh 신경망을 학습시키며, 초기화 직후 각 층의 야코비 "
        "행렬 ∂h⁽ⁱ⁺¹⁾/∂h⁽ⁱ⁾의 평균 특이값을 쟀습니다. 표준 초기화 U(±1/√n)에서는 약 **{p_std}**, 정규화 초기화 "
        "U(±√6/√(n_in + n_out))에서는 약 **{p_norm}**였습니다(편향은 0). 여기서는 같은 신경망을 유닛 256개 × 5층으로 "
        "8×8 손글씨 숫자에서 바로 잽니다.",
    },
    "activations.paper.m": {"en": "Mean singular value, {init}", "ko": "평균 특이값, {init}"},
    "activations.paper.m.delta": {"en": "paper: {value}", "ko": "논문: {value}"},
    "activations.paper.agree": {
        "en": "**Ours agrees with the paper** within 10 % for both inits.",
        "ko": "**두 초기화 모두 논문과 10 % 안에서 일치합니다.**",
    },
    "activations.paper.differ": {
        "en": "**Ours differs from the paper** by more than 10 % for at least one init (the nets here are smaller).",
        "ko": "**적어도 한 초기화에서 논문과 10 % 넘게 다릅니다**(여기의 신경망이 더 작습니다).",
    },
    "activations.paper.spreads": {
        "en": "Per layer (the paper's Figs. 6 and 7): from layer 1 to layer {n} the activations' std {a_std} "
        "(×{ra_std}) with the standard init and {a_norm} (×{ra_norm}) with the normalized one; going back from "
        "layer {n} to layer 1 the gradients' std {g_std} (×{rg_std}) and {g_norm} (×{rg_norm}).",
        "ko": "층별로 보면(논문의 그림 6과 7): 1층에서 {n}층까지 활성값 표준편차는 표준 초기화에서 {a_std}(×{ra_std}), "
        "정규화 초기화에서 {a_norm}(×{ra_norm}). {n}층에서 1층으로 거꾸로 가면 기울기 표준편차는 {g_std}(×{rg_std}), "
        "{g_norm}(×{rg_norm}).",
    },
    "activations.paper.trend.level": {"en": "stays level", "ko": "일정하게 유지됩니다"},
    "activations.paper.trend.shrinks": {"en": "shrinks", "ko": "줄어듭니다"},
    "activations.paper.trend.grows": {"en": "grows", "ko": "커집니다"},
    "activations.paper.source": {"en": "Source: {cite}", "ko": "출처: {cite}"},
    "activations.lbl.standard": {"en": "standard U(±1/√n)", "ko": "표준 U(±1/√n)"},
    "activations.lbl.normalized": {"en": "normalized (Xavier)", "ko": "정규화 (Xavier)"},
    "activations.lbl.activation_std": {"en": "activations h", "ko": "활성값 h"},
    "activations.lbl.gradient_std": {"en": "gradients ∂L/∂h", "ko": "기울기 ∂L/∂h"},
    "activations.lbl.spread": {"en": "std", "ko": "표준편차"},
}
