"""Exact numbers: every score, weight and scale bound is a Decimal in the domain and an
integer count of thousandths ("milli") in storage. Floats never enter."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from fractions import Fraction

from judging_app.core.messages import Message, MessageError

MILLI = 1000
MAX_DECIMALS = 3


class NumberError(MessageError, ValueError):
    """A value that is not an exact decimal with at most three decimals (a Message: rendered
    in the user's language by whoever shows it; str() is English)."""


def _shown(value: object) -> str:
    """The value as the user typed it: text in quotes, numbers as they are."""
    return f"'{value}'" if isinstance(value, str) else str(value)


def _refused(problem: Message, what: str) -> NumberError:
    return NumberError(Message("numbers.at", where=what, problem=problem) if what else problem)


def parse_decimal(value: object, what: str = "") -> Decimal:
    """Parse user text or a number into a Decimal; accepts '3,5' (Indonesian comma).
    `what` (a field's name or place) starts the message when given."""
    if isinstance(value, bool):
        raise _refused(Message("numbers.not_a_number", value=_shown(value)), what)
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        # Only floats that print exactly (e.g. read from a spreadsheet cell) are accepted.
        result = Decimal(repr(value))
    elif isinstance(value, str):
        text = value.strip().replace(",", ".")
        if not text:
            raise _refused(Message("numbers.empty"), what)
        try:
            result = Decimal(text)
        except InvalidOperation:
            raise _refused(Message("numbers.not_a_number", value=_shown(value)), what) from None
    else:
        raise _refused(Message("numbers.not_a_number", value=_shown(value)), what)
    if not result.is_finite():
        raise _refused(Message("numbers.not_finite", value=_shown(value)), what)
    exponent = result.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MAX_DECIMALS:
        raise _refused(Message("numbers.too_many_decimals", value=_shown(value),
                               places=MAX_DECIMALS), what)
    return result


def to_milli(value: Decimal | int | str) -> int:
    """Decimal -> integer thousandths, exactly (refuses more than three decimals)."""
    d = parse_decimal(value)
    scaled = d * MILLI
    if scaled != scaled.to_integral_value():
        raise NumberError(Message("numbers.too_many_decimals", value=_shown(value),
                                  places=MAX_DECIMALS))
    return int(scaled)


def from_milli(milli: int) -> Decimal:
    """Integer thousandths -> Decimal, normalised without exponent notation."""
    d = Decimal(milli) / MILLI
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()


def scale_problem(milli: int, lo: int, hi: int, step: int) -> Message | None:
    """What is wrong with a score (in thousandths) on the scale lo..hi by step; None if
    nothing."""
    if not lo <= milli <= hi:
        return Message("sheets.outside_scale", value=from_milli(milli), low=from_milli(lo),
                       high=from_milli(hi))
    if (milli - lo) % step:
        return Message("sheets.off_step", value=from_milli(milli), step=from_milli(step))
    return None


def as_fraction(value: Decimal | int) -> Fraction:
    return Fraction(value)


def format_decimal(value: Decimal | Fraction, places: int = 2) -> str:
    """Round half up to `places` decimals for display; comparison never uses this."""
    num, den = value.as_integer_ratio()  # integers only: 30,000 rows per export
    scaled = num * 10**places  # the value × 10^places is scaled / den
    sign = -1 if scaled < 0 else 1
    rounded = (abs(scaled) * 2 + den) // (2 * den)
    digits = str(rounded).rjust(places + 1, "0")
    text = digits[:-places] + "." + digits[-places:] if places else digits
    return ("-" if sign < 0 and rounded else "") + text


def exact_text(value: Fraction) -> str:
    """A Fraction as an exact decimal when it has one ('68.25'), else as 'p/q' ('205/3')."""
    num, full_den = value.as_integer_ratio()  # reduced, denominator > 0
    den = full_den
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    if den != 1:
        return f"{num}/{full_den}"
    places = max(twos, fives)
    if places == 0:
        return str(num)
    scaled = num * 10**places // full_den  # exact: full_den divides 10**places
    sign = "-" if scaled < 0 else ""
    digits = str(abs(scaled)).rjust(places + 1, "0")
    return f"{sign}{digits[:-places]}.{digits[-places:]}"
