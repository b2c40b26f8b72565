"""A backup restored on purpose (the app itself says "restore it from a backup" for a damaged
file) left `db verify-audit` saying "the last events were removed" for ever, even after new
work, with no way to say what happened (hostile review 17h). `db restored --reason` records
the restore in the trail (who, when, what this computer had seen, why) and moves this
computer's anchor to the restored trail; the trail keeps the restore for every later check."""

from __future__ import annotations

import json
import shutil

from security_support import PASSWORD, register_panel
from test_security_cli import run

from judging_app.services import entries
from judging_app.services.audit_verify import verify_trail
from judging_app.store.database import open_database


def _restored(tmp_path):
    dbp = tmp_path / "lomba.sqlite"
    db = open_database(dbp)
    panel = register_panel(db)
    db.close()
    copy = tmp_path / "backup.sqlite"
    shutil.copy(dbp, copy)
    entries.add_unit(panel.ws("sekre"), panel.code, "U9", "Unit Sembilan")
    db.close()
    shutil.copy(copy, dbp)  # the restore
    return dbp, panel


def test_a_restored_backup_is_recorded_and_then_verifies(capsys, monkeypatch, tmp_path):
    dbp, panel = _restored(tmp_path)
    code, out, err = run(capsys, monkeypatch, "--db", dbp, "db", "verify-audit")
    assert code == 1 and "the last events were removed" in err
    assert "db restored" in err  # what to do when the copy was restored on purpose
    code, out, err = run(capsys, monkeypatch, "--db", dbp, "--user", "juri1", "db", "restored",
                         "--reason", "berkas rusak", password=PASSWORD)
    assert code == 1 and "secretariat" in err
    code, out, err = run(capsys, monkeypatch, "--db", dbp, "--user", "sekre", "db", "restored",
                         "--reason", "berkas rusak, dipulihkan dari cadangan kemarin",
                         password=PASSWORD)
    assert code == 0, err
    code, out, err = run(capsys, monkeypatch, "--db", dbp, "db", "verify-audit")
    assert code == 0 and "intact" in out, err
    db = open_database(dbp)
    with db.read() as s:
        from sqlalchemy import text

        action, old, new, actor = s.execute(text(
            "SELECT action, old, new, actor FROM audit_events ORDER BY id DESC LIMIT 1")).one()
    db.close()
    assert action == "database.restored" and actor == "Sekretariat Satu"
    assert json.loads(old)["seen_events"] > json.loads(new)["events"] - 1
    assert "dipulihkan" in json.loads(new)["reason"]


def test_nothing_to_record_when_the_trail_is_what_this_computer_saw(capsys, monkeypatch,
                                                                    tmp_path):
    dbp = tmp_path / "lomba.sqlite"
    db = open_database(dbp)
    register_panel(db)
    db.close()
    for lang, words in (("en", "nothing"), ("id", "tidak ada")):
        code, out, err = run(capsys, monkeypatch, "--db", dbp, "--lang", lang, "--user",
                             "sekre", "db", "restored", "--reason", "x", password=PASSWORD)
        assert code == 1 and words in err.lower(), err
    assert verify_trail(open_database(dbp)).ok
