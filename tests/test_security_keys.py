"""Signing keys out of the database: a copy of the database file alone cannot forge a
judge's return or an Excel sheet's signature; keys of older databases move to the key
store; the key store travels (export/import with a passphrase)."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import re
import shutil
from decimal import Decimal as D
from pathlib import Path

import pytest

from judging_app.exchange import judge_package as jp
from judging_app.exchange import judge_package_draft as jd
from judging_app.services import assignments, judge_packages, keys, keys_transfer, sheets
from judging_app.services.errors import ImportFileError, ServiceError
from judging_app.services.sheets import SheetInput
from judging_app.store.database import open_database

from factories import judge_signing_key, seeded_competition

FIXTURES = Path(__file__).parent / "fixtures"


def _file_bytes(path: Path) -> bytes:
    """What a copy of the database holds: the file, and its write-ahead log if any."""
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def _candidates(data: bytes) -> set[bytes]:
    """Every key a forger could take from the file: each 16–64-byte window of every run of
    hex digits or base64 text (decoded), and every 32-byte window of the raw bytes (the
    length of the app's keys; a key of any other length is tested by `_holds` below)."""
    found: set[bytes] = set()
    text = data.decode("latin-1")
    for run in re.findall(r"[0-9a-fA-F]{32,}", text):
        raw = binascii.unhexlify(run[: len(run) // 2 * 2])
        found.update(raw[i:i + n] for n in range(16, 65) for i in range(len(raw) - n + 1))
    for run in re.findall(r"[A-Za-z0-9+/]{22,}={0,2}", text):
        try:
            raw = base64.b64decode(run + "=" * (-len(run) % 4))
        except binascii.Error:
            continue
        found.update(raw[i:i + n] for n in range(16, 65) for i in range(len(raw) - n + 1))
    found.update(data[i:i + 32] for i in range(len(data) - 31))
    return found


def _holds(data: bytes, secret: bytes) -> bool:
    """Whether the file holds the secret in any form: raw, hex (either case), base64."""
    text = data.decode("latin-1")
    return (secret in data or secret.hex() in text.lower()
            or base64.b64encode(secret).decode() in text)


def _forged_payload(package: Path) -> dict:
    """A return for J1 with top marks everywhere, as a forger would write it."""
    draft = jd.start_return(jp.read_package(package.read_bytes()))
    for e in draft.package.entries:
        for c in draft.package.rubric:
            jd.set_score(draft, e.code, c.code, D(5))
        jd.submit(draft, e.code)
    return jp.return_payload(jd.build_return(draft, 1))


def test_a_copy_of_the_database_file_cannot_forge_a_return_or_an_excel_sheet(tmp_path):
    from judging_app.services import score_workbooks
    from judging_app.store.models import Competition

    path = tmp_path / "lomba.sqlite"
    db = open_database(path)
    s = seeded_competition(db)
    assignments.auto_assign(s.ws, s.code, "prop", 2)
    [package] = [p for p in judge_packages.export_packages(s.ws, s.code, "prop", tmp_path / "p")
                 if p.name.endswith("_J1.jpkg")]
    score_workbooks.export_score_workbooks(s.ws, s.code, "prop", tmp_path / "x")
    sheets.save_sheet(s.ws, s.code, "prop", "J2", "E1", SheetInput({"A": D(3)}))
    real = bytes.fromhex(judge_signing_key(db, "J1"))
    with db.read() as session:
        key_id = session.query(Competition.key_id).scalar()
    secret = keys.load_competition_key(key_id, s.code).secret
    db.close()
    data = _file_bytes(path)
    for held in (real, secret):  # neither the judge's key nor what it derives from
        assert not _holds(data, held)
    signed = jp.canonical_bytes(_forged_payload(package))
    wanted = hmac.digest(real, signed, "sha256")  # what the secretariat's check accepts
    candidates = _candidates(data)
    assert len(candidates) > 50_000  # distinct keys: the whole file was tried
    assert not [c for c in candidates if hmac.digest(c, signed, "sha256") == wanted]
    # and through the real import: the nonce, the key id and every other hex string of the
    # file used as a key are refused
    db = open_database(path)
    hex_strings = {h[: len(h) // 2 * 2] for h in re.findall(r"[0-9a-f]{32,64}", data.decode("latin-1"))}
    assert hex_strings
    payload = _forged_payload(package)
    for i, guess in enumerate(sorted(hex_strings)[:40]):
        forged = tmp_path / f"forged-{i}.jret"
        forged.write_bytes(jp.serialize_return(jp.read_return(jp.canonical_bytes(
            {"format": jp.RETURN_FORMAT, "version": jp.FORMAT_VERSION, "payload": payload,
             "signature": "0" * 64})), guess))
        with pytest.raises(ImportFileError, match="signature does not match"):
            judge_packages.import_return(s.ws, s.code, forged)
    db.close()


def test_keys_of_an_older_database_move_out_of_it_on_first_use(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "schema_0002.sqlite", path)
    import sqlite3

    con = sqlite3.connect(path)
    old = dict(con.execute("SELECT code, package_secret FROM judges"))
    con.close()
    db = open_database(path)
    from judging_app.services.workspace import Workspace

    ws = Workspace(db, "Sekretariat Uji")
    comp = "lomba-inovasi-kota-contoh-2026"
    judge_packages.export_packages(ws, comp, "prop", tmp_path / "p")
    assert judge_signing_key(db, "J1") == old["J1"]  # packages already out keep working
    db.close()
    for backup in tmp_path.glob("old.before-upgrade-*"):
        backup.unlink()  # the copy made before upgrading still holds them (docs/security.md)
    data = _file_bytes(path)
    for secret in old.values():
        assert not _holds(data, bytes.fromhex(secret))
    moved = [json.loads(p.read_text()) for p in keys.key_folder().glob("competition-*.key")]
    assert any(set(m["legacy_judge_keys"].values()) == set(old.values()) for m in moved)


def test_the_key_store_travels_with_a_passphrase(tmp_path, monkeypatch):
    db = open_database(tmp_path / "lomba.sqlite")
    s = seeded_competition(db)
    assignments.auto_assign(s.ws, s.code, "prop", 2)
    backup = tmp_path / "kunci.jakeys"
    report = keys_transfer.export_keys(backup, "frasa sandi panjang", db)
    assert len(report.written) == 2 and not report.missing  # the audit key, the competition's
    assert oct(backup.stat().st_mode & 0o777) == "0o600"
    assert b"frasa" not in backup.read_bytes()
    monkeypatch.setenv(keys.FOLDER_ENV, str(tmp_path / "second-pc"))
    keys.forget_cached()
    with pytest.raises(ServiceError) as exc:  # a second PC without the keys
        judge_packages.export_packages(s.ws, s.code, "prop", tmp_path / "p")
    assert exc.value.message.code in ("keys.audit_missing", "keys.competition_missing")
    with pytest.raises(ServiceError) as exc:
        keys_transfer.import_keys(backup, "frasa yang salah")
    assert exc.value.message.code == "keys.wrong_passphrase"
    assert keys_transfer.import_keys(backup, "frasa sandi panjang").written == report.written
    judge_packages.export_packages(s.ws, s.code, "prop", tmp_path / "p")
    assert {oct(p.stat().st_mode & 0o777) for p in keys.key_folder().glob("*.key")} == {"0o600"}
    db.close()


def test_signing_keys_derive_from_the_competition_secret_and_the_nonce(sqlite_db):
    s = seeded_competition(sqlite_db)
    keys_by_judge = {j: judge_signing_key(sqlite_db, j) for j in ("J1", "J2", "J3")}
    assert len(set(keys_by_judge.values())) == 3
    from sqlalchemy import select

    from judging_app.store.models import Competition, Judge

    with sqlite_db.read() as session:
        comp = session.scalar(select(Competition))
        nonce = session.scalar(select(Judge.key_nonce).where(Judge.code == "J1"))
    secret = keys.load_competition_key(comp.key_id, s.code).secret
    assert keys_by_judge["J1"] == hmac.new(secret, keys.JUDGE_LABEL + nonce.encode(),
                                           hashlib.sha256).hexdigest()


def test_a_crafted_key_file_writes_nothing_outside_the_key_folder(tmp_path, monkeypatch):
    """A key export made by hand names a key '../../evil': importing it is refused whole,
    and no file appears outside (or inside) the key store."""
    monkeypatch.setenv(keys.FOLDER_ENV, str(tmp_path / "store" / "keys"))
    keys.forget_cached()
    crafted = tmp_path / "crafted.jakeys"
    monkeypatch.setattr(keys_transfer, "_wanted", lambda db: (
        {"competition-ok": {"kind": "competition", "secret": "00"},
         "../../evil": {"kind": "competition", "secret": "11"}}, []))
    keys_transfer.export_keys(crafted, "frasa sandi panjang")
    with pytest.raises(ServiceError) as exc:
        keys_transfer.import_keys(crafted, "frasa sandi panjang")
    assert exc.value.message.code == "keys.bad_name"
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["crafted.jakeys"]
