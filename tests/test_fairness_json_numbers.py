"""The fairness JSON's rounded statistics: rounded half up to 2 or 4 places, written as the
nearest float, for exact fractions and for the float statistics alike."""

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from judging_app.core.numbers import format_decimal
from judging_app.services.fairness_json import rounded_number

values = (st.fractions(max_denominator=10**6).filter(lambda v: abs(v) < 10**9)
          | st.floats(-1e6, 1e6) | st.integers(-1000, 1000).map(lambda n: Fraction(n, 8000)))


@settings(max_examples=500, deadline=None)
@given(values, st.sampled_from([2, 4]))
def test_rounded_number_is_the_displayed_decimal_as_a_float(value, places):
    expected = float(format_decimal(Fraction(value), places))
    assert repr(rounded_number(value, places)) == repr(expected)


def test_halves_round_away_from_zero():
    assert rounded_number(Fraction(1, 8), 2) == 0.13
    assert rounded_number(Fraction(-1, 8), 2) == -0.13
    assert repr(rounded_number(Fraction(-1, 1000), 2)) == "0.0"
    assert rounded_number(None) is None
