"""Opening a database: SQLite file by default, any SQLAlchemy URL (PostgreSQL supported).

Opening checks before it writes anything: a file that is not an SQLite database, a damaged
one, an SQLite database that is not ours, or one made by a newer version of the app is
refused with a clear message and left untouched. An older schema is copied aside, then
migrated. The engine is injected everywhere (no global), so each test has its own database.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from judging_app.core.messages import Message, MessageError
from judging_app.store import db_errors
from judging_app.store.paths import default_database_path  # noqa: F401 (the callers' name)
from judging_app.store.schema_version import KNOWN_REVISIONS, SCHEMA_HEAD

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 15000


class DatabaseOpenError(MessageError):
    """The database cannot be opened; the message says why and what to do."""


class NotADatabaseError(DatabaseOpenError):
    pass


class DamagedDatabaseError(DatabaseOpenError):
    pass


class NewerDatabaseError(DatabaseOpenError):
    pass


def resolve_target(target: str | Path | None) -> URL:
    """A file path means SQLite; text containing '://' is a SQLAlchemy URL; None the default."""
    if target is None:
        target = default_database_path()
    if isinstance(target, str) and "://" in target:
        try:
            url = make_url(target)
        except Exception as exc:  # sqlalchemy.exc.ArgumentError and friends
            raise DatabaseOpenError(Message("db.bad_url", detail=db_errors.first_line(exc))) \
                from None
        if url.drivername in ("postgresql", "postgres"):  # the psycopg 3 driver we install
            url = url.set(drivername="postgresql+psycopg")
        return url
    path = Path(target).expanduser().resolve()
    return URL.create("sqlite+pysqlite", database=str(path))


def _sqlite_path(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def _on_sqlite_connect(dbapi_connection, _record) -> None:
    # Take over transaction control from the driver (see the "begin" listener).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    # Deleted and replaced content is overwritten, not left in free pages: a copy of the
    # file must not hold a secret or a password hash the app has already removed.
    cursor.execute("PRAGMA secure_delete = ON")
    cursor.close()


def _on_sqlite_begin(connection) -> None:
    # Writers take the write lock up front, so two writers wait for each other (busy
    # timeout) instead of failing when a read transaction tries to become a write.
    mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


def build_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except Exception as exc:  # no such dialect, the driver not installed
        message = db_errors.explain(exc)
        if message is None:
            raise
        raise DatabaseOpenError(message) from exc


@dataclass
class Database:
    """An open, migrated database. `read()` and `write()` hand out sessions that return
    detached plain data to callers (repositories convert rows before the session ends)."""

    url: URL
    engine: Engine
    backup_path: Path | None = None  # where the pre-migration copy went, if one was made

    def __post_init__(self) -> None:
        write_engine = read_engine = self.engine
        if self.is_sqlite:
            write_engine = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        else:
            # A read (results: a dozen queries) sees one moment even while judges submit;
            # read-only transactions never fail to serialize at this level.
            read_engine = self.engine.execution_options(isolation_level="REPEATABLE READ")
        self._read = sessionmaker(read_engine, expire_on_commit=False)
        self._write = sessionmaker(write_engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def path(self) -> Path | None:
        return _sqlite_path(self.url)

    def display_name(self) -> str:
        return str(self.path) if self.path else self.url.render_as_string(hide_password=True)

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        with self._write() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


def _inspect_sqlite_file(path: Path) -> str | None:
    """The schema revision of an existing file (None if it is empty/new); refuses others.
    Opens the file read-only so that a refused file is left exactly as it was."""
    if path.is_dir():
        raise NotADatabaseError(Message("database.is_folder", path=str(path)))
    if not path.exists() or path.stat().st_size == 0:
        return None
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise NotADatabaseError(Message("database.not_sqlite", path=str(path)))
    # Without a pending write-ahead log the file alone is the whole database: open it as
    # immutable so not even the -shm/-wal side files appear next to a refused file.
    wal = path.with_name(path.name + "-wal")
    uri = f"file:{path}?mode=ro" + ("" if wal.exists() else "&immutable=1")
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise DamagedDatabaseError(Message("database.damaged", path=str(path),
                                                   detail=check))
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not tables:
                return None
            if "alembic_version" not in tables:
                raise NotADatabaseError(Message("database.foreign_sqlite", path=str(path)))
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        from judging_app.store.sqlite_errors import sqlite_problem

        raise DamagedDatabaseError(Message("database.unreadable", path=str(path),
                                           detail=sqlite_problem(exc))) from exc
    return row[0] if row else None


def _check_revision(revision: str | None, where: str) -> None:
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise NewerDatabaseError(Message("database.newer", where=where, revision=revision,
                                         head=SCHEMA_HEAD))


def _server_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            tables = inspect(conn).get_table_names()
            if tables:
                raise NotADatabaseError(Message("database.foreign_server",
                                                tables=sorted(tables)[:5]))
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).fetchone()
        return row[0] if row else None


def backup_sqlite_file(source: Path, destination: Path) -> None:
    """A consistent copy of a live SQLite file (the SQLite backup API, not a byte copy),
    whole or not at all: written to a hidden `.NAME.part` beside it without a journal,
    flushed to disk, then renamed. A process killed meanwhile leaves no file under the
    destination's name (a half copy with a hot journal would roll back to an empty
    database when opened)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    tmp = destination.with_name(f".{destination.name}.part")
    for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
        leftover.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            dst.execute("PRAGMA journal_mode = OFF")
            src.backup(dst)
        finally:
            dst.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, destination)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    if hasattr(os, "O_DIRECTORY"):
        fd = os.open(destination.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _pre_migration_backup(path: Path, revision: str) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    backup = path.with_name(f"{path.stem}.before-upgrade-from-{revision}-{stamp}{path.suffix}")
    backup_sqlite_file(path, backup)
    return backup


def run_migrations(engine: Engine) -> None:
    """Alembic upgrade to head on one connection, in one transaction."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            # Batch migrations recreate tables; with foreign keys on that can cascade-delete
            # child rows. Turn them off for the migration, check them afterwards.
            # (on the driver connection: PRAGMA foreign_keys is ignored inside a transaction)
            conn.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")
        with conn.begin():
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
            if conn.dialect.name == "sqlite":
                bad = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if bad:
                    raise DamagedDatabaseError(Message("database.migration_broke_references",
                                                       detail=str(bad[:5])))
        if conn.dialect.name == "sqlite":
            conn.connection.driver_connection.execute("PRAGMA foreign_keys = ON")


def _locked_server(engine: Engine) -> bool:
    """A server set up by `judging-app server init`: only its administrator migrates it."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("app_security"):
            return False
        return conn.execute(text("SELECT mode FROM app_security")).scalar() == "server"


def open_database(target: str | Path | None = None, *, create: bool = True,
                  server_admin: bool = False) -> Database:
    """Open (creating and migrating as needed) the database at a path or URL.
    `server_admin`: the administrator running `judging-app server init` (who alone
    migrates a locked-down server)."""
    url = resolve_target(target)
    path = _sqlite_path(url)
    backup: Path | None = None
    if path is not None:
        if not create and not path.exists():
            raise DatabaseOpenError(Message("database.missing", path=str(path)))
        revision = _inspect_sqlite_file(path)
        _check_revision(revision, str(path))
        if revision is not None and revision != SCHEMA_HEAD:
            backup = _pre_migration_backup(path, revision)
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = build_engine(url)
    else:
        engine = build_engine(url)
        where = url.render_as_string(hide_password=True)
        try:
            revision = _server_revision(engine)
        except DatabaseOpenError:
            engine.dispose()
            raise
        except Exception as exc:
            engine.dispose()
            message = db_errors.explain(exc, url.username or "")
            if message is None or message.code == "db.connection":
                message = Message("database.cannot_connect", url=where,
                                  detail=db_errors.connection_problem(getattr(exc, "orig",
                                                                              exc)))
            raise DatabaseOpenError(message) from exc
        _check_revision(revision, where)
        if revision not in (None, SCHEMA_HEAD) and not server_admin and _locked_server(engine):
            engine.dispose()
            raise DatabaseOpenError(Message("server.upgrade_needed", url=where,
                                            revision=revision, head=SCHEMA_HEAD))
    if revision != SCHEMA_HEAD:
        try:
            run_migrations(engine)
        except Exception as exc:
            engine.dispose()
            message = db_errors.privilege(exc, url.username or "")
            if message is not None:
                raise DatabaseOpenError(Message("db.cannot_prepare", url=url.render_as_string(
                    hide_password=True), problem=message)) from exc
            raise
    return Database(url=url, engine=engine, backup_path=backup)
