"""Excel score sheets for judges without the app: export, fill in with openpyxl as a judge
would (only unlocked cells), import (both backends); every tampered or misdirected
workbook refused with its own message and the scores unchanged."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import shutil
import subprocess
import zipfile
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from judging_app.core.enums import CompetitionStatus
from judging_app.core.setup import RoundSpec
from judging_app.exchange.score_workbook import ScoreWorkbookError, read_score_workbook
from judging_app.services import (
    assignments,
    competitions,
    entries,
    results,
    score_workbooks,
    sheets,
)
from judging_app.services.entries import EntryInput
from judging_app.services.errors import ImportFileError, LockedError
from judging_app.services.sheets import SheetInput
from judging_app.store.database import open_database
from judging_app.store.models import AuditEvent, Criterion, Entry, Judge, Score, ScoreSheet

from factories import judge_signing_key, seeded_competition, tiny_setup

HEADERS = ["Kode inovasi", "Judul inovasi", "Perangkat daerah", "A — Kebaruan (40%) [1–5]",
           "B — Kemanfaatan (60%) [1–5, kelipatan 0,5]", "Nilai total (0–100)", "Catatan juri",
           "Status"]


def value(judge: str, entry: str, criterion: str) -> D:
    """Deterministic scores on the tiny rubric: A 1–5 step 1, B 1–5 step 0.5."""
    n = int(judge[1:]) * 7 + int(entry[1:]) * 3 + (5 if criterion == "B" else 0)
    return D(1 + n % 5) if criterion == "A" else D(1) + D(n % 9) / 2


@pytest.fixture
def judging(db):
    s = seeded_competition(db)
    assignments.auto_assign(s.ws, s.code, "prop", 2)
    return s


def export(s, folder: Path, target=None, **kw) -> dict[str, Path]:
    paths = score_workbooks.export_score_workbooks(target or s.ws, s.code, "prop", folder, **kw)
    return {read_score_workbook(p).identity.judge.code: p for p in paths}


def type_in(ws, ref: str, content) -> None:
    """What Excel lets a judge do: type into an unlocked cell of the protected sheet."""
    assert ws.protection.sheet, f"{ws.title} is not protected"
    cell = ws[ref]
    if cell.protection.locked:
        raise PermissionError(f"{ws.title}!{ref} is locked")
    cell.value = content


def columns(ws) -> dict[str, str]:
    """Header → column letter, read as a person reads the header row."""
    return {c.value.split(" — ")[0] if " — " in (c.value or "") else c.value: c.column_letter
            for c in ws[1] if c.value}


def fill(path: Path, *, only: int | None = None, criteria=("A", "B"), comment="Bagus sekali",
         bump: D = D(0)) -> Path:
    """The judge fills in every (or the first `only`) entry in Excel and saves."""
    wb = load_workbook(path)
    ws = wb["Nilai"]
    at = columns(ws)
    judge = read_score_workbook(path).identity.judge.code
    for r in range(2, ws.max_row + 1)[:only]:
        entry = ws[f"A{r}"].value
        for c in criteria:
            type_in(ws, f"{at[c]}{r}", float(min(value(judge, entry, c) + bump, D(5))))
        if comment:
            type_in(ws, f"{at['Catatan juri']}{r}", comment)
    wb.save(path)
    return path


def edit(path: Path, change, name: str | None = None) -> Path:
    """A tampered copy: `change(workbook)` may do what Excel's protection forbids."""
    wb = load_workbook(path)
    change(wb)
    out = path.with_name(name or f"t_{path.name}")
    wb.save(out)
    return out


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


def events(db, action: str = "scoresheets.import") -> list[dict]:
    with db.read() as s:
        return [json.loads(n) for n in s.scalars(
            select(AuditEvent.new).where(AuditEvent.action == action).order_by(AuditEvent.id))]


def n_events(db) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(AuditEvent))


def refused(s, path: Path, match: str, competition: str | None = None, **kw) -> str:
    """The import is refused with `match` in the message, and nothing changed at all."""
    before, count = dump(s.ws.db), n_events(s.ws.db)
    with pytest.raises(ImportFileError, match=match) as info:
        score_workbooks.import_score_workbook(s.ws, competition or s.code, path, **kw)
    assert dump(s.ws.db) == before
    assert n_events(s.ws.db) == count
    return str(info.value)


def secret(db, judge: str) -> str:
    return judge_signing_key(db, judge)


