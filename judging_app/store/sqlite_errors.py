"""What SQLite says is wrong with a database file, in words of the message catalogue (its
own texts are English): `sqlite_problem(exc)` for a sqlite3 error, the `detail` of
`database.unreadable` and `database.unreadable_check`."""

from __future__ import annotations

from judging_app.core.messages import Message

# SQLite's texts (sqlite3_errstr) for what a damaged, foreign or unreachable file gives.
_KNOWN = (
    ("file is not a database", Message("database.sqlite.not_a_database")),
    ("database disk image is malformed", Message("database.sqlite.malformed")),
    ("unable to open database file", Message("database.sqlite.cannot_open")),
    ("disk I/O error", Message("database.sqlite.disk")),
    ("database or disk is full", Message("database.sqlite.full")),
    ("attempt to write a readonly database", Message("database.sqlite.read_only")),
    ("database is locked", Message("database.sqlite.locked")),
)


def sqlite_problem(exc: BaseException) -> Message:
    """SQLite's finding as a Message; one it does not name here keeps SQLite's own words."""
    found = str(exc)
    for text, message in _KNOWN:
        if text in found:
            return message
    return Message("database.sqlite.other", detail=found)
