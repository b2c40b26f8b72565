"""Exact numbers: every score, weight and scale bound is a Decimal in the domain and an
integer count of thousandths ("milli") in storage. Floats never enter."""

from __future__ import annotations

import math
import re
from decimal import Decimal
from fractions import Fraction

from judging_app.core.messages import Message

MILLI = 1000
MAX_DECIMALS = 3
MAX_INTEGER_DIGITS = 15  # |value| < 10^15: thousandths stay far inside 64-bit integers
SHOWN_CHARACTERS = 40  # a value quoted in a message is cut after this many characters

# What a person types for a number: ASCII digits, at most one decimal mark (point or comma),
# an optional sign. Nothing else: no exponent, no '_', no grouping, no other scripts' digits.
_PLAIN = re.compile(r"([+-]?)([0-9]*)(?:[.,]([0-9]*))?", re.ASCII)
_EXPONENT = re.compile(r"[+-]?[0-9]*[.,]?[0-9]*[eE][+-]?[0-9]+", re.ASCII)


class NumberError(ValueError):
    """A value that is not an exact decimal with at most three decimals. `problem` is the
    Message saying what is wrong with the value; `what` (optional) names where it was."""

    def __init__(self, problem: Message, what: str = "") -> None:
        self.problem = problem
        self.what = what
        super().__init__(problem)

    def render(self, language: str) -> str:
        text = self.problem.render(language)
        return f"{self.what}: {text}" if self.what else text

    def __str__(self) -> str:
        return self.render("en")


def shown_value(value: object) -> str:
    """A value as it is quoted in a message: its text, cut when very long."""
    text = value if isinstance(value, str) else repr(value) if isinstance(value, float) else str(value)
    text = text.strip()
    if len(text) > SHOWN_CHARACTERS:
        text = text[:SHOWN_CHARACTERS] + "…"
    return text


def _problem(code: str, value: object) -> Message:
    return Message(code, value=shown_value(value))


def _text_problem(text: str) -> Message:
    """Why `text` (stripped, not empty) is not a plain number."""
    if any(ch.isdigit() and not ("0" <= ch <= "9") for ch in text) or any(
            "\uff10" <= ch <= "\uff19" for ch in text):
        return _problem("number.foreign_digits", text)
    if text.lower().lstrip("+-") in ("inf", "infinity", "nan"):
        return _problem("number.not_finite", text)
    if _EXPONENT.fullmatch(text):
        return _problem("number.exponent", text)
    if "_" in text or " " in text or text.count(".") + text.count(",") > 1:
        return _problem("number.separator", text)
    return _problem("number.not_a_number", text)


def _from_text(text: str) -> tuple[int, str, str]:
    """(sign, integer digits, fraction digits) of plain number text, or NumberError."""
    stripped = text.strip(" \t\r\n\u00a0")
    if not stripped:
        raise NumberError(Message("number.empty"))
    match = _PLAIN.fullmatch(stripped)
    if match is None or not (match[2] or match[3]):
        raise NumberError(_text_problem(stripped))
    return (-1 if match[1] == "-" else 1), match[2], match[3] or ""


def _from_decimal(value: Decimal, shown: object) -> tuple[int, str, str]:
    if not value.is_finite():
        raise NumberError(_problem("number.not_finite", shown))
    sign, digits, exponent = value.as_tuple()
    text = "".join(map(str, digits))
    assert isinstance(exponent, int)
    if exponent >= 0:
        if len(text.lstrip("0")) + exponent > MAX_INTEGER_DIGITS:
            raise NumberError(_problem("number.too_large", shown))
        return (-1 if sign else 1), text + "0" * exponent, ""
    if -exponent > 10 * MAX_INTEGER_DIGITS:  # 1E-1000000: no exact decimal worth reading
        raise NumberError(_problem("number.too_many_decimals", shown))
    text = text.rjust(-exponent + 1, "0")
    return (-1 if sign else 1), text[:exponent], text[exponent:]


def _parts(value: object) -> tuple[int, str, str]:
    if isinstance(value, bool):
        raise NumberError(_problem("number.not_a_number", value))
    if isinstance(value, str):
        return _from_text(value)
    if isinstance(value, Decimal):
        return _from_decimal(value, value)
    if isinstance(value, int):
        return _from_decimal(Decimal(value), value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise NumberError(_problem("number.not_finite", value))
        # Only what the float prints as (what a spreadsheet cell shows) is read.
        return _from_decimal(Decimal(repr(value)), value)
    raise NumberError(_problem("number.not_a_number", value))


def _exact_milli(value: object) -> int:
    sign, whole, fraction = _parts(value)
    whole = whole.lstrip("0")
    fraction = fraction.rstrip("0")
    if len(whole) > MAX_INTEGER_DIGITS:
        raise NumberError(_problem("number.too_large", value))
    if len(fraction) > MAX_DECIMALS:
        raise NumberError(_problem("number.too_many_decimals", value))
    return sign * (int(whole or "0") * MILLI + int(fraction.ljust(MAX_DECIMALS, "0")))


def parse_decimal(value: object, what: str = "") -> Decimal:
    """A number typed, read from a file or given in code, as an exact Decimal: plain ASCII
    digits with at most one decimal mark ('3.5', or the Indonesian '3,5'), at most three
    decimals, below 10^15. Refused with NumberError (never rounded): other scripts' digits
    ('٤', '４'), exponents ('1e309'), separators ('3_7.5', '1.234,5'), more decimals
    ('37.5000000000000000000000000001'), non-finite values. Floats are read as they print."""
    try:
        return from_milli(_exact_milli(value))
    except NumberError as exc:
        raise NumberError(exc.problem, what) from None


def to_milli(value: Decimal | int | str | float) -> int:
    """A value -> integer thousandths, exactly (the rules of `parse_decimal`)."""
    return _exact_milli(value)


def from_milli(milli: int) -> Decimal:
    """Integer thousandths -> Decimal, normalised without exponent notation."""
    d = Decimal(milli) / MILLI
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()


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
