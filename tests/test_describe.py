"""Text alternatives of charts: the sentence says the numbers the chart draws, in both languages."""

import math

import pytest

from nnviz import describe


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


def test_two_significant_digits_and_no_empty_curve():
    assert [describe.number(v) for v in (0.693147, 0.006123, 12.34, 1e-5)] == ["0.69", "0.0061", "12", "1e-05"]
    with pytest.raises(ValueError, match="at least one value"):
        describe.loss_curve([], "en")
