"""The two ways of judging behave the same behind `JudgeSession`: entries with states,
edits saved at once, undo/redo through the same path, the running total from the core, the
submit rule and the lock. Then what is particular to each: the database's version check, the
package's work file."""

from __future__ import annotations

from decimal import Decimal as D
from fractions import Fraction
from pathlib import Path

import pytest

from judging_app.exchange import judge_package as jp
from judging_app.services import judge_packages, sheets
from judging_app.services.sheets import SheetInput
from judging_app.ui.judge import package_session as ps
from judging_app.ui.judge.database_session import DatabaseJudgeSession
from judging_app.ui.judge.package_session import PackageJudgeSession
from judging_app.ui.judge.session import DRAFT, NOT_STARTED, SUBMITTED, SaveFailed, SessionError

from test_judge_mode_support import judging_with_assignments


@pytest.fixture
def judging(sqlite_db):
    return judging_with_assignments(sqlite_db)


def package_of(s, tmp_path: Path, judge: str = "J1") -> Path:
    return judge_packages.export_package(s.ws, s.code, "prop", judge, tmp_path)


@pytest.fixture(params=["database", "package"])
def session(request, qapp, judging, sqlite_db, tmp_path):
    if request.param == "database":
        return DatabaseJudgeSession(sqlite_db, judging.code, "prop", "J1")
    return PackageJudgeSession(package_of(judging, tmp_path), tmp_path / "work.jret")


def test_entries_and_details(session):
    assert [(e.code, e.state, e.scored, e.total) for e in session.entries()] == [
        ("E1", NOT_STARTED, 0, None), ("E2", NOT_STARTED, 0, None), ("E3", NOT_STARTED, 0, None)]
    d = session.details("E1")
    assert (d.code, d.title, d.category, d.unit) == ("E1", "Inovasi 1", "Umum", "Dinas Contoh 1")
    assert [c.code for c in session.rubric] == ["A", "B"]
    assert (session.info.judge_code, session.info.round_code) == ("J1", "prop")
    with pytest.raises(SessionError):
        session.details("E4")  # J2's entry


def test_edits_total_undo_and_redo(session):
    session.edit_score("E1", "A", D(4))
    session.edit_score("E1", "B", D("3.5"))
    v = session.sheet("E1")
    assert (v.state, v.scores) == (DRAFT, {"A": D(4), "B": D("3.5")})
    assert session.total(v.scores) == Fraction(74)
    assert session.total({"A": D(4)}) == Fraction(32)  # the running total while scoring
    session.edit_comment("E1", "A", "jelas")
    session.edit_overall_comment("E1", "Baik")
    session.edit_score("E1", "A", None)  # clearing also clears its comment
    assert session.sheet("E1").comments == {} and "A" not in session.sheet("E1").scores
    stack = session.undo_stack("E1")
    stack.undo()
    v = session.sheet("E1")
    assert (v.scores["A"], v.comments) == (D(4), {"A": "jelas"})
    stack.undo()
    stack.undo()
    assert session.sheet("E1").comments == {} and session.sheet("E1").overall_comment == ""
    stack.redo()
    assert session.sheet("E1").comments == {"A": "jelas"}
    assert [(e.code, e.state, e.scored, e.total) for e in session.entries()][0] == (
        "E1", DRAFT, 2, Fraction(74))
    assert session.progress() == (0, 1, 3)


def test_edits_in_one_visit_undo_as_one(session):
    session.edit_score("E1", "A", D(1), merge_key="visit-1")
    session.edit_score("E1", "A", D(2), merge_key="visit-1")
    session.edit_score("E1", "A", D(3), merge_key="visit-2")
    stack = session.undo_stack("E1")
    assert stack.count() == 2
    stack.undo()
    assert session.sheet("E1").scores == {"A": D(2)}
    stack.undo()
    assert session.sheet("E1").scores == {}


def test_rules_are_the_databases(session):
    with pytest.raises(SessionError, match="comment needs a score"):
        session.edit_comment("E1", "A", "tanpa nilai")
    with pytest.raises(SessionError, match="outside the scale"):
        session.edit_score("E1", "A", D(7))
    with pytest.raises(SessionError, match="step"):
        session.edit_score("E1", "B", D("3.25"))
    session.edit_score("E1", "A", D(4))
    assert session.missing_criteria("E1") == ["B"]
    with pytest.raises(SessionError, match="B"):
        session.submit("E1")
    session.edit_score("E1", "B", D(5))
    session.submit("E1")
    assert session.sheet("E1").state == SUBMITTED and session.sheet("E1").locked
    assert session.undo_stack("E1").count() == 0  # nothing of a submitted sheet is undone
    with pytest.raises(SessionError, match="locked"):
        session.edit_score("E1", "A", D(1))
    assert session.progress() == (1, 0, 3)


