"""The tests' template databases (tests/db_templates.py) stand in for migrating each new
database: a copy must be what the migrations make, and two copies two different databases."""

from __future__ import annotations

import sqlite3
import uuid

import db_templates
import pytest
from conftest import PG_URL, _drop_database, _pg_admin_engine
from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url

from judging_app.store.database import open_database


def _schema(db) -> dict:
    with db.engine.connect() as conn:
        insp = inspect(conn)
        return {table: (
            [(c["name"], str(c["type"]), c["nullable"], str(c.get("default"))) for c in insp.get_columns(table)],
            insp.get_pk_constraint(table),
            sorted(map(str, insp.get_foreign_keys(table))),
            sorted(map(str, insp.get_indexes(table))),
            sorted(map(str, insp.get_unique_constraints(table))),
            sorted(map(str, insp.get_check_constraints(table))),
        ) for table in sorted(insp.get_table_names())}


def _rows(db) -> dict[tuple[str, str], list]:
    """Every column's values, table by table, in primary-key order."""
    values = {}
    with db.engine.connect() as conn:
        insp = inspect(conn)
        for table in insp.get_table_names():
            columns = [c["name"] for c in insp.get_columns(table)]
            order = ", ".join(insp.get_pk_constraint(table)["constrained_columns"] or columns)
            rows = conn.execute(text(f"SELECT * FROM {table} ORDER BY {order}")).all()
            for i, column in enumerate(columns):
                values[(table, column)] = [row[i] for row in rows]
    return values


def _differing(a: dict, b: dict) -> set:
    return {key for key in a.keys() | b.keys() if a.get(key) != b.get(key)}


def _dump_but_random_rows(path) -> list:
    """The SQL text of the whole database, but the row of app_security (random values);
    each statement's lines sorted (Alembic's batch rebuilds list constraints in no fixed
    order: two real migrations differ in that alone)."""
    conn = sqlite3.connect(path)
    try:
        return sorted(sorted(line.strip().rstrip(",") for line in statement.splitlines())
                      for statement in conn.iterdump()
                      if "app_security" not in statement or statement.startswith("CREATE"))
    finally:
        conn.close()


def _sqlite(tmp_path, name: str, *, migrated: bool):
    db_templates.set_use_template(not migrated)
    try:
        return open_database(tmp_path / f"{name}.sqlite")
    finally:
        db_templates.set_use_template(True)


def test_a_sqlite_copy_is_what_the_migrations_make(tmp_path):
    first = _sqlite(tmp_path, "migrated-1", migrated=True)
    second = _sqlite(tmp_path, "migrated-2", migrated=True)
    copy = _sqlite(tmp_path, "copy-1", migrated=False)
    other_copy = _sqlite(tmp_path, "copy-2", migrated=False)
    try:
        assert _schema(copy) == _schema(first)
        assert _dump_but_random_rows(copy.path) == _dump_but_random_rows(first.path) \
            == _dump_but_random_rows(second.path)
        # what two migrations draw at random is exactly what each copy draws afresh
        fresh = set(db_templates.FRESH_PER_DATABASE)
        assert _differing(_rows(first), _rows(second)) == fresh
        assert _differing(_rows(copy), _rows(first)) == fresh
        assert _differing(_rows(copy), _rows(other_copy)) == fresh
        template = open_database(db_templates.sqlite_template())
        try:
            assert _differing(_rows(copy), _rows(template)) == fresh
        finally:
            template.close()
    finally:
        for db in (first, second, copy, other_copy):
            db.close()


def test_a_file_that_is_not_empty_is_migrated_not_replaced(tmp_path):
    """Only an empty database is filled from the template; anything else goes to Alembic,
    which refuses or migrates it as it would for a user."""
    path = tmp_path / "ours.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    db = open_database(path)  # no revision recorded: Alembic creates every table
    try:
        assert "competitions" in inspect(db.engine).get_table_names()
    finally:
        db.close()


def _pg_url(name: str) -> str:
    return make_url(PG_URL).set(database=name).render_as_string(hide_password=False)


def test_a_postgres_copy_is_what_the_migrations_make(request):
    """(That two migrations differ in exactly FRESH_PER_DATABASE is checked on SQLite above:
    the migrations draw those values in Python, the same on either backend.)"""
    names = [make_url(request.getfixturevalue(f)).database for f in ("pg_url", "pg_migrated_url")]
    extra = f"jt_{uuid.uuid4().hex[:12]}"  # a second copy
    admin = _pg_admin_engine()
    request.getfixturevalue("_pg_template").copy(extra)
    databases = []
    try:
        databases += [open_database(_pg_url(name)) for name in (*names, extra)]
        migrated, copy, other_copy = databases
        assert _schema(copy) == _schema(migrated)
        fresh = set(db_templates.FRESH_PER_DATABASE)
        assert _differing(_rows(copy), _rows(migrated)) == fresh
        assert _differing(_rows(copy), _rows(other_copy)) == fresh
    finally:
        for db in databases:
            db.close()
        _drop_database(admin, extra)
        admin.dispose()


@pytest.mark.migrates
def test_under_the_migrates_marker_every_new_database_is_migrated(tmp_path, monkeypatch):
    import judging_app.store.database as database

    calls = []
    real = db_templates.real_run_migrations
    monkeypatch.setattr(db_templates, "real_run_migrations",
                        lambda engine: (calls.append(engine.url), real(engine))[1])
    open_database(tmp_path / "a.sqlite").close()
    assert len(calls) == 1 and database.run_migrations is db_templates.fill_from_template
