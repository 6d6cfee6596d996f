"""The glossary page: terms in both languages and their definitions."""

_TERMS = {
    "neuron": ("Neuron (unit)", "뉴런 (유닛)"),
    "perceptron": ("Perceptron", "퍼셉트론"),
    "weight": ("Weight", "가중치"),
    "bias": ("Bias", "편향"),
    "decision_boundary": ("Decision boundary", "결정 경계"),
    "linearly_separable": ("Linearly separable", "선형 분리 가능"),
    "loss": ("Loss function", "손실 함수"),
    "bce": ("Binary cross-entropy (BCE)", "이진 교차 엔트로피"),
    "learning_rate": ("Learning rate", "학습률"),
    "gradient_descent": ("Gradient descent (SGD)", "경사 하강법"),
    "epoch": ("Epoch", "에포크"),
    "hidden_layer": ("Hidden layer", "은닉층"),
    "mlp": ("Multilayer perceptron (MLP)", "다층 퍼셉트론"),
    "local_minimum": ("Local minimum, plateau", "지역 최솟값, 평탄 구간"),
    "backprop": ("Backpropagation", "역전파"),
    "chain_rule": ("Chain rule", "연쇄 법칙"),
    "gradient": ("Gradient", "기울기 (그래디언트)"),
    "autograd": ("Autograd", "자동 미분 (autograd)"),
    "computational_graph": ("Computational graph", "계산 그래프"),
    "zero_grad": ("zero_grad()", "zero_grad()"),
    "activation": ("Activation function", "활성화 함수"),
    "vanishing_gradient": ("Vanishing gradient", "기울기 소실"),
    "exploding_gradient": ("Exploding gradient", "기울기 폭발"),
    "dead_relu": ("Dead ReLU", "죽은 ReLU"),
    "saturation": ("Saturation", "포화"),
    "initialization": ("Weight initialization", "가중치 초기화"),
    "xavier": ("Xavier (Glorot) initialization", "Xavier (Glorot) 초기화"),
    "he": ("He (Kaiming) initialization", "He (Kaiming) 초기화"),
    "symmetry": ("Symmetry breaking", "대칭 깨기"),
    "dropout": ("Dropout", "드롭아웃"),
    "overfitting": ("Overfitting", "과적합"),
    "eval_mode": ("Train / eval mode", "학습 / 평가 모드"),
    "inverted_dropout": ("Inverted dropout", "역 드롭아웃 (inverted dropout)"),
}

