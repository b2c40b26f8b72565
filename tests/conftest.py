"""Shared fixtures: a fresh database per test, on SQLite and (when configured) PostgreSQL.

PostgreSQL tests need JUDGING_APP_TEST_PG_URL, a URL of a role that may create databases
(.ci/start-postgres.sh prints one). Without it they are skipped with that reason.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _isolate_from_the_machine() -> None:
    """Tests never read or write the user's real home, config or data folders: a test that
    passed only because a name was remembered in the real config folder broke the README's
    command on every clean machine. Each test process (each xdist worker too) gets its own
    empty folders before anything reads them."""
    root = Path(tempfile.mkdtemp(prefix="judging-app-tests-"))
    for name, sub in (("HOME", "home"), ("XDG_CONFIG_HOME", "config"),
                      ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache"),
                      ("XDG_STATE_HOME", "state")):
        folder = root / sub
        folder.mkdir()
        os.environ[name] = str(folder)
    for name in ("JUDGING_APP_AS", "JUDGING_APP_USER", "JUDGING_APP_PASSWORD",
                 "JUDGING_APP_KEYS_PASSPHRASE", "JUDGING_APP_LANG"):
        os.environ.pop(name, None)
    # Messages are compared in English unless a test asks for another language.
    os.environ["LANG"] = os.environ["LC_ALL"] = "C.UTF-8"
    os.environ.pop("LANGUAGE", None)


_isolate_from_the_machine()

import judging_app.core.passwords  # noqa: E402

# Real scrypt hashes, at a cost a test suite can afford (every sign-in checks one); the
# parameters travel with each hash, so checking works the same.
judging_app.core.passwords.N = 2**10

import db_templates  # noqa: E402

from judging_app.store.database import Database, open_database  # noqa: E402

# New SQLite databases are copied from one migrated template (tests/db_templates.py).
db_templates.install()

PG_URL = os.environ.get("JUDGING_APP_TEST_PG_URL", "")
PG_SKIP_REASON = "no PostgreSQL server configured (set JUDGING_APP_TEST_PG_URL; see .ci/run)"


def _pg_admin_engine():
    from sqlalchemy import create_engine

    return create_engine(PG_URL, isolation_level="AUTOCOMMIT")


def pytest_collection_modifyitems(items) -> None:
    """Every test that needs a PostgreSQL server carries the `postgres` marker (so
    `-m "not postgres"` leaves them all out), whether it asks for `pg_url` itself or through
    another fixture: the marker follows the fixture, not the author's memory."""
    for item in items:
        if {"pg_url", "pg_migrated_url"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.postgres)


@pytest.fixture(autouse=True)
def _migrations_as_marked(request) -> Iterator[None]:
    """@pytest.mark.migrates: this test's new databases are migrated by Alembic for real,
    not copied from the template (tests/db_templates.py)."""
    real = request.node.get_closest_marker("migrates") is not None
    db_templates.set_use_template(not real)
    yield
    db_templates.set_use_template(True)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """URL of a brand-new, empty PostgreSQL database, dropped after the test."""
    if not PG_URL:
        pytest.skip(PG_SKIP_REASON)
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    name = f"jt_{uuid.uuid4().hex[:12]}"
    admin = _pg_admin_engine()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        _drop_database(admin, name)
        admin.dispose()


@pytest.fixture(scope="session")
def _pg_template() -> Iterator[db_templates.PgTemplate]:
    """This test process's migrated PostgreSQL template database (dropped at the end)."""
    from sqlalchemy.engine import make_url

    admin = _pg_admin_engine()
    template = db_templates.PgTemplate(admin, make_url(PG_URL))
    try:
        yield template
    finally:
        template.drop(_drop_database)
        admin.dispose()