def parts(path: Path) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return b"".join(zf.read(n) for n in zf.namelist())


# ---- export ----------------------------------------------------------------------------

def test_export_one_workbook_per_judge_protected_and_validated(judging, db, tmp_path):
    s, calls = judging, []
    paths = score_workbooks.export_score_workbooks(s.ws, s.code, "prop", tmp_path,
                                                   progress=lambda d, t: calls.append((d, t)))
    assert [p.name for p in paths] == [f"{s.code}_prop_J{i}.xlsx" for i in (1, 2, 3)]
    assert calls == [(1, 3), (2, 3), (3, 3)]
    assigned = assignments.list_assignments(db, s.code, "prop")
    keys = {j: secret(db, j) for j in ("J1", "J2", "J3")}
    created = competitions.get_summary(db, s.code)
    [event] = events(db, "scoresheets.export")
    for path, issued in zip(paths, event["workbooks"], strict=True):
        ident = read_score_workbook(path).identity
        judge = ident.judge.code
        mine = sorted(e for j, e in assigned if j == judge)
        assert (issued["judge"], issued["workbook_id"]) == (judge, ident.workbook_id)
        assert (ident.competition.code, ident.competition.name) == (s.code, created.name)
        assert ident.competition.created_at.endswith("+00:00")
        assert (ident.round_code, ident.blind) == ("prop", False)
        assert [code for _, code in ident.entries] == mine
        assert ident.signed_by(keys[judge])
        assert not any(ident.signed_by(keys[o]) for o in keys if o != judge)
        assert all(k.encode() not in parts(path) for k in keys.values())  # no key in the file

        wb = load_workbook(path)
        assert wb.sheetnames == ["Nilai", "Petunjuk", "_identitas"]
        assert wb["_identitas"].sheet_state == "veryHidden"
        assert wb.security.lockStructure
        assert all(ws.protection.sheet for ws in wb.worksheets)
        ws = wb["Nilai"]
        assert [c.value for c in ws[1]] == HEADERS
        assert ws.freeze_panes == "D2"
        assert [ws[f"A{r}"].value for r in range(2, ws.max_row + 1)] == mine
        rules = {cell: dv for dv in ws.data_validations.dataValidation
                 for rng in dv.sqref.ranges for row in ws[rng.coord] for cell in row}
        for r in range(2, len(mine) + 2):
            for letter in "ABCDEFGH":
                assert ws[f"{letter}{r}"].protection.locked == (letter not in "DEG"), letter
            a, b = rules[ws[f"D{r}"]], rules[ws[f"E{r}"]]
            assert (a.type, a.operator, a.formula1, a.formula2) == ("whole", "between", "1", "5")
            assert b.type == "custom" and "MOD(ROUND((E2-1)/0.5,6),1)=0" in b.formula1
            assert "ISNUMBER(E2)" in b.formula1 and "E2<=5" in b.formula1
            assert a.showErrorMessage and "harus angka 1–5" in a.error
            assert "kelipatan 0,5" in b.error
            assert ws[f"F{r}"].data_type == "f"  # the total: our own formula, locked
            assert ws[f"F{r}"].value.startswith(f"=IF(COUNT(D{r}:E{r})=2,ROUND(D{r}*40/5+E{r}*60/5")
        guide = "\n".join(str(c.value) for row in wb["Petunjuk"].iter_rows() for c in row if c.value)
        for text in ("PETUNJUK PENGISIAN", "HOW TO FILL IN", "Kebaruan", "sangat baik", "kurang",
                     f"Juri {judge[1:]} ({judge})", "Σ bobot × nilai / nilai maksimum"):
            assert text in guide


def test_user_text_is_never_a_formula_and_a_blind_round_has_no_units(judging, db, tmp_path):
    s = judging
    e = entries.get_entry(db, s.code, "E1")
    entries.edit_entry(s.ws, s.code, "E1", EntryInput(
        "E1", "=HYPERLINK(\"http://x\",\"klik\")", e.unit_code, e.category_code))
    for path in export(s, tmp_path / "open").values():
        ws = load_workbook(path)["Nilai"]
        for r in range(2, ws.max_row + 1):
            assert ws[f"B{r}"].data_type == "s" and ws[f"C{r}"].value.startswith("Dinas Contoh")
    setup = competitions.get_setup(db, s.code)
    rounds = tuple(dataclasses.replace(r, blind=r.code == "prop") for r in setup.rounds)
    competitions.update_setup(s.ws, s.code, dataclasses.replace(setup, rounds=rounds))
    for path in export(s, tmp_path / "blind").values():
        assert b"Dinas Contoh" not in parts(path)
        assert [c.value for c in load_workbook(path)["Nilai"][1]] == [
            h for h in HEADERS if h != "Perangkat daerah"]
        fill(path)
        assert score_workbooks.import_score_workbook(s.ws, s.code, path).submitted


