"""Trust from the command line: people, protecting a file, signing in (nothing
remembered), verifying finalized results against the printed digest, reopening them, the
key store's export and import."""

from __future__ import annotations

import io

import pytest
from security_support import PASSWORD, finalized_panel

from judging_app.cli.main import main
from judging_app.store.database import open_database


def run(capsys, monkeypatch, *argv, password=None, stdin=None):
    if password is None:
        monkeypatch.delenv("JUDGING_APP_PASSWORD", raising=False)
    else:
        monkeypatch.setenv("JUDGING_APP_PASSWORD", password)
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_people_protect_and_sign_in(capsys, monkeypatch, tmp_path):
    dbp = tmp_path / "lomba.sqlite"
    code, out, _ = run(capsys, monkeypatch, "--db", dbp, "--user", "Ani", "people", "add",
                       "--login", "sekre", "--name", "Siti Aminah", "--role", "secretariat",
                       "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 0 and "Registered sekre (Siti Aminah): secretariat." in out
    code, out, _ = run(capsys, monkeypatch, "--db", dbp, "--user", "Ani", "people", "add",
                       "--login", "juri1", "--name", "Juri Satu", "--role", "judge",
                       "--generate-password")
    assert code == 0 and "Password (shown once; give it to the person):" in out
    code, _, err = run(capsys, monkeypatch, "--db", dbp, "db", "protect", "--user", "sekre",
                       password="salah-sekali")
    assert code == 1 and "not right" in err
    code, out, _ = run(capsys, monkeypatch, "--db", dbp, "db", "protect", "--user", "sekre",
                       password=PASSWORD)
    assert code == 0 and "protected" in out
    create = ("competition", "create", "--template", "city_competition", "--code", "kota")
    code, _, err = run(capsys, monkeypatch, "--db", dbp, "--user", "Ani", *create)
    assert code == 2 and "JUDGING_APP_PASSWORD" in err  # a name is no longer enough
    code, _, err = run(capsys, monkeypatch, "--db", dbp, "--user", "juri1", *create,
                       password="apa saja")
    assert code == 1 and "not right" in err
    code, out, _ = run(capsys, monkeypatch, "--db", dbp, "--user", "sekre", *create,
                       password=PASSWORD)
    assert code == 0
    code, out, _ = run(capsys, monkeypatch, "--db", dbp, "people", "list")
    assert "sekre\tSiti Aminah\tsecretariat" in out and "juri1\tJuri Satu\tjudge" in out
    assert not (tmp_path / "config" / "judging-app" / "cli-actor.txt").exists()
    code, out, _ = run(capsys, monkeypatch, "--db", dbp, "db", "verify-audit")
    assert code == 0 and "(keyed: yes)" in out


def test_verify_against_the_printed_digest_and_reopen(capsys, monkeypatch, tmp_path):
    dbp = tmp_path / "lomba.sqlite"
    db = open_database(dbp)
    panel, digest = finalized_panel(db)
    db.close()
    verify = ("--db", dbp, "verify", "--competition", panel.code)
    code, out, _ = run(capsys, monkeypatch, *verify, "--digest", digest)
    assert code == 0 and "still give exactly the finalized results" in out
    assert f"snapshot digest {digest}" in out
    code, _, err = run(capsys, monkeypatch, *verify, "--digest", "ab" * 32)
    assert code == 1 and f"The printed digest {'ab' * 32} is not the snapshot's" in err
    import sqlite3

    con = sqlite3.connect(dbp)
    con.execute("UPDATE scores SET value_milli = 1000 WHERE id = (SELECT MIN(id) FROM scores)")
    con.commit()
    con.close()
    code, _, err = run(capsys, monkeypatch, *verify, "--digest", digest)
    assert code == 1 and "Entry E1, score_exact: finalized 74, now" in err
    code, _, err = run(capsys, monkeypatch, "--db", dbp, "db", "verify-totals", "--repair")
    assert code == 1 and "Not repaired: finalized competitions" in err
    code, _, err = run(capsys, monkeypatch, "--db", dbp, "db", "verify-audit")
    assert code == 1 and "Sheet prop/J1/E1 (round/judge/entry): scores differ" in err
    reopen = ("--db", dbp, "reopen")
    code, _, err = run(capsys, monkeypatch, *reopen, "apply", "--competition", panel.code,
                       "--reason", "nilai salah", "--user", "sekre", password=PASSWORD)
    assert code == 1 and "must sign off" in err
    code, out, _ = run(capsys, monkeypatch, *reopen, "approve", "--competition", panel.code,
                       "--reason", "nilai salah", "--user", "ketua", password=PASSWORD)
    assert code == 0
    code, out, _ = run(capsys, monkeypatch, *reopen, "apply", "--competition", panel.code,
                       "--reason", "nilai salah", "--user", "sekre", password=PASSWORD)
    assert code == 0 and "in judging again" in out


def test_keys_export_and_import(capsys, monkeypatch, tmp_path):
    dbp = tmp_path / "lomba.sqlite"
    run(capsys, monkeypatch, "--db", dbp, "--user", "Ani", "competition", "create",
        "--template", "city_competition", "--code", "kota")
    monkeypatch.setenv("JUDGING_APP_KEYS_PASSPHRASE", "frasa sandi panjang")
    code, out, _ = run(capsys, monkeypatch, "--db", dbp, "keys", "export", "--out",
                       tmp_path / "kunci.jakeys")
    assert code == 0 and "Wrote 2 keys" in out
    monkeypatch.setenv("JUDGING_APP_KEYS", str(tmp_path / "second-pc"))
    from judging_app.services import keys

    keys.forget_cached()
    code, _, err = run(capsys, monkeypatch, "--db", dbp, "db", "verify-audit")
    assert code == 1 and "not on this computer" in err
    code, out, _ = run(capsys, monkeypatch, "keys", "import", tmp_path / "kunci.jakeys")
    assert code == 0 and "Imported 2 keys" in out
    code, out, _ = run(capsys, monkeypatch, "--db", dbp, "db", "verify-audit")
    assert code == 0


@pytest.mark.parametrize("lang", ["id"])
def test_messages_in_indonesian(capsys, monkeypatch, tmp_path, lang):
    dbp = tmp_path / "lomba.sqlite"
    code, _, err = run(capsys, monkeypatch, "--lang", lang, "--db", dbp, "competition",
                       "create", "--template", "city_competition")
    assert code == 2 and "Sebutkan siapa yang bekerja dengan --user" in err
