"""A judge's total: Σ weight × score / max, exactly, and the integer form the database uses."""

from decimal import Decimal as D
from fractions import Fraction as F

import pytest
from hypothesis import given
from hypothesis import strategies as st

from judging_app.core.scoring import (
    CriterionInfo,
    RoundData,
    RoundInfo,
    SheetScores,
    SheetTotals,
    round_denominator,
    sheet_numerator,
    sheet_total,
)


def crit(cid: int, weight: str, scale_max: str) -> CriterionInfo:
    return CriterionInfo(cid, f"c{cid}", D(weight), D(scale_max), cid)


def test_weights_40_60_on_a_1_to_5_scale():
    criteria = [crit(1, "40", "5"), crit(2, "60", "5")]
    # 40 × 4/5 + 60 × 3/5 = 32 + 36 = 68
    assert sheet_total(criteria, {1: D(4), 2: D(3)}) == 68


def test_mixed_scales_and_decimal_scores():
    criteria = [crit(1, "30", "5"), crit(2, "70", "100")]
    # 30 × 3.5/5 + 70 × 82.5/100 = 21 + 57.75 = 78.75
    assert sheet_total(criteria, {1: D("3.5"), 2: D("82.5")}) == F(7875, 100)


def test_a_scale_of_three_gives_thirds_exactly():
    criteria = [crit(1, "50", "3"), crit(2, "50", "7")]
    # 50 × 2/3 + 50 × 5/7 = 100/3 + 250/7 = (700 + 750)/21 = 1450/21 (not a float)
    assert sheet_total(criteria, {1: D(2), 2: D(5)}) == F(1450, 21)


def test_on_a_0_to_100_scale_the_total_is_sum_of_score_times_weight():
    # KIPP-like weights 10/15/5/30/20/5/15 (Ringkasan weight 0 counts nothing)
    weights = ["0", "10", "15", "5", "30", "20", "5", "15"]
    criteria = [crit(i, w, "100") for i, w in enumerate(weights)]
    scores = {i: D(80 + i) for i in range(8)}  # 80, 81, ..., 87
    # 0.10×81 + 0.15×82 + 0.05×83 + 0.30×84 + 0.20×85 + 0.05×86 + 0.15×87
    # = 8.1 + 12.3 + 4.15 + 25.2 + 17 + 4.3 + 13.05 = 84.1
    assert sheet_total(criteria, scores) == F(841, 10)


def test_integer_form_matches_the_reference_definition():
    criteria = [crit(1, "50", "3"), crit(2, "50", "7")]
    scores = {1: D(2), 2: D(5)}
    # L = lcm(3000, 7000) = 21000; denominator = 1000 × 21000
    assert round_denominator(criteria) == 21_000_000
    # 50000 × 2000 × 7 + 50000 × 5000 × 3 = 700_000_000 + 750_000_000
    assert sheet_numerator(criteria, scores) == 1_450_000_000
    assert F(1_450_000_000, 21_000_000) == F(1450, 21)


def test_missing_criterion_score_is_an_error():
    with pytest.raises(ValueError, match="c2"):
        sheet_total([crit(1, "50", "5"), crit(2, "50", "5")], {1: D(3)})


scale_maxes = st.sampled_from(["3", "4", "5", "7", "10", "100", "2.5", "0.3"])


@st.composite
def criteria_and_scores(draw):
    n = draw(st.integers(1, 6))
    maxes = [D(draw(scale_maxes)) for _ in range(n)]
    weights = [D(draw(st.integers(0, 100_000))) / 1000 for _ in range(n)]
    criteria = [CriterionInfo(i, f"c{i}", weights[i], maxes[i], i) for i in range(n)]
    scores = {i: maxes[i] * draw(st.integers(0, 1000)) / 1000 for i in range(n)}
    scores = {i: s.quantize(D("0.001")) for i, s in scores.items()}
    return criteria, scores


@given(criteria_and_scores())
def test_numerator_over_denominator_equals_sheet_total(case):
    criteria, scores = case
    assert F(sheet_numerator(criteria, scores), round_denominator(criteria)) == sheet_total(
        criteria, scores
    )


def test_round_from_sheets_and_from_fractions_agree():
    criteria = (crit(1, "40", "5"), crit(2, "60", "5"))
    r = RoundInfo(7, "presentasi", 1, D(100), criteria)
    sheets = [
        SheetScores(7, 1, 10, {1: D(4), 2: D(3)}),  # 68
        SheetScores(7, 2, 10, {1: D(5), 2: D(5)}),  # 100
        SheetScores(99, 2, 10, {1: D(5), 2: D(5)}),  # another round: ignored
    ]
    data = RoundData.from_sheets(r, sheets)
    totals = {(e, j): F(x, data.totals.denominator) for e, j, x in data.totals.rows}
    assert totals == {(10, 1): 68, (10, 2): 100}
    assert data.expected_sheets == {10: 2}
    again = SheetTotals.from_fractions([(10, 1, F(68)), (10, 2, F(1, 3))])
    assert {(e, j): F(x, again.denominator) for e, j, x in again.rows} == {
        (10, 1): 68,
        (10, 2): F(1, 3),
    }