def test_english_workbook(judging, tmp_path):
    path = export(judging, tmp_path, lang="en")["J1"]
    wb = load_workbook(path)
    assert wb.sheetnames == ["Scores", "Instructions", "_identitas"]
    assert [c.value for c in wb["Scores"][1]][:5] == [
        "Entry code", "Title", "Government unit", "A — Kebaruan (40%) [1–5]",
        "B — Kemanfaatan (60%) [1–5, step 0.5]"]
    at = {"A": "D", "B": "E", "Catatan juri": "G"}
    ws = wb["Scores"]
    for r in range(2, ws.max_row + 1):
        for c in ("A", "B"):
            type_in(ws, f"{at[c]}{r}", float(value("J1", ws[f"A{r}"].value, c)))
    wb.save(path)
    report = score_workbooks.import_score_workbook(judging.ws, judging.code, path)
    assert report.submitted == ws.max_row - 1


# ---- the whole trip --------------------------------------------------------------------

def test_workbooks_give_the_same_results_as_direct_entry(judging, db, tmp_path):
    s = judging
    for judge, path in export(s, tmp_path).items():
        fill(path)
        report = score_workbooks.import_score_workbook(s.ws, s.code, path)
        n = len(read_score_workbook(path).rows)
        assert (report.judge_code, report.already_imported, report.updated) == (judge, False, 0)
        assert report.created == report.submitted == n
        assert events(db)[-1]["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert len(events(db)) == 3
    assert {r[4] for r in dump(db)} == {"excel"}

    direct_db = open_database(tmp_path / "direct.sqlite")
    try:
        d = seeded_competition(direct_db)
        assignments.auto_assign(d.ws, d.code, "prop", 2)
        for judge, entry in assignments.list_assignments(direct_db, d.code, "prop"):
            sheets.save_sheet(d.ws, d.code, "prop", judge, entry, SheetInput(
                {c: value(judge, entry, c) for c in ("A", "B")}, {}, "Bagus sekali"))
            sheets.submit_sheet(d.ws, d.code, "prop", judge, entry)
        direct = results.results_json(results.compute(direct_db, d.code))
        assert [r[:4] + r[5:] for r in dump(direct_db)] == [r[:4] + r[5:] for r in dump(db)]
    finally:
        direct_db.close()
    imported = results.results_json(results.compute(db, s.code))
    assert imported == direct
    assert len([e for c in imported["categories"] for e in c["rows"] if e["score_exact"]]) == 4


def test_the_same_workbook_twice_changes_nothing(judging, db, tmp_path):
    s = judging
    path = fill(export(s, tmp_path)["J1"])
    first = score_workbooks.import_score_workbook(s.ws, s.code, path)
    assert first.created and not first.already_imported
    before, count = dump(db), n_events(db)
    again = score_workbooks.import_score_workbook(s.ws, s.code, path)
    assert again.already_imported and "already imported" in str(again.summary())
    assert (again.created, again.updated, again.unchanged) == (0, 0, first.created)
    assert (dump(db), n_events(db)) == (before, count)
    def widen(wb):  # the same content, other bytes (a judge widened a column)
        wb["Nilai"].column_dimensions["B"].width = 80

    resaved = edit(path, widen, "resaved.xlsx")
    report = score_workbooks.import_score_workbook(s.ws, s.code, resaved)
    assert not report.changed and "nothing to change" in str(report.summary())
    assert (dump(db), n_events(db)) == (before, count)


def test_drafts_continue_through_a_reissued_workbook(judging, db, tmp_path):
    s = judging
    path = fill(export(s, tmp_path / "a")["J1"], only=1, criteria=("A",), comment="")
    r1 = score_workbooks.import_score_workbook(s.ws, s.code, path)
    assert (r1.created, r1.submitted, r1.empty) == (1, 0, len(read_score_workbook(path).rows) - 1)
    again = export(s, tmp_path / "b")["J1"]
    ws = load_workbook(again)["Nilai"]
    entry = ws["A2"].value
    assert (ws["D2"].value, ws["E2"].value, ws["H2"].value) == (value("J1", entry, "A"), None, "draf")
    fill(again)
    r2 = score_workbooks.import_score_workbook(s.ws, s.code, again)
    n = ws.max_row - 1
    assert (r2.updated, r2.created, r2.submitted) == (1, n - 1, n)
    third = load_workbook(export(s, tmp_path / "c")["J1"])["Nilai"]
    assert third["H2"].value == "terkirim (dikunci)"
    assert third["D2"].protection.locked and third["G2"].protection.locked  # submitted: locked
    with pytest.raises(PermissionError):
        type_in(third, "D2", 1)


def test_a_deleted_row_leaves_its_sheet_alone_with_a_warning(judging, db, tmp_path):
    s = judging
    path = fill(export(s, tmp_path)["J3"])
    gone = load_workbook(path)["Nilai"]["A2"].value
    report = score_workbooks.import_score_workbook(
        s.ws, s.code, edit(path, lambda wb: wb["Nilai"].delete_rows(2)))
    assert report.created == len(read_score_workbook(path).rows) - 1
    assert tuple(map(str, report.warnings)) == (f"1 entry issued on this score sheet has no row any more "
                               f"({gone}); nothing was changed for them",)
    assert gone not in {r[1] for r in dump(db)}


def test_a_direct_draft_replaced_and_numbers_typed_as_text(judging, db, tmp_path):
    s = judging
    path = export(s, tmp_path)["J1"]
    entry = load_workbook(path)["Nilai"]["A2"].value
    sheets.save_sheet(s.ws, s.code, "prop", "J1", entry, SheetInput({"A": D(1)}))  # after export
    fill(path)

    def as_text(wb):
        wb["Nilai"]["D2"].value, wb["Nilai"]["E2"].value = "4", " 2,5 "

    report = score_workbooks.import_score_workbook(s.ws, s.code, edit(path, as_text))
    assert report.warnings == (f"J1 / {entry}: the draft entered another way (direct) was "
                               "replaced by the judge's workbook",)
    got = sheets.get_sheet(db, s.code, "prop", "J1", entry)
    assert (got.scores, got.state, got.source, got.version) == (
        {"A": D(4), "B": D("2.5")}, "submitted", "excel", 2)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_workbook_saved_by_libreoffice_imports(sqlite_db, tmp_path):
    s = seeded_competition(sqlite_db)
    assignments.auto_assign(s.ws, s.code, "prop", 2)
    path = fill(export(s, tmp_path)["J2"])
    out = tmp_path / "lo"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out),
                    str(path)], check=True, capture_output=True, timeout=180)
    report = score_workbooks.import_score_workbook(s.ws, s.code, out / path.name)
    assert report.submitted == len(read_score_workbook(path).rows)


