"""Every released schema has a real database file under tests/fixtures; each must open
(migrating to the current schema) with its data intact."""

from __future__ import annotations

import hashlib
import shutil
from decimal import Decimal as D
from pathlib import Path

import pytest
from sqlalchemy import text

from judging_app.services import attachments, audit, competitions, sheets
from judging_app.store.database import open_database
from judging_app.store.schema_version import KNOWN_REVISIONS, SCHEMA_HEAD

# about migrating itself: every new database here is migrated by Alembic (conftest)
pytestmark = pytest.mark.migrates

FIXTURES = Path(__file__).parent / "fixtures"


def test_there_is_a_fixture_for_every_released_schema():
    assert sorted(p.stem for p in FIXTURES.glob("schema_*.sqlite")) == [
        f"schema_{r}" for r in KNOWN_REVISIONS
    ]


@pytest.mark.parametrize("revision", KNOWN_REVISIONS)
def test_fixture_opens_and_keeps_its_data(revision, tmp_path, monkeypatch):
    # a key store of its own: the 0005 and 0006 files are one database at two ages, and a
    # store that saw the later one rightly calls the earlier one's trail cut short
    from judging_app.services import keys

    monkeypatch.setenv(keys.FOLDER_ENV, str(tmp_path / "keys"))
    keys.forget_cached()
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / f"schema_{revision}.sqlite", path)
    keys_file = FIXTURES / f"schema_{revision}.keys"  # the key store of a keyed database
    if keys_file.exists():
        from judging_app.services.keys_transfer import import_keys

        import_keys(keys_file, "fixture passphrase")
    db = open_database(path)
    try:
        with db.read() as s:
            assert s.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == SCHEMA_HEAD
        if revision != SCHEMA_HEAD:
            assert db.backup_path is not None and db.backup_path.is_file()
        (comp,) = competitions.list_competitions(db)
        assert comp.entries == 4 and comp.judges == 3
        rec = sheets.get_sheet(db, comp.code, "prop", "J1", "E1")
        assert rec.scores == {"A": D(4), "B": D("3.5")}
        check = audit.verify_chain(db)
        assert check.ok, check.problems
        assert check.keyed == (revision >= "0005")  # older trails are keyed by the next change
        documents = attachments.list_documents(db, comp.code)
        if revision >= "0004":  # a proposal attached to E1, stored in the database itself
            (doc,) = documents
            assert (doc.entry, doc.file_name, doc.round) == ("E1", "proposal E1.pdf", "prop")
            content = b"".join(attachments.document_pieces(db, doc.sha256))
            assert hashlib.sha256(content).hexdigest() == doc.sha256 and content[:5] == b"%PDF-"
        else:
            assert documents == []
    finally:
        db.close()
