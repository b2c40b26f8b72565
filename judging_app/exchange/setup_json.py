"""Setup dataclasses (judging_app.core.setup) to and from plain JSON values, generically:
the keys are the dataclass fields, the types come from their annotations. Used by
competition_file.py, which owns the file envelope and the error type.

Decimals are written as JSON integers when whole and as strings otherwise, and read from
integers, strings or Decimal (the parser's parse_float), never through float."""

from __future__ import annotations

import base64
import binascii
import dataclasses
import difflib
import functools
import json
import types
import typing
from decimal import Decimal
from enum import Enum
from typing import Any

from judging_app.core.enums import SIMPLE_TIE_BREAKS, TIE_BREAK_CRITERION_PREFIX
from judging_app.core.messages import Message, Text
from judging_app.core.numbers import NumberError, parse_decimal
from judging_app.core.plain_text import bad_character
from judging_app.core.setup import ResultRules

NUMBER_LIMIT = Decimal(1_000_000)  # every number's magnitude stays below this
INTEGER_LIMIT = 1_000_000  # and every whole number's (ranks, N of top N, the year, ...)


class FieldProblem(Exception):
    """One value that is wrong, at a JSON path such as 'competition.rounds[0].weight'."""

    def __init__(self, where: str, message: Text) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


class _Recorded(Exception):
    """Something inside this value was wrong and is already in Reader.problems."""


class JsonObject(dict):  # type: ignore[type-arg]
    """A parsed JSON object that remembers keys given twice (json keeps the last silently).
    Pass JsonObject.of as json.loads(object_pairs_hook=...)."""

    duplicates: tuple[str, ...] = ()

    @classmethod
    def of(cls, pairs: list[tuple[str, Any]]) -> JsonObject:
        obj = cls()
        seen: list[str] = []
        for key, value in pairs:
            if key in obj:
                seen.append(key)
            obj[key] = value
        obj.duplicates = tuple(seen)
        return obj


class JsonConstant:
    """NaN / Infinity / -Infinity: Python's json accepts them; pass as parse_constant so that
    they arrive here as a value no field accepts."""

    def __init__(self, name: str) -> None:
        self.name = name


# ---------------------------------------------------------------------------- writing


def dump(value: Any, where: str) -> Any:
    """A setup dataclass (or any value inside one) as plain JSON values."""
    if isinstance(value, Enum):
        return value.value
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return _decimal_out(value, where)
    if isinstance(value, bytes):  # a logo: base64 text
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, tuple | list):
        return [dump(item, f"{where}[{i}]") for i, item in enumerate(value)]
    if dataclasses.is_dataclass(value):
        return {
            name: dump(getattr(value, name), join(where, name)) for name in key_order(type(value))
        }
    raise TypeError(f"{where}: cannot write {type(value).__name__}")


def _decimal_out(value: Decimal, where: str) -> int | str:
    try:
        parse_decimal(value)
    except NumberError as exc:
        raise FieldProblem(where, exc.problem) from None
    if value == value.to_integral_value():
        return int(value)
    return format(value.normalize(), "f")


@functools.cache
def key_order(cls: type) -> tuple[str, ...]:
    """Keys of a setup dataclass as written: field order, each 'x_en' right after 'x',
    lists of nested objects (categories, rounds, criteria, levels, ...) last."""
    names = [f.name for f in dataclasses.fields(cls)]
    hints = _hints(cls)
    nested = [n for n in names if dataclasses.is_dataclass(_item_type(hints[n]))]
    ordered: list[str] = []
    for name in names:
        if name in nested or (name.endswith("_en") and name[:-3] in names):
            continue
        ordered.append(name)
        if f"{name}_en" in names:
            ordered.append(f"{name}_en")
    return tuple(ordered + nested)


# ---------------------------------------------------------------------------- reading


