"""Strings of the backprop page (/backprop): every forward and backward number, checked against autograd."""

STRINGS = {
    # --- page ------------------------------------------------------------------------------------------
    # backprop.title and backprop.question live in strings/topics.py (the home cards)
    "backprop.intro": {
        "en": "A small network (by default 2-2-1 with sigmoid, one XOR sample, MSE loss) computed one number "
        "at a time. Walk **forward** through every weighted sum and activation to the loss, then **backward** "
        "through every gradient: each step shows its formula with the numbers filled in. The gradients we get "
        "by hand with the chain rule are then compared with what PyTorch's `loss.backward()` puts in "
        "`param.grad` — they agree to about 10⁻¹⁵. Finally, use them: one SGD update, k updates, and what "
        "happens when you forget `optimizer.zero_grad()`.",
        "ko": "작은 신경망(기본값: 시그모이드를 쓰는 2-2-1 신경망, XOR 샘플 하나, MSE 손실)을 숫자 하나씩 계산합니다. "
        "가중합과 활성화 함수를 지나 손실까지 **순전파**로 한 단계씩 가고, 이어서 모든 기울기를 **역전파**로 "
        "거슬러 올라갑니다. 단계마다 숫자를 대입한 수식이 나옵니다. 연쇄 법칙으로 손으로 구한 기울기를 PyTorch의 "
        "`loss.backward()`가 `param.grad`에 넣은 값과 비교하면 10⁻¹⁵ 정도까지 일치합니다. 마지막으로 이 기울기로 "
        "SGD 업데이트를 한 번, k번 해 보고, `optimizer.zero_grad()`를 빠뜨리면 무슨 일이 생기는지 봅니다.",
    },
    # --- settings ------------------------------------------------------------------------------------------
    "backprop.sample": {"en": "Input sample", "ko": "입력 샘플"},
    "backprop.sample.help": {
        "en": "One row of the XOR truth table, or all four rows at once as a mini-batch.",
        "ko": "XOR 진리표의 한 행, 또는 네 행 전체를 미니배치 하나로 씁니다.",
    },
    "backprop.width": {"en": "Hidden units per layer", "ko": "은닉층의 유닛 수"},
    "backprop.depth": {"en": "Hidden layers", "ko": "은닉층 수"},
    "backprop.activation": {"en": "Hidden activation", "ko": "은닉층 활성화 함수"},
    "backprop.activation.help": {
        "en": "The activation of the hidden layers. The output unit always uses a sigmoid, so its output is a probability.",
        "ko": "은닉층의 활성화 함수입니다. 출력 유닛은 항상 시그모이드를 써서 출력이 확률이 됩니다.",
    },
    "backprop.loss": {"en": "Loss", "ko": "손실 함수"},
    "backprop.lr": {"en": "Learning rate", "ko": "학습률"},
    "backprop.updates": {"en": "Updates (k)", "ko": "업데이트 횟수 (k)"},
    "backprop.forget": {"en": "Forget optimizer.zero_grad()", "ko": "optimizer.zero_grad() 빠뜨리기"},
    "backprop.forget.help": {
        "en": "Leave out the line that clears .grad before each loss.backward(), as a common bug does.",
        "ko": "loss.backward() 전에 .grad를 비우는 줄을 빼 봅니다. 흔히 하는 실수입니다.",
    },
    "backprop.step": {"en": "Step of the walk", "ko": "단계"},
    "backprop.step.help": {
        "en": "First forward through every operation, then backward through every gradient.",
        "ko": "먼저 모든 연산을 순전파로, 이어서 모든 기울기를 역전파로 따라갑니다.",
    },
    "backprop.w": {"en": "Typed weights", "ko": "직접 입력한 가중치"},
    "backprop.follow": {"en": "Parameter to follow", "ko": "살펴볼 파라미터"},
    "backprop.follow.help": {
        "en": "Whose gradient the chart and the table follow over the updates.",
        "ko": "업데이트마다 어느 파라미터의 기울기를 그래프와 표로 볼지 고릅니다.",
    },
    "backprop.show": {"en": "Values shown in the graph", "ko": "그래프에 표시할 값"},
    "backprop.show.help": {
        "en": "In a mini-batch every node holds one number per sample. Parameters are shared by all samples; "
        "their gradient is the sum over the four.",
        "ko": "미니배치에서는 노드마다 샘플별로 숫자가 하나씩 있습니다. 파라미터는 모든 샘플이 함께 쓰므로 "
        "기울기는 네 샘플의 합입니다.",
    },
    "opt.x00": {"en": "x = (0, 0), y = 0", "ko": "x = (0, 0), y = 0"},
    "opt.x01": {"en": "x = (0, 1), y = 1", "ko": "x = (0, 1), y = 1"},
    "opt.x10": {"en": "x = (1, 0), y = 1", "ko": "x = (1, 0), y = 1"},
    "opt.x11": {"en": "x = (1, 1), y = 0", "ko": "x = (1, 1), y = 0"},
    "opt.batch": {"en": "All four (mini-batch)", "ko": "네 개 모두 (미니배치)"},
    "opt.n0": {"en": "All samples", "ko": "모든 샘플"},
    "opt.n1": {"en": "Sample 1: (0, 0)", "ko": "샘플 1: (0, 0)"},
    "opt.n2": {"en": "Sample 2: (0, 1)", "ko": "샘플 2: (0, 1)"},
    "opt.n3": {"en": "Sample 3: (1, 0)", "ko": "샘플 3: (1, 0)"},
    "opt.n4": {"en": "Sample 4: (1, 1)", "ko": "샘플 4: (1, 1)"},
    # --- typed weights -------------------------------------------------------------------------------------
    "backprop.weights.title": {"en": "Type the weights yourself", "ko": "가중치 직접 입력하기"},
    "backprop.weights.body": {
        "en": "Edit any number (between −10 and 10) to redo the whole page with your weights — for example the "
        "ones from your notebook. The symbols match the graph; `0.weight[1, 0]` is how PyTorch names the same "
        "number.",
        "ko": "숫자(−10에서 10 사이)를 고치면 페이지 전체가 그 가중치로 다시 계산됩니다. 공책에 손으로 푼 예제의 "
        "가중치를 넣어 보세요. 기호는 그래프와 같고, `0.weight[1, 0]`은 PyTorch에서 같은 숫자를 부르는 이름입니다.",
    },
    "backprop.weights.symbol": {"en": "Symbol", "ko": "기호"},
    "backprop.weights.parameter": {"en": "In PyTorch", "ko": "PyTorch 이름"},
    "backprop.weights.value": {"en": "Value", "ko": "값"},
    "backprop.weights.seed": {"en": "Back to the seed's weights", "ko": "시드의 가중치로 되돌리기"},
    "backprop.weights.typed": {
        "en": "Using your typed weights (the seed does not change them).",
        "ko": "직접 입력한 가중치를 쓰는 중입니다(시드를 바꿔도 바뀌지 않습니다).",
    },
    "backprop.weights.mismatch": {
        "en": "The typed weights were for a net with {got} parameters; this one has {need}. Using the seed's weights.",
        "ko": "입력한 가중치는 파라미터 {got}개짜리 신경망용인데 지금 신경망은 {need}개입니다. 시드의 가중치를 씁니다.",
    },
    "backprop.weights.invalid": {
        "en": "Ignored an edit: {reason}",
        "ko": "수정을 무시했습니다: {reason}",
    },
    # --- 1. the graph and the walk -------------------------------------------------------------------------------
    "backprop.graph.title": {
        "en": "1. The computational graph, one step at a time",
        "ko": "1. 계산 그래프를 한 단계씩",
    },
    "backprop.graph.caption": {
        "en": "Each box is one number: its name, its value (blue) and, once the backward pass has reached it, "
        "its gradient ∂L/∂· (orange); “?” means not computed yet (Data below has every digit). The dashed frames are the PyTorch modules, "
        "titled with the grad_fn autograd records for them. Vermilion: the node computed at this step; "
        "sky blue: the nodes it reads.",
        "ko": "상자 하나가 숫자 하나입니다. 이름, 값(파란색), 그리고 역전파가 도달하면 기울기(주황색, ∂L/∂·)가 "
        "보입니다. “?”는 아직 계산하지 않았다는 뜻입니다(모든 자릿수는 데이터에서 볼 수 있습니다). 점선 틀은 PyTorch 모듈이고, 제목에 autograd가 그 모듈에 "
        "기록하는 grad_fn이 적혀 있습니다. 주홍색은 이번 단계에서 계산하는 노드, 하늘색은 그 계산이 읽는 노드입니다.",
    },
    "backprop.data": {"en": "data", "ko": "값"},
    "backprop.name": {"en": "name", "ko": "이름"},
    "backprop.grad": {"en": "grad", "ko": "기울기"},
    "backprop.lossbox": {"en": "loss", "ko": "손실"},
    "backprop.prev": {"en": "Previous step", "ko": "이전 단계"},
    "backprop.next": {"en": "Next step", "ko": "다음 단계"},
    "backprop.first": {"en": "Start", "ko": "처음으로"},
    "backprop.to_backward": {"en": "Jump to backward", "ko": "역전파로 건너뛰기"},
    "backprop.phase.forward": {"en": "Forward pass · step {i} of {n}", "ko": "순전파 · {n}단계 중 {i}단계"},
    "backprop.phase.backward": {"en": "Backward pass · step {i} of {n}", "ko": "역전파 · {n}단계 중 {i}단계"},
    "backprop.kind.input": {
        "en": "The input x and the target y are given; every weight and bias holds its current value.",
        "ko": "입력 x와 정답 y가 주어지고, 모든 가중치와 편향은 현재 값을 갖고 있습니다.",
    },
    "backprop.kind.linear": {
        "en": "Weighted sum **{node}**: each input times its weight, plus the bias (`nn.Linear`).",
        "ko": "가중합 **{node}**: 입력마다 가중치를 곱해 더하고 편향을 더합니다(`nn.Linear`).",
    },
    "backprop.kind.activation": {
        "en": "Activation **{node}**: the activation function applied to the weighted sum.",
        "ko": "활성화 **{node}**: 가중합에 활성화 함수를 적용합니다.",
    },
    "backprop.kind.loss": {
        "en": "The loss **L** compares the output with the target. The forward pass ends here.",
        "ko": "손실 **L**은 출력과 정답을 비교합니다. 순전파는 여기서 끝납니다.",
    },
    "backprop.kind.seed": {
        "en": "The backward pass starts at the loss: ∂L/∂L = 1. From here every gradient is an upstream "
        "gradient times a local derivative.",
        "ko": "역전파는 손실에서 시작합니다: ∂L/∂L = 1. 여기서부터 모든 기울기는 위에서 내려온 기울기와 "
        "국소 미분의 곱입니다.",
    },
    "backprop.kind.loss_grad": {
        "en": "How the loss changes with the output **{node}**: the loss's own derivative.",
        "ko": "출력 **{node}**{가} 변할 때 손실이 얼마나 변하는지: 손실 함수 자체의 미분입니다.",
    },
    "backprop.kind.act_grad": {
        "en": "Through the activation: the gradient arriving at **{up}** times the activation's local "
        "derivative gives ∂L/∂**{node}**.",
        "ko": "활성화 함수를 거슬러 갑니다. **{up}**에 도착한 기울기에 활성화 함수의 국소 미분을 곱하면 "
        "∂L/∂**{node}**{가} 됩니다.",
    },
    "backprop.kind.sum_grad": {
        "en": "**{node}** feeds {k} weighted sum(s) of the next layer, so its gradient collects one term from "
        "each: ∂L/∂z of that unit times the weight between them.",
        "ko": "**{node}**{는} 다음 층의 가중합 {k}개에 들어가므로, 기울기도 각각에서 한 항씩 모아 더합니다: "
        "그 유닛의 ∂L/∂z × 둘 사이의 가중치.",
    },
    "backprop.kind.param_grad": {
        "en": "A parameter's gradient: ∂L/∂z of its unit (already computed — reused, not recomputed) times "
        "what it multiplies (its input; 1 for a bias). This number lands in `{param}`.",
        "ko": "파라미터의 기울기: 그 유닛의 ∂L/∂z(이미 계산한 값을 다시 계산하지 않고 재사용)에 그 파라미터가 "
        "곱해지는 값(입력, 편향이면 1)을 곱합니다. 이 숫자가 `{param}`에 들어갑니다.",
    },
    "backprop.kind.param_grad.batch": {
        "en": "The {B} samples share this parameter, so its gradient is the **sum** of one product per sample "
        "(the 1/{B} of the mean is already inside ∂L/∂a).",
        "ko": "샘플 {B}개가 이 파라미터를 함께 쓰므로 기울기는 샘플마다 하나씩 나온 곱의 **합**입니다"
        "(평균을 내는 배율 1/{B}{은} 이미 ∂L/∂a 안에 들어 있습니다).",
    },
    "backprop.chain.title": {
        "en": "The same gradient, with the chain rule written out along every path from L:",
        "ko": "같은 기울기를 L에서 내려오는 모든 경로를 따라 연쇄 법칙으로 풀어 쓰면:",
    },
    "backprop.chain.paths": {
        "en": "{k} paths lead from L to this parameter; their products add up.",
        "ko": "L에서 이 파라미터까지 경로가 {k}개 있고, 각 경로의 곱을 더합니다.",
    },
    "backprop.graph.data_nodes": {"en": "nodes", "ko": "노드"},
    "backprop.graph.data_steps": {"en": "steps", "ko": "단계"},
    # --- 2. against autograd -----------------------------------------------------------------------------------
    "backprop.check.title": {"en": "2. By hand vs. autograd", "ko": "2. 손 계산과 autograd 비교"},
    "backprop.check.body": {
        "en": "Every parameter's gradient from the hand computation above, next to `param.grad` after "
        "`loss.backward()` on a copy of the same `nn.Sequential` (both in float64).",
        "ko": "위에서 손으로 구한 모든 파라미터의 기울기를, 같은 `nn.Sequential`의 복사본에서 `loss.backward()`를 "
        "호출한 뒤의 `param.grad`와 나란히 놓았습니다(둘 다 float64).",
    },
    "backprop.check.symbol": {"en": "Symbol", "ko": "기호"},
    "backprop.check.parameter": {"en": "Parameter", "ko": "파라미터"},
    "backprop.check.value": {"en": "Value", "ko": "값"},
    "backprop.check.manual": {"en": "By hand (chain rule)", "ko": "손 계산 (연쇄 법칙)"},
    "backprop.check.autograd": {"en": "param.grad (autograd)", "ko": "param.grad (autograd)"},
    "backprop.check.diff": {"en": "|difference|", "ko": "|차이|"},
    "backprop.check.max": {"en": "Largest difference", "ko": "가장 큰 차이"},
    "backprop.check.ok": {
        "en": "All {n} gradients agree to within 10⁻⁶ (the difference is rounding in the last digits).",
        "ko": "기울기 {n}개가 모두 10⁻⁶ 이내로 일치합니다(차이는 마지막 자릿수의 반올림 오차입니다).",
    },
    "backprop.check.bad": {
        "en": "Some gradients differ by more than 10⁻⁶ — this should not happen; please report this link.",
        "ko": "일부 기울기가 10⁻⁶보다 크게 다릅니다. 일어나면 안 되는 일이니 이 링크를 알려 주세요.",
    },
    "backprop.check.loss": {"en": "Loss L", "ko": "손실 L"},
    "backprop.check.chart_x": {"en": "parameter", "ko": "파라미터"},
    "backprop.check.chart_y": {"en": "∂L/∂parameter", "ko": "∂L/∂파라미터"},
    "backprop.gradfn.title": {"en": "The graph PyTorch recorded", "ko": "PyTorch가 기록한 그래프"},
    "backprop.gradfn.body": {
        "en": "During the forward pass autograd records one `grad_fn` per operation; `loss.backward()` walks "
        "them from the loss back, exactly like the backward steps above — but one layer (a whole matrix) at a "
        "time instead of one number at a time. Parameters enter through `AccumulateGrad`, which adds into `.grad`.",
        "ko": "순전파 동안 autograd는 연산마다 `grad_fn`을 하나씩 기록합니다. `loss.backward()`는 손실에서부터 이것들을 "
        "거꾸로 따라가는데, 위의 역전파 단계와 똑같습니다. 다만 숫자 하나씩이 아니라 층 하나(행렬 전체)씩 계산합니다. "
        "파라미터는 `.grad`에 더해 넣는 `AccumulateGrad`를 통해 연결됩니다.",
    },
    "backprop.gradfn.name": {"en": "grad_fn", "ko": "grad_fn"},
    "backprop.gradfn.module": {"en": "Module", "ko": "모듈"},
    "backprop.gradfn.nodes": {"en": "Our nodes", "ko": "그래프의 노드"},
    "backprop.gradfn.params": {"en": "Parameters (AccumulateGrad)", "ko": "파라미터 (AccumulateGrad)"},
    "backprop.gradfn.loss": {"en": "the loss", "ko": "손실"},
    # --- 3. the update ------------------------------------------------------------------------------------------
    "backprop.update.title": {"en": "3. The update: w ← w − lr · ∂L/∂w", "ko": "3. 업데이트: w ← w − lr · ∂L/∂w"},
    "backprop.update.body": {
        "en": "`optimizer.step()` of plain SGD moves every parameter against its gradient: "
        "`p -= lr * p.grad`. Here it runs on the page's model in float32, as your script would — bit for bit what "
        "`torch.optim.SGD` computes (our tests check it).",
        "ko": "일반 SGD의 `optimizer.step()`은 모든 파라미터를 기울기의 반대 방향으로 움직입니다: `p -= lr * p.grad`. "
        "여기서는 이 페이지의 모델을 여러분의 스크립트처럼 float32로 학습하며, `torch.optim.SGD`의 계산과 비트 단위까지 "
        "같습니다(테스트로 확인합니다).",
    },
    "backprop.update.w": {"en": "w before", "ko": "업데이트 전 w"},
    "backprop.update.grad": {"en": ".grad", "ko": ".grad"},
    "backprop.update.lr_grad": {"en": "lr · grad", "ko": "lr · grad"},
    "backprop.update.w_new": {"en": "w after", "ko": "업데이트 후 w"},
    "backprop.update.before": {"en": "Loss before the update", "ko": "업데이트 전 손실"},
    "backprop.update.after": {"en": "Loss after one update", "ko": "한 번 업데이트한 뒤 손실"},
    "backprop.update.final": {"en": "Loss after {k} updates", "ko": "{k}번 업데이트한 뒤 손실"},
    "backprop.update.curve": {"en": "Loss over the updates", "ko": "업데이트에 따른 손실"},
    "backprop.update.x": {"en": "update", "ko": "업데이트"},
    "backprop.update.y": {"en": "loss", "ko": "손실"},
    "backprop.update.run": {"en": "training", "ko": "학습"},
    "backprop.update.up": {
        "en": "The loss went **up** ({before} → {after}): with this learning rate the step overshoots the "
        "minimum along the gradient. Try a smaller learning rate.",
        "ko": "손실이 오히려 **올라갔습니다**({before} → {after}). 이 학습률에서는 기울기 방향으로 너무 멀리 가서 "
        "최솟값을 지나쳐 버립니다. 학습률을 줄여 보세요.",
    },
    "backprop.saturated": {
        "en": "Training stalled at loss {loss}: the learning rate was so large that the first updates pushed "
        "the sigmoid units to outputs of almost exactly 0 or 1. There σ′ = σ(1 − σ) ≈ 0, so every gradient "
        "that passes through them is ≈ 0 and the weights stop moving — a sigmoid net does not blow up to NaN, "
        "it freezes. Lower the learning rate (try 10× smaller).",
        "ko": "학습이 손실 {loss}에서 멈췄습니다. 학습률이 너무 커서 처음 몇 번의 업데이트가 시그모이드 유닛의 출력을 "
        "거의 정확히 0이나 1로 밀어 버렸습니다. 그 지점에서는 σ′ = σ(1 − σ) ≈ 0이라 그 유닛을 지나는 모든 기울기가 "
        "≈ 0이 되고, 가중치가 더는 움직이지 않습니다. 시그모이드 신경망은 NaN으로 발산하지 않고 얼어붙습니다. "
        "학습률을 낮춰 보세요(10배 작게).",
    },
    # --- 4. the zero_grad trap ------------------------------------------------------------------------------------
    "backprop.trap.title": {"en": "4. The zero_grad() trap", "ko": "4. zero_grad() 함정"},
    "backprop.trap.body": {
        "en": "`loss.backward()` does not overwrite `.grad`, it **adds** to it (so that gradients from several "
        "losses can be combined). That is why every training loop calls `optimizer.zero_grad()` first. "
        "Turn on “{forget}” to leave it out.",
        "ko": "`loss.backward()`는 `.grad`를 덮어쓰지 않고 **더합니다**(여러 손실의 기울기를 합칠 수 있도록). "
        "그래서 모든 학습 루프가 먼저 `optimizer.zero_grad()`를 부릅니다. “{forget}”{을} 켜서 이 줄을 빼 보세요.",
    },
    "backprop.trap.step_grad": {"en": "this update's own gradient", "ko": "이번 업데이트의 기울기"},
    "backprop.trap.x": {"en": "update", "ko": "업데이트"},
    "backprop.trap.y": {"en": "gradient", "ko": "기울기"},
    "backprop.trap.series": {"en": "series", "ko": "계열"},
    "backprop.trap.with": {"en": "with zero_grad()", "ko": "zero_grad() 있음"},
    "backprop.trap.without": {"en": "without zero_grad()", "ko": "zero_grad() 없음"},
    "backprop.trap.off": {
        "en": "With `zero_grad()` the `.grad` used at each update is exactly that update's gradient (the lines "
        "coincide). Turn on “{forget}” to see the difference.",
        "ko": "`zero_grad()`가 있으면 업데이트마다 쓰는 `.grad`는 정확히 그 업데이트의 기울기입니다(두 선이 겹칩니다). "
        "“{forget}”{을} 켜서 차이를 보세요.",
    },
    "backprop.trap.on": {
        "en": "Without `zero_grad()`, update 2 uses {g1} + {g2} = **{sum}** instead of {g2}: the old gradient "
        "is still in `.grad`. Every update adds one more, so the step is no longer lr·∂L/∂w but lr·(the sum of "
        "all gradients so far). It keeps growing even when the current gradient is tiny — a ball rolling with "
        "no friction — and the weights grow with it. Whether the loss then ends lower or higher is luck, not "
        "the loop you wrote: compare the loss curves, and try the mini-batch with a learning rate of 30 and "
        "100 updates.",
        "ko": "`zero_grad()`가 없으면 두 번째 업데이트는 {g2} 대신 {g1} + {g2} = **{sum}**{을} 씁니다. 이전 기울기가 "
        "`.grad`에 남아 있기 때문입니다. 업데이트마다 하나씩 더 쌓이므로 스텝은 더 이상 lr·∂L/∂w가 아니라 "
        "lr·(지금까지 모든 기울기의 합)입니다. 지금 기울기가 아주 작아도 스텝은 계속 커지고(마찰 없이 구르는 공처럼), "
        "가중치도 함께 커집니다. 그 결과 손실이 더 낮아질지 높아질지는 여러분이 쓴 루프가 아니라 운이 정합니다. "
        "손실 곡선을 비교하고, 미니배치에 학습률 30, 업데이트 100번으로도 해 보세요.",
    },
    "backprop.trap.wmax_with": {"en": "Largest |w|, with zero_grad()", "ko": "가장 큰 |w|, zero_grad() 있음"},
    "backprop.trap.wmax_without": {"en": "Largest |w|, without", "ko": "가장 큰 |w|, zero_grad() 없음"},
    "backprop.trap.table": {"en": "Update by update", "ko": "업데이트별 값"},
    "backprop.trap.col_step": {"en": "this update's gradient", "ko": "이번 업데이트의 기울기"},
    "backprop.trap.col_grad": {"en": ".grad used", "ko": "사용한 .grad"},
    "backprop.trap.col_sum": {"en": "running sum", "ko": "누적 합"},
    # --- try this ------------------------------------------------------------------------------------------------
    "backprop.try.zero.q": {
        "en": "With x = (1, 0), which weights will get a gradient of exactly 0? Predict, then walk to their "
        "backward steps.",
        "ko": "x = (1, 0)일 때 기울기가 정확히 0이 되는 가중치는 어느 것일까요? 예측한 뒤 그 역전파 단계로 가 보세요.",
    },
    "backprop.try.zero.a": {
        "en": "Every w·₂ — the weights that multiply x₂ = 0. Their local derivative ∂z/∂w = x₂ is 0, so the whole "
        "product is 0 whatever comes from above: a weight whose input is 0 had no influence on this sample's "
        "loss, so this sample does not move it. With the mini-batch, the other samples do.",
        "ko": "x₂ = 0에 곱해지는 w·₂ 전부입니다. 국소 미분 ∂z/∂w = x₂가 0이라 위에서 무엇이 내려오든 곱이 0입니다. "
        "입력이 0인 가중치는 이 샘플의 손실에 영향을 주지 않았으므로 이 샘플로는 움직이지 않습니다. "
        "미니배치를 고르면 다른 샘플들이 움직입니다.",
    },
    "backprop.try.bce.q": {
        "en": "Switch the loss to BCE. Before you look, predict ∂L/∂z of the output unit for one sample.",
        "ko": "손실을 BCE로 바꿔 보세요. 보기 전에, 샘플 하나일 때 출력 유닛의 ∂L/∂z를 예측해 보세요.",
    },
    "backprop.try.bce.a": {
        "en": "Simply a − y. BCE's derivative (a − y)/(a(1 − a)) meets the sigmoid's a(1 − a) and they cancel. "
        "That is why a sigmoid output is paired with BCE: the gradient never vanishes while the answer is wrong.",
        "ko": "그냥 a − y입니다. BCE의 미분 (a − y)/(a(1 − a))와 시그모이드의 a(1 − a)가 만나 약분됩니다. "
        "시그모이드 출력에 BCE를 짝짓는 이유가 이것입니다. 답이 틀린 동안에는 기울기가 사라지지 않습니다.",
    },
    "backprop.try.relu.q": {
        "en": "Choose ReLU and try seeds until a hidden z is negative. What happens to the gradients of that "
        "unit's weights?",
        "ko": "ReLU를 고르고 은닉층의 z가 음수가 될 때까지 시드를 바꿔 보세요. 그 유닛의 가중치 기울기는 어떻게 될까요?",
    },
    "backprop.try.relu.a": {
        "en": "They are all exactly 0: ReLU′(z) = 0 for z < 0 blocks the gradient, and nothing below that unit "
        "learns from this sample. If that happens for every sample, the unit is “dead”.",
        "ko": "모두 정확히 0입니다. z < 0에서 ReLU′(z) = 0이 기울기를 막아서, 그 유닛 아래로는 이 샘플에서 아무것도 "
        "배우지 못합니다. 모든 샘플에서 그렇다면 그 유닛은 “죽은” 유닛입니다.",
    },
    "backprop.try.trap.q": {
        "en": "Turn on “forget optimizer.zero_grad()”. Will the loss still go down at first? What is .grad at update 2?",
        "ko": "“optimizer.zero_grad() 빠뜨리기”를 켜 보세요. 처음에는 손실이 그래도 내려갈까요? 두 번째 업데이트의 .grad는?",
    },
    "backprop.try.trap.a": {
        "en": "Often yes, at first — the summed gradients still point roughly downhill, and with one sample the "
        "ever-larger steps even reach a low loss sooner. But .grad at update 2 is g₁ + g₂, at update t the sum "
        "of all t gradients, so the steps and the weights keep growing. With the mini-batch, a learning "
        "rate of 30 and 100 updates the run freezes in saturation while the correct loop learns.",
        "ko": "처음에는 대개 내려갑니다. 쌓인 기울기도 대체로 내리막을 가리키고, 샘플이 하나라면 점점 커지는 스텝 덕분에 "
        "오히려 더 빨리 손실이 낮아지기도 합니다. 하지만 두 번째 업데이트의 .grad는 g₁ + g₂, t번째에는 t개 기울기의 "
        "합이라 스텝과 가중치가 계속 커집니다. 미니배치에 학습률 30으로 100번 업데이트하면 포화되어 얼어붙는 반면, "
        "올바른 루프는 학습합니다.",
    },
    "backprop.try.lr.q": {
        "en": "Choose all four samples (mini-batch), BCE, and a learning rate of 100. Will the loss end lower "
        "or higher than with 1? (With a single sample, try it too — the answer differs.)",
        "ko": "네 샘플 모두(미니배치), BCE, 학습률 100을 골라 보세요. 학습률 1일 때보다 손실이 더 낮아질까요, "
        "높아질까요? (샘플 하나로도 해 보세요. 답이 다릅니다.)",
    },
    "backprop.try.lr.a": {
        "en": "Higher — it climbs to 50 and stays there: the first steps throw the sigmoid units into saturation "
        "(outputs ≈ 0 or 1, some of them wrong), where σ′ ≈ 0, so the gradients vanish and training freezes. "
        "With one sample the same huge step lands on the right answer at once: nothing pulls the other way.",
        "ko": "더 높습니다. 50까지 올라가서 그대로 머뭅니다. 처음 몇 스텝 만에 시그모이드 유닛이 포화되어(출력 ≈ 0 또는 1, "
        "일부는 틀린 쪽으로) σ′ ≈ 0이 되고, 기울기가 사라져 학습이 멈춥니다. 샘플이 하나라면 같은 큰 스텝이 단번에 "
        "정답에 닿습니다. 반대쪽으로 당기는 샘플이 없으니까요.",
    },
    # --- why --------------------------------------------------------------------------------------------------
    "backprop.why.chain": {
        "en": "**The chain rule.** The loss depends on a weight only through a chain of simple operations. "
        "For the first-layer weight of the 2-2-1 net:",
        "ko": "**연쇄 법칙.** 손실은 간단한 연산들의 사슬을 통해서만 가중치에 의존합니다. 2-2-1 신경망의 첫 층 가중치라면:",
    },
    "backprop.why.local": {
        "en": "**Local derivatives.** Each factor involves one operation only, and each has a short formula "
        "(this is all the calculus backprop needs):",
        "ko": "**국소 미분.** 각 인수는 연산 하나만 다루고, 저마다 짧은 공식이 있습니다(역전파에 필요한 미분은 이것이 전부입니다):",
    },
    "backprop.why.bce": {
        "en": "With a sigmoid output and BCE the two middle factors cancel:",
        "ko": "시그모이드 출력과 BCE를 함께 쓰면 가운데 두 인수가 약분됩니다:",
    },
    "backprop.why.reuse": {
        "en": "**Why backward, and why it is cheap.** Writing out every path from L to every weight repeats the "
        "same products over and over: all weights of a unit share the path above it. Backprop walks from the "
        "loss down once, stores ∂L/∂(node) at each node and reuses it for everything below. For this net "
        "(one sample) the path-by-path way needs **{naive}** multiplications, backprop **{bp}**; for a "
        "2-16-16-16-1 net it is {naive_big:,} vs. {bp_big:,}. Backprop costs about as much as one forward pass.",
        "ko": "**왜 거꾸로 가고, 왜 계산이 적게 들까?** L에서 모든 가중치까지의 경로를 하나하나 풀어 쓰면 같은 곱을 계속 반복하게 "
        "됩니다. 한 유닛의 가중치들은 그 위의 경로를 공유하니까요. 역전파는 손실에서 아래로 한 번만 내려가면서 노드마다 "
        "∂L/∂(노드)를 저장하고, 그 아래 모든 계산에 재사용합니다. 이 신경망(샘플 하나)에서 경로별로 계산하면 곱셈이 "
        "**{naive}**번, 역전파는 **{bp}**번 필요합니다. 2-16-16-16-1 신경망이라면 {naive_big:,}번 대 {bp_big:,}번입니다. "
        "역전파의 비용은 순전파 한 번과 비슷합니다.",
    },
    "backprop.why.batch": {
        "en": "**Mini-batches.** Every node holds one number per sample; a parameter is shared by all samples, "
        "so its gradient is the sum over them. The 1/N of the mean loss already sits in ∂L/∂a.",
        "ko": "**미니배치.** 노드마다 샘플별로 숫자가 하나씩 있습니다. 파라미터는 모든 샘플이 함께 쓰므로 기울기는 "
        "샘플들에 대한 합입니다. 평균 손실의 1/N은 이미 ∂L/∂a에 들어 있습니다.",
    },
    "backprop.why.index": {
        "en": "**Names.** w⁽ˡ⁾ⱼᵢ connects input i to unit j of layer l — in PyTorch "
        "`model[2(l−1)].weight[j−1, i−1]`, because `nn.Linear` stores its weight as (outputs × inputs) and "
        "computes z = x Wᵀ + b. The hand computation runs in float64 and autograd on a float64 copy of the "
        "model, so they agree to ~10⁻¹⁵; in float32 they would agree to ~10⁻⁷.",
        "ko": "**이름.** w⁽ˡ⁾ⱼᵢ는 l번째 층에서 입력 i를 유닛 j에 잇는 가중치입니다. PyTorch로는 "
        "`model[2(l−1)].weight[j−1, i−1]`입니다. `nn.Linear`는 가중치를 (출력 × 입력) 모양으로 저장하고 "
        "z = x Wᵀ + b를 계산하기 때문입니다. 손 계산은 float64로, autograd는 모델의 float64 복사본으로 하므로 "
        "10⁻¹⁵ 정도까지 일치합니다. float32였다면 10⁻⁷ 정도까지 일치합니다.",
    },
    # --- code comments ---------------------------------------------------------------------------------------------
    "backprop.code.header": {
        "en": "Backprop step by step: the gradients by hand (chain rule) and by autograd, then SGD",
        "ko": "역전파 한 단계씩: 손으로(연쇄 법칙) 구한 기울기와 autograd의 기울기, 그리고 SGD",
    },
    "backprop.code.data": {"en": "XOR sample(s) and target(s)", "ko": "XOR 샘플과 정답"},
    "backprop.code.model": {
        "en": "the net (same initial weights as the page for this seed)",
        "ko": "신경망 (이 시드에서 페이지와 같은 초기 가중치)",
    },
    "backprop.code.typed": {"en": "the weights typed on the page", "ko": "페이지에서 직접 입력한 가중치"},
    "backprop.code.forward": {"en": "forward pass, keeping every z and a", "ko": "순전파: 모든 z와 a를 저장"},
    "backprop.code.local": {"en": "local derivative ∂a/∂z of each activation", "ko": "활성화 함수마다 국소 미분 ∂a/∂z"},
    "backprop.code.manual": {
        "en": "backward pass by hand: upstream gradient × local derivative, layer by layer",
        "ko": "손으로 하는 역전파: 층마다 위에서 온 기울기 × 국소 미분",
    },
    "backprop.code.dloss": {"en": "∂L/∂a of the output", "ko": "출력의 ∂L/∂a"},
    "backprop.code.dz": {"en": "∂L/∂z = ∂L/∂a · ∂a/∂z", "ko": "∂L/∂z = ∂L/∂a · ∂a/∂z"},
    "backprop.code.dw": {
        "en": "∂L/∂W = (∂L/∂z)ᵀ · input, summed over the samples",
        "ko": "∂L/∂W = (∂L/∂z)ᵀ · 입력, 샘플에 대해 합",
    },
    "backprop.code.db": {"en": "∂L/∂b = ∂L/∂z summed over the samples", "ko": "∂L/∂b = 샘플에 대해 ∂L/∂z의 합"},
    "backprop.code.da": {
        "en": "∂L/∂(previous a) = ∂L/∂z · W, reused by the layer below",
        "ko": "∂L/∂(이전 a) = ∂L/∂z · W, 아래 층에서 재사용",
    },
    "backprop.code.autograd": {"en": "the same gradients by autograd", "ko": "같은 기울기를 autograd로"},
    "backprop.code.gradfn": {"en": "the grad_fn chain autograd recorded", "ko": "autograd가 기록한 grad_fn 사슬"},
    "backprop.code.train": {"en": "plain SGD: w ← w − lr · ∂L/∂w", "ko": "일반 SGD: w ← w − lr · ∂L/∂w"},
    "backprop.code.zero": {
        "en": "clear .grad: backward() adds to it",
        "ko": ".grad 비우기: backward()는 더해 넣습니다",
    },
    "backprop.code.forgot": {
        "en": "optimizer.zero_grad() forgotten on purpose: .grad accumulates",
        "ko": "일부러 optimizer.zero_grad()를 뺐습니다: .grad가 쌓입니다",
    },
}
