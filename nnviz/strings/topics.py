"""Each topic's title (sidebar link, page title) and the question it answers (home card)."""

STRINGS = {
    "xor.title": {"en": "XOR solved by an MLP", "ko": "MLP로 푸는 XOR"},
    "xor.question": {
        "en": "How do hidden units make XOR separable — and how often does training actually succeed?",
        "ko": "은닉 유닛은 어떻게 XOR을 선형 분리 가능하게 만들까? 그리고 학습은 실제로 얼마나 자주 성공할까?",
    },
    "backprop.title": {"en": "Backprop, step by step", "ko": "한 단계씩 보는 역전파"},
    "backprop.question": {
        "en": "What does loss.backward() actually compute? Every forward and backward number, checked against autograd.",
        "ko": "loss.backward()는 실제로 무엇을 계산할까? 순전파와 역전파의 모든 숫자를 autograd와 대조해 봅니다.",
    },
    "activations.title": {"en": "Activations and vanishing gradients", "ko": "활성화 함수와 기울기 소실"},
    "activations.question": {
        "en": "Why do deep sigmoid nets stop learning, and when does ReLU really help?",
        "ko": "깊은 시그모이드 신경망은 왜 학습을 멈출까? ReLU는 언제 정말 도움이 될까?",
    },
    "init.title": {"en": "Weight initialization", "ko": "가중치 초기화"},
    "init.question": {
        "en": "Why Xavier or He? What happens to activations and gradients through depth with each scheme?",
        "ko": "왜 Xavier나 He를 쓸까? 초기화 방법마다 층을 지나며 활성값과 기울기는 어떻게 변할까?",
    },
    "dropout.title": {"en": "Dropout", "ko": "드롭아웃"},
    "dropout.question": {
        "en": "How does randomly switching units off cure overfitting — and why must you call model.eval()?",
        "ko": "유닛을 무작위로 끄면 왜 과적합이 줄어들까? 그리고 왜 model.eval()을 꼭 불러야 할까?",
    },
    "playground.title": {"en": "Playground", "ko": "플레이그라운드"},
    "playground.question": {
        "en": "Your own data, every lesson's knob, one live view: what does each hidden unit learn, and when does a net overfit?",
        "ko": "직접 만든 데이터에 모든 강의의 설정을 한 화면에서: 은닉 유닛 하나하나는 무엇을 배우고, 신경망은 언제 과적합할까?",
    },
}