class Reader:
    """Converts parsed JSON to setup dataclasses, collecting every problem it meets in
    `problems` (where, message) instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[tuple[str, Text]] = []

    def load(self, value: Any, cls: type, where: str) -> Any:
        """The dataclass `cls` read from `value`, or None if anything was wrong."""
        try:
            return self.read(value, cls, where)
        except FieldProblem as exc:
            self.problems.append((exc.where, exc.message))
        except _Recorded:
            pass
        return None

    def check_keys(self, obj: dict[str, Any], allowed: tuple[str, ...], where: str) -> bool:
        """Record keys given twice and keys not in `allowed`; True if there were none."""
        ok = True
        for key in getattr(obj, "duplicates", ()):
            self.problems.append((join(where, key), Message("competition_file.twice")))
            ok = False
        for key in obj:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                problem = (Message("competition_file.unknown_key_like", like=show(close[0]))
                           if close else
                           Message("competition_file.unknown_key", allowed=", ".join(allowed)))
                self.problems.append((join(where, key), problem))
                ok = False
        return ok

    def read(self, value: Any, tp: Any, where: str) -> Any:
        origin = typing.get_origin(tp)
        if origin in (types.UnionType, typing.Union):
            if value is None:
                return None
            (tp,) = [arg for arg in typing.get_args(tp) if arg is not type(None)]
            return self.read(value, tp, where)
        if value is None:
            raise FieldProblem(where, Message("competition_file.null"))
        if origin is tuple:
            return self._read_list(value, typing.get_args(tp)[0], where)
        if dataclasses.is_dataclass(tp):
            return self._read_object(value, tp, where)
        if tp is Decimal:
            return _decimal_in(value, where)
        if isinstance(tp, type) and issubclass(tp, Enum):
            allowed = [member.value for member in tp]
            if not isinstance(value, str) or value not in allowed:
                raise FieldProblem(where, Message("competition_file.not_allowed", value=show(value),
                                                  allowed=", ".join(allowed)))
            return tp(value)
        if tp is bool and isinstance(value, bool):
            return value
        if tp is int and isinstance(value, int) and not isinstance(value, bool):
            if abs(value) >= INTEGER_LIMIT:
                raise FieldProblem(where, Message("competition_file.too_large", value=show(value)))
            return value
        if tp is str and isinstance(value, str):
            bad = bad_character(value)
            if bad:
                raise FieldProblem(where, Message("competition_file.bad_character", character=bad))
            return value
        if tp is bytes and isinstance(value, str):  # a logo
            try:
                return base64.b64decode(value, validate=True)
            except (binascii.Error, ValueError):
                raise FieldProblem(where, Message("documents.expected_base64")) from None
        if tp is bytes:
            raise FieldProblem(where, Message("documents.expected_base64"))
        if tp is bool:
            raise FieldProblem(where, Message("competition_file.expected_flag", found=show(value)))
        if tp is int:
            raise FieldProblem(where, Message("competition_file.expected_whole",
                                              found=show(value)))
        raise FieldProblem(where, Message("competition_file.expected_text", found=show(value)))

    def _read_list(self, value: Any, item_type: Any, where: str) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise FieldProblem(where, Message("competition_file.expected_list", found=show(value)))
        items: list[Any] = []
        failed = False
        for i, item in enumerate(value):
            try:
                items.append(self.read(item, item_type, f"{where}[{i}]"))
            except FieldProblem as exc:
                self.problems.append((exc.where, exc.message))
                failed = True
            except _Recorded:
                failed = True
        if failed:
            raise _Recorded
        return tuple(items)

    def _read_object(self, value: Any, cls: type, where: str) -> Any:
        if not isinstance(value, dict):
            raise FieldProblem(where, Message("competition_file.expected_object",
                                              found=show(value)))
        failed = not self.check_keys(value, key_order(cls), where)
        hints = _hints(cls)
        kwargs: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            path = join(where, f.name)
            if f.name not in value:
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                    self.problems.append((path, Message("competition_file.missing")))
                    failed = True
                continue
            try:
                kwargs[f.name] = self.read(value[f.name], hints[f.name], path)
                if cls is ResultRules and f.name == "tie_breaks":
                    self._check_tie_breaks(kwargs[f.name], path)
            except FieldProblem as exc:
                self.problems.append((exc.where, exc.message))
                failed = True
            except _Recorded:
                failed = True
        if failed:
            raise _Recorded
        return cls(**kwargs)

    def _check_tie_breaks(self, names: tuple[str, ...], where: str) -> None:
        allowed = ", ".join([*SIMPLE_TIE_BREAKS, f"{TIE_BREAK_CRITERION_PREFIX}<criterion code>"])
        bad = False
        for i, name in enumerate(names):
            if name not in SIMPLE_TIE_BREAKS and not name.startswith(TIE_BREAK_CRITERION_PREFIX):
                self.problems.append((f"{where}[{i}]", Message(
                    "competition_file.not_allowed", value=show(name), allowed=allowed)))
                bad = True
        if bad:
            raise _Recorded


def _decimal_in(value: Any, where: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        raise FieldProblem(where, Message("competition_file.expected_number", found=show(value)))
    try:
        number = parse_decimal(value)
    except NumberError as exc:
        raise FieldProblem(where, exc.problem) from None
    if abs(number) >= NUMBER_LIMIT:
        raise FieldProblem(where, Message("competition_file.too_large", value=show(value)))
    return number


# ---------------------------------------------------------------------------- helpers


def join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _item_type(tp: Any) -> Any:
    return typing.get_args(tp)[0] if typing.get_origin(tp) is tuple else None


def show(value: Any) -> str:
    """A value as it was written in the file."""
    if isinstance(value, dict):
        return "an object {...}"
    if isinstance(value, list):
        return "a list [...]"
    if isinstance(value, JsonConstant):
        return value.name
    if isinstance(value, Decimal):
        return str(value)
    text = json.dumps(value, ensure_ascii=bool(isinstance(value, str) and bad_character(value)))
    return text if len(text) <= 60 else text[:60] + "…"