def test_submit_false_keeps_drafts(judging, db, tmp_path):
    s = judging
    path = fill(export(s, tmp_path)["J2"])
    report = score_workbooks.import_score_workbook(s.ws, s.code, path, submit=False)
    assert report.created and report.submitted == 0
    assert {r[2] for r in dump(db)} == {"draft"}


# ---- tampering and misdirected workbooks ---------------------------------------------------

@pytest.fixture
def j1(judging, tmp_path) -> Path:
    return fill(export(judging, tmp_path)["J1"])


def test_a_moved_column_is_refused(judging, j1):
    def swap(wb):
        ws = wb["Nilai"]
        for r in range(1, ws.max_row + 1):
            ws[f"D{r}"].value, ws[f"E{r}"].value = ws[f"E{r}"].value, ws[f"D{r}"].value

    msg = refused(judging, edit(j1, swap), "sheet Nilai, column D: it holds the column "
                  "'B — Kemanfaatan .*issued in column E.*columns were moved")
    assert "column E: it holds the column 'A — Kebaruan" in msg


def test_an_inserted_column_is_refused(judging, j1):
    msg = refused(judging, edit(j1, lambda wb: wb["Nilai"].insert_cols(4)),
                  "column D: the header should be 'A — Kebaruan")
    assert "extra column 'Status'" in msg


def test_text_in_a_score_cell_is_refused(judging, j1):
    def word(wb):
        wb["Nilai"]["D3"].value = "empat"

    refused(judging, edit(j1, word),
            r"sheet Nilai, cell D3 \(entry E\d+, criterion A\): 'empat' is not a number")


