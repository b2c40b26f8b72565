"""New databases for tests, copied from one migrated template instead of migrated each time.

Running the Alembic migrations from an empty database to the head takes about a second per
database (a hundred-odd DDL statements, batch table rebuilds on SQLite), and most tests
start from a new database. So each test process migrates once, for real, and then:

- SQLite: whenever the app is about to migrate an *empty* SQLite database to the current
  head (open_database on a new file: the `db` / `sqlite_db` fixtures, the command line run
  in-process on a new `--db` file, a window opening a new file), the migrated template's
  pages are copied into it with SQLite's backup API instead (`fill_from_template`).
- PostgreSQL: the `db` fixture makes its database with `CREATE DATABASE … TEMPLATE` of a
  migrated template database (`pg_template`); `pg_url` stays a brand-new *empty* database.

Either way the copy then gets the values a migration draws at random for each database
(FRESH_PER_DATABASE: today the database id the key store files its keys under), so two
copies are two different databases, as two migrated ones are. tests/test_db_templates.py
checks that a copy equals a migrated database except for exactly those values: a new
migration that draws another random value fails there until it is added here.

Tests about migrating itself (test_database_open, test_schema_fixtures) carry
`@pytest.mark.migrates`: for them every database is migrated for real. Databases that are
not empty (older files, fixtures) are always migrated for real.
"""

from __future__ import annotations

import secrets
import sqlite3
import tempfile
import uuid
from pathlib import Path

from sqlalchemy import Engine, text

import judging_app.store.database as database
from judging_app.store.schema_version import SCHEMA_HEAD

# (table, column) a migration fills with a random value per database, and how to draw one
FRESH_PER_DATABASE = {("app_security", "database_id"): lambda: secrets.token_hex(16)}

real_run_migrations = database.run_migrations


class _State:
    use_template = True  # off while a @pytest.mark.migrates test runs
    sqlite_template: Path | None = None


def _refresh_random_values(conn) -> None:
    for (table, column), draw in FRESH_PER_DATABASE.items():
        conn.execute(text(f"UPDATE {table} SET {column} = :value"), {"value": draw()})


def sqlite_template() -> Path:
    """This process's migrated SQLite template (made on first use, by the real migrations)."""
    if _State.sqlite_template is None:
        folder = Path(tempfile.mkdtemp(prefix="judging-app-template-"))
        engine = database.build_engine(database.resolve_target(folder / "template.sqlite"))
        try:
            real_run_migrations(engine)
        finally:
            engine.dispose()
        _State.sqlite_template = folder / "template.sqlite"
    return _State.sqlite_template


def fill_from_template(engine: Engine) -> None:
    """Stands in for store.database.run_migrations while the tests run (see the module's
    docstring): an empty SQLite database at the real head gets the template's copy."""
    if not (_State.use_template and engine.dialect.name == "sqlite"
            and database.SCHEMA_HEAD == SCHEMA_HEAD):
        return real_run_migrations(engine)
    template = sqlite_template()
    with engine.connect() as conn:
        driver = conn.connection.driver_connection  # autocommit: no transaction open
        empty = driver.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
        if empty:
            source = sqlite3.connect(f"file:{template}?mode=ro", uri=True)
            try:
                source.backup(driver)
            finally:
                source.close()
            for (table, column), draw in FRESH_PER_DATABASE.items():
                driver.execute(f"UPDATE {table} SET {column} = ?", (draw(),))
    if not empty:
        real_run_migrations(engine)
    return None


def install() -> None:
    database.run_migrations = fill_from_template


def set_use_template(flag: bool) -> None:
    _State.use_template = flag


class PgTemplate:
    """A migrated PostgreSQL database of this test process, copied by CREATE DATABASE …
    TEMPLATE; no one stays connected to it (a copy needs that), and it is dropped at the
    end of the session."""

    def __init__(self, admin: Engine, base_url) -> None:
        self.admin, self.base_url = admin, base_url
        self.name = f"jt_tpl_{uuid.uuid4().hex[:12]}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{self.name}"'))
        engine = database.build_engine(base_url.set(database=self.name))
        try:
            real_run_migrations(engine)
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("VACUUM ANALYZE"))  # nothing left for autovacuum to visit
        finally:
            engine.dispose()

    def copy(self, name: str) -> None:
        import time

        from sqlalchemy.exc import DBAPIError

        for attempt in range(40):  # an autovacuum worker may be visiting the template
            try:
                with self.admin.connect() as conn:
                    conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{self.name}"'))
                break
            except DBAPIError as exc:
                if attempt == 39 or "being accessed by other users" not in str(exc):
                    raise
                time.sleep(0.25)
        engine = database.build_engine(self.base_url.set(database=name))
        try:
            with engine.begin() as conn:
                _refresh_random_values(conn)
        finally:
            engine.dispose()

    def drop(self, drop_database) -> None:
        drop_database(self.admin, self.name)
