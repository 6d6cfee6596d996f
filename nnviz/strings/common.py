"""The shell's strings: app chrome, URL warnings, divergence messages, shared option labels."""

STRINGS = {
    # --- app chrome -------------------------------------------------------------------------
    "app.title": {"en": "nnviz — see how a neural network works", "ko": "nnviz — 신경망이 어떻게 동작하는지 눈으로 보기"},
    "app.name": {"en": "nnviz", "ko": "nnviz"},
    "app.tagline": {
        "en": "Six interactive lessons on neural-network basics, computed live by PyTorch. "
        "Every number on screen is checked against autograd in our tests, every view has a link that "
        "reproduces it, and every page gives you the PyTorch code behind it.",
        "ko": "신경망 기초를 다루는 여섯 개의 인터랙티브 수업입니다. 모든 계산은 PyTorch가 실시간으로 합니다. "
        "화면의 모든 숫자는 테스트에서 autograd와 대조되고, 모든 화면은 링크 하나로 그대로 다시 열 수 있으며, "
        "모든 페이지에서 그 뒤의 PyTorch 코드를 볼 수 있습니다.",
    },
    "app.home": {"en": "Home", "ko": "홈"},
    "app.language": {"en": "Language", "ko": "언어"},
    "app.pages": {"en": "Lessons", "ko": "수업"},
    "app.about": {"en": "About", "ko": "소개"},
    "app.about.body": {
        "en": "nnviz {version} runs real PyTorch {torch} on the server. Settings live in the page's URL: copy it "
        "to share exactly what you see. Open source; the `nnviz` package is also a tested Python library.",
        "ko": "nnviz(버전 {version})는 서버에서 실제 PyTorch {torch}{로} 계산합니다. 설정은 페이지 URL에 담겨 있어, "
        "URL을 복사하면 지금 보는 화면을 그대로 공유할 수 있습니다. 소스는 공개되어 있고(오픈 소스), `nnviz` 패키지는 "
        "테스트된 파이썬 라이브러리로도 쓸 수 있습니다.",
    },
    "app.open": {"en": "Open", "ko": "열기"},
    "app.how.title": {"en": "How to use nnviz", "ko": "사용 방법"},
    "app.how.body": {
        "en": "1. Pick a lesson below or in the sidebar.\n"
        "2. Read the short intro, then change the controls: everything is recomputed by PyTorch.\n"
        "3. Each chart has its data one click away (table and CSV).\n"
        "4. **Try this** asks you to predict before you look; **Why** has the maths; "
        "**PyTorch code** gives a script that prints the same numbers.\n"
        "5. The address bar always holds your settings: copy it to share or bookmark the exact view.",
        "ko": "1. 아래나 사이드바에서 수업을 고르세요.\n"
        "2. 짧은 소개를 읽고 설정을 바꿔 보세요. 모든 것을 PyTorch가 다시 계산합니다.\n"
        "3. 각 차트의 데이터는 클릭 한 번으로 표와 CSV로 볼 수 있습니다.\n"
        "4. **직접 해 보기**는 보기 전에 먼저 예측해 보게 하고, **왜 그럴까?** 항목에는 수식이, "
        "**PyTorch 코드**에는 같은 숫자를 출력하는 스크립트가 있습니다.\n"
        "5. 주소창에는 항상 현재 설정이 들어 있습니다. 복사해서 공유하거나 북마크하면 같은 화면이 열립니다.",
    },
    # --- page template -------------------------------------------------------------------------
    "ui.intro": {"en": "What you will see", "ko": "이 페이지에서 볼 것"},
    "ui.settings": {"en": "Settings", "ko": "설정"},
    "ui.try": {"en": "Try this", "ko": "직접 해 보기"},
    "ui.reveal": {"en": "Show the answer", "ko": "답 보기"},
    "ui.why": {"en": "Why? The maths", "ko": "왜 그럴까? 수식으로 보기"},
    "ui.code": {"en": "PyTorch code for this view", "ko": "이 화면의 PyTorch 코드"},
    "ui.code.caption": {
        "en": "Run it with plain `python`: it prints the same numbers this page shows.",
        "ko": "그냥 `python`으로 실행하면 이 페이지에 보이는 숫자와 같은 값을 출력합니다.",
    },
    "ui.download_code": {"en": "Download script", "ko": "스크립트 내려받기"},
    "ui.data": {"en": "Data", "ko": "데이터"},
    "ui.download_csv": {"en": "Download CSV", "ko": "CSV 내려받기"},
    "ui.share": {
        "en": "This page's address holds all its settings: copy it to share exactly this view.",
        "ko": "이 페이지의 주소에는 모든 설정이 담겨 있습니다. 복사하면 지금 화면을 그대로 공유할 수 있습니다.",
    },
    "ui.reset": {"en": "Reset to defaults", "ko": "기본값으로"},
    "ui.play": {"en": "Play", "ko": "재생"},
    "ui.chart.wide": {"en": "Chart wider than the screen: scroll it sideways with the arrow keys",
                      "ko": "화면보다 넓은 차트: 화살표 키로 좌우로 스크롤하세요"},
    "ui.pause": {"en": "Pause", "ko": "일시정지"},
    # the player's slider as a screen reader says it ({step}, {last}: numbers the browser formats)
    "ui.player.step": {"en": "step {step} of {last}", "ko": "전체 {last}스텝 중 {step}스텝"},
    "ui.player.epoch": {"en": "epoch {step} of {last}", "ko": "전체 {last}에포크 중 {step}에포크"},
    "ui.computing": {"en": "Training with PyTorch…", "ko": "PyTorch로 학습하는 중…"},
    # --- URL parameters ------------------------------------------------------------------------
    "param.rejected": {
        "en": "URL parameter `{name}={raw}` was ignored: {reason}.",
        "ko": "URL 파라미터 하나를 무시했습니다(`{name}={raw}`): {reason}.",
    },
    "param.default": {"en": "Using the default, {default}, instead.", "ko": "대신 기본값 {default}{을} 씁니다."},
    "param.default.empty": {"en": "Leaving it empty instead.", "ko": "대신 비워 둡니다."},  # a default of ""
    "param.reason.unknown": {"en": "this page has no such setting", "ko": "이 페이지에 없는 설정입니다"},
    "param.reason.repeated": {"en": "it was given {n} times", "ko": "{n}번 중복되었습니다"},
    "param.reason.too_long": {"en": "longer than {n} characters", "ko": "{n}자보다 깁니다"},
    "param.reason.type": {"en": "not a valid {kind}", "ko": "올바른 {kind} 값이 아닙니다"},
    "param.reason.finite": {"en": "not a finite number", "ko": "유한한 숫자가 아닙니다"},
    "param.reason.range": {"en": "must be between {lo} and {hi}", "ko": "{lo}에서 {hi} 사이여야 합니다"},
    "param.reason.choice": {"en": "must be one of {options}", "ko": "다음 중 하나여야 합니다: {options}"},
    "param.kind.int": {"en": "whole number", "ko": "정수"},
    "param.kind.float": {"en": "number", "ko": "숫자"},
    "param.kind.bool": {"en": "on/off value (1 or 0)", "ko": "켜기/끄기 값(1 또는 0)"},
    "param.seed": {"en": "Random seed", "ko": "랜덤 시드"},
    "param.seed.help": {
        "en": "Drives every random choice on this page (initial weights, data, masks). Same seed, same result.",
        "ko": "이 페이지의 모든 무작위 선택(초기 가중치, 데이터, 마스크)을 정합니다. 시드가 같으면 결과도 같습니다.",
    },
    # --- divergence --------------------------------------------------------------------------------
    "diverged.title": {"en": "Training diverged at step {step}", "ko": "{step}번째 스텝에서 학습이 발산했습니다"},
    "diverged.loss": {
        "en": "The loss became {value} (not a finite number). The steps were too large: with this learning "
        "rate each update overshoots further than the last, until the numbers overflow. Lower the learning "
        "rate (try 10× smaller) or use smaller initial weights. The curves show training up to that step.",
        "ko": "손실이 유한하지 않은 값 {value}{이} 되었습니다. 한 번에 너무 크게 움직였기 때문입니다. 이 학습률에서는 "
        "업데이트할 때마다 더 멀리 지나쳐서 결국 숫자가 넘쳐 버립니다. 학습률을 낮추거나(10배 작게) 초기 가중치를 "
        "작게 해 보세요. 그래프는 그 스텝까지의 학습을 보여 줍니다.",
    },
    "diverged.grad": {
        "en": "A gradient became {value} (not a finite number): the gradients exploded. Lower the learning "
        "rate, use fewer layers, or a smaller initialisation. The curves show training up to that step.",
        "ko": "기울기가 유한하지 않은 값 {value}{이} 되었습니다. 기울기가 폭발한 것입니다. 학습률을 낮추거나, "
        "층 수를 줄이거나, 더 작은 초기화를 써 보세요. 그래프는 그 스텝까지의 학습을 보여 줍니다.",
    },
    # --- option labels shared by pages (opt.<value>) -------------------------------------------------
    "opt.and": {"en": "AND", "ko": "AND"},
    "opt.or": {"en": "OR", "ko": "OR"},
    "opt.nand": {"en": "NAND", "ko": "NAND"},
    "opt.xor": {"en": "XOR", "ko": "XOR"},
    "opt.bce": {"en": "Binary cross-entropy (BCE)", "ko": "이진 교차 엔트로피 (BCE)"},
    "opt.mse": {"en": "Mean squared error (MSE)", "ko": "평균 제곱 오차 (MSE)"},
    "opt.sigmoid": {"en": "Sigmoid", "ko": "시그모이드"},
    "opt.tanh": {"en": "tanh", "ko": "tanh"},
    "opt.relu": {"en": "ReLU", "ko": "ReLU"},
    "opt.leaky_relu": {"en": "LeakyReLU", "ko": "LeakyReLU"},
    "opt.elu": {"en": "ELU", "ko": "ELU"},
    "opt.gelu": {"en": "GELU", "ko": "GELU"},
    "opt.silu": {"en": "SiLU (swish)", "ko": "SiLU (swish)"},
    "opt.softplus": {"en": "Softplus", "ko": "Softplus"},
    "opt.linear": {"en": "Linear (none)", "ko": "선형 (없음)"},
    "opt.sgd": {"en": "SGD", "ko": "SGD"},
    "opt.adam": {"en": "Adam", "ko": "Adam"},
    "opt.default": {"en": "PyTorch default", "ko": "PyTorch 기본값"},
    "opt.zeros": {"en": "Zeros", "ko": "0으로"},
    "opt.constant": {"en": "Constant", "ko": "상수"},
    "opt.normal": {"en": "Normal N(0, std²)", "ko": "정규분포 N(0, std²)"},
    "opt.uniform": {"en": "Uniform U(−a, a)", "ko": "균등분포 U(−a, a)"},
    "opt.xavier_normal": {"en": "Xavier (Glorot) normal", "ko": "Xavier (Glorot) 정규"},
    "opt.xavier_uniform": {"en": "Xavier (Glorot) uniform", "ko": "Xavier (Glorot) 균등"},
    "opt.kaiming_normal": {"en": "He (Kaiming) normal", "ko": "He (Kaiming) 정규"},
    "opt.kaiming_uniform": {"en": "He (Kaiming) uniform", "ko": "He (Kaiming) 균등"},
    "opt.orthogonal": {"en": "Orthogonal", "ko": "직교"},
    "opt.fan_in": {"en": "fan_in", "ko": "fan_in"},
    "opt.fan_out": {"en": "fan_out", "ko": "fan_out"},
    "opt.en": {"en": "English", "ko": "English"},
    "opt.ko": {"en": "한국어", "ko": "한국어"},
}