def test_a_formula_in_a_score_cell_is_refused(judging, j1):
    def formula(wb):
        wb["Nilai"]["E2"].value = "=2+2"

    refused(judging, edit(j1, formula), r"sheet Nilai, cell E2 \(entry E\d+, criterion B\): a "
            "formula; type the score as a number")


def test_values_off_the_step_or_the_scale_are_refused(judging, j1):
    def off(wb):
        wb["Nilai"]["E2"].value = 4.25
        wb["Nilai"]["D3"].value = 6

    msg = refused(judging, edit(j1, off), r"sheet Nilai, cell E2 \(entry E\d+, criterion B\): "
                  r"4.25 is not on the scale's step of 0.5")
    assert "sheet Nilai, cell D3 (entry E3, criterion A): 6 is outside the scale 1–5" in msg


def test_an_unknown_or_repeated_entry_is_refused(judging, j1):
    def added(wb):
        ws = wb["Nilai"]
        ws.append(["E99", "Inovasi lain", "", 3, 3])

    msg = refused(judging, edit(j1, added), "entry 'E99' is not on this score sheet")
    assert "rows cannot be added" in msg

    def repeated(wb):
        wb["Nilai"]["A3"].value = wb["Nilai"]["A2"].value

    refused(judging, edit(j1, repeated), r"cell A3: entry 'E\d+' appears twice \(first on row 2\)")


def set_identity(wb, key: str, *values: str) -> None:
    ws = wb["_identitas"]
    row = next(r for r in ws.iter_rows() if r[0].value == key)
    for cell, v in zip(row[1:], values, strict=False):
        cell.value = v


def test_a_workbook_for_another_judge_is_refused(judging, db, j1, tmp_path):
    s = judging
    relabelled = edit(j1, lambda wb: set_identity(wb, "judge", "J2", "Juri 2"))
    refused(s, relabelled, "claims judge J2, round prop, but it was issued to judge J1, round "
            "prop .*identity was altered")
    refused(s, j1, "is for judge J1 .*not judge J2", judge_code="J2")
    # exported without an audit trail: no record to name the judge, the signature still tells
    bare = fill(export(s, tmp_path / "bare", target=db)["J1"])
    refused(s, edit(bare, lambda wb: set_identity(wb, "judge", "J2", "Juri 2")),
            "identity was altered or damaged: its signature does not match under judge J2's key")


def test_a_workbook_for_another_round_is_refused(judging, db, j1, tmp_path):
    s = judging
    setup = competitions.get_setup(db, s.code)
    prop = next(r for r in setup.rounds if r.code == "prop")
    pres = RoundSpec(code="pres", name="Presentasi", criteria=prop.criteria)
    competitions.update_setup(s.ws, s.code, dataclasses.replace(setup, rounds=(*setup.rounds, pres)))
    assignments.auto_assign(s.ws, s.code, "pres", 1)
    [pres_book] = score_workbooks.export_score_workbooks(s.ws, s.code, "pres", tmp_path / "p")[:1]
    refused(s, pres_book, "is for round 'pres' \\(Presentasi\\), not round 'prop'", round_code="prop")
    moved = edit(j1, lambda wb: set_identity(wb, "round", "pres", "Presentasi", "open"))
    refused(s, moved, "claims judge J1, round pres, but it was issued to judge J1, round prop")
    unknown = edit(j1, lambda wb: set_identity(wb, "round", "final", "Final", "open"))
    refused(s, unknown, "round 'final', which is not a scored round")


def test_a_workbook_for_another_competition_is_refused(judging, j1, tmp_path):
    s = judging
    other = competitions.create_competition(s.ws, tiny_setup("Lomba Lain"))
    refused(s, j1, f"is for competition '{s.code}'.*not '{other.code}'", competition=other.code)
    twin_db = open_database(tmp_path / "twin.sqlite")  # same setup, same code, another competition
    try:
        twin = seeded_competition(twin_db)
        assignments.auto_assign(twin.ws, twin.code, "prop", 2)
        assert twin.code == s.code
        refused(twin, j1, "another competition that also has the code")
    finally:
        twin_db.close()


def test_a_changed_submitted_sheet_is_locked(judging, j1):
    s = judging
    score_workbooks.import_score_workbook(s.ws, s.code, j1)

    def change(wb):
        cell = wb["Nilai"]["D2"]
        cell.value = 1 if cell.value != 1 else 2

    msg = refused(s, edit(j1, change), r"sheet Nilai, row 2 \(J1 / E\d+\): the sheet is "
                  "submitted and locked, and the workbook changes it")
    assert "reopen" in msg


