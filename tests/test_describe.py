"""Text alternatives of charts: the sentence says the numbers the chart draws, in both languages.

Each describe function against a hand-worked case (the exact sentence in English and Korean), the
direction words at their thresholds, and every chart of every page passing one."""

import ast
import json
import math
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from nnviz import describe
from nnviz.describe import activations as DA
from nnviz.describe import backprop as DB
from nnviz.describe import dropout as DD
from nnviz.describe import init as DI
from nnviz.describe import perceptron as DP
from nnviz.describe import xor as DX

ROOT = Path(__file__).resolve().parents[1]
PAGES = ("perceptron", "xor", "backprop", "activations", "init", "dropout")


# --- shared -------------------------------------------------------------------------------------------
def test_a_falling_loss_says_where_it_starts_and_ends():
    losses = [math.log(2)] + [0.5] * 4999 + [0.0061]
    assert describe.loss_curve(losses, "en") == "Loss falls from 0.69 to 0.0061 by step 5,000."
    assert describe.loss_curve(losses, "ko") == "손실이 5,000스텝까지 0.69에서 0.0061로 줄어듭니다."


def test_rising_and_flat_curves_and_epochs():
    assert describe.loss_curve([0.1, 0.2, 2.5], "en", unit="epoch") == "Loss rises from 0.1 to 2.5 by epoch 2."
    assert describe.loss_curve([0.693, 0.6929], "en") == "Loss stays at about 0.69 through step 1."
    assert describe.loss_curve([0.693, 0.6929], "ko") == "손실이 1스텝까지 0.69 근처에 머뭅니다."
    # the Korean particle follows the number's final sound: 2.5 (이 점 오) → 로, 0.3 (영 점 삼) → 으로
    assert describe.loss_curve([0.1, 2.5], "ko", unit="epoch") == "손실이 1에포크까지 0.1에서 2.5로 늘어납니다."
    assert describe.loss_curve([1.0, 0.3], "ko") == "손실이 1스텝까지 1에서 0.3으로 줄어듭니다."


def test_the_loss_at_the_step_a_player_shows():
    assert describe.loss_curve([1.0, 0.5, 0.25], "en", at=1) == "Loss falls from 1 to 0.25 by step 2. At step 1 it is 0.5."
    assert describe.loss_curve([1.0, 0.5, 0.25], "ko", at=1) == "손실이 2스텝까지 1에서 0.25로 줄어듭니다. 1스텝에서는 0.5입니다."
    # at the last step the first sentence already says it
    assert describe.loss_curve([1.0, 0.5, 0.25], "en", at=2) == "Loss falls from 1 to 0.25 by step 2."
    assert describe.loss_curve([1.0, 0.9, 0.25], "ko", unit="update", at=1) == (
        "손실이 2번째 업데이트까지 1에서 0.25로 줄어듭니다. 1번째 업데이트에서는 0.9입니다.")


def test_direction_words_at_their_thresholds():
    # flat within 1 % of the start (inclusive), a fall or a rise beyond it
    assert describe.way(100, 99) == "flat" and describe.way(100, 101) == "flat"
    assert describe.way(100, 98.9) == "falls" and describe.way(100, 101.1) == "rises"
    assert describe.loss_curve([100, 101], "en") == "Loss stays at about 100 through step 1."
    assert describe.loss_curve([100, 98.9], "en").startswith("Loss falls")
    assert describe.loss_curve([100, 101.1], "en").startswith("Loss rises")


def test_two_significant_digits_thousands_and_percentages():
    assert [describe.number(v) for v in (0.693147, 0.006123, 12.34, 1e-5)] == ["0.69", "0.0061", "12", "1e-05"]
    assert [describe.number(v) for v in (100, 123.4, 12345, -996, float("nan"))] == ["100", "120", "12,000", "-1,000", "nan"]
    assert describe.count(5000) == "5,000" and describe.count(12.0) == "12"
    assert [describe.percent(v) for v in (0.87, 0.842857, 0.005, 0.0, 1.0, 0.0996)] == [
        "87%", "84%", "0.5%", "0%", "100%", "10%"]
    with pytest.raises(ValueError, match="at least one value"):
        describe.loss_curve([], "en")


