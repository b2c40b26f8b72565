"""What Python's JSON parser found wrong, in words of the message catalogue (its own texts
are English): `json_problem(exc)` for a JSONDecodeError."""

from __future__ import annotations

import json

from judging_app.core.messages import Message


def json_problem(exc: json.JSONDecodeError) -> Message:
    """The parser's finding as a Message (a fixed set; anything else in general words)."""
    found = exc.msg
    if found == "Expecting value":
        return Message("json.expecting_value")
    if found == "Expecting property name enclosed in double quotes":
        return Message("json.expecting_name")
    if found == "Expecting ':' delimiter":
        return Message("json.expecting_colon")
    if found == "Expecting ',' delimiter":
        return Message("json.expecting_comma")
    if found.startswith("Unterminated string"):
        return Message("json.unterminated_string")
    if found.startswith("Invalid control character"):
        return Message("json.control_character")
    if found.startswith("Invalid \\"):
        return Message("json.bad_escape")
    if found == "Extra data":
        return Message("json.extra_data")
    return Message("json.other")