def test_an_older_workbook_never_overwrites_a_newer_one(judging, tmp_path):
    s = judging
    old = fill(export(s, tmp_path / "old")["J1"], only=1, criteria=("A",))
    new = fill(export(s, tmp_path / "new")["J1"], only=1, criteria=("A",), bump=D(1))
    score_workbooks.import_score_workbook(s.ws, s.code, new)
    refused(s, old, "before the one already imported for judge J1 in round prop")


@pytest.mark.parametrize(("make", "message"), [
    (lambda p: p.write_text("round,judge\nprop,J1\n"), "this is not a spreadsheet"),
    (lambda p: p.write_bytes(b"%PDF-1.4\n"), "this is a PDF document"),
    (lambda p: _zip(p, {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>"}),
     "this is a Word document \\(.docx\\) with a spreadsheet's name"),
    (lambda p: p.write_bytes(b""), "the file is empty"),
])
def test_files_that_are_not_workbooks(judging, tmp_path, make, message):
    path = tmp_path / "nilai.xlsx"
    make(path)
    refused(judging, path, message)


def _zip(path: Path, members: dict[str, str | bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def test_a_zip_bomb_and_a_missing_identity_are_refused(judging, j1, tmp_path):
    s = judging
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(j1) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("xl/media/zeros.bin", b"\0" * (3 * 2**20))
    refused(s, bomb, "possible zip bomb")
    refused(s, edit(j1, lambda wb: wb.remove(wb["_identitas"])), "not a judging-app score sheet")
    other = tmp_path / "plain.xlsx"
    Workbook().save(other)  # any other workbook
    refused(s, other, "it has no identity")


def test_a_sheet_far_larger_than_issued_is_refused_before_it_is_read(judging, j1):
    def stray(wb):
        wb["Nilai"]["B5000"].value = "x"

    refused(judging, edit(j1, stray), "holds values down to row 5,000 and across to column H; "
            "it was issued with 3 entries in rows 2–4")


def test_a_damaged_identity_is_refused(judging, j1):
    refused(judging, edit(j1, lambda wb: set_identity(wb, "signature", "zz")),
            "identity .* is damaged or was altered: the signature is missing or malformed")
    refused(judging, edit(j1, lambda wb: set_identity(wb, "version", "7")),
            "made by a newer version of judging-app")


def test_closed_scoring_and_a_missing_file(judging, j1, tmp_path):
    s = judging
    competitions.set_status(s.ws, s.code, CompetitionStatus.REGISTRATION)
    with pytest.raises(LockedError, match="Scoring is closed"):
        score_workbooks.import_score_workbook(s.ws, s.code, j1)
    refused(s, tmp_path / "nothing.xlsx", "does not exist")


# ---- the file alone (no database) ----------------------------------------------------------

def test_reading_reports_every_problem_with_its_cell(judging, j1):
    def many(wb):
        ws = wb["Nilai"]
        ws["D2"].value, ws["E2"].value, ws["D3"].value = "tiga", 4.25, True
        ws["E3"].value, ws["D4"].value, ws["E4"].value = "2.0001", date(2024, 5, 1), -1

    with pytest.raises(ScoreWorkbookError) as info:
        read_score_workbook(edit(j1, many))
    assert [re.sub(r" \(entry E\d, criterion [AB]\)", "", str(p)) for p in info.value.problems] == [
        "sheet Nilai, cell D2: 'tiga' is not a number.",
        "sheet Nilai, cell E2: 4.25 is not on the scale's step of 0.5.",
        "sheet Nilai, cell D3: 'TRUE' is not a number.",
        "sheet Nilai, cell E3: '2.0001' has more than 3 decimals; scores and weights are never "
        "rounded.",
        "sheet Nilai, cell D4: '2024-05-01' is a date or time, not a score.",
        "sheet Nilai, cell E4: -1 is outside the scale 1–5."]
    assert str(info.value.problems[0]) == (
        "sheet Nilai, cell D2 (entry E1, criterion A): 'tiga' is not a number.")
    assert str(info.value.problems[3]) == (
        "sheet Nilai, cell E3 (entry E3, criterion B): '2.0001' has more than 3 decimals; "
        "scores and weights are never rounded.")
    filled = read_score_workbook(j1)
    assert not filled.problems and not filled.missing
    assert all(filled.is_complete(r) and r.overall_comment == "Bagus sekali" for r in filled.rows)