# --- /perceptron ----------------------------------------------------------------------------------------
def test_perceptron_boundary_counts_the_points_on_their_side():
    # w = (1, 1), b = −1.5: z = −1.5, −0.5, −0.5, 0.5 → only (1,1) fires: AND is right everywhere
    assert DP.boundary("and", [1.0, 1.0], -1.5, 2750, "sigmoid", "en") == (
        "At step 2,750 the line puts 4 of AND's 4 points on the right side.")
    assert DP.boundary("and", [1.0, 1.0], -1.5, 2750, "sigmoid", "ko") == (
        "2,750스텝에서 직선이 AND의 네 점 중 4개를 올바른 쪽에 둡니다.")
    # the same line for XOR (targets 0 1 1 0, outputs 0 0 0 1): only (0,0) right
    assert DP.boundary("xor", [1.0, 1.0], -1.5, 3, "step", "en", unit="update") == (
        "At update 3 the line puts 1 of XOR's 4 points on the right side.")
    # no line: z = −1 everywhere, the step outputs 0: AND's three 0s are right
    assert DP.boundary("and", [0.0, 0.0], -1.0, 3, "step", "en", unit="update") == (
        "At update 3 there is no line (w₁ = w₂ = 0): 3 of AND's 4 points are right.")
    assert DP.boundary("and", [0.0, 0.0], -1.0, 3, "step", "ko", unit="update") == (
        "3번째 업데이트에서는 직선이 없습니다(w₁ = w₂ = 0). AND의 네 점 중 3개가 맞습니다.")


def test_perceptron_all_gates_floor_and_mistakes():
    runs = {"and": SimpleNamespace(losses=[0.6] * 1000, final_loss=0.00931),
            "xor": SimpleNamespace(losses=[0.7] * 1000, final_loss=0.6931)}
    assert DP.all_gates(runs, math.log(2), "en") == (
        "Loss after 1,000 steps from the same start: AND 0.0093, XOR 0.69; the plateau is 0.69.")
    assert DP.all_gates(runs, math.log(2), "ko") == (
        "같은 출발점에서 1,000스텝 뒤의 손실: AND 0.0093, XOR 0.69. 평탄 구간은 0.69입니다.")
    floor = pd.DataFrame({"final_loss": [math.log(2) - 5e-8, 0.7, 50.0]})  # float32 noise at the plateau
    assert DP.floor(floor, math.log(2), "en") == (
        "None of the 3 XOR runs gets below the plateau 0.69: final losses run from 0.69 to 50.")
    assert DP.floor(floor, math.log(2), "ko") == (
        "XOR 실행 3번 중 어느 것도 평탄 구간 0.69 아래로 내려가지 못합니다. 최종 손실은 0.69부터 50까지입니다.")
    assert DP.floor(pd.DataFrame({"final_loss": [0.5, 0.7]}), math.log(2), "en") == (
        "The lowest of the 2 XOR runs ends at 0.5, below the plateau 0.69; the highest at 0.7.")
    assert DP.mistakes([1, 3, 3, 2, 1, 0, 0], "en") == "Mistakes per epoch reach 0 in epoch 6, from 1 in epoch 1."
    assert DP.mistakes([1, 3, 3, 2, 1, 0, 0], "ko") == "에포크별 틀린 개수가 1번째 에포크의 1개에서 6번째 에포크에 0개가 됩니다."
    assert DP.mistakes([2, 1, 1], "en") == "Mistakes never reach 0 in 3 epochs: 1 in the last one."
    assert DP.mistakes([2, 1, 1], "ko") == "3에포크 동안 틀린 개수가 0이 되지 않습니다. 마지막 에포크에서 1개입니다."


# --- /xor -----------------------------------------------------------------------------------------------------
def test_xor_input_and_hidden_space_at_the_step_shown():
    points = pd.DataFrame({"correct": [True, True, False, True]})
    lines = pd.DataFrame({"name": ["unit 1: OR", "unit 1: OR", "unit 2: NAND"]})
    assert DX.input_space(points, lines, 1200, "en") == (
        "At step 1,200 the net gets 3 of 4 points right. Hidden units' lines: unit 1: OR, unit 2: NAND.")
    assert DX.input_space(points, lines.iloc[0:0], 1200, "ko") == "1,200스텝에서 신경망이 점 4개 중 3개를 맞힙니다."
    assert DX.hidden_space(points, 1200, "en") == (
        "At step 1,200, in the hidden units' space, the output unit's line gets 3 of 4 points right.")
    assert DX.hidden_space(points, 1200, "ko") == (
        "1,200스텝에서 은닉 유닛의 공간에 놓인 점 4개 중 3개를 출력 유닛의 직선이 맞게 가릅니다.")