@pytest.fixture
def pg_migrated_url(request) -> Iterator[str]:
    """URL of a new PostgreSQL database already at the current schema (a copy of the
    migrated template; migrated for real under @pytest.mark.migrates), dropped after."""
    if not PG_URL:
        pytest.skip(PG_SKIP_REASON)
    if request.node.get_closest_marker("migrates"):
        url = request.getfixturevalue("pg_url")
        open_database(url).close()
        yield url
        return
    from sqlalchemy.engine import make_url

    template = request.getfixturevalue("_pg_template")
    name = f"jt_{uuid.uuid4().hex[:12]}"
    template.copy(name)
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        _drop_database(template.admin, name)


def _drop_database(admin, name: str) -> None:
    """DROP … WITH (FORCE) cannot end an autovacuum worker that happens to be cleaning the
    new database (a server process our role may not signal): wait for it and try again."""
    import time

    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    for attempt in range(20):
        try:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            return
        except DBAPIError:
            if attempt == 19:
                raise
            time.sleep(0.5)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request, tmp_path: Path) -> Iterator[Database]:
    """A fresh, migrated, empty database on each backend."""
    if request.param == "sqlite":
        database = open_database(tmp_path / "test.sqlite")
    else:
        database = open_database(request.getfixturevalue("pg_migrated_url"))
    try:
        yield database
        if not request.node.get_closest_marker("tampers"):
            _check_entry_totals(database)
            _check_trail(database)
    finally:
        database.close()


@pytest.fixture
def sqlite_db(request, tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "test.sqlite")
    try:
        yield database
        if not request.node.get_closest_marker("tampers"):
            _check_entry_totals(database)
            _check_trail(database)
    finally:
        database.close()


def _check_trail(database: Database) -> None:
    """Every test that changed data through the use cases must leave a trail that vouches
    for it (services/audit_verify): each status, submitted sheet and decision recorded,
    each setup, eligibility and assignments digested.
    Tests that tamper on purpose say so with @pytest.mark.tampers."""
    from judging_app.services.audit_verify import verify_trail

    check = verify_trail(database)
    assert check.ok, "the audit trail does not vouch for the data:\n" + "\n".join(
        str(p) for p in check.problems)


def _check_entry_totals(database: Database) -> None:
    """Every test that wrote scores, in whatever way, must leave the derived per-entry
    totals (store.entry_totals) in step with the scores: results read them."""
    from judging_app.store import entry_totals

    with database.read() as s:
        wrong = entry_totals.differences(s)
    assert not wrong, "entry totals out of step with the scores:\n" + "\n".join(map(str, wrong))


@pytest.fixture(scope="session", autouse=True)
def _widgets_application_first(qapp):
    """Every worker makes its QApplication before any test runs: a PDF export tested first
    in the same process would otherwise make a bare QGuiApplication (exchange has no
    widgets), and the next widget test would abort the whole worker."""
    return qapp


@pytest.fixture(autouse=True)
def _every_message_reads_as_indonesian(monkeypatch) -> Iterator[None]:
    """Whatever a test makes the app say (a dialog, the command line, an import report),
    in whatever language: the same Message rendered in Indonesian holds no English. Text
    parameters (names, codes, paths, a reader's own text) are data and are left out; nested
    Messages, errors carrying one and enum labels are checked."""
    import judging_app.texts as texts

    from english_check import sweep_problems

    render, seen = texts.render, []

    def checked(message, language=texts.ENGLISH):
        seen.append(message)
        return render(message, language)

    monkeypatch.setattr(texts, "render", checked)
    yield
    texts.render = render  # (monkeypatch would too, after this)
    problems = sweep_problems(seen)
    assert not problems, "English under Indonesian:\n" + "\n".join(problems)


@pytest.fixture
def translations(qapp):
    """The application's translations, in English, put back to English (and the default
    locale back) afterwards; a test may apply "id" in between."""
    from test_ui_support import TranslationsForTest

    t = TranslationsForTest(qapp)
    t.apply("en")
    yield t
    t.restore()
