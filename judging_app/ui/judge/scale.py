"""What a score field accepts, without Qt: a criterion's scale (min, max, step) as a rule
that says of any typed text whether it is a score on the scale (acceptable), could still
become one by typing more (intermediate), or never can (refused, so the keystroke is
rejected). The exact check of a finished value is the exchange layer's `check_score`, the
same rule the database and the secretariat's import apply.

Both decimal separators are accepted ("3,5" and "3.5"); values are shown with the
separator of the interface language.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from decimal import Decimal

from judging_app.core.numbers import MAX_DECIMALS, MILLI, from_milli, to_milli
from judging_app.exchange.judge_package_draft import DraftError, check_score
from judging_app.exchange.judge_package_fields import RubricCriterion, dec_text

_TYPED = re.compile(r"(\d*)(?:([.,])(\d*))?")


class Typed(enum.Enum):
    ACCEPTABLE = "acceptable"
    INTERMEDIATE = "intermediate"
    INVALID = "invalid"


@dataclass(frozen=True)
class ScaleRule:
    criterion: RubricCriterion

    @property
    def bounds(self) -> tuple[int, int, int]:
        c = self.criterion
        return to_milli(c.scale_min), to_milli(c.scale_max), to_milli(c.scale_step)

    def value(self, text: str) -> Decimal | None:
        """The score the text means, or None when it is not one on the scale."""
        if not text.strip():
            return None
        try:
            return check_score(self.criterion, text.strip())
        except DraftError:
            return None

    def classify(self, text: str) -> Typed:
        """Whether typed text is a score, may become one, or never can."""
        if text == "":
            return Typed.INTERMEDIATE
        match = _TYPED.fullmatch(text)
        if match is None:
            return Typed.INVALID
        whole, sep, frac = match.group(1), match.group(2), match.group(3) or ""
        if (not whole and not sep) or len(frac) > MAX_DECIMALS:
            return Typed.INVALID
        if len(whole) > 1 and whole.startswith("0"):
            return Typed.INVALID  # no leading zeros: "05" is refused, "0,5" is fine
        if whole and self.value(text) is not None and not (sep and not frac):
            return Typed.ACCEPTABLE
        return Typed.INTERMEDIATE if self._reachable(whole, sep, frac) else Typed.INVALID

    def _reachable(self, whole: str, sep: str | None, frac: str) -> bool:
        """Whether typing more characters after this text can give a score on the scale."""
        lo, hi, _ = self.bounds
        if sep:  # the whole part is fixed; the rest of the fraction is free
            base = int(whole or "0") * MILLI + int(frac.ljust(MAX_DECIMALS, "0") or "0")
            return self._any_between(base, base + 10 ** (MAX_DECIMALS - len(frac)) - 1)
        if not whole:
            return self._any_between(lo, hi)
        start, width = int(whole), 1
        while start * MILLI <= hi:
            # more digits make whole numbers start·10^k … start·10^k + 10^k − 1
            if self._any_between(start * MILLI, (start + width) * MILLI - 1):
                return True
            if whole == "0":
                return False
            start, width = start * 10, width * 10
        return False

    def _any_between(self, low: int, high: int) -> bool:
        """Whether a value of the scale lies in [low, high] (thousandths)."""
        lo, hi, step = self.bounds
        low, high = max(low, lo), min(high, hi)
        if low > high:
            return False
        first = lo + -(-(low - lo) // step) * step
        return first <= high

    def stepped(self, text: str, steps: int) -> Decimal:
        """The value `steps` steps up (or down) from the typed one, kept on the scale; from
        an empty or unfinished field, Up starts at the minimum and Down at the maximum."""
        lo, hi, step = self.bounds
        current = self.value(text)
        start = lo if steps > 0 else hi  # from an empty field
        milli = start if current is None else to_milli(current) + steps * step
        return from_milli(min(hi, max(lo, milli)))

    def range_text(self, decimal_point: str = ".") -> str:
        c = self.criterion
        return f"{show(c.scale_min, decimal_point)}–{show(c.scale_max, decimal_point)}"


def show(value: Decimal | None, decimal_point: str = ".") -> str:
    """A score as people type it: '3,5' with an Indonesian decimal comma; '' for none."""
    if value is None:
        return ""
    return dec_text(value).replace(".", decimal_point)