def test_xor_sweep_charts():
    seeds = pd.DataFrame({"outcome": ["solved"] * 3 + ["ln2", "half_ln2", "half_ln2"]})
    assert DX.final_losses(seeds, "en") == "3 of 6 seeds solve XOR. The others: Stuck at ln 2/2 (2), Stuck at ln 2 (1)."
    assert DX.final_losses(seeds, "ko") == "시드 6개 중 3개가 XOR을 풉니다. 나머지: ln 2/2에 갇힘 2개, ln 2에 갇힘 1개."
    assert DX.final_losses(seeds.iloc[:3], "en") == "3 of 3 seeds solve XOR."
    by_step = pd.DataFrame({"step": [0, 100, 200, 300], "share": [0.0, 0.2, 0.4, 0.8]})
    assert DX.solved_by_step(by_step, "en") == "80% of the seeds are solved by step 300; half of them by step 200."
    assert DX.solved_by_step(by_step, "ko") == "300스텝까지 시드의 80%가 풀립니다. 그 절반은 200스텝까지 풀립니다."
    assert DX.solved_by_step(by_step.assign(share=0.0), "en") == "No seed is solved by step 300."
    sample = pd.DataFrame({"seed": [1, 1, 2, 2, 3, 3], "step": [0, 10] * 3,
                           "loss": [0.7, 0.002, 0.7, 0.004, 0.7, 0.69],
                           "outcome": ["solved"] * 4 + ["ln2"] * 2})
    assert DX.sweep_curves(sample, "en") == (
        "Loss curves of 3 seeds: Solved (2) end near 0.003, Stuck at ln 2 (1) end near 0.69.")
    assert DX.sweep_curves(sample, "ko") == (
        "시드 3개의 손실 곡선: 성공 2개는 0.003 근처에서 끝남, ln 2에 갇힘 1개는 0.69 근처에서 끝남.")
    widths = pd.DataFrame({"hidden": [1, 2], "n_seeds": [70, 70], "rate": [0.0, 59 / 70]})
    assert DX.width_rates(widths, "en") == "Share of 70 seeds solved by number of hidden units: 1 → 0%, 2 → 84%."
    assert DX.width_rates(widths, "ko") == "은닉 유닛 수별로 시드 70개 중 성공한 비율: 1 → 0%, 2 → 84%."


# --- /backprop ----------------------------------------------------------------------------------------------
def test_backprop_check_loss_and_accumulation():
    cmp = pd.DataFrame({"abs_diff": [1e-9, 3e-8]})
    assert DB.gradients(cmp, True, "en") == "By hand and autograd give the same 2 gradients: they differ by at most 3e-08."
    assert DB.gradients(cmp, True, "ko") == "손 계산과 autograd의 기울기 2개가 같습니다. 차이는 많아야 3e-08입니다."
    assert DB.gradients(cmp, False, "en") == "By hand and autograd disagree: their 2 gradients differ by up to 3e-08."
    frames = {"with_zero_grad": pd.DataFrame({"loss": [0.7, 0.5, 0.3]}),
              "without_zero_grad": pd.DataFrame({"loss": [0.7, 0.6, 0.9]})}
    assert DB.losses(frames, "en") == "Loss falls from 0.7 to 0.3 by update 2. Without zero_grad it ends at 0.9."
    assert DB.losses(frames, "ko") == "손실이 2번째 업데이트까지 0.7에서 0.3으로 줄어듭니다. zero_grad 없이는 0.9에서 끝납니다."
    steps = [0.1, 0.2, 0.3]
    with_ = pd.DataFrame({"update": [1, 2, 3], "grad": steps})
    without = pd.DataFrame({"update": [1, 2, 3], "grad": pd.Series(steps).cumsum()})  # 0.1, 0.3, 0.6
    assert DB.accumulation({"with_zero_grad": with_, "without_zero_grad": without}, "w", "en") == (
        "After 3 updates w.grad is 0.3 with zero_grad (that update's gradient) but 0.6 without it (the sum of all 3).")
    assert DB.accumulation({"with_zero_grad": with_, "without_zero_grad": without}, "w", "ko") == (
        "3번 업데이트한 뒤 w.grad는 zero_grad가 있으면 0.3(그 업데이트의 기울기), 없으면 0.6(기울기 3개의 합)입니다.")
    assert DB.accumulation({"with_zero_grad": with_}, "w", "en") == (
        "With zero_grad, w.grad is each update's own gradient: 0.1 at update 1, 0.3 at update 3.")


