"""Judge mode on a judge package (a laptop with no other database): scored by keyboard,
exported as a return, imported by the secretariat, with the same results as the same scores
entered directly; blind rounds show no unit or innovators; conflicts go to the secretariat."""

from __future__ import annotations

import dataclasses
from decimal import Decimal as D
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from judging_app.exchange import judge_package as jp
from judging_app.services import assignments, competitions, entries, judge_packages, results, sheets
from judging_app.services.entries import EntryInput
from judging_app.store.database import open_database
from judging_app.ui.judge.database_session import DatabaseJudgeSession
from judging_app.ui.judge.package_session import PackageJudgeSession

from factories import seeded_competition
from test_judge_mode_support import open_window, type_score

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
SCORES = {"E1": ("4", "3,5"), "E2": ("5", "2"), "E3": ("3", "4,5"), "E4": ("2", "1")}


def judging_for_j1(db):
    s = seeded_competition(db)
    assignments.assign(s.ws, s.code, "prop", "J1", list(SCORES))
    return s


def press(qtbot, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key where the focus is, as a person presses it."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    qtbot.keyClick(QApplication.focusWidget(), key, modifiers)


def score_everything_by_keyboard(qtbot, window) -> None:
    """From the home: Enter opens the first entry to do, the scores are typed with Enter,
    Ctrl+Enter submits (confirmed) and the next entry to do opens by itself; after the last,
    the home says everything is submitted."""
    window.home.focus_table()
    qtbot.waitUntil(window.home.table.hasFocus, timeout=2000)
    press(qtbot, Qt.Key.Key_Return)
    for entry, (a, b) in SCORES.items():
        assert window.sheet.entry == entry
        type_score(qtbot, window, "A", a)
        type_score(qtbot, window, "B", b)
        window.ask.confirms.append(True)
        press(qtbot, Qt.Key.Key_Return, CTRL)
        assert window.sheet.values.state == "submitted" or window.sheet.entry != entry
    assert window.pages.currentWidget() is window.home
    assert window.home.empty_hint.isVisibleTo(window.home)  # "Nothing left to do …"


def test_package_scored_exported_imported_gives_the_results_of_direct_entry(
        qtbot, sqlite_db, tmp_path):
    s = judging_for_j1(sqlite_db)
    (package,) = judge_packages.export_packages(s.ws, s.code, "prop", tmp_path / "out")
    session = PackageJudgeSession(package, tmp_path / "laptop" / "work.jret")
    window, dialogs, translations = open_window(qtbot, session, tmp_path / "p", "id")
    try:
        score_everything_by_keyboard(qtbot, window)
        assert window.home.progress.value() == 4
        target = tmp_path / "to-secretariat" / "J1.jret"
        window.ask.return_paths = [str(target)]
        press(qtbot, Qt.Key.Key_E, CTRL)
        assert window.ask.asked[-2][0] == "return_file"
        assert window.ask.asked[-2][1].endswith("_prop_J1_return-1.jret")
        assert window.ask.asked[-1][0] == "info" and str(target) in window.ask.asked[-1][2]
        assert dialogs.asked == []
    finally:
        translations.restore()
    report = judge_packages.import_return(s.ws, s.code, target)
    assert (report.created, report.submitted, report.sequence) == (4, 4, 1)
    imported = results.results_json(results.compute(sqlite_db, s.code))

    direct_db = open_database(tmp_path / "direct.sqlite")
    try:
        d = judging_for_j1(direct_db)
        direct_session = DatabaseJudgeSession(direct_db, d.code, "prop", "J1")
        window, dialogs, translations = open_window(qtbot, direct_session, tmp_path / "d", "id")
        try:
            score_everything_by_keyboard(qtbot, window)
        finally:
            translations.restore()
        assert dialogs.asked == []
        direct = results.results_json(results.compute(direct_db, d.code))
        for entry in SCORES:
            assert sheets.get_sheet(direct_db, d.code, "prop", "J1", entry).scores == \
                sheets.get_sheet(sqlite_db, s.code, "prop", "J1", entry).scores
    finally:
        direct_db.close()
    assert imported == direct
    scored = [e for c in imported["categories"] for e in c["rows"] if e["score_exact"]]
    assert len(scored) == 4


def test_a_blind_package_shows_no_unit_and_no_innovators(qtbot, sqlite_db, tmp_path):
    s = judging_for_j1(sqlite_db)
    old = entries.get_entry(sqlite_db, s.code, "E1")
    entries.edit_entry(s.ws, s.code, "E1", EntryInput(
        "E1", old.title, "U1", "umum", innovators="Siti Aminah", contact="0812-555",
        summary="Antar dokumen ke rumah warga.", links="https://contoh.go.id/e1"))
    setup = competitions.get_setup(sqlite_db, s.code)
    competitions.update_setup(s.ws, s.code, dataclasses.replace(setup, rounds=tuple(
        dataclasses.replace(r, blind=True) if r.code == "prop" else r for r in setup.rounds)))
    package = judge_packages.export_package(s.ws, s.code, "prop", "J1", tmp_path)
    for session in (PackageJudgeSession(package, tmp_path / "w.jret"),
                    DatabaseJudgeSession(sqlite_db, s.code, "prop", "J1")):
        window, _dialogs, translations = open_window(qtbot, session, tmp_path / "s", "en")
        try:
            window.open_entry("E1")
            text = window.sheet.entry_panel.toPlainText()
            assert "Antar dokumen ke rumah warga." in text and "https://contoh.go.id/e1" in text
            for hidden in ("Dinas Contoh", "Siti Aminah", "0812-555", "Unit", "Innovators",
                           "Contact"):
                assert hidden not in text
        finally:
            translations.restore()
    # not blind: they are shown
    competitions.update_setup(s.ws, s.code, setup)
    session = DatabaseJudgeSession(sqlite_db, s.code, "prop", "J1")
    window, _dialogs, translations = open_window(qtbot, session, tmp_path / "n", "en")
    try:
        window.open_entry("E1")
        text = window.sheet.entry_panel.toPlainText()
        assert "Dinas Contoh 1" in text and "Siti Aminah" in text
    finally:
        translations.restore()


@pytest.fixture
def package_window(qtbot, sqlite_db, tmp_path):
    s = judging_for_j1(sqlite_db)
    package = judge_packages.export_package(s.ws, s.code, "prop", "J1", tmp_path)
    session = PackageJudgeSession(package, tmp_path / "work.jret")
    window, dialogs, translations = open_window(qtbot, session, tmp_path / "s", "en")
    yield s, window, dialogs, tmp_path
    translations.restore()


def test_conflicts_are_declared_to_the_secretariat_in_package_mode(qtbot, package_window):
    _s, window, _dialogs, _tmp = package_window
    window.open_entry("E2")
    qtbot.mouseClick(window.sheet.conflict_button, Qt.MouseButton.LeftButton)
    assert window.ask.asked == [("conflict_via_secretariat", "E2 · Inovasi 2")]
    assert window.sheet.entry == "E2"  # nothing changed


def test_each_export_gets_the_next_number_even_after_a_restart(qtbot, package_window):
    s, window, _dialogs, tmp = package_window
    window.open_entry("E1")
    type_score(qtbot, window, "A", "4")
    window.ask.return_paths = [str(tmp / "r1.jret"), None]
    window.export_return()
    window.export_return()  # cancelled: no number used
    assert window.ask.asked[-1][1].endswith("_return-2.jret")
    work = PackageJudgeSession(Path(window.session.package_path), tmp / "work.jret")
    assert work.suggested_return_name().endswith("_return-2.jret")
    assert jp.read_return((tmp / "r1.jret").read_bytes()).sequence == 1
    judge_packages.import_return(s.ws, s.code, tmp / "r1.jret")
    assert sheets.get_sheet(s.ws.db, s.code, "prop", "J1", "E1").scores == {"A": D(4)}


def test_home_of_a_package(qtbot, package_window):
    _s, window, _dialogs, tmp = package_window
    assert window.home.export_button.isVisible()
    assert str(tmp / "work.jret") in window.home.note.text()
    assert "Package:" in window.where.text()
    assert [window.home.model.item(r).code for r in range(4)] == list(SCORES)


JUDGE_SCORES = {  # each judge scores differently; every entry gets three sheets
    "J1": {"E1": ("4", "3,5"), "E2": ("5", "2"), "E3": ("3", "4,5"), "E4": ("2", "1")},
    "J2": {"E1": ("5", "4"), "E2": ("3", "3"), "E3": ("2", "5"), "E4": ("1", "1,5")},
    "J3": {"E1": ("3", "5"), "E2": ("4", "2,5"), "E3": ("4", "4"), "E4": ("2", "2")},
}


def judging_for_three(db):
    s = seeded_competition(db)
    for judge in JUDGE_SCORES:
        assignments.assign(s.ws, s.code, "prop", judge, ["E1", "E2", "E3", "E4"])
    return s


def score_as(qtbot, window, scores) -> None:
    window.home.focus_table()
    qtbot.waitUntil(window.home.table.hasFocus, timeout=2000)
    press(qtbot, Qt.Key.Key_Return)
    for entry, (a, b) in scores.items():  # each submit opens the next entry to do
        assert window.sheet.entry == entry
        type_score(qtbot, window, "A", a)
        type_score(qtbot, window, "B", b)
        window.ask.confirms.append(True)
        press(qtbot, Qt.Key.Key_Return, CTRL)


def test_three_judges_packages_give_the_results_of_direct_entry(qtbot, sqlite_db, tmp_path):
    """The issue's round trip: packages for three judges, each filled by keyboard in judge
    mode on its own laptop, returns exported and imported; the results equal the same
    scores entered by the same judges directly on the database."""
    s = judging_for_three(sqlite_db)
    packages = judge_packages.export_packages(s.ws, s.code, "prop", tmp_path / "out")
    assert len(packages) == 3
    returns = []
    for package in packages:
        judge = next(j for j in JUDGE_SCORES if f"_{j}" in package.name)
        session = PackageJudgeSession(package, tmp_path / judge / "work.jret")
        window, _dialogs, translations = open_window(qtbot, session, tmp_path / f"p{judge}", "id")
        try:
            score_as(qtbot, window, JUDGE_SCORES[judge])
            target = tmp_path / "to-secretariat" / f"{judge}.jret"
            window.ask.return_paths = [str(target)]
            press(qtbot, Qt.Key.Key_E, CTRL)
            returns.append(target)
        finally:
            translations.restore()
            window.close()
    for target in returns:
        assert judge_packages.import_return(s.ws, s.code, target).submitted == 4
    imported = results.results_json(results.compute(sqlite_db, s.code))

    direct_db = open_database(tmp_path / "direct.sqlite")
    try:
        d = judging_for_three(direct_db)
        for judge, scores in JUDGE_SCORES.items():
            session = DatabaseJudgeSession(direct_db, d.code, "prop", judge)
            window, _dialogs, translations = open_window(qtbot, session, tmp_path / f"d{judge}", "id")
            try:
                score_as(qtbot, window, scores)
            finally:
                translations.restore()
                window.close()
        direct = results.results_json(results.compute(direct_db, d.code))
    finally:
        direct_db.close()
    assert imported == direct
    rows = [r for c in imported["categories"] for r in c["rows"]]
    assert all(r["sheets"] == 3 and not r["incomplete"] for r in rows)
