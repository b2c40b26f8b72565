"""`judging-app verify` on a competition that has no finalized results (not yet finalized,
or reopened) said "The competition is finalized but its result snapshot is missing" and
"the finalized results do not hold": a false alarm of tampering, shown to whoever checks a
panel's results (hostile review 17h). A digest that is not one was compared as text."""

from __future__ import annotations

import sqlite3

from security_support import finalized_panel, register_panel, score_all
from test_security_cli import run

from judging_app.services import reopening
from judging_app.store.database import open_database


def test_verify_before_finalize_says_there_is_nothing_to_verify(capsys, monkeypatch,
                                                                tmp_path):
    dbp = tmp_path / "lomba.sqlite"
    db = open_database(dbp)
    panel = register_panel(db)
    score_all(panel)
    db.close()
    for lang, words in (("en", "not finalized"), ("id", "belum final")):
        code, out, err = run(capsys, monkeypatch, "--db", dbp, "--lang", lang, "verify",
                             "--competition", panel.code, "--digest", "ab" * 32)
        assert code == 1 and words in err, err
        assert "snapshot" not in (out + err).lower() and "tidak terpenuhi" not in err


def test_verify_after_reopening_says_the_results_were_reopened(capsys, monkeypatch,
                                                               tmp_path):
    dbp = tmp_path / "lomba.sqlite"
    db = open_database(dbp)
    panel, digest = finalized_panel(db)
    reopening.approve_reopening(panel.ws("ketua"), panel.code, "nilai salah")
    reopening.reopen_finalized(panel.ws("sekre"), panel.code, "nilai salah")
    db.close()
    code, out, err = run(capsys, monkeypatch, "--db", dbp, "verify", "--competition",
                         panel.code, "--digest", digest)
    assert code == 1 and "not finalized" in err and "judging" in err, err
    assert "is missing" not in err


def test_a_status_put_back_behind_the_apps_back_is_named(capsys, monkeypatch, tmp_path):
    dbp = tmp_path / "lomba.sqlite"
    db = open_database(dbp)
    panel, digest = finalized_panel(db)
    db.close()
    con = sqlite3.connect(dbp)
    con.execute("UPDATE competitions SET status = 'judging'")
    con.commit()
    con.close()
    code, out, err = run(capsys, monkeypatch, "--db", dbp, "verify", "--competition",
                         panel.code, "--digest", digest)
    assert code == 1 and "judging" in err and "reopen" in err.lower(), err


def test_a_digest_that_is_not_one_is_refused_in_words(capsys, monkeypatch, tmp_path):
    dbp = tmp_path / "lomba.sqlite"
    db = open_database(dbp)
    panel, _ = finalized_panel(db)
    db.close()
    for lang, words in (("en", "64"), ("id", "64")):
        code, out, err = run(capsys, monkeypatch, "--db", dbp, "--lang", lang, "verify",
                             "--competition", panel.code, "--digest", "zz")
        assert code in (1, 2) and words in err and "zz" in err, err
        assert "differ" not in err and "berbeda" not in err