# --- /activations --------------------------------------------------------------------------------------------
NAMES = {"sigmoid": "Sigmoid", "relu": "ReLU"}


def test_activation_functions_and_product_of_slopes():
    slopes = pd.DataFrame({"activation": ["sigmoid", "relu"], "max_df": [0.25, 1.0]})
    assert DA.functions(slopes, NAMES, "en") == "Largest slope f′ of each function: Sigmoid 0.25, ReLU 1."
    assert DA.functions(slopes, NAMES, "ko") == "함수별 최대 미분값 f′: Sigmoid 0.25, ReLU 1."
    # 0.25² = 0.0625 → 0.062 at two digits (round half to even)
    table = pd.DataFrame({"activation": ["sigmoid", "sigmoid"], "layers": [1, 2], "best": [0.25, 0.0625],
                          "typical": [0.21, 0.21 ** 2]})
    assert DA.shrink(table, NAMES, "en") == "Product of the slopes over 2 layers: Sigmoid 0.062 at best, 0.044 typically."
    assert DA.shrink(table, NAMES, "ko") == "2개 층에 걸친 미분값의 곱: Sigmoid 최선 0.062, 보통 0.044."


def test_activation_factors_profile_and_health():
    # layer 1 over layer 3: weight gradient 1e-6 / 1e-2, δ 1e-5 / 1e-1, input 1 / 0.5
    table = pd.DataFrame({"layer": [3, 1, 2], "weight_grad_norm": [1e-2, 1e-6, 1e-3], "delta_rms": [1e-1, 1e-5, 1e-3],
                          "input_rms": [0.5, 1.0, 0.5]})
    assert DA.factors(table, "Sigmoid", "en") == (
        "Sigmoid: layer 1's weight gradient is 0.0001× that of layer 3; its δ is 0.0001×, its input 2×.")
    assert DA.factors(table, "Sigmoid", "ko") == "Sigmoid: 1층의 가중치 기울기는 3층의 0.0001배입니다. δ는 0.0001배, 입력은 2배입니다."
    now = pd.DataFrame({"activation": ["sigmoid"] * 3 + ["relu"] * 3, "layer": [1, 2, 3] * 2,
                        "weight_grad_norm": [1e-5, 0.1, 1.0, 0.5, 0.7, 1.0],
                        "dead_fraction": [0.0, 0.0, 0.0, 0.1, 0.3, 0.0],
                        "saturated_fraction": [0.5, 0.7, 0.0, 0.0, 0.0, 0.0]})
    assert DA.grad_profile(now, NAMES, 40, "en") == (
        "At epoch 40, layer 1's weight gradient divided by the last layer's: Sigmoid 1e-05, ReLU 0.5.")
    assert DA.grad_profile(now, NAMES, 40, "ko") == (
        "40에포크에서 1층 가중치 기울기 ÷ 마지막 층 가중치 기울기: Sigmoid 1e-05, ReLU 0.5.")
    dead = now.assign(weight_grad_norm=[0.0, 0.0, 0.0, 1e-3, 0.0, 0.0])  # a net whose gradients are all 0
    assert DA.grad_profile(dead, NAMES, 40, "en") == (
        "At epoch 40, layer 1's weight gradient divided by the last layer's: Sigmoid nan, ReLU inf.")
    # hidden layers 1 and 2 (3 is the output): dead 0 and 20 %, saturated 60 % and 0
    assert DA.unit_health(now, NAMES, 40, "en") == "At epoch 40, dead / saturated hidden units: Sigmoid 0% / 60%, ReLU 20% / 0%."
    assert DA.unit_health(now, NAMES, 40, "ko") == "40에포크에서 죽은 / 포화된 은닉 유닛: Sigmoid 0% / 60%, ReLU 20% / 0%."


