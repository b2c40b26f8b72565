"""What a score field lets a judge type: exactly the values on the criterion's scale, with
either decimal separator; every prefix of such a value can be typed, nothing else can."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from judging_app.exchange.judge_package_fields import RubricCriterion
from judging_app.ui.judge.scale import ScaleRule, Typed, show


def rule(lo, hi, step) -> ScaleRule:
    return ScaleRule(RubricCriterion("A", "Kebaruan", D(40), D(lo), D(hi), D(step)))


ONE_TO_FIVE = rule(1, 5, 1)
HALVES = rule(1, 5, "0.5")
HUNDRED = rule(0, 100, 1)


@pytest.mark.parametrize("r, text, expected", [
    (ONE_TO_FIVE, "", Typed.INTERMEDIATE),
    (ONE_TO_FIVE, "4", Typed.ACCEPTABLE),
    (ONE_TO_FIVE, "7", Typed.INVALID),
    (ONE_TO_FIVE, "0", Typed.INVALID),
    (ONE_TO_FIVE, "10", Typed.INVALID),
    (ONE_TO_FIVE, "4,", Typed.INTERMEDIATE),  # "4,0" is still 4
    (ONE_TO_FIVE, "4,5", Typed.INVALID),
    (ONE_TO_FIVE, "-1", Typed.INVALID),
    (ONE_TO_FIVE, "a", Typed.INVALID),
    (HALVES, "3,5", Typed.ACCEPTABLE),
    (HALVES, "3.5", Typed.ACCEPTABLE),
    (HALVES, "3.", Typed.INTERMEDIATE),
    (HALVES, "3.2", Typed.INVALID),
    (HALVES, "3.25", Typed.INVALID),
    (HALVES, "3.50", Typed.ACCEPTABLE),
    (HALVES, "3.500", Typed.ACCEPTABLE),
    (HALVES, "3.5000", Typed.INVALID),  # more than three decimals
    (HALVES, "5.5", Typed.INVALID),
    (HALVES, ",5", Typed.INVALID),  # 0.5 is below the scale
    (HUNDRED, "0", Typed.ACCEPTABLE),
    (HUNDRED, "1", Typed.ACCEPTABLE),
    (HUNDRED, "100", Typed.ACCEPTABLE),
    (HUNDRED, "101", Typed.INVALID),
    (HUNDRED, "1000", Typed.INVALID),
    (HUNDRED, "05", Typed.INVALID),  # no leading zeros
    (HUNDRED, "85,5", Typed.INVALID),
    (rule(0, 1, "0.25"), "0,", Typed.INTERMEDIATE),
    (rule(0, 1, "0.25"), "0,2", Typed.INTERMEDIATE),
    (rule(0, 1, "0.25"), "0,25", Typed.ACCEPTABLE),
    (rule(0, 1, "0.25"), "0,3", Typed.INVALID),
    (rule(60, 100, 10), "6", Typed.INTERMEDIATE),
    (rule(60, 100, 10), "65", Typed.INVALID),
    (rule(60, 100, 10), "1", Typed.INTERMEDIATE),
    (rule(60, 100, 10), "2", Typed.INVALID),
])
def test_classify(r, text, expected):
    assert r.classify(text) == expected


def test_value_and_stepping():
    assert HALVES.value("3,5") == D("3.5")
    assert HALVES.value("3.25") is None
    assert HALVES.value("") is None
    assert HALVES.stepped("", 1) == D(1)
    assert HALVES.stepped("", -1) == D(5)
    assert HALVES.stepped("3", 1) == D("3.5")
    assert HALVES.stepped("5", 1) == D(5)
    assert HALVES.stepped("1", -1) == D(1)
    assert HALVES.stepped("3,", 1) == D("3.5")
    assert show(D("3.5"), ",") == "3,5"
    assert show(D(4), ",") == "4"
    assert show(None) == ""
    assert HALVES.range_text(",") == "1–5"


scales = st.sampled_from([(1, 5, "1"), (1, 5, "0.5"), (0, 100, "1"), (0, 10, "0.25"),
                          (60, 100, "10"), (1, 4, "0.001"), (0, 1, "0.125")])


@settings(max_examples=300, deadline=None)
@given(scales, st.data())
def test_every_value_on_the_scale_can_be_typed_key_by_key(scale, data):
    lo, hi, step = scale
    r = rule(lo, hi, step)
    n = int((D(hi) - D(lo)) / D(step))
    value = D(lo) + data.draw(st.integers(0, n)) * D(step)
    text = show(value, data.draw(st.sampled_from([",", "."])))
    for i in range(1, len(text)):
        assert r.classify(text[:i]) != Typed.INVALID, (text, i)
    assert r.classify(text) == Typed.ACCEPTABLE
    assert r.value(text) == value


@settings(max_examples=500, deadline=None)
@given(scales, st.text(alphabet="0123456789,.-", max_size=7))
def test_an_acceptable_text_is_always_a_value_on_the_scale(scale, text):
    r = rule(*scale)
    state = r.classify(text)
    if state == Typed.ACCEPTABLE:
        value = r.value(text)
        assert value is not None and D(scale[0]) <= value <= D(scale[1])
        assert (value - D(scale[0])) % D(scale[2]) == 0
    elif state == Typed.INVALID:
        # a refused keystroke was right to be refused: nothing typed after it gives a value
        for tail in ("0", "5", ",5", "00", ".25"):
            assert r.classify(text + tail) != Typed.ACCEPTABLE, (text, tail)
