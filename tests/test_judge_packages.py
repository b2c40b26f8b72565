"""Judge packages and returns: export, fill in as the judge's app does, import (both
backends); every tampered or misdirected file refused with its own message and nothing
changed."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from decimal import Decimal as D
from pathlib import Path

import pytest
from sqlalchemy import func, select

from judging_app.core.enums import CompetitionStatus
from judging_app.exchange import judge_package as jp
from judging_app.exchange import judge_package_draft as jd
from judging_app.services import assignments, competitions, entries, judge_packages, results, sheets
from judging_app.services.entries import EntryInput
from judging_app.services.errors import ImportFileError, LockedError
from judging_app.services.sheets import SheetInput
from judging_app.store.database import open_database
from judging_app.store.models import (
    AuditEvent,
    Criterion,
    Entry,
    Judge,
    Score,
    ScoreSheet,
)

from factories import judge_signing_key, seeded_competition, tiny_setup


def value(judge: str, entry: str, criterion: str) -> D:
    """Deterministic scores on the tiny rubric: A 1–5 step 1, B 1–5 step 0.5."""
    n = int(judge[1:]) * 7 + int(entry[1:]) * 3 + (5 if criterion == "B" else 0)
    return D(1 + n % 5) if criterion == "A" else D(1) + D(n % 9) / 2


@pytest.fixture
def judging(db):
    s = seeded_competition(db)
    assignments.auto_assign(s.ws, s.code, "prop", 2)
    return s


def export(s, tmp_path: Path) -> dict[str, Path]:
    paths = judge_packages.export_packages(s.ws, s.code, "prop", tmp_path / "out")
    return {jp.read_package(p.read_bytes()).judge.code: p for p in paths}


def fill(package: Path, *, submit: bool = True, only: int | None = None,
         bump: D = D(0)) -> jd.ReturnDraft:
    """What the judge does in the app: every criterion of every entry, then submit."""
    draft = jd.start_return(jp.read_package(package.read_bytes()))
    judge = draft.package.judge.code
    for e in draft.package.entries[:only]:
        for c in draft.package.rubric:
            jd.set_score(draft, e.code, c.code, min(value(judge, e.code, c.code) + bump, D(5)))
        jd.set_comment(draft, e.code, "A", f"catatan {judge}")
        jd.set_overall_comment(draft, e.code, "Bagus sekali")
        if submit:
            jd.submit(draft, e.code)
    return draft


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def dump(db) -> list[tuple]:
    with db.read() as s:
        rows = s.execute(
            select(Judge.code, Entry.code, ScoreSheet.state, ScoreSheet.version,
                   ScoreSheet.source, ScoreSheet.overall_comment, Criterion.code,
                   Score.value_milli, Score.comment)
            .select_from(ScoreSheet).join(Judge, Judge.id == ScoreSheet.judge_id)
            .join(Entry, Entry.id == ScoreSheet.entry_id)
            .outerjoin(Score, Score.sheet_id == ScoreSheet.id)
            .outerjoin(Criterion, Criterion.id == Score.criterion_id)).all()
    return sorted((tuple(r) for r in rows), key=repr)


def events(db, action: str = "returns.import") -> list[dict]:
    with db.read() as s:
        return [json.loads(n) for n in s.scalars(
            select(AuditEvent.new).where(AuditEvent.action == action).order_by(AuditEvent.id))]


def refused(s, path: Path, match: str, competition: str | None = None) -> str:
    """The import is refused with `match` in the message, and nothing changed at all."""
    before = dump(s.ws.db)
    with s.ws.db.read() as session:
        n_events = session.scalar(select(func.count()).select_from(AuditEvent))
    with pytest.raises(ImportFileError, match=match) as info:
        judge_packages.import_return(s.ws, competition or s.code, path)
    assert dump(s.ws.db) == before
    with s.ws.db.read() as session:
        assert session.scalar(select(func.count()).select_from(AuditEvent)) == n_events
    return str(info.value)


def secret(db, judge: str) -> str:
    return judge_signing_key(db, judge)


def edited(data: bytes, change, key: str | None = None) -> bytes:
    """The file with its payload changed by `change`; re-signed with `key` if given, else the
    old signature is kept (an edit by someone without a key)."""
    doc = json.loads(data)
    change(doc["payload"])
    if key is not None:
        doc["signature"] = jp.sign(doc["payload"], key)
    return jp.canonical_bytes(doc)


# ---- export ----------------------------------------------------------------------------

def test_export_one_package_per_judge_with_only_their_entries(judging, db, tmp_path):
    s, calls = judging, []
    paths = judge_packages.export_packages(s.ws, s.code, "prop", tmp_path,
                                           progress=lambda d, t: calls.append((d, t)))
    assert [p.name for p in paths] == [f"{s.code}_prop_J{i}.jpkg" for i in (1, 2, 3)]
    assert calls == [(1, 3), (2, 3), (3, 3)]
    assigned = assignments.list_assignments(db, s.code, "prop")
    secrets = {j: secret(db, j) for j in ("J1", "J2", "J3")}
    created = competitions.get_summary(db, s.code)
    for path in paths:
        raw = path.read_bytes()
        pkg = jp.read_package(raw)
        judge = pkg.judge.code
        assert [e.code for e in pkg.entries] == sorted(e for j, e in assigned if j == judge)
        assert pkg.secret == secrets[judge]
        assert all(secrets[o].encode() not in raw for o in secrets if o != judge)
        assert (pkg.competition.code, pkg.competition.name) == (s.code, created.name)
        assert pkg.competition.created_at.endswith("+00:00")
        assert (pkg.round.code, pkg.sequence_start, pkg.sheets) == ("prop", 1, ())
        a, b = pkg.rubric
        assert (a.code, a.weight, a.scale_min, a.scale_max, a.scale_step) == ("A", 40, 1, 5, 1)
        assert [(lv.score, lv.text) for lv in a.levels] == [(1, "kurang"), (5, "sangat baik")]
        assert (b.code, b.weight, b.scale_step) == ("B", 60, D("0.5"))
        for e in pkg.entries:  # seeded: E<i> comes from unit U<(i-1) % 3 + 1>
            u = (int(e.code[1:]) - 1) % 3 + 1
            assert (e.unit, e.unit_name, e.innovators) == (f"U{u}", f"Dinas Contoh {u}", "")
    [event] = events(db, "packages.export")
    assert [p["judge"] for p in event["packages"]] == ["J1", "J2", "J3"]


def test_single_package_and_refusals(judging, db, tmp_path):
    s = judging
    path = judge_packages.export_package(db, s.code, "prop", "J2", tmp_path / "j2.jpkg")
    assert events(db, "packages.export") == []  # a bare Database: nobody to record
    assert jp.read_package(path.read_bytes()).judge.code == "J2"
    (tmp_path / "folder").mkdir()
    into = judge_packages.export_package(s.ws, s.code, "prop", "J3", tmp_path / "folder")
    assert into == tmp_path / "folder" / f"{s.code}_prop_J3.jpkg"
    assert [e["package_id"] for e in events(db, "packages.export")[0]["packages"]] == [
        jp.read_package(into.read_bytes()).package_id]
    with pytest.raises(Exception, match="screening round"):
        judge_packages.export_package(db, s.code, "adm", "J2", tmp_path / "x.jpkg")
    with pytest.raises(Exception, match="No judge with code 'J9'"):
        judge_packages.export_package(db, s.code, "prop", "J9", tmp_path / "x.jpkg")


def test_blind_round_package_has_no_unit_innovators_or_contact(judging, db, tmp_path):
    s = judging
    for code in ("E1", "E2", "E3", "E4"):
        e = entries.get_entry(db, s.code, code)
        entries.edit_entry(s.ws, s.code, code, EntryInput(
            code, e.title, e.unit_code, e.category_code, innovators="Budi Santoso",
            contact="budi@example.org", summary="Layanan antar jemput dokumen"))
    open_pkg = export(s, tmp_path / "open")["J1"].read_bytes()
    assert b"Budi Santoso" in open_pkg and b"Dinas Contoh" in open_pkg
    setup = competitions.get_setup(db, s.code)
    rounds = tuple(dataclasses.replace(r, blind=r.code == "prop") for r in setup.rounds)
    competitions.update_setup(s.ws, s.code, dataclasses.replace(setup, rounds=rounds))
    for path in export(s, tmp_path / "blind").values():
        raw = path.read_bytes()
        for secret_text in (b"Budi Santoso", b"budi@example.org", b"Dinas Contoh", b'"U1"'):
            assert secret_text not in raw
        payload = json.loads(raw)["payload"]
        assert payload["round"]["blind"] is True
        assert all(not {"unit", "innovators", "contact"} & set(e) for e in payload["entries"])
        assert all(e["summary"] == "Layanan antar jemput dokumen" for e in payload["entries"])


# ---- the whole trip --------------------------------------------------------------------

def test_returns_give_the_same_results_as_direct_entry(judging, db, tmp_path):
    s = judging
    for judge, package in export(s, tmp_path).items():
        data = jd.export_return(fill(package))
        report = judge_packages.import_return(s.ws, s.code, write(tmp_path, f"{judge}.jret", data))
        assert (report.judge_code, report.already_imported, report.updated) == (judge, False, 0)
        assert report.created == report.submitted == len(jp.read_package(package.read_bytes()).entries)
        assert events(db)[-1]["sha256"] == hashlib.sha256(data).hexdigest()
    assert len(events(db)) == 3
    assert {r[4] for r in dump(db)} == {"package"}

    direct_db = open_database(tmp_path / "direct.sqlite")
    try:
        d = seeded_competition(direct_db)
        assignments.auto_assign(d.ws, d.code, "prop", 2)
        for judge, entry in assignments.list_assignments(direct_db, d.code, "prop"):
            sheets.save_sheet(d.ws, d.code, "prop", judge, entry, SheetInput(
                {c: value(judge, entry, c) for c in ("A", "B")}, {"A": f"catatan {judge}"},
                "Bagus sekali"))
            sheets.submit_sheet(d.ws, d.code, "prop", judge, entry)
        direct = results.results_json(results.compute(direct_db, d.code))
        assert [r[:4] + r[5:] for r in dump(direct_db)] == [r[:4] + r[5:] for r in dump(db)]
    finally:
        direct_db.close()
    imported = results.results_json(results.compute(db, s.code))
    assert imported == direct
    scored = [e for c in imported["categories"] for e in c["rows"] if e["score_exact"]]
    assert len(scored) == 4


def test_drafts_continue_through_a_reissued_package(judging, db, tmp_path):
    s = judging
    first = fill(export(s, tmp_path / "a")["J1"], submit=False, only=1)
    r1 = judge_packages.import_return(s.ws, s.code, write(tmp_path, "r1.jret", jd.export_return(first)))
    assert (r1.created, r1.submitted, r1.sequence) == (1, 0, 1)
    again = jp.read_package(export(s, tmp_path / "b")["J1"].read_bytes())
    assert again.sequence_start == 2
    [sheet] = again.sheets
    assert (sheet.state, sheet.overall_comment, sheet.comments) == ("draft", "Bagus sekali", {"A": "catatan J1"})
    draft = jd.start_return(again)
    assert draft.sheets[sheet.entry].scores == sheet.scores
    for e in again.entries:
        for c in again.rubric:
            jd.set_score(draft, e.code, c.code, value("J1", e.code, c.code))
        jd.submit(draft, e.code)
    path = write(tmp_path, "r2.jret", jd.export_return(draft))
    r2 = judge_packages.import_return(s.ws, s.code, path)
    assert (r2.sequence, r2.updated, r2.created, r2.submitted) == (2, 1, len(again.entries) - 1, len(again.entries))
    before, n = dump(db), len(events(db))
    r3 = judge_packages.import_return(s.ws, s.code, path)
    assert r3.already_imported and "already imported" in str(r3.summary())
    assert (dump(db), len(events(db))) == (before, n)
    # the same content laid out differently is the same return
    pretty = json.dumps(json.loads(path.read_bytes()), indent=2).encode()
    assert judge_packages.import_return(s.ws, s.code, write(tmp_path, "p.jret", pretty)).already_imported


def test_a_submitted_sheet_is_locked_unless_the_return_repeats_it(judging, db, tmp_path):
    s = judging
    draft = fill(export(s, tmp_path)["J1"])
    judge_packages.import_return(s.ws, s.code, write(tmp_path, "1.jret", jd.export_return(draft)))
    entry = draft.package.entries[0].code
    with pytest.raises(jd.DraftError, match="submitted and locked"):
        jd.set_score(draft, entry, "A", 1)
    draft.sheets[entry].scores["A"] = D(1) if draft.sheets[entry].scores["A"] != 1 else D(2)
    msg = refused(s, write(tmp_path, "2.jret", jd.export_return(draft)), "submitted and locked")
    assert f"J1 / {entry}" in msg and "reopen" in msg
    draft.sheets[entry].scores["A"] = value("J1", entry, "A")
    report = judge_packages.import_return(s.ws, s.code, write(tmp_path, "3.jret", jd.export_return(draft)))
    assert (report.unchanged, report.created, report.updated) == (len(draft.sheets), 0, 0)


# ---- tampering and misdirected files ------------------------------------------------------

@pytest.fixture
def j1_return(judging, tmp_path) -> tuple[jd.ReturnDraft, bytes]:
    draft = fill(export(judging, tmp_path)["J1"])
    return draft, jd.export_return(draft)


def test_a_flipped_byte_is_refused(judging, j1_return, tmp_path):
    _, data = j1_return
    at = data.index(b"Bagus sekali") + 2
    flipped = data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:]
    refused(judging, write(tmp_path, "f.jret", flipped), "altered or damaged: the signature")


def test_every_flipped_byte_is_refused(judging, j1_return, tmp_path):
    _, data = j1_return
    step = max(1, len(data) // 60)
    for at in [*range(0, len(data), step), len(data) - 2, len(data) - 1]:
        flipped = data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:]
        refused(judging, write(tmp_path, "f.jret", flipped), ".")


def test_a_changed_score_is_refused(judging, j1_return, tmp_path):
    _, data = j1_return

    def change(p):
        sheet = p["sheets"][0]
        sheet["scores"]["A"] = "5" if sheet["scores"]["A"] != "5" else "4"

    refused(judging, write(tmp_path, "c.jret", edited(data, change)), "altered or damaged")


def test_a_relabelled_judge_is_refused(judging, db, j1_return, tmp_path):
    _, data = j1_return

    def claim_j2(p):
        p["judge"] = {"code": "J2", "name": "Juri 2"}

    resigned = edited(data, claim_j2, key=secret(db, "J1"))
    refused(judging, write(tmp_path, "s.jret", resigned),
            "claims to come from judge J2 but is signed with the key of judge J1")
    refused(judging, write(tmp_path, "t.jret", edited(data, claim_j2)),
            "altered or damaged: the signature does not match the content under judge J2's key")


def test_an_older_return_never_overwrites_a_newer_one(judging, tmp_path):
    s = judging
    package = export(s, tmp_path)["J1"]
    draft = fill(package, submit=False)
    old = write(tmp_path, "old.jret", jd.export_return(draft))
    for e in draft.package.entries:
        jd.submit(draft, e.code)
    new = write(tmp_path, "new.jret", jd.export_return(draft))
    judge_packages.import_return(s.ws, s.code, new)
    msg = refused(s, old, "older return")
    assert "number 1" in msg and "return 2" in msg
    clash = jd.export_return(fill(package, submit=False, bump=D(1)), 2)
    refused(s, write(tmp_path, "clash.jret", clash), "a different return with the same number 2")


def test_a_return_for_another_competition_is_refused(judging, db, j1_return, tmp_path):
    s = judging
    _, data = j1_return
    other = competitions.create_competition(s.ws, tiny_setup("Lomba Lain"))
    refused(s, write(tmp_path, "o.jret", data), f"is for competition '{s.code}'.*not "
            f"'{other.code}'", competition=other.code)
    twin_db = open_database(tmp_path / "twin.sqlite")  # same setup, same code, another competition
    try:
        twin = seeded_competition(twin_db)
        assignments.auto_assign(twin.ws, twin.code, "prop", 2)
        assert twin.code == s.code
        refused(twin, write(tmp_path, "o.jret", data), "another competition that also has the code")
    finally:
        twin_db.close()


def test_a_package_given_as_a_return_is_refused(judging, tmp_path):
    package = export(judging, tmp_path)["J1"]
    refused(judging, package, "This is a judge package .*not a judge's return file")


def test_wrong_entries_and_values_are_refused_even_when_signed(judging, db, j1_return, tmp_path):
    s = judging
    draft, _ = j1_return
    key = secret(db, "J1")
    assigned = {e for j, e in assignments.list_assignments(db, s.code, "prop") if j == "J1"}
    foreign = sorted({"E1", "E2", "E3", "E4"} - assigned)[0]
    base = jd.build_return(draft, 5)
    first = base.sheets[0]
    cases = [
        (jp.SheetData("E99", "draft", {"A": D(3)}), "J1 / E99: no such entry"),
        (jp.SheetData(foreign, "draft", {"A": D(3)}), f"J1 / {foreign}: the judge is not assigned"),
        (dataclasses.replace(first, scores={"A": D(6), "B": D(3)}), "6 is outside the scale 1–5"),
        (dataclasses.replace(first, scores={"A": D(2), "B": D("3.25")}), "not on the scale's step of 0.5"),
        (dataclasses.replace(first, scores={"A": D(2), "Z": D(1)}), "no criterion 'Z'"),
        (dataclasses.replace(first, state="submitted", scores={"A": D(2)}, comments={}),
         "submitted with criteria without a score: B"),
    ]
    for sheet, message in cases:
        ret = dataclasses.replace(base, sheets=(*base.sheets[1:], sheet))
        refused(s, write(tmp_path, "w.jret", jp.serialize_return(ret, key)), message)


def test_closed_scoring_and_missing_file(judging, j1_return, tmp_path):
    s = judging
    _, data = j1_return
    competitions.set_status(s.ws, s.code, CompetitionStatus.REGISTRATION)
    with pytest.raises(LockedError, match="Scoring is closed"):
        judge_packages.import_return(s.ws, s.code, write(tmp_path, "r.jret", data))
    refused(s, tmp_path / "nothing.jret", "does not exist")


# ---- the file format alone (no database) -------------------------------------------------

def _package() -> jp.Package:
    crit = jp.RubricCriterion("A", "Kebaruan", D(100), D(0), D(100), D("0.5"))
    return jp.build_package(
        jp.CompetitionRef("c", "Lomba", "2026-01-01T00:00:00.000000+00:00"),
        jp.RoundInfo("prop", "Proposal"), jp.JudgeRef("J1", "Juri"), "ab" * 32, (crit,),
        (jp.PackageEntry("E1", "Inovasi"),))


@pytest.mark.parametrize(("data", "message"), [
    (b"round,judge\n", "not valid JSON"),
    (b"PK\x03\x04", "zip file"),
    (b"\xff\xfe{", "not UTF-8"),
    (b'{"a": 1}', "not a judging-app package or return"),
    (b'{"format": "other/thing"}', "format label is 'other/thing'"),
    (b'{"format": "judging-app/judge-package", "version": 2}', "newer version of judging-app"),
    (b'{"format": "judging-app/judge-return", "version": 1}', "This is a judge's return file"),
    (b'{"format": "judging-app/judge-package", "version": 1, "payload": {"kind": "package"},'
     b' "signature": "00"}', "signature is missing or malformed"),
])
def test_files_that_are_not_packages(data, message):
    with pytest.raises(jp.PackageError, match=message):
        jp.read_package(data)


def test_package_round_trip_missing_fields_and_alteration():
    pkg = _package()
    data = jp.serialize_package(pkg)
    assert jp.read_package(data) == pkg
    with pytest.raises(jp.PackageError, match="lacks the field payload.round"):
        jp.read_package(edited(data, lambda p: p.pop("round"), key=pkg.secret))
    with pytest.raises(jp.PackageError, match=r"payload.rubric\[0\].weight should be a decimal"):
        jp.read_package(edited(data, lambda p: p["rubric"][0].update(weight=100), key=pkg.secret))
    with pytest.raises(jp.PackageError, match="altered or damaged after the secretariat"):
        jp.read_package(edited(data, lambda p: p["entries"][0].update(title="X")))
    with pytest.raises(jp.PackageError, match="must not carry the unit"):
        jp.build_package(pkg.competition, jp.RoundInfo("prop", "P", blind=True), pkg.judge,
                         pkg.secret, pkg.rubric, (jp.PackageEntry("E1", "I", unit="U1"),))


def test_the_judges_draft_checks_like_the_database():
    draft = jd.start_return(_package())
    assert jd.set_score(draft, "E1", "A", "72,5") == D("72.5")
    for bad, message in [("101", "outside the scale 0–100"), ("72.25", "step of 0.5"),
                         ("tujuh", "not a number")]:
        with pytest.raises(jd.DraftError, match=message):
            jd.set_score(draft, "E1", "A", bad)
    with pytest.raises(jd.DraftError, match="not in this package"):
        jd.set_score(draft, "E2", "A", 1)
    with pytest.raises(jd.DraftError, match="No criterion 'B'"):
        jd.set_score(draft, "E1", "B", 1)
    assert jd.set_score(draft, "E1", "A", "") is None
    with pytest.raises(jd.DraftError, match="a comment needs a score"):
        jd.set_comment(draft, "E1", "A", "bagus")
    with pytest.raises(jd.DraftError, match="criteria without a score: A"):
        jd.submit(draft, "E1")
    jd.set_score(draft, "E1", "A", 80)
    jd.submit(draft, "E1")
    assert jd.progress(draft) == (1, 1, 1)
    first = jd.export_return(draft)
    with pytest.raises(jd.DraftError, match="must grow"):
        jd.export_return(draft, 1)
    ret = jp.read_return(first)
    assert (ret.sequence, jp.signed_by(ret, draft.package.secret)) == (1, True)
    assert not jp.signed_by(ret, "cd" * 32)
    resumed = jd.resume_return(draft.package, first)
    assert (resumed.sheets["E1"].state, resumed.last_sequence) == ("submitted", 1)
    with pytest.raises(jp.PackageError, match="This is a judge's return file"):
        jp.read_package(first)