def test_activation_losses_heatmap_and_glorot():
    history = pd.DataFrame({"activation": ["sigmoid"] * 2 + ["relu"] * 2, "epoch": [0, 5] * 2,
                            "train_loss": [0.7, 0.69, 0.7, 0.1], "test_loss": [0.7, 0.7, 0.7, 0.21]})
    assert DA.losses(history, NAMES, "en") == "Train / test loss after 5 epochs: Sigmoid 0.69 / 0.7, ReLU 0.1 / 0.21."
    assert DA.losses(history, NAMES, "ko") == "5에포크 뒤 학습 / 테스트 손실: Sigmoid 0.69 / 0.7, ReLU 0.1 / 0.21."
    layers = pd.DataFrame({"activation": ["sigmoid"] * 4, "epoch": [0, 0, 5, 5], "layer": [1, 2, 1, 2],
                           "weight_grad_norm": [1e-4, 1.0, 1e-2, 0.5]})
    assert DA.grad_heatmap(layers, NAMES, "en") == (
        "Layer 1's weight gradient divided by the last layer's, epoch 0 → 5: Sigmoid 0.0001 → 0.02.")
    assert DA.grad_heatmap(layers, NAMES, "ko") == (
        "1층 가중치 기울기 ÷ 마지막 층 가중치 기울기, 0에포크 → 5에포크: Sigmoid 0.0001 → 0.02.")
    gt = pd.DataFrame({"init": ["normalized"] * 2 + ["standard"] * 2, "layer": [1, 5] * 2,
                       "activation_std": [0.45, 0.27, 0.43, 0.042]})
    assert DA.glorot(gt, "activation_std", "en") == (
        "Spread (std) of the activations h from layer 1 to layer 5: normalized (Xavier) 0.45 → 0.27, "
        "standard U(±1/√n) 0.43 → 0.042.")
    assert DA.glorot(gt, "activation_std", "ko") == (
        "1층부터 5층까지 활성값 h의 표준편차: 정규화 (Xavier) 0.45 → 0.27, 표준 U(±1/√n) 0.43 → 0.042.")


# --- /init ------------------------------------------------------------------------------------------------
def test_init_depth_profile_reads_the_measured_rows():
    prof = pd.DataFrame({"scheme": ["Default"] * 5, "panel": ["activation", "activation", "backprop", "backprop",
                                                               "activation"],
                         "layer": [2, 1, 1, 2, 2], "source": ["measured"] * 4 + ["theory"], "std": [0.1, 0.5, 0.01, 0.1, 9.0]})
    assert DI.depth_profile(prof, ["Default"], "en") == (
        "Measured std through the layers: Default: activations 0.5 at the first layer → 0.1 at the last, "
        "gradients 0.1 at the last → 0.01 at the first.")
    assert DI.depth_profile(prof, ["Default"], "ko") == (
        "층을 따라 잰 표준편차: Default: 활성값은 첫 층 0.5 → 마지막 층 0.1, 기울기는 마지막 층 0.1 → 첫 층 0.01.")


def test_init_histograms_spread_from_the_bins():
    # layer 1: one value in [-1, 0] and one in [0, 1] → centres ±0.5, std 0.5; layer 3: centres ±0.05 → 0.05
    h = pd.DataFrame({"layer": [1, 1, 3, 3, 3], "bin_start": [-1.0, 0.0, -0.1, 0.0, 0.5],
                      "bin_end": [0.0, 1.0, 0.0, 0.1, 0.6], "count": [1, 1, 3, 3, 0]})
    assert DI.histogram_std(h[h.layer == 1]) == pytest.approx(0.5)
    assert DI.histograms(h, "activation", "en") == "Activations per layer: spread (std) about 0.5 in layer 1 and 0.05 in layer 3."
    assert DI.histograms(h, "weight", "ko") == "층별 가중치: 표준편차가 1층에서 약 0.5, 3층에서 약 0.05입니다."