def test_database_edits_are_saved_at_once_and_stale_ones_refused(judging, sqlite_db, qapp):
    s = judging
    session = DatabaseJudgeSession(sqlite_db, s.code, "prop", "J1")
    session.edit_score("E1", "A", D(4))
    record = sheets.get_sheet(sqlite_db, s.code, "prop", "J1", "E1")
    assert (record.scores, record.source) == ({"A": D(4)}, "direct")
    # the same judge in another window saves meanwhile
    sheets.save_sheet(s.ws, s.code, "prop", "J1", "E1", SheetInput({"B": D(2)}))
    with pytest.raises(SessionError) as info:
        session.edit_score("E1", "A", D(5))
    assert info.value.stale
    assert session.sheet("E1").scores == {"A": D(4), "B": D(2)}  # reloaded
    session.edit_score("E1", "A", D(5))
    assert sheets.get_sheet(sqlite_db, s.code, "prop", "J1", "E1").scores["A"] == D(5)
    assert sheets.get_sheet(sqlite_db, s.code, "prop", "J2", "E1").scores == {
        "A": D(2), "B": D("1.5")}  # J2's sheet untouched


def test_package_work_file_resumes_and_counts_returns(judging, tmp_path, qapp):
    package, work = package_of(judging, tmp_path), tmp_path / "work.jret"
    first = PackageJudgeSession(package, work)
    first.edit_score("E2", "A", D(3))
    first.edit_overall_comment("E2", "lanjut besok")
    assert first.suggested_return_name().endswith("_J1_return-1.jret")
    first.export_return(tmp_path / "r1.jret")
    assert jp.read_return((tmp_path / "r1.jret").read_bytes()).sequence == 1
    # the app is gone without any goodbye: the work file has everything
    again = PackageJudgeSession(package, work)
    v = again.sheet("E2")
    assert (v.scores, v.overall_comment) == ({"A": D(3)}, "lanjut besok")
    assert again.suggested_return_name().endswith("_return-2.jret")
    assert again.draft.last_sequence == 1
    # the work file is itself a signed return of this package
    assert jp.signed_by(jp.read_return(work.read_bytes()), again.package.secret)


def test_package_work_file_of_another_package_is_kept_aside(judging, tmp_path, qapp):
    work = tmp_path / "work.jret"
    old = PackageJudgeSession(package_of(judging, tmp_path / "old"), work)
    old.edit_score("E1", "A", D(2))
    reissued = PackageJudgeSession(package_of(judging, tmp_path / "new"), work)
    assert reissued.set_aside is not None and reissued.set_aside.exists()
    assert reissued.sheet("E1").scores == {}  # the new package had no sheets yet
    assert not work.exists()


def test_package_save_is_atomic_and_a_failed_save_is_reported(judging, tmp_path, qapp,
                                                               monkeypatch):
    session = PackageJudgeSession(package_of(judging, tmp_path), tmp_path / "work.jret")
    session.edit_score("E1", "A", D(4))
    before = (tmp_path / "work.jret").read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ps.os, "replace", broken_replace)
    with pytest.raises(SaveFailed, match="work.jret: the disk is full"):
        session.edit_score("E1", "B", D(2))
    assert (tmp_path / "work.jret").read_bytes() == before  # the old file, whole
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    assert session.sheet("E1").scores == {"A": D(4), "B": D(2)}  # kept while open
    assert session.undo_stack("E1").count() == 2
    monkeypatch.undo()
    session.edit_score("E1", "B", D(3))
    again = PackageJudgeSession(session.package_path, tmp_path / "work.jret")
    assert again.sheet("E1").scores == {"A": D(4), "B": D(3)}


def test_default_work_path(tmp_path, monkeypatch):
    package = tmp_path / "lomba_prop_J1.jpkg"
    assert ps.default_work_path(package) == tmp_path / "lomba_prop_J1.work.jret"
    monkeypatch.setattr(ps, "_writable", lambda folder: False)
    assert ps.default_work_path(package, tmp_path / "data") == (
        tmp_path / "data" / "lomba_prop_J1.work.jret")
