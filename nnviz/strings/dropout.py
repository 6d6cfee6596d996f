"""Strings of the dropout page (/dropout) and its code export."""

STRINGS = {
    # --- required topic keys ----------------------------------------------------------------------
    "dropout.intro": {
        "en": "A network with 512 hidden units can bend its output through every noisy training point: its "
        "training loss keeps falling while the loss on new data rises. That is overfitting. "
        "`nn.Dropout` fights it by zeroing a random share of the hidden units on every training step. "
        "First look inside one dropout layer: which units it drops, why the survivors are scaled up, and "
        "what changes in `model.eval()`. Then watch the tutorial's experiment: a 1-512-1 ReLU net fitted to "
        "pure noise, without and with dropout, and the classic bug of predicting in training mode.",
        "ko": "은닉 유닛이 512개인 신경망은 노이즈 섞인 학습 데이터 하나하나를 모두 지나가도록 출력을 구부릴 수 있습니다. "
        "그러면 학습 손실은 계속 줄어드는데 새 데이터에 대한 손실은 오히려 커집니다. 이것이 과적합(오버피팅)입니다. "
        "`nn.Dropout`은 학습할 때마다 은닉 유닛의 일부를 무작위로 0으로 만들어 과적합을 막습니다. "
        "먼저 드롭아웃 층 하나를 들여다보며 어떤 유닛이 꺼지는지, 살아남은 값이 왜 커지는지, `model.eval()`에서는 "
        "무엇이 달라지는지 봅니다. 그다음 튜토리얼의 실험을 그대로 해 봅니다. 순수한 노이즈에 1-512-1 ReLU 신경망을 "
        "드롭아웃 없이, 그리고 드롭아웃과 함께 적합하고, 학습 모드로 예측하는 흔한 실수도 확인합니다.",
    },
    "dropout.p_note": {
        "en": "**PyTorch's `p` is the probability to drop.** `nn.Dropout(0.8)` zeroes about 80 % of its inputs "
        "and keeps about 20 %, scaled by 1/(1 − 0.8) = 5. Some older frameworks and papers use the keep "
        "probability instead (TensorFlow 1's `keep_prob`, the original paper's *p*): there, 0.8 would mean keep 80 %.",
        "ko": "**PyTorch의 `p`는 끌(drop) 확률입니다.** `nn.Dropout(0.8)`은 입력의 약 80%를 0으로 만들고 약 20%만 "
        "남기며, 남은 값에 1/(1 − 0.8) = 5를 곱합니다. 예전 프레임워크나 논문 가운데에는 남길(keep) 확률을 쓰는 "
        "경우도 있어서(예: TensorFlow 1의 `keep_prob`, 원 논문의 *p*) 그곳에서 0.8은 80%를 남긴다는 뜻입니다.",
    },
    # --- settings -----------------------------------------------------------------------------------
    "dropout.p": {"en": "Drop probability p", "ko": "드롭 확률 p"},
    "dropout.p.help": {
        "en": "The share of units nn.Dropout(p) zeroes in training mode. Used by the layer below and by the "
        "dropout net in part 2.",
        "ko": "학습 모드에서 nn.Dropout(p)가 0으로 만드는 유닛의 비율입니다. 아래의 층과 2절의 드롭아웃 신경망에 함께 쓰입니다.",
    },
    "dropout.inputs": {"en": "Input to the layer", "ko": "층에 넣을 입력"},
    "dropout.inputs.help": {
        "en": "Ramp: 0, 0.01, 0.02, … as in the tutorial. Ones: every input 1, so every kept unit shows 1/(1−p). "
        "Random: N(0, 1) drawn with the seed.",
        "ko": "램프: 튜토리얼처럼 0, 0.01, 0.02, … . 모두 1: 입력이 전부 1이라 남은 유닛은 모두 1/(1−p)를 보입니다. "
        "무작위: 시드로 뽑은 N(0, 1) 값입니다.",
    },
    "dropout.draw": {"en": "Mask number", "ko": "마스크 번호"},
    "dropout.draw.help": {
        "en": "Which random mask to draw for this seed (0–999). “Sample a new mask” counts it up.",
        "ko": "이 시드에서 몇 번째 무작위 마스크를 뽑을지 정합니다(0–999). ‘새 마스크 뽑기’를 누르면 1씩 커집니다.",
    },
    "dropout.n": {"en": "Data points N", "ko": "데이터 개수 N"},
    "dropout.n.help": {
        "en": "Points of y = 0·x + ε on [−1, 1]; 80 % train the nets, 20 % are kept back as test data.",
        "ko": "[−1, 1]에서 만든 y = 0·x + ε 데이터의 개수입니다. 80%로 학습하고 20%는 테스트용으로 남겨 둡니다.",
    },
    "dropout.noise": {"en": "Noise level σ", "ko": "노이즈 크기 σ"},
    "dropout.noise.help": {
        "en": "Standard deviation of ε. The true function is y = 0, so any pattern a net finds is noise.",
        "ko": "ε의 표준편차입니다. 참 함수는 y = 0이므로 신경망이 찾아내는 모든 패턴은 노이즈입니다.",
    },
    "dropout.hidden": {"en": "Hidden units H", "ko": "은닉 유닛 수 H"},
    "dropout.hidden.help": {
        "en": "Width of the one hidden layer of the 1-H-1 ReLU nets (the tutorial uses 512).",
        "ko": "1-H-1 ReLU 신경망의 은닉층 너비입니다(튜토리얼은 512).",
    },
    "dropout.optimizer": {"en": "Optimizer", "ko": "옵티마이저"},
    "dropout.optimizer.help": {
        "en": "Adam as in the tutorial, or plain SGD (which diverges at large learning rates).",
        "ko": "튜토리얼처럼 Adam, 또는 기본 SGD(학습률이 크면 발산합니다).",
    },
    "dropout.lr": {"en": "Learning rate", "ko": "학습률"},
    "dropout.lr.help": {"en": "Step size of the optimizer (Adam's default is 0.001).",
                        "ko": "옵티마이저의 보폭입니다(Adam의 기본값은 0.001)."},
    "dropout.epochs": {"en": "Epochs", "ko": "에포크 수"},
    "dropout.epochs.help": {
        "en": "Full-batch training steps; each step draws a new dropout mask.",
        "ko": "전체 배치 학습 횟수입니다. 매 스텝마다 새 드롭아웃 마스크를 뽑습니다.",
    },
    "opt.ramp": {"en": "Ramp 0, 0.01, …", "ko": "램프 0, 0.01, …"},
    "opt.ones": {"en": "All ones", "ko": "모두 1"},
    "opt.randn": {"en": "Random N(0, 1)", "ko": "무작위 N(0, 1)"},
    # --- part 1: one layer --------------------------------------------------------------------------
    "dropout.part1": {"en": "1. Inside one dropout layer", "ko": "1. 드롭아웃 층 하나 들여다보기"},
    "dropout.part1.lead": {
        "en": "256 units go through `nn.Dropout({p:g})`. In training mode each unit is kept with probability "
        "1 − p = {keep:g} and, if kept, multiplied by 1/(1 − p) = {scale:.4g}; dropped units output 0.",
        "ko": "유닛 256개가 `nn.Dropout({p:g})`을 지납니다. 학습 모드에서 각 유닛은 1 − p = {keep:g}의 확률로 살아남고, "
        "살아남으면 1/(1 − p) = {scale:.4g}{가} 곱해집니다. 꺼진 유닛의 출력은 0입니다.",
    },
    "dropout.new_mask": {"en": "Sample a new mask", "ko": "새 마스크 뽑기"},
    "dropout.grid.input": {"en": "Input x", "ko": "입력 x"},
    "dropout.grid.output": {"en": "Output in training mode (mask {draw})", "ko": "학습 모드 출력 (마스크 {draw})"},
    "dropout.grid.caption": {
        "en": "Grey × = dropped (output 0). Coloured = kept, showing x · {scale:.4g}. Hover a cell for its numbers. "
        "The colour scales differ: the output's is {scale:.4g}× wider.",
        "ko": "회색 × = 꺼진 유닛(출력 0). 색칠된 칸 = 살아남은 유닛이며 x · {scale:.4g} 값을 보여 줍니다. 칸 위에 "
        "마우스를 올리면 숫자가 보입니다. 두 그림의 색 범위는 다릅니다. 출력 쪽이 {scale:.4g}배 넓습니다.",
    },
    "dropout.m.kept": {"en": "Units kept", "ko": "살아남은 유닛"},
    "dropout.m.kept.delta": {"en": "{share:.1%}; expected {keep:.0%} ± {se:.1%}",
                             "ko": "{share:.1%}; 기댓값 {keep:.0%} ± {se:.1%}"},
    "dropout.m.scale": {"en": "Kept units × ", "ko": "살아남은 유닛 × "},
    "dropout.m.scale.delta": {"en": "measured: {lo:.6g} … {hi:.6g}", "ko": "측정값: {lo:.6g} … {hi:.6g}"},
    "dropout.m.eval": {"en": "Eval mode: output − input", "ko": "평가 모드: 출력 − 입력"},
    "dropout.m.eval.value": {"en": "max |diff| = {d:g}", "ko": "최대 |차이| = {d:g}"},
    "dropout.m.eval.delta": {"en": "identity: nothing dropped, nothing scaled", "ko": "항등 함수: 끄지도 곱하지도 않음"},
    "dropout.expect.title": {"en": "Averaged over {masks} masks, the output equals the input",
                             "ko": "마스크 {masks}개로 평균하면 출력은 입력과 같습니다"},
    "dropout.expect.lead": {
        "en": "The same input through {masks} fresh masks (one call of the real layer on a {masks} × 256 batch). "
        "Blue: each unit's mean output with ±2 sampling errors |x|·√(p/((1−p)·{masks})); orange ticks: its input.",
        "ko": "같은 입력을 새 마스크 {masks}개에 통과시켰습니다({masks} × 256 배치로 실제 층을 한 번 호출). "
        "파란 점: 각 유닛의 평균 출력과 ±2 표본오차 |x|·√(p/((1−p)·{masks})), 주황 눈금: 그 유닛의 입력.",
    },
    "dropout.m.mean": {"en": "Average of the means vs average input", "ko": "평균 출력의 평균과 입력의 평균"},
    "dropout.m.mean.delta": {"en": "difference {d:+.4f} = {z:+.2f} sampling errors",
                             "ko": "차이 {d:+.4f} = 표본오차의 {z:+.2f}배"},
    "dropout.m.within": {"en": "Units within 2 sampling errors", "ko": "표본오차 2배 안의 유닛"},
    "dropout.m.within.delta": {"en": "about 95 % expected; max |z| = {z:.2f}",
                               "ko": "기댓값은 약 95%; 최대 |z| = {z:.2f}"},
    "dropout.m.share": {"en": "Kept share over all masks", "ko": "전체 마스크의 생존 비율"},
    "dropout.m.share.delta": {"en": "1 − p = {keep:.4f} ± {se:.4f}", "ko": "1 − p = {keep:.4f} ± {se:.4f}"},
    "dropout.hist.lead": {
        "en": "How many of the 256 units each mask kept. The orange line is 1 − p; the band is ±2 sampling "
        "errors √(p(1−p)/256) of a single mask.",
        "ko": "각 마스크가 256개 중 몇 개를 남겼는지 보여 줍니다. 주황 선은 1 − p, 띠는 마스크 하나의 "
        "±2 표본오차 √(p(1−p)/256)입니다.",
    },
    "dropout.expect.zero": {
        "en": "At p = 0 nothing is dropped: every mask keeps every unit and the output is the input exactly.",
        "ko": "p = 0이면 아무것도 끄지 않습니다. 모든 마스크가 모든 유닛을 남기고 출력은 입력과 정확히 같습니다.",
    },
    "dropout.thin.title": {"en": "Every forward pass trains a different thinned network",
                           "ko": "순전파마다 서로 다른 ‘얇아진’ 신경망이 학습됩니다"},
    "dropout.thin.lead": {
        "en": "A 2-8-8-1 ReLU net with `nn.Dropout({p:g})` after each hidden layer, the same input x = (0.5, −0.5), "
        "four forward passes in training mode. Only connections between kept units carry a signal. "
        "With 16 hidden units there are 2¹⁶ = 65,536 possible thinned networks, all sharing the same weights.",
        "ko": "은닉층마다 `nn.Dropout({p:g})`을 둔 2-8-8-1 ReLU 신경망에 같은 입력 x = (0.5, −0.5)를 넣고 학습 모드로 "
        "네 번 순전파했습니다. 살아남은 유닛 사이의 연결만 신호를 전달합니다. 은닉 유닛이 16개이면 가능한 얇은 "
        "신경망은 2¹⁶ = 65,536가지이고, 모두 같은 가중치를 나눠 씁니다.",
    },
    "dropout.thin.pass": {"en": "Pass {k}: output {out}", "ko": "{k}번째: 출력 {out}"},
    "dropout.thin.caption": {
        "en": "Outputs of the four passes: {outs}. In eval mode (all units, no scaling) the same net outputs {ev}.",
        "ko": "네 번의 출력: {outs}. 평가 모드(모든 유닛, 배율 없음)에서 같은 신경망의 출력은 {ev}입니다.",
    },
    "dropout.thin.bias": {
        "en": "A pass that outputs exactly {b:.3f} kept no unit of the last hidden layer that fires (kept units "
        "with ReLU output 0 pass nothing on): only the output bias b = {b:.3f} is left.",
        "ko": "출력이 정확히 {b:.3f}인 순전파에서는 마지막 은닉층에서 살아남은 유닛 중 활성화된 것이 하나도 없습니다(ReLU "
        "출력이 0인 유닛은 아무것도 전달하지 않음). 출력층의 편향 b = {b:.3f}만 남은 것입니다.",
    },
    # --- part 2: overfitting ------------------------------------------------------------------------
    "dropout.part2": {"en": "2. Overfitting pure noise, and the cure", "ko": "2. 노이즈에 과적합하기, 그리고 그 처방"},
    "dropout.part2.lead": {
        "en": "Data: y = 0·x + ε with σ = {noise:g}, {n} points on [−1, 1], split 8:2 into {ntr} training and "
        "{nte} test points. Two 1-{h}-1 ReLU nets start from the same weights (`torch.manual_seed({seed})`) and "
        "train full-batch with {opt} (lr {lr:g}) for {epochs} epochs on the training points only: "
        "one plain, one with `nn.Dropout({p:g})` after the ReLU. Losses below are measured in eval mode.",
        "ko": "데이터: σ = {noise:g}인 y = 0·x + ε, [−1, 1]에서 {n}개를 8:2로 나눠 학습용 {ntr}개, 테스트용 "
        "{nte}개. 1-{h}-1 ReLU 신경망 두 개가 같은 가중치(`torch.manual_seed({seed})`)에서 출발해 학습 데이터만으로 "
        "{opt}(학습률 {lr:g}){로} {epochs}에포크 동안 전체 배치 학습합니다. 하나는 그대로, 하나는 ReLU 뒤에 "
        "`nn.Dropout({p:g})`을 둡니다. 아래 손실은 모두 평가 모드에서 잰 값입니다.",
    },
    "dropout.name.plain": {"en": "without dropout", "ko": "드롭아웃 없음"},
    "dropout.name.dropout": {"en": "with Dropout({p:g})", "ko": "Dropout({p:g}) 사용"},
    "dropout.name.train": {"en": "train", "ko": "학습"},
    "dropout.name.test": {"en": "test", "ko": "테스트"},
    "dropout.name.objective": {"en": "loss in training mode (what the optimizer saw)",
                               "ko": "학습 모드 손실 (옵티마이저가 본 값)"},
    "dropout.name.train_once": {"en": "one prediction in training mode (forgot eval)",
                                "ko": "학습 모드로 한 번 예측 (eval() 깜빡함)"},
    "dropout.name.band": {"en": "5–95 % of {k} training-mode predictions",
                          "ko": "학습 모드 예측 {k}번의 5–95% 범위"},
    "dropout.name.truth": {"en": "truth y = 0", "ko": "참 함수 y = 0"},
    "dropout.name.eval": {"en": "after model.eval()", "ko": "model.eval() 후"},
    "dropout.name.train_mode": {"en": "left in training mode", "ko": "학습 모드 그대로"},
    "dropout.m.train": {"en": "{name}: train loss", "ko": "{name}: 학습 손실"},
    "dropout.m.test": {"en": "{name}: test loss", "ko": "{name}: 테스트 손실"},
    "dropout.m.gap": {"en": "{name}: gap (test − train)", "ko": "{name}: 차이 (테스트 − 학습)"},
    "dropout.m.ref": {"en": "y = 0 scores {v:.4f}", "ko": "y = 0은 {v:.4f}"},
    "dropout.loss.title": {"en": "Loss during training", "ko": "학습 중 손실"},
    "dropout.loss.lead": {
        "en": "Solid: loss on the training points; dashed: on the test points. The grey lines are the losses of "
        "the true function y = 0 (solid on the training points, dashed on the test points): a training loss "
        "below its grey line means the net has memorised noise.",
        "ko": "실선: 학습 데이터 손실, 점선: 테스트 데이터 손실. 회색 선은 참 함수 y = 0의 손실입니다(실선은 학습 "
        "데이터, 점선은 테스트 데이터). 학습 손실이 회색 실선보다 낮다면 신경망이 노이즈을 외운 것입니다.",
    },
    "dropout.loss.ref_train": {"en": "y = 0 on train", "ko": "학습 데이터에서 y = 0"},
    "dropout.loss.ref_test": {"en": "y = 0 on test", "ko": "테스트 데이터에서 y = 0"},
    "dropout.objective": {"en": "Also show the loss in training mode", "ko": "학습 모드 손실도 보기"},
    "dropout.log": {"en": "Log scale", "ko": "로그 눈금"},
    "dropout.fit.title": {"en": "What each net learned", "ko": "각 신경망이 배운 함수"},
    "dropout.fit.lead": {
        "en": "The plain net wiggles through the training points; the dropout net (eval mode) stays flatter, "
        "closer to the truth y = 0. The blue band is where {k} training-mode predictions of the dropout net "
        "fall, each with its own masks; the green line is a single such prediction: what you get if you forget "
        "`model.eval()`.",
        "ko": "드롭아웃 없는 신경망은 학습 데이터 사이를 구불구불 지나가고, 드롭아웃 신경망(평가 모드)은 더 평평해서 "
        "참 함수 y = 0에 가깝습니다. 파란 띠는 드롭아웃 신경망을 학습 모드로 {k}번 예측했을 때(매번 다른 마스크) 값이 "
        "놓이는 범위이고, 초록 선은 그런 예측 한 번입니다. `model.eval()`을 잊으면 이런 결과를 얻습니다.",
    },
    "dropout.fit.diverged": {
        "en": "Training diverged, so there are no fitted curves to draw: only the data are shown.",
        "ko": "학습이 발산해서 그릴 수 있는 적합 곡선이 없습니다. 데이터만 보여 줍니다.",
    },
    "dropout.band": {"en": "Training-mode band", "ko": "학습 모드 범위"},
    "dropout.once": {"en": "One training-mode prediction", "ko": "학습 모드 예측 한 번"},
    "dropout.trap.title": {"en": "The forgot-eval trap", "ko": "eval()을 잊는 함정"},
    "dropout.trap.lead": {
        "en": "A dropout net fresh from training is still in training mode. Ask it for ŷ at x = {x:g} and it "
        "draws a new mask every time: press the button and watch. After `model.eval()` the answer is the same "
        "on every call.",
        "ko": "막 학습을 마친 드롭아웃 신경망은 아직 학습 모드입니다. x = {x:g}에서 ŷ을 물으면 매번 새 마스크를 뽑습니다. "
        "버튼을 눌러 확인해 보세요. `model.eval()` 후에는 몇 번을 불러도 답이 같습니다.",
    },
    "dropout.trap.again": {"en": "Predict again", "ko": "다시 예측하기"},
    "dropout.trap.reset": {"en": "Start over", "ko": "처음부터"},
    "dropout.trap.train": {"en": "`net(x)` — forgot `net.eval()`", "ko": "`net(x)` — `net.eval()`을 잊음"},
    "dropout.trap.eval": {"en": "`net.eval(); net(x)`", "ko": "`net.eval(); net(x)`"},
    "dropout.trap.delta": {"en": "prediction {k}; spread so far {sd:.4f}", "ko": "{k}번째 예측; 지금까지 표준편차 {sd:.4f}"},
    "dropout.trap.press": {"en": "prediction number", "ko": "예측 번호"},
    "dropout.trap.mode": {"en": "mode", "ko": "모드"},
    "dropout.trap.diverged": {
        "en": "The dropout net diverged, so there is nothing sensible to predict with. Lower the learning rate.",
        "ko": "드롭아웃 신경망이 발산해서 예측에 쓸 수 없습니다. 학습률을 낮춰 보세요.",
    },
    "dropout.diverged.which": {"en": "The net {name} diverged.", "ko": "{name} 신경망이 발산했습니다."},
    # --- axis and tooltip labels --------------------------------------------------------------------
    "dropout.ax.unit": {"en": "unit", "ko": "유닛"},
    "dropout.ax.input": {"en": "input x", "ko": "입력 x"},
    "dropout.ax.output": {"en": "output", "ko": "출력"},
    "dropout.ax.kept": {"en": "kept", "ko": "생존"},
    "dropout.ax.value": {"en": "value", "ko": "값"},
    "dropout.ax.dropped": {"en": "dropped", "ko": "꺼짐"},
    "dropout.ax.mean": {"en": "mean output", "ko": "평균 출력"},
    "dropout.ax.se": {"en": "sampling error", "ko": "표본오차"},
    "dropout.ax.z": {"en": "z = (mean − x)/se", "ko": "z = (평균 − x)/표본오차"},
    "dropout.ax.share": {"en": "share of units kept by one mask", "ko": "마스크 하나가 남긴 유닛 비율"},
    "dropout.ax.masks": {"en": "masks", "ko": "마스크 수"},
    "dropout.ax.expected": {"en": "expected 1 − p", "ko": "기댓값 1 − p"},
    "dropout.ax.layer": {"en": "layer", "ko": "층"},
    "dropout.ax.state": {"en": "state", "ko": "상태"},
    "dropout.ax.epoch": {"en": "epoch", "ko": "에포크"},
    "dropout.ax.loss": {"en": "MSE loss", "ko": "MSE 손실"},
    "dropout.ax.model": {"en": "net", "ko": "신경망"},
    "dropout.ax.split": {"en": "measured on", "ko": "측정 데이터"},
    "dropout.ax.x": {"en": "x", "ko": "x"},
    "dropout.ax.y": {"en": "y", "ko": "y"},
    "dropout.ax.series": {"en": "curve", "ko": "곡선"},
    "dropout.ax.prediction": {"en": "ŷ at x = {x:g}", "ko": "x = {x:g}에서 ŷ"},
    # --- try this -----------------------------------------------------------------------------------
    "dropout.try.1.q": {
        "en": "Choose **All ones** and p = 0.5, then sample a few new masks. What value will every kept unit show, "
        "and what is the average output over many masks?",
        "ko": "**모두 1**과 p = 0.5를 고른 뒤 새 마스크를 몇 번 뽑아 보세요. 살아남은 유닛은 어떤 값을 보일까요? "
        "많은 마스크로 평균하면 출력은 얼마일까요?",
    },
    "dropout.try.1.a": {
        "en": "Every kept unit shows 2 = 1/(1 − 0.5), every dropped one 0. About half survive, so the average is "
        "½ · 2 = 1: the input. That is why PyTorch scales during training: the expected output already equals "
        "the input, and eval mode can simply pass everything through.",
        "ko": "살아남은 유닛은 모두 2 = 1/(1 − 0.5), 꺼진 유닛은 0입니다. 약 절반이 살아남으므로 평균은 ½ · 2 = 1, "
        "곧 입력과 같습니다. PyTorch가 학습할 때 미리 배율을 곱하는 이유가 이것입니다. 출력의 기댓값이 이미 입력과 "
        "같으니, 평가 모드에서는 그냥 모두 통과시키면 됩니다.",
    },
    "dropout.try.2.q": {
        "en": "Set p = 0.2, then 0.5, then 0.95. How will the gap between the test and train loss of the dropout "
        "net change?",
        "ko": "p를 0.2, 0.5, 0.95로 바꿔 보세요. 드롭아웃 신경망의 테스트 손실과 학습 손실의 차이는 어떻게 변할까요?",
    },
    "dropout.try.2.a": {
        "en": "At the other default settings the gap shrinks as p grows: about 0.20 at p = 0.2, 0.12 at 0.5, 0.04 at "
        "the tutorial's 0.8 and 0.00 at 0.95, against 0.41 without dropout. At p = 0.95 the fitted curve is almost "
        "flat. Here that is ideal, because the truth is y = 0; on data with a real pattern, that much dropout "
        "would flatten the pattern away too (underfitting). p is a knob to tune, not a free win.",
        "ko": "다른 설정을 기본값으로 두면 p가 커질수록 차이가 줄어듭니다. p = 0.2에서 약 0.20, 0.5에서 0.12, 튜토리얼의 "
        "0.8에서 0.04, 0.95에서 0.00이고, 드롭아웃이 없으면 0.41입니다. p = 0.95에서는 학습된 곡선이 거의 평평합니다. "
        "참 함수가 y = 0이니 여기서는 그게 이상적이지만, 진짜 패턴이 있는 데이터라면 그만큼 강한 드롭아웃은 패턴까지 "
        "평평하게 지워 버립니다(과소적합). p는 조절해야 하는 값이지 공짜 이득이 아닙니다.",
    },
    "dropout.try.3.q": {
        "en": "Shrink the hidden layer to H = 16. Will the plain net still overfit?",
        "ko": "은닉층을 H = 16으로 줄여 보세요. 드롭아웃 없는 신경망이 여전히 과적합할까요?",
    },
    "dropout.try.3.a": {
        "en": "Hardly: its gap drops to about 0. With 16 ReLU units the function has too few kinks to chase 80 "
        "noisy points. Overfitting needs capacity; dropout is how we keep a big net and still generalise.",
        "ko": "거의 하지 않습니다. 차이가 약 0으로 떨어집니다. ReLU 유닛 16개로는 꺾이는 점이 너무 적어 노이즈 섞인 점 80개를 "
        "따라갈 수 없습니다. 과적합에는 큰 표현력이 필요합니다. 드롭아웃은 큰 신경망을 쓰면서도 일반화하게 하는 방법입니다.",
    },
    "dropout.try.4.q": {
        "en": "Double the data to N = 200 (keep the rest). What happens to the plain net's gap?",
        "ko": "나머지는 그대로 두고 데이터를 N = 200으로 늘려 보세요. 드롭아웃 없는 신경망의 차이는 어떻게 될까요?",
    },
    "dropout.try.4.a": {
        "en": "It disappears (about −0.05 at seed 1): in 1,000 Adam steps the net cannot memorise 160 points. More "
        "data is the other cure for overfitting. Note that with only 20–40 test points the test loss itself is "
        "noisy: try seeds 2 and 3 to see gaps that are negative or huge by luck of the split.",
        "ko": "사라집니다(시드 1에서 약 −0.05). Adam 1,000스텝으로는 점 160개를 외울 수 없습니다. 데이터를 늘리는 것이 "
        "과적합의 또 다른 처방입니다. 테스트 데이터가 20–40개뿐이라 테스트 손실 자체도 흔들립니다. 시드 2와 3에서는 "
        "데이터가 어떻게 나뉘었느냐에 따라 차이가 음수가 되거나 매우 커집니다.",
    },
    "dropout.try.5.q": {
        "en": "Choose SGD and a learning rate of 3. What will the loss curves do?",
        "ko": "SGD와 학습률 3을 골라 보세요. 손실 곡선은 어떻게 될까요?",
    },
    "dropout.try.5.a": {
        "en": "Training diverges within a few dozen steps: each update overshoots more than the last until the "
        "loss overflows to inf. Dropout does not help here; Adam, whose steps are bounded by the learning rate, "
        "survives much larger rates.",
        "ko": "수십 스텝 안에 발산합니다. 업데이트할 때마다 더 크게 지나쳐 손실이 inf로 넘칩니다. 드롭아웃은 여기서 "
        "도움이 되지 않습니다. 스텝 크기가 학습률로 제한되는 Adam은 훨씬 큰 학습률도 견딥니다.",
    },
    # --- why ----------------------------------------------------------------------------------------
    "dropout.why.mask": {
        "en": "**The layer.** In training mode, for each unit $h_i$ a mask $m_i$ ~ Bernoulli(1 − p) is drawn afresh "
        "on every call, and",
        "ko": "**층의 계산.** 학습 모드에서는 호출할 때마다 각 유닛 $h_i$에 대해 마스크 $m_i$ ~ Bernoulli(1 − p)를 새로 뽑고",
    },
    "dropout.why.expect": {
        "en": "so the expected output is the input and only its spread grows. In eval mode the layer is the "
        "identity.",
        "ko": "따라서 출력의 기댓값은 입력과 같고 퍼짐만 커집니다. 평가 모드에서 이 층은 항등 함수입니다.",
    },
    "dropout.why.inverted": {
        "en": "**Why scale while training (inverted dropout).** The original paper (Srivastava et al., 2014) "
        "dropped units without scaling and multiplied the weights by the keep probability at test time. PyTorch "
        "divides by 1 − p during training instead, so the trained weights are used as they are: "
        "`model.eval()` only has to switch the masks off, and a saved model needs no conversion.",
        "ko": "**학습할 때 배율을 곱하는 이유(inverted dropout).** 원 논문(Srivastava 외, 2014)은 학습 때 배율 없이 유닛을 "
        "끄고, 테스트 때 가중치에 남길 확률을 곱했습니다. PyTorch는 반대로 학습할 때 1 − p로 나눕니다. 그래서 학습된 "
        "가중치를 그대로 쓰면 되고, `model.eval()`은 마스크만 끄면 되며, 저장한 모델을 바꿀 필요가 없습니다.",
    },
    "dropout.why.coadapt": {
        "en": "**Co-adaptation.** Without dropout, a unit can learn to fix the mistakes of a few specific other "
        "units: together they carve one wiggle through one noisy point. Such teams break when any member "
        "can vanish on the next step, so each unit has to be useful on its own, in many random company. "
        "Features that survive this are broader and smoother, and memorising single points stops paying off.",
        "ko": "**공동 적응(co-adaptation).** 드롭아웃이 없으면 한 유닛이 다른 특정 유닛 몇 개의 실수를 메우도록 학습될 수 "
        "있습니다. 이들이 함께 노이즈 섞인 점 하나를 지나는 굴곡을 만듭니다. 다음 스텝에 팀원 누구든 사라질 수 있으면 이런 "
        "팀은 깨지므로, 각 유닛은 무작위로 바뀌는 동료들 사이에서도 혼자 쓸모가 있어야 합니다. 이렇게 살아남은 특성은 더 "
        "넓고 매끄러우며, 점 하나하나를 외우는 것은 더 이상 이득이 되지 않습니다.",
    },
    "dropout.why.ensemble": {
        "en": "**The ensemble view.** A layer of H units has $2^H$ thinned versions (here $2^{{{h}}}$), all sharing "
        "the same weights; each training step trains one of them. Eval mode uses the full net, which approximates "
        "the average prediction of all thinned nets, each weighted by the probability of its mask. In this "
        "page's nets the dropout layer is followed only by the output `Linear`, so the approximation is exact: "
        "the mean of the {k} training-mode predictions differs from the eval-mode curve by at most {z:.1f} "
        "sampling errors over the whole x range.",
        "ko": "**앙상블 관점.** 유닛 H개인 층에는 $2^H$개의 얇은 신경망(여기서는 $2^{{{h}}}$개)이 있고, 모두 같은 가중치를 나눠 "
        "씁니다. 학습 스텝마다 그중 하나를 학습하는 셈입니다. 평가 모드는 전체 신경망을 쓰는데, 이것은 모든 얇은 신경망의 "
        "평균 예측(각 마스크가 나올 확률로 가중한 평균)에 대한 근사입니다. 이 페이지의 신경망은 드롭아웃 층 뒤에 출력 `Linear`만 있으므로 이 근사가 정확합니다. "
        "학습 모드 예측 {k}번의 평균은 x 전 구간에서 평가 모드 곡선과 표본오차의 {z:.1f}배 이내로 일치합니다.",
    },
    "dropout.why.train_mode": {
        "en": "**Why the forgot-eval trap happens.** `nn.Module` starts in training mode and stays there until "
        "`model.eval()`; `torch.no_grad()` does not change it. Every call then draws new masks, so predictions "
        "are random and, on average, no better than the eval-mode one. Switch back with `model.train()` "
        "before training again.",
        "ko": "**eval()을 잊는 함정이 생기는 이유.** `nn.Module`은 학습 모드로 만들어지고 `model.eval()`을 부를 때까지 "
        "그대로입니다. `torch.no_grad()`는 모드를 바꾸지 않습니다. 그러면 호출할 때마다 새 마스크를 뽑으므로 예측이 "
        "무작위가 되고, 평균적으로도 평가 모드 예측보다 낫지 않습니다. 다시 학습하기 전에는 `model.train()`으로 "
        "돌려놓으세요.",
    },
    # --- code export comments -----------------------------------------------------------------------
    "dropout.code.header": {
        "en": "Dropout: one nn.Dropout layer, then a 1-H-1 net fitted to noise with and without it.",
        "ko": "드롭아웃: nn.Dropout 층 하나, 그리고 노이즈에 맞춰 학습한 1-H-1 신경망(드롭아웃 없이, 그리고 함께).",
    },
    "dropout.code.p": {"en": "the probability to DROP a unit (not to keep it)",
                       "ko": "유닛을 끌(DROP) 확률 (남길 확률이 아님)"},
    "dropout.code.part1": {"en": "one dropout layer", "ko": "드롭아웃 층 하나"},
    "dropout.code.train_default": {"en": "a new module is in training mode", "ko": "새 모듈은 학습 모드로 시작"},
    "dropout.code.mask_seed": {"en": "seed {seed}, mask number {draw}", "ko": "시드 {seed}, 마스크 번호 {draw}"},
    "dropout.code.replay": {
        "en": "the same draws on ones reveal the mask, even where x is 0",
        "ko": "같은 난수로 1을 통과시키면 x가 0인 곳까지 마스크가 드러남",
    },
    "dropout.code.eval": {"en": "eval mode: no mask, no scaling", "ko": "평가 모드: 마스크도 배율도 없음"},
    "dropout.code.part2": {"en": "overfitting pure noise", "ko": "순수한 노이즈에 과적합하기"},
    "dropout.code.data": {"en": "y = 0·x + ε: nothing to learn", "ko": "y = 0·x + ε: 배울 것이 없음"},
    "dropout.code.split": {"en": "8:2 train/test split", "ko": "학습/테스트 8:2 분할"},
    "dropout.code.loop": {"en": "training mode: a new mask every epoch", "ko": "학습 모드: 에포크마다 새 마스크"},
    "dropout.code.eval_after": {"en": "do not forget this before predicting!", "ko": "예측 전에 꼭 해야 함!"},
    "dropout.code.same_init": {"en": "both nets start from the same weights", "ko": "두 신경망은 같은 가중치에서 출발"},
    "dropout.code.part3": {"en": "the forgot-eval trap", "ko": "eval()을 잊는 함정"},
    "dropout.code.forgot": {"en": "as if we forgot net.eval()", "ko": "net.eval()을 잊은 것처럼"},
    # --- paper check: Srivastava et al. (2014) ---------------------------------------------------------
    "dropout.paper": {"en": "Paper check: Srivastava et al. (2014)", "ko": "논문 확인: Srivastava 외 (2014)"},
    "dropout.paper.help": {
        "en": "Train a dropout net on the digits and compare the weight-scaled net (model.eval()) with the average "
        "of k thinned nets, as the paper did on MNIST (takes a few seconds).",
        "ko": "손글씨 숫자로 드롭아웃 신경망을 학습시키고, 논문이 MNIST에서 한 것처럼 가중치를 조정한 신경망"
        "(model.eval())과 얇아진 신경망 k개의 평균을 비교합니다(몇 초 걸립니다).",
    },
    "dropout.paper.title": {
        "en": "Paper check: Srivastava et al. (2014), weight scaling against many thinned nets",
        "ko": "논문 확인: Srivastava 외 (2014), 가중치 조정과 얇아진 신경망 여러 개의 평균",
    },
    "dropout.paper.lead": {
        "en": "A dropout net is an ensemble of thinned nets. The paper checked whether running the whole net with "
        "scaled weights (what model.eval() does) predicts as well as averaging k randomly thinned nets: on "
        "MNIST the average reached the scaled net's test error at about **k = {k_paper}**. Here a 64-{hidden}-"
        "{hidden}-10 ReLU net with nn.Dropout({p}) trained on the 8×8 digits, seed {seed}:",
        "ko": "드롭아웃 신경망은 얇아진 신경망들의 앙상블입니다. 논문은 가중치를 조정한 전체 신경망(model.eval()이 "
        "하는 일)이 무작위로 얇아진 신경망 k개의 평균만큼 잘 예측하는지 확인했습니다. MNIST에서 평균은 약 "
        "**k = {k_paper}**에서 조정된 신경망의 테스트 오류에 도달했습니다. 여기서는 nn.Dropout({p})을 넣은 "
        "64-{hidden}-{hidden}-10 ReLU 신경망을 8×8 손글씨 숫자로 시드 {seed}에서 학습시킵니다.",
    },
    "dropout.paper.m.scaled": {"en": "Test error, weight scaling (eval)", "ko": "테스트 오류, 가중치 조정(eval)"},
    "dropout.paper.m.mc": {"en": "Test error, average of {k} thinned nets", "ko": "테스트 오류, 얇아진 신경망 {k}개 평균"},
    "dropout.paper.match": {
        "en": "**From k = {k} on, the average of k thinned nets is as good as the one weight-scaled net** (within one "
        "test digit, {tol}); the paper found k ≈ {k_paper}. One forward pass does the work of many.",
        "ko": "**k = {k}부터는 얇아진 신경망 k개의 평균이 가중치를 조정한 신경망 하나만큼 좋습니다**(테스트 숫자 "
        "하나, {tol} 이내). 논문은 k ≈ {k_paper}였습니다. 순전파 한 번이 여러 번의 몫을 합니다.",
    },
    "dropout.paper.nomatch": {
        "en": "**Here even {k} thinned nets stay {diff} away from the weight-scaled net** (more than one test digit): "
        "with only {n_test} test digits one mistake is {tol}.",
        "ko": "**여기서는 얇아진 신경망 {k}개도 가중치를 조정한 신경망과 {diff}만큼 차이 납니다**(테스트 숫자 하나보다 "
        "큼). 테스트 숫자가 {n_test}개뿐이라 실수 하나가 {tol}입니다.",
    },
    "dropout.paper.source": {"en": "Source: {cite}", "ko": "출처: {cite}"},
    "dropout.lbl.k": {"en": "k thinned nets averaged", "ko": "평균한 얇아진 신경망 수 k"},
    "dropout.lbl.error": {"en": "test error", "ko": "테스트 오류"},
    "dropout.lbl.mc": {"en": "average of k thinned nets", "ko": "얇아진 신경망 k개의 평균"},
    "dropout.lbl.scaled": {"en": "weight scaling (eval)", "ko": "가중치 조정(eval)"},
}
