"""Strings of the playground page (/playground) and its code export. Title and question: strings/topics.py."""

STRINGS = {
    "playground.intro": {
        "en": "Everything from the other lessons in one live view, on data of your own. Pick a generated set — or "
        "draw points by clicking, or paste a CSV — choose features, hidden layers, activation, initialization, "
        "dropout, weight decay and optimizer, and a real `nn.Sequential` is trained with `torch.optim`. Watch the "
        "**decision regions** form, **each hidden unit's own output over the plane**, and the training and test "
        "losses: when the test loss turns up while the training loss keeps falling, the net is overfitting. "
        "Then change one setting in **A/B** and compare.",
        "ko": "다른 강의에서 본 모든 것을 한 화면에서, 직접 만든 데이터로 해 봅니다. 준비된 데이터를 고르거나, 평면을 클릭해 "
        "점을 찍거나, CSV를 붙여 넣으세요. 특성, 은닉층, 활성화 함수, 초기화, 드롭아웃, 가중치 감쇠, 옵티마이저를 고르면 "
        "실제 `nn.Sequential`이 `torch.optim`으로 학습됩니다. **결정 영역**이 만들어지는 모습, **은닉 유닛 하나하나가 "
        "평면 위에 내는 출력**, 학습 손실과 테스트 손실을 지켜보세요. 학습 손실은 계속 줄어드는데 테스트 손실이 다시 "
        "올라가면 과적합입니다. 마지막으로 **A/B 비교**에서 설정 하나만 바꿔 나란히 비교해 보세요.",
    },
    # --- sections -----------------------------------------------------------------------------------
    "playground.data_title": {"en": "Data", "ko": "데이터"},
    "playground.features_title": {"en": "Features", "ko": "특성"},
    "playground.model_title": {"en": "Model and training", "ko": "모델과 학습"},
    "playground.ab_title": {"en": "A/B: one setting changed", "ko": "A/B 비교: 설정 하나만 바꾸기"},
    "playground.view_title": {"en": "Training, epoch by epoch", "ko": "에포크마다 보는 학습 과정"},
    "playground.own_title": {"en": "Your points", "ko": "직접 찍은 점"},
    "playground.presets": {"en": "Presets", "ko": "미리 준비한 설정"},
    "playground.preset.circle": {"en": "A circle from x₁², x₂²", "ko": "x₁², x₂²로 그리는 원"},
    "playground.preset.overfit": {"en": "Noisy moons overfit, A/B dropout", "ko": "노이즈 섞인 반달의 과적합, 드롭아웃 A/B"},
    "playground.preset.spirals": {"en": "Spirals, 3 layers with sin", "ko": "나선, 사인 특성과 은닉층 3개"},
    # --- settings -----------------------------------------------------------------------------------
    "playground.source": {"en": "Points", "ko": "점"},
    "playground.source.help": {
        "en": "A generated data set, or points of your own (click on the plane, or paste a CSV).",
        "ko": "준비된 데이터를 쓰거나, 직접 만든 점을 씁니다(평면을 클릭하거나 CSV를 붙여 넣기).",
    },
    "playground.data": {"en": "Data set", "ko": "데이터셋"},
    "playground.data.help": {
        "en": "Circles, moons and blobs are scikit-learn's make_circles, make_moons and make_blobs; XOR and "
        "spirals are drawn by nnviz. XOR and moons have two classes only.",
        "ko": "원, 반달, 덩어리는 scikit-learn의 make_circles, make_moons, make_blobs로 만듭니다. XOR과 나선은 nnviz가 "
        "직접 만듭니다. XOR과 반달은 클래스가 두 개뿐입니다.",
    },
    "playground.noise": {"en": "Noise", "ko": "노이즈"},
    "playground.noise.help": {
        "en": "Standard deviation of the Gaussian noise added to each coordinate, relative to the set's size "
        "(scikit-learn's noise). 0 to 1.",
        "ko": "각 좌표에 더하는 가우스 노이즈의 표준편차입니다. 데이터 크기에 대한 비율이며 scikit-learn의 `noise`와 같습니다. "
        "0에서 1까지.",
    },
    "playground.n": {"en": "Number of points", "ko": "점 개수"},
    "playground.n.help": {
        "en": "10 to 1,000 points (the cap keeps a rerun short on this small server).",
        "ko": "10개에서 1,000개까지입니다(작은 서버에서 다시 그리는 시간을 짧게 하려는 상한입니다).",
    },
    "playground.test": {"en": "Test split (%)", "ko": "테스트 비율(%)"},
    "playground.test.help": {
        "en": "The share of points held out: the net never trains on them, so their loss shows how it does on new data.",
        "ko": "학습에 쓰지 않고 떼어 두는 점의 비율입니다. 신경망이 이 점으로는 학습하지 않으므로, 이 점의 손실은 새 "
        "데이터에서 얼마나 잘하는지를 보여 줍니다.",
    },
    "playground.classes": {"en": "Classes", "ko": "클래스 수"},
    "playground.classes.help": {
        "en": "2 or 3 classes (circles, spirals and blobs; XOR and moons have 2).",
        "ko": "클래스 2개 또는 3개입니다(원, 나선, 덩어리만 3개가 됩니다. XOR과 반달은 2개).",
    },
    "playground.points": {"en": "Drawn points", "ko": "찍은 점"},
    "playground.label": {"en": "Class of a new point", "ko": "새 점의 클래스"},
    "playground.label.help": {
        "en": "The class a click on the plane adds. A click on a point removes it.",
        "ko": "평면을 클릭하면 이 클래스의 점이 생깁니다. 점을 클릭하면 그 점이 지워집니다.",
    },
    "playground.x1": {"en": "x₁", "ko": "x₁"},
    "playground.x2": {"en": "x₂", "ko": "x₂"},
    "playground.x1sq": {"en": "x₁²", "ko": "x₁²"},
    "playground.x2sq": {"en": "x₂²", "ko": "x₂²"},
    "playground.x1x2": {"en": "x₁x₂", "ko": "x₁x₂"},
    "playground.sin1": {"en": "sin x₁", "ko": "sin x₁"},
    "playground.sin2": {"en": "sin x₂", "ko": "sin x₂"},
    "playground.features_help": {
        "en": "The inputs the net sees, computed from each point's (x₁, x₂) as in TensorFlow Playground. With x₁² and "
        "x₂² a net without hidden layers can already draw a circle. None switched on: x₁ and x₂.",
        "ko": "신경망이 받는 입력으로, TensorFlow 플레이그라운드처럼 각 점의 (x₁, x₂)에서 계산합니다. x₁²와 x₂²가 있으면 "
        "은닉층이 없어도 원을 그릴 수 있습니다. 아무것도 켜지 않으면 x₁과 x₂를 씁니다.",
    },
    "playground.layers": {"en": "Hidden layers", "ko": "은닉층 수"},
    "playground.layers.help": {
        "en": "0 to 6 hidden layers (0: a linear classifier of the features).",
        "ko": "은닉층 0개에서 6개까지입니다(0개면 특성에 대한 선형 분류기입니다).",
    },
    "playground.units": {"en": "Units per layer", "ko": "층마다 유닛 수"},
    "playground.units.help": {"en": "1 to 8 units in every hidden layer.", "ko": "은닉층마다 유닛 1개에서 8개까지입니다."},
    "playground.activation": {"en": "Activation", "ko": "활성화 함수"},
    "playground.activation.help": {
        "en": "The function after every hidden Linear layer.",
        "ko": "은닉층의 Linear 층마다 뒤에 붙는 함수입니다.",
    },
    "playground.init": {"en": "Weight initialization", "ko": "가중치 초기화"},
    "playground.init.help": {
        "en": "PyTorch default keeps nn.Linear's own; the others apply torch.nn.init to every weight (biases 0). "
        "Normal: std 0.01.",
        "ko": "PyTorch 기본값은 nn.Linear가 처음 정한 값을 그대로 씁니다. 나머지는 모든 가중치에 torch.nn.init을 적용하고 "
        "편향은 0으로 둡니다. 정규분포는 std 0.01입니다.",
    },
    "playground.dropout": {"en": "Dropout p", "ko": "드롭아웃 p"},
    "playground.dropout.help": {
        "en": "nn.Dropout(p) after every hidden activation, in training mode only.",
        "ko": "은닉층의 활성화 함수마다 뒤에 nn.Dropout(p)를 둡니다. 학습 모드에서만 작동합니다.",
    },
    "playground.wd": {"en": "Weight decay (L2)", "ko": "가중치 감쇠(L2)"},
    "playground.wd.help": {
        "en": "The optimizer's weight_decay: every step also pulls each weight towards 0.",
        "ko": "옵티마이저의 weight_decay입니다. 스텝마다 모든 가중치를 0 쪽으로 조금씩 당깁니다.",
    },
    "playground.optimizer": {"en": "Optimizer", "ko": "옵티마이저"},
    "playground.optimizer.help": {"en": "torch.optim.SGD or torch.optim.Adam.", "ko": "torch.optim.SGD 또는 torch.optim.Adam입니다."},
    "playground.lr": {"en": "Learning rate", "ko": "학습률"},
    "playground.lr.help": {"en": "The optimizer's lr.", "ko": "옵티마이저의 lr입니다."},
    "playground.batch": {"en": "Batch size", "ko": "배치 크기"},
    "playground.batch.help": {
        "en": "Training points per update (1 to 1,000; more than the training split: the whole split).",
        "ko": "업데이트 한 번에 쓰는 학습용 점의 개수입니다(1에서 1,000까지, 학습용 점보다 크면 전체를 씁니다).",
    },
    "playground.epochs": {"en": "Epochs", "ko": "에포크 수"},
    "playground.epochs.help": {
        "en": "Passes over the training points, 1 to 500. A run does at most 7,200/(hidden layers + 2) updates and "
        "epochs together (900 with 6 layers), so it stays under a few seconds; fewer epochs are trained when that "
        "is reached.",
        "ko": "학습용 점을 한 번씩 모두 보는 횟수로, 1에서 500까지입니다. 한 번의 학습은 업데이트 횟수와 에포크 수를 "
        "합쳐 최대 7,200/(은닉층 수 + 2)번(은닉층 6개면 900번)까지만 해서 몇 초 안에 끝납니다. 여기에 닿으면 에포크를 줄여서 "
        "학습합니다.",
    },
    "playground.view": {"en": "Epoch shown", "ko": "보여 줄 에포크"},
    "playground.compare": {"en": "Compare with B", "ko": "B와 비교"},
    "playground.compare.help": {
        "en": "B is the same data, seed and settings with this one setting changed.",
        "ko": "B는 데이터, 시드, 설정이 모두 같고 이 설정 하나만 다릅니다.",
    },
    "playground.b_dropout": {"en": "B: dropout p", "ko": "B: 드롭아웃 p"},
    "playground.b_wd": {"en": "B: weight decay", "ko": "B: 가중치 감쇠"},
    "playground.b_activation": {"en": "B: activation", "ko": "B: 활성화 함수"},
    "playground.b_optimizer": {"en": "B: optimizer", "ko": "B: 옵티마이저"},
    "playground.b_lr": {"en": "B: learning rate", "ko": "B: 학습률"},
    "playground.b_init": {"en": "B: initialization", "ko": "B: 초기화"},
    "playground.b_layers": {"en": "B: hidden layers", "ko": "B: 은닉층 수"},
    "playground.b_units": {"en": "B: units per layer", "ko": "B: 층마다 유닛 수"},
    # --- options ------------------------------------------------------------------------------------
    "opt.generated": {"en": "Generated", "ko": "준비된 데이터"},
    "opt.own": {"en": "My own", "ko": "직접 만들기"},
    "opt.circles": {"en": "Circles", "ko": "원"},
    "opt.spirals": {"en": "Spirals", "ko": "나선"},
    "opt.blobs": {"en": "Gaussian blobs", "ko": "가우스 덩어리"},
    "opt.off": {"en": "Off", "ko": "끄기"},
    "opt.dropout": {"en": "Dropout", "ko": "드롭아웃"},
    "opt.wd": {"en": "Weight decay", "ko": "가중치 감쇠"},
    "opt.activation": {"en": "Activation", "ko": "활성화 함수"},
    "opt.optimizer": {"en": "Optimizer", "ko": "옵티마이저"},
    "opt.lr": {"en": "Learning rate", "ko": "학습률"},
    "opt.init": {"en": "Initialization", "ko": "초기화"},
    "opt.layers": {"en": "Hidden layers", "ko": "은닉층 수"},
    "opt.units": {"en": "Units per layer", "ko": "층마다 유닛 수"},
    # --- URL ------------------------------------------------------------------------------------------
    "param.reason.points_bad": {
        "en": "not a list of points as this page writes them",
        "ko": "이 페이지가 쓰는 점 목록 형식이 아닙니다",
    },
    "param.reason.points_many": {
        "en": "it holds {n} points, at most {max} are allowed",
        "ko": "점이 {n}개입니다. 최대 {max}개까지만 됩니다",
    },
    "param.kind.points": {"en": "list of points", "ko": "점 목록"},
    # --- own points -------------------------------------------------------------------------------------
    "playground.own.lead": {
        "en": "Click on the plane to add a point of the chosen class; click a point to remove it. {n} points "
        "(at most 1,000).",
        "ko": "평면을 클릭하면 고른 클래스의 점이 생기고, 점을 클릭하면 지워집니다. 지금 점 {n}개(최대 1,000개).",
    },
    "playground.own.copy": {"en": "Start from the generated set", "ko": "준비된 데이터에서 시작"},
    "playground.own.clear": {"en": "Clear all points", "ko": "점 모두 지우기"},
    "playground.own.too_few": {
        "en": "Add more points to train: at least {n} points, and at least 2 in each of two classes.",
        "ko": "학습하려면 점을 더 찍으세요. 모두 {n}개 이상이고, 두 클래스에 각각 2개 이상 있어야 합니다.",
    },
    "playground.csv": {"en": "Paste points as CSV (`x1,x2,label`)", "ko": "CSV로 점 붙여 넣기 (`x1,x2,label`)"},
    "playground.csv.help": {
        "en": "One point a line: x1,x2,label with x1 and x2 between −6 and 6 and label 0, 1 or 2; a first line "
        "x1,x2,label is allowed. At most 1,000 points in all.",
        "ko": "행마다 점 하나씩 `x1,x2,label` 형식으로 씁니다. x1과 x2는 −6에서 6 사이, 레이블은 0, 1, 2 가운데 하나입니다. "
        "첫 행에 `x1,x2,label` 머리글을 써도 됩니다. 모두 합쳐 최대 1,000개입니다.",
    },
    "playground.csv.add": {"en": "Add these points", "ko": "이 점들 추가"},
    "playground.csv.added": {"en": "Added {n} points.", "ko": "점 {n}개를 추가했습니다."},
    "playground.csv.error": {
        "en": "Nothing was added: line {line}: {reason}. The points already drawn are kept.",
        "ko": "아무것도 추가하지 않았습니다. {line}번째 줄: {reason}. 이미 찍은 점은 그대로 둡니다.",
    },
    "playground.csv.error0": {
        "en": "Nothing was added: {reason}. The points already drawn are kept.",
        "ko": "아무것도 추가하지 않았습니다: {reason}. 이미 찍은 점은 그대로 둡니다.",
    },
    "playground.csv.csv_fields": {"en": "{n} fields, expected 3 (x1,x2,label)", "ko": "값이 {n}개입니다. `x1,x2,label` 세 개여야 합니다"},
    "playground.csv.csv_number": {"en": "“{value}” is not a finite number", "ko": "유한한 숫자가 아닙니다: “{value}”"},
    "playground.csv.csv_box": {"en": "{value} is outside {lo:g} … {hi:g}", "ko": "{lo:g} … {hi:g} 범위 밖의 값입니다: {value}"},
    "playground.csv.csv_label": {
        "en": "label “{value}” is not a whole number 0 … {hi}",
        "ko": "레이블이 0 … {hi} 사이의 정수가 아닙니다: “{value}”",
    },
    "playground.csv.placeholder": {"en": "x1,x2,label\n1.5,-2,0\n-3,0.5,1", "ko": "x1,x2,label\n1.5,-2,0\n-3,0.5,1"},
    "playground.csv.csv_rows": {"en": "more than {n} points in all", "ko": "모두 합쳐 {n}개가 넘습니다"},
    "playground.csv.csv_long": {"en": "the text is longer than {n} characters", "ko": "글이 {n}자보다 깁니다"},
    "playground.csv.csv_empty": {"en": "no points in the text", "ko": "글에 점이 하나도 없습니다"},
    # --- metrics and verdicts ------------------------------------------------------------------------------
    "playground.m.train_loss": {"en": "Train loss", "ko": "학습 손실"},
    "playground.m.test_loss": {"en": "Test loss", "ko": "테스트 손실"},
    "playground.m.train_acc": {"en": "Train accuracy", "ko": "학습 정확도"},
    "playground.m.test_acc": {"en": "Test accuracy", "ko": "테스트 정확도"},
    "playground.m.epochs": {"en": "Epochs trained", "ko": "학습한 에포크"},
    "playground.capped": {
        "en": "Trained {run} of the {asked} epochs asked: {per} updates an epoch, at most {max} updates and epochs "
        "together for {layers} hidden layers. A larger batch allows more epochs.",
        "ko": "요청한 {asked} 에포크 가운데 {run} 에포크만 학습했습니다. 에포크마다 업데이트가 {per}번이고, 은닉층 "
        "{layers}개에서는 업데이트와 에포크를 합쳐 최대 {max}번까지 합니다. 배치를 키우면 에포크를 더 돌릴 수 있습니다.",
    },
    "playground.verdict.good": {
        "en": "**Learned.** {acc} of the training points and {test_acc} of the test points are classified right.",
        "ko": "**잘 학습했습니다.** 학습용 점의 {acc}, 테스트용 점의 {test_acc}{을} 맞게 분류합니다.",
    },
    "playground.verdict.overfit": {
        "en": "**Overfitting.** The test loss was lowest at epoch {best} ({best_loss}) and has risen to {loss} while the "
        "training loss kept falling: the net is learning the training points' noise. Try dropout, weight decay, "
        "fewer epochs or more points.",
        "ko": "**과적합입니다.** 테스트 손실은 {best}번째 에포크에서 가장 낮았고({best_loss}) 지금은 {loss}까지 올랐는데, "
        "학습 손실은 계속 줄었습니다. 신경망이 학습용 점의 노이즈까지 외우고 있습니다. 드롭아웃, 가중치 감쇠를 써 보거나 "
        "에포크를 줄이거나 점을 늘려 보세요.",
    },
    "playground.verdict.underfit": {
        "en": "**Not learned yet.** Only {acc} of the training points are classified right. Try more epochs, "
        "another learning rate, more units or features such as x₁² and x₂².",
        "ko": "**아직 덜 학습했습니다.** 학습용 점의 {acc}만 맞게 분류합니다. 에포크를 늘리거나, 학습률을 바꾸거나, "
        "유닛을 늘리거나, x₁², x₂² 같은 특성을 켜 보세요.",
    },
    "playground.verdict.diverged": {
        "en": "The views show the net after the last epoch whose weights were all finite (epoch {epoch}).",
        "ko": "그림은 가중치가 모두 유한했던 마지막 에포크({epoch}번째) 뒤의 신경망을 보여 줍니다.",
    },
    # --- charts -----------------------------------------------------------------------------------------
    "playground.regions.title": {"en": "Decision regions after epoch {epoch}", "ko": "{epoch}번째 에포크 뒤의 결정 영역"},
    "playground.regions.caption": {
        "en": "The colour is the class the net predicts at each place of the plane (paler: less sure). "
        "Circles are training points, diamonds test points.",
        "ko": "색은 평면의 각 위치에서 신경망이 예측하는 클래스입니다(옅을수록 덜 확신합니다). 동그라미는 학습용 점, "
        "마름모는 테스트용 점입니다.",
    },
    "playground.loss.title": {"en": "Loss, train and test", "ko": "학습 손실과 테스트 손실"},
    "playground.loss.caption": {
        "en": "Cross-entropy after every epoch, in evaluation mode (no dropout), on both splits. A test curve that "
        "turns up while the training curve keeps falling is overfitting.",
        "ko": "에포크마다 평가 모드(드롭아웃 없이)로 두 데이터에서 잰 교차 엔트로피입니다. 학습 곡선은 계속 내려가는데 "
        "테스트 곡선이 다시 올라가면 과적합입니다.",
    },
    "playground.net.title": {"en": "Inside the net after epoch {epoch}", "ko": "{epoch}번째 에포크 뒤의 신경망 속"},
    "playground.net.caption": {
        "en": "Each square is one unit's output over the whole plane: features on the left, then each hidden layer, "
        "then the class probabilities. Blue is negative, orange positive (each map scaled to its own largest |value|). "
        "Lines are the weights: orange positive, blue negative, thicker is larger; hover for values, or open Data.",
        "ko": "네모 하나는 유닛 하나가 평면 전체에 내는 출력입니다. 왼쪽이 특성, 그다음이 은닉층들, 오른쪽 끝이 클래스별 "
        "확률입니다. 파란색은 음수, 주황색은 양수입니다(지도마다 자기 최대 |값|에 맞춰 색을 정합니다). 선은 가중치로, "
        "주황색은 양수, 파란색은 음수이고 굵을수록 큽니다. 마우스를 올리거나 데이터를 열면 값이 보입니다.",
    },
    "playground.ab.lead": {
        "en": "A: your settings. B: the same with **{name}** = {b} instead of {a}.",
        "ko": "A는 지금 설정이고, B는 **{name}**만 {a} 대신 {b}{으로} 바꾼 설정입니다.",
    },
    "playground.ab.same": {
        "en": "A and B are the same: choose a B value that differs.",
        "ko": "A와 B가 같습니다. 다른 B 값을 고르세요.",
    },
    "playground.ab.off": {
        "en": "Choose a setting above to train B beside A.",
        "ko": "위에서 설정을 하나 고르면 A 옆에 B를 학습합니다.",
    },
    "playground.lbl.x1": {"en": "x₁", "ko": "x₁"},
    "playground.lbl.x2": {"en": "x₂", "ko": "x₂"},
    "playground.lbl.class": {"en": "Class", "ko": "클래스"},
    "playground.lbl.split": {"en": "Split", "ko": "데이터"},
    "playground.lbl.train": {"en": "train", "ko": "학습"},
    "playground.lbl.test": {"en": "test", "ko": "테스트"},
    "playground.lbl.epoch": {"en": "Epoch", "ko": "에포크"},
    "playground.lbl.loss": {"en": "Cross-entropy loss", "ko": "교차 엔트로피 손실"},
    "playground.lbl.accuracy": {"en": "Accuracy", "ko": "정확도"},
    "playground.lbl.unit": {"en": "Unit", "ko": "유닛"},
    "playground.lbl.weight": {"en": "Weight", "ko": "가중치"},
    "playground.lbl.range": {"en": "Range", "ko": "범위"},
    "playground.lbl.run": {"en": "Run", "ko": "실행"},
    "playground.lbl.predicted": {"en": "Predicted", "ko": "예측"},
    # --- try this and why -----------------------------------------------------------------------------------
    "playground.try.q1": {
        "en": "Circles with only x₁ and x₂ and no hidden layer: can a straight line separate them? Now switch on "
        "x₁² and x₂². What does the one layer draw now?",
        "ko": "원 데이터에 특성 x₁, x₂만 쓰고 은닉층을 0개로 두면 직선 하나로 나눌 수 있을까요? 이제 x₁²와 x₂²를 켜 "
        "보세요. 층 하나가 무엇을 그릴까요?",
    },
    "playground.try.a1": {
        "en": "No straight line separates a ring from its centre, so accuracy stays near chance. With x₁² and x₂² the "
        "linear classifier computes w₁x₁² + w₂x₂² + b, and its boundary is a circle (an ellipse): the right feature "
        "does the hidden layer's job.",
        "ko": "고리와 그 가운데를 나누는 직선은 없으니 정확도는 어림짐작 수준에 머뭅니다. x₁², x₂²를 켜면 선형 분류기가 "
        "w₁x₁² + w₂x₂² + b를 계산하고, 그 결정 경계는 원(타원)입니다. 알맞은 특성이 은닉층이 할 일을 대신합니다.",
    },
    "playground.try.q2": {
        "en": "Two moons with noise 0.3 and only 100 points, 4 layers of 8, learning rate 0.03, batch 32, 300 epochs: "
        "watch the test loss. Then compare with B = dropout 0.3.",
        "ko": "노이즈 0.3에 점 100개뿐인 반달 데이터를 8개짜리 은닉층 4개, 학습률 0.03, 배치 32, 300 에포크로 학습하고 "
        "테스트 손실을 보세요. 그다음 B를 드롭아웃 0.3으로 두고 비교해 보세요.",
    },
    "playground.try.a2": {
        "en": "The big net fits the noisy training points and its test loss turns up: overfitting. Dropout makes every "
        "unit work without the others, the boundary gets smoother and the test loss usually ends lower.",
        "ko": "큰 신경망은 노이즈 섞인 학습용 점까지 맞추고, 테스트 손실은 다시 올라갑니다. 과적합입니다. 드롭아웃을 쓰면 "
        "유닛마다 다른 유닛 없이도 일하게 되어 경계가 부드러워지고, 테스트 손실도 대개 더 낮게 끝납니다.",
    },
    "playground.try.q3": {
        "en": "Set the initialization to zeros with tanh. What do the hidden units' maps look like, and why?",
        "ko": "tanh에서 초기화를 0으로 두세요. 은닉 유닛의 지도는 어떻게 보이고, 왜 그럴까요?",
    },
    "playground.try.a3": {
        "en": "Every unit of a layer starts equal and gets the same gradient, so they stay copies of each other (and with "
        "all weights 0 the hidden units never move at all): nothing breaks the symmetry.",
        "ko": "한 층의 유닛이 모두 똑같이 시작해 같은 기울기를 받으므로 계속 서로의 복사본으로 남습니다(가중치가 모두 0이면 "
        "은닉 유닛은 아예 움직이지 않습니다). 대칭을 깨는 것이 없기 때문입니다.",
    },
    "playground.try.q4": {
        "en": "Draw your own points: a class-0 cluster with one class-1 point in its middle. How many units does a net "
        "need to carve it out, and does the test accuracy care?",
        "ko": "직접 점을 찍어 보세요. 클래스 0 무리 한가운데에 클래스 1 점을 하나 둡니다. 신경망이 그 점만 떼어 내려면 "
        "유닛이 몇 개나 필요할까요? 테스트 정확도는 달라질까요?",
    },
    "playground.try.a4": {
        "en": "A net with enough units draws a small island around the lone point — memorizing it. If that point is "
        "noise, the island only hurts on new data: the same story as overfitting, one point at a time.",
        "ko": "유닛이 넉넉한 신경망은 외로운 점 둘레에 작은 섬을 그려 그 점을 외웁니다. 그 점이 노이즈라면 섬은 새 데이터에서 "
        "손해만 봅니다. 점 하나로 보는 과적합 이야기입니다.",
    },
    "playground.why.model": {
        "en": "The net is `nn.Sequential(Linear(F, H), act, [Dropout(p)], …, Linear(H, C))`: F features in, one logit "
        "per class out. Training minimizes the cross-entropy of the softmax of the logits:",
        "ko": "신경망은 `nn.Sequential(Linear(F, H), act, [Dropout(p)], …, Linear(H, C))`입니다. 특성 F개가 들어가고 "
        "클래스마다 로짓 하나가 나옵니다. 학습은 로짓에 소프트맥스를 씌운 값의 교차 엔트로피를 줄입니다.",
    },
    "playground.why.update": {
        "en": "Each update takes a mini-batch B of training points; weight decay λ adds λw to every gradient "
        "(for SGD, the update below; Adam scales the same gradient per weight):",
        "ko": "업데이트마다 학습용 점의 미니배치 B를 씁니다. 가중치 감쇠 λ는 모든 기울기에 λw를 더합니다(SGD라면 아래와 같고, "
        "Adam은 같은 기울기를 가중치마다 다르게 조절합니다).",
    },
    "playground.latex.loss": {
        "en": r"L = -\frac{1}{|B|} \sum_{n \in B} \log \frac{e^{z_{n, y_n}}}{\sum_{c} e^{z_{n,c}}}",
        "ko": r"L = -\frac{1}{|B|} \sum_{n \in B} \log \frac{e^{z_{n, y_n}}}{\sum_{c} e^{z_{n,c}}}",
    },
    "playground.latex.update": {
        "en": r"w \leftarrow w - \eta \left( \frac{\partial L}{\partial w} + \lambda w \right)",
        "ko": r"w \leftarrow w - \eta \left( \frac{\partial L}{\partial w} + \lambda w \right)",
    },
    # --- code export --------------------------------------------------------------------------------------
    "playground.code.title": {
        "en": "the playground's run: a {shape} net on {n} points, trained with torch.optim",
        "ko": "플레이그라운드의 학습: 점 {n}개에 {shape} 신경망을 torch.optim으로 학습합니다",
    },
    "playground.code.data": {"en": "the page's points (x1, x2, label)", "ko": "페이지의 점 (x1, x2, 레이블)"},
    "playground.code.split": {"en": "the page's train/test split", "ko": "페이지와 같은 학습/테스트 분할"},
    "playground.code.features": {"en": "the features the net sees", "ko": "신경망이 받는 특성"},
    "playground.code.init": {"en": "torch.nn.init on every weight, biases 0", "ko": "모든 가중치에 torch.nn.init, 편향은 0"},
    "playground.code.order": {"en": "a new order of the training points every epoch", "ko": "에포크마다 학습용 점의 순서를 새로 섞습니다"},
    "playground.code.nan": {"en": "stop at a loss that is not finite", "ko": "손실이 유한하지 않으면 멈춥니다"},
    "playground.code.eval": {"en": "score both splits in evaluation mode (no dropout)", "ko": "두 데이터를 평가 모드(드롭아웃 없이)로 잽니다"},
}