def test_init_training_symmetry_and_he():
    hist = pd.DataFrame({"scheme": ["Default", "Default", "Zeros", "Zeros"], "step": [0, 200] * 2,
                         "train_loss": [2.3, 0.3, 2.3, 2.3], "test_acc": [0.1, 0.91, 0.1, 0.113]})
    assert DI.training(hist, ["Default", "Zeros"], "en") == (
        "Train loss / test accuracy after 200 steps: Default 0.3 / 91%, Zeros 2.3 / 11%.")
    assert DI.training(hist, ["Default", "Zeros"], "ko") == "200스텝 뒤 학습 손실 / 테스트 정확도: Default 0.3 / 91%, Zeros 2.3 / 11%."
    same = pd.DataFrame({"step": [0, 0, 50, 50], "unit": [1, 2, 1, 2], "weight": [0.1, 0.1, 0.37, 0.37]})
    assert DI.symmetry(same, "Constant", "en") == "Constant: the 2 units' traced weights stay identical (0.37) through step 50."
    assert DI.symmetry(same, "Constant", "ko") == "Constant: 유닛 2개의 추적한 가중치가 50스텝까지 똑같습니다(0.37)."
    apart = same.assign(weight=[0.1, -0.2, 0.4, -0.3])
    assert DI.symmetry(apart, "Xavier", "en") == "Xavier: the 2 units' traced weights differ, from -0.3 to 0.4 at step 50."
    assert DI.symmetry(apart, "Xavier", "ko") == "Xavier: 유닛 2개의 추적한 가중치가 50스텝에서 -0.3부터 0.4까지 서로 다릅니다."
    sig = pd.DataFrame({"variance": ["1/n"] * 2 + ["2/n"] * 2, "layer": [1, 30] * 2,
                        "activation_std": [0.36, 9e-6, 0.5, 0.52]})
    assert DI.he_signal(sig, "en") == "Activation std from layer 1 to layer 30: 1/n 0.36 → 9e-06, 2/n 0.5 → 0.52."
    assert DI.he_signal(sig, "ko") == "1층부터 30층까지 활성값의 표준편차: 1/n 0.36 → 9e-06, 2/n 0.5 → 0.52."
    ht = pd.DataFrame({"variance": ["1/n"] * 2 + ["2/n"] * 2, "step": [0, 200] * 2, "train_loss": [2.3, 2.3, 2.3, 1.2]})
    assert DI.he_training(ht, "en") == "Train loss after 200 steps: 1/n 2.3, 2/n 1.2."
    assert DI.he_training(ht, "ko") == "200스텝 뒤 학습 손실: 1/n 2.3, 2/n 1.2."


# --- /dropout ------------------------------------------------------------------------------------------------
def test_dropout_one_layer():
    frame = pd.DataFrame({"input": [1.0, 2.0, 0.0, 4.0], "kept": [True, False, True, True],
                          "output": [2.0, 0.0, 0.0, 8.0]})  # p = 0.5: kept units ×2
    assert DD.layer_input(frame, "en") == "The layer's 4 inputs range from 0 to 4."
    assert DD.layer_input(frame, "ko") == "층 입력 4개의 값은 0부터 4까지입니다."
    assert DD.layer_output(frame, 3, "en") == "Mask 3 keeps 3 of 4 units, each scaled ×2, and sets the other 1 to 0."
    assert DD.layer_output(frame, 3, "ko") == "마스크 3은 유닛 4개 중 3개를 남기고 각각 ×2 합니다. 나머지 1개는 0입니다."
    none = frame.assign(kept=False, output=0.0)
    assert DD.layer_output(none, 2, "en") == "Mask 2 keeps 0 of 4 units and sets the other 4 to 0."
    units = pd.DataFrame({"z": [0.5, -1.0, 3.0, float("nan")]})
    assert DD.expectation(units, 1000, "en") == (
        "Averaged over 1,000 masks, 67% of the 3 units' outputs are within 2 standard errors of their inputs "
        "(largest |z| 3).")
    assert DD.expectation(units, 1000, "ko") == (
        "마스크 1,000개로 평균 내면 유닛 3개 중 67%의 출력이 입력에서 표준오차 2배 안에 있습니다(최대 |z| 3).")
    assert DD.expectation(units.assign(z=float("nan")), 1000, "en") == (
        "Averaged over 1,000 masks, each of the 4 outputs equals its input.")
    shares = pd.DataFrame({"kept_share": [0.75, 0.8, 0.85]})
    assert DD.kept_shares(shares, 0.8, "en") == "Across 3 masks the kept share averages 0.8 (expected 0.8), from 0.75 to 0.85."
    assert DD.kept_shares(shares, 0.8, "ko") == "마스크 3개에서 남은 비율은 평균 0.8(기댓값 0.8)이고, 0.75부터 0.85까지입니다."
    outputs = pd.DataFrame({"output": [-0.2285, -0.2285, -0.0449]})
    assert DD.thinned(outputs, -0.181, "en") == (
        "3 passes through thinned networks give outputs -0.23, -0.23, -0.045; the full network in eval mode gives -0.18.")
    assert DD.thinned(outputs, -0.181, "ko") == (
        "얇아진 신경망을 3번 통과한 출력은 -0.23, -0.23, -0.045, 평가 모드의 전체 신경망 출력은 -0.18입니다.")


