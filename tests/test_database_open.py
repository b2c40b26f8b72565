"""Opening databases: migration from empty, refusal of newer, foreign, damaged files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from judging_app.store.database import (
    DamagedDatabaseError,
    NewerDatabaseError,
    NotADatabaseError,
    open_database,
)
from judging_app.store.schema_version import KNOWN_REVISIONS, SCHEMA_HEAD

# about migrating itself: every new database here is migrated by Alembic (conftest)
pytestmark = pytest.mark.migrates


def _revision(db) -> str:
    with db.read() as s:
        return s.execute(text("SELECT version_num FROM alembic_version")).scalar_one()


def test_new_database_is_migrated_to_head(db):
    assert _revision(db) == SCHEMA_HEAD
    with db.read() as s:
        head = s.execute(text("SELECT last_hash, count FROM audit_head")).one()
    assert head == ("0" * 64, 0)


def test_schema_head_matches_alembic_scripts():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    import judging_app.store.database as database_module

    cfg = Config()
    cfg.set_main_option(
        "script_location", str(Path(database_module.__file__).parent / "migrations")
    )
    script = ScriptDirectory.from_config(cfg)
    assert script.get_heads() == [SCHEMA_HEAD]
    assert {r.revision for r in script.walk_revisions()} == set(KNOWN_REVISIONS)


def test_models_match_migrations(db):
    """The migrated schema equals the models: no forgotten migration."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from judging_app.store.models import Base

    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def test_sqlite_pragmas(sqlite_db):
    with sqlite_db.read() as s:
        assert s.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
        assert s.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert s.execute(text("PRAGMA busy_timeout")).scalar_one() >= 5000


def _make_newer(path: Path) -> None:
    db = open_database(path)
    db.close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()


def test_newer_database_is_refused_and_untouched(tmp_path):
    path = tmp_path / "newer.sqlite"
    _make_newer(path)
    before = path.read_bytes()
    files_before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(NewerDatabaseError, match="newer version of judging_app"):
        open_database(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == files_before


def test_newer_server_database_is_refused(pg_url):
    db = open_database(pg_url)
    with db.write() as s:
        s.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    db.close()
    with pytest.raises(NewerDatabaseError, match="schema 9999"):
        open_database(pg_url)


def test_text_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("hello, this is not a database\n" * 20)
    before = path.read_bytes()
    with pytest.raises(NotADatabaseError, match="not an SQLite file"):
        open_database(path)
    assert path.read_bytes() == before


def test_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotADatabaseError, match="not a judging_app database"):
        open_database(path)
    assert path.read_bytes() == before


def test_damaged_database_is_refused(tmp_path):
    path = tmp_path / "damaged.sqlite"
    db = open_database(path)
    with db.write() as s:
        for i in range(300):
            s.execute(
                text(
                    "INSERT INTO audit_events (at, actor, action, entity, entity_key, old, new,"
                    " prev_hash, hash, verified, scheme, state)"
                    " VALUES ('t', 'a', 'x', 'e', :k, 'null', 'null', 'p', :h, false, 'hmac', 'null')"
                ),
                {"k": "k" * 200, "h": f"{i:064d}"},
            )
    db.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(2 * page, min(len(data), 8 * page)):
        data[offset] = 0xFF  # trash a run of b-tree pages, keep the header
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises((DamagedDatabaseError, NotADatabaseError)):
        open_database(path)
    assert path.read_bytes() == before


def test_folder_is_refused(tmp_path):
    with pytest.raises(NotADatabaseError, match="folder"):
        open_database(tmp_path)


def test_reopen_at_head_makes_no_backup(tmp_path):
    path = tmp_path / "a.sqlite"
    open_database(path).close()
    db = open_database(path)
    assert db.backup_path is None
    db.close()


def test_older_file_is_copied_aside_before_migrating(tmp_path, monkeypatch):
    """Pretend this version knows a newer schema: opening a file at the current head must
    first write a consistent copy, then migrate."""
    import judging_app.store.database as database

    path = tmp_path / "lomba.sqlite"
    open_database(path).close()
    seen = {}
    head = database.SCHEMA_HEAD
    newer = f"{int(head) + 1:04d}"

    def fake_migrations(engine):
        backups = list(tmp_path.glob(f"lomba.before-upgrade-from-{head}-*.sqlite"))
        seen["backups_at_migration"] = len(backups)

    monkeypatch.setattr(database, "SCHEMA_HEAD", newer)
    monkeypatch.setattr(database, "KNOWN_REVISIONS", (*database.KNOWN_REVISIONS, newer))
    monkeypatch.setattr(database, "run_migrations", fake_migrations)
    db = database.open_database(path)
    db.close()
    assert seen == {"backups_at_migration": 1}
    assert db.backup_path is not None and db.backup_path.name.startswith(f"lomba.before-upgrade-from-{head}-")
    copy = sqlite3.connect(db.backup_path)
    assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (head,)
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    copy.close()