_DEFS = {
    "neuron": ("Computes a weighted sum of its inputs plus a bias, then applies an activation: σ(w·x + b). "
               "In PyTorch, nn.Linear followed by an activation module.",
               "입력의 가중합에 편향을 더한 뒤 활성화 함수를 적용합니다: σ(w·x + b). PyTorch에서는 nn.Linear 뒤에 "
               "활성화 모듈을 둔 것입니다."),
    "perceptron": ("Rosenblatt's 1958 neuron with a step activation, trained by adding the error times the input "
                   "to the weights. Learns any linearly separable task; never XOR.",
                   "로젠블랫(1958)의 뉴런으로, 계단 함수를 쓰고 오차 × 입력만큼 가중치를 고치며 학습합니다. 선형 분리 "
                   "가능한 문제는 모두 배우지만 XOR은 절대 못 배웁니다."),
    "weight": ("How strongly one input moves a neuron's sum. Learned by training.",
               "입력 하나가 뉴런의 합을 얼마나 크게 움직이는지 나타내는 값으로, 학습으로 정해집니다."),
    "bias": ("The constant added to the weighted sum: the neuron's output when every input is 0. It shifts the "
             "decision line away from the origin.",
             "가중합에 더하는 상수로, 모든 입력이 0일 때의 출력을 정합니다. 결정 경계 직선을 원점에서 옮겨 줍니다."),
    "decision_boundary": ("Where the model's answer switches class. For one neuron, the line w·x + b = 0.",
                          "모델의 답이 한 클래스에서 다른 클래스로 바뀌는 경계입니다. 뉴런 하나라면 직선 w·x + b = 0입니다."),
    "linearly_separable": ("Two classes one straight line (plane) can split. AND, OR and NAND are; XOR is not.",
                           "직선(평면) 하나로 나눌 수 있는 두 클래스입니다. AND, OR, NAND는 그렇고 XOR은 아닙니다."),
    "loss": ("One number for how wrong the model is on the data; training makes it smaller.",
             "데이터에서 모델이 얼마나 틀렸는지를 나타내는 숫자 하나로, 학습은 이 값을 줄입니다."),
    "bce": ("−[y log p + (1 − y) log(1 − p)], averaged: the loss for 0/1 targets (nn.BCELoss). Predicting 0.5 "
            "everywhere costs ln 2 ≈ 0.693.",
            "−[y log p + (1 − y) log(1 − p)]의 평균으로, 0/1 정답에 쓰는 손실(nn.BCELoss)입니다. 모든 곳에서 0.5를 "
            "예측하면 ln 2 ≈ 0.693입니다."),
    "learning_rate": ("The step size of gradient descent. Too small: slow. Too large: overshoots or diverges to NaN.",
                      "경사 하강법의 보폭입니다. 너무 작으면 느리고, 너무 크면 지나치거나 NaN으로 발산합니다."),
    "gradient_descent": ("Move every weight a small step against its gradient: w ← w − lr · ∂L/∂w.",
                         "모든 가중치를 기울기 반대 방향으로 조금씩 옮깁니다: w ← w − lr · ∂L/∂w."),
    "epoch": ("One pass over the whole training set.", "학습 데이터 전체를 한 번 도는 것입니다."),
    "hidden_layer": ("A layer between input and output. Its units compute new features — for XOR, such as OR and "
                     "NAND — in which the task becomes linearly separable.",
                     "입력과 출력 사이의 층입니다. 은닉 유닛은 새 특성을 계산하며(XOR이라면 OR과 NAND 같은), 그 특성 "
                     "공간에서는 문제가 선형 분리 가능해집니다."),
    "mlp": ("Layers of neurons, each feeding the next: nn.Sequential(nn.Linear, activation, nn.Linear, …).",
            "뉴런 층을 여러 개 이어 붙인 신경망입니다: nn.Sequential(nn.Linear, 활성화, nn.Linear, …)."),
    "local_minimum": ("A point where every small step raises the loss although better points exist elsewhere; "
                      "a plateau is a flat stretch where the gradient is nearly 0.",
                      "더 좋은 점이 다른 곳에 있는데도 조금만 움직이면 손실이 커지는 점입니다. 평탄 구간은 기울기가 "
                      "거의 0인 평평한 구간입니다."),
    "backprop": ("Computing every weight's gradient by the chain rule, from the loss back to the input, reusing "
                 "each layer's upstream gradient. What loss.backward() does.",
                 "연쇄 법칙으로 손실에서 입력 쪽으로 거슬러 가며, 위층의 기울기를 재사용해 모든 가중치의 기울기를 "
                 "계산하는 방법입니다. loss.backward()가 하는 일입니다."),
    "chain_rule": ("The derivative of a composition is the product of the local derivatives: "
                   "∂L/∂w = ∂L/∂a · ∂a/∂z · ∂z/∂w.",
                   "합성 함수의 도함수는 각 단계 도함수의 곱입니다: ∂L/∂w = ∂L/∂a · ∂a/∂z · ∂z/∂w."),
    "gradient": ("How much the loss changes per unit change of a parameter; its direction is uphill.",
                 "파라미터를 조금 바꿀 때 손실이 얼마나 변하는지 나타내며, 손실이 커지는 방향을 가리킵니다."),
    "autograd": ("PyTorch's automatic differentiation: it records the operations (grad_fn) and runs the chain "
                 "rule backwards on loss.backward().",
                 "PyTorch의 자동 미분입니다. 연산을 기록(grad_fn)해 두었다가 loss.backward()에서 연쇄 법칙을 거꾸로 "
                 "적용합니다."),
    "computational_graph": ("The operations from input to loss as a graph; backprop walks it in reverse.",
                            "입력에서 손실까지의 연산을 그래프로 나타낸 것으로, 역전파는 이 그래프를 거꾸로 따라갑니다."),
    "zero_grad": ("Resets the .grad of the parameters. Without it, backward() adds the new gradient to the old one.",
                  "파라미터의 .grad를 0으로 되돌립니다. 이것을 빠뜨리면 backward()가 새 기울기를 이전 것에 더합니다."),
    "activation": ("The non-linear function after a layer's sum (sigmoid, tanh, ReLU …). Without it, stacked "
                   "layers collapse into one linear map.",
                   "층의 합 다음에 적용하는 비선형 함수(시그모이드, tanh, ReLU …)입니다. 이것이 없으면 층을 쌓아도 "
                   "선형 변환 하나와 같습니다."),
    "vanishing_gradient": ("Gradients shrinking layer by layer towards the input, so the first layers barely "
                           "learn. Sigmoid's derivative is at most 0.25, so L layers can shrink it by 0.25ᴸ.",
                           "입력 쪽으로 갈수록 기울기가 층마다 줄어들어 앞쪽 층이 거의 학습하지 못하는 현상입니다. "
                           "시그모이드의 도함수는 최대 0.25라 L개 층이면 0.25ᴸ까지 줄어듭니다."),
    "exploding_gradient": ("Gradients growing layer by layer until updates overflow to inf or NaN.",
                           "기울기가 층마다 커져서 업데이트가 inf나 NaN으로 넘쳐 버리는 현상입니다."),
    "dead_relu": ("A ReLU unit whose input is negative for every sample: it outputs 0, gets gradient 0 and never "
                  "recovers. LeakyReLU keeps a small slope to avoid it.",
                  "모든 샘플에서 입력이 음수인 ReLU 유닛입니다. 출력도 기울기도 0이라 다시 살아나지 못합니다. "
                  "LeakyReLU는 작은 미분값을 남겨 이를 피합니다."),
    "saturation": ("A sigmoid or tanh unit pushed to its flat ends, where the derivative is nearly 0.",
                   "시그모이드나 tanh 유닛이 평평한 양 끝으로 밀려나 도함수가 거의 0이 된 상태입니다."),
    "initialization": ("How weights are drawn before training. It sets how activations and gradients grow or "
                       "shrink through depth.",
                       "학습 전에 가중치를 어떻게 뽑을지 정하는 것으로, 층을 지나며 활성값과 기울기가 커지거나 줄어드는 "
                       "정도를 좌우합니다."),
    "xavier": ("Variance 2/(fan_in + fan_out) (times the activation's gain²): keeps signals steady through tanh "
               "layers; through sigmoid layers, whose slope is at most 0.25, the gradient still shrinks. "
               "torch.nn.init.xavier_normal_.",
               "가중치 분산을 2/(fan_in + fan_out)에 활성화 함수의 이득²을 곱한 값으로 두어, tanh 층을 지나도 신호 크기를 유지합니다. "
               "미분값이 많아야 0.25인 시그모이드 층을 지나면 기울기가 여전히 줄어듭니다. torch.nn.init.xavier_normal_."),
    "he": ("Variance 2/fan_in: keeps signals steady through ReLU layers, which zero half their inputs. "
           "torch.nn.init.kaiming_normal_.",
           "분산 2/fan_in으로, 입력의 절반을 0으로 만드는 ReLU 층을 지나도 신호 크기를 유지합니다. "
           "torch.nn.init.kaiming_normal_."),
    "symmetry": ("Units that start with equal weights compute the same thing and get the same gradient forever. "
                 "Random initialization breaks the tie.",
                 "같은 가중치로 시작한 유닛들은 같은 값을 계산하고 같은 기울기를 받아 영원히 똑같이 움직입니다. "
                 "무작위 초기화가 이 대칭을 깹니다."),
    "dropout": ("During training, zero each unit with probability p (PyTorch's p is the drop probability) and "
                "scale the rest by 1/(1 − p). nn.Dropout(p).",
                "학습 중에 각 유닛을 확률 p로 0으로 만들고(PyTorch의 p는 끌 확률), 나머지를 1/(1 − p)배 합니다. "
                "nn.Dropout(p)."),
    "overfitting": ("Fitting the training data's noise: training loss keeps falling while test loss rises.",
                    "학습 데이터의 노이즈까지 맞추는 것으로, 학습 손실은 계속 줄지만 테스트 손실은 커집니다."),
    "eval_mode": ("model.train() turns dropout on; model.eval() turns it off for predictions. Forgetting eval() "
                  "gives a different answer on every call.",
                  "model.train()은 드롭아웃을 켜고 model.eval()은 예측할 때 끕니다. eval()을 잊으면 호출할 때마다 "
                  "답이 달라집니다."),
    "inverted_dropout": ("Scaling the kept units by 1/(1 − p) during training, so that nothing needs scaling at "
                         "test time. What nn.Dropout does.",
                         "학습 중에 남은 유닛을 1/(1 − p)배 해 두어, 테스트 때는 아무것도 조정할 필요가 없게 하는 "
                         "방식입니다. nn.Dropout이 이렇게 합니다."),
}

STRINGS = {
    "glossary.title": {"en": "Glossary", "ko": "용어집"},
    "glossary.intro": {
        "en": "The terms of these lessons in Korean and English, each with a link to the lesson that shows it.",
        "ko": "이 수업들에 나오는 용어를 한국어와 영어로 정리했습니다. 각 용어는 그것을 보여 주는 수업으로 연결됩니다.",
    },
    "glossary.search": {"en": "Search (Korean or English)", "ko": "검색 (한국어 또는 영어)"},
    "glossary.none": {"en": "No term matches “{q}”.", "ko": "“{q}”에 맞는 용어가 없습니다."},
    "glossary.count": {"en": "{n} terms", "ko": "용어 {n}개"},
    **{f"glossary.term.{k}": {"en": en, "ko": ko} for k, (en, ko) in _TERMS.items()},
    **{f"glossary.def.{k}": {"en": en, "ko": ko} for k, (en, ko) in _DEFS.items()},
}