def test_dropout_overfitting_trap_and_paper():
    names = {"plain": "No dropout", "dropout": "Dropout p = 0.5"}
    history = pd.DataFrame({"epoch": [0, 9, 9, 0, 9, 9, 9], "model": ["plain"] * 3 + ["dropout"] * 4,
                            "split": ["train", "train", "test", "train", "train", "test", "objective"],
                            "loss": [1.0, 0.01, 0.9, 1.0, 0.05, 0.3, 0.2]})
    assert DD.losses(history, names, "en") == (
        "After 9 epochs: No dropout train 0.01 / test 0.9, Dropout p = 0.5 train 0.05 / test 0.3.")
    assert DD.losses(history, names, "ko") == (
        "9에포크 뒤: No dropout 학습 0.01 / 테스트 0.9, Dropout p = 0.5 학습 0.05 / 테스트 0.3.")
    result = SimpleNamespace(data=pd.DataFrame({"x": range(100)}), diverged=None,
                             final=pd.DataFrame({"test": [0.9, 0.3]}, index=["plain", "dropout"]))
    assert DD.fit(result, names, "en") == "Fitted curves over 100 points; test loss: No dropout 0.9, Dropout p = 0.5 0.3."
    assert DD.fit(result, names, "ko") == "점 100개에 맞춘 곡선. 테스트 손실: No dropout 0.9, Dropout p = 0.5 0.3."
    result.diverged = object()
    assert DD.fit(result, names, "en") == "Training diverged: only the 100 data points are shown."
    df = pd.DataFrame({"press": [1, 2, 3, 1, 2, 3], "mode": ["train"] * 3 + ["eval"] * 3,
                       "prediction": [-0.374, -0.304, -0.388, -0.2217, -0.2217, -0.2217]})
    assert DD.trap(df, "en") == "Over 3 presses, training mode predicts from -0.39 to -0.3; eval mode predicts -0.22 every time."
    assert DD.trap(df, "ko") == (
        "3번 누르는 동안 학습 모드의 예측은 -0.39부터 -0.3까지 바뀌고, 평가 모드의 예측은 매번 -0.22입니다.")
    sv = pd.DataFrame({"k": [1, 10, 200], "mc_error": [0.2284, 0.078, 0.06685], "scaled_error": [0.06685] * 3})
    assert DD.srivastava(sv, "en") == (
        "Averaging more thinned networks lowers the test error from 23% (k = 1) to 6.7% (k = 200); weight scaling "
        "gives 6.7%.")
    assert DD.srivastava(sv, "ko") == (
        "얇아진 신경망을 더 많이 평균할수록 테스트 오차가 23%(k = 1)에서 6.7%(k = 200)로 줄어듭니다. 가중치 조정은 6.7%입니다.")


# --- every chart of every page ---------------------------------------------------------------------------
@pytest.mark.parametrize("slug", PAGES)
def test_every_chart_call_passes_a_text_alternative(slug):
    tree = ast.parse((ROOT / "pages" / f"{slug}.py").read_text(encoding="utf-8"))
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
             and n.func.attr == "chart"]
    assert calls
    missing = [c.lineno for c in calls
               if not any(k.arg == "alt" and not (isinstance(k.value, ast.Constant) and not k.value.value)
                          for k in c.keywords)]
    assert not missing, f"pages/{slug}.py: .chart( without alt= on lines {missing}"


