"""What a failure of the database itself means for the person who met it, in one Message:
a missing driver, a URL that names no database, a server that refuses the login or lacks a
privilege, a file that is busy, read-only or full. `explain` returns None for anything it
does not recognise (the caller then treats it as unexpected: a crash log, not a guess)."""

from __future__ import annotations

import re

from judging_app.core.messages import Message

POSTGRES_EXTRA = "judging-app[postgres]"
# PostgreSQL error codes (SQLSTATE)
INSUFFICIENT_PRIVILEGE = "42501"
TRANSIENT = {"40P01", "40001", "55P03"}  # deadlock, serialization failure, lock not available
_DENIED = re.compile(r"permission denied for (schema|table|sequence|database|relation|function)"
                     r" \"?([\w.]+)\"?", re.IGNORECASE)
_STATEMENT_PRIVILEGE = {"select": "SELECT", "insert": "INSERT", "update": "UPDATE",
                        "delete": "DELETE", "create": "CREATE", "alter": "ownership",
                        "drop": "ownership", "truncate": "TRUNCATE"}


def first_line(value: object) -> str:
    text = str(value).strip().splitlines()
    return text[0].strip() if text else ""


def sqlstate(exc: BaseException) -> str | None:
    orig = getattr(exc, "orig", None)
    return getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)


def is_transient(exc: BaseException) -> bool:
    """A deadlock, a serialization failure or a busy SQLite file: worth trying again."""
    if sqlstate(exc) in TRANSIENT:
        return True
    text = str(getattr(exc, "orig", "") or "").lower()
    return "database is locked" in text or "database is busy" in text


def missing_driver(exc: BaseException) -> Message | None:
    """An ImportError of a database driver: which package to install."""
    name = getattr(exc, "name", None) or ""
    if isinstance(exc, ImportError) and name.split(".")[0] in ("psycopg", "psycopg2",
                                                                 "psycopg_binary"):
        return Message("db.no_driver", package=POSTGRES_EXTRA)
    return None


def privilege(exc: BaseException, role: str = "") -> Message | None:
    """A server's 'permission denied': which privilege on what is missing."""
    if sqlstate(exc) != INSUFFICIENT_PRIVILEGE:
        return None
    detail = first_line(getattr(exc, "orig", exc))
    statement = (getattr(exc, "statement", "") or "").lstrip().split(" ", 1)[0].lower()
    found = _DENIED.search(detail)
    kind, name = (found.group(1).lower(), found.group(2)) if found else ("", "")
    if kind == "schema":
        wanted = "CREATE" if statement == "create" else "USAGE"
    elif kind == "database":
        wanted = "CONNECT" if statement not in ("create",) else "CREATE"
    else:
        wanted = _STATEMENT_PRIVILEGE.get(statement, statement.upper() or "?")
    if not found:
        return Message("db.privilege_unknown", role=role or "?", detail=detail)
    return Message("db.privilege", role=role or "?", privilege=wanted, kind=kind, name=name,
                   detail=detail)


_CONNECTION = (  # libpq's and the server's words when a connection is refused
    (re.compile(r'password authentication failed for user "([^"]*)"'),
     lambda n: Message("db_conn.password", name=n)),
    (re.compile(r'database "([^"]*)" does not exist'),
     lambda n: Message("db_conn.no_database", name=n)),
    (re.compile(r'role "([^"]*)" does not exist'),
     lambda n: Message("db_conn.no_login", name=n)),
    (re.compile(r'no pg_hba\.conf entry for host "([^"]*)"'),
     lambda n: Message("db_conn.not_allowed", name=n)),
    (re.compile(r"(?:failed to resolve host|could not translate host name) '?\"?([^'\"]*)"),
     lambda n: Message("db_conn.unknown_host", name=n)),
    (re.compile(r"Connection refused|No such file or directory\s+Is the server running",
                re.IGNORECASE),
     lambda _: Message("db_conn.refused")),
    (re.compile(r"timeout expired|timed out", re.IGNORECASE),
     lambda _: Message("db_conn.timeout")),
    (re.compile(r"server does not support SSL", re.IGNORECASE),
     lambda _: Message("db_conn.no_ssl")),
    (re.compile(r"too many (?:clients|connections)|remaining connection slots",
                re.IGNORECASE),
     lambda _: Message("db_conn.too_many")),
    (re.compile(r"database system is (?:starting up|shutting down|in recovery mode)",
                re.IGNORECASE),
     lambda _: Message("db_conn.not_ready")),
)


def connection_problem(detail: object) -> Message:
    """What libpq or the server said when refusing a connection (English whatever the
    user's language), as a Message; unknown words are kept as a technical detail."""
    text = str(detail)
    for pattern, message in _CONNECTION:
        found = pattern.search(text)
        if found:
            return message(found.group(1) if found.groups() else "")
    return Message("file_detail.technical", detail=first_line(text)[:300])


def explain(exc: BaseException, role: str = "") -> Message | None:
    """One line for a database failure met while working, or None when not recognised."""
    from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

    message = missing_driver(exc)
    if message is not None:
        return message
    if isinstance(exc, NoSuchModuleError | ArgumentError):
        return Message("db.bad_url", detail=first_line(exc))
    if not isinstance(exc, DBAPIError):
        return None
    if is_transient(exc):
        return Message("db.busy")
    message = privilege(exc, role)
    if message is not None:
        return message
    text = str(exc.orig or "").lower()
    state = sqlstate(exc) or ""
    if state.startswith("08") or state in ("28P01", "28000", "3D000", "57P01") or (
            "connection" in text and ("refused" in text or "closed" in text or "lost" in text)):
        return Message("db.connection", detail=connection_problem(exc.orig or ""))
    if "readonly database" in text or "read-only" in text:
        return Message("db.read_only")
    if "disk is full" in text or state == "53100":
        return Message("db.disk_full")
    if "unable to open database file" in text:
        return Message("db.cannot_open_file")
    if "malformed" in text or "not a database" in text or "disk i/o error" in text:
        return Message("db.damaged", detail=first_line(exc.orig))
    return None
