"""Strings of the charts' text alternatives (nnviz.describe): one or two short sentences a screen reader
says for a chart, message first, with the numbers it shows (two significant digits; counts with
thousands separators, filled in by nnviz.describe)."""

STRINGS = {
    # --- shared ---------------------------------------------------------------------------------------
    # a loss curve: {start}, {end} two digits, {last} the last step, {unit} below
    "describe.loss.falls": {"en": "Loss falls from {start} to {end} by {unit} {last}.",
                            "ko": "손실이 {last}{unit}까지 {start}에서 {end}{로} 줄어듭니다."},
    "describe.loss.rises": {"en": "Loss rises from {start} to {end} by {unit} {last}.",
                            "ko": "손실이 {last}{unit}까지 {start}에서 {end}{로} 늘어납니다."},
    "describe.loss.flat": {"en": "Loss stays at about {start} through {unit} {last}.",
                           "ko": "손실이 {last}{unit}까지 {start} 근처에 머뭅니다."},
    # the step a player shows
    "describe.loss.at": {"en": "At {unit} {at} it is {value}.", "ko": "{at}{unit}에서는 {value}입니다."},
    "describe.unit.step": {"en": "step", "ko": "스텝"},
    "describe.unit.epoch": {"en": "epoch", "ko": "에포크"},
    "describe.unit.update": {"en": "update", "ko": "번째 업데이트"},
    # --- /perceptron ------------------------------------------------------------------------------------
    "describe.perceptron.boundary": {
        "en": "At {unit} {step} the line puts {right} of {gate}'s 4 points on the right side.",
        "ko": "{step}{unit}에서 직선이 {gate}의 네 점 중 {right}개를 올바른 쪽에 둡니다."},
    "describe.perceptron.no_line": {
        "en": "At {unit} {step} there is no line (w₁ = w₂ = 0): {right} of {gate}'s 4 points are right.",
        "ko": "{step}{unit}에서는 직선이 없습니다(w₁ = w₂ = 0). {gate}의 네 점 중 {right}개가 맞습니다."},
    "describe.perceptron.all_gates": {
        "en": "Loss after {steps} steps from the same start: {items}; the plateau is {plateau}.",
        "ko": "같은 출발점에서 {steps}스텝 뒤의 손실: {items}. 평탄 구간은 {plateau}입니다."},
    "describe.perceptron.floor.above": {
        "en": "None of the {n} XOR runs gets below the plateau {plateau}: final losses run from {low} to {high}.",
        "ko": "XOR 실행 {n}번 중 어느 것도 평탄 구간 {plateau} 아래로 내려가지 못합니다. 최종 손실은 {low}부터 "
              "{high}까지입니다."},
    "describe.perceptron.floor.below": {
        "en": "The lowest of the {n} XOR runs ends at {low}, below the plateau {plateau}; the highest at {high}.",
        "ko": "XOR 실행 {n}번 중 가장 낮은 최종 손실은 {low}{로} 평탄 구간 {plateau}보다 낮습니다. 가장 높은 값은 "
              "{high}입니다."},
    "describe.perceptron.mistakes.zero": {
        "en": "Mistakes per epoch reach 0 in epoch {epoch}, from {first} in epoch 1.",
        "ko": "에포크별 틀린 개수가 1번째 에포크의 {first}개에서 {epoch}번째 에포크에 0개가 됩니다."},
    "describe.perceptron.mistakes.never": {
        "en": "Mistakes never reach 0 in {n} epochs: {last} in the last one.",
        "ko": "{n}에포크 동안 틀린 개수가 0이 되지 않습니다. 마지막 에포크에서 {last}개입니다."},
    # --- /xor -------------------------------------------------------------------------------------------
    "describe.xor.input": {"en": "At step {step} the net gets {right} of {n} points right.",
                           "ko": "{step}스텝에서 신경망이 점 {n}개 중 {right}개를 맞힙니다."},
    "describe.xor.input.lines": {"en": "Hidden units' lines: {names}.", "ko": "은닉 유닛의 직선: {names}."},
    "describe.xor.hidden": {
        "en": "At step {step}, in the hidden units' space, the output unit's line gets {right} of {n} points right.",
        "ko": "{step}스텝에서 은닉 유닛의 공간에 놓인 점 {n}개 중 {right}개를 출력 유닛의 직선이 맞게 가릅니다."},
    "describe.xor.sweep": {"en": "{k} of {n} seeds solve XOR.", "ko": "시드 {n}개 중 {k}개가 XOR을 풉니다."},
    "describe.xor.sweep.rest": {"en": "The others: {items}.", "ko": "나머지: {items}."},
    "describe.xor.sweep.item": {"en": "{name} ({k})", "ko": "{name} {k}개"},
    "describe.xor.when": {"en": "{share} of the seeds are solved by step {last}; half of them by step {half}.",
                          "ko": "{last}스텝까지 시드의 {share}{가} 풀립니다. 그 절반은 {half}스텝까지 풀립니다."},
    "describe.xor.when.none": {"en": "No seed is solved by step {last}.",
                               "ko": "{last}스텝까지 풀린 시드가 없습니다."},
    "describe.xor.curves": {"en": "Loss curves of {n} seeds: {items}.", "ko": "시드 {n}개의 손실 곡선: {items}."},
    "describe.xor.curves.item": {"en": "{name} ({k}) end near {loss}", "ko": "{name} {k}개는 {loss} 근처에서 끝남"},
    "describe.xor.widths": {"en": "Share of {k} seeds solved by number of hidden units: {items}.",
                            "ko": "은닉 유닛 수별로 시드 {k}개 중 성공한 비율: {items}."},
    # --- /backprop --------------------------------------------------------------------------------------
    "describe.backprop.check.same": {
        "en": "By hand and autograd give the same {n} gradients: they differ by at most {diff}.",
        "ko": "손 계산과 autograd의 기울기 {n}개가 같습니다. 차이는 많아야 {diff}입니다."},
    "describe.backprop.check.differ": {
        "en": "By hand and autograd disagree: their {n} gradients differ by up to {diff}.",
        "ko": "손 계산과 autograd가 다릅니다. 기울기 {n}개의 차이가 최대 {diff}입니다."},
    "describe.backprop.loss.without": {"en": "Without zero_grad it ends at {end}.",
                                       "ko": "zero_grad 없이는 {end}에서 끝납니다."},
    "describe.backprop.grad.both": {
        "en": "After {n} updates {param}.grad is {with_} with zero_grad (that update's gradient) but {without} "
              "without it (the sum of all {n}).",
        "ko": "{n}번 업데이트한 뒤 {param}.grad{는} zero_grad가 있으면 {with_}(그 업데이트의 기울기), 없으면 "
              "{without}(기울기 {n}개의 합)입니다."},
    "describe.backprop.grad.with": {
        "en": "With zero_grad, {param}.grad is each update's own gradient: {first} at update {k}, {last} at update {n}.",
        "ko": "zero_grad가 있으면 {param}.grad{는} 업데이트마다 그때의 기울기입니다. {k}번째에 {first}, {n}번째에 "
              "{last}."},
    # --- /activations -----------------------------------------------------------------------------------
    "describe.activations.functions": {"en": "Largest slope f′ of each function: {items}.",
                                       "ko": "함수별 최대 미분값 f′: {items}."},
    "describe.activations.shrink": {"en": "Product of the slopes over {n} layers: {items}.",
                                    "ko": "{n}개 층에 걸친 미분값의 곱: {items}."},
    "describe.activations.shrink.item": {"en": "{name} {best} at best, {typical} typically",
                                         "ko": "{name} 최선 {best}, 보통 {typical}"},
    "describe.activations.factors": {
        "en": "{name}: layer 1's weight gradient is {w}× that of layer {last}; its δ is {d}×, its input {i}×.",
        "ko": "{name}: 1층의 가중치 기울기는 {last}층의 {w}배입니다. δ는 {d}배, 입력은 {i}배입니다."},
    "describe.activations.profile": {
        "en": "At epoch {epoch}, layer 1's weight gradient divided by the last layer's: {items}.",
        "ko": "{epoch}에포크에서 1층 가중치 기울기 ÷ 마지막 층 가중치 기울기: {items}."},
    "describe.activations.health": {"en": "At epoch {epoch}, dead / saturated hidden units: {items}.",
                                    "ko": "{epoch}에포크에서 죽은 / 포화된 은닉 유닛: {items}."},
    "describe.activations.losses": {"en": "Train / test loss after {epochs} epochs: {items}.",
                                    "ko": "{epochs}에포크 뒤 학습 / 테스트 손실: {items}."},
    "describe.activations.heat": {
        "en": "Layer 1's weight gradient divided by the last layer's, epoch 0 → {epochs}: {items}.",
        "ko": "1층 가중치 기울기 ÷ 마지막 층 가중치 기울기, 0에포크 → {epochs}에포크: {items}."},
    "describe.activations.glorot": {"en": "Spread (std) of the {what} from layer 1 to layer {last}: {items}.",
                                    "ko": "1층부터 {last}층까지 {what}의 표준편차: {items}."},
    # --- /init ------------------------------------------------------------------------------------------
    "describe.init.depth": {"en": "Measured std through the layers: {items}.",
                            "ko": "층을 따라 잰 표준편차: {items}."},
    "describe.init.depth.item": {
        "en": "{scheme}: activations {a1} at the first layer → {a2} at the last, gradients {g1} at the last → {g2} "
              "at the first",
        "ko": "{scheme}: 활성값은 첫 층 {a1} → 마지막 층 {a2}, 기울기는 마지막 층 {g1} → 첫 층 {g2}"},
    "describe.init.hist": {"en": "{what} per layer: spread (std) about {s1} in layer {l1} and {s2} in layer {l2}.",
                           "ko": "층별 {what}: 표준편차가 {l1}층에서 약 {s1}, {l2}층에서 약 {s2}입니다."},
    "describe.init.training": {"en": "Train loss / test accuracy after {steps} steps: {items}.",
                               "ko": "{steps}스텝 뒤 학습 손실 / 테스트 정확도: {items}."},
    "describe.init.sym.same": {"en": "{name}: the {k} units' traced weights stay identical ({w}) through step {last}.",
                               "ko": "{name}: 유닛 {k}개의 추적한 가중치가 {last}스텝까지 똑같습니다({w})."},
    "describe.init.sym.apart": {"en": "{name}: the {k} units' traced weights differ, from {lo} to {hi} at step {last}.",
                                "ko": "{name}: 유닛 {k}개의 추적한 가중치가 {last}스텝에서 {lo}부터 {hi}까지 서로 "
                                      "다릅니다."},
    "describe.init.he.signal": {"en": "Activation std from layer 1 to layer {last}: {items}.",
                                "ko": "1층부터 {last}층까지 활성값의 표준편차: {items}."},
    "describe.init.he.training": {"en": "Train loss after {steps} steps: {items}.",
                                  "ko": "{steps}스텝 뒤 학습 손실: {items}."},
    # --- /dropout ---------------------------------------------------------------------------------------
    "describe.dropout.input": {"en": "The layer's {n} inputs range from {lo} to {hi}.",
                               "ko": "층 입력 {n}개의 값은 {lo}부터 {hi}까지입니다."},
    "describe.dropout.output": {
        "en": "Mask {draw} keeps {k} of {n} units, each scaled ×{scale}, and sets the other {zeros} to 0.",
        "ko": "마스크 {draw}{은} 유닛 {n}개 중 {k}개를 남기고 각각 ×{scale} 합니다. 나머지 {zeros}개는 0입니다."},
    "describe.dropout.output.plain": {"en": "Mask {draw} keeps {k} of {n} units and sets the other {zeros} to 0.",
                                      "ko": "마스크 {draw}{은} 유닛 {n}개 중 {k}개를 남깁니다. 나머지 {zeros}개는 0입니다."},
    "describe.dropout.expect": {
        "en": "Averaged over {masks} masks, {within} of the {n} units' outputs are within 2 standard errors of their "
              "inputs (largest |z| {z}).",
        "ko": "마스크 {masks}개로 평균 내면 유닛 {n}개 중 {within}의 출력이 입력에서 표준오차 2배 안에 있습니다"
              "(최대 |z| {z})."},
    "describe.dropout.expect.exact": {"en": "Averaged over {masks} masks, each of the {n} outputs equals its input.",
                                      "ko": "마스크 {masks}개로 평균 내면 출력 {n}개가 모두 입력과 같습니다."},
    "describe.dropout.shares": {
        "en": "Across {n} masks the kept share averages {mean} (expected {keep}), from {lo} to {hi}.",
        "ko": "마스크 {n}개에서 남은 비율은 평균 {mean}(기댓값 {keep})이고, {lo}부터 {hi}까지입니다."},
    "describe.dropout.thin": {
        "en": "{k} passes through thinned networks give outputs {outs}; the full network in eval mode gives {ev}.",
        "ko": "얇아진 신경망을 {k}번 통과한 출력은 {outs}, 평가 모드의 전체 신경망 출력은 {ev}입니다."},
    "describe.dropout.loss": {"en": "After {epochs} epochs: {items}.", "ko": "{epochs}에포크 뒤: {items}."},
    "describe.dropout.loss.item": {"en": "{name} train {train} / test {test}",
                                   "ko": "{name} 학습 {train} / 테스트 {test}"},
    "describe.dropout.fit": {"en": "Fitted curves over {n} points; test loss: {plain} {a}, {dropout} {b}.",
                             "ko": "점 {n}개에 맞춘 곡선. 테스트 손실: {plain} {a}, {dropout} {b}."},
    "describe.dropout.fit.diverged": {"en": "Training diverged: only the {n} data points are shown.",
                                      "ko": "학습이 발산해 데이터 점 {n}개만 보입니다."},
    "describe.dropout.trap": {
        "en": "Over {k} presses, training mode predicts from {lo} to {hi}; eval mode predicts {ev} every time.",
        "ko": "{k}번 누르는 동안 학습 모드의 예측은 {lo}부터 {hi}까지 바뀌고, 평가 모드의 예측은 매번 {ev}입니다."},
    "describe.dropout.trap.both": {
        "en": "Over {k} presses, training mode predicts from {lo} to {hi}; eval mode from {elo} to {ehi}.",
        "ko": "{k}번 누르는 동안 학습 모드의 예측은 {lo}부터 {hi}까지, 평가 모드의 예측은 {elo}부터 {ehi}까지입니다."},
    "describe.dropout.paper.falls": {
        "en": "Averaging more thinned networks lowers the test error from {e1} (k = {k1}) to {e2} (k = {k2}); weight "
              "scaling gives {s}.",
        "ko": "얇아진 신경망을 더 많이 평균할수록 테스트 오차가 {e1}(k = {k1})에서 {e2}(k = {k2}){로} 줄어듭니다. "
              "가중치 조정은 {s}입니다."},
    "describe.dropout.paper.rises": {
        "en": "Averaging more thinned networks raises the test error from {e1} (k = {k1}) to {e2} (k = {k2}); weight "
              "scaling gives {s}.",
        "ko": "얇아진 신경망을 더 많이 평균할수록 테스트 오차가 {e1}(k = {k1})에서 {e2}(k = {k2}){로} 늘어납니다. "
              "가중치 조정은 {s}입니다."},
    "describe.dropout.paper.flat": {
        "en": "The test error stays at about {e1} from k = {k1} to k = {k2} thinned networks; weight scaling gives {s}.",
        "ko": "얇아진 신경망 k = {k1}부터 k = {k2}까지 테스트 오차가 {e1} 근처에 머뭅니다. 가중치 조정은 {s}입니다."},
    # /playground
    "describe.playground.editor": {
        "en": "The plane to draw on, with {n} points ({per}). A click adds a point of class {label}; a click on a "
              "point removes it.",
        "ko": "점을 찍는 평면입니다. 점 {n}개({per}). 클릭하면 클래스 {label}의 점이 생기고, 점을 클릭하면 지워집니다."},
    "describe.playground.editor.class": {"en": "class {k}: {n}", "ko": "클래스 {k}: {n}개"},
    "describe.playground.regions": {
        "en": "After epoch {epoch} the regions put {train} of the training points and {test} of the test points "
              "on their class's side.",
        "ko": "{epoch}에포크 뒤 영역이 학습용 점의 {train}, 테스트용 점의 {test}{를} 제 클래스 쪽에 둡니다."},
    "describe.playground.loss.falls": {
        "en": "Training loss falls from {start} to {end} by epoch {last}; test loss ends at {test}, lowest {low} "
              "at epoch {best}.",
        "ko": "학습 손실이 {last}에포크까지 {start}에서 {end}{로} 줄어듭니다. 테스트 손실은 {test}{로} 끝나며, "
              "가장 낮았던 때는 {best}에포크의 {low}입니다."},
    "describe.playground.loss.rises": {
        "en": "Training loss rises from {start} to {end} by epoch {last}; test loss ends at {test}, lowest {low} "
              "at epoch {best}.",
        "ko": "학습 손실이 {last}에포크까지 {start}에서 {end}{로} 늘어납니다. 테스트 손실은 {test}{로} 끝나며, "
              "가장 낮았던 때는 {best}에포크의 {low}입니다."},
    "describe.playground.loss.flat": {
        "en": "Training loss stays at about {start} through epoch {last}; test loss ends at {test}, lowest {low} "
              "at epoch {best}.",
        "ko": "학습 손실이 {last}에포크까지 약 {start}에 머뭅니다. 테스트 손실은 {test}{로} 끝나며, "
              "가장 낮았던 때는 {best}에포크의 {low}입니다."},
    "describe.playground.network": {
        "en": "The {shape} net after epoch {epoch}: each unit's output over the plane, and {n} weights from {lo} "
              "to {hi}.",
        "ko": "{epoch}에포크 뒤의 {shape} 신경망: 유닛마다 평면 위 출력과, {lo}부터 {hi}까지의 가중치 {n}개."},
    "describe.playground.ab.side": {
        "en": "Run {tag}: {test} of the test points right, test loss {loss}.",
        "ko": "실행 {tag}: 테스트용 점의 {test}{를} 맞히고, 테스트 손실은 {loss}입니다."},
    "describe.playground.ab.losses": {
        "en": "Test loss at the end: A {a} (epoch {ea}), B {b} (epoch {eb}); {lower} ends lower.",
        "ko": "마지막 테스트 손실: A {a}({ea}에포크), B {b}({eb}에포크). {lower}{가} 더 낮게 끝납니다."},
    "describe.playground.ab.losses.tie": {
        "en": "Test loss at the end: A {a} (epoch {ea}), B {b} (epoch {eb}); the same.",
        "ko": "마지막 테스트 손실: A {a}({ea}에포크), B {b}({eb}에포크)로 같습니다."},
}