# Each page with its optional charts switched on (paper checks, the width sweep, the zero_grad trap).
VIEWS = [("perceptron", {}), ("perceptron", {"mode": "rosenblatt"}), ("xor", {"compare": "1"}),
         ("backprop", {"forget": "1"}), ("activations", {"paper": "1"}), ("init", {"paper": "1"}),
         ("dropout", {"paper": "1"}), ("playground", {}), ("playground", {"compare": "dropout"})]


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize(("slug", "query"), VIEWS, ids=[f"{s}-{'-'.join(q) or 'default'}" for s, q in VIEWS])
def test_every_chart_on_the_page_carries_its_text_alternative(slug, query, lang):
    from conftest import assert_clean, charts, open_page

    at = open_page(slug, **query, lang=lang)
    assert_clean(at)
    drawn = charts(at)
    assert drawn
    for c in drawn:
        text = c.proto.alt  # Streamlit's alt: the browser sets it as the Vega view's description
        assert text and text.strip(), f"/{slug}: a chart without a text alternative"
        assert "description" not in json.loads(c.proto.spec)  # not twice (Streamlit warns, with a stack)
        assert any(ch.isdigit() for ch in text), text  # it says the chart's numbers
        if lang == "ko":
            assert any("가" <= ch <= "힣" for ch in text), text


# --- /playground ---------------------------------------------------------------------------------------------
def _pg_run(train_loss, test_loss, train_acc, test_acc, hidden=(4,), classes=2):
    from nnviz import playground as pg

    n = len(train_loss)
    return pg.Run(None, ("x1", "x2"), hidden, "tanh", 0.0, classes, n - 1, [], np.array(train_loss, float),
                  np.array(test_loss, float), np.array(train_acc, float), np.array(test_acc, float), 0)


def test_playground_regions_and_losses_say_the_shown_epochs_numbers():
    r = _pg_run([0.69, 0.3, 0.05], [0.7, 0.2, 0.4], [0.5, 0.9, 1.0], [0.5, 0.85, 0.8])
    assert describe.playground.regions(r, 1, "en") == ("After epoch 1 the regions put 90% of the training points "
                                                       "and 85% of the test points on their class's side.")
    assert describe.playground.regions(r, 99, "ko") == ("2에포크 뒤 영역이 학습용 점의 100%, 테스트용 점의 80%를 "
                                                        "제 클래스 쪽에 둡니다.")
    assert describe.playground.loss(r, "en") == ("Training loss falls from 0.69 to 0.05 by epoch 2; test loss ends "
                                                 "at 0.4, lowest 0.2 at epoch 1.")


def test_playground_network_and_ab_sentences():
    r = _pg_run([0.69, 0.5], [0.7, 0.6], [0.5, 0.6], [0.5, 0.75], hidden=(4, 3), classes=3)
    edges = pd.DataFrame({"weight": [-1.234, 0.5, 2.0]})
    assert describe.playground.network(r, edges, None, "en") == ("The 2-4-3-3 net after epoch 1: each unit's output "
                                                                 "over the plane, and 3 weights from -1.2 to 2.")
    assert describe.playground.compared("B", r, "en") == "Run B: 75% of the test points right, test loss 0.6."
    lower = _pg_run([0.69, 0.5], [0.7, 0.3], [0.5, 0.6], [0.5, 0.8])
    assert describe.playground.compared_losses(r, lower, "en") == ("Test loss at the end: A 0.6 (epoch 1), B 0.3 "
                                                                   "(epoch 1); B ends lower.")
    assert describe.playground.compared_losses(r, r, "ko") == ("마지막 테스트 손실: A 0.6(1에포크), B 0.6(1"
                                                               "에포크)로 같습니다.")


def test_playground_editor_counts_the_points_per_class():
    assert describe.playground.editor(np.array([0, 1, 1]), 2, "en") == (
        "The plane to draw on, with 3 points (class 0: 1, class 1: 2). A click adds a point of class 2; a click on a "
        "point removes it.")
    assert describe.playground.editor(np.array([], dtype=int), 0, "ko") == (
        "점을 찍는 평면입니다. 점 0개(0). 클릭하면 클래스 0의 점이 생기고, 점을 클릭하면 지워집니다.")
