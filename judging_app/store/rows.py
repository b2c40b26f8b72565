"""Plain SQL on the database driver's own connection, rows as tuples.

Reads that handle tens of thousands of rows (results) go through a `RowReader`: either the
driver connection under a SQLAlchemy session (same transaction, pending ORM changes flushed
first), or, for a read-only command on an up-to-date SQLite file, a `sqlite3` connection
opened read-only without importing SQLAlchemy at all (`open_sqlite_reader`): starting
SQLAlchemy costs more than the whole results computation of a large competition.

SQL is written once with `:name` parameters (sqlite3's style) and rewritten for psycopg.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

_NAMED = re.compile(r"(?<!:):(\w+)")


class RowReader:
    def __init__(self, connection: Any, dialect: str, owned: bool = False,
                 driver_error: type[Exception] | None = None) -> None:
        self._connection = connection
        self.dialect = dialect
        self._owned = owned
        # under a session, the driver's errors are raised as SQLAlchemy's (DBAPIError with
        # the statement and the driver's exception), exactly as a statement sent through
        # SQLAlchemy raises them: callers tell a deadlock or a busy file (services/retry)
        # and a missing privilege (store/db_errors) from those
        self._driver_error = driver_error

    @classmethod
    def of_session(cls, session: Any) -> RowReader:
        session.flush()
        connection = session.connection()
        return cls(connection.connection.driver_connection, connection.dialect.name,
                   driver_error=connection.dialect.loaded_dbapi.Error)

    def _execute(self, sql: str, params: Mapping[str, Any] | Sequence[Any] | None,
                 fetch: bool) -> list[tuple]:
        """Named parameters (`:name`, a mapping) or, for long lists of values, positional
        ones (`?`, a sequence: cheaper to bind than as many names)."""
        if self.dialect != "sqlite":
            sql = _NAMED.sub(r"%(\1)s", sql) if isinstance(params, Mapping | None) \
                else sql.replace("?", "%s")
        cursor = self._connection.cursor()
        try:
            cursor.execute(sql, params or {})
            return cursor.fetchall() if fetch else []
        except Exception as exc:
            if self._driver_error is None or not isinstance(exc, self._driver_error):
                raise
            from sqlalchemy.exc import DBAPIError

            raise DBAPIError.instance(sql, params, exc, self._driver_error) from exc
        finally:
            cursor.close()

    def all(self, sql: str, params: Mapping[str, Any] | Sequence[Any] | None = None
            ) -> list[tuple]:
        return self._execute(sql, params, fetch=True)

    def run(self, sql: str, params: Mapping[str, Any] | Sequence[Any] | None = None) -> None:
        """A statement that returns no rows (INSERT, UPDATE), in the same way."""
        self._execute(sql, params, fetch=False)

    def one(self, sql: str, params: Mapping[str, Any] | Sequence[Any] | None = None
            ) -> tuple | None:
        rows = self.all(sql, params)
        return rows[0] if rows else None

    def column(self, sql: str, params: Mapping[str, Any] | None = None) -> list:
        return [r[0] for r in self.all(sql, params)]

    def close(self) -> None:
        if self._owned:
            self._connection.close()


def marks(count: int) -> str:
    """`?, ?, …` for `count` positional parameters."""
    return ", ".join(["?"] * count)


def in_list(name: str, values: Sequence[Any]) -> tuple[str, dict[str, Any]]:
    """`IN (:name0, :name1, ...)` and its parameters (callers keep lists short)."""
    params = {f"{name}{i}": v for i, v in enumerate(values)}
    return "IN (" + ", ".join(f":{k}" for k in params) + ")", params


def open_sqlite_reader(path: Path) -> RowReader | None:
    """A connection for reading an existing SQLite file that is already at this version's
    schema; None for anything else (not there, not SQLite, another schema, a hot journal
    to recover...), which the caller then opens the full way, with its checks, messages and
    migrations."""
    import sqlite3

    from judging_app.store.schema_version import SCHEMA_HEAD

    path = Path(path)
    if not path.is_file() or Path(f"{path}-journal").exists():
        return None
    try:
        # mode=rw (never creates; read-only media open read-only): as the last connection
        # it checkpoints and removes the -wal/-shm side files on closing, as the app does.
        # Nothing is written through it.
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True)
    except sqlite3.Error:
        return None
    try:
        connection.isolation_level = None  # transactions as written below
        connection.execute("PRAGMA busy_timeout = 5000")
        # One read transaction for the whole command: every query sees the same moment,
        # even while judges keep submitting through the app.
        connection.execute("BEGIN")
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except (sqlite3.Error, TypeError):
        connection.close()
        return None
    if revision != SCHEMA_HEAD:
        connection.close()
        return None
    return RowReader(connection, "sqlite", owned=True)
