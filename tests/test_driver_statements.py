"""Statements sent through the driver inside a write (store.rows.RowReader: the returns
import, the audit event) fail and are retried exactly as statements sent through
SQLAlchemy; a competition's key file read once is read again when it was replaced."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy.exc import DBAPIError, OperationalError

from judging_app.services import keys
from judging_app.services.retry import retry_transient
from judging_app.store.db_errors import is_transient
from judging_app.store.rows import RowReader

TOUCH_HEAD = "UPDATE audit_head SET count = count WHERE id = 1"


def _locked_by_another(database) -> sqlite3.Connection:
    other = sqlite3.connect(database.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


def test_a_busy_file_under_a_driver_statement_is_sqlalchemys_transient_error(sqlite_db):
    other = _locked_by_another(sqlite_db)
    try:
        with pytest.raises(OperationalError) as caught, sqlite_db.read() as s:
            rows = RowReader.of_session(s)
            rows.run("PRAGMA busy_timeout = 50")
            rows.run(TOUCH_HEAD)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert isinstance(caught.value.orig, sqlite3.OperationalError)
    assert caught.value.statement == TOUCH_HEAD
    assert is_transient(caught.value)


def test_a_write_through_the_driver_is_tried_again_when_the_file_was_busy(sqlite_db):
    other = _locked_by_another(sqlite_db)
    tries = []

    def touch() -> str:
        tries.append(1)
        if len(tries) == 2:  # the other writer is done by the second try
            other.execute("ROLLBACK")
        with sqlite_db.read() as s:
            rows = RowReader.of_session(s)
            rows.run("PRAGMA busy_timeout = 50")
            rows.run(TOUCH_HEAD)
            return "written"

    try:
        assert retry_transient(touch) == "written"
    finally:
        if other.in_transaction:
            other.execute("ROLLBACK")
        other.close()
    assert len(tries) == 2


def test_a_mistake_in_a_driver_statement_is_not_taken_for_a_busy_file(sqlite_db):
    with pytest.raises(DBAPIError) as caught, sqlite_db.read() as s:
        RowReader.of_session(s).all("SELECT nothing FROM nowhere")
    assert not is_transient(caught.value)


@pytest.fixture
def key_store(tmp_path, monkeypatch):
    monkeypatch.setenv(keys.FOLDER_ENV, str(tmp_path / "keys"))
    keys.forget_cached()
    yield
    keys.forget_cached()


def test_a_replaced_key_file_is_read_again(key_store):
    key = keys.new_competition_key("LOMBA")
    first = keys.load_competition_key(key.key_id, "LOMBA")
    assert first.legacy == {}
    first.legacy["mine"] = "00" * 32  # a caller's change to its copy stays its own
    assert keys.load_competition_key(key.key_id, "LOMBA").legacy == {}
    key.legacy["nonce-1"] = "ab" * 32  # e.g. another process moved an old judge key in
    keys.save_competition_key(key, "LOMBA")
    again = keys.load_competition_key(key.key_id, "LOMBA")
    assert again.legacy == {"nonce-1": "ab" * 32}
    assert again.judge_key("nonce-1") == "ab" * 32


def test_a_removed_key_file_is_missing_at_once(key_store):
    key = keys.new_competition_key("LOMBA")
    keys.load_competition_key(key.key_id, "LOMBA")
    keys.key_file_path(f"competition-{key.key_id}").unlink()
    with pytest.raises(keys.KeyMissingError):
        keys.load_competition_key(key.key_id, "LOMBA")
