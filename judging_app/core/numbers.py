"""Exact numbers: every score, weight and scale bound is a Decimal in the domain and an
integer count of thousandths ("milli") in storage. Floats never enter."""

from __future__ import annotations

import functools
import math
import re
from decimal import Decimal
from fractions import Fraction

from judging_app.core.messages import Message, MessageError

MILLI = 1000
MAX_DECIMALS = 3
MAX_INTEGER_DIGITS = 15  # |value| < 10^15: thousandths stay far inside 64-bit integers
SHOWN_CHARACTERS = 40  # a value quoted in a message is cut after this many characters

# What a person types for a number: ASCII digits, at most one decimal mark (point or comma),
# an optional sign. Nothing else: no exponent, no '_', no grouping, no other scripts' digits.
_PLAIN = re.compile(r"([+-]?)([0-9]*)(?:[.,]([0-9]*))?", re.ASCII)
_EXPONENT = re.compile(r"[+-]?[0-9]*[.,]?[0-9]*[eE][+-]?[0-9]+", re.ASCII)


class NumberError(MessageError, ValueError):
    """A value that is not an exact decimal with at most three decimals (a Message: rendered
    in the user's language by whoever shows it; str() is English). `problem` is what is
    wrong with the value, without the place `what` named."""

    def __init__(self, message: Message, problem: Message | None = None) -> None:
        super().__init__(message)
        self.problem = problem or message


def _shown(value: object) -> str:
    """The value as the user typed it: text in quotes (cut when very long), numbers as they
    are."""
    text = value if isinstance(value, str) else repr(value) if isinstance(value, float) else \
        str(value)
    text = text.strip()
    if len(text) > SHOWN_CHARACTERS:
        text = text[:SHOWN_CHARACTERS] + "…"
    return f"'{text}'" if isinstance(value, str) else text


def _refused(problem: Message, what: str) -> NumberError:
    return NumberError(Message("numbers.at", where=what, problem=problem) if what else problem,
                       problem)


_PROBLEMS = {  # code -> the Message for a shown value (literal codes: tests/test_messages.py)
    "numbers.foreign_digits": lambda shown: Message("numbers.foreign_digits", value=shown),
    "numbers.not_finite": lambda shown: Message("numbers.not_finite", value=shown),
    "numbers.exponent": lambda shown: Message("numbers.exponent", value=shown),
    "numbers.separator": lambda shown: Message("numbers.separator", value=shown),
    "numbers.not_a_number": lambda shown: Message("numbers.not_a_number", value=shown),
    "numbers.too_large": lambda shown: Message("numbers.too_large", value=shown),
    "numbers.too_many_decimals": lambda shown: Message(
        "numbers.too_many_decimals", value=shown, places=MAX_DECIMALS),
}


def _problem(code: str, value: object) -> NumberError:
    return NumberError(_PROBLEMS[code](_shown(value)))


def _text_problem(text: str) -> NumberError:
    """Why `text` (stripped, not empty) is not a plain number."""
    if any(ch.isdigit() and not ("0" <= ch <= "9") for ch in text):
        return _problem("numbers.foreign_digits", text)
    if text.lower().lstrip("+-") in ("inf", "infinity", "nan"):
        return _problem("numbers.not_finite", text)
    if _EXPONENT.fullmatch(text):
        return _problem("numbers.exponent", text)
    if "_" in text or " " in text or text.count(".") + text.count(",") > 1:
        return _problem("numbers.separator", text)
    return _problem("numbers.not_a_number", text)


def _from_text(text: str) -> tuple[int, str, str]:
    """(sign, integer digits, fraction digits) of plain number text, or NumberError."""
    stripped = text.strip(" \t\r\n\u00a0")
    if not stripped:
        raise NumberError(Message("numbers.empty"))
    match = _PLAIN.fullmatch(stripped)
    if match is None or not (match[2] or match[3]):
        raise _text_problem(stripped)
    return (-1 if match[1] == "-" else 1), match[2], match[3] or ""


def _from_decimal(value: Decimal, shown: object) -> tuple[int, str, str]:
    if not value.is_finite():
        raise _problem("numbers.not_finite", shown)
    sign, digits, exponent = value.as_tuple()
    text = "".join(map(str, digits))
    assert isinstance(exponent, int)
    if exponent >= 0:
        if len(text.lstrip("0")) + exponent > MAX_INTEGER_DIGITS:
            raise _problem("numbers.too_large", shown)
        return (-1 if sign else 1), text + "0" * exponent, ""
    if -exponent > 10 * MAX_INTEGER_DIGITS:  # 1E-1000000: no exact decimal worth reading
        raise _problem("numbers.too_many_decimals", shown)
    text = text.rjust(-exponent + 1, "0")
    return (-1 if sign else 1), text[:exponent], text[exponent:]


def _parts(value: object) -> tuple[int, str, str]:
    if isinstance(value, bool):
        raise _problem("numbers.not_a_number", value)
    if isinstance(value, str):
        return _from_text(value)
    if isinstance(value, Decimal):
        return _from_decimal(value, value)
    if isinstance(value, int):
        return _from_decimal(Decimal(value), value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _problem("numbers.not_finite", value)
        # Only what the float prints as (what a spreadsheet cell shows) is read.
        return _from_decimal(Decimal(repr(value)), value)
    raise _problem("numbers.not_a_number", value)


@functools.lru_cache(maxsize=4096, typed=True)  # scores repeat: a few hundred values
def _exact_milli(value: object) -> int:
    sign, whole, fraction = _parts(value)
    whole = whole.lstrip("0")
    fraction = fraction.rstrip("0")
    if len(whole) > MAX_INTEGER_DIGITS:
        raise _problem("numbers.too_large", value)
    if len(fraction) > MAX_DECIMALS:
        raise _problem("numbers.too_many_decimals", value)
    return sign * (int(whole or "0") * MILLI + int(fraction.ljust(MAX_DECIMALS, "0")))


def parse_decimal(value: object, what: str = "") -> Decimal:
    """A number typed, read from a file or given in code, as an exact Decimal: plain ASCII
    digits with at most one decimal mark ('3.5', or the Indonesian '3,5'), at most three
    decimals, below 10^15. Refused with NumberError (never rounded): other scripts' digits
    ('٤', '４'), exponents ('1e309'), separators ('3_7.5', '1.234,5'), more decimals
    ('37.5000000000000000000000000001'), non-finite values. Floats are read as they print.
    `what` (a field's name or place) starts the message when given."""
    try:
        return from_milli(_exact_milli(value))
    except NumberError as exc:
        raise _refused(exc.problem, what) from None


def to_milli(value: Decimal | int | str | float) -> int:
    """A value -> integer thousandths, exactly (the rules of `parse_decimal`)."""
    return _exact_milli(value)


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
